import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';

export interface ConfirmDialogProps {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** The confirming button's label: says what happens ("Delete user"), never just "OK". */
  confirmLabel: string;
  /** The confirming button's label while the action runs. */
  pendingLabel?: string;
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
  description,
  children,
  confirmLabel,
  pendingLabel = 'Working…',
  destructive = false,
  pending = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      description={description}
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
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </>
      }
    >
      {(children || error) && (
        <div className="space-y-3 text-sm text-slate-300">
          {children}
          {error && <ErrorAlert>{error}</ErrorAlert>}
        </div>
      )}
    </Dialog>
  );
}
