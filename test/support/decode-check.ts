import { spawn } from 'node:child_process';

/**
 * Decodes up to `frames` video frames from `url` with ffmpeg and returns how many it got
 * (0 when nothing decodes); a live stream is cut off after `timeoutMs`.
 */
export async function decodesFrames(url: string, frames = 10, timeoutMs = 30000): Promise<number> {
  const child = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', url,
    '-map', '0:v:0', '-frames:v', String(frames), '-f', 'framemd5', 'pipe:1'],
  { stdio: ['ignore', 'pipe', 'ignore'], timeout: timeoutMs, killSignal: 'SIGKILL' });
  let decoded = 0;
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    decoded += lines.filter((line) => line.trim() !== '' && !line.startsWith('#')).length;
  });
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  return decoded;
}
