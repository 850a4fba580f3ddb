import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveBoxesSubscriber } from './live-boxes.subscriber';
import { LiveEventsConsumer } from './live-events.consumer';
import { LiveEventsGateway } from './live-events.gateway';
import { LiveEventsHub } from './live-events.hub';
import { SocketHeartbeat } from './socket-heartbeat';

/** Live events (and the AI's per-frame boxes) to browsers and integrators over an authenticated WebSocket (`/ws`). */
@Module({ imports: [AuthModule], providers: [LiveEventsHub, SocketHeartbeat, LiveEventsGateway, LiveEventsConsumer, LiveBoxesSubscriber] })
export class EventsGatewayModule {}
