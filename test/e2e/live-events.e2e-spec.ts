import { JwtService } from '@nestjs/jwt';
import amqplib from 'amqplib';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { EVENTS_EXCHANGE } from '@vms/contracts';
import { ApiHarness, startApi } from '../support/api-harness';
import { TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from '../support/wait';

interface Received {
  socket: WebSocket;
  messages: { type: string; data?: { cameraId?: string; frameId?: string } }[];
  closed: Promise<{ code: number; reason: string }>;
}

/** The authenticated WebSocket `/ws`: per-camera subscriptions fed from RabbitMQ and Redis pub/sub. */
describe('live events over /ws (e2e)', () => {
  let api: ApiHarness;
  // The api reaches Redis through a proxy the test can cut; the test publishes to Redis directly.
  let proxy: TcpProxy;
  let redis: Redis;
  const open: WebSocket[] = [];

  const connect = (token: string | null, headers: Record<string, string> = {}): Promise<Received> =>
    new Promise((resolve, reject) => {
      const url = `${api.baseUrl.replace('http', 'ws')}/ws${token === null ? '' : `?access_token=${encodeURIComponent(token)}`}`;
      const socket = new WebSocket(url, { headers });
      open.push(socket);
      const messages: Received['messages'] = [];
      const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: reason.toString() })));
      socket.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
      socket.on('open', () => resolve({ socket, messages, closed }));
      socket.on('error', reject);
    });
  const waitFor = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 10000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const publish = async (type: string, data: Record<string, unknown>) => {
    const connection = await amqplib.connect(api.env.RABBITMQ_URL);
    const channel = await connection.createConfirmChannel();
    const envelope = { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), source: 'test', correlationId: null, data };
    channel.publish(EVENTS_EXCHANGE, type, Buffer.from(JSON.stringify(envelope)), { persistent: true });
    await channel.waitForConfirms();
    await connection.close();
  };

  /** Publishes one inferred frame's boxes as the AI service does; resolves how many Redis subscribers got it. */
  const publishBoxes = (cameraId: string, frameId: string) =>
    redis.publish(
      `${api.env.REDIS_KEY_PREFIX}ai:boxes:${cameraId}`,
      JSON.stringify({ cameraId, timestamp: new Date().toISOString(), frameId, detections: [{ class: 'person', confidence: 0.87, bbox: [0.1, 0.2, 0.3, 0.4], trackId: 3 }] }),
    );
  const boxes = (client: Received, cameraId?: string) =>
    client.messages.filter((message) => message.type === 'detection.boxes' && (cameraId === undefined || message.data?.cameraId === cameraId));
  /** Publishes until the client got that frame (the api's subscriber connects in the background). */
  const publishUntilPushed = (client: Received, cameraId: string, frameId: string) =>
    waitUntil(async () => {
      if (boxes(client, cameraId).some((message) => message.data?.frameId === frameId)) return true;
      await publishBoxes(cameraId, frameId);
      return false;
    });
  const subscribed = async (client: Received, cameraIds: string[], type: 'subscribe' | 'unsubscribe' = 'subscribe') => {
    const before = client.messages.filter((message) => message.type === 'subscribed').length;
    client.socket.send(JSON.stringify({ type, cameraIds }));
    await waitFor(() => client.messages.filter((message) => message.type === 'subscribed').length > before, `${type} acknowledged`);
  };

  beforeAll(async () => {
    proxy = new TcpProxy('127.0.0.1', 6379);
    const port = await proxy.start();
    api = await startApi({ REDIS_URL: `redis://127.0.0.1:${port}` });
    redis = new Redis({ host: '127.0.0.1', port: 6379 });
  });

  afterAll(async () => {
    for (const socket of open) socket.terminate();
    redis.disconnect();
    await api.close();
    await proxy.stop();
  });

  it('pushes detections and status changes of subscribed cameras only, to every role', async () => {
    const watched = randomUUID();
    const other = randomUUID();
    const clients = await Promise.all((['operator', 'integrator', 'admin'] as const).map(async (role) => connect(await api.tokenFor(role))));
    for (const client of clients) {
      await waitFor(() => client.messages.some((message) => message.type === 'ready'), 'ready');
      client.socket.send(JSON.stringify({ type: 'subscribe', cameraIds: [watched] }));
      await waitFor(() => client.messages.some((message) => message.type === 'subscribed'), 'subscribed');
    }
    // The per-instance queue is bound asynchronously after boot: wait until a push gets through.
    const deadline = Date.now() + 10000;
    while (!clients[0].messages.some((message) => message.type === 'detection.created') && Date.now() < deadline) {
      await publish('detection.created', { cameraId: watched, timestamp: new Date().toISOString(), frameId: 'f', detections: [{ class: 'car', confidence: 0.9, bbox: [0.1, 0.1, 0.2, 0.2], trackId: 1 }], snapshotUrl: null });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await publish('detection.created', { cameraId: other, timestamp: new Date().toISOString(), frameId: 'g', detections: [], snapshotUrl: null });
    await publish('camera.status.changed', { cameraId: watched, status: 'online', reason: null });
    for (const client of clients) {
      await waitFor(() => client.messages.some((message) => message.type === 'camera.status.changed'), 'status pushed');
      expect(client.messages.some((message) => message.type === 'detection.created' && message.data?.cameraId === watched)).toBe(true);
      expect(client.messages.some((message) => message.data?.cameraId === other)).toBe(false);
    }
  });

  it('refuses connections without a valid access token with close code 4401', async () => {
    expect((await (await connect(null)).closed).code).toBe(4401);
    expect((await (await connect('not-a-token')).closed)).toEqual({ code: 4401, reason: 'AUTH.TOKEN_INVALID' });
    const expired = new JwtService({ secret: api.env.JWT_SECRET }).sign(
      { sub: randomUUID(), role: 'operator', email: 'x@test.local', typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 },
      { issuer: 'vms-api' },
    );
    expect((await (await connect(expired)).closed)).toEqual({ code: 4401, reason: 'AUTH.TOKEN_EXPIRED' });
  });

  it('lets an integrator program connect with an API key header, and refuses unknown or revoked keys', async () => {
    const admin = await api.login();
    const created = await api.http.post('/api/api-keys').set('Authorization', `Bearer ${admin}`).send({ name: 'live events client' }).expect(201);
    const client = await connect(null, { 'X-API-Key': created.body.key });
    await waitFor(() => client.messages.some((message) => message.type === 'ready'), 'ready');
    await subscribed(client, [randomUUID()]);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);

    expect(await (await connect(null, { 'X-API-Key': 'vms_nope.nope' })).closed).toEqual({ code: 4401, reason: 'AUTH.API_KEY_INVALID' });
    await api.http.delete(`/api/api-keys/${created.body.id}`).set('Authorization', `Bearer ${admin}`).expect(204);
    expect(await (await connect(null, { 'X-API-Key': created.body.key })).closed).toEqual({ code: 4401, reason: 'AUTH.API_KEY_INVALID' });
  });

  it('answers a malformed subscription with an error and keeps the connection; accepts a refreshed token', async () => {
    const client = await connect(await api.tokenFor('operator'));
    client.socket.send(JSON.stringify({ type: 'subscribe', cameraIds: ['not-a-uuid'] }));
    await waitFor(() => client.messages.some((message) => message.type === 'error'), 'error answer');
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.send(JSON.stringify({ type: 'auth', token: await api.login() }));
    client.socket.send(JSON.stringify({ type: 'subscribe', cameraIds: [randomUUID()] }));
    await waitFor(() => client.messages.some((message) => message.type === 'subscribed'), 'subscribed after re-auth');
    client.socket.send(JSON.stringify({ type: 'auth', token: 'forged' }));
    expect((await client.closed).code).toBe(4401);
  });

  it('pushes every inferred frame\'s boxes (Redis pub/sub) to the sockets watching that camera only', async () => {
    const [watched, other] = [randomUUID(), randomUUID()];
    const [watcher, bystander] = await Promise.all([connect(await api.tokenFor('operator')), connect(await api.tokenFor('integrator'))]);
    await subscribed(watcher, [watched]);
    await subscribed(bystander, [other]);
    await publishUntilPushed(watcher, watched, 'first');
    const pushed = boxes(watcher)[0];
    expect(pushed.data).toEqual({ cameraId: watched, timestamp: expect.any(String), frameId: 'first', detections: [{ class: 'person', confidence: 0.87, bbox: [0.1, 0.2, 0.3, 0.4], trackId: 3 }] });
    expect(boxes(bystander)).toEqual([]);

    await publishBoxes(other, 'for-the-bystander');
    await waitFor(() => boxes(bystander, other).length === 1, 'other camera\'s boxes pushed');
    expect(boxes(watcher, other)).toEqual([]);

    await subscribed(watcher, [watched], 'unsubscribe');
    const before = boxes(watcher).length;
    expect(await publishBoxes(watched, 'after-unsubscribe')).toBe(1);
    await publishBoxes(other, 'marker');
    await waitFor(() => boxes(bystander, other).length === 2, 'marker pushed');
    expect(boxes(watcher)).toHaveLength(before);
  });

  it('sends a camera\'s current boxes right after subscribing (overlay first paint), then live ones', async () => {
    const cameraId = randomUUID();
    // Nobody watches the camera yet: the api still hears (and remembers) its boxes.
    await waitUntil(async () => (await publishBoxes(cameraId, 'current')) === 1);
    const client = await connect(await api.tokenFor('operator'));
    await subscribed(client, [cameraId]);
    await waitFor(() => boxes(client, cameraId).length === 1, 'current boxes on subscribe');
    expect(boxes(client, cameraId)[0].data?.frameId).toBe('current');
    // Subscribing again to a camera it already watches sends nothing more.
    await subscribed(client, [cameraId]);
    await publishUntilPushed(client, cameraId, 'next');
    expect(boxes(client, cameraId).map((message) => message.data?.frameId)).toEqual(['current', 'next']);
  });

  it('relays boxes again once Redis comes back after going away', async () => {
    const cameraId = randomUUID();
    const client = await connect(await api.tokenFor('operator'));
    await subscribed(client, [cameraId]);
    await publishUntilPushed(client, cameraId, 'before');

    await proxy.stop();
    // Redis sees the api's subscriber leave: nobody gets what the AI publishes meanwhile.
    await waitUntil(async () => (await publishBoxes(cameraId, 'during')) === 0);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);

    await proxy.start();
    await publishUntilPushed(client, cameraId, 'after');
    expect(boxes(client).some((message) => message.data?.frameId === 'during')).toBe(false);
    expect(api.logs.text()).toContain('Redis connection lost');
  });
});
