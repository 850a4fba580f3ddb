import { Logger } from '@nestjs/common';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE, EventEnvelope } from '@vms/contracts';
import { runWithRequestId } from '../request-context/request-context';
import { RabbitMqConnection } from './rabbitmq.connection';

export interface EventConsumerOptions {
  /** Durable queue owned by this consumer, e.g. `streaming.camera-events`. */
  queue: string;
  routingKeys: string[];
  prefetch?: number;
  maxAttempts?: number;
  retryDelayMs?: number;
}

export type EnvelopeHandler = (envelope: EventEnvelope) => Promise<void>;

const ATTEMPTS_HEADER = 'x-attempts';

/**
 * Consumes a durable queue with manual acks. A failed message is retried after a delay
 * (through `<queue>.retry`), and after `maxAttempts` or when unparseable it goes to `<queue>.dlq`.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private channel: ChannelWrapper | null = null;
  private handling: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: RabbitMqConnection,
    private readonly options: EventConsumerOptions,
    private readonly handle: EnvelopeHandler,
  ) {
    this.logger = new Logger(`EventConsumer:${options.queue}`);
  }

  async start(): Promise<void> {
    const { queue, routingKeys } = this.options;
    const retryDelayMs = this.options.retryDelayMs ?? 2000;
    this.channel = this.connection.createChannel(queue, async (channel: ConfirmChannel) => {
      await channel.assertQueue(`${queue}.dlq`, { durable: true });
      await channel.bindQueue(`${queue}.dlq`, DEAD_LETTER_EXCHANGE, queue);
      await channel.assertQueue(`${queue}.retry`, {
        durable: true,
        arguments: { 'x-message-ttl': retryDelayMs, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue },
      });
      await channel.assertQueue(queue, {
        durable: true,
        arguments: { 'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE, 'x-dead-letter-routing-key': queue },
      });
      for (const routingKey of routingKeys) await channel.bindQueue(queue, EVENTS_EXCHANGE, routingKey);
      await channel.prefetch(this.options.prefetch ?? 16);
      await channel.consume(queue, (message) => message && this.enqueue(channel, message), { noAck: false });
    });
    // A failed setup (e.g. a queue redeclared with other arguments) must be logged, not crash the process.
    this.channel.on('error', (error: Error) => this.logger.error(`consumer channel error: ${error.message}`));
    await this.channel.waitForConnect();
  }

  async stop(): Promise<void> {
    await this.handling;
    await this.channel?.close().catch(() => undefined);
    this.channel = null;
  }

  /** Messages are handled one after the other, in delivery order (events of one camera must not overtake each other). */
  private enqueue(channel: ConfirmChannel, message: ConsumeMessage): void {
    this.handling = this.handling.then(() => this.onMessage(channel, message)).catch(() => undefined);
  }

  private async onMessage(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const envelope = parseEnvelope(message.content);
    if (!envelope) {
      this.logger.warn('unparseable message sent to the dead-letter queue');
      channel.nack(message, false, false);
      return;
    }
    try {
      await runWithRequestId(envelope.correlationId ?? envelope.id, () => this.handle(envelope));
      channel.ack(message);
    } catch (error) {
      this.retryOrDeadLetter(channel, message, envelope, error);
    }
  }

  private retryOrDeadLetter(channel: ConfirmChannel, message: ConsumeMessage, envelope: EventEnvelope, error: unknown): void {
    const attempts = Number(message.properties.headers?.[ATTEMPTS_HEADER] ?? 1);
    const reason = error instanceof Error ? error.message : String(error);
    if (attempts >= (this.options.maxAttempts ?? 5)) {
      this.logger.error({ eventId: envelope.id, attempts, reason }, 'event handling failed for good, dead-lettered');
      channel.nack(message, false, false);
      return;
    }
    this.logger.warn({ eventId: envelope.id, attempts, reason }, 'event handling failed, will retry');
    channel.sendToQueue(`${this.options.queue}.retry`, message.content, {
      ...message.properties,
      persistent: true,
      headers: { ...message.properties.headers, [ATTEMPTS_HEADER]: attempts + 1 },
    });
    channel.ack(message);
  }
}

function parseEnvelope(content: Buffer): EventEnvelope | null {
  try {
    const value = JSON.parse(content.toString('utf8')) as Partial<EventEnvelope>;
    const valid =
      typeof value.id === 'string' && typeof value.type === 'string' && typeof value.occurredAt === 'string' &&
      typeof value.data === 'object' && value.data !== null;
    return valid ? (value as EventEnvelope) : null;
  } catch {
    return null;
  }
}
