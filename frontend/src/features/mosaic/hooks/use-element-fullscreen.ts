import { useCallback, useSyncExternalStore, type RefObject } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

/** Shows one element fullscreen (the browser's Escape leaves it). */
export function useElementFullscreen(ref: RefObject<HTMLElement | null>) {
  const isFullscreen = useSyncExternalStore(
    subscribe,
    () => document.fullscreenElement != null && document.fullscreenElement === ref.current,
    () => false,
  );
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true;

  const toggle = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    if (document.fullscreenElement === element) {
      void document.exitFullscreen().catch(() => undefined);
    } else if (typeof element.requestFullscreen === 'function') {
      void element.requestFullscreen().catch(() => undefined);
    }
  }, [ref]);

  return { isFullscreen, supported, toggle };
}
