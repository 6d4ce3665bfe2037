/**
 * Plain-text export: the corrected article in the layout it was imported with (title, blank line,
 * paragraphs separated by blank lines), each gap replaced by its fill.
 */
import type { Node } from 'prosemirror-model';
import { docToText } from '../editor/serialize.ts';

/** The corrected article as plain text. Empty gaps keep their `__` marker. */
export function exportPlainText(doc: Node): string {
  return docToText(doc);
}

/** A file name for an article title: lowercase words joined by dashes, at most 60 characters. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${base || 'article'}.${extension}`;
}
