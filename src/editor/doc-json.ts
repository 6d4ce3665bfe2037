/**
 * Reading a saved document. ProseMirror gives every node read from JSON its own attributes object,
 * even when all its attributes are the defaults: in a book chapter, thousands of paragraphs each
 * holding `{ before: "\n\n" }`. Attributes that are all defaults are left out before reading, so
 * those nodes share their type's default attributes, as nodes built by the parser do.
 */
import type { Node, NodeType } from 'prosemirror-model';
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/** `schema.nodeFromJSON`, with default attributes shared (throws like it on a damaged document). */
export function docFromJSON(json: unknown): Node {
  return schema.nodeFromJSON(compact(json));
}
