/**
 * The localStorage adapter behind the store's `persist` middleware.
 *
 * `setItem` is called by `persist` on every store change, so it only keeps a reference to the new
 * state and schedules a write; serializing and writing happen later, debounced, and only for the
 * article documents whose reference changed. `getItem` reads the index and each document,
 * migrates old formats, revives documents through the schema (which validates every attribute),
 * and reports, instead of throwing, anything it could not read. Unreadable data is copied to a
 * backup key (and kept in memory to download) before anything can overwrite it. A full storage
 * keeps the pending state in memory and retries on the next change.
 */
import type { Node } from 'prosemirror-model';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { docToJSON } from '../editor/doc-json.ts';
import { isRecord } from '../json/is-record.ts';
import { textToDoc } from '../editor/parse.ts';
import { docToText } from '../editor/serialize.ts';
import { Debounced, realClock, type Clock } from './debounce.ts';
import { inIndexOrder, recoverArticles, reviveSavedDoc, savedArticleIds, storedKeys } from './recover-workspace.ts';
import {
  BACKUP_PREFIX,
  DEFAULT_SETTINGS,
  FORMAT_VERSION,
  NewerFormatError,
  SavedDataError,
  docKey,
  migrateRaw,
  originalKey,
  restoreIndex,
  type Migration,
  MIGRATIONS,
  type SavedArticleMeta,
  type RawSave,
  type SavedIndex,
  type AppSettings,
} from './format.ts';

/** An article as the store holds it: metadata plus the live document. */
export interface ArticleRecord extends SavedArticleMeta {
  doc: Node;
}

/** The part of the store that is saved. */
export interface PersistedWorkspace {
  settings: AppSettings;
  currentId: string | null;
  order: string[];
  articles: Record<string, ArticleRecord>;
}

/** Something that could not be read at start-up. */
export interface LoadProblem {
  message: string;
  /** The key the unreadable data was copied to, or null if even that failed. */
  backupKey: string | null;
  /** The unreadable data itself, so the user can download it. */
  raw: string;
}

export type SaveStatus =
  | { state: 'saved'; at: number }
  | { state: 'pending' }
  | { state: 'error'; message: string; quota: boolean }
  /** This tab saves nothing (another tab edits, or the saved data is from a newer version). */
  | { state: 'off'; message: string };

const READ_ONLY_STATUS = 'Read-only: changes in this tab are not saved.';
const NEWER_STATUS = 'Not saved: the work saved in this browser is from a newer version of Galley and is left as it is.';

export interface WorkspaceStorageOptions {
  storage: Storage;
  prefix?: string;
  delay?: number;
  maxWait?: number;
  clock?: Clock;
  migrations?: readonly Migration[];
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

export class WorkspaceStorage implements PersistStorage<PersistedWorkspace> {
  readonly problems: LoadProblem[] = [];
  private status: SaveStatus = { state: 'saved', at: 0 };
  private readonly statusListeners = new Set<(status: SaveStatus) => void>();
  private pendingState: PersistedWorkspace | null = null;
  private lastSeen: PersistedWorkspace | null = null;
  private readOnly = false;
  /** Set when the saved data is from a newer version: this tab then never writes over it. */
  private keepSaved = false;
  private readonly writtenDocs = new Map<string, Node>();
  /** The original text last written under each article's original key. */
  private readonly writtenOriginals = new Map<string, string>();
  /** The index last written (small: it holds no document and no original text). */
  private lastIndex = '';
  private readonly debounced: Debounced;
  private readonly store: Storage;
  readonly prefix: string;
  private readonly migrations: readonly Migration[];

  constructor(options: WorkspaceStorageOptions) {
    this.store = options.storage;
    this.prefix = options.prefix ?? 'galley';
    this.migrations = options.migrations ?? MIGRATIONS;
    this.debounced = new Debounced(() => this.writeQuietly(), options.delay ?? 1000, options.maxWait ?? 10000, options.clock ?? realClock);
  }

  get indexKey(): string {
    return `${this.prefix}:workspace`;
  }

  getStatus(): SaveStatus {
    return this.status;
  }

  onStatus(listener: (status: SaveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private backup(label: string, raw: string): string | null {
    // The same data kept before (each reload of the same damaged or newer data): that copy
    // serves. A new copy at every load would fill the storage with the same backup.
    try {
      for (let i = 0; i < this.store.length; i++) {
        const kept = this.store.key(i);
        if (kept?.startsWith(BACKUP_PREFIX) && kept.endsWith(`:${label}`) && this.store.getItem(kept) === raw) return kept;
      }
    } catch {
      // storage unreadable: try to write the copy all the same
    }
    const at = new Date().toISOString();
    let key = `${BACKUP_PREFIX}${at}:${label}`;
    try {
      // Two different backups in one millisecond: the second must not take the first one's place.
      for (let n = 2; this.store.getItem(key) !== null; n++) key = `${BACKUP_PREFIX}${at}-${n}:${label}`;
      this.store.setItem(key, raw);
      return key;
    } catch {
      return null;
    }
  }

  private report(message: string, label: string, raw: string): void {
    this.problems.push({ message, backupKey: this.backup(label, raw), raw });
  }

  getItem(): StorageValue<PersistedWorkspace> | null {
    let rawIndex: string | null;
    try {
      rawIndex = this.store.getItem(this.indexKey);
    } catch {
      this.problems.push({ message: 'The browser did not let Galley read its saved work (storage unavailable).', backupKey: null, raw: '' });
      return null;
    }
    if (rawIndex === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawIndex);
    } catch {
      return this.recoverFromKeys(rawIndex, 'The saved library index was damaged (not valid JSON).');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return this.recoverFromKeys(rawIndex, 'The saved library index had an unexpected shape.');
    }
    const indexRaw = parsed as Record<string, unknown>;
    const docsRaw: Record<string, unknown> = {};
    const originalsRaw: Record<string, unknown> = {};
    const articleIds = typeof indexRaw.articles === 'object' && indexRaw.articles !== null ? Object.keys(indexRaw.articles) : [];
    const docStrings: Record<string, string | null> = {};
    const originalStrings: Record<string, string | null> = {};
    for (const id of articleIds) {
      const text = this.store.getItem(docKey(this.prefix, id));
      docStrings[id] = text;
      try {
        docsRaw[id] = text === null ? undefined : (JSON.parse(text) as unknown);
      } catch {
        docsRaw[id] = undefined;
      }
      const original = this.store.getItem(originalKey(this.prefix, id));
      originalStrings[id] = original;
      originalsRaw[id] = original ?? undefined;
    }
    let migrated: RawSave;
    try {
      migrated = migrateRaw({ index: indexRaw, docs: docsRaw, originals: originalsRaw }, indexRaw.version as number, this.migrations);
    } catch (error) {
      const message = error instanceof SavedDataError ? error.message : 'The saved workspace could not be upgraded.';
      if (error instanceof NewerFormatError) {
        // Nothing this version writes may replace it: the newer version must find it as it left it.
        this.keepSaved = true;
        this.debounced.cancel();
        this.setStatus({ state: 'off', message: NEWER_STATUS });
        this.report(
          `${message} It was left unchanged: this tab works in memory only and saves nothing. Open it with the newer version, or download the backup.`,
          'workspace',
          JSON.stringify({ index: indexRaw, docs: docStrings, originals: originalStrings }),
        );
        return null;
      }
      this.report(`${message} It was kept as a backup and not changed.`, 'workspace', JSON.stringify({ index: indexRaw, docs: docStrings, originals: originalStrings }));
      return null;
    }
    // An article whose original text is lost but whose document reads keeps its edits: its
    // changes are counted from the text as it is now.
    const lostOriginals: string[] = [];
    const entries = isRecord(migrated.index.articles) ? migrated.index.articles : {};
    for (const [id, entry] of Object.entries(entries)) {
      if (typeof migrated.originals[id] === 'string' || (isRecord(entry) && typeof entry.originalText === 'string')) continue;
      const doc = reviveSavedDoc(migrated.docs[id]);
      if (!doc) continue;
      migrated.originals[id] = docToText(doc);
      lostOriginals.push(id);
    }
    const { index, dropped } = restoreIndex(migrated.index, migrated.originals);
    if (dropped.length > 0) {
      this.report(`${dropped.length} saved article(s) had damaged details and were left out.`, 'articles', JSON.stringify(dropped.map((id) => (indexRaw.articles as Record<string, unknown>)[id])));
    }
    const articles: Record<string, ArticleRecord> = {};
    for (const id of index.order) {
      const meta = index.articles[id]!;
      if (lostOriginals.includes(id)) {
        this.problems.push({ message: `The original text of “${meta.title}” could not be read; its changes are now counted from the text as it was saved.`, backupKey: null, raw: '' });
      } else if (originalStrings[id] === meta.originalText) {
        this.writtenOriginals.set(id, meta.originalText);
      }
      const doc = reviveSavedDoc(migrated.docs[id]);
      if (doc) {
        articles[id] = { ...meta, doc };
        this.writtenDocs.set(id, doc);
      } else {
        this.report(
          `The edits to “${meta.title}” could not be read; it was reopened from its original text.`,
          `doc-${id}`,
          docStrings[id] ?? '',
        );
        articles[id] = { ...meta, doc: textToDoc(meta.originalText), selection: null };
      }
    }
    // Articles whose keys are in storage but which the index does not name (a save cut short
    // between an article's keys and the index) are put back rather than left unreachable.
    const order = [...index.order];
    const orphans = this.recover(savedArticleIds(this.store, this.prefix).filter((id) => !(isRecord(indexRaw.articles) && Object.hasOwn(indexRaw.articles, id))), rawIndex);
    for (const article of orphans) {
      articles[article.id] = article;
      order.push(article.id);
    }
    if (orphans.length > 0) {
      this.problems.push({
        message: `${orphans.length} article(s) found in storage but missing from the library were put back: ${orphans.map((a) => `“${a.title}”`).join(', ')}.`,
        backupKey: null,
        raw: '',
      });
    }
    const state = { settings: index.settings, currentId: index.currentId ?? order[0] ?? null, order, articles };
    if (this.problems.length === 0) this.lastSeen = state;
    return { state, version: FORMAT_VERSION };
  }

  /** Articles rebuilt from their own keys (recover-workspace.ts); what they hold counts as written. */
  private recover(ids: readonly string[], rawIndex: string): ArticleRecord[] {
    const recovered = recoverArticles(this.store, this.prefix, ids, rawIndex);
    for (const { article, docRead, originalRead } of recovered) {
      if (docRead) this.writtenDocs.set(article.id, article.doc);
      if (originalRead) this.writtenOriginals.set(article.id, article.originalText);
    }
    return recovered.map((r) => r.article);
  }

  /**
   * The index cannot be read: the articles are recovered from their own keys, the user is told,
   * and the backup to download holds every key of this workspace as it was (the damaged index
   * with the documents and original texts), so nothing is lost even if recovery missed something.
   */
  private recoverFromKeys(rawIndex: string, damage: string): StorageValue<PersistedWorkspace> | null {
    const everything = storedKeys(this.store, this.prefix);
    const articles = this.recover(inIndexOrder(savedArticleIds(this.store, this.prefix), rawIndex), rawIndex);
    const message =
      articles.length === 0
        ? `${damage} It could not be opened.`
        : `${damage} ${articles.length} article(s) were recovered from their own saved text: ${articles.map((a) => `“${a.title}”`).join(', ')}. Their order, dates and ignored problems may be lost; the backup holds everything that was stored.`;
    this.problems.push({ message, backupKey: this.backup('workspace', rawIndex), raw: JSON.stringify(everything) });
    if (articles.length === 0) return null;
    const order = articles.map((a) => a.id);
    const state: PersistedWorkspace = {
      settings: { ...DEFAULT_SETTINGS, disabledRules: [...DEFAULT_SETTINGS.disabledRules] },
      currentId: order[0]!,
      order,
      articles: Object.fromEntries(articles.map((a) => [a.id, a])),
    };
    return { state, version: FORMAT_VERSION };
  }

  /** A read-only tab never writes (another tab is editing the same workspace). */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    if (this.keepSaved) return;
    if (readOnly) {
      this.debounced.cancel();
      this.setStatus({ state: 'off', message: READ_ONLY_STATUS });
    } else if (this.status.state === 'off') {
      this.setStatus(this.pendingState ? { state: 'pending' } : { state: 'saved', at: Date.now() });
      if (this.pendingState) this.debounced.schedule();
    }
  }

  /** False when this tab saves nothing (read-only, or the saved data is from a newer version). */
  get saving(): boolean {
    return !this.readOnly && !this.keepSaved;
  }

  setItem(_name: string, value: StorageValue<PersistedWorkspace>): void {
    if (!this.saving) return;
    const previous = this.lastSeen;
    this.lastSeen = value.state;
    // persist calls this on every store change, including UI-only ones: skip those.
    if (
      previous &&
      previous.articles === value.state.articles &&
      previous.order === value.state.order &&
      previous.currentId === value.state.currentId &&
      previous.settings === value.state.settings
    ) {
      return;
    }
    this.pendingState = value.state;
    if (this.status.state !== 'pending' && this.status.state !== 'error') this.setStatus({ state: 'pending' });
    this.debounced.schedule();
  }

  removeItem(): void {
    // Clearing the workspace is done article by article; the index is never removed blindly.
  }

  /** Forgets that an article's document was written, so the next write serializes it again. */
  forget(id: string): void {
    this.writtenDocs.delete(id);
  }

  /** Writes the pending state now. Throws if the write fails (the state stays pending). */
  flush(): void {
    this.debounced.cancel();
    if (!this.pendingState || !this.saving) return;
    this.write(this.pendingState);
  }

  private writeQuietly(): void {
    try {
      this.flush();
    } catch {
      // the status carries the message; the state stays pending and is retried on the next change
    }
  }

  private write(state: PersistedWorkspace): void {
    try {
      // Deleted articles first: removing them frees space, so a full storage can save again
      // once the user deletes an article, as the storage-full message advises.
      this.removeDeleted(state);
      // Then originals and documents: the index names only what is already written, so a
      // write cut short (a full storage) leaves the last complete save readable.
      for (const id of state.order) {
        const article = state.articles[id];
        if (!article) continue;
        if (this.writtenOriginals.get(id) !== article.originalText) {
          this.store.setItem(originalKey(this.prefix, id), article.originalText);
          this.writtenOriginals.set(id, article.originalText);
        }
        if (this.writtenDocs.get(id) === article.doc) continue;
        this.store.setItem(docKey(this.prefix, id), JSON.stringify({ doc: docToJSON(article.doc) }));
        this.writtenDocs.set(id, article.doc);
      }
      const index: SavedIndex = { version: FORMAT_VERSION, settings: state.settings, currentId: state.currentId, order: state.order, articles: {} };
      for (const id of state.order) {
        const article = state.articles[id];
        if (!article) continue;
        const { doc: _doc, originalText: _original, ...entry } = article;
        index.articles[id] = entry;
      }
      const serialized = JSON.stringify(index);
      if (serialized !== this.lastIndex) {
        this.store.setItem(this.indexKey, serialized);
        this.lastIndex = serialized;
      }
      if (this.pendingState === state) this.pendingState = null;
      this.setStatus({ state: 'saved', at: Date.now() });
    } catch (error) {
      const quota = isQuotaError(error);
      this.setStatus({
        state: 'error',
        quota,
        message: quota
          ? 'Browser storage is full: your latest changes are kept in this tab only. Export your work or delete an article to free space.'
          : `Saving failed: ${error instanceof Error ? error.message : String(error)}. Your changes are kept in this tab.`,
      });
      throw error;
    }
  }

  /**
   * Removes the keys of articles no longer in `state`. The saved index is first rewritten
   * without them (it only shrinks, so it fits even in a full storage), so that it never names
   * an article whose keys are gone; the rest of the index is written after the documents.
   */
  private removeDeleted(state: PersistedWorkspace): void {
    const removed = [...new Set([...this.writtenDocs.keys(), ...this.writtenOriginals.keys()])].filter((id) => !Object.hasOwn(state.articles, id));
    if (removed.length === 0) return;
    const savedIndex = this.store.getItem(this.indexKey);
    let index: unknown = null;
    try {
      index = savedIndex === null ? null : JSON.parse(savedIndex);
    } catch {
      index = null;
    }
    if (isRecord(index) && isRecord(index.articles)) {
      const articles = { ...index.articles };
      for (const id of removed) delete articles[id];
      const order = Array.isArray(index.order) ? index.order.filter((id) => !removed.includes(id as string)) : [];
      const currentId = typeof index.currentId === 'string' && !removed.includes(index.currentId) ? index.currentId : (order[0] ?? null);
      const serialized = JSON.stringify({ ...index, articles, order, currentId });
      try {
        this.store.setItem(this.indexKey, serialized);
        this.lastIndex = serialized;
      } catch {
        // the keys are removed all the same: freeing space comes first
      }
    }
    for (const id of removed) {
      this.store.removeItem(docKey(this.prefix, id));
      this.store.removeItem(originalKey(this.prefix, id));
      this.writtenDocs.delete(id);
      this.writtenOriginals.delete(id);
    }
  }

  /** Bytes one article's saved document and original text use in storage. */
  usageOf(id: string): number {
    let chars = 0;
    for (const key of [docKey(this.prefix, id), originalKey(this.prefix, id)]) {
      const value = this.store.getItem(key);
      // Not written yet (a save is pending): nothing to count.
      if (value !== null) chars += key.length + value.length;
    }
    return chars * 2;
  }

  /** Bytes this workspace uses in storage (UTF-16, two bytes a character). */
  usage(): number {
    let chars = 0;
    for (let i = 0; i < this.store.length; i++) {
      const key = this.store.key(i);
      if (key && key.startsWith(`${this.prefix}:`)) chars += key.length + (this.store.getItem(key)?.length ?? 0);
    }
    return chars * 2;
  }
}
