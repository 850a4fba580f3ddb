import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { CollapseIcon, ExpandIcon } from '@/components/ui/icons';
import { LivePlayer } from '@/features/live-player/components/LivePlayer';
import type { PlayerStatus } from '@/features/live-player/types';
import { DetectionOverlay } from '@/features/overlays/DetectionOverlay';
import { useElementFullscreen } from '../hooks/use-element-fullscreen';
import { useLiveCamera } from '../hooks/use-live-cameras';
import { mosaicSelectors, useMosaicStore } from '../store';
import { cameraHold, tileStatus } from '../tile-state';
import { TileCaption, TileMessage } from './TileParts';

/** One camera large in place of the grid (opened from a live event); Escape goes back. */
export function SpotlightView({ cameraId }: { cameraId: string }) {
  const frameRef = useRef<HTMLDivElement>(null);
  const closeSpotlight = useMosaicStore((s) => s.closeSpotlight);
  const detectionsOn = useMosaicStore(mosaicSelectors.detectionsOn(cameraId));
  const { camera, list } = useLiveCamera(cameraId);
  const fullscreen = useElementFullscreen(frameRef);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [player, setPlayer] = useState<PlayerStatus | null>(null);
  const [retryCount, setRetryCount] = useState(0);

  const hold = retryCount > 0 ? null : cameraHold(camera, list);
  const { state, message } = tileStatus(cameraId, hold, player);
  const name = camera?.name ?? (list === 'loading' ? 'Loading…' : 'Unknown camera');
  const playing = hold === null;

  const handleStatusChange = useCallback((status: PlayerStatus) => setPlayer(status), []);

  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      // In fullscreen the browser's Escape only leaves fullscreen.
      if (event.key === 'Escape' && !document.fullscreenElement) closeSpotlight();
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [closeSpotlight]);

  return (
    <section aria-label={`${name}, large view`} className="flex size-full min-h-0 flex-col gap-2">
      <div className="flex items-center gap-2">
        <Button variant="secondary" className="px-2.5 py-1.5" onClick={closeSpotlight}>
          Back to mosaic
        </Button>
        <span className="text-xs text-slate-500">Esc</span>
      </div>
      <div
        ref={frameRef}
        data-testid="spotlight-tile"
        data-camera-id={cameraId}
        data-state={state}
        onDoubleClick={fullscreen.supported ? fullscreen.toggle : undefined}
        className="group relative min-h-0 flex-1 overflow-hidden rounded-md border border-slate-800 bg-black"
      >
        <div className="relative size-full">
          {playing && (
            <LivePlayer
              key={`${cameraId}:${retryCount}`}
              cameraId={cameraId}
              label={`${name} live video`}
              videoTestId="spotlight-video"
              onStatusChange={handleStatusChange}
              onVideoChange={setVideo}
            />
          )}
          <DetectionOverlay cameraId={cameraId} video={playing ? video : null} enabled={detectionsOn} />
        </div>
        <TileCaption name={name} state={state} />
        <TileMessage state={state} message={message} name={name} onRetry={() => setRetryCount((n) => n + 1)} />
        {fullscreen.supported && (
          <button
            type="button"
            aria-label={fullscreen.isFullscreen ? 'Exit fullscreen' : `Show ${name} fullscreen`}
            title={fullscreen.isFullscreen ? 'Exit fullscreen' : 'Fullscreen'}
            onClick={fullscreen.toggle}
            className="absolute right-2 bottom-2 rounded bg-black/60 p-1.5 text-slate-200 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            {fullscreen.isFullscreen ? <CollapseIcon /> : <ExpandIcon />}
          </button>
        )}
      </div>
    </section>
  );
}
