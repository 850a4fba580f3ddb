import { DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE } from '@vms/contracts';
import amqplib from 'amqplib';
import { ApiHarness, MEDIA_DIR, startApi } from '../support/api-harness';
import { EventCollector } from '../support/event-collector';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestVhost, TestVhost } from '../support/test-broker';
import { waitUntil } from '../support/wait';

describe('transactional outbox with RabbitMQ unreachable (medium)', () => {
  let vhost: TestVhost;
  let proxy: TcpProxy;
  let api: ApiHarness;
  let collector: EventCollector;
  let admin: string;

  beforeAll(async () => {
    vhost = await createTestVhost();
    proxy = new TcpProxy('127.0.0.1', 5672);
    const port = await proxy.start();
    api = await startApi({ RABBITMQ_URL: `amqp://guest:guest@127.0.0.1:${port}/${encodeURIComponent(vhost.name)}` });
    collector = new EventCollector({ amqpUrl: vhost.url, databaseUrl: api.db.url, queue: 'test.camera-events', routingKeys: ['camera.*'] });
    await collector.start();
    admin = await api.login();
  });

  afterAll(async () => {
    await collector.stop();
    await api.close();
    await proxy.stop();
    await vhost.delete();
  });

  it('keeps every change while the broker is away and delivers each event exactly once, in order per camera, when it returns', async () => {
    await proxy.stop();
    await waitUntil(async () => (await api.http.get('/health/ready')).status === 503);

    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      const created = await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`)
        .send({ name: `Outbox cam ${index}`, sourceUrl: `file://${MEDIA_DIR}/street_traffic_640x360.mp4` }).expect(201);
      ids.push(created.body.id);
    }
    for (const id of ids) {
      for (const suffix of ['a', 'b']) {
        await api.http.patch(`/api/cameras/${id}`).set('Authorization', `Bearer ${admin}`).send({ description: suffix }).expect(200);
      }
    }
    const pending = await api.db.query<{ count: string }>('SELECT count(*) FROM outbox_events WHERE published_at IS NULL');
    expect(Number(pending[0].count)).toBe(9);
    expect(collector.handled).toHaveLength(0);

    await proxy.start();
    await collector.waitFor(9);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    expect(collector.handled).toHaveLength(9);
    expect(new Set(collector.handled.map((event) => event.id)).size).toBe(9);
    for (const id of ids) {
      const forCamera = collector.handled.filter((event) => (event.data as { cameraId: string }).cameraId === id);
      expect(forCamera.map((event) => event.type)).toEqual(['camera.created', 'camera.updated', 'camera.updated']);
      expect(forCamera.map((event) => (event.data as { revision: number }).revision)).toEqual([1, 2, 3]);
    }
    const unpublished = await api.db.query<{ count: string }>('SELECT count(*) FROM outbox_events WHERE published_at IS NULL');
    expect(Number(unpublished[0].count)).toBe(0);
    await waitUntil(async () => (await api.http.get('/health/ready')).status === 200);
  });

  it('the consumer ignores a redelivered event (dedupe by event id)', async () => {
    const before = collector.handled.length;
    const [row] = await api.db.query<{ envelope: object; routing_key: string }>('SELECT envelope, routing_key FROM outbox_events ORDER BY sequence LIMIT 1');
    const connection = await amqplib.connect(vhost.url);
    const channel = await connection.createConfirmChannel();
    channel.publish(EVENTS_EXCHANGE, row.routing_key, Buffer.from(JSON.stringify(row.envelope)), { persistent: true });
    await channel.waitForConfirms();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await connection.close();
    expect(collector.handled.length).toBe(before);
    const processed = await api.db.query<{ count: string }>("SELECT count(*) FROM processed_events WHERE consumer = 'test.camera-events'");
    expect(Number(processed[0].count)).toBe(before);
  });

  it('an unparseable message goes to the dead-letter queue, not back to the consumer', async () => {
    const connection = await amqplib.connect(vhost.url);
    const channel = await connection.createConfirmChannel();
    channel.publish(EVENTS_EXCHANGE, 'camera.updated', Buffer.from('{not json'), { persistent: true });
    await channel.waitForConfirms();
    await waitUntil(async () => (await channel.checkQueue('test.camera-events.dlq')).messageCount === 1);
    const dead = await channel.get('test.camera-events.dlq', { noAck: true });
    expect(dead && dead.content.toString()).toBe('{not json');
    expect(dead && dead.fields.exchange).toBe(DEAD_LETTER_EXCHANGE);
    await connection.close();
  });

  it('publishes nothing for a change that rolled back', async () => {
    const before = await api.db.query<{ count: string }>('SELECT count(*) FROM outbox_events');
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`)
          .send({ name: 'Race cam', sourceUrl: 'rtsp://127.0.0.1:8554/race' }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([201, 409, 409]);
    const after = await api.db.query<{ count: string }>('SELECT count(*) FROM outbox_events');
    expect(Number(after[0].count) - Number(before[0].count)).toBe(1);
  });
});
