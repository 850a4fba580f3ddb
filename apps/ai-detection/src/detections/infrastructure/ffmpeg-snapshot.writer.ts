import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AiDetectionEnv } from '../../ai-detection.env';
import type { Frame } from '../../frames/frame';
import { cropToContent, drawBoxes } from '../application/snapshot-picture';
import { SnapshotBox, SnapshotWriter } from '../application/snapshot-writer';
import { FfmpegJpegEncoder } from './ffmpeg-jpeg-encoder';

/**
 * JPEG snapshots of the frame's picture area (padding cropped away) with the boxes drawn, encoded
 * by one warm ffmpeg per picture size (cameras of one aspect ratio share it).
 */
@Injectable()
export class FfmpegSnapshotWriter extends SnapshotWriter implements OnApplicationShutdown {
  private readonly root: string;
  private readonly encoders = new Map<string, FfmpegJpegEncoder>();

  constructor(private readonly env: AiDetectionEnv) {
    super();
    this.root = path.resolve(env.MEDIA_ROOT);
  }

  async write(frame: Frame, boxes: SnapshotBox[], name: { cameraId: string; id: string; at: Date }): Promise<string> {
    const relative = path.join('snapshots', name.cameraId, name.at.toISOString().slice(0, 10), `${name.id}.jpg`);
    const target = path.join(this.root, relative);
    const picture = cropToContent(frame);
    drawBoxes(picture, boxes);
    const [jpeg] = await Promise.all([
      this.encoderFor(picture.width, picture.height).encode(picture.rgb),
      mkdir(path.dirname(target), { recursive: true }),
    ]);
    await writeFile(target, jpeg);
    return relative;
  }

  async remove(relativePaths: string[]): Promise<void> {
    for (const relative of relativePaths) {
      const target = path.resolve(this.root, relative);
      if (target.startsWith(this.root + path.sep)) await rm(target, { force: true });
    }
  }

  onApplicationShutdown(): void {
    for (const encoder of this.encoders.values()) encoder.close();
    this.encoders.clear();
  }

  private encoderFor(width: number, height: number): FfmpegJpegEncoder {
    const key = `${width}x${height}`;
    let encoder = this.encoders.get(key);
    if (!encoder) {
      encoder = new FfmpegJpegEncoder(this.env.FFMPEG_PATH, width, height);
      this.encoders.set(key, encoder);
    }
    return encoder;
  }
}
