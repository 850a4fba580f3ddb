/** Counts distinct readers of a path seen within a sliding window (HLS has no sessions, only requests). */
export class ReaderTracker {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly windowMs = 20000) {}

  seen(reader: string, now = Date.now()): void {
    this.lastSeen.set(reader, now);
  }

  count(now = Date.now()): number {
    for (const [reader, at] of this.lastSeen) if (now - at > this.windowMs) this.lastSeen.delete(reader);
    return this.lastSeen.size;
  }

  clear(): void {
    this.lastSeen.clear();
  }
}
