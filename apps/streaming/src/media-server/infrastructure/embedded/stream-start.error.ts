/** Why a reader could not get a path's first playlist: the source failed, it took too long, or the path went away. */
export class StreamStartError extends Error {
  constructor(readonly kind: 'failed' | 'timeout' | 'gone', readonly reason: string) {
    super(kind === 'timeout' ? `stream did not start in time (${reason})` : `stream unavailable: ${reason}`);
  }
}
