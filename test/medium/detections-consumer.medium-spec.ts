import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import amqplib from 'amqplib';
import { DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE, EventEnvelope } from '@vms/contracts';
import { DetectionRepository } from '../../apps/api/src/detections/application/detection.repository';
import { derivedDetectionId } from '../../apps/api/src/detections/application/detection-id';
import { ApiHarness, startApi } from '../support/api-harness';
import { waitForQueueConsumer, waitUntil } from '../support/wait';

/**
 * `detection.created` from the AI service, through the real RabbitMQ, into the api's
 * `api.detections` consumer and out of `GET /api/detections`: one row per object, duplicates and
 * replays stored once, invalid payloads and unknown versions dead-lettered, nothing half-written.
 */

const QUEUE = 'api.detections';
const run = promisify(execFile);

function envelope(data: object, overrides: Partial<EventEnvelope<object>> = {}): EventEnvelope<object> {
  return {
    id: randomUUID(),
    type: 'detection.created',
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'ai-detection',
    correlationId: randomUUID(),
    data,
    ...overrides,
  };
}

const person = { class: 'person', confidence: 0.91, bbox: [0.1, 0.2, 0.3, 0.4], trackId: 7, reason: 'appeared' };
const car = { class: 'car', confidence: 0.66, bbox: [0.5, 0.5, 0.25, 0.2], trackId: 8, reason: 'class-changed' };

describe('detections from detection.created events (medium)', () => {
  let api: ApiHarness;
  let admin: string;
  let connection: amqplib.ChannelModel;
  let channel: amqplib.ConfirmChannel;
  let frame = 0;

  const payload = (overrides: object = {}) => ({
    cameraId: randomUUID(),
    timestamp: new Date(Date.now() - 1000).toISOString(),
    frameId: `frame-${++frame}`,
    detections: [person, car],
    snapshotUrl: `/media/snapshots/${frame}.jpg`,
    ...overrides,
  });
  const publish = async (event: EventEnvelope<object> | Buffer) => {
    const body = Buffer.isBuffer(event) ? event : Buffer.from(JSON.stringify(event));
    channel.publish(EVENTS_EXCHANGE, 'detection.created', body, { persistent: true, messageId: Buffer.isBuffer(event) ? undefined : event.id });
    await channel.waitForConfirms();
  };
  const processed = async (eventId: string) =>
    (await api.db.query('SELECT 1 FROM processed_events WHERE consumer = $1 AND event_id = $2', [QUEUE, eventId])).length === 1;
  /** Ready plus unacknowledged messages, straight from the broker. */
  const depth = async (queue: string) => {
    const { stdout } = await run('rabbitmqctl', ['-q', 'list_queues', '-p', api.vhost.name, 'name', 'messages', '--no-table-headers']);
    const line = stdout.split('\n').map((row) => row.split('\t')).find(([name]) => name === queue);
    return Number(line?.[1] ?? 0);
  };
  const drained = async () => (await depth(QUEUE)) === 0 && (await depth(`${QUEUE}.retry`)) === 0;
  const list = async (query: string) =>
    (await api.http.get(`/api/detections?${query}`).set('Authorization', `Bearer ${admin}`).expect(200)).body as {
      items: Record<string, unknown>[];
      nextCursor: string | null;
    };
  const rowsOfCamera = async (cameraId: string) =>
    Number((await api.db.query<{ count: string }>('SELECT count(*) FROM detections WHERE camera_id = $1', [cameraId]))[0].count);

  beforeAll(async () => {
    api = await startApi();
    admin = await api.login();
    connection = await amqplib.connect(api.vhost.url);
    channel = await connection.createConfirmChannel();
    await waitForQueueConsumer(connection, QUEUE);
  });

  afterAll(async () => {
    await connection.close();
    await api.close();
  });

  it('stores one row per object, served by GET /api/detections with ids derived from the event', async () => {
    const data = payload();
    const event = envelope(data);
    await publish(event);
    await waitUntil(() => processed(event.id));

    const page = await list(`cameraId=${data.cameraId}`);
    expect(page.nextCursor).toBeNull();
    const detectedAt = new Date(data.timestamp).toISOString();
    expect(page.items.sort((a, b) => Number(a.trackId) - Number(b.trackId))).toEqual([
      { id: derivedDetectionId(event.id, 0), cameraId: data.cameraId, class: 'person', confidence: 0.91, bbox: [0.1, 0.2, 0.3, 0.4], trackId: 7, snapshotUrl: data.snapshotUrl, detectedAt },
      { id: derivedDetectionId(event.id, 1), cameraId: data.cameraId, class: 'car', confidence: 0.66, bbox: [0.5, 0.5, 0.25, 0.2], trackId: 8, snapshotUrl: data.snapshotUrl, detectedAt },
    ]);
    const stored = await api.db.query<{ event_id: string }>('SELECT DISTINCT event_id FROM detections WHERE camera_id = $1', [data.cameraId]);
    expect(stored).toEqual([{ event_id: event.id }]);
  });

  it('keeps the AI service\'s detection ids when the event carries them, and a missing snapshot as null', async () => {
    const detectionIds = [randomUUID(), randomUUID()];
    const data = payload({ detectionIds, snapshotUrl: null });
    const event = envelope(data);
    await publish(event);
    await waitUntil(() => processed(event.id));

    const one = await api.http.get(`/api/detections/${detectionIds[1]}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(one.body).toMatchObject({ id: detectionIds[1], cameraId: data.cameraId, class: 'car', trackId: 8, snapshotUrl: null });
    const page = await list(`cameraId=${data.cameraId}`);
    expect(page.items.map((item) => item.id).sort()).toEqual([...detectionIds].sort());
  });

  it('applies an event delivered several times once', async () => {
    const data = payload();
    const event = envelope(data);
    await Promise.all([publish(event), publish(event), publish(event)]);
    await waitUntil(async () => (await processed(event.id)) && (await drained()));

    expect(await rowsOfCamera(data.cameraId)).toBe(2);
    expect((await list(`cameraId=${data.cameraId}`)).items).toHaveLength(2);
    expect(await api.db.query('SELECT 1 FROM processed_events WHERE event_id = $1', [event.id])).toHaveLength(1);
    expect(await depth(`${QUEUE}.dlq`)).toBe(0);
  });

  it('stores a replay under a new event id once when it names the same detection ids', async () => {
    const data = payload({ detectionIds: [randomUUID(), randomUUID()] });
    const first = envelope(data);
    const replay = envelope(data);
    await publish(first);
    await publish(replay);
    await waitUntil(async () => (await processed(first.id)) && (await processed(replay.id)));

    expect(await rowsOfCamera(data.cameraId)).toBe(2);
    expect(await depth(`${QUEUE}.dlq`)).toBe(0);
  });

  it('writes the rows and the dedupe record together or not at all', async () => {
    const repository = api.app.get(DetectionRepository);
    const event = envelope(payload());
    const cameraId = randomUUID();
    const base = { eventId: event.id, cameraId, class: 'person', bbox: [0.1, 0.1, 0.1, 0.1] as [number, number, number, number], trackId: 1, snapshotUrl: null, detectedAt: new Date() };
    // The second row breaks a table constraint the payload validation would normally catch.
    await expect(repository.addFromEvent(QUEUE, event, [
      { ...base, id: randomUUID(), confidence: 0.5 },
      { ...base, id: randomUUID(), confidence: 1.5 },
    ])).rejects.toThrow();
    expect(await rowsOfCamera(cameraId)).toBe(0);
    expect(await processed(event.id)).toBe(false);

    // The same event, valid now, is stored: the failed attempt left nothing behind.
    expect(await repository.addFromEvent(QUEUE, event, [{ ...base, id: randomUUID(), confidence: 0.5 }])).toBe(true);
    expect(await rowsOfCamera(cameraId)).toBe(1);
    expect(await repository.addFromEvent(QUEUE, event, [{ ...base, id: randomUUID(), confidence: 0.5 }])).toBe(false);
    expect(await rowsOfCamera(cameraId)).toBe(1);
  });

  it('dead-letters an invalid payload and an unknown version after their retries, storing nothing', async () => {
    const invalid = payload({ detections: [{ ...person, confidence: 1.7, bbox: [0.1, 0.2] }] });
    const invalidEvent = envelope(invalid);
    const futureVersion = payload();
    const futureEvent = envelope(futureVersion, { version: 2 });
    await publish(invalidEvent);
    await publish(futureEvent);
    await waitUntil(async () => (await channel.checkQueue(`${QUEUE}.dlq`)).messageCount === 2, 45000);

    const dead: string[] = [];
    for (let i = 0; i < 2; i++) {
      const message = await channel.get(`${QUEUE}.dlq`, { noAck: true });
      expect(message && message.fields.exchange).toBe(DEAD_LETTER_EXCHANGE);
      expect(message && message.properties.headers?.['x-attempts']).toBe(5);
      if (message) dead.push(JSON.parse(message.content.toString()).id);
    }
    expect(dead.sort()).toEqual([invalidEvent.id, futureEvent.id].sort());
    for (const event of [invalidEvent, futureEvent]) expect(await processed(event.id)).toBe(false);
    expect(await rowsOfCamera(invalid.cameraId)).toBe(0);
    expect(await rowsOfCamera(futureVersion.cameraId)).toBe(0);
  }, 60000);

  it('dead-letters a message that is not an envelope at once', async () => {
    await publish(Buffer.from('{"not":"an envelope"'));
    await waitUntil(async () => (await channel.checkQueue(`${QUEUE}.dlq`)).messageCount === 1);
    await channel.get(`${QUEUE}.dlq`, { noAck: true });
  });
});
