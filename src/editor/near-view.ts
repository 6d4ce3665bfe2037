/**
 * "Tell me when this element comes within reach of the screen": one IntersectionObserver per
 * editor for every element it watches, with a margin of about two screens above and below, so a
 * gap's field is made before it can be scrolled into sight (gap-view.ts). Each element is watched
 * only until it is near (or its gap is removed), so the observer holds only far-away gaps.
 */
import type { NearView } from './gap-view.ts';

/** How far beyond the screen an element counts as near. */
const REACH = '200% 0px';

/**
 * A NearView on the page's viewport; null where IntersectionObserver is missing (then every gap
 * gets its field at once).
 */
export function viewportNearView(): NearView | null {
  if (typeof IntersectionObserver !== 'function') return null;
  const waiting = new Map<Element, () => void>();
  let observer: IntersectionObserver | null = null;
  const observe = (): IntersectionObserver =>
    (observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const near = waiting.get(entry.target);
          if (!near) continue;
          waiting.delete(entry.target);
          observer?.unobserve(entry.target);
          near();
        }
      },
      { rootMargin: REACH },
    ));
  return (element, near) => {
    waiting.set(element, near);
    observe().observe(element);
    return () => {
      if (waiting.delete(element)) observer?.unobserve(element);
    };
  };
}
