import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
} from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from './icons';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const SIZES = {
  sm: 'max-w-md',
  md: 'max-w-lg',
  lg: 'max-w-4xl',
  xl: 'max-w-5xl',
} as const;

export interface DialogProps {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons row under the content; it stays in view while the content scrolls. */
  footer?: ReactNode;
  onClose: () => void;
  size?: keyof typeof SIZES;
  /** Gets the focus when the dialog opens; else the first focusable element of the content does. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** Off where a stray click must not lose what the dialog holds (a one-time secret, a form). */
  closeOnBackdropClick?: boolean;
}

/**
 * A modal dialog on the native <dialog>, shown with showModal() so that it sits in the top layer
 * (above a fullscreen tile too). The rest of the page is inert while it is open, Tab stays
 * inside, Escape closes it, and focus returns to where it was. Render it only while it is open.
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
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;

    // Where showModal() is missing (jsdom), the open attribute at least shows the dialog.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');

    // Everything beside the dialog becomes inert, for every browser and screen reader alike.
    const madeInert = [...document.body.children].filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement && element !== dialog && !element.hasAttribute('inert'),
    );
    for (const element of madeInert) element.setAttribute('inert', '');
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';

    // The content before the header's close button: a form's first field, a confirmation's Cancel.
    const first =
      initialFocusRef?.current ??
      dialog.querySelector<HTMLElement>(`[data-dialog-content] :is(${FOCUSABLE})`) ??
      dialog.querySelector<HTMLElement>(FOCUSABLE) ??
      dialog;
    first.focus();

    return () => {
      if (dialog.open) dialog.close?.();
      for (const element of madeInert) element.removeAttribute('inert');
      document.body.style.overflow = overflow;
      // The opener may be gone (a deleted row): then the page's main region takes the focus.
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
      else document.getElementById('main')?.focus();
    };
    // Once per opening: the dialog is mounted only while open.
  }, [initialFocusRef]);

  function handleKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape') {
      // Handled here, so the browser sends no cancel event as well.
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  // Other close requests than Escape (a phone's back gesture) go through onClose too.
  function handleCancel(event: SyntheticEvent<HTMLDialogElement>) {
    event.preventDefault();
    onClose();
  }

  // The panel fills the dialog's box, so a press on the dialog itself is one on its backdrop.
  function handleMouseDown(event: MouseEvent<HTMLDialogElement>) {
    if (!closeOnBackdropClick || event.target !== event.currentTarget) return;
    // Else the press would move the focus to the page after it went back to the opener.
    event.preventDefault();
    onClose();
  }

  return createPortal(
    <dialog
      ref={dialogRef}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={handleKeyDown}
      onCancel={handleCancel}
      onMouseDown={handleMouseDown}
      className={`m-auto max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] ${SIZES[size]} flex-col overflow-hidden rounded-lg border border-slate-700 bg-slate-900 p-0 text-slate-200 shadow-2xl backdrop:bg-slate-950/80 backdrop:backdrop-blur-sm open:flex focus:outline-none`}
    >
      <div className="flex shrink-0 items-start justify-between gap-4 border-b border-slate-800 px-5 py-4">
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
          <CloseIcon className="size-5" />
        </button>
      </div>
      {children && (
        <div data-dialog-content className="min-h-0 overflow-y-auto px-5 py-4">
          {children}
        </div>
      )}
      {footer && (
        <div data-dialog-content className="flex shrink-0 flex-wrap justify-end gap-2 border-t border-slate-800 px-5 py-3">
          {footer}
        </div>
      )}
    </dialog>,
    document.body,
  );
}
