import type { CameraView } from './camera-view';

/** Read-through cache of camera views. Misses (and an unreachable cache) fall back to the database. */
export abstract class CameraCache {
  abstract get(id: string): Promise<CameraView | null>;
  abstract set(view: CameraView): Promise<void>;
  abstract getList(): Promise<CameraView[] | null>;
  abstract setList(views: CameraView[]): Promise<void>;
  abstract invalidate(id: string): Promise<void>;
}
