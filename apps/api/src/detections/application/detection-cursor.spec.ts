import { decodeCursor, encodeCursor } from './detection-cursor';

const ID = '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('detection cursor', () => {
  it('round-trips a position, microseconds included', () => {
    const position = { detectedAt: '2024-05-01T12:34:56.123456Z', id: ID };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it('normalises the id to lower case', () => {
    expect(decodeCursor(raw(['2024-05-01T12:34:56.000000Z', ID.toUpperCase()]))?.id).toBe(ID);
  });

  it.each([
    ['an empty string', ''],
    ['characters outside base64url', 'abc+/=='],
    ['base64 of something that is not JSON', Buffer.from('not json').toString('base64url')],
    ['a JSON object', raw({ detectedAt: '2024-05-01T12:34:56.123456Z', id: ID })],
    ['a one-element array', raw(['2024-05-01T12:34:56.123456Z'])],
    ['a three-element array', raw(['2024-05-01T12:34:56.123456Z', ID, 1])],
    ['a time in milliseconds', raw(['2024-05-01T12:34:56.123Z', ID])],
    ['a time with an offset', raw(['2024-05-01T12:34:56.123456+02:00', ID])],
    ['a day that does not exist', raw(['2024-02-30T12:34:56.123456Z', ID])],
    ['an hour that does not exist', raw(['2024-05-01T25:00:00.000000Z', ID])],
    ['a year before 1000', raw(['0999-05-01T12:34:56.123456Z', ID])],
    ['a malformed id', raw(['2024-05-01T12:34:56.123456Z', 'not-a-uuid'])],
    ['a numeric id', raw(['2024-05-01T12:34:56.123456Z', 42])],
    ['an overlong value', 'A'.repeat(201)],
  ])('refuses %s', (_label, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
