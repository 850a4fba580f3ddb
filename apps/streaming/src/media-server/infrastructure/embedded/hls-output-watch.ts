import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PLAYLIST_FILE } from './path-name';
import { segmentUris, targetDurationSeconds } from './hls-playlist';

/**
 * Watches what one ffmpeg run writes: when the playlist last changed (= a new segment was
 * completed), the playlist's target duration, and the bytes of the segments produced.
 */
export class HlsOutputWatch {
  lastSegmentAt: number | null = null;
  targetDurationS: number;
  bytes = 0;
  private lastMtimeMs = 0;
  private readonly counted = new Set<string>();

  constructor(private readonly directory: string, segmentSeconds: number) {
    this.targetDurationS = segmentSeconds;
  }

  /** Looks at the playlist once; returns true when a new segment appeared since the last look. */
  async poll(): Promise<boolean> {
    const playlistPath = path.join(this.directory, PLAYLIST_FILE);
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(playlistPath)).mtimeMs;
    } catch {
      return false;
    }
    if (mtimeMs <= this.lastMtimeMs) return false;
    let playlist: string;
    try {
      playlist = await readFile(playlistPath, 'utf8');
    } catch {
      return false;
    }
    this.lastMtimeMs = mtimeMs;
    this.lastSegmentAt = mtimeMs;
    this.targetDurationS = targetDurationSeconds(playlist) ?? this.targetDurationS;
    await this.countSegments(segmentUris(playlist));
    return true;
  }

  private async countSegments(uris: string[]): Promise<void> {
    for (const uri of uris) {
      if (this.counted.has(uri)) continue;
      try {
        this.bytes += (await stat(path.join(this.directory, path.basename(uri)))).size;
        this.counted.add(uri);
      } catch {
        // already rotated away
      }
    }
    if (this.counted.size > 64) for (const uri of [...this.counted].slice(0, this.counted.size - 32)) this.counted.delete(uri);
  }
}
