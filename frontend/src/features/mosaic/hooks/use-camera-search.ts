import { useState } from 'react';
import type { Camera } from '../types';
import { useLiveCameras } from './use-live-cameras';

function matchesQuery(camera: Camera, query: string): boolean {
  return camera.name.toLowerCase().includes(query.trim().toLowerCase());
}

/** The camera list filtered by what was typed in its search box (camera panel and picker). */
export function useCameraSearch() {
  const cameras = useLiveCameras();
  const [query, setQuery] = useState('');
  const visible = (cameras.data ?? []).filter((camera) => matchesQuery(camera, query));
  return { cameras, query, setQuery, visible };
}

export type CameraSearch = ReturnType<typeof useCameraSearch>;
