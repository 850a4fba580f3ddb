import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The shared 20 s H.264 640x360 street clip (outside the repository, in `../shared/media`). */
export const STREET_CLIP = path.resolve(__dirname, '../../../shared/media/street_traffic_640x360.mp4');

/** A `file://` camera source: the embedded engine loops it as a live camera. */
export function fileTestCameraUrl(file = STREET_CLIP): string {
  return pathToFileURL(file).href;
}
