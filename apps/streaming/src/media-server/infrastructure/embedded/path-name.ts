const PATH_NAME = /^[A-Za-z0-9_-]{1,100}$/;
const SEGMENT_FILE = /^[A-Za-z0-9_-]{1,100}\.(ts|m4s|mp4)$/;

export const PLAYLIST_FILE = 'index.m3u8';

/** Path names become directory names and URL parts, so only a safe alphabet is accepted. */
export function isValidPathName(name: string): boolean {
  return PATH_NAME.test(name);
}

/** The files the HLS server may serve from a path's directory: its playlist and its segments. */
export function isServableHlsFile(file: string): boolean {
  return file === PLAYLIST_FILE || SEGMENT_FILE.test(file);
}

export class InvalidPathNameError extends Error {
  readonly code = 'STREAM.INVALID_PATH_NAME';

  constructor(name: string) {
    super(`invalid path name ${JSON.stringify(name.slice(0, 100))}: only letters, digits, "_" and "-" are allowed`);
  }
}
