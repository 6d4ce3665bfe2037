/**
 * `npm run analyze -- FILE`: what Galley finds in a plain-text article, as JSON: `gaps`,
 * `quotes`, `speakers` and `problems`, every offset a JavaScript string index into the file's
 * text exactly as read. It runs the same code as the app: the text layout, quote detection and
 * the proofreading checks (with the offline engine when it loads).
 */
import { readFileSync } from 'node:fs';
import { GAP_PATTERN, layoutText, type TextBlock } from '../src/editor/layout.ts';
import { analyzeQuotes } from '../src/quotes/analyze.ts';
import { analyzeProblems } from './analyze-problems.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run analyze -- FILE');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const layout = layoutText(text);
const blocks = layout.blocks;
/** File offset of `offset` in block `index` (CRLF files have one more character per line break). */
function fileOffset(block: TextBlock, offset: number): number {
  if (layout.eol === '\n') return block.start + offset;
  let breaks = 0;
  for (let i = block.text.indexOf('\n'); i !== -1 && i < offset; i = block.text.indexOf('\n', i + 1)) breaks++;
  return block.start + offset + breaks;
}
const at = (paragraph: number, offset: number) => fileOffset(blocks[paragraph]!, offset);

const gaps = blocks.flatMap((block, paragraph) =>
  [...block.text.matchAll(GAP_PATTERN)].map((m) => ({ start: at(paragraph, m.index), end: at(paragraph, m.index + m[0].length), text: m[0] })),
);

const paragraphs = blocks.map((b) => b.text);
const analysis = analyzeQuotes(paragraphs);
const names = new Map(analysis.speakers.map((s) => [s.id, s.name]));
const quotes = analysis.quotes.map((q) => {
  const first = q.segments[0]!;
  const last = q.segments[q.segments.length - 1]!;
  const start = at(first.paragraph, first.start);
  const end = at(last.paragraph, last.end);
  return {
    start,
    end,
    text: text.slice(start, end),
    speaker: q.speaker ? (names.get(q.speaker) ?? q.speaker) : null,
    confidence: Math.round(q.confidence * 100) / 100,
    sieve: q.sieve,
    mention: q.mention ? { start: at(q.mention.paragraph, q.mention.start), end: at(q.mention.paragraph, q.mention.end), text: q.mention.text } : null,
  };
});
const speakers = analysis.speakers.map((s) => ({ name: s.name, aliases: s.aliases }));
const problems = (await analyzeProblems(paragraphs)).map((p) => ({
  start: at(p.paragraph, p.start),
  end: at(p.paragraph, p.end),
  rule: p.rule,
  message: p.message,
  suggestions: p.suggestions.map((s) => s.replacement),
}));

process.stdout.write(`${JSON.stringify({ gaps, quotes, speakers, problems }, null, 2)}\n`);
