import { runMediaTool } from '@vms/platform';
import type { PathSource } from '../../media-server.port';
import { ffprobeArgs, MediaPlan } from './ffmpeg-args';
import { FailureReason, failureReason } from './ffmpeg-failure';
import { sourceKind } from './source-url';

/** The first video stream's picture, as far as the probe could tell (absent from a cached plan). */
export interface VideoFacts {
  width: number | null;
  height: number | null;
  fps: number | null;
}

export type ProbeResult = ({ ok: true } & MediaPlan & Partial<VideoFacts>) | { ok: false; reason: string };

export interface ProbeOptions {
  ffprobePath: string;
  socketTimeoutMs: number;
  /** Hard limit for the whole probe; past it the probe is killed and counts as a timeout. */
  timeoutMs: number;
  signal?: AbortSignal;
}

const MAX_OUTPUT = 64 * 1024;

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
}

const MAX_PLAUSIBLE_FPS = 240;

/** Asks ffprobe what the source carries; never rejects, a failure is a result with its reason. */
export async function probeSource(source: PathSource, options: ProbeOptions): Promise<ProbeResult> {
  const kind = sourceKind(source.url);
  const startedAt = Date.now();
  const { stdout, stderr, ...end } = await runMediaTool(options.ffprobePath, ffprobeArgs(source, options.socketTimeoutMs), {
    timeoutMs: options.timeoutMs, signal: options.signal, maxOutputChars: MAX_OUTPUT,
  });
  const elapsedMs = Date.now() - startedAt;
  if (end.signal && !options.signal?.aborted) return { ok: false, reason: FailureReason.timeout };
  if (end.code !== 0 || end.spawnError || end.signal) {
    return { ok: false, reason: failureReason({ ...end, output: stderr, elapsedMs }, kind, options.socketTimeoutMs) };
  }
  return planFrom(stdout);
}

function planFrom(json: string): ProbeResult {
  let streams: ProbeStream[];
  try {
    streams = (JSON.parse(json) as { streams?: ProbeStream[] }).streams ?? [];
  } catch {
    return { ok: false, reason: FailureReason.notVideo };
  }
  const video = streams.find((stream) => stream.codec_type === 'video');
  if (!video) return { ok: false, reason: FailureReason.notVideo };
  if (!video.codec_name || video.codec_name === 'none') return { ok: false, reason: FailureReason.unsupportedCodec };
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  return {
    ok: true, videoCodec: video.codec_name, audioCodec: audio?.codec_name ?? null,
    width: positiveInt(video.width), height: positiveInt(video.height), fps: frameRate(video.avg_frame_rate) ?? frameRate(video.r_frame_rate),
  };
}

function positiveInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

/** ffprobe's `num/den` rate; `0/0` (unknown) and RTP clock rates posing as frame rates give null. */
export function frameRate(raw: string | undefined): number | null {
  const match = /^(\d+)\/(\d+)$/.exec(raw ?? '');
  if (!match || Number(match[2]) === 0) return null;
  const fps = Number(match[1]) / Number(match[2]);
  return fps > 0 && fps <= MAX_PLAUSIBLE_FPS ? Math.round(fps * 100) / 100 : null;
}
