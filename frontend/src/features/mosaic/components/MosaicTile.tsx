import { memo, useCallback, useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import { BoxesIcon, CloseIcon, CollapseIcon, ExpandIcon, PlusIcon, SwapIcon } from '@/components/ui/icons';
import { LivePlayer } from '@/features/live-player/components/LivePlayer';
import type { PlayerStatus } from '@/features/live-player/types';
import { DetectionOverlay } from '@/features/overlays/DetectionOverlay';
import { acceptsDrop, DRAG_TILE, readDrop } from '../dnd';
import { useElementFullscreen } from '../hooks/use-element-fullscreen';
import { useLiveCamera } from '../hooks/use-live-cameras';
import { mosaicSelectors, useMosaicStore } from '../store';
import { cameraHold, tileStatus } from '../tile-state';
import { TileButton, TileCaption, TileMessage } from './TileParts';

export interface MosaicTileProps {
  position: number;
  canEdit: boolean;
}

/**
 * One cell of the mosaic. It subscribes to its own cell, camera and player state only, so a
 * change in one tile does not re-render the others.
 */
export const MosaicTile = memo(function MosaicTile({ position, canEdit }: MosaicTileProps) {
  const tileRef = useRef<HTMLDivElement>(null);
  const cameraId = useMosaicStore(mosaicSelectors.cameraAt(position));
  const player = useMosaicStore(mosaicSelectors.playerAt(position, cameraId));
  const detectionsOn = useMosaicStore(mosaicSelectors.detectionsOn(cameraId));
  const { camera, list } = useLiveCamera(cameraId);
  const fullscreen = useElementFullscreen(tileRef);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [dropEffect, setDropEffect] = useState<'copy' | 'move' | null>(null);
  // Retry: a new player, and one that plays even if the camera list says offline.
  const [retry, setRetry] = useState<{ cameraId: string; count: number } | null>(null);
  const retryCount = retry !== null && retry.cameraId === cameraId ? retry.count : 0;
  const retried = retryCount > 0;

  const hold = retried ? null : cameraHold(camera, list);
  const { state, message } = tileStatus(cameraId, hold, player);
  const number = position + 1;
  const name = camera?.name ?? (list === 'loading' ? 'Loading…' : 'Unknown camera');
  const playing = cameraId !== null && hold === null;

  const handleRetry = () => {
    if (cameraId) setRetry({ cameraId, count: retryCount + 1 });
  };

  const handleDragStart = (event: DragEvent<HTMLDivElement>) => {
    if (!cameraId) return;
    event.dataTransfer.setData(DRAG_TILE, String(position));
    event.dataTransfer.effectAllowed = 'move';
  };

  const handleDragOver = (event: DragEvent<HTMLDivElement>) => {
    const effect = acceptsDrop(event.dataTransfer);
    if (!canEdit || !effect) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = effect;
    setDropEffect(effect);
  };

  const handleDragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setDropEffect(null);
  };

  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    setDropEffect(null);
    if (!canEdit) return;
    const payload = readDrop(event.dataTransfer);
    if (!payload) return;
    event.preventDefault();
    const store = useMosaicStore.getState();
    if (payload.kind === 'tile') store.moveCamera(payload.position, position);
    else store.assignCamera(position, payload.cameraId);
  };

  const openPicker = () => useMosaicStore.getState().openPicker(position);

  return (
    <div
      ref={tileRef}
      data-testid="mosaic-tile"
      data-camera-id={cameraId ?? ''}
      data-state={state}
      data-position={position}
      role="group"
      tabIndex={-1}
      aria-label={cameraId ? `Tile ${number}: ${name}` : `Tile ${number}: empty`}
      draggable={canEdit && cameraId !== null}
      onDragStart={handleDragStart}
      onDragOver={handleDragOver}
      onDragLeave={handleDragLeave}
      onDrop={handleDrop}
      onDoubleClick={cameraId && fullscreen.supported ? fullscreen.toggle : undefined}
      className={`group relative min-h-0 min-w-0 overflow-hidden rounded-md border bg-black focus-visible:outline-2 focus-visible:outline-sky-400 ${
        dropEffect ? 'border-sky-400 ring-2 ring-sky-400/60' : 'border-slate-800'
      }`}
    >
      {cameraId === null ? (
        <EmptyTile number={number} canEdit={canEdit} onPick={openPicker} />
      ) : (
        <>
          <div className="relative size-full">
            {playing && (
              <TilePlayer
                key={`${cameraId}:${retryCount}`}
                position={position}
                cameraId={cameraId}
                name={name}
                onVideoChange={setVideo}
              />
            )}
            <DetectionOverlay cameraId={cameraId} video={playing ? video : null} enabled={detectionsOn} />
          </div>
          <TileCaption name={name} state={state} />
          <TileMessage state={state} message={message} onRetry={handleRetry} name={name} />
          <div className="absolute right-1.5 bottom-1.5 flex gap-1 opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100 [@media(hover:none)]:opacity-100">
            {canEdit && (
              <TileButton label={`Change camera in tile ${number}`} onClick={openPicker}>
                <SwapIcon className="size-4" />
              </TileButton>
            )}
            <TileButton
              label={`Detections on ${name}`}
              pressed={detectionsOn}
              onClick={() => useMosaicStore.getState().toggleDetections(cameraId)}
            >
              <BoxesIcon className="size-4" />
            </TileButton>
            {fullscreen.supported && (
              <TileButton
                label={fullscreen.isFullscreen ? `Exit fullscreen` : `Show ${name} fullscreen`}
                onClick={fullscreen.toggle}
              >
                {fullscreen.isFullscreen ? <CollapseIcon className="size-4" /> : <ExpandIcon className="size-4" />}
              </TileButton>
            )}
            {canEdit && (
              <TileButton
                label={`Remove ${name} from tile ${number}`}
                onClick={() => {
                  useMosaicStore.getState().clearCamera(position);
                  requestAnimationFrame(() => focusTile(position));
                }}
              >
                <CloseIcon className="size-4" />
              </TileButton>
            )}
          </div>
        </>
      )}
    </div>
  );
});

/** Puts keyboard focus on a tile, e.g. after the control that was focused went away with a change. */
export function focusTile(position: number): void {
  document.querySelector<HTMLElement>(`[data-testid="mosaic-tile"][data-position="${position}"]`)?.focus();
}

interface TilePlayerProps {
  position: number;
  cameraId: string;
  name: string;
  onVideoChange: (video: HTMLVideoElement | null) => void;
}

/** The tile's player, reporting into the store; its report is withdrawn when it goes away. */
function TilePlayer({ position, cameraId, name, onVideoChange }: TilePlayerProps) {
  const handleStatusChange = useCallback(
    (status: PlayerStatus) => useMosaicStore.getState().setPlayerStatus(position, cameraId, status),
    [position, cameraId],
  );
  useLayoutEffect(
    () => () => useMosaicStore.getState().clearPlayerStatus(position, cameraId),
    [position, cameraId],
  );

  return (
    <LivePlayer
      cameraId={cameraId}
      label={`${name} live video`}
      videoTestId="tile-video"
      onStatusChange={handleStatusChange}
      onVideoChange={onVideoChange}
    />
  );
}

function EmptyTile({ number, canEdit, onPick }: { number: number; canEdit: boolean; onPick: () => void }) {
  return (
    <div className="flex size-full flex-col items-center justify-center gap-1 p-2 text-center">
      {canEdit ? (
        <>
          <button
            type="button"
            onClick={onPick}
            aria-label={`Choose a camera for tile ${number}`}
            className="inline-flex items-center gap-1.5 rounded-md border border-dashed border-slate-700 px-2.5 py-1.5 text-xs font-medium text-slate-300 hover:border-slate-500 hover:text-white focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            <PlusIcon className="size-4" />
            Add camera
          </button>
          <span className="hidden text-[11px] text-slate-600 sm:block">or drop one here</span>
        </>
      ) : (
        <span className="text-xs text-slate-600">Empty</span>
      )}
    </div>
  );
}
