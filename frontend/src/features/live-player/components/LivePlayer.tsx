import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useInViewport } from '../hooks/use-in-viewport';
import { usePageVisible } from '../hooks/use-page-visible';
import { useStreamUrls } from '../hooks/use-stream-urls';
import { planForStreamError, planForUrlError, type FailurePlan, type HlsFailure } from '../playback-errors';
import { initialReconnect, reconnectReducer } from '../reconnect';
import { hasUsableToken } from '../stream-token';
import { resolveTransport } from '../transport';
import type { LiveTransport, PlayerStatus } from '../types';
import { HlsVideo } from './HlsVideo';

export interface LivePlayerProps {
  cameraId: string;
  /** Accessible name of the video, e.g. "Gate live video". */
  label: string;
  /** Preferred transport; only HLS is implemented, so WHEP falls back to it for now. */
  transport?: LiveTransport;
  /** `data-testid` of the <video>. */
  videoTestId?: string;
  onStatusChange?: (status: PlayerStatus) => void;
  /** The current <video> (a new one after each reconnect), null while there is none. */
  onVideoChange?: (video: HTMLVideoElement | null) => void;
}

const UNSUPPORTED: FailurePlan = {
  kind: 'stop',
  status: { state: 'error', message: 'This browser cannot play live video (HLS)' },
};

/**
 * Plays one camera live. Streams only while on screen; pauses while the tab is hidden; on a
 * failure remounts its engine with growing delays and gives up after a few tries (the caller
 * remounts it through `key` to try again).
 */
export function LivePlayer({
  cameraId,
  label,
  transport = 'hls',
  videoTestId,
  onStatusChange,
  onVideoChange,
}: LivePlayerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const inView = useInViewport(containerRef);
  const pageVisible = usePageVisible();
  const [reconnect, dispatch] = useReducer(reconnectReducer, initialReconnect);
  const [playing, setPlaying] = useState(false);
  const streaming = inView && reconnect.stopped === null;
  const urls = useStreamUrls(cameraId, streaming);

  const handleFailure = useCallback((plan: FailurePlan) => {
    dispatch({ type: 'failed', plan, jitter: Math.random() });
  }, []);

  const handleEngineFailure = useCallback(
    (failure: HlsFailure | 'unsupported') =>
      handleFailure(failure === 'unsupported' ? UNSUPPORTED : planForStreamError(failure)),
    [handleFailure],
  );

  const handlePlayingChange = useCallback((isPlaying: boolean) => {
    setPlaying(isPlaying);
    if (isPlaying) dispatch({ type: 'playing' });
  }, []);

  // Without usable URLs there is nothing to play: back off like a failed stream. A failed
  // background refresh while the older token still works is not a failure; the next may succeed.
  const { data, error: urlError, errorUpdatedAt, refetch } = urls;
  const hasUrls = data !== undefined && hasUsableToken(data.expiresAt);
  useEffect(() => {
    if (urlError && !hasUrls) handleFailure(planForUrlError(urlError));
  }, [urlError, errorUpdatedAt, hasUrls, handleFailure]);

  const { waitMs, failures, renewUrls } = reconnect;
  useEffect(() => {
    if (waitMs === null) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const renewed = renewUrls ? refetch() : Promise.resolve(null);
      void renewed.then((result) => {
        if (cancelled) return;
        dispatch({ type: 'retry' });
        if (result?.isError) handleFailure(planForUrlError(result.error));
      });
    }, waitMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [waitMs, failures, renewUrls, refetch, handleFailure]);

  const status = useMemo<PlayerStatus>(() => {
    if (reconnect.stopped) return reconnect.stopped;
    if (reconnect.waitMs !== null) return { state: 'connecting', message: 'Reconnecting…' };
    if (playing) return { state: 'live' };
    return { state: 'connecting' };
  }, [reconnect.stopped, reconnect.waitMs, playing]);

  const reportStatus = useRef(onStatusChange);
  useLayoutEffect(() => {
    reportStatus.current = onStatusChange;
  });
  useEffect(() => {
    reportStatus.current?.(status);
  }, [status]);

  const showEngine = streaming && reconnect.waitMs === null && hasUrls;

  return (
    <div ref={containerRef} className="size-full">
      {showEngine && resolveTransport(transport, data) === 'hls' && (
        <HlsVideo
          key={reconnect.attempt}
          src={data.hls}
          token={data.token}
          paused={!pageVisible}
          label={label}
          testId={videoTestId}
          onPlayingChange={handlePlayingChange}
          onFailure={handleEngineFailure}
          onVideoChange={onVideoChange}
        />
      )}
    </div>
  );
}
