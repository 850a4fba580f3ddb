/** Why a camera's frame source is not delivering, as shown in its stats. */
export const FrameSourceFailure = {
  unauthorized: 'unauthorized',
  notFound: 'not found',
  refused: 'connection refused',
  timeout: 'timeout',
  invalidData: 'invalid data',
  noVideo: 'no video stream',
  streamEnded: 'stream ended',
} as const;

const RULES: ReadonlyArray<[RegExp, string]> = [
  [/(?:Server returned|HTTP error) 40[13]\b|Unauthorized|authorization failed|Forbidden|access denied/i, FrameSourceFailure.unauthorized],
  // Case-sensitive: HTTP's reason phrase, not ffmpeg's own "Option ... not found".
  [/(?:Server returned|HTTP error) 404\b|Not Found|No such file or directory/, FrameSourceFailure.notFound],
  [/Connection refused/i, FrameSourceFailure.refused],
  [/timed out|Timeout/i, FrameSourceFailure.timeout],
  [/matches no streams|does not contain any stream/i, FrameSourceFailure.noVideo],
  [/Invalid data found|moov atom not found/i, FrameSourceFailure.invalidData],
  [/End of file/i, FrameSourceFailure.streamEnded],
];

/** The first known failure in ffmpeg/ffprobe error output, most specific first; null when none is recognised. */
export function classifyFfmpegError(stderr: string): string | null {
  for (const [pattern, reason] of RULES) if (pattern.test(stderr)) return reason;
  return null;
}

export interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Set when the program could not be started at all (ENOENT...). */
  spawnError?: string;
}

/** Why an ffmpeg/ffprobe run that nobody asked to stop ended. */
export function failureOf(end: ProcessEnd): string {
  if (end.spawnError) return `could not start (${end.spawnError})`;
  const reason = classifyFfmpegError(end.stderr);
  if (reason) return reason;
  if (end.signal) return `killed (${end.signal})`;
  if (end.code === 0) return FrameSourceFailure.streamEnded;
  return `exited with code ${end.code}`;
}
