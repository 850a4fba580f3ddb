import { CameraFrameReader, FrameReaderOptions, FrameReaderStats } from './camera-frame-reader';
import { Frame, FrameFormat } from './frame';
import { maskUrlSecrets } from './mask-url-secrets';

export interface CameraFrameStats extends FrameReaderStats {
  cameraId: string;
}

interface Entry {
  url: string;
  format: FrameFormat;
  reader: CameraFrameReader;
  /** Settles once the previous reader of this camera has stopped and this one has started. */
  ready: Promise<void>;
}

const MAX_SIDE = 8192;

function sameFormat(a: FrameFormat, b: FrameFormat): boolean {
  return a.width === b.width && a.height === b.height && a.fit === b.fit && a.padRgb.every((channel, index) => channel === b.padRgb[index]);
}

function checkedFormat(format: FrameFormat): FrameFormat {
  for (const side of [format.width, format.height]) {
    if (!Number.isInteger(side) || side < 1 || side > MAX_SIDE) throw new RangeError(`frame sides must be integers in 1..${MAX_SIDE}, got ${format.width}x${format.height}`);
  }
  if (!['letterbox-top-left', 'letterbox-center', 'stretch'].includes(format.fit)) throw new RangeError(`unknown fit "${String(format.fit)}"`);
  if (format.padRgb.length !== 3 || format.padRgb.some((channel) => !Number.isInteger(channel) || channel < 0 || channel > 255)) {
    throw new RangeError('padRgb must be three integers in 0..255');
  }
  return { width: format.width, height: format.height, fit: format.fit, padRgb: [format.padRgb[0], format.padRgb[1], format.padRgb[2]] };
}

/**
 * The frame sources of all AI-enabled cameras: at most one reader (so one ffmpeg) per camera,
 * each failing and restarting on its own, and the newest picture of each for the next batch.
 */
export class FrameHub {
  private readonly cameras = new Map<string, Entry>();

  constructor(private readonly options: Partial<FrameReaderOptions> = {}) {}

  /** Idempotent: the same URL and format keep the running reader; a change replaces it (old ffmpeg stopped first). */
  ensure(cameraId: string, url: string, format: FrameFormat): Promise<void> {
    const current = this.cameras.get(cameraId);
    if (current && current.url === url && sameFormat(current.format, format)) return current.ready;
    const checked = checkedFormat(format);
    const reader = new CameraFrameReader(cameraId, url, checked, this.options);
    const previousStopped = current
      ? Promise.all([current.ready, current.reader.stop()]).then(() => undefined, () => undefined)
      : Promise.resolve();
    if (current) this.options.logger?.log(`camera ${cameraId}: URL or format changed (${maskUrlSecrets(url, url)}), restarting its reader`);
    const ready = previousStopped.then(() => {
      if (this.cameras.get(cameraId)?.reader === reader) reader.start();
    });
    this.cameras.set(cameraId, { url, format: checked, reader, ready });
    return ready;
  }

  async remove(cameraId: string): Promise<void> {
    const entry = this.cameras.get(cameraId);
    if (!entry) return;
    this.cameras.delete(cameraId);
    await entry.reader.stop();
    await entry.ready;
  }

  async removeAllExcept(cameraIds: Iterable<string>): Promise<void> {
    const keep = new Set(cameraIds);
    await Promise.all([...this.cameras.keys()].filter((cameraId) => !keep.has(cameraId)).map((cameraId) => this.remove(cameraId)));
  }

  /** The newest picture of each camera not handed out yet; each picture is handed out once. */
  takeLatest(): Frame[] {
    const frames: Frame[] = [];
    for (const { reader } of this.cameras.values()) {
      const frame = reader.take();
      if (frame) frames.push(frame);
    }
    return frames;
  }

  stats(now = Date.now()): CameraFrameStats[] {
    return [...this.cameras.entries()].map(([cameraId, { reader }]) => ({ cameraId, ...reader.stats(now) }));
  }

  get cameraIds(): string[] {
    return [...this.cameras.keys()];
  }

  /** Stops every reader; nothing is left running once this resolves. */
  close(): Promise<void> {
    return this.removeAllExcept([]);
  }
}
