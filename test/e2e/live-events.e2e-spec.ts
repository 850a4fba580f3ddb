import { JwtService } from '@nestjs/jwt';
import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { EVENTS_EXCHANGE } from '@vms/contracts';
import { ApiHarness, startApi } from '../support/api-harness';

interface Received {
  socket: WebSocket;
  messages: { type: string; data?: { cameraId?: string } }[];
  closed: Promise<{ code: number; reason: string }>;
}

/** The authenticated WebSocket `/ws`: per-camera subscriptions fed from RabbitMQ. */
describe('live events over /ws (e2e)', () => {
  let api: ApiHarness;
  const open: WebSocket[] = [];

  const connect = (token: string | null): Promise<Received> =>
    new Promise((resolve, reject) => {
      const url = `${api.baseUrl.replace('http', 'ws')}/ws${token === null ? '' : `?access_token=${encodeURIComponent(token)}`}`;
      const socket = new WebSocket(url);
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

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    for (const socket of open) socket.terminate();
    await api.close();
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
});
