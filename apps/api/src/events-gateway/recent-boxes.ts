/** How long relayed boxes can serve as an overlay's first paint (the AI service's own cache keeps them 10 s). */
export const RECENT_BOXES_TTL_MS = 10_000;

/**
 * The last boxes message of every camera (raw JSON, as relayed), so a socket that subscribes gets
 * the current picture at once instead of waiting for the next inference.
 */
export class RecentBoxes {
  private readonly byCamera = new Map<string, { message: string; at: number }>();

  constructor(private readonly ttlMs = RECENT_BOXES_TTL_MS, private readonly now: () => number = Date.now) {}

  put(cameraId: string, message: string): void {
    this.byCamera.set(cameraId, { message, at: this.now() });
  }

  /** The camera's last boxes if still fresh and well-formed, else null. */
  get(cameraId: string): unknown {
    const entry = this.byCamera.get(cameraId);
    if (!entry) return null;
    if (this.now() - entry.at > this.ttlMs) {
      this.byCamera.delete(cameraId);
      return null;
    }
    return parseBoxes(cameraId, entry.message);
  }

  /** Forgets what expired (cameras that stopped being inferred, deleted ones). */
  prune(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [cameraId, entry] of this.byCamera) if (entry.at < oldest) this.byCamera.delete(cameraId);
  }

  get size(): number {
    return this.byCamera.size;
  }
}

/** The payload if it is a boxes message of that camera, else null. */
export function parseBoxes(cameraId: string, message: string): unknown {
  try {
    const data = JSON.parse(message) as { cameraId?: unknown; detections?: unknown } | null;
    return data && data.cameraId === cameraId && Array.isArray(data.detections) ? data : null;
  } catch {
    return null;
  }
}
