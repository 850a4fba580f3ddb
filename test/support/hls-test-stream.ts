import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface HlsRequest {
  path: string;
  at: number;
}

export interface HlsTestServer {
  baseUrl: string;
  /** Every request so far (path without the query), oldest first. */
  requests: HlsRequest[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
};

/** A static file server for HLS directories under `root` (404 for anything missing), with a request log. */
export async function startHlsTestServer(root: string): Promise<HlsTestServer> {
  const requests: HlsRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?', 1)[0]);
    requests.push({ path: urlPath, at: Date.now() });
    const file = path.join(root, urlPath);
    stat(file).then((info) => {
      if (!info.isFile() || !file.startsWith(root + path.sep)) throw new Error('not a file');
      res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': info.size, 'cache-control': 'no-cache' });
      createReadStream(file).pipe(res);
    }).catch(() => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface HlsTestStream {
  directory: string;
  playlist: string;
  stop(): Promise<void>;
}

/**
 * Loops a clip as a live HLS stream (2 s target segments, 6 in the playlist, old ones deleted),
 * copying the video as it is: segments can only start at keyframes, so a long-GOP clip gives long segments.
 */
export async function startHlsTestStream(clip: string, directory: string, options: { minSegments?: number; timeoutMs?: number } = {}): Promise<HlsTestStream> {
  const playlist = path.join(directory, 'index.m3u8');
  const child = spawn('ffmpeg', [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', clip,
    '-map', '0:v:0', '-c', 'copy', '-f', 'hls', '-hls_time', '2', '-hls_list_size', '6', '-hls_flags', 'delete_segments', playlist,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4000); });
  const stream = { directory, playlist, stop: () => stopProcess(child) };
  try {
    await waitForSegments(playlist, options.minSegments ?? 1, options.timeoutMs ?? 30000, () => output);
  } catch (error) {
    await stream.stop();
    throw error;
  }
  return stream;
}

export async function segmentCount(playlist: string): Promise<number> {
  const text = await readFile(playlist, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.startsWith('#EXTINF')).length;
}

async function waitForSegments(playlist: string, count: number, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await segmentCount(playlist)) < count) {
    if (Date.now() > deadline) throw new Error(`${playlist} never listed ${count} segments: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Re-encodes a clip with a keyframe every `gopFrames` frames (H.264, no audio). */
export async function encodeWithGop(clip: string, output: string, gopFrames: number): Promise<void> {
  await run('ffmpeg', [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', clip, '-an',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    '-g', String(gopFrames), '-keyint_min', String(gopFrames), '-sc_threshold', '0', output,
  ], { timeout: 120000 });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.kill('SIGTERM');
  const escalate = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(escalate);
}

/** Pids of every ffmpeg/ffprobe (or just `programs`) on this machine whose command line contains `fragment`: the truth about leftover processes. */
export async function ffmpegProcessesWith(fragment: string, programs = ['ffmpeg', 'ffprobe']): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (programs.includes(path.basename(args[0] ?? '')) && args.some((arg) => arg.includes(fragment))) pids.push(Number(entry));
  }
  return pids;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
