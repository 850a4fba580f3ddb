import { useLayoutEffect, type RefObject } from 'react';

const MIN_HEIGHT_PX = 360;

/**
 * Sizes the element to reach the bottom of the window (less `bottomGapPx`), so the mosaic fits
 * the screen at any size. Written straight to the style: resizing re-renders nothing.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, bottomGapPx = 16): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.height = `${Math.max(MIN_HEIGHT_PX, window.innerHeight - top - bottomGapPx)}px`;
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [ref, bottomGapPx]);
}
