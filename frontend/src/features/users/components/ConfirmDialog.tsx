import type { ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The confirming button's label: says what happens ("Delete user"), never just "OK". */
  confirmLabel: string;
  /** Red confirming button for what cannot be undone. */
  destructive?: boolean;
  pending?: boolean;
  /** Why the last attempt failed; the dialog stays open so the user can read it. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a consequential action. Cancel has the focus, so Enter never destroys by accident. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  destructive = false,
  pending = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      size="sm"
      onClose={onCancel}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button
            onClick={onConfirm}
            disabled={pending}
            // Important modifiers: the variant's own background would otherwise win or lose by CSS order.
            className={destructive ? 'bg-rose-600! hover:bg-rose-500! disabled:bg-rose-900!' : ''}
          >
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm text-slate-300">
        {children}
        {error && <ErrorAlert>{error}</ErrorAlert>}
      </div>
    </Dialog>
  );
}
