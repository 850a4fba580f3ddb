import path from 'node:path';

/** The ffprobe that ships beside a configured ffmpeg (`/opt/ff/bin/ffmpeg` -> `/opt/ff/bin/ffprobe`), else the one on PATH. */
export function ffprobeBeside(ffmpegPath: string): string {
  const base = path.basename(ffmpegPath);
  return base.includes('ffmpeg') ? path.join(path.dirname(ffmpegPath), base.replace('ffmpeg', 'ffprobe')) : 'ffprobe';
}
