import type { SourceKind } from './source-url';

/** The reasons a path can fail with, as shown in `PathState.reason`. */
export const FailureReason = {
  unauthorized: 'unauthorized',
  notFound: 'not found',
  connectionRefused: 'connection refused',
  hostUnreachable: 'host unreachable',
  timeout: 'timeout',
  unsupportedCodec: 'unsupported codec',
  notVideo: 'not a video stream',
  streamEnded: 'stream ended',
} as const;

const RULES: ReadonlyArray<[RegExp, string]> = [
  [/\b40[13]\b|Unauthorized|authorization failed|Forbidden/i, FailureReason.unauthorized],
  // Case-sensitive: HTTP's reason phrase, not ffmpeg's own "Option not found".
  [/\b404\b|Not Found|No such file or directory/, FailureReason.notFound],
  [/Connection refused/i, FailureReason.connectionRefused],
  [/timed out|Timeout/i, FailureReason.timeout],
  [/No route to host|Network is unreachable|Failed to resolve hostname|Name or service not known|name resolution/i, FailureReason.hostUnreachable],
  [/Decoder \(codec [^)]*\) not found|Unknown decoder|Unknown encoder|not currently supported in container|Unsupported codec|Could not find tag for codec/i, FailureReason.unsupportedCodec],
  [/Invalid data found when processing input|does not contain any stream|matches no streams|moov atom not found/i, FailureReason.notVideo],
  [/End of file/i, FailureReason.streamEnded],
];

/** Finds the first known failure in ffmpeg/ffprobe error output (most specific rules first). */
export function classifyFfmpegOutput(output: string): string | null {
  for (const [pattern, reason] of RULES) if (pattern.test(output)) return reason;
  return null;
}

export interface FfmpegEnd {
  output: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  elapsedMs: number;
  spawnError?: string;
}

/** Why an ffmpeg/ffprobe run ended, in the words of `PathState.reason`. */
export function failureReason(end: FfmpegEnd, kind: SourceKind, socketTimeoutMs: number): string {
  if (end.spawnError) return `ffmpeg could not start (${end.spawnError})`;
  if (end.signal) return `ffmpeg was killed (${end.signal})`;
  const reason = classifyFfmpegOutput(end.output);
  // ffmpeg 5.1's RTSP demuxer reports a silent server as invalid data once its socket timeout expires.
  if (reason === FailureReason.notVideo && kind === 'rtsp' && end.elapsedMs >= socketTimeoutMs * 0.9) return FailureReason.timeout;
  if (reason) return reason;
  if (end.code === 0) return FailureReason.streamEnded;
  return `ffmpeg exited with code ${end.code}`;
}
