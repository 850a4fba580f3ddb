import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { MediaMtxPathConf } from './mediamtx-path-conf';
import { MediaServerRequestError, MediaServerUnavailableError } from './mediamtx.errors';

export interface MediaMtxApiClientOptions {
  /** e.g. `http://mediamtx:9997` */
  baseUrl: string;
  username: string;
  password: string;
  /** MediaMTX waits about 2 s before answering a failed login: keep this well above that. */
  timeoutMs: number;
  /** Items asked per page of the list endpoints (MediaMTX's default is 100). */
  itemsPerPage?: number;
}

/** One entry of `GET /v3/config/paths/list`, reduced to what the adapter reads. */
export interface MediaMtxPathConfEntry {
  name: string;
}

/** One entry of `GET /v3/paths/list`; a field MediaMTX left out or sent with the wrong type is null. */
export interface MediaMtxPathEntry {
  name: string;
  online: boolean | null;
  /** Deprecated by MediaMTX in favour of `online`; still sent by older versions. */
  ready: boolean | null;
  readers: number;
  inboundBytes: number | null;
  /** Deprecated by MediaMTX in favour of `inboundBytes`. */
  bytesReceived: number | null;
}

type Method = 'GET' | 'POST' | 'DELETE';

/** Guards against a server whose pageCount never stops growing. */
const MAX_PAGES = 1000;

/** A small client for the MediaMTX Control API v3 (HTTP basic auth). */
export class MediaMtxApiClient {
  private readonly http: AxiosInstance;
  private readonly itemsPerPage: number;

  constructor(options: MediaMtxApiClientOptions) {
    this.itemsPerPage = options.itemsPerPage ?? 100;
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      auth: { username: options.username, password: options.password },
      headers: { Accept: 'application/json' },
      // MediaMTX sits on the internal network: never route it through an HTTP(S)_PROXY from the environment.
      proxy: false,
      maxRedirects: 0,
      validateStatus: () => true,
    });
  }

  /** Creates the path configuration or replaces every value of it (unset fields fall back to pathDefaults). */
  async replacePath(name: string, conf: MediaMtxPathConf): Promise<void> {
    await this.send('POST', `/v3/config/paths/replace/${encodeURIComponent(name)}`, conf);
  }

  /** Adds a path configuration; MediaMTX answers 400 when it already exists. */
  async addPath(name: string, conf: MediaMtxPathConf): Promise<void> {
    await this.send('POST', `/v3/config/paths/add/${encodeURIComponent(name)}`, conf);
  }

  /** Removes a path configuration; a path that is already gone (404) is not an error. */
  async deletePath(name: string): Promise<void> {
    const path = `/v3/config/paths/delete/${encodeURIComponent(name)}`;
    const response = await this.request('DELETE', path);
    if (response.status === 404) return;
    this.assertSuccess('DELETE', path, response);
  }

  async listPathConfigs(): Promise<MediaMtxPathConfEntry[]> {
    const items = await this.listAll('/v3/config/paths/list');
    return items.flatMap((item) => {
      const name = stringField(item, 'name');
      return name === null ? [] : [{ name }];
    });
  }

  async listPaths(): Promise<MediaMtxPathEntry[]> {
    const items = await this.listAll('/v3/paths/list');
    return items.flatMap((item) => {
      const name = stringField(item, 'name');
      if (name === null) return [];
      const readers = item.readers;
      return [{
        name,
        online: booleanField(item, 'online'),
        ready: booleanField(item, 'ready'),
        readers: Array.isArray(readers) ? readers.length : 0,
        inboundBytes: counterField(item, 'inboundBytes'),
        bytesReceived: counterField(item, 'bytesReceived'),
      }];
    });
  }

  /** Reads every page (`page` from 0, `itemsPerPage`) until the answer's `pageCount` is reached. */
  private async listAll(path: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await this.send('GET', path, undefined, { page, itemsPerPage: this.itemsPerPage });
      if (!isRecord(body)) throw new MediaServerUnavailableError(`GET ${path}: the answer is not a JSON object`);
      if (Array.isArray(body.items)) items.push(...body.items.filter(isRecord));
      const pageCount = typeof body.pageCount === 'number' && Number.isFinite(body.pageCount) ? body.pageCount : 1;
      if (page + 1 >= pageCount) return items;
    }
    throw new MediaServerUnavailableError(`GET ${path}: more than ${MAX_PAGES} pages`);
  }

  private async send(method: Method, path: string, data?: unknown, params?: Record<string, number>): Promise<unknown> {
    const response = await this.request(method, path, data, params);
    this.assertSuccess(method, path, response);
    return response.data;
  }

  private async request(method: Method, path: string, data?: unknown, params?: Record<string, number>): Promise<AxiosResponse> {
    try {
      return await this.http.request({ method, url: path, data, params });
    } catch (error) {
      // Only the code: the axios error carries the request body, which may hold camera credentials.
      const code = axios.isAxiosError(error) ? (error.code ?? error.message) : String(error);
      throw new MediaServerUnavailableError(`${method} ${path}: ${code}`);
    }
  }

  private assertSuccess(method: Method, path: string, response: AxiosResponse): void {
    const { status } = response;
    if (status >= 200 && status < 300) return;
    const serverError = isRecord(response.data) && typeof response.data.error === 'string'
      ? redactUserinfo(response.data.error)
      : null;
    const message = `${method} ${path}: HTTP ${status}${serverError ? ` (${serverError})` : ''}`;
    if (status >= 400 && status < 500) throw new MediaServerRequestError(message, status, serverError);
    throw new MediaServerUnavailableError(message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(item: Record<string, unknown>, key: string): string | null {
  const value = item[key];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function booleanField(item: Record<string, unknown>, key: string): boolean | null {
  const value = item[key];
  return typeof value === 'boolean' ? value : null;
}

function counterField(item: Record<string, unknown>, key: string): number | null {
  const value = item[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** MediaMTX may echo a source URL in an error: never let camera credentials reach a log line. */
function redactUserinfo(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@');
}
