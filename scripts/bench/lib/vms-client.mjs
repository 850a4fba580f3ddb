// The few VMS HTTP calls a streaming benchmark makes: log in, create and delete cameras, get a
// camera's signed stream URLs, and read its HLS playlist and segments from the media server.

const REQUEST_TIMEOUT_MS = 30_000;
const TOKEN_MAX_AGE_MS = 10 * 60 * 1000; // access tokens live 15 minutes

export class VmsClient {
  #token = null;
  #tokenAt = 0;

  /** @param {{apiUrl: string, streamingUrl: string, hlsUrl: string, email: string, password: string}} options */
  constructor(options) {
    this.options = options;
  }

  async login() {
    const response = await this.#fetch(`${this.options.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: this.options.email, password: this.options.password }),
    });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
    this.#token = body.accessToken;
    this.#tokenAt = Date.now();
  }

  /** Logs in again when the access token is getting old (call between measurements, never inside one). */
  async freshen() {
    if (!this.#token || Date.now() - this.#tokenAt > TOKEN_MAX_AGE_MS) await this.login();
  }

  /** POST /api/cameras; `extra` adds fields (`ai`, `enabled`...); resolves to the created camera ({id, streamPath, ...}). */
  async createCamera(name, sourceUrl, extra = {}) {
    const response = await this.#fetch(`${this.options.apiUrl}/api/cameras`, {
      method: 'POST',
      headers: { ...this.#auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, sourceUrl, ...extra }),
    });
    const body = await response.json();
    if (response.status !== 201) throw new Error(`creating camera ${name} failed: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  async deleteCamera(id) {
    const response = await this.#fetch(`${this.options.apiUrl}/api/cameras/${id}`, { method: 'DELETE', headers: this.#auth() });
    await response.arrayBuffer();
    if (response.status !== 204 && response.status !== 404) throw new Error(`deleting camera ${id} failed: ${response.status}`);
  }

  /** GET /api/streaming/cameras/:id/urls; returns the media server's playlist URL (the public `/hls` prefix is HAProxy's). */
  async playlistUrl(cameraId) {
    const response = await this.#fetch(`${this.options.streamingUrl}/api/streaming/cameras/${cameraId}/urls`, { headers: this.#auth() });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`stream URLs of ${cameraId}: ${response.status} ${JSON.stringify(body)}`);
    return `${this.options.hlsUrl}${body.hls.replace(/^\/hls(?=\/)/, '')}`;
  }

  /** One playlist request: {status, segments: absolute segment URLs, durations: their #EXTINF seconds}. Network errors count as status 0. */
  async readPlaylist(url, timeoutMs = REQUEST_TIMEOUT_MS) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      if (response.status !== 200) return { status: response.status, segments: [], error: text.slice(0, 200) };
      const lines = text.split('\n').map((line) => line.trim());
      const segments = lines.filter((line) => line && !line.startsWith('#')).map((uri) => new URL(uri, url).href);
      const durations = lines.filter((line) => line.startsWith('#EXTINF:')).map((line) => Number.parseFloat(line.slice(8)));
      return { status: 200, segments, durations };
    } catch (error) {
      return { status: 0, segments: [], error: error?.cause?.code ?? error?.name ?? String(error) };
    }
  }

  /** Downloads a segment completely: {status, bytes}. */
  async fetchSegment(url) {
    const response = await this.#fetch(url);
    const body = await response.arrayBuffer();
    return { status: response.status, bytes: body.byteLength };
  }

  /** An authenticated GET of any service's JSON endpoint (e.g. `GET /api/ai/status`); throws unless 200. */
  async getJson(url) {
    const response = await this.#fetch(url, { headers: this.#auth() });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  #auth() {
    return { Authorization: `Bearer ${this.#token}` };
  }

  #fetch(url, init = {}) {
    return fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  }
}
