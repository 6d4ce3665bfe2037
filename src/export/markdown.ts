/**
 * Markdown export: the corrected article as CommonMark (with a GitHub-style footnote per quote
 * naming its speaker).
 *
 * The title is an ATX heading, paragraphs are separated by blank lines and a hard break inside a
 * paragraph is a backslash at the end of the line. Every character that Markdown would read as
 * markup is escaped, so the rendered text is the article's text and nothing else: backslash,
 * backtick, `*`, `_`, `[`, `]`, `|`, `~` are backslash-escaped anywhere; `<` is written `&lt;`
 * (no raw HTML can appear) and `&` is written `&amp;` where it would start an entity; at the
 * start of a line, block markers (`#`, `>`, `-`, `+`, `=`, `1.`, indentation) are neutralized.
 */
import type { Node } from 'prosemirror-model';
import { articleModel, speakerName, type ArticleModel, type ModelQuote } from './article-model.ts';

/** Options of the Markdown export. */
export interface MarkdownOptions {
  /**
   * How speakers are written: `footnotes` (default) puts a footnote reference `[^n]` after each
   * quote and lists `[^n]: Speaker` at the end; `none` writes the text only.
   */
  speakers?: 'footnotes' | 'none';
}

/** Escapes text so that Markdown renders it literally (not at the start of a line). */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** Escapes the start of a line so it cannot open a block (heading, quote, list, code block…). */
function escapeLineStart(line: string): string {
  const indent = /^[ \t]+/.exec(line)?.[0] ?? '';
  let rest = line.slice(indent.length);
  const entities = indent.replace(/[ \t]/g, (c) => (c === ' ' ? '&#32;' : '&#9;'));
  if (/^[#>+=-]/.test(rest)) rest = `\\${rest}`;
  else rest = rest.replace(/^(\d+)([.)])/, '$1\\$2');
  return entities + rest;
}

/** The corrected article as Markdown. Deterministic; ends with a newline. */
export function exportMarkdown(doc: Node, options: MarkdownOptions = {}): string {
  return markdownFromModel(articleModel(doc), options);
}

/** The Markdown export of an already built model. */
export function markdownFromModel(model: ArticleModel, options: MarkdownOptions = {}): string {
  const footnotes = (options.speakers ?? 'footnotes') === 'footnotes';
  const lastSegmentEnd = new Map<number, ModelQuote>();
  if (footnotes) for (const quote of model.quotes) lastSegmentEnd.set(quote.end, quote);

  const out: string[] = [];
  for (const block of model.blocks) {
    // Lines of the block (split at hard breaks), each built from its runs.
    const lines: string[] = [''];
    for (const run of block.runs) {
      if (run.kind === 'break') lines.push('');
      else lines[lines.length - 1] += escapeMarkdownInline(run.text.replace(/\r?\n/g, ' '));
      const quote = lastSegmentEnd.get(run.end);
      if (quote && run.quote === quote.id) lines[lines.length - 1] += `[^${quote.number}]`;
    }
    // A hard break at the very start or end of a paragraph has no Markdown form: drop it.
    while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
    while (lines.length > 1 && lines[0]!.trim() === '') lines.shift();
    const escaped = lines.map((line) => escapeLineStart(line));
    if (block.kind === 'title') {
      out.push(`# ${escaped.map((l) => l.trim()).filter(Boolean).join(' ')}`.trimEnd());
    } else {
      if (escaped.every((line) => line.trim() === '')) continue;
      out.push(escaped.join('\\\n'));
    }
  }
  if (footnotes && model.quotes.length > 0) {
    out.push(model.quotes.map((quote) => `[^${quote.number}]: ${footnoteText(quote)}`).join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}

function footnoteText(quote: ModelQuote): string {
  if (!quote.speaker) return 'Speaker not identified.';
  const name = escapeMarkdownInline(speakerName(quote.speaker).replace(/\s+/g, ' ').trim());
  return quote.status === 'confirmed' ? name : `${name} (suggested, not confirmed)`;
}
