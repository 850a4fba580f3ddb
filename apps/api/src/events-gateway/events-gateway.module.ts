import { Module } from '@nestjs/common';
import { LiveEventsConsumer } from './live-events.consumer';
import { LiveEventsGateway } from './live-events.gateway';
import { LiveEventsHub } from './live-events.hub';

/** Live events to browsers and integrators over an authenticated WebSocket (`/ws`). */
@Module({ providers: [LiveEventsHub, LiveEventsGateway, LiveEventsConsumer] })
export class EventsGatewayModule {}
