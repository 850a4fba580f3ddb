import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { contentRectOf, Frame, FrameFormat } from '../../apps/ai-detection/src/frames/frame';

const run = promisify(execFile);

/**
 * Decodes an image file with ffmpeg into a Frame of the given format: scaled to exactly the content rect that
 * contentRectOf() computes (so boxes decode back onto the picture), then padded for letterboxes, RGB24.
 */
export async function loadTestImage(file: string, format: FrameFormat, cameraId = 'test-camera'): Promise<Frame> {
  const source = await imageSize(file);
  const content = contentRectOf(format, source.width, source.height);
  const [r, g, b] = format.padRgb.map((v) => v.toString(16).padStart(2, '0'));
  const filters = [`scale=${content.width}:${content.height}:flags=bilinear`, 'format=rgb24'];
  if (format.fit !== 'stretch') filters.push(`pad=${format.width}:${format.height}:${content.x}:${content.y}:color=0x${r}${g}${b}`);
  const { stdout } = await run('ffmpeg', [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-i', file, '-frames:v', '1', '-vf', filters.join(','),
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1',
  ], { encoding: 'buffer', maxBuffer: format.width * format.height * 3 + 1024 });
  const expected = format.width * format.height * 3;
  if (stdout.length !== expected) throw new Error(`ffmpeg gave ${stdout.length} bytes for ${file}; expected ${expected}`);
  return { cameraId, capturedAt: Date.now(), rgb: stdout, format, source, content };
}

export async function imageSize(file: string): Promise<{ width: number; height: number }> {
  const { stdout } = await run('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0:s=x', file,
  ]);
  const [width, height] = stdout.trim().split('x').map(Number);
  if (!(width > 0 && height > 0)) throw new Error(`ffprobe could not read the size of ${file}: "${stdout.trim()}"`);
  return { width, height };
}
