/**
 * The articles slice: the library of articles, which one is open, and the edits to each.
 * Documents are held as ProseMirror nodes (by reference); serializing them is the storage
 * adapter's job, later and debounced.
 */
import type { Node } from 'prosemirror-model';
import type { StateCreator } from 'zustand';
import { textToDoc } from '../editor/parse.ts';
import type { SavedSelection } from '../editor/state.ts';
import type { ArticleRecord } from '../storage/workspace-storage.ts';
import type { ArticleSettings } from '../storage/format.ts';
import type { WorkspaceStore } from './store.ts';

export interface ArticlesSlice {
  articles: Record<string, ArticleRecord>;
  order: string[];
  currentId: string | null;
  /** Adds an article from its text and makes it current; returns its id. */
  addArticle(text: string, title?: string): string;
  /** Records a new document (and selection) for an article. Cheap: stores references only. */
  updateDocument(id: string, doc: Node, selection: SavedSelection | null, docChanged: boolean): void;
  setCurrent(id: string): void;
  renameArticle(id: string, title: string): void;
  deleteArticle(id: string): void;
  /** Copies an article (its original and its current document); returns the new id. */
  duplicateArticle(id: string): string | null;
  /** Puts back an article removed by deleteArticle (for Undo), at its old place in the list. */
  restoreArticle(article: ArticleRecord, index: number): void;
  /** Adds an article read from a project file and makes it current; returns its id. */
  addRecord(article: Omit<ArticleRecord, 'id'>): string;
  updateSettings(id: string, change: (settings: ArticleSettings) => ArticleSettings): void;
  /** Records how many problems the article had at its last check (shown in the library). */
  setOpenProblems(id: string, count: number): void;
}

/**
 * An article's text as it is opened: without blank lines (empty, or only spaces and tabs) before
 * its headline, which pasted text and files often start with. The headline is the first line
 * with text on it.
 */
export function withoutLeadingBlankLines(text: string): string {
  return text.replace(/^(?:[ \t\u00a0\u3000]*\r?\n)+/u, '');
}

/** The title an article gets from its text: its first line, trimmed. */
export function titleFromText(text: string): string {
  const first = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return first.slice(0, 200) || 'Untitled article';
}

/**
 * The headline's text: each gap as its fill, or its marker ("__") while empty; with `markers`,
 * every gap as its marker, as the article's text had it when it was opened.
 */
function headlineText(doc: ArticleRecord['doc'], markers = false): string {
  const headline = doc.firstChild;
  if (!headline) return '';
  return headline.textBetween(0, headline.content.size, '', (leaf) => {
    if (leaf.type.name === 'hard_break') return '\n';
    if (leaf.type.name !== 'gap') return '';
    return (!markers && (leaf.attrs.fill as string)) || (leaf.attrs.marker as string);
  });
}

/** The name an article gets from its headline (the document's first block), as it is shown. */
export function headlineTitle(doc: ArticleRecord['doc']): string {
  return titleFromText(headlineText(doc));
}

/**
 * Whether `title` is the name the article got from this headline: as it is shown, or as it was
 * written when the article was opened (a headline gap filled before names followed the fills).
 */
function namedAfterHeadline(title: string, doc: ArticleRecord['doc']): boolean {
  return title === headlineTitle(doc) || title === titleFromText(headlineText(doc, true));
}

function newId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  return `a-${random}`;
}

export const createArticlesSlice: StateCreator<WorkspaceStore, [], [], ArticlesSlice> = (set, get) => ({
  articles: {},
  order: [],
  currentId: null,
  addArticle(raw, title) {
    const text = withoutLeadingBlankLines(raw);
    const id = newId();
    const now = Date.now();
    const article: ArticleRecord = {
      id,
      title: title ?? titleFromText(text),
      originalText: text,
      createdAt: now,
      updatedAt: now,
      selection: null,
      settings: { ignoredProblems: [], dictionary: [] },
      doc: textToDoc(text),
    };
    set((state) => ({ articles: { ...state.articles, [id]: article }, order: [...state.order, id], currentId: id }));
    return id;
  },
  updateDocument(id, doc, selection, docChanged) {
    set((state) => {
      const article = state.articles[id];
      if (!article) return {};
      const next: ArticleRecord = { ...article, doc, selection, updatedAt: docChanged ? Date.now() : article.updatedAt };
      // An article named after its headline keeps that name as the headline is edited; a name
      // the user gave it stays. (The headline node is shared when an edit did not touch it.)
      if (docChanged && doc.firstChild !== article.doc.firstChild && namedAfterHeadline(article.title, article.doc)) next.title = headlineTitle(doc);
      return { articles: { ...state.articles, [id]: next } };
    });
  },
  setOpenProblems(id, count) {
    set((state) => {
      const article = state.articles[id];
      if (!article || article.openProblems === count) return {};
      return { articles: { ...state.articles, [id]: { ...article, openProblems: count } } };
    });
  },
  setCurrent(id) {
    set((state) => (id in state.articles ? { currentId: id } : {}));
  },
  renameArticle(id, title) {
    if (get().refuseReadOnly()) return;
    set((state) => {
      const article = state.articles[id];
      const clean = title.trim();
      if (!article || !clean) return {};
      return { articles: { ...state.articles, [id]: { ...article, title: clean, updatedAt: Date.now() } } };
    });
  },
  deleteArticle(id) {
    if (get().refuseReadOnly()) return;
    set((state) => {
      if (!(id in state.articles)) return {};
      const { [id]: _removed, ...articles } = state.articles;
      const order = state.order.filter((other) => other !== id);
      return { articles, order, currentId: state.currentId === id ? (order[0] ?? null) : state.currentId };
    });
  },
  duplicateArticle(id) {
    if (get().refuseReadOnly()) return null;
    let copyId: string | null = null;
    set((state) => {
      const article = state.articles[id];
      if (!article) return {};
      copyId = newId();
      const now = Date.now();
      const copy: ArticleRecord = { ...article, id: copyId, title: `${article.title} (copy)`, createdAt: now, updatedAt: now };
      const order = [...state.order];
      order.splice(order.indexOf(id) + 1, 0, copyId);
      return { articles: { ...state.articles, [copyId]: copy }, order };
    });
    return copyId;
  },
  restoreArticle(article, index) {
    if (get().refuseReadOnly()) return;
    set((state) => {
      if (article.id in state.articles) return {};
      const order = [...state.order];
      order.splice(Math.min(index, order.length), 0, article.id);
      return { articles: { ...state.articles, [article.id]: article }, order, currentId: state.currentId ?? article.id };
    });
  },
  addRecord(record) {
    const id = newId();
    set((state) => ({ articles: { ...state.articles, [id]: { ...record, id } }, order: [...state.order, id], currentId: id }));
    return id;
  },
  updateSettings(id, change) {
    if (get().refuseReadOnly()) return;
    set((state) => {
      const article = state.articles[id];
      if (!article) return {};
      return { articles: { ...state.articles, [id]: { ...article, settings: change(article.settings) } } };
    });
  },
});
