const SECRET_PARAM_NAMES = ['token', 'access_token', 'jwt', 'auth', 'key', 'sig', 'signature', 'password', 'pass'];
const SECRET_PARAMS = new RegExp(`([?&](?:${SECRET_PARAM_NAMES.join('|')})=)[^&\\s#"']*`, 'gi');
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi;
const MIN_LITERAL_SECRET = 4;

/** The secret values a URL carries: password, username and secret query parameters, raw and percent-encoded. */
function secretsOf(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const values = [decodeURIComponent(parsed.password), decodeURIComponent(parsed.username)];
  for (const [name, value] of parsed.searchParams) {
    if (SECRET_PARAM_NAMES.includes(name.toLowerCase())) values.push(value);
  }
  return values
    .flatMap((value) => [value, encodeURIComponent(value)])
    .filter((value) => value.length >= MIN_LITERAL_SECRET)
    .sort((a, b) => b.length - a.length);
}

/**
 * Masks stream tokens and credentials in text meant for logs, stats or errors: `?token=` style
 * query parameters and URL userinfo anywhere, and, when `url` is given, its secret values wherever
 * they appear (ffmpeg may print them decoded or inside another URL).
 */
export function maskUrlSecrets(text: string, url?: string): string {
  let masked = text.replace(SECRET_PARAMS, '$1***').replace(USERINFO, '$1***@');
  if (url) for (const secret of secretsOf(url)) masked = masked.split(secret).join('***');
  return masked;
}
