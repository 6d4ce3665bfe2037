/**
 * Long lists in the side panels, rendered so that the page does not grow with the article:
 * a list shows its first items and a "Show more" button for the next ones, and the body of a
 * collapsed <details> is not rendered until it is opened. An article of 400 kB has over a
 * thousand quotes and problems; rendering every one as buttons (React fibers, DOM nodes, text)
 * cost more memory than the editor itself.
 */
import { useState, type ReactNode } from 'react';

/** How many items a list shows at first, and how many more each "Show more" adds. */
export const LIST_PAGE = 50;

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
 * the list's items are only the items) that adds `page` more each time.
 */
export function IncrementalList<T>({ items, itemKey, renderItem, as = 'ul', className, page = LIST_PAGE, itemClassName }: IncrementalListProps<T>) {
  const [limit, setLimit] = useState(page);
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
        <button type="button" className="show-more" onClick={() => setLimit((n) => n + page)}>
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
