import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import amqp, { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, Options } from 'amqplib';
import { DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE } from '@vms/contracts';

export abstract class RabbitMqOptions {
  abstract url: string;
  abstract serviceName: string;
}

/** One managed AMQP connection per process: reconnects by itself and re-runs channel setups. */
@Injectable()
export class RabbitMqConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RabbitMqConnection.name);
  readonly manager: AmqpConnectionManager;
  private readonly publisher: ChannelWrapper;

  constructor(private readonly options: RabbitMqOptions) {
    this.manager = amqp.connect([options.url], {
      heartbeatIntervalInSeconds: 5,
      reconnectTimeInSeconds: 1,
      connectionOptions: { clientProperties: { connection_name: options.serviceName } },
    });
    this.manager.on('connect', () => this.logger.log('connected to RabbitMQ'));
    this.manager.on('disconnect', ({ err }) => this.logger.warn(`disconnected from RabbitMQ: ${err?.message ?? 'closed'}`));
    this.manager.on('connectFailed', ({ err }) => this.logger.debug(`RabbitMQ connect failed: ${err?.message}`));
    this.publisher = this.manager.createChannel({
      name: 'publisher',
      confirm: true,
      publishTimeout: 5000,
      setup: (channel: ConfirmChannel) => assertTopology(channel),
    });
  }

  isConnected(): boolean {
    return this.manager.isConnected();
  }

  /** Publishes a persistent message and resolves once the broker confirms it. */
  async publish(routingKey: string, content: Buffer, options: Options.Publish): Promise<void> {
    await this.publisher.publish(EVENTS_EXCHANGE, routingKey, content, { ...options, persistent: true });
  }

  createChannel(name: string, setup: (channel: ConfirmChannel) => Promise<unknown>): ChannelWrapper {
    return this.manager.createChannel({
      name,
      confirm: true,
      setup: async (channel: ConfirmChannel) => {
        await assertTopology(channel);
        await setup(channel);
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close().catch(() => undefined);
    await this.manager.close().catch(() => undefined);
  }
}

async function assertTopology(channel: ConfirmChannel): Promise<void> {
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  await channel.assertExchange(DEAD_LETTER_EXCHANGE, 'topic', { durable: true });
}
