import { runMediaTool } from '@vms/platform';
import { isHlsUrl, networkInputArgs } from './ffmpeg-frame-args';
import { failureOf, FrameSourceFailure } from './frame-source-failure';

export interface KeyframeProbe {
  width: number;
  height: number;
  /** The longest keyframe gap seen, the open one after the last keyframe included; null with fewer than two keyframes. */
  keyframeIntervalSec: number | null;
}

export type KeyframeProbeResult = ({ ok: true } & KeyframeProbe) | { ok: false; reason: string };

export interface KeyframeProbeOptions {
  ffprobePath: string;
  ioTimeoutMs: number;
  /** Hard limit for the whole probe; past it ffprobe is killed and the probe fails with `timeout`. */
  timeoutMs: number;
  /** Seconds of stream to look at: three keyframe intervals of the keyframe-mode threshold. */
  windowSec?: number;
  signal?: AbortSignal;
}

export const DEFAULT_PROBE_WINDOW_SEC = 6;
const MAX_OUTPUT = 1024 * 1024;

export function keyframeProbeArgs(url: string, options: { ioTimeoutMs: number; windowSec?: number }): string[] {
  return [
    '-hide_banner', '-v', 'error',
    ...networkInputArgs(url, options.ioTimeoutMs),
    // From the oldest segment of a live playlist: the whole window is usually there already.
    ...(isHlsUrl(url) ? ['-live_start_index', '0'] : []),
    // The decoder option keyframe mode uses: what it decodes here is what ffmpeg will deliver.
    '-skip_frame', 'nokey',
    '-select_streams', 'v:0',
    '-show_entries', 'stream=width,height:packet=pts_time,dts_time:frame=pts_time,best_effort_timestamp_time',
    '-read_intervals', `%+${options.windowSec ?? DEFAULT_PROBE_WINDOW_SEC}`,
    '-of', 'json',
    url,
  ];
}

interface ProbeEntry {
  type?: string;
  pts_time?: string;
  dts_time?: string;
  best_effort_timestamp_time?: string;
}

interface ProbeOutput {
  streams?: Array<{ width?: number; height?: number }>;
  packets_and_frames?: ProbeEntry[];
}

function seconds(...values: Array<string | undefined>): number | null {
  for (const value of values) {
    const parsed = value === undefined ? NaN : Number(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return null;
}

/**
 * Reads ffprobe's JSON: the picture size, and the longest keyframe gap, counting the open gap
 * from the last keyframe to the last packet (a GOP longer than what is left of the window).
 */
export function parseKeyframeProbe(json: string): KeyframeProbeResult {
  let output: ProbeOutput;
  try {
    output = JSON.parse(json) as ProbeOutput;
  } catch {
    return { ok: false, reason: FrameSourceFailure.invalidData };
  }
  const stream = output.streams?.[0];
  if (!stream?.width || !stream.height) return { ok: false, reason: FrameSourceFailure.noVideo };
  const entries = output.packets_and_frames ?? [];
  const keyframes = entries
    .filter((entry) => entry.type === 'frame')
    .map((entry) => seconds(entry.pts_time, entry.best_effort_timestamp_time))
    .filter((time): time is number => time !== null);
  const packetTimes = entries
    .filter((entry) => entry.type === 'packet')
    .map((entry) => seconds(entry.pts_time, entry.dts_time))
    .filter((time): time is number => time !== null);
  let interval: number | null = null;
  if (keyframes.length >= 2) {
    // Gaps that go backwards are timestamp discontinuities (wrap, restarted source), not GOPs.
    const gaps = keyframes.slice(1).map((time, index) => time - keyframes[index]).filter((gap) => gap > 0);
    const last = keyframes[keyframes.length - 1];
    const lastPacket = packetTimes.length > 0 ? packetTimes[packetTimes.length - 1] : last;
    const tail = Math.max(0, lastPacket - last);
    if (gaps.length > 0) interval = Math.round(Math.max(...gaps, tail) * 1000) / 1000;
  }
  return { ok: true, width: stream.width, height: stream.height, keyframeIntervalSec: interval };
}

/** Measures the source's picture size and keyframe interval; never rejects, a failure is a result with its reason. */
export async function probeKeyframes(url: string, options: KeyframeProbeOptions): Promise<KeyframeProbeResult> {
  const { stdout, stderr, ...end } = await runMediaTool(options.ffprobePath, keyframeProbeArgs(url, options), {
    timeoutMs: options.timeoutMs, signal: options.signal, maxOutputChars: MAX_OUTPUT,
  });
  if (options.signal?.aborted) return { ok: false, reason: 'stopped' };
  if (end.signal === 'SIGKILL') return { ok: false, reason: FrameSourceFailure.timeout };
  if (end.code !== 0 || end.spawnError || end.signal) return { ok: false, reason: failureOf({ ...end, stderr }) };
  return parseKeyframeProbe(stdout);
}
