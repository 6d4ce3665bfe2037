// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { IncrementalList, LazyDetails, LIST_PAGE } from '../../../src/ui/lists.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement;

function render(element: React.ReactNode): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(element));
  return host;
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const moreButton = () => [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show'));

function List({ items, page }: { items: number[]; page?: number }) {
  return <IncrementalList items={items} page={page} itemKey={(n) => String(n)} renderItem={(n) => <span>Item {n}</span>} />;
}

describe('IncrementalList', () => {
  it('shows a short list whole, without a "Show more" button', () => {
    render(<List items={numbers(3)} />);
    expect([...host.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Item 1', 'Item 2', 'Item 3']);
    expect(moreButton()).toBeUndefined();
  });

  it(`shows the first ${LIST_PAGE} items of a long list and a "Show more" button`, () => {
    render(<List items={numbers(1200)} />);
    expect(host.querySelectorAll('li')).toHaveLength(LIST_PAGE);
    expect(host.querySelector('li')?.textContent).toBe('Item 1');
    expect(moreButton()?.textContent).toBe(`Show ${LIST_PAGE} more (${1200 - LIST_PAGE} not shown)`);
    // The button is outside the list: the list's items are only the items.
    expect(moreButton()?.closest('ul')).toBeNull();
  });

  it('adds a page at each "Show more" until every item is shown', () => {
    render(<List items={numbers(25)} page={10} />);
    expect(host.querySelectorAll('li')).toHaveLength(10);
    act(() => moreButton()!.click());
    expect(host.querySelectorAll('li')).toHaveLength(20);
    expect(moreButton()?.textContent).toBe('Show 5 more (5 not shown)');
    act(() => moreButton()!.click());
    expect(host.querySelectorAll('li')).toHaveLength(25);
    expect(host.querySelectorAll('li')[24]?.textContent).toBe('Item 25');
    expect(moreButton()).toBeUndefined();
  });

  it('adds the next page by itself when the "Show more" button comes near the view, and re-arms after each page', () => {
    // A stand-in for the browser's IntersectionObserver: the test says what is near the view.
    const observers: { target: Element | null; callback: IntersectionObserverCallback; options?: IntersectionObserverInit }[] = [];
    class FakeObserver {
      record: (typeof observers)[number];
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        this.record = { target: null, callback, options };
        observers.push(this.record);
      }
      observe(target: Element) {
        this.record.target = target;
      }
      disconnect() {
        this.record.target = null;
      }
      unobserve() {}
      takeRecords() {
        return [];
      }
    }
    const real = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
    try {
      render(<List items={numbers(25)} page={10} />);
      const watching = () => observers.filter((o) => o.target !== null);
      expect(watching()).toHaveLength(1);
      expect(watching()[0]!.target).toBe(moreButton());
      // Near the view also inside a scrolling column, not only the window.
      expect(watching()[0]!.options).toMatchObject({ rootMargin: expect.any(String), scrollMargin: expect.any(String) });
      const report = (isIntersecting: boolean) =>
        act(() => {
          const o = watching()[0]!;
          o.callback([{ isIntersecting, target: o.target } as IntersectionObserverEntry], {} as IntersectionObserver);
        });
      report(false);
      expect(host.querySelectorAll('li')).toHaveLength(10);
      report(true);
      expect(host.querySelectorAll('li')).toHaveLength(20);
      // A new observer watches the moved button; its first report says it is still near.
      expect(watching()).toHaveLength(1);
      report(true);
      expect(host.querySelectorAll('li')).toHaveLength(25);
      expect(moreButton()).toBeUndefined();
      expect(watching()).toHaveLength(0);
    } finally {
      globalThis.IntersectionObserver = real;
    }
  });

  it('keeps what was shown when the items change', () => {
    render(<List items={numbers(25)} page={10} />);
    act(() => moreButton()!.click());
    act(() => root!.render(<List items={numbers(30)} page={10} />));
    expect(host.querySelectorAll('li')).toHaveLength(20);
    expect(moreButton()?.textContent).toBe('Show 10 more (10 not shown)');
  });
});

describe('LazyDetails', () => {
  function toggle(details: HTMLDetailsElement, open: boolean) {
    act(() => {
      details.open = open;
      details.dispatchEvent(new Event('toggle'));
    });
  }

  it('renders its body only while open', () => {
    let built = 0;
    const body = () => {
      built++;
      return <p className="body">Body</p>;
    };
    render(<LazyDetails summary={<span>Title</span>}>{body}</LazyDetails>);
    const details = host.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(host.querySelector('summary')?.textContent).toBe('Title');
    expect(host.querySelector('.body')).toBeNull();
    expect(built).toBe(0);

    toggle(details, true);
    expect(host.querySelector('.body')?.textContent).toBe('Body');
    expect(built).toBeGreaterThan(0);

    toggle(details, false);
    expect(host.querySelector('.body')).toBeNull();
  });

  it('starts open when asked, and follows a change of that default', () => {
    const view = (defaultOpen: boolean) => (
      <LazyDetails summary="Group" defaultOpen={defaultOpen}>
        {() => <p className="body">Body</p>}
      </LazyDetails>
    );
    render(view(true));
    expect(host.querySelector('details')!.open).toBe(true);
    expect(host.querySelector('.body')).not.toBeNull();
    act(() => root!.render(view(false)));
    expect(host.querySelector('details')!.open).toBe(false);
    expect(host.querySelector('.body')).toBeNull();
  });

  it('keeps the user’s choice while the default stays the same', () => {
    const view = () => (
      <LazyDetails summary="Group" defaultOpen>
        {() => <p className="body">Body</p>}
      </LazyDetails>
    );
    render(view());
    toggle(host.querySelector('details')!, false);
    act(() => root!.render(view()));
    expect(host.querySelector('details')!.open).toBe(false);
    expect(host.querySelector('.body')).toBeNull();
  });
});
