import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { StreamAccessPolicy } from '../../media-server.port';
import { withTokenOnUris } from './hls-playlist';
import { isServableHlsFile, isValidPathName, PLAYLIST_FILE } from './path-name';
import { StreamStartError } from './stream-start.error';

/** What the HLS server needs from the engine. */
export interface HlsCatalog {
  has(name: string): boolean;
  /** Marks a read and waits until the path serves a playlist (starting it if needed). */
  ensureServing(name: string, reader: string): Promise<void>;
  /** Marks a read (a segment request keeps the path alive). */
  read(name: string, reader: string): void;
  directoryOf(name: string): string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
};

const START_ERRORS: Record<StreamStartError['kind'], [number, string]> = {
  failed: [502, 'STREAM.SOURCE_FAILED'],
  timeout: [504, 'STREAM.START_TIMEOUT'],
  gone: [404, 'STREAM.NOT_FOUND'],
};

/** Serves `/<path>/index.m3u8` and `/<path>/<segment>` to token holders; nothing else is reachable. */
export class HlsHttpServer {
  private server: http.Server | null = null;

  constructor(private readonly catalog: HlsCatalog, private readonly policy: StreamAccessPolicy) {}

  async listen(port: number, host: string): Promise<number> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => sendError(res, 500, 'STREAM.INTERNAL', 'internal error'));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => { server.off('error', reject); resolve(); });
    });
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'STREAM.METHOD_NOT_ALLOWED', 'only GET and HEAD are allowed');
    }
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const parts = (queryStart === -1 ? url : url.slice(0, queryStart)).split('/');
    if (parts.length !== 3 || parts[0] !== '') return sendError(res, 404, 'STREAM.NOT_FOUND', 'no such stream');
    const [, name, file] = parts;
    if (!isValidPathName(name) || !isServableHlsFile(file)) return sendError(res, 400, 'STREAM.INVALID_PATH', 'invalid stream path');

    const token = tokenOf(req, queryStart === -1 ? '' : url.slice(queryStart + 1));
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'STREAM.TOKEN_MISSING', 'a stream token is required');
    }
    if (!this.policy.canRead(name, token)) return sendError(res, 403, 'STREAM.TOKEN_INVALID', 'the stream token does not grant this stream');
    if (!this.catalog.has(name)) return sendError(res, 404, 'STREAM.NOT_FOUND', 'no such stream');

    const reader = readerOf(req, token);
    if (file === PLAYLIST_FILE) return this.servePlaylist(req, res, name, token, reader);
    this.catalog.read(name, reader);
    return serveFile(req, res, path.join(this.catalog.directoryOf(name), file));
  }

  private async servePlaylist(req: http.IncomingMessage, res: http.ServerResponse, name: string, token: string, reader: string): Promise<void> {
    try {
      await this.catalog.ensureServing(name, reader);
    } catch (error) {
      if (!(error instanceof StreamStartError)) throw error;
      const [status, code] = START_ERRORS[error.kind];
      return sendError(res, status, code, error.message, { reason: error.reason });
    }
    let playlist: string;
    try {
      playlist = await readFile(path.join(this.catalog.directoryOf(name), PLAYLIST_FILE), 'utf8');
    } catch {
      return sendError(res, 503, 'STREAM.UNAVAILABLE', 'the stream is restarting, try again');
    }
    const body = Buffer.from(withTokenOnUris(playlist, token));
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.m3u8'], 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}

async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return sendError(res, 404, 'STREAM.SEGMENT_NOT_FOUND', 'no such segment (it may have rotated out)');
  }
  res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)], 'Content-Length': size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

function tokenOf(req: http.IncomingMessage, query: string): string | null {
  const fromQuery = new URLSearchParams(query).get('token');
  if (fromQuery) return fromQuery;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return bearer ? bearer[1] : null;
}

/** Readers are counted per client address and token, without keeping the token itself. */
function readerOf(req: http.IncomingMessage, token: string): string {
  return `${req.socket.remoteAddress ?? '?'}|${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string, details?: Record<string, unknown>): void {
  if (res.headersSent) return void res.destroy();
  const body = Buffer.from(JSON.stringify({ error: { code, message, ...(details ? { details } : {}) } }));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(body);
}
