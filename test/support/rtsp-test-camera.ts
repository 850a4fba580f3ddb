import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface RtspTestCamera {
  /** `rtsp://127.0.0.1:<port>/live`, without credentials. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const SCRIPT = path.join(__dirname, 'rtsp_test_camera.py');

/** Starts a real GStreamer RTSP server with an H.264 test pattern at /live (basic auth when credentials are given). */
export async function startRtspTestCamera(options: { username?: string; password?: string } = {}, timeoutMs = 20000): Promise<RtspTestCamera> {
  const args = [SCRIPT];
  if (options.username !== undefined) args.push('--username', options.username, '--password', options.password ?? '');
  const child = spawn('/usr/bin/python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const escalate = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(escalate);
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`RTSP test camera did not start: ${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /PORT (\d+)/.exec(output);
        if (match) { clearTimeout(timer); resolve(Number(match[1])); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`RTSP test camera exited (${code}): ${output}`)); });
    });
    await waitForTcp(port, timeoutMs);
    return { url: `rtsp://127.0.0.1:${port}/live`, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForTcp(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`port ${port} never accepted connections`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
