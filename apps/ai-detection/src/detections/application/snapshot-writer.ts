import type { Frame } from '../../frames/frame';

export interface SnapshotBox {
  /** [x1, y1, x2, y2] normalised to the picture. */
  box: [number, number, number, number];
  label: string;
  /** Drawn stronger: the objects this snapshot is about. */
  highlight: boolean;
}

/** Writes a JPEG of a frame with its boxes drawn; returns the path relative to the media root. */
export abstract class SnapshotWriter {
  abstract write(frame: Frame, boxes: SnapshotBox[], name: { cameraId: string; id: string; at: Date }): Promise<string>;
  abstract remove(relativePaths: string[]): Promise<void>;
}
