import { jpegLength } from './jpeg-stream';

const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];

/** SOI, an APP0 whose payload holds FF D9, a scan whose data holds stuffed FF 00 and a restart marker, EOI. */
const PICTURE = Buffer.from([
  0xff, 0xd8,
  ...segment(0xe0, [0x4a, 0x46, 0xff, 0xd9, 0x00]),
  ...segment(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
  0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0xd9,
]);

describe('jpegLength', () => {
  it('measures a whole picture without stopping at FF D9 inside a segment, stuffing or restart markers', () => {
    expect(jpegLength(PICTURE)).toBe(PICTURE.length);
  });

  it('finds the end of the first of two pictures sent back to back', () => {
    expect(jpegLength(Buffer.concat([PICTURE, PICTURE]))).toBe(PICTURE.length);
  });

  it('answers 0 for every incomplete prefix', () => {
    for (let length = 0; length < PICTURE.length; length++) {
      expect(jpegLength(PICTURE.subarray(0, length))).toBe(0);
    }
  });

  it('refuses data that does not start a JPEG', () => {
    expect(() => jpegLength(Buffer.from([0x00, 0x01, 0x02]))).toThrow(/SOI/);
    expect(() => jpegLength(Buffer.from([0xff, 0xd8, 0x12, 0x34, 0x00, 0x00]))).toThrow(/marker/);
  });
});
