import path from 'node:path';
import type { PathSource } from '../../media-server.port';
import { PLAYLIST_FILE } from './path-name';
import { ffmpegInput, sourceKind } from './source-url';

/** What the probe found in a source: enough to choose between remuxing and transcoding. */
export interface MediaPlan {
  videoCodec: string;
  audioCodec: string | null;
}

export type EncodeMode = 'remux' | 'transcode';

export interface HlsOutputOptions {
  directory: string;
  segmentSeconds: number;
  playlistSize: number;
}

/** H.264 goes to HLS as it is; anything else is re-encoded (browsers and the AI service expect H.264). */
export function encodeModeFor(plan: MediaPlan): EncodeMode {
  return plan.videoCodec === 'h264' ? 'remux' : 'transcode';
}

/**
 * Input options per scheme: RTSP over TCP with a socket timeout, HTTP with an I/O timeout, a file
 * looped in real time as a live camera (a probe reads it once, as fast as it can).
 */
export function inputArgs(source: PathSource, socketTimeoutMs: number, use: 'stream' | 'probe' = 'stream'): string[] {
  const micros = String(socketTimeoutMs * 1000);
  switch (sourceKind(source.url)) {
    case 'rtsp': return ['-rtsp_transport', 'tcp', '-timeout', micros, '-i', ffmpegInput(source)];
    case 'http': return ['-rw_timeout', micros, '-i', ffmpegInput(source)];
    case 'file': return [...(use === 'stream' ? ['-re', '-stream_loop', '-1'] : []), '-i', ffmpegInput(source)];
  }
}

export function ffprobeArgs(source: PathSource, socketTimeoutMs: number): string[] {
  return ['-hide_banner', '-v', 'error', ...inputArgs(source, socketTimeoutMs, 'probe'),
    '-show_entries', 'stream=codec_type,codec_name,width,height,avg_frame_rate,r_frame_rate', '-of', 'json'];
}

function codecArgs(plan: MediaPlan, segmentSeconds: number): string[] {
  const video = encodeModeFor(plan) === 'remux'
    ? ['-map', '0:v:0', '-c:v', 'copy']
    : ['-map', '0:v:0', '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
      '-sc_threshold', '0', '-force_key_frames', `expr:gte(t,n_forced*${segmentSeconds})`];
  const audio = plan.audioCodec === 'aac' ? ['-map', '0:a:0', '-c:a', 'copy'] : ['-an'];
  return [...video, ...audio];
}

/** The full ffmpeg command line: pull the source, remux or transcode, write a rolling live HLS playlist. */
export function ffmpegArgs(source: PathSource, plan: MediaPlan, output: HlsOutputOptions, socketTimeoutMs: number): string[] {
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-y',
    ...inputArgs(source, socketTimeoutMs),
    ...codecArgs(plan, output.segmentSeconds),
    '-f', 'hls',
    '-hls_time', String(output.segmentSeconds),
    '-hls_list_size', String(output.playlistSize),
    '-hls_flags', 'delete_segments+omit_endlist+independent_segments',
    // A segment that just left the playlist stays on disk as long as the playlist again (RFC 8216
    // 6.2.2): a player that read the previous playlist may still ask for it.
    '-hls_delete_threshold', String(output.playlistSize),
    // Sequence numbers (and so segment names) from the clock: a restarted process never reuses a name.
    '-hls_start_number_source', 'epoch',
    '-hls_segment_filename', path.join(output.directory, 's%d.ts'),
    path.join(output.directory, PLAYLIST_FILE),
  ];
}
