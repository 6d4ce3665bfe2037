/**
 * Documents to and from their saved JSON (local storage and project files).
 *
 * - The saved shape keeps the article-wide attributes (speakers, dismissed quotes) on the
 *   document node, as every saved article has them; in the editor they live on the title block
 *   (see `schema.ts`). Reading moves them onto the title, writing moves them back, so saves
 *   stay readable by every version.
 * - ProseMirror gives every node read from JSON its own attributes object, even when all its
 *   attributes are the defaults: in a book chapter, thousands of paragraphs each holding
 *   `{ before: "\n\n" }`. Attributes that are all defaults are left out before reading, so those
 *   nodes share their type's default attributes, as nodes built by the parser do.
 */
import type { Node, NodeType } from 'prosemirror-model';
import { isRecord } from '../json/is-record.ts';
import { isArticleAttr } from './article-attrs.ts';
import { schema } from './schema.ts';

/** A type's default attributes; null when one has no default (such nodes need their attributes). */
export function defaultAttrsOf(type: NodeType): Readonly<Record<string, unknown>> | null {
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(type.spec.attrs ?? {})) {
    if (!('default' in spec)) return null;
    defaults[name] = spec.default;
  }
  return defaults;
}

const defaultsByType = new Map(Object.values(schema.nodes).map((type) => [type.name, defaultAttrsOf(type)]));

function compact(json: unknown): unknown {
  if (!isRecord(json)) return json;
  let out = json;
  const defaults = typeof json.type === 'string' ? defaultsByType.get(json.type) : undefined;
  const attrs = json.attrs;
  if (defaults && isRecord(attrs) && Object.keys(attrs).every((key) => key in defaults && attrs[key] === defaults[key])) {
    const { attrs: _dropped, ...rest } = json;
    out = rest;
  }
  if (Array.isArray(json.content)) {
    const content = json.content.map(compact);
    if (content.some((child, i) => child !== (json.content as unknown[])[i])) out = { ...out, content };
  }
  return out;
}

/** Saved shape → editor shape: the article-wide attributes move from the document to its title. */
function articleAttrsToTitle(json: unknown): unknown {
  if (!isRecord(json) || json.type !== 'doc' || !isRecord(json.attrs) || !Array.isArray(json.content)) return json;
  const attrs = json.attrs;
  const title: unknown = json.content[0];
  if (!isRecord(title) || title.type !== 'title' || !Object.keys(attrs).some(isArticleAttr)) return json;
  const docAttrs: Record<string, unknown> = {};
  const titleAttrs: Record<string, unknown> = isRecord(title.attrs) ? { ...title.attrs } : {};
  for (const [name, value] of Object.entries(attrs)) {
    if (isArticleAttr(name)) titleAttrs[name] = value;
    else docAttrs[name] = value;
  }
  return { ...json, attrs: docAttrs, content: [{ ...title, attrs: titleAttrs }, ...json.content.slice(1)] };
}

/** Reads a saved document (throws like `schema.nodeFromJSON` on a damaged one). */
export function docFromJSON(json: unknown): Node {
  return schema.nodeFromJSON(compact(articleAttrsToTitle(json)));
}

/**
 * The saved JSON of a document: `doc.toJSON()` with the article-wide attributes back on the
 * document node, in the order the saved format has always had them.
 */
export function docToJSON(doc: Node): Record<string, unknown> {
  const json = doc.toJSON() as Record<string, unknown>;
  const content = Array.isArray(json.content) ? (json.content as Record<string, unknown>[]) : [];
  const title = content[0];
  const first = doc.firstChild;
  if (!title || !first || first.type.name !== 'title') return json;
  const titleAttrs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(first.attrs)) if (!isArticleAttr(name)) titleAttrs[name] = value;
  return {
    ...json,
    // speakers, trailing, eol, dismissedQuotes: the saved order (and any document attribute).
    attrs: { speakers: first.attrs.speakers, ...doc.attrs, dismissedQuotes: first.attrs.dismissedQuotes },
    content: [{ ...title, attrs: titleAttrs }, ...content.slice(1)],
  };
}
