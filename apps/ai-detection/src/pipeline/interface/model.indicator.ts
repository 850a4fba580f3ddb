import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ReadinessIndicator } from '@vms/platform';
import { ModelHolder } from '../application/model-holder';

/** The model is loaded, or the service runs degraded (still answering) with the reason. */
@Injectable()
export class ModelIndicator extends ReadinessIndicator {
  constructor(private readonly model: ModelHolder, private readonly indicators: HealthIndicatorService) {
    super();
  }

  async check() {
    const indicator = this.indicators.check('model');
    const detector = this.model.detector;
    if (detector) {
      return indicator.up({ name: detector.info.name, version: detector.info.version, provider: detector.info.executionProvider });
    }
    return indicator.up({ degraded: true, reason: this.model.unavailableReason });
  }
}
