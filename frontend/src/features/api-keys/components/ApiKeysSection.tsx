import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { EmptyState } from '@/components/ui/EmptyState';
import { LoadError } from '@/components/ui/LoadError';
import { SectionHeader } from '@/components/ui/SectionHeader';
import { Spinner } from '@/components/ui/Spinner';
import { useApiKeys, useRevokeApiKey } from '../hooks/use-api-keys';
import { keyPrefix } from '../key-display';
import type { ApiKey } from '../types';
import { ApiKeysTable } from './ApiKeysTable';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';

export function ApiKeysSection() {
  const keys = useApiKeys();
  const revokeKey = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function handleConfirmRevoke() {
    if (!revoking) return;
    const { id, name } = revoking;
    revokeKey.mutate(id, {
      onSuccess: () => {
        setRevoking(null);
        setNotice(`The key “${name}” was revoked.`);
      },
    });
  }

  function handleCancelRevoke() {
    setRevoking(null);
    revokeKey.reset();
  }

  return (
    <section aria-labelledby="api-keys-heading" className="space-y-4">
      <SectionHeader
        id="api-keys-heading"
        title="API keys"
        description="For integrations calling the API with the integrator role (read cameras, detections and events)."
        action={
          <Button
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            Create API key
          </Button>
        }
      />

      <p role="status" className="text-sm text-emerald-300">
        {notice}
      </p>

      {keys.isPending ? (
        <Spinner label="Loading API keys…" />
      ) : keys.isError ? (
        <LoadError onRetry={() => void keys.refetch()}>
          Could not load the API keys: {keys.error.message}
        </LoadError>
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys yet">
          Create one for each integration, so each can be revoked on its own.
        </EmptyState>
      ) : (
        <ApiKeysTable keys={keys.data} now={keys.dataUpdatedAt} onRevoke={setRevoking} />
      )}

      {creating && <CreateApiKeyDialog onClose={() => setCreating(false)} />}
      {revoking && (
        <ConfirmDialog
          title={`Revoke the key “${revoking.name}”?`}
          confirmLabel="Revoke key"
          destructive
          pending={revokeKey.isPending}
          error={revokeKey.error?.message ?? null}
          onConfirm={handleConfirmRevoke}
          onCancel={handleCancelRevoke}
        >
          <p>
            Integrations using <strong className="text-slate-100">{revoking.name}</strong> ({keyPrefix(revoking.id)})
            are refused from now on. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
