/**
 * Getting articles back when the workspace's index cannot be read (a write cut short, a hand
 * edit): each article's document and original text have keys of their own, and these are read
 * directly. Pure reads of a Storage; the adapter (workspace-storage.ts) decides what to tell the
 * user and what to write.
 */
import type { Node } from 'prosemirror-model';
import { docFromJSON } from '../editor/doc-json.ts';
import { textToDoc } from '../editor/parse.ts';
import { docToText } from '../editor/serialize.ts';
import { BACKUP_PREFIX, docKey, originalKey } from './format.ts';
import type { ArticleRecord } from './workspace-storage.ts';

/** A saved document (`{ doc }` as written), revived through the schema; null when it is not one. */
export function reviveSavedDoc(value: unknown): Node | null {
  if (typeof value !== 'object' || value === null || !('doc' in value)) return null;
  try {
    const doc = docFromJSON((value as { doc: unknown }).doc);
    doc.check();
    return doc;
  } catch {
    return null;
  }
}

/** Every key of this workspace and its value (backups left out), for the backup to download. */
export function storedKeys(store: Storage, prefix: string): Record<string, string> {
  const everything: Record<string, string> = {};
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key && key.startsWith(`${prefix}:`) && !key.startsWith(BACKUP_PREFIX)) everything[key] = store.getItem(key) ?? '';
  }
  return everything;
}

/** Ids of the articles that have a document or an original text key in storage. */
export function savedArticleIds(store: Storage, prefix: string): string[] {
  const ids = new Set<string>();
  const docPrefix = docKey(prefix, '');
  const originalPrefix = originalKey(prefix, '');
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(docPrefix)) ids.add(key.slice(docPrefix.length));
    else if (key?.startsWith(originalPrefix)) ids.add(key.slice(originalPrefix.length));
  }
  return [...ids].filter((id) => id !== '');
}

/**
 * `ids` in the order the damaged index still names them (the library's order, as far as it was
 * written), then the rest in the order storage lists them (which a browser does not keep).
 */
export function inIndexOrder(ids: readonly string[], rawIndex: string): string[] {
  // From the library's order where it was written (the open article's id comes before it).
  const from = Math.max(0, rawIndex.indexOf('"order":'));
  const at = (id: string) => {
    const found = rawIndex.indexOf(JSON.stringify(id), from);
    return found < 0 ? Number.POSITIVE_INFINITY : found;
  };
  return [...ids].sort((a, b) => at(a) - at(b));
}

/** An article's title as the damaged index still spells it (entries start `"id":…,"title":…`). */
function salvagedTitle(rawIndex: string, id: string): string | null {
  const idJson = JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`"id":${idJson},"title":("(?:[^"\\\\]|\\\\.)*")`).exec(rawIndex);
  if (!match) return null;
  try {
    const title = JSON.parse(match[1]!) as unknown;
    return typeof title === 'string' && title.trim() !== '' ? title : null;
  } catch {
    return null;
  }
}

const firstLine = (text: string): string => text.split(/\r?\n/, 1)[0]?.trim().slice(0, 200) || 'Untitled article';

export interface RecoveredArticle {
  article: ArticleRecord;
  /** Whether the document, and the original text, came from storage as they are (not rebuilt). */
  docRead: boolean;
  originalRead: boolean;
}

/**
 * Rebuilds articles from their own keys: the document (or, failing that, the original text)
 * gives the text, and the title is read from what is left of the damaged index where it can
 * be, else from the headline. Dates, caret and per-article settings get defaults.
 */
export function recoverArticles(store: Storage, prefix: string, ids: readonly string[], rawIndex: string): RecoveredArticle[] {
  const recovered: RecoveredArticle[] = [];
  for (const id of ids) {
    const docText = store.getItem(docKey(prefix, id));
    let docValue: unknown;
    try {
      docValue = docText === null ? undefined : (JSON.parse(docText) as unknown);
    } catch {
      docValue = undefined;
    }
    const doc = reviveSavedDoc(docValue);
    const original = store.getItem(originalKey(prefix, id));
    if (!doc && original === null) continue;
    const text = doc ? docToText(doc) : original!;
    const now = Date.now();
    recovered.push({
      article: {
        id,
        title: salvagedTitle(rawIndex, id) ?? firstLine(doc?.firstChild?.textContent ?? text),
        originalText: original ?? text,
        createdAt: now,
        updatedAt: now,
        selection: null,
        settings: { ignoredProblems: [], dictionary: [] },
        doc: doc ?? textToDoc(text),
      },
      docRead: doc !== null,
      originalRead: original !== null,
    });
  }
  return recovered;
}
