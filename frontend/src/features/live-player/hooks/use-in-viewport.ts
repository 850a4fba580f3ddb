import { useEffect, useState, type RefObject } from 'react';

type Listener = (intersecting: boolean) => void;

// One observer for every tile instead of one each.
let observer: IntersectionObserver | null = null;
const listeners = new Map<Element, Listener>();

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
  });
  return observer;
}

/**
 * Whether the element can be seen: on screen (IntersectionObserver) and not covered by another
 * element shown fullscreen. Without IntersectionObserver everything counts as visible.
 */
export function useInViewport(ref: RefObject<Element | null>): boolean {
  const supported = typeof IntersectionObserver !== 'undefined';
  const [intersecting, setIntersecting] = useState(!supported);
  const [covered, setCovered] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element || !supported) return;
    const io = sharedObserver();
    listeners.set(element, setIntersecting);
    io.observe(element);
    return () => {
      io.unobserve(element);
      listeners.delete(element);
    };
  }, [ref, supported]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const handleFullscreenChange = () => {
      const fullscreen = document.fullscreenElement;
      setCovered(fullscreen != null && !fullscreen.contains(element));
    };
    handleFullscreenChange();
    document.addEventListener('fullscreenchange', handleFullscreenChange);
    return () => document.removeEventListener('fullscreenchange', handleFullscreenChange);
  }, [ref]);

  return intersecting && !covered;
}
