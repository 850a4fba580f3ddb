import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const SIZES = {
  sm: 'max-w-md',
  md: 'max-w-lg',
  lg: 'max-w-3xl',
  xl: 'max-w-5xl',
} as const;

export interface DialogProps {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons row under the content. */
  footer?: ReactNode;
  onClose: () => void;
  size?: keyof typeof SIZES;
  /** Gets the focus when the dialog opens; else the first focusable element does. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** Off where a stray click must not lose what the dialog shows (a one-time secret). */
  closeOnBackdropClick?: boolean;
}

/**
 * A modal dialog: the rest of the page is inert while it is open, Tab stays inside, Escape
 * closes it, and focus returns to where it was. Render it only while it is open.
 */
export function Dialog({
  title,
  description,
  children,
  footer,
  onClose,
  size = 'md',
  initialFocusRef,
  closeOnBackdropClick = true,
}: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    const panel = panelRef.current;
    if (!container || !panel) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;

    // Everything beside the dialog becomes inert: no clicks, no focus, hidden from screen readers.
    const madeInert = [...document.body.children].filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement && !element.contains(container) && !element.hasAttribute('inert'),
    );
    for (const element of madeInert) element.setAttribute('inert', '');
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';

    // The content before the header's close button: a form's first field, a confirmation's Cancel.
    const first =
      initialFocusRef?.current ??
      panel.querySelector<HTMLElement>(`[data-dialog-content] :is(${FOCUSABLE})`) ??
      panel.querySelector<HTMLElement>(FOCUSABLE) ??
      panel;
    first.focus();

    return () => {
      for (const element of madeInert) element.removeAttribute('inert');
      document.body.style.overflow = overflow;
      // The opener may be gone (a deleted row): then the page's main region takes the focus.
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
      else document.getElementById('main')?.focus();
    };
    // Once per opening: the dialog is mounted only while open.
  }, [initialFocusRef]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panelRef.current) return;
    const focusable = [...panelRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === panelRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function handleBackdropMouseDown(event: MouseEvent<HTMLDivElement>) {
    if (closeOnBackdropClick && event.target === event.currentTarget) onClose();
  }

  return createPortal(
    <div
      ref={containerRef}
      className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-950/80 p-4 backdrop-blur-sm sm:items-center"
      onMouseDown={handleBackdropMouseDown}
    >
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={handleKeyDown}
        className={`relative w-full ${SIZES[size]} rounded-lg border border-slate-700 bg-slate-900 shadow-2xl focus:outline-none`}
      >
        <div className="flex items-start justify-between gap-4 border-b border-slate-800 px-5 py-4">
          <div className="min-w-0">
            <h2 id={titleId} className="text-base font-semibold text-slate-100">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="mt-1 text-sm text-slate-400">
                {description}
              </p>
            )}
          </div>
          <button
            type="button"
            aria-label="Close dialog"
            onClick={() => onClose()}
            className="-m-1 rounded-md p-1 text-slate-400 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        </div>
        {children && (
          <div data-dialog-content className="px-5 py-4">
            {children}
          </div>
        )}
        {footer && (
          <div data-dialog-content className="flex flex-wrap justify-end gap-2 border-t border-slate-800 px-5 py-3">{footer}</div>
        )}
      </div>
    </div>,
    document.body,
  );
}
