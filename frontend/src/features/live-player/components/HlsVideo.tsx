import type Hls from 'hls.js';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { HLS_MIME_TYPE, liveHlsConfig, loadHls } from '../hls-engine';
import type { HlsFailure } from '../playback-errors';
import { streamIdentity, streamScope } from '../stream-token';

export interface HlsVideoProps {
  /** Playlist URL with its token. A new token for the same stream does not restart playback. */
  src: string;
  token: string;
  /** Stop loading and pause (tab in the background); resuming jumps back to the live edge. */
  paused: boolean;
  label: string;
  testId?: string;
  onPlayingChange: (playing: boolean) => void;
  onFailure: (failure: HlsFailure | 'unsupported') => void;
  onVideoChange?: (video: HTMLVideoElement | null) => void;
}

type Engine = { kind: 'hls'; hls: Hls; Hls: typeof Hls } | { kind: 'native'; src: string };

const ignore = () => undefined;

/** One live HLS stream in a <video>: hls.js where Media Source works, else the browser's own HLS. */
export function HlsVideo({ src, token, paused, label, testId, onPlayingChange, onFailure, onVideoChange }: HlsVideoProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const engineRef = useRef<Engine | null>(null);
  const latest = useRef({ src, token, paused, onPlayingChange, onFailure, onVideoChange });
  useLayoutEffect(() => {
    latest.current = { src, token, paused, onPlayingChange, onFailure, onVideoChange };
  });

  useEffect(() => {
    const video = videoRef.current;
    latest.current.onVideoChange?.(video);
    return () => latest.current.onVideoChange?.(null);
  }, []);

  const identity = streamIdentity(src);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let cancelled = false;
    video.muted = true;

    const handlePlaying = () => latest.current.onPlayingChange(true);
    const handleNativeError = () =>
      latest.current.onFailure({ type: 'networkError', details: `native:${video.error?.code ?? 'unknown'}` });
    video.addEventListener('playing', handlePlaying);

    loadHls().then(
      (HlsClass) => {
        if (cancelled) return;
        if (HlsClass.isSupported()) {
          const hls = new HlsClass(liveHlsConfig(streamScope(latest.current.src), () => latest.current.token));
          let recoveredMedia = false;
          hls.on(HlsClass.Events.ERROR, (_event, data) => {
            if (!data.fatal) return;
            // The usual hls.js remedy for a decode error, once, before starting over.
            if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR && !recoveredMedia) {
              recoveredMedia = true;
              hls.recoverMediaError();
              return;
            }
            latest.current.onFailure({ type: data.type, details: data.details, httpStatus: data.response?.code });
          });
          hls.on(HlsClass.Events.MANIFEST_PARSED, () => {
            if (!latest.current.paused) video.play().catch(ignore);
          });
          hls.attachMedia(video);
          hls.loadSource(latest.current.src);
          if (!latest.current.paused) hls.startLoad(-1);
          engineRef.current = { kind: 'hls', hls, Hls: HlsClass };
        } else if (video.canPlayType(HLS_MIME_TYPE)) {
          video.addEventListener('error', handleNativeError);
          video.src = latest.current.src;
          if (!latest.current.paused) video.play().catch(ignore);
          engineRef.current = { kind: 'native', src: latest.current.src };
        } else {
          latest.current.onFailure('unsupported');
        }
      },
      () => {
        if (!cancelled) latest.current.onFailure({ type: 'otherError', details: 'player could not be loaded' });
      },
    );

    return () => {
      cancelled = true;
      const engine = engineRef.current;
      engineRef.current = null;
      video.removeEventListener('playing', handlePlaying);
      video.removeEventListener('error', handleNativeError);
      if (engine?.kind === 'hls') engine.hls.destroy();
      if (engine?.kind === 'native') {
        video.removeAttribute('src');
        video.load();
      }
      latest.current.onPlayingChange(false);
    };
  }, [identity]);

  // Safari's own HLS cannot take a new token mid-stream: it reloads the source instead.
  useEffect(() => {
    const engine = engineRef.current;
    const video = videoRef.current;
    if (engine?.kind !== 'native' || !video || engine.src === src) return;
    engine.src = src;
    video.src = src;
    if (!latest.current.paused) video.play().catch(ignore);
  }, [src]);

  useEffect(() => {
    const engine = engineRef.current;
    const video = videoRef.current;
    if (!engine || !video) return;
    if (paused) {
      if (engine.kind === 'hls') engine.hls.stopLoad();
      video.pause();
      return;
    }
    if (engine.kind === 'hls') {
      const { hls, Hls: HlsClass } = engine;
      hls.once(HlsClass.Events.LEVEL_UPDATED, () => {
        const edge = hls.liveSyncPosition;
        if (edge !== null && video.currentTime < edge - 1) video.currentTime = edge;
      });
      hls.startLoad(-1);
    } else {
      video.src = engine.src; // back to the live edge
    }
    video.play().catch(ignore);
  }, [paused]);

  return (
    <video
      ref={videoRef}
      data-testid={testId}
      aria-label={label}
      className="size-full bg-black object-contain"
      autoPlay
      muted
      playsInline
      disablePictureInPicture
      disableRemotePlayback
    />
  );
}
