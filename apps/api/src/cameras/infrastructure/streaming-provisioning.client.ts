import { Injectable } from '@nestjs/common';
import axios, { AxiosInstance, isAxiosError, Method } from 'axios';
import { ApiEnv } from '../../api.env';
import { StreamProvisioner } from '../application/stream-provisioner';
import type { StreamingCamera } from '../application/streaming-camera';

/** Failure talking to the streaming service. Its message never holds the request body (credentials). */
export class StreamingCallError extends Error {
  override name = 'StreamingCallError';
}

/** The streaming service's internal camera API (`/api/streaming/internal/cameras/:id`). */
@Injectable()
export class StreamingProvisioningClient extends StreamProvisioner {
  private readonly http: AxiosInstance;
  private readonly timeoutMs: number;

  constructor(env: ApiEnv) {
    super();
    this.timeoutMs = env.STREAMING_TIMEOUT_MS;
    this.http = axios.create({
      baseURL: `${env.STREAMING_URL.replace(/\/+$/, '')}/api/streaming/internal/cameras/`,
      headers: { 'X-Internal-Token': env.STREAMING_INTERNAL_TOKEN },
      timeout: env.STREAMING_TIMEOUT_MS,
      // Service to service on the internal network: no HTTP(S)_PROXY from the environment, and
      // no redirect that would carry the token and the credentials elsewhere.
      proxy: false,
      maxRedirects: 0,
      maxContentLength: 64 * 1024,
      validateStatus: () => true,
    });
  }

  async provision(camera: StreamingCamera): Promise<void> {
    const { cameraId, streamPath, enabled, revision, source } = camera;
    const status = await this.call('PUT', cameraId, { cameraId, streamPath, enabled, revision, source });
    if (status < 200 || status > 299) throw new StreamingCallError(`PUT camera ${cameraId}: streaming answered ${status}`);
  }

  async deprovision(cameraId: string): Promise<void> {
    const status = await this.call('DELETE', cameraId);
    if (status !== 404 && (status < 200 || status > 299)) throw new StreamingCallError(`DELETE camera ${cameraId}: streaming answered ${status}`);
  }

  private async call(method: Method, cameraId: string, data?: object): Promise<number> {
    try {
      // `timeout` alone is per socket inactivity; the signal bounds the whole call.
      const response = await this.http.request({ method, url: encodeURIComponent(cameraId), data, signal: AbortSignal.timeout(this.timeoutMs) });
      return response.status;
    } catch (error) {
      // An AxiosError holds the request config, body included: only a description travels on.
      throw new StreamingCallError(`${method} camera ${cameraId}: ${describe(error, this.timeoutMs)}`);
    }
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (axios.isCancel(error) || (isAxiosError(error) && error.code === 'ECONNABORTED')) return `no answer within ${timeoutMs} ms`;
  if (isAxiosError(error)) return `${error.code ?? 'request failed'}: ${error.message}`;
  return 'request failed';
}
