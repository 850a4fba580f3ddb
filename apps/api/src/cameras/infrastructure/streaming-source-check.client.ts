import { Injectable, Logger } from '@nestjs/common';
import axios, { AxiosInstance, isAxiosError } from 'axios';
import { ApiEnv } from '../../api.env';
import type { CameraCredentials } from '../domain/camera-source';
import { ConnectionTestResult, SourceCheckErrors, SourceChecker } from '../application/source-checker';

/** The streaming service bounds its probe to 10 s; this leaves room for the round trip. */
const CHECK_TIMEOUT_MS = 15_000;

/** `POST /api/streaming/internal/source-checks` on the streaming service. */
@Injectable()
export class StreamingSourceCheckClient extends SourceChecker {
  private readonly logger = new Logger(StreamingSourceCheckClient.name);
  private readonly http: AxiosInstance;

  constructor(env: ApiEnv) {
    super();
    this.http = axios.create({
      baseURL: `${env.STREAMING_URL.replace(/\/+$/, '')}/api/streaming/internal/`,
      headers: { 'X-Internal-Token': env.STREAMING_INTERNAL_TOKEN },
      timeout: CHECK_TIMEOUT_MS,
      // As for provisioning: no proxy from the environment, no redirect carrying the credentials elsewhere.
      proxy: false,
      maxRedirects: 0,
      maxContentLength: 64 * 1024,
      validateStatus: () => true,
    });
  }

  async check(source: { url: string; credentials: CameraCredentials | null }): Promise<ConnectionTestResult> {
    let status: number;
    let body: unknown;
    try {
      const response = await this.http.post('source-checks', source, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      status = response.status;
      body = response.data;
    } catch (error) {
      // An AxiosError holds the request config, body included: only its code is logged.
      const reason = isAxiosError(error) ? error.code ?? 'request failed' : axios.isCancel(error) ? 'timeout' : 'request failed';
      this.logger.warn({ reason }, 'streaming did not answer the source check');
      throw SourceCheckErrors.streamingUnavailable();
    }
    if (status !== 200 || !isResult(body)) {
      this.logger.warn({ status }, 'streaming refused the source check');
      throw SourceCheckErrors.streamingUnavailable();
    }
    return body.ok
      ? { ok: true, video: body.video }
      : { ok: false, reason: body.reason, message: body.message };
  }
}

function isResult(body: unknown): body is ConnectionTestResult {
  if (typeof body !== 'object' || body === null) return false;
  const value = body as Record<string, unknown>;
  if (value.ok === true) return typeof value.video === 'object' && value.video !== null && typeof (value.video as { codec?: unknown }).codec === 'string';
  return value.ok === false && typeof value.reason === 'string' && typeof value.message === 'string';
}
