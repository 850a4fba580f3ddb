import { DynamicModule, Global, Module } from '@nestjs/common';
import { RabbitMqConnection, RabbitMqOptions } from './rabbitmq.connection';

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: { url: string; serviceName: string }): DynamicModule {
    return {
      module: MessagingModule,
      providers: [{ provide: RabbitMqOptions, useValue: options }, RabbitMqConnection],
      exports: [RabbitMqConnection],
    };
  }
}
