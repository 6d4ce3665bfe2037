/**
 * The saved format of the workspace, and its migrations.
 *
 * The workspace is saved in several localStorage keys: a small index (`galley:workspace`) with
 * the version, the article list and each article's metadata; one key per article document
 * (`galley:doc:<id>`), so typing in one article rewrites only that article; and, since format 3,
 * one key per article's original text (`galley:original:<id>`), written once when the article
 * is added, so a save never rewrites the originals. Every change to this format bumps
 * `FORMAT_VERSION` and adds a numbered migration from the previous version; data written by a
 * newer version is refused, never overwritten.
 */
import { isRecord } from '../json/is-record.ts';

/** The version written by this build. */
export const FORMAT_VERSION = 3;

/** App-wide settings, saved with the workspace (since format 2). */
export interface AppSettings {
  /** Problem categories the user switched off. */
  disabledCategories: string[];
  /** Individual rules switched off (the Oxford comma rule is off by default: news style). */
  disabledRules: string[];
}

export const DEFAULT_SETTINGS: AppSettings = { disabledCategories: [], disabledRules: ['OxfordComma'] };

/** Per-article choices the user made that are not part of the text. */
export interface ArticleSettings {
  /** Keys of problems the user chose to ignore. */
  ignoredProblems: string[];
  /** Words the user added to this article's dictionary. */
  dictionary: string[];
}

/** One article's metadata, with its original text (the index saves all of it but the original). */
export interface SavedArticleMeta {
  id: string;
  title: string;
  originalText: string;
  createdAt: number;
  updatedAt: number;
  selection: { anchor: number; head: number } | null;
  settings: ArticleSettings;
  /** Problems, empty gaps and unconfirmed quotes at the last check, for the library (absent: never checked). */
  openProblems?: number;
}

/** One article in the saved index: its document and its original text live under keys of their own. */
export type SavedIndexEntry = Omit<SavedArticleMeta, 'originalText'>;

/** The saved index. */
export interface SavedIndex {
  version: number;
  settings: AppSettings;
  currentId: string | null;
  order: string[];
  articles: Record<string, SavedIndexEntry>;
}

/** The index as read back, each article with its original text. */
export interface RestoredIndex extends Omit<SavedIndex, 'articles'> {
  articles: Record<string, SavedArticleMeta>;
}

/** What is stored under an article's document key. */
export interface SavedDoc {
  doc: unknown;
}

export const INDEX_KEY = 'galley:workspace';
export const docKey = (prefix: string, id: string) => `${prefix}:doc:${id}`;
export const originalKey = (prefix: string, id: string) => `${prefix}:original:${id}`;
export const BACKUP_PREFIX = 'galley:backup:';

/**
 * The saved data as read, before it is checked: the index, and per article id the parsed
 * document key and the original-text key (undefined where a key is missing or unreadable).
 */
export interface RawSave {
  index: Record<string, unknown>;
  docs: Record<string, unknown>;
  originals: Record<string, unknown>;
}

/** A migration turns the raw saved data of version `from` into version `from + 1`. */
export interface Migration {
  from: number;
  migrate(raw: RawSave): RawSave;
}

/** The migrations, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    // Format 2 adds app-wide proofreading settings; a format-1 workspace gets the defaults.
    from: 1,
    migrate: (raw) => ({ ...raw, index: { ...raw.index, settings: { ...DEFAULT_SETTINGS, disabledRules: [...DEFAULT_SETTINGS.disabledRules] } } }),
  },
  {
    // Format 3 keeps each original text under its own key, out of the index (which every save
    // rewrites); the index entries lose their `originalText`.
    from: 2,
    migrate: (raw) => {
      const articles = isRecord(raw.index.articles) ? raw.index.articles : {};
      const originals = { ...raw.originals };
      const entries: Record<string, unknown> = {};
      for (const [id, entry] of Object.entries(articles)) {
        if (!isRecord(entry)) {
          entries[id] = entry;
          continue;
        }
        const { originalText, ...rest } = entry;
        // An own key only: an id such as "toString" must not find the prototype's.
        if (!Object.hasOwn(originals, id) || originals[id] === undefined) originals[id] = originalText;
        entries[id] = rest;
      }
      return { ...raw, index: { ...raw.index, articles: entries }, originals };
    },
  },
];

/** Raised when saved data cannot be read; the message is shown to the user. */
export class SavedDataError extends Error {}

/** Raised for data written by a newer version: it must be left exactly as it is. */
export class NewerFormatError extends SavedDataError {}

/**
 * Runs the migrations from `version` up to `target`. Throws SavedDataError for a version from
 * the future or a gap in the migration chain.
 */
export function migrateRaw(raw: RawSave, version: number, migrations: readonly Migration[] = MIGRATIONS, target = FORMAT_VERSION): RawSave {
  if (!Number.isInteger(version) || version < 0) throw new SavedDataError(`The saved data has an unknown version (${String(version)}).`);
  if (version > target) {
    throw new NewerFormatError(`The saved data was written by a newer version of Galley (format ${version}; this one reads up to ${target}).`);
  }
  let current = raw;
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new SavedDataError(`No migration from saved format ${v}.`);
    current = step.migrate(current);
    current.index.version = v + 1;
  }
  return current;
}

const stringArray = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Reads one article's metadata tolerantly: missing optional fields get defaults; a missing or
 * wrong-typed id or original text makes the article unreadable (null).
 */
export function restoreArticleMeta(value: unknown): SavedArticleMeta | null {
  if (!isRecord(value)) return null;
  const { id, title, originalText, createdAt, updatedAt, selection, settings, openProblems } = value;
  if (typeof id !== 'string' || id === '' || typeof originalText !== 'string') return null;
  const sel = isRecord(selection) && Number.isInteger(selection.anchor) && Number.isInteger(selection.head)
    ? { anchor: selection.anchor as number, head: selection.head as number }
    : null;
  const s = isRecord(settings) ? settings : {};
  return {
    id,
    title: typeof title === 'string' ? title : 'Untitled',
    originalText,
    createdAt: typeof createdAt === 'number' ? createdAt : Date.now(),
    updatedAt: typeof updatedAt === 'number' ? updatedAt : Date.now(),
    selection: sel,
    settings: { ignoredProblems: stringArray(s.ignoredProblems), dictionary: stringArray(s.dictionary) },
    ...(typeof openProblems === 'number' && Number.isInteger(openProblems) && openProblems >= 0 ? { openProblems } : {}),
  };
}

/**
 * Reads the index tolerantly, dropping unreadable articles and dangling ids. Each article's
 * original text comes from `originals` (format 3), or from its entry (older data).
 */
export function restoreIndex(value: Record<string, unknown>, originals: Record<string, unknown> = {}): { index: RestoredIndex; dropped: string[] } {
  const articles: Record<string, SavedArticleMeta> = {};
  const dropped: string[] = [];
  const raw = isRecord(value.articles) ? value.articles : {};
  for (const [key, entry] of Object.entries(raw)) {
    const original = Object.hasOwn(originals, key) ? originals[key] : undefined;
    const meta = restoreArticleMeta(isRecord(entry) && typeof original === 'string' ? { ...entry, originalText: original } : entry);
    if (meta && meta.id === key) articles[key] = meta;
    else dropped.push(key);
  }
  const order = stringArray(value.order).filter((id, i, all) => id in articles && all.indexOf(id) === i);
  for (const id of Object.keys(articles)) if (!order.includes(id)) order.push(id);
  const currentId = typeof value.currentId === 'string' && value.currentId in articles ? value.currentId : (order[0] ?? null);
  const rawSettings = isRecord(value.settings) ? value.settings : {};
  const settings: AppSettings = {
    disabledCategories: Array.isArray(rawSettings.disabledCategories) ? stringArray(rawSettings.disabledCategories) : [...DEFAULT_SETTINGS.disabledCategories],
    disabledRules: Array.isArray(rawSettings.disabledRules) ? stringArray(rawSettings.disabledRules) : [...DEFAULT_SETTINGS.disabledRules],
  };
  return { index: { version: FORMAT_VERSION, settings, currentId, order, articles }, dropped };
}
