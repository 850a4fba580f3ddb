import type { PlayerState } from '@/features/live-player/types';

export const LAYOUTS = ['1x1', '2x2', '3x3', '4x4', '5x5'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** A camera at a row-major position of the grid, from 0 (as the API stores it). */
export interface MosaicTile {
  position: number;
  cameraId: string;
}

/** GET /api/mosaics item. */
export interface Mosaic {
  id: string;
  name: string;
  layout: Layout;
  tiles: MosaicTile[];
  createdAt: string;
  updatedAt: string;
}

export interface CreateMosaicInput {
  name: string;
  layout: Layout;
  tiles: MosaicTile[];
}

export interface UpdateMosaicInput {
  name?: string;
  layout?: Layout;
  tiles?: MosaicTile[];
}

export type CameraStatus = 'provisioning' | 'online' | 'offline' | 'error';

/** The part of GET /api/cameras the live view reads. */
export interface Camera {
  id: string;
  name: string;
  enabled: boolean;
  status: CameraStatus;
  lastError: string | null;
}

/** One cell's camera, or null when the cell is empty; index = position. */
export type Slots = readonly (string | null)[];

/** What a tile shows, exposed as its `data-state`. */
export type TileState = 'empty' | PlayerState;
