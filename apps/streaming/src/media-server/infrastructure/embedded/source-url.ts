import { fileURLToPath } from 'node:url';
import type { PathSource } from '../../media-server.port';

export type SourceKind = 'rtsp' | 'http' | 'file';

export class UnsupportedSourceError extends Error {
  readonly code = 'STREAM.SOURCE_UNSUPPORTED';
}

export function sourceKind(url: string): SourceKind {
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (scheme === 'rtsp' || scheme === 'rtsps') return 'rtsp';
  if (scheme === 'http' || scheme === 'https') return 'http';
  if (scheme === 'file') return 'file';
  throw new UnsupportedSourceError(`unsupported source scheme "${scheme.slice(0, 20)}" (rtsp, rtsps, http, https or file)`);
}

/**
 * The input ffmpeg opens: the credentials go into the URL's userinfo, percent-encoded (ffmpeg decodes
 * them); a file:// URL becomes a plain `file:` path so that nothing else is parsed from it.
 */
export function ffmpegInput(source: PathSource): string {
  if (sourceKind(source.url) === 'file') return `file:${fileURLToPath(source.url)}`;
  if (!source.credentials) return source.url;
  const url = new URL(source.url);
  url.username = encodeURIComponent(source.credentials.username);
  url.password = encodeURIComponent(source.credentials.password);
  return url.toString();
}

const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi;
const MIN_LITERAL_SECRET = 3;

/** Masks URL userinfo and the source's own username/password (raw or percent-encoded) in any text meant for logs or errors. */
export function redactCredentials(text: string, source?: PathSource): string {
  let masked = text.replace(USERINFO, '$1***@');
  const credentials = source?.credentials;
  if (!credentials) return masked;
  const secrets = [credentials.password, credentials.username]
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .filter((secret) => secret.length >= MIN_LITERAL_SECRET)
    .sort((a, b) => b.length - a.length);
  for (const secret of secrets) masked = masked.split(secret).join('***');
  return masked;
}

export function sameSource(a: PathSource, b: PathSource): boolean {
  return a.url === b.url
    && a.credentials?.username === b.credentials?.username
    && a.credentials?.password === b.credentials?.password;
}
