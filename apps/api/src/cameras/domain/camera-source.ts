import { CameraErrors } from './camera.errors';

export type SourceKind = 'rtsp' | 'hls' | 'file';

export interface CameraCredentials {
  username: string;
  password: string;
}

const MAX_URL_LENGTH = 2048;
const SCHEMES: Record<string, SourceKind> = { 'rtsp:': 'rtsp', 'rtsps:': 'rtsp', 'http:': 'hls', 'https:': 'hls', 'file:': 'file' };

/**
 * A camera's source URL: rtsp(s)://, http(s)://…m3u8 or file:// (a recording replayed as a
 * live camera). Credentials never stay in the URL: they are split off to be stored encrypted.
 */
export class CameraSource {
  private constructor(readonly url: string, readonly kind: SourceKind, readonly host: string | null, readonly filePath: string | null) {}

  static parse(raw: string): { source: CameraSource; credentials: CameraCredentials | null } {
    if (raw.length > MAX_URL_LENGTH) throw CameraErrors.sourceUrlInvalid(`must be at most ${MAX_URL_LENGTH} characters`);
    if (/[\s\u0000-\u001f]/.test(raw)) throw CameraErrors.sourceUrlInvalid('must not contain spaces or control characters');
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw CameraErrors.sourceUrlInvalid('is not a valid URL');
    }
    const kind = SCHEMES[url.protocol];
    if (!kind) throw CameraErrors.sourceUrlInvalid('scheme must be rtsp, rtsps, http, https or file');
    if (url.hash) throw CameraErrors.sourceUrlInvalid('must not contain a fragment');

    if (kind === 'file') {
      if (url.host) throw CameraErrors.sourceUrlInvalid('file URLs must be file:///absolute/path');
      const filePath = decode(url.pathname);
      if (!filePath.startsWith('/') || filePath.endsWith('/') || filePath.includes('\0')) {
        throw CameraErrors.sourceUrlInvalid('file URLs must name a file by absolute path');
      }
      return { source: new CameraSource(url.href, kind, null, filePath), credentials: null };
    }

    if (!url.hostname) throw CameraErrors.sourceUrlInvalid('must name a host');
    if (kind === 'hls' && !url.pathname.toLowerCase().endsWith('.m3u8')) {
      throw CameraErrors.sourceUrlInvalid('HTTP sources must be HLS playlists ending in .m3u8');
    }
    const credentials = url.username || url.password
      ? { username: decode(url.username), password: decode(url.password) }
      : null;
    url.username = '';
    url.password = '';
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return { source: new CameraSource(url.href, kind, host, null), credentials };
  }

  static restore(url: string): CameraSource {
    return CameraSource.parse(url).source;
  }
}

/** `new URL` keeps malformed escapes such as `%ZZ`; they must be a 422, not a URIError. */
function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    throw CameraErrors.sourceUrlInvalid('contains a malformed percent-encoding');
  }
}
