import { useEffect, useState, type RefObject } from 'react';
import { Button } from '@/components/ui/Button';

export interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy the API key". */
  label: string;
  /** Where the text is shown: selected when the clipboard cannot be used, so Ctrl+C still works. */
  fallbackRef?: RefObject<HTMLInputElement | null>;
}

type Outcome = 'copied' | 'failed' | null;

async function writeClipboard(text: string): Promise<boolean> {
  try {
    // Absent on plain-HTTP origins other than localhost.
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function CopyButton({ text, label, fallbackRef }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setOutcome(null), 2_000);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function handleCopy() {
    const copied = await writeClipboard(text);
    if (!copied) fallbackRef?.current?.select();
    setOutcome(copied ? 'copied' : 'failed');
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" aria-label={label} onClick={() => void handleCopy()}>
        {outcome === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span role="status" className="text-sm text-slate-400">
        {outcome === 'copied' ? 'Copied to the clipboard.' : outcome === 'failed' ? 'Press Ctrl+C (⌘C) to copy the selected key.' : ''}
      </span>
    </span>
  );
}
