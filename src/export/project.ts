/**
 * The Galley project file (.json): everything about one article, to move it between workspaces
 * or keep it outside the browser.
 *
 * {
 *   "format": "galley-project",
 *   "version": 1,
 *   "article": {
 *     "title": library title,
 *     "originalText": the text as it arrived,
 *     "correctedText": the plain-text export (for other tools; checked on import),
 *     "createdAt"?, "updatedAt"?: epoch milliseconds, present when the article had them,
 *     "settings": { "ignoredProblems": string[], "dictionary": string[] },
 *     "doc": the ProseMirror document JSON: text, gap fills, quote marks (with speaker, confirmed,
 *            confidence, source), and the speaker registry and dismissed quotes as attributes
 *   }
 * }
 *
 * `importProject` is strict and never throws: every problem comes back as a message for the
 * user. The document must pass `schema.nodeFromJSON` and `check()` (every attribute has a
 * validator) and read back to exactly the JSON given (no attribute missing or unknown); unknown
 * keys are refused (a file with data this version does not understand is not
 * silently trimmed) and a newer version is refused, not guessed at. The serialization is canonical
 * (fixed key order, two-space indentation, final newline), so `exportProject(importProject(t))`
 * gives back `t` for any file `exportProject` wrote.
 */
import type { Node } from 'prosemirror-model';
import { docFromJSON, docToJSON } from '../editor/doc-json.ts';
import { isRecord } from '../json/is-record.ts';
import { docToText } from '../editor/serialize.ts';

/** The marker that says a JSON file is a Galley project. */
export const PROJECT_FORMAT = 'galley-project';
/** The project file version this build writes and reads. */
export const PROJECT_VERSION = 1;

/** Limits that keep a hostile or broken file from hanging the app. */
export const PROJECT_LIMITS = {
  /** The whole file, in characters. */
  fileChars: 32 * 1024 * 1024,
  /** The original text, in characters. */
  textChars: 8 * 1024 * 1024,
  titleChars: 1000,
  /** Entries of each settings list, and characters of each entry. */
  listEntries: 100_000,
  entryChars: 1000,
  /** Blocks (title + paragraphs) of the document, and speakers. */
  blocks: 200_000,
  speakers: 10_000,
} as const;

/** Per-article choices that are not part of the text (same shape as the store's `ArticleSettings`). */
export interface ProjectSettings {
  ignoredProblems: string[];
  dictionary: string[];
}

/** The article a project file holds. An `ArticleRecord` from the store fits. */
export interface ProjectArticle {
  title: string;
  originalText: string;
  doc: Node;
  settings: ProjectSettings;
  createdAt?: number;
  updatedAt?: number;
}

export type ProjectImport = { ok: true; article: ProjectArticle } | { ok: false; message: string };

/** Writes an article as a project file. */
export function exportProject(article: ProjectArticle): string {
  const out: Record<string, unknown> = {
    title: article.title,
    originalText: article.originalText,
    correctedText: docToText(article.doc),
  };
  if (article.createdAt !== undefined) out.createdAt = article.createdAt;
  if (article.updatedAt !== undefined) out.updatedAt = article.updatedAt;
  out.settings = { ignoredProblems: [...article.settings.ignoredProblems], dictionary: [...article.settings.dictionary] };
  out.doc = docToJSON(article.doc);
  return `${JSON.stringify({ format: PROJECT_FORMAT, version: PROJECT_VERSION, article: out }, null, 2)}\n`;
}

class ProjectError extends Error {}

function fail(message: string): never {
  throw new ProjectError(message);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) fail(`${where} has fields this version of Galley does not know: ${extra.slice(0, 5).map((k) => `“${k}”`).join(', ')}.`);
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) fail(`${where} must be a list of words.`);
  if (value.length > PROJECT_LIMITS.listEntries) fail(`${where} has too many entries (${value.length}).`);
  for (const entry of value) {
    if (typeof entry !== 'string') fail(`${where} must hold only text.`);
    if (entry.length > PROJECT_LIMITS.entryChars) fail(`${where} has an entry longer than ${PROJECT_LIMITS.entryChars} characters.`);
  }
  return [...(value as string[])];
}

function timestamp(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`${where} must be a time (milliseconds since 1970).`);
  return value;
}

function readDoc(value: unknown): Node {
  if (!isRecord(value) || value.type !== 'doc') fail('The file has no readable article document.');
  if (Array.isArray(value.content) && value.content.length > PROJECT_LIMITS.blocks) fail('The article has too many paragraphs.');
  const attrs = isRecord(value.attrs) ? value.attrs : {};
  if (Array.isArray(attrs.speakers)) {
    if (attrs.speakers.length > PROJECT_LIMITS.speakers) fail('The article has too many speakers.');
    for (const speaker of attrs.speakers as unknown[]) {
      if (isRecord(speaker)) onlyKeys(speaker, ['id', 'name', 'aliases', 'auto'], 'A speaker');
    }
  }
  let doc: Node;
  try {
    doc = docFromJSON(value);
    doc.check();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    fail(`The article document is damaged (${detail}).`);
  }
  // fromJSON fills in missing attributes and drops unknown ones; a strict reader refuses both.
  if (!sameJson(value, docToJSON(doc))) fail('The article document holds data this version of Galley does not understand.');
  return doc;
}

/** Deep equality of two JSON values (object key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}

/**
 * Reads a project file. Never throws: a file that is not a valid Galley project of a version
 * this build reads gives `{ ok: false, message }` with a message meant for the user.
 */
export function importProject(text: string): ProjectImport {
  try {
    return { ok: true, article: readProject(text) };
  } catch (error) {
    if (error instanceof ProjectError) return { ok: false, message: error.message };
    // Anything else (a stack overflow on absurdly nested JSON, say) is still a refusal.
    return { ok: false, message: 'The file could not be read as a Galley project.' };
  }
}

function readProject(text: string): ProjectArticle {
  if (typeof text !== 'string') fail('The file could not be read as text.');
  if (text.length > PROJECT_LIMITS.fileChars) fail('The file is too large to be a Galley project.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    fail('The file is not a Galley project: it is not valid JSON.');
  }
  if (!isRecord(data) || data.format !== PROJECT_FORMAT) fail('The file is not a Galley project (the format marker is missing).');
  const { version } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail('The project file has no valid version number.');
  if (version > PROJECT_VERSION) {
    fail(`The project was saved by a newer version of Galley (project format ${version}; this one reads up to ${PROJECT_VERSION}).`);
  }
  onlyKeys(data, ['format', 'version', 'article'], 'The project file');
  const article = data.article;
  if (!isRecord(article)) fail('The project file holds no article.');
  onlyKeys(article, ['title', 'originalText', 'correctedText', 'createdAt', 'updatedAt', 'settings', 'doc'], 'The article');

  const { title, originalText, correctedText, settings } = article;
  if (typeof title !== 'string' || title.trim() === '') fail('The article has no title.');
  if (title.length > PROJECT_LIMITS.titleChars) fail('The article title is too long.');
  if (typeof originalText !== 'string') fail('The article has no original text.');
  if (originalText.length > PROJECT_LIMITS.textChars) fail('The article is too long.');
  if (!isRecord(settings)) fail('The article settings are missing.');
  onlyKeys(settings, ['ignoredProblems', 'dictionary'], 'The article settings');
  const ignoredProblems = stringList(settings.ignoredProblems, 'The list of ignored problems');
  const dictionary = stringList(settings.dictionary, 'The dictionary');
  const createdAt = timestamp(article.createdAt, 'The creation date');
  const updatedAt = timestamp(article.updatedAt, 'The modification date');
  const doc = readDoc(article.doc);
  if (correctedText !== undefined) {
    if (typeof correctedText !== 'string') fail('The corrected text must be text.');
    if (correctedText !== docToText(doc)) fail('The corrected text does not match the article document; the file was changed by hand.');
  }
  const result: ProjectArticle = { title, originalText, doc, settings: { ignoredProblems, dictionary } };
  if (createdAt !== undefined) result.createdAt = createdAt;
  if (updatedAt !== undefined) result.updatedAt = updatedAt;
  return result;
}
