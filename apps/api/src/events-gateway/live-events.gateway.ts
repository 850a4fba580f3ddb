import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { AccessTokenClaims, ApiKeyAuthenticator } from '@vms/auth';
import { DETECTION_BOXES, LiveBoxesSubscriber } from './live-boxes.subscriber';
import { LiveEventsHub } from './live-events.hub';
import { SocketHeartbeat } from './socket-heartbeat';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SUBSCRIPTIONS = 64;
/** API keys can be revoked at any time: a socket opened with one checks it again this often. */
const API_KEY_RECHECK_MS = 60_000;
/** Close codes in the application range: 4401 unauthenticated (like HTTP 401), 4400 bad message. */
export const WS_CLOSE = { unauthenticated: 4401, badMessage: 4400 } as const;

interface ClientMessage {
  type?: unknown;
  cameraIds?: unknown;
  token?: unknown;
}

/**
 * `/ws`: live detections, per-frame boxes and camera status for signed-in users (any role). The access token comes
 * as `?access_token=` (browsers cannot set headers on a WebSocket); the connection closes when it
 * expires unless the client sends `{type:"auth", token}` with a refreshed one. Integrators' programs
 * may instead send an `X-API-Key` header with the upgrade request; the socket closes once the key is
 * revoked. Either way, clients subscribe after the `{type:"ready"}` message.
 */
@WebSocketGateway({ path: '/ws' })
export class LiveEventsGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(LiveEventsGateway.name);
  /** Per socket: the close-at-token-expiry timeout, or the API key re-check interval. */
  private readonly authTimers = new Map<WebSocket, NodeJS.Timeout>();

  constructor(
    private readonly jwt: JwtService,
    private readonly hub: LiveEventsHub,
    private readonly boxes: LiveBoxesSubscriber,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly heartbeat: SocketHeartbeat,
  ) {}

  handleConnection(client: WebSocket, request: IncomingMessage): void {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string') {
      void this.acceptApiKey(client, apiKey);
      return;
    }
    const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('access_token');
    if (this.authorise(client, token)) this.accept(client);
  }

  handleDisconnect(client: WebSocket): void {
    clearTimeout(this.authTimers.get(client));
    this.authTimers.delete(client);
    this.heartbeat.untrack(client);
    this.hub.disconnect(client);
  }

  private accept(client: WebSocket): void {
    this.hub.connect(client);
    this.heartbeat.track(client);
    client.on('message', (raw: Buffer) => this.onMessage(client, raw));
    client.send(JSON.stringify({ type: 'ready' }));
  }

  private async acceptApiKey(client: WebSocket, apiKey: string): Promise<void> {
    const valid = () => this.apiKeys.authenticate(apiKey).then((principal) => principal !== null, () => false);
    if (!(await valid())) {
      client.close(WS_CLOSE.unauthenticated, 'AUTH.API_KEY_INVALID');
      return;
    }
    if (client.readyState !== client.OPEN) return;
    this.accept(client);
    const timer = setInterval(() => {
      void valid().then((still) => still || client.close(WS_CLOSE.unauthenticated, 'AUTH.API_KEY_INVALID'));
    }, API_KEY_RECHECK_MS);
    timer.unref();
    this.authTimers.set(client, timer);
  }

  private onMessage(client: WebSocket, raw: Buffer): void {
    let message: ClientMessage;
    try {
      message = JSON.parse(raw.toString('utf8')) as ClientMessage;
    } catch {
      client.close(WS_CLOSE.badMessage, 'REQUEST.MALFORMED_JSON');
      return;
    }
    if (message.type === 'auth') {
      this.authorise(client, typeof message.token === 'string' ? message.token : null);
      return;
    }
    const cameraIds = Array.isArray(message.cameraIds) ? message.cameraIds : null;
    const valid = cameraIds !== null && cameraIds.length <= MAX_SUBSCRIPTIONS && cameraIds.every((id) => typeof id === 'string' && UUID.test(id));
    if ((message.type !== 'subscribe' && message.type !== 'unsubscribe') || !valid) {
      client.send(JSON.stringify({ type: 'error', error: { code: 'VALIDATION.FAILED', message: 'Send {type: "subscribe"|"unsubscribe", cameraIds: [uuid, ...]} (at most 64) or {type: "auth", token}' } }));
      return;
    }
    if (message.type === 'unsubscribe') {
      client.send(JSON.stringify({ type: 'subscribed', cameraIds: this.hub.unsubscribe(client, cameraIds as string[]) }));
      return;
    }
    const { cameraIds: subscribed, added } = this.hub.subscribe(client, cameraIds as string[]);
    client.send(JSON.stringify({ type: 'subscribed', cameraIds: subscribed }));
    // First paint for overlays: the newly watched cameras' current boxes, without waiting for the next frame.
    for (const cameraId of added) {
      const latest = this.boxes.latest(cameraId);
      if (latest) client.send(JSON.stringify({ type: DETECTION_BOXES, data: latest }));
    }
  }

  /** Verifies an access token and arms the close-at-expiry timer; closes the socket when invalid. */
  private authorise(client: WebSocket, token: string | null): boolean {
    let claims: AccessTokenClaims & { exp: number };
    try {
      claims = this.jwt.verify<AccessTokenClaims & { exp: number }>(token ?? '');
      if (claims.typ !== 'access') throw new Error('not an access token');
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      client.close(WS_CLOSE.unauthenticated, expired ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.TOKEN_INVALID');
      return false;
    }
    clearTimeout(this.authTimers.get(client));
    const timer = setTimeout(() => client.close(WS_CLOSE.unauthenticated, 'AUTH.TOKEN_EXPIRED'), Math.max(0, claims.exp * 1000 - Date.now()));
    timer.unref();
    this.authTimers.set(client, timer);
    return true;
  }
}
