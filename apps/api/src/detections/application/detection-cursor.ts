import type { DetectionPosition } from './detection';

const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;
const TIMESTAMP = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opaque `cursor` of `GET /api/detections`: base64url of the last item's (detected_at, id). */
export function encodeCursor(position: DetectionPosition): string {
  return Buffer.from(JSON.stringify([position.detectedAt, position.id]), 'utf8').toString('base64url');
}

/** The position a cursor holds, or null for anything this api did not hand out. */
export function decodeCursor(cursor: string): DetectionPosition | null {
  if (!CURSOR.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [detectedAt, id] = value as unknown[];
  if (typeof detectedAt !== 'string' || !TIMESTAMP.test(detectedAt) || typeof id !== 'string' || !UUID.test(id)) return null;
  // Date.parse rolls 02-30 over to 03-01 where PostgreSQL refuses it: only a real calendar time passes.
  const parsed = new Date(`${detectedAt.slice(0, 23)}Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 23) !== detectedAt.slice(0, 23)) return null;
  return { detectedAt, id: id.toLowerCase() };
}
