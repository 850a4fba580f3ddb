import { createHash } from 'node:crypto';

/** Namespace of the detection ids derived from event ids; never change it (replays must find the same ids). */
export const DETECTION_ID_NAMESPACE = '0b5e6f3c-2a1d-4c8e-9f70-6d3b2a1c4e5f';

/** RFC 4122 version 5 (name-based, SHA-1) UUID. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Id of the index-th object of an event that carries no `detectionIds`: the same on every replay. */
export function derivedDetectionId(eventId: string, index: number): string {
  return uuidV5(`${eventId.toLowerCase()}/${index}`, DETECTION_ID_NAMESPACE);
}
