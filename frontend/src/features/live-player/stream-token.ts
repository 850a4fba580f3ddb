/**
 * Stream tokens ride in the `token` query parameter of the playlist and segment URLs. These
 * helpers let a running player swap in a fresh token without reloading the stream.
 */

const TOKEN_PARAM = 'token';

function parse(url: string): URL {
  return new URL(url, globalThis.location?.href ?? 'http://localhost/');
}

/** The folder every URL of this stream lives in (`https://host/hls/cam_<id>/`). */
export function streamScope(playlistUrl: string): string {
  const { origin, pathname } = parse(playlistUrl);
  return `${origin}${pathname.slice(0, pathname.lastIndexOf('/') + 1)}`;
}

/** The playlist URL without its token: two URLs of the same stream compare equal. */
export function streamIdentity(playlistUrl: string): string {
  const url = parse(playlistUrl);
  url.searchParams.delete(TOKEN_PARAM);
  return `${url.origin}${url.pathname}${url.search}`;
}

/**
 * Puts `token` on a request inside the stream's `scope`; any other URL is returned unchanged so
 * the token never goes to another stream or host.
 */
export function withStreamToken(requestUrl: string, token: string, scope: string): string {
  const url = parse(requestUrl);
  if (!`${url.origin}${url.pathname}`.startsWith(scope)) return requestUrl;
  url.searchParams.set(TOKEN_PARAM, token);
  return url.href;
}

/** Refresh well before the token expires: at 3/4 of its remaining life, at least 30 s early. */
export function tokenRefreshDelayMs(expiresAt: string, now = Date.now()): number {
  const remaining = Date.parse(expiresAt) - now;
  if (!Number.isFinite(remaining)) return 0;
  const early = Math.max(30_000, remaining / 4);
  return Math.max(0, remaining - early);
}

/** URLs whose token has less than this left are not worth starting a stream with. */
const MIN_USABLE_MS = 5_000;

export function hasUsableToken(expiresAt: string, now = Date.now()): boolean {
  return Date.parse(expiresAt) - now > MIN_USABLE_MS;
}
