import type { PlayerStatus } from '@/features/live-player/types';
import type { CameraLiveStatus } from '@/features/live-events/types';
import type { Camera, TileState } from './types';

/** Whether the camera list is there to consult. */
export type CameraListState = 'loading' | 'ready' | 'unavailable';

/**
 * Why a tile should not even try to play, from the camera list: a disabled, offline or failed
 * camera shows that state without hammering the server. Null means: play (also when the list
 * cannot be had: the stream may still work).
 */
export function cameraHold(camera: Camera | null, list: CameraListState): PlayerStatus | null {
  if (list === 'loading') return { state: 'connecting' };
  if (list === 'unavailable') return null;
  if (!camera) return { state: 'error', message: 'This camera no longer exists' };
  if (!camera.enabled) return { state: 'offline', message: 'Camera disabled' };
  if (camera.status === 'offline') return { state: 'offline', message: camera.lastError ?? 'Camera offline' };
  if (camera.status === 'error') return { state: 'error', message: camera.lastError ?? 'Camera error' };
  return null;
}

/** What a tile shows: nothing assigned, the camera list's verdict, or its player's state. */
export function tileStatus(
  cameraId: string | null,
  hold: PlayerStatus | null,
  player: PlayerStatus | null,
): { state: TileState; message?: string } {
  if (cameraId === null) return { state: 'empty' };
  return hold ?? player ?? { state: 'connecting' };
}

/** The listed camera with the status of a `camera.status.changed` push that arrived after the list. */
export function withPushedStatus(listed: Camera | null, pushed: CameraLiveStatus | undefined, listUpdatedAt: number): Camera | null {
  if (!listed || !pushed || pushed.receivedAt <= listUpdatedAt) return listed;
  return { ...listed, status: pushed.status, lastError: pushed.reason ?? null };
}
