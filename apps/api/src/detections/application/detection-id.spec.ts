import { derivedDetectionId, uuidV5 } from './detection-id';

describe('detection ids', () => {
  it('computes RFC 4122 version 5 UUIDs (the well-known DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same id for the same event and index, whatever the case of the event id', () => {
    const eventId = '0f0e0d0c-0b0a-4908-8706-050403020100';
    expect(derivedDetectionId(eventId, 0)).toBe(derivedDetectionId(eventId.toUpperCase(), 0));
    expect(derivedDetectionId(eventId, 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('derives different ids for different objects and events', () => {
    const ids = new Set([
      derivedDetectionId('0f0e0d0c-0b0a-4908-8706-050403020100', 0),
      derivedDetectionId('0f0e0d0c-0b0a-4908-8706-050403020100', 1),
      derivedDetectionId('1f0e0d0c-0b0a-4908-8706-050403020100', 0),
    ]);
    expect(ids.size).toBe(3);
  });
});
