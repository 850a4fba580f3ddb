export const EVENTS_EXCHANGE = 'vms.events';
export const DEAD_LETTER_EXCHANGE = 'vms.events.dlx';

/** Every message on `vms.events` travels in this envelope; `type` is the routing key. */
export interface EventEnvelope<TData = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  source: string;
  correlationId: string | null;
  data: TData;
}

export const REQUEST_ID_HEADER = 'x-request-id';
