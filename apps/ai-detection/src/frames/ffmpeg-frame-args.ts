import { contentRectOf, FrameFormat } from './frame';

/** `keyframes`: the decoder skips everything but keyframes; `all-frames`: decode every frame, keep one a second. */
export type DecodeMode = 'keyframes' | 'all-frames';

/** Pictures per second each camera feeds the AI pipeline. */
export const FRAMES_PER_SECOND = 1;

/**
 * Longest keyframe interval still decoded keyframes-only. Up to here a keyframe arrives often
 * enough (a 2 s GOP gives one picture every 2 s; 60 frames at 29.97 fps is 2.002 s, hence the margin);
 * longer GOPs are decoded in full and sampled by `fps`.
 */
export const KEYFRAME_MODE_MAX_INTERVAL_SEC = 2.1;

/** Keyframes closer than this share one output slot: caps keyframe mode at about FRAMES_PER_SECOND. */
const MIN_KEYFRAME_SPACING_SEC = 0.9 / FRAMES_PER_SECOND;

export interface SourceSize {
  width: number;
  height: number;
}

/** Everything the ffmpeg command line depends on besides the URL. */
export interface FrameSourcePlan {
  format: FrameFormat;
  source: SourceSize;
  mode: DecodeMode;
}

export function decodeModeFor(keyframeIntervalSec: number | null, maxIntervalSec = KEYFRAME_MODE_MAX_INTERVAL_SEC): DecodeMode {
  return keyframeIntervalSec !== null && keyframeIntervalSec > 0 && keyframeIntervalSec <= maxIntervalSec ? 'keyframes' : 'all-frames';
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** An HLS playlist: `.m3u8` at the end of the path (the query may carry a stream token). */
export function isHlsUrl(url: string): boolean {
  return /\.m3u8$/i.test(url.split(/[?#]/, 1)[0]);
}

/** Network options shared by ffmpeg and ffprobe: reconnects for http(s), an I/O timeout for every protocol. */
export function networkInputArgs(url: string, ioTimeoutMs: number): string[] {
  const reconnect = isHttp(url) ? ['-reconnect', '1', '-reconnect_streamed', '1', '-reconnect_delay_max', '2'] : [];
  return [...reconnect, '-rw_timeout', String(Math.round(ioTimeoutMs * 1000))];
}

function hexColour([r, g, b]: [number, number, number]): string {
  return `0x${[r, g, b].map((channel) => Math.max(0, Math.min(255, Math.round(channel))).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Scales (and pads) to the model's input in ffmpeg. Letterboxing scales to exactly the
 * `contentRectOf` size (`decrease` keeps the aspect ratio should the source size change later),
 * converts to RGB before padding so the pad colour comes out exact, then pads at its offsets.
 */
export function fitFilter(format: FrameFormat, source: SourceSize): string {
  const { width, height } = format;
  if (format.fit === 'stretch') return `scale=${width}:${height}:flags=bilinear,format=rgb24`;
  const content = contentRectOf(format, source.width, source.height);
  return [
    `scale=${content.width}:${content.height}:force_original_aspect_ratio=decrease:flags=bilinear`,
    'format=rgb24',
    `pad=${width}:${height}:${content.x}:${content.y}:color=${hexColour(format.padRgb)}`,
  ].join(',');
}

/** Sampling first (so only kept pictures are scaled), then the fit. */
export function frameFilter(plan: FrameSourcePlan): string {
  // A keyframe at least MIN_KEYFRAME_SPACING after the last one kept; a backward timestamp jump starts over.
  const sample = plan.mode === 'keyframes'
    ? `select='isnan(prev_selected_t)+gte(t-prev_selected_t,${MIN_KEYFRAME_SPACING_SEC})+lt(t,prev_selected_t)'`
    : `fps=${FRAMES_PER_SECOND}`;
  return `${sample},${fitFilter(plan.format, plan.source)}`;
}

/**
 * The ffmpeg command line that turns a camera's HLS URL into raw RGB24 pictures of exactly
 * format.width x format.height on stdout, about one a second.
 */
export function ffmpegFrameArgs(url: string, plan: FrameSourcePlan, options: { ioTimeoutMs: number }): string[] {
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error',
    ...networkInputArgs(url, options.ioTimeoutMs),
    // Start at the newest segment: the least lag.
    ...(isHlsUrl(url) ? ['-live_start_index', '-1'] : []),
    // Read at the stream's own pace: HLS hands over whole segments at once, and without pacing a
    // 2-8 s segment becomes a burst of pictures of which a latest-frame-wins consumer keeps one.
    // No `-fflags nobuffer`: it throws away the packets read while probing, the segment's leading
    // keyframe among them, so the first picture would wait a whole GOP (8 s on long-GOP cameras).
    '-re',
    // One decoder thread: many small decoders share the cores, and frame threads only add overhead.
    // All-frames mode still skips pictures nothing refers to (B-frames mostly): 25-30 % less decoding,
    // and the 1 s sampling only needs a picture near each second.
    '-threads', '1', '-skip_frame', plan.mode === 'keyframes' ? 'nokey' : 'noref',
    '-i', url,
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', frameFilter(plan),
    // Pictures as the filter emits them; the default for rawvideo would duplicate them up to the input rate.
    '-fps_mode', 'passthrough',
    '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1',
  ];
}
