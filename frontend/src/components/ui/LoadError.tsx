import type { ReactNode } from 'react';
import { Button } from './Button';
import { ErrorAlert } from './ErrorAlert';

export interface LoadErrorProps {
  /** What could not be loaded, and why. */
  children: ReactNode;
  onRetry: () => void;
  className?: string;
}

/** A load that failed: the reason, and a button to try again. */
export function LoadError({ children, onRetry, className = '' }: LoadErrorProps) {
  return (
    <div className={`space-y-3 ${className}`}>
      <ErrorAlert>{children}</ErrorAlert>
      <Button variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
