/** Cuts a byte stream into pictures of exactly `frameBytes` bytes, whatever the chunk boundaries. */
export class RawFrameSplitter {
  private current: Buffer;
  private filled = 0;

  constructor(private readonly frameBytes: number) {
    if (!Number.isInteger(frameBytes) || frameBytes <= 0) throw new RangeError(`frame size must be a positive integer, got ${frameBytes}`);
    this.current = Buffer.allocUnsafe(frameBytes);
  }

  /** Returns the pictures this chunk completed (each its own buffer), keeping a partial one for the next chunk. */
  push(chunk: Buffer): Buffer[] {
    const complete: Buffer[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      const copied = chunk.copy(this.current, this.filled, offset, Math.min(chunk.length, offset + this.frameBytes - this.filled));
      this.filled += copied;
      offset += copied;
      if (this.filled === this.frameBytes) {
        complete.push(this.current);
        this.current = Buffer.allocUnsafe(this.frameBytes);
        this.filled = 0;
      }
    }
    return complete;
  }

  /** Bytes of an unfinished picture (dropped when the process ends). */
  get partialBytes(): number {
    return this.filled;
  }
}
