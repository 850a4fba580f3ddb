export abstract class OutboxServiceName {
  abstract value: string;
}

export abstract class OutboxRelayOptions {
  abstract pollIntervalMs: number;
  abstract batchSize: number;
}
