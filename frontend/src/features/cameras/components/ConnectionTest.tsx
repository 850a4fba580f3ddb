import { Button } from '@/components/ui/Button';
import { ApiError } from '@/lib/api-client';
import { describeVideo } from '../camera-form';
import type { ConnectionTestResult } from '../types';

export interface ConnectionTestProps {
  onTest: () => void;
  pending: boolean;
  result: ConnectionTestResult | undefined;
  error: Error | null;
}

/** The "Test connection" button and what it found; validation errors go next to their fields instead. */
export function ConnectionTest({ onTest, pending, result, error }: ConnectionTestProps) {
  const fieldErrors = error instanceof ApiError && Object.keys(error.fieldErrors()).length > 0;
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <Button variant="secondary" onClick={onTest} disabled={pending} className="shrink-0">
        {pending ? 'Testing…' : 'Test connection'}
      </Button>
      <div aria-live="polite" className="min-w-0 text-sm">
        {pending && <span className="text-slate-400">Connecting to the camera (up to 10 s)…</span>}
        {!pending && result?.ok && (
          <span className="text-emerald-300">
            <span className="font-medium">Connected:</span> {describeVideo(result)}
          </span>
        )}
        {!pending && result && !result.ok && (
          <span className="text-rose-300">
            <span className="font-medium">Failed ({result.reason}):</span> {result.message}
          </span>
        )}
        {!pending && error && (
          <span className="text-rose-300">{fieldErrors ? 'Check the fields marked below.' : error.message}</span>
        )}
      </div>
    </div>
  );
}
