import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { encodeCursor } from '../application/detection-cursor';
import { ListDetectionsQuery, toDetectionQuery } from './detection.dto';

const CAMERA = '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01';

/** As the global ValidationPipe does it: transform, then validate with whitelisting. */
async function parse(query: Record<string, unknown>): Promise<{ dto: ListDetectionsQuery; fields: string[] }> {
  const dto = plainToInstance(ListDetectionsQuery, query);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  return { dto, fields: errors.map((error) => error.property) };
}

describe('ListDetectionsQuery', () => {
  it('applies the defaults to an empty query', async () => {
    const { dto, fields } = await parse({});
    expect(fields).toEqual([]);
    expect(toDetectionQuery(dto)).toEqual({
      filter: { cameraId: undefined, classes: undefined, from: undefined, to: undefined, minConfidence: undefined },
      limit: 50,
      after: null,
    });
  });

  it('turns query text into typed filters', async () => {
    const cursor = encodeCursor({ detectedAt: '2024-05-01T12:00:00.000001Z', id: CAMERA });
    const { dto, fields } = await parse({
      cameraId: CAMERA, class: 'person,car', from: '2024-05-01T00:00:00Z', to: '2024-05-01T02:00:00+02:00',
      minConfidence: '0.75', limit: '2', cursor,
    });
    expect(fields).toEqual([]);
    expect(toDetectionQuery(dto)).toEqual({
      filter: {
        cameraId: CAMERA, classes: ['person', 'car'], from: new Date('2024-05-01T00:00:00Z'), to: new Date('2024-05-01T00:00:00Z'),
        minConfidence: 0.75,
      },
      limit: 2,
      after: { detectedAt: '2024-05-01T12:00:00.000001Z', id: CAMERA },
    });
  });

  it('takes repeated class parameters', async () => {
    const { dto, fields } = await parse({ class: ['person', 'bicycle,dog'] });
    expect(fields).toEqual([]);
    expect(dto.class).toEqual(['person', 'bicycle', 'dog']);
  });

  it('reads a space before the offset as the + a query string lost', async () => {
    const { dto, fields } = await parse({ from: '2024-05-01T12:00:00 02:00' });
    expect(fields).toEqual([]);
    expect(dto.from).toBe('2024-05-01T12:00:00+02:00');
  });

  it.each([
    ['cameraId', { cameraId: 'camera-1' }],
    ['cameraId', { cameraId: [CAMERA, CAMERA] }],
    ['class', { class: 'unicorn' }],
    ['class', { class: 'person,' }],
    ['class', { class: '' }],
    ['from', { from: 'yesterday' }],
    ['from', { from: '2024-05-01' }],
    ['from', { from: '2024-05-01T12:00:00' }],
    ['from', { from: '2024-02-30T12:00:00Z' }],
    ['to', { to: '1714564800' }],
    ['to', { from: '2024-05-02T00:00:00Z', to: '2024-05-01T00:00:00Z' }],
    ['minConfidence', { minConfidence: '1.5' }],
    ['minConfidence', { minConfidence: '-0.1' }],
    ['minConfidence', { minConfidence: '' }],
    ['minConfidence', { minConfidence: 'high' }],
    ['limit', { limit: '0' }],
    ['limit', { limit: '201' }],
    ['limit', { limit: '2.5' }],
    ['limit', { limit: '1e2' }],
    ['cursor', { cursor: 'garbage' }],
    ['cursor', { cursor: '' }],
    ['camera', { camera: CAMERA }],
  ])('refuses %s in %j', async (field, query) => {
    expect((await parse(query)).fields).toEqual([field]);
  });

  it('accepts the bounds', async () => {
    expect((await parse({ minConfidence: '0', limit: '1' })).fields).toEqual([]);
    expect((await parse({ minConfidence: '1', limit: '200' })).fields).toEqual([]);
    expect((await parse({ from: '2024-05-01T00:00:00Z', to: '2024-05-01T00:00:00Z' })).fields).toEqual([]);
  });
});
