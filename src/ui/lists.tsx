/**
 * Long lists in the side panels, rendered so that the page does not grow with the article:
 * a list shows its first items and a "Show more" button for the next ones, which is pressed by
 * itself when the button scrolls near the visible part of the panels; the body of a collapsed
 * <details> is not rendered until it is opened. An article of 400 kB has over a thousand quotes
 * and problems; rendering every one as buttons (React fibers, DOM nodes, text) cost more memory
 * than the editor itself.
 */
import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';

/**
 * How many items a list shows at first, and how many more each "Show more" adds: more than a
 * screen of the side column holds, so the next page is added before its place is seen.
 */
export const LIST_PAGE = 20;

/** How far outside the visible part of its scrolling column the "Show more" button starts the next page. */
const NEAR_VIEW_MARGIN = '240px';

/**
 * Calls `onNear` when the element is within NEAR_VIEW_MARGIN of what the user sees, also inside a
 * scrolling column (`scrollMargin` widens the clip of scroll containers). `key` re-arms the
 * observer: the first report after observing says whether the element is near already, so a
 * page that leaves the button still in sight is followed by the next one. Without
 * IntersectionObserver (old browsers, tests without layout) nothing is called; the button stays.
 */
function useWhenNearView(element: HTMLElement | null, key: unknown, onNear: () => void): void {
  const near = useEffectEvent(onNear);
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const options = { rootMargin: NEAR_VIEW_MARGIN, scrollMargin: NEAR_VIEW_MARGIN } as IntersectionObserverInit;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        near();
      }
    }, options);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, key]);
}

export interface IncrementalListProps<T> {
  items: readonly T[];
  /** The key of an item (as React's `key`). */
  itemKey: (item: T, index: number) => string;
  /** Renders one item: the content of its <li> (or the whole <li> when `renderItem` returns one). */
  renderItem: (item: T, index: number) => ReactNode;
  /** 'ol' or 'ul'. */
  as?: 'ol' | 'ul';
  className?: string;
  /** Items shown at first and added by each "Show more" (default LIST_PAGE). */
  page?: number;
  /** Class names of each <li>. */
  itemClassName?: (item: T, index: number) => string | undefined;
}

/**
 * A list that renders its first `page` items, then a "Show more" button (outside the list, so
 * the list's items are only the items) that adds `page` more each time it is pressed or comes
 * near the view.
 */
export function IncrementalList<T>({ items, itemKey, renderItem, as = 'ul', className, page = LIST_PAGE, itemClassName }: IncrementalListProps<T>) {
  const [limit, setLimit] = useState(page);
  const [more, setMore] = useState<HTMLButtonElement | null>(null);
  const showMore = () => setLimit((n) => n + page);
  useWhenNearView(more, limit, showMore);
  const shown = items.length > limit ? items.slice(0, limit) : items;
  const rest = items.length - shown.length;
  const List = as;
  return (
    <>
      <List className={className}>
        {shown.map((item, index) => (
          <li key={itemKey(item, index)} className={itemClassName?.(item, index)}>
            {renderItem(item, index)}
          </li>
        ))}
      </List>
      {rest > 0 && (
        <button type="button" className="show-more" ref={setMore} onClick={showMore}>
          Show {Math.min(rest, page)} more ({rest} not shown)
        </button>
      )}
    </>
  );
}

export interface LazyDetailsProps {
  /** The <summary>'s content, always rendered. */
  summary: ReactNode;
  /** Whether the details are open at first. When it changes, the details follow (like the `open` attribute would). */
  defaultOpen?: boolean;
  className?: string;
  /** The body, rendered only while the details are open. */
  children: () => ReactNode;
}

/** A <details> whose body is rendered only while it is open. */
export function LazyDetails({ summary, defaultOpen = false, className, children }: LazyDetailsProps) {
  const [open, setOpen] = useState(defaultOpen);
  const [lastDefault, setLastDefault] = useState(defaultOpen);
  if (lastDefault !== defaultOpen) {
    // The default changed (e.g. a group grew past the size that opens it): follow it, as an
    // `open` attribute set from the same expression would.
    setLastDefault(defaultOpen);
    setOpen(defaultOpen);
  }
  return (
    <details className={className} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
