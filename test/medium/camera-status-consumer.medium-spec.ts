import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import { DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE, EventEnvelope } from '@vms/contracts';
import { CameraRepository } from '../../apps/api/src/cameras/domain/camera.repository';
import { ApiHarness, startApi } from '../support/api-harness';
import { waitForQueueConsumer, waitUntil } from '../support/wait';

/**
 * `camera.status.changed` from the streaming service, through the real RabbitMQ, into the api's
 * `api.camera-status` consumer: status and last error change (and reads see it at once), nothing
 * else does; duplicates, stale reports and unknown cameras have no effect; bad payloads are
 * dead-lettered.
 */

const QUEUE = 'api.camera-status';

/** Strictly increasing observation times, all after the cameras the tests create before asking. */
let lastTick = 0;
const tick = () => new Date((lastTick = Math.max(Date.now(), lastTick + 1))).toISOString();

function envelope(data: object, overrides: Partial<EventEnvelope<object>> = {}): EventEnvelope<object> {
  return {
    id: randomUUID(),
    type: 'camera.status.changed',
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'streaming',
    correlationId: null,
    data,
    ...overrides,
  };
}

describe('camera status from camera.status.changed events (medium)', () => {
  let api: ApiHarness;
  let admin: string;
  let connection: amqplib.ChannelModel;
  let channel: amqplib.ConfirmChannel;
  let counter = 0;

  const publish = async (event: EventEnvelope<object>) => {
    channel.publish(EVENTS_EXCHANGE, 'camera.status.changed', Buffer.from(JSON.stringify(event)), { persistent: true, messageId: event.id });
    await channel.waitForConfirms();
  };
  /** The consumer records an event once it handled it (applied or ignored) and committed. */
  const processed = async (eventId: string) =>
    (await api.db.query('SELECT 1 FROM processed_events WHERE consumer = $1 AND event_id = $2', [QUEUE, eventId])).length === 1;
  const publishAndWait = async (event: EventEnvelope<object>) => {
    await publish(event);
    await waitUntil(() => processed(event.id));
  };
  const read = async (id: string) => (await api.http.get(`/api/cameras/${id}`).set('Authorization', `Bearer ${admin}`).expect(200)).body;
  const newCamera = async () => {
    const created = await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`)
      .send({ name: `Status cam ${++counter}`, sourceUrl: 'rtsp://127.0.0.1:8554/status' }).expect(201);
    await read(created.body.id); // primes the read cache, so every later read proves it was invalidated
    return created.body as { id: string; revision: number; updatedAt: string };
  };

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

  it('applies online, offline and error reports, and a read right after sees them', async () => {
    const camera = await newCamera();
    const outboxBefore = await api.db.query<{ count: string }>('SELECT count(*) FROM outbox_events');

    await publishAndWait(envelope({ cameraId: camera.id, status: 'online', readers: 2, bitrateKbps: 1850.5, observedAt: tick() }));
    expect(await read(camera.id)).toMatchObject({ status: 'online', lastError: null });

    await publishAndWait(envelope({ cameraId: camera.id, status: 'offline', reason: 'source closed the connection', observedAt: tick() }));
    expect(await read(camera.id)).toMatchObject({ status: 'offline', lastError: 'source closed the connection' });

    await publishAndWait(envelope({ cameraId: camera.id, status: 'error', reason: '401 Unauthorized from the camera', readers: 0, bitrateKbps: null, observedAt: tick() }));
    const errored = await read(camera.id);
    expect(errored).toMatchObject({ status: 'error', lastError: '401 Unauthorized from the camera' });

    // Only the status moved: no new revision, no updatedAt change, no outgoing event.
    expect(errored).toMatchObject({ revision: camera.revision, updatedAt: camera.updatedAt });
    const outboxAfter = await api.db.query<{ count: string }>('SELECT count(*) FROM outbox_events');
    expect(outboxAfter[0].count).toBe(outboxBefore[0].count);
  });

  it('uses the envelope time when the report has no observedAt', async () => {
    const camera = await newCamera();
    const [earlier, later] = [tick(), tick()];
    await publishAndWait(envelope({ cameraId: camera.id, status: 'online' }, { occurredAt: later }));
    expect((await read(camera.id)).status).toBe('online');
    await publishAndWait(envelope({ cameraId: camera.id, status: 'offline', reason: 'late' }, { occurredAt: earlier }));
    expect((await read(camera.id)).status).toBe('online');
  });

  it('applies a redelivered event once', async () => {
    const camera = await newCamera();
    const offline = envelope({ cameraId: camera.id, status: 'offline', reason: 'first delivery', observedAt: tick() });
    await publishAndWait(offline);
    expect((await read(camera.id)).lastError).toBe('first delivery');

    // Move the stored status on without touching its time: only the dedupe can stop the duplicate now.
    await api.db.query(`UPDATE cameras SET status = 'online', last_error = NULL WHERE id = $1`, [camera.id]);
    await publish(offline);
    const marker = envelope({ cameraId: randomUUID(), status: 'online' });
    await publishAndWait(marker); // one at a time, in order: the duplicate was handled before it

    const rows = await api.db.query<{ status: string; last_error: string | null }>('SELECT status, last_error FROM cameras WHERE id = $1', [camera.id]);
    expect(rows[0]).toEqual({ status: 'online', last_error: null });
    const records = await api.db.query('SELECT 1 FROM processed_events WHERE consumer = $1 AND event_id = $2', [QUEUE, offline.id]);
    expect(records).toHaveLength(1);
  });

  it('ignores a report older than the status it has', async () => {
    const camera = await newCamera();
    const [earlier, later] = [tick(), tick()];
    await publishAndWait(envelope({ cameraId: camera.id, status: 'online', observedAt: later }));
    await publishAndWait(envelope({ cameraId: camera.id, status: 'error', reason: 'stale news', observedAt: earlier }));
    expect(await read(camera.id)).toMatchObject({ status: 'online', lastError: null });
  });

  it('ignores a report observed before the source changed, and takes the next one', async () => {
    const camera = await newCamera();
    await publishAndWait(envelope({ cameraId: camera.id, status: 'online', observedAt: tick() }));
    const beforeChange = tick();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const patched = await api.http.patch(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`)
      .send({ sourceUrl: 'rtsp://127.0.0.1:8554/other' }).expect(200);
    expect(patched.body.status).toBe('provisioning');

    await publishAndWait(envelope({ cameraId: camera.id, status: 'online', observedAt: beforeChange }));
    expect((await read(camera.id)).status).toBe('provisioning');
    await publishAndWait(envelope({ cameraId: camera.id, status: 'online', observedAt: tick() }));
    expect((await read(camera.id)).status).toBe('online');
  });

  it('keeps a reported status through a later change that does not touch the stream', async () => {
    const camera = await newCamera();
    await publishAndWait(envelope({ cameraId: camera.id, status: 'online', observedAt: tick() }));
    const patched = await api.http.patch(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`)
      .send({ description: 'moved to the north gate' }).expect(200);
    expect(patched.body).toMatchObject({ status: 'online', revision: camera.revision + 1 });
  });

  it('a write racing a status report keeps the newer status', async () => {
    const camera = await newCamera();
    const repository = api.app.get(CameraRepository);
    const loaded = (await repository.findById(camera.id))!;
    // While the write is being prepared, the streaming service reports the camera online.
    await publishAndWait(envelope({ cameraId: camera.id, status: 'online' }));
    loaded.update({ description: 'edited concurrently' });
    await repository.save(loaded, []);

    expect(loaded.status).toBe('online');
    expect(await read(camera.id)).toMatchObject({ status: 'online', description: 'edited concurrently' });
  });

  it('keeps a disabled camera offline whatever streaming reports', async () => {
    const camera = await newCamera();
    await api.http.patch(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).send({ enabled: false }).expect(200);
    await publishAndWait(envelope({ cameraId: camera.id, status: 'online', observedAt: tick() }));
    expect((await read(camera.id)).status).toBe('offline');
  });

  it('acknowledges and ignores a report for an unknown camera', async () => {
    const unknown = envelope({ cameraId: randomUUID(), status: 'online' });
    await publishAndWait(unknown);
    expect((await channel.checkQueue(QUEUE)).messageCount).toBe(0);
    expect((await channel.checkQueue(`${QUEUE}.dlq`)).messageCount).toBe(0);
  });

  it('dead-letters an invalid payload after its retries, leaving the camera alone', async () => {
    const camera = await newCamera();
    const invalid = envelope({ cameraId: camera.id, status: 'dancing', readers: -1 });
    await publish(invalid);
    await waitUntil(async () => (await channel.checkQueue(`${QUEUE}.dlq`)).messageCount === 1, 40000);

    const dead = await channel.get(`${QUEUE}.dlq`, { noAck: true });
    expect(dead && JSON.parse(dead.content.toString()).id).toBe(invalid.id);
    expect(dead && dead.fields.exchange).toBe(DEAD_LETTER_EXCHANGE);
    expect(dead && dead.properties.headers?.['x-attempts']).toBe(5);
    expect(await processed(invalid.id)).toBe(false);
    expect((await read(camera.id)).status).toBe('provisioning');
  }, 60000);
});
