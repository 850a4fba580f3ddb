import { Injectable } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ReadinessIndicator } from './readiness-indicator';

@Injectable()
export class DatabaseIndicator extends ReadinessIndicator {
  constructor(private readonly typeorm: TypeOrmHealthIndicator) {
    super();
  }

  check() {
    return this.typeorm.pingCheck('database', { timeout: 1500 });
  }
}
