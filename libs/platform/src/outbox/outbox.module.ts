import { DynamicModule, Global, Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxRelayOptions, OutboxServiceName } from './outbox.tokens';
import { OutboxWriter } from './outbox.writer';

@Global()
@Module({})
export class OutboxModule {
  static forRoot(options: { serviceName: string; pollIntervalMs?: number; batchSize?: number }): DynamicModule {
    return {
      module: OutboxModule,
      providers: [
        { provide: OutboxServiceName, useValue: { value: options.serviceName } },
        { provide: OutboxRelayOptions, useValue: { pollIntervalMs: options.pollIntervalMs ?? 250, batchSize: options.batchSize ?? 100 } },
        OutboxWriter,
        OutboxRelay,
      ],
      exports: [OutboxWriter, OutboxRelay],
    };
  }
}
