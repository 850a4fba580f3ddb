import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@vms/contracts';
import { currentRequestId } from '../request-context/request-context';

export function createEnvelope<TData>(
  type: string,
  data: TData,
  source: string,
  version = 1,
): EventEnvelope<TData> {
  return {
    id: randomUUID(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    source,
    correlationId: currentRequestId(),
    data,
  };
}
