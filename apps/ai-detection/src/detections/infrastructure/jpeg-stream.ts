const MARKER = 0xff;
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

/**
 * Length in bytes of the JPEG at the start of `buffer` (SOI up to and including EOI), or 0 while
 * it is incomplete. Walks the marker segments and then the entropy-coded data, where a 0xFF
 * byte is always followed by 0x00 (stuffing) or a restart marker, so an EOI can never be mistaken.
 */
export function jpegLength(buffer: Buffer): number {
  if (buffer.length < 2) return 0;
  if (buffer[0] !== MARKER || buffer[1] !== SOI) throw new Error('not a JPEG: missing the SOI marker');
  let at = 2;
  for (;;) {
    if (at + 2 > buffer.length) return 0;
    if (buffer[at] !== MARKER) throw new Error(`corrupt JPEG: expected a marker at byte ${at}`);
    const marker = buffer[at + 1];
    if (marker === MARKER) {
      at += 1; // fill byte
      continue;
    }
    if (marker === EOI) return at + 2;
    if (at + 4 > buffer.length) return 0;
    at += 2 + buffer.readUInt16BE(at + 2);
    if (marker === SOS) {
      const end = endOfEntropyData(buffer, at);
      if (end < 0) return 0;
      at = end;
    }
  }
}

/** Offset of the first marker after entropy-coded data starting at `from`, or -1 if not there yet. */
function endOfEntropyData(buffer: Buffer, from: number): number {
  for (let at = buffer.indexOf(MARKER, from); at >= 0 && at + 1 < buffer.length; at = buffer.indexOf(MARKER, at + 1)) {
    const next = buffer[at + 1];
    const isRestart = next >= 0xd0 && next <= 0xd7;
    if (next !== 0x00 && !isRestart && next !== MARKER) return at;
  }
  return -1;
}
