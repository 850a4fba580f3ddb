import type { PathSource } from '../../media-server.port';
import { InvalidPathSpecError } from './mediamtx.errors';

/** The PathConf fields this adapter sets, named as in the Control API v3 spec (`components.schemas.PathConf`). */
export interface MediaMtxPathConf {
  source: string;
  sourceOnDemand: boolean;
  sourceOnDemandStartTimeout?: string;
  sourceOnDemandCloseAfter?: string;
  rtspTransport?: 'udp' | 'multicast' | 'tcp' | 'automatic';
  runOnDemand?: string;
  runOnDemandRestart?: boolean;
  runOnDemandStartTimeout?: string;
  runOnDemandCloseAfter?: string;
}

const START_TIMEOUT = '10s';
const CLOSE_AFTER = '10s';

/**
 * Turns a camera source into the PathConf MediaMTX pulls it with: rtsp(s) and http(s) HLS are
 * pulled by MediaMTX itself on demand; a `file://` recording is looped by an ffmpeg that MediaMTX
 * starts on demand and that publishes back into the same path.
 */
export function buildPathConf(source: PathSource): MediaMtxPathConf {
  const url = parseUrl(source.url);
  switch (url.protocol) {
    case 'rtsp:':
    case 'rtsps:':
      return {
        source: withCredentials(url, source.credentials),
        rtspTransport: 'tcp',
        sourceOnDemand: true,
        sourceOnDemandStartTimeout: START_TIMEOUT,
        sourceOnDemandCloseAfter: CLOSE_AFTER,
      };
    case 'http:':
    case 'https:':
      return {
        source: withCredentials(url, source.credentials),
        sourceOnDemand: true,
        sourceOnDemandStartTimeout: START_TIMEOUT,
        sourceOnDemandCloseAfter: CLOSE_AFTER,
      };
    case 'file:':
      return {
        source: 'publisher',
        // pathDefaults turn sourceOnDemand on, and MediaMTX rejects it on a publisher path.
        sourceOnDemand: false,
        runOnDemand: replayCommand(filePathOf(url)),
        runOnDemandRestart: true,
        runOnDemandStartTimeout: START_TIMEOUT,
        runOnDemandCloseAfter: CLOSE_AFTER,
      };
    default:
      throw new InvalidPathSpecError(`unsupported source scheme ${url.protocol}`);
  }
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new InvalidPathSpecError('the source is not a valid URL');
  }
}

/** Puts the credentials into the URL's userinfo, percent-encoding every character outside RFC 3986 "unreserved". */
function withCredentials(url: URL, credentials: PathSource['credentials']): string {
  if (!url.hostname) throw new InvalidPathSpecError('the source URL must name a host');
  if (!credentials) return url.href;
  const withUserinfo = new URL(url.href);
  // The URL setters leave `%` alone, so pre-encoded values go through unchanged.
  withUserinfo.username = encodeUserinfo(credentials.username);
  withUserinfo.password = encodeUserinfo(credentials.password);
  return withUserinfo.href;
}

function encodeUserinfo(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function filePathOf(url: URL): string {
  if (url.host) throw new InvalidPathSpecError('file sources must be file:///absolute/path');
  let filePath: string;
  try {
    filePath = decodeURIComponent(url.pathname);
  } catch {
    throw new InvalidPathSpecError('the file path contains a malformed percent-encoding');
  }
  if (!filePath.startsWith('/') || filePath.endsWith('/')) {
    throw new InvalidPathSpecError('file sources must name a file by absolute path');
  }
  return filePath;
}

/**
 * MediaMTX splits runOnDemand with shell-like rules (single quotes keep everything literal) and
 * then expands `$VARS` inside every part, quoted or not: a path with quotes, `$` or control
 * characters cannot be passed through safely, so it is refused.
 */
function replayCommand(filePath: string): string {
  if (/['"$\\\u0000-\u001f\u007f]/.test(filePath)) {
    throw new InvalidPathSpecError('file paths must not contain quotes, backslashes, "$" or control characters');
  }
  return `ffmpeg -re -stream_loop -1 -i '${filePath}' -c copy -f rtsp -rtsp_transport tcp rtsp://localhost:$RTSP_PORT/$MTX_PATH`;
}
