/**
 * Text → document. A pure function: the same text always gives the same document, and
 * `docToText(textToDoc(t)) === t` for every string `t` (see serialize.ts).
 */
import { Fragment, Slice, type Node } from 'prosemirror-model';
import { GAP_PATTERN, layoutText } from './layout.ts';
import { schema } from './schema.ts';

/** Builds the inline content of one block: text, gaps (`__`) and hard breaks (single newlines). */
export function inlineContent(text: string, nextGapId: () => string): Node[] {
  const nodes: Node[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (index > 0) nodes.push(schema.nodes.hard_break!.create());
    let last = 0;
    for (const match of line.matchAll(GAP_PATTERN)) {
      if (match.index > last) nodes.push(schema.text(line.slice(last, match.index)));
      nodes.push(schema.nodes.gap!.create({ id: nextGapId(), fill: '', marker: match[0] }));
      last = match.index + match[0].length;
    }
    if (last < line.length) nodes.push(schema.text(line.slice(last)));
  });
  return nodes;
}

/** Parses article text (title line, blank line, paragraphs) into a Galley document. */
export function textToDoc(text: string): Node {
  const layout = layoutText(text);
  let gapCount = 0;
  const nextGapId = () => `g${++gapCount}`;
  const [first, ...rest] = layout.blocks;
  const title = schema.nodes.title!.create(null, inlineContent(first?.text ?? '', nextGapId));
  // Paragraphs after the usual blank line share the type's default attributes.
  const usual = (schema.nodes.paragraph!.spec.attrs?.before as { default?: unknown } | undefined)?.default;
  const paragraphs = rest.map((block) =>
    schema.nodes.paragraph!.create(block.before === usual ? null : { before: block.before }, inlineContent(block.text, nextGapId)),
  );
  return schema.nodes.doc!.create({ trailing: layout.trailing, eol: layout.eol }, [title, ...paragraphs]);
}

/**
 * Turns pasted plain text into a slice: blank lines start new paragraphs, single newlines become
 * hard breaks, and underscores stay plain text (pasting never creates gaps).
 */
export function plainTextSlice(text: string): Slice {
  const normalized = text.replace(/\r\n?/g, '\n');
  const parts = normalized.split(/\n(?:[ \t]*\n)+/);
  const toInline = (part: string) => {
    const nodes: Node[] = [];
    part.split('\n').forEach((line, index) => {
      if (index > 0) nodes.push(schema.nodes.hard_break!.create());
      if (line) nodes.push(schema.text(line));
    });
    return nodes;
  };
  if (parts.length === 1) return new Slice(Fragment.from(toInline(parts[0] ?? '')), 0, 0);
  const blocks = parts.map((part) => schema.nodes.paragraph!.create(null, toInline(part)));
  return new Slice(Fragment.from(blocks), 1, 1);
}
