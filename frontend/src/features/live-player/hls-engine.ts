import type Hls from 'hls.js';
import type { HlsConfig } from 'hls.js';
import { withStreamToken } from './stream-token';

type HlsClass = typeof Hls;

export const HLS_MIME_TYPE = 'application/vnd.apple.mpegurl';

let loading: Promise<HlsClass> | null = null;

/**
 * hls.js is loaded on first use so that it stays out of the initial bundle. The light build is
 * enough for live camera streams (no subtitles, alternate audio or DRM).
 */
export function loadHls(): Promise<HlsClass> {
  loading ??= import('hls.js/light').then(
    (module) => module.default,
    (error: unknown) => {
      loading = null; // let a later attempt import it again (e.g. after a deploy)
      throw error;
    },
  );
  return loading;
}

/**
 * Low-latency settings for small live tiles: play about 3 s behind the live edge (embedded engine
 * segments are about 2 s), catch up by speeding up slightly, and keep little buffer so sixteen
 * tiles stay light on memory. Loading starts only when the player says so.
 */
export function liveHlsConfig(scope: string, currentToken: () => string): Partial<HlsConfig> {
  return {
    autoStartLoad: false,
    lowLatencyMode: true,
    liveSyncDuration: 3,
    liveMaxLatencyDuration: 10,
    maxLiveSyncPlaybackRate: 1.2,
    backBufferLength: 4,
    maxBufferLength: 6,
    maxMaxBufferLength: 12,
    capLevelToPlayerSize: true,
    enableWorker: true,
    // Each request carries the newest token, so a refreshed token takes over without a reload.
    xhrSetup: (xhr, url) => {
      xhr.open('GET', withStreamToken(url, currentToken(), scope), true);
    },
  };
}
