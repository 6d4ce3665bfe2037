/**
 * The page's frame (index.html): toolbar, banners, the article column with the editor's host,
 * the library column and the side panels. The article opens in it before the interface has
 * loaded, and the interface fills its slots (React portals) without ever owning the editor's
 * ancestors: React listens for events on its containers, and if the editor were inside one,
 * every keystroke would run React's event dispatch half a dozen times for nothing.
 */
export interface PageShell {
  toolbar: HTMLElement;
  banners: HTMLElement;
  workspace: HTMLElement;
  articleColumn: HTMLElement;
  /** Where the article's editor lives; never inside a React container. */
  editorHost: HTMLElement;
  libraryColumn: HTMLElement;
  panels: HTMLElement;
  /** React's own root, outside the frame: dialogs, pop-overs and notices. */
  root: HTMLElement;
}

const ids: Record<keyof PageShell, string> = {
  toolbar: 'toolbar',
  banners: 'banners',
  workspace: 'workspace',
  articleColumn: 'article-column',
  editorHost: 'article-host',
  libraryColumn: 'library-column',
  panels: 'side-panels',
  root: 'root',
};

/** The frame's elements; throws naming the first one the page lacks. */
export function findPageShell(doc: Document): PageShell {
  const entries = Object.entries(ids).map(([key, id]) => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`The page is missing #${id}.`);
    return [key, element] as const;
  });
  return Object.fromEntries(entries) as unknown as PageShell;
}

/** Shows the article (with its panels) or the library in the frame. */
export function showInShell(shell: PageShell, show: 'article' | 'library'): void {
  const article = show === 'article';
  shell.articleColumn.hidden = !article;
  shell.panels.hidden = !article;
  shell.libraryColumn.hidden = article;
  shell.workspace.classList.toggle('workspace-single', !article);
}

/**
 * Keeps `--toolbar-height` on the side column equal to the toolbar's height, which wraps to two
 * rows on a medium screen: the sticky side column sits below it and fits the rest of the window.
 * The ResizeObserver reports when the toolbar's size changes (a window resize, a wrap), never on a
 * keystroke. The property is set on the side column, its only reader, and only when it changes:
 * on the page's root element it made the browser restyle and lay out the whole page a second time
 * in the article's first frame.
 */
export function trackToolbarHeight(shell: PageShell): void {
  if (typeof ResizeObserver === 'undefined') return;
  let last = '';
  new ResizeObserver(() => {
    const height = `${shell.toolbar.offsetHeight}px`;
    if (height === last) return;
    last = height;
    shell.panels.style.setProperty('--toolbar-height', height);
  }).observe(shell.toolbar);
}
