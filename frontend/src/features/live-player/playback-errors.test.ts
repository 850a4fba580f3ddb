import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { planForStreamError, planForUrlError } from './playback-errors';

const apiError = (status: number, code: string, retryAfterSeconds?: number) =>
  new ApiError({ status, code, message: code, retryAfterSeconds });

describe('what a player does about a failure', () => {
  it('stops without retrying for a disabled or missing camera', () => {
    expect(planForUrlError(apiError(409, 'STREAM.CAMERA_DISABLED'))).toEqual({
      kind: 'stop',
      status: { state: 'offline', message: 'Camera disabled' },
    });
    expect(planForUrlError(apiError(404, 'CAMERA.NOT_FOUND'))).toMatchObject({
      kind: 'stop',
      status: { state: 'error' },
    });
  });

  it('retries server and network failures, and waits as long as a 429 asks', () => {
    expect(planForUrlError(apiError(503, 'HTTP.503'))).toMatchObject({ kind: 'retry', renewUrls: true });
    expect(planForUrlError(apiError(0, 'NETWORK.UNREACHABLE'))).toMatchObject({ kind: 'retry' });
    expect(planForUrlError(apiError(429, 'RATE_LIMIT.EXCEEDED', 12))).toMatchObject({
      kind: 'retry',
      notBeforeMs: 12_000,
    });
  });

  it('renews the stream URL when the media server refuses the token', () => {
    expect(planForStreamError({ type: 'networkError', details: 'manifestLoadError', httpStatus: 403 })).toMatchObject({
      kind: 'retry',
      renewUrls: true,
    });
  });

  it('retries a stream that is not there yet with the same URL', () => {
    expect(planForStreamError({ type: 'networkError', details: 'manifestLoadError', httpStatus: 404 })).toMatchObject({
      kind: 'retry',
      renewUrls: false,
    });
    expect(planForStreamError({ type: 'mediaError', details: 'bufferAppendError' })).toMatchObject({
      kind: 'retry',
      renewUrls: false,
    });
  });
});
