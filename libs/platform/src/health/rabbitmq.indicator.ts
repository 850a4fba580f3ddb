import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RabbitMqConnection } from '../messaging/rabbitmq.connection';
import { ReadinessIndicator } from './readiness-indicator';

@Injectable()
export class RabbitMqIndicator extends ReadinessIndicator {
  constructor(private readonly rabbit: RabbitMqConnection, private readonly indicators: HealthIndicatorService) {
    super();
  }

  async check() {
    const indicator = this.indicators.check('rabbitmq');
    return this.rabbit.isConnected() ? indicator.up() : indicator.down({ message: 'not connected' });
  }
}
