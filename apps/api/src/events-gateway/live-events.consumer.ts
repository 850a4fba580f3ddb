import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { EVENTS_EXCHANGE, RoutingKeys } from '@vms/contracts';
import { RabbitMqConnection } from '@vms/platform';
import { LiveEventsHub } from './live-events.hub';

const LIVE_KEYS = [RoutingKeys.detectionCreated, RoutingKeys.cameraStatusChanged];

/**
 * Each api instance listens on a queue of its own (exclusive, deleted with the connection): live
 * pushes are for the browsers connected to this instance right now, and are not replayed.
 */
@Injectable()
export class LiveEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveEventsConsumer.name);
  private channel: ChannelWrapper | null = null;

  constructor(private readonly rabbit: RabbitMqConnection, private readonly hub: LiveEventsHub) {}

  onApplicationBootstrap(): void {
    this.channel = this.rabbit.createChannel('api.live-events', async (channel: ConfirmChannel) => {
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
      for (const key of LIVE_KEYS) await channel.bindQueue(queue, EVENTS_EXCHANGE, key);
      await channel.consume(queue, (message) => message && this.push(message), { noAck: true });
    });
    this.channel.on('error', (error: Error) => this.logger.warn(`live events channel error: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel?.close().catch(() => undefined);
  }

  private push(message: ConsumeMessage): void {
    try {
      const envelope = JSON.parse(message.content.toString('utf8')) as { type?: string; data?: { cameraId?: unknown } };
      const cameraId = envelope.data?.cameraId;
      if (typeof envelope.type !== 'string' || typeof cameraId !== 'string') return;
      this.hub.publish(cameraId, envelope.type, envelope.data);
    } catch {
      this.logger.debug('unparseable live event ignored');
    }
  }
}
