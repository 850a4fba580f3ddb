import { DataSource } from 'typeorm';
import type { EventEnvelope } from '@vms/contracts';
import { EventConsumer, IdempotentHandler, ProcessedEventOrmEntity, RabbitMqConnection } from '@vms/platform';

/**
 * A real consumer built from the platform's pieces (durable queue, manual acks, DLQ, dedupe
 * in PostgreSQL) that records what it handled.
 */
export class EventCollector {
  readonly handled: EventEnvelope[] = [];
  private connection: RabbitMqConnection | null = null;
  private consumer: EventConsumer | null = null;
  private dataSource: DataSource | null = null;

  constructor(private readonly options: { amqpUrl: string; databaseUrl: string; queue: string; routingKeys: string[] }) {}

  async start(): Promise<void> {
    this.dataSource = await new DataSource({
      type: 'postgres', url: this.options.databaseUrl, entities: [ProcessedEventOrmEntity], synchronize: false,
    }).initialize();
    const idempotent = new IdempotentHandler(this.dataSource);
    this.connection = new RabbitMqConnection({ url: this.options.amqpUrl, serviceName: 'test-collector' });
    this.consumer = new EventConsumer(this.connection, { queue: this.options.queue, routingKeys: this.options.routingKeys }, async (envelope) => {
      await idempotent.run(this.options.queue, envelope, async () => {
        this.handled.push(envelope);
      });
    });
    await this.consumer.start();
  }

  async waitFor(count: number, timeoutMs = 20000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.handled.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${this.handled.length}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.connection?.onApplicationShutdown();
    await this.dataSource?.destroy();
  }
}
