import fc from 'fast-check';
import type { Fragment} from 'prosemirror-model';
import { Node } from 'prosemirror-model';
import { Step, Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { BlockMarksStep, sameIgnoringMarks } from '../../../src/editor/block-marks-step.ts';
import { blockTexts } from '../../../src/editor/block-text.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { quotesInDoc } from '../../../src/editor/quote-marks.ts';
import { rewriteQuotes } from '../../../src/editor/quote-commands.ts';
import { reconcileQuotes } from '../../../src/editor/quote-reconcile.ts';
import { schema } from '../../../src/editor/schema.ts';
import { createEditorState } from '../../../src/editor/state.ts';
import type { DetectedQuote, QuoteAnalysis } from '../../../src/quotes/types.ts';

const quote = schema.marks.quote!;
const text = 'Title\n\nFirst “one” and __ here.\n\nSecond “two, three” end.\n\nThird.';

/** The block at `index` re-marked with a quote over [from, to) of its text, via ProseMirror's own step. */
function remarked(doc: Node, index: number, from: number, to: number, id = 'q1'): Fragment {
  const t = new Transform(doc.child(index));
  t.addMark(from, to, quote.create({ id }));
  return t.doc.content;
}

function posOf(doc: Node, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

describe('BlockMarksStep', () => {
  const doc = textToDoc(text);

  it('gives the listed blocks their new marks and moves no position', () => {
    const step = new BlockMarksStep([
      { pos: posOf(doc, 1), content: remarked(doc, 1, 6, 11) },
      { pos: posOf(doc, 2), content: remarked(doc, 2, 7, 19, 'q2') },
    ]);
    const result = step.apply(doc);
    expect(result.failed).toBeNull();
    const next = result.doc!;
    next.check();
    expect(quotesInDoc(next).map((q) => [q.id, next.textBetween(q.segments[0]!.from, q.segments[0]!.to)])).toEqual([
      ['q1', '“one”'],
      ['q2', '“two, three”'],
    ]);
    expect(next.textContent).toBe(doc.textContent);
    expect(step.getMap().map(30)).toBe(30);
    expect(next.child(3)).toBe(doc.child(3));
  });

  it('undoes exactly (invert) and survives a JSON round trip', () => {
    const step = new BlockMarksStep([{ pos: posOf(doc, 2), content: remarked(doc, 2, 7, 19) }]);
    const next = step.apply(doc).doc!;
    expect(step.invert(doc).apply(next).doc!.eq(doc)).toBe(true);
    const revived = Step.fromJSON(schema, JSON.parse(JSON.stringify(step.toJSON())));
    expect(revived).toBeInstanceOf(BlockMarksStep);
    expect(revived.apply(doc).doc!.eq(next)).toBe(true);
    expect(() => Step.fromJSON(schema, { stepType: 'blockMarks', blocks: [{ content: [] }] })).toThrow(RangeError);
  });

  it('refuses content whose text differs, and a position where no block starts', () => {
    const other = textToDoc('Title\n\nFirst “ONE” and __ here.').child(1).content;
    expect(new BlockMarksStep([{ pos: posOf(doc, 1), content: other }]).apply(doc).failed).toMatch(/no longer holds/);
    expect(new BlockMarksStep([{ pos: posOf(doc, 1) + 1, content: doc.child(1).content }]).apply(doc).failed).toMatch(/No block/);
  });

  it('maps past edits in other blocks and drops a block whose text was edited', () => {
    const step = new BlockMarksStep([
      { pos: posOf(doc, 1), content: remarked(doc, 1, 6, 11) },
      { pos: posOf(doc, 2), content: remarked(doc, 2, 7, 19) },
    ]);
    const edit = new Transform(doc).insert(posOf(doc, 1) + 1, schema.text('Big '));
    const mapped = step.map(edit.mapping) as BlockMarksStep;
    expect(mapped.blocks.map((b) => b.pos)).toEqual([posOf(doc, 2) + 4]);
    expect(mapped.apply(edit.doc).failed).toBeNull();
    const both = new Transform(doc).insert(posOf(doc, 1) + 2, schema.text('x')).insert(posOf(doc, 2) + 7, schema.text('y'));
    expect(step.map(both.mapping)).toBeNull();
  });

  it('compares content by text and inline nodes, not by marks', () => {
    expect(sameIgnoringMarks(doc.child(1).content, remarked(doc, 1, 0, 20))).toBe(true);
    const noGap = textToDoc('Title\n\nFirst “one” and X here.').child(1).content;
    expect(sameIgnoringMarks(doc.child(1).content, noGap)).toBe(false);
  });
});

// ---- reconciling detection: the same document ProseMirror's own mark steps would make ----

const word = fc.constantFrom('alpha', 'beta', 'gamma', '__', 'delta', 'said', '“we', 'go”');
const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const article = fc.array(paragraph, { minLength: 1, maxLength: 6 }).map((ps) => `Title\n\n${ps.join('\n\n')}`);

/** Up to `n` non-overlapping spans per paragraph, some running on into the next paragraph. */
function detectedOn(texts: readonly string[], picks: readonly number[], speakers: readonly (string | null)[]): QuoteAnalysis {
  const quotes: DetectedQuote[] = [];
  let p = 0;
  texts.forEach((t, paragraph) => {
    if (paragraph === 0 || t.length < 2) return;
    let at = 0;
    while (at < t.length - 1) {
      const pick = picks[p++ % picks.length]!;
      const start = at + (pick % 5);
      const end = Math.min(t.length, start + 1 + (pick % 7));
      if (start >= end) break;
      const runsOn = pick % 11 === 0 && end === t.length && paragraph + 1 < texts.length && texts[paragraph + 1]!.length > 0;
      const segments = [{ paragraph, start, end }];
      if (runsOn) segments.push({ paragraph: paragraph + 1, start: 0, end: 1 });
      const speaker = speakers[p % speakers.length] ?? null;
      quotes.push({ segments, text: t.slice(start, end), kind: 'direct', unclosed: false, speaker, confidence: pick % 3 === 0 ? 0.9 : 0.5, sieve: 'q-s-v', mention: null, evidence: '', candidates: [] });
      at = end + 1 + (runsOn ? texts.length : 0);
      if (runsOn) break;
    }
  });
  // a quote that runs on owns the start of the next paragraph: drop quotes that overlap it
  const taken = new Set<string>();
  const kept = quotes.filter((q) => {
    const keys = q.segments.flatMap((s) => Array.from({ length: s.end - s.start }, (_, i) => `${s.paragraph}:${s.start + i}`));
    if (keys.some((k) => taken.has(k))) return false;
    keys.forEach((k) => taken.add(k));
    return true;
  });
  return { quotes: kept, speakers: [{ id: 'a', name: 'A', aliases: [], gender: null, named: true }, { id: 'b', name: 'B', aliases: [], gender: null, named: true }], variants: [] };
}

/** The document with every quote mark taken off and put back with ProseMirror's own mark steps. */
function markedByProseMirror(doc: Node): Node {
  const t = new Transform(doc).removeMark(0, doc.content.size, quote);
  for (const q of quotesInDoc(doc)) {
    const mark = quote.create({ id: q.id, speaker: q.speaker, confirmed: q.confirmed, confidence: q.confidence, source: q.source });
    for (const s of q.segments) t.addMark(s.from, s.to, mark);
  }
  return t.doc;
}

describe('reconciling detection with one BlockMarksStep', () => {
  it('makes the document ProseMirror would make, run after run (property)', () => {
    fc.assert(
      fc.property(
        article,
        fc.array(fc.nat(60), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(60), { minLength: 1, maxLength: 20 }),
        fc.array(fc.constantFrom('a', 'b', null), { minLength: 1, maxLength: 4 }),
        (source, first, second, speakers) => {
          let state = createEditorState(textToDoc(source));
          for (const picks of [first, second, first]) {
            const blocks = blockTexts(state.doc);
            const analysis = detectedOn(
              blocks.map((b) => b.text),
              picks,
              speakers,
            );
            const { tr } = reconcileQuotes(state, analysis, blocks);
            if (tr) state = state.apply(tr);
            state.doc.check();
            expect(state.doc.textContent).toBe(textToDoc(source).textContent);
            expect(state.doc.eq(markedByProseMirror(state.doc))).toBe(true);
            const marked = quotesInDoc(state.doc).map((q) => q.segments.map((s) => [s.block, s.from - blocks[s.block]!.pos, s.to - blocks[s.block]!.pos]));
            const wanted = analysis.quotes.map((q) => q.segments.map((s) => [s.paragraph, s.start, s.end]));
            expect(marked).toEqual(wanted);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('rewriting many quotes with one BlockMarksStep (Accept all, merging or removing a speaker)', () => {
  it('makes the document one mark step per quote would make (property)', () => {
    fc.assert(
      fc.property(
        article,
        fc.array(fc.nat(60), { minLength: 1, maxLength: 20 }),
        fc.array(fc.record({ pick: fc.boolean(), speaker: fc.constantFrom('a', 'b', null), confirmed: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        (source, picks, changes) => {
          let state = createEditorState(textToDoc(source));
          const blocks = blockTexts(state.doc);
          const { tr } = reconcileQuotes(state, detectedOn(blocks.map((b) => b.text), picks, ['a', null]), blocks);
          if (tr) state = state.apply(tr);
          const rewrites = quotesInDoc(state.doc).flatMap((q, i) => {
            const change = changes[i % changes.length]!;
            return change.pick ? [[q, { speaker: change.speaker, confirmed: change.confirmed }] as const] : [];
          });
          const batched = rewriteQuotes(state.tr, rewrites);
          const oneByOne = state.tr;
          for (const [q, attrs] of rewrites) {
            for (const s of q.segments) {
              oneByOne.removeMark(s.from, s.to, quote);
              oneByOne.addMark(s.from, s.to, quote.create({ id: q.id, confidence: q.confidence, source: q.source, ...attrs }));
            }
          }
          batched.doc.check();
          expect(batched.doc.eq(oneByOne.doc)).toBe(true);
          expect(batched.steps.length).toBe(rewrites.some(([q, a]) => q.speaker !== a.speaker || q.confirmed !== a.confirmed) ? 1 : 0);
          expect(batched.doc.textContent).toBe(state.doc.textContent);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('reconciling a long read', () => {
  it('never resolves positions inside the blocks it re-marks (ProseMirror would cache them per block for as long as the block lives)', () => {
    const state = createEditorState(textToDoc(text));
    const blocks = blockTexts(state.doc);
    const analysis = detectedOn(
      blocks.map((b) => b.text),
      [3, 8, 1],
      ['a'],
    );
    const children = new Set<Node>();
    state.doc.forEach((child) => children.add(child));
    const resolve = Node.prototype.resolve;
    const resolvedOn: Node[] = [];
    Node.prototype.resolve = function (this: Node, pos: number) {
      resolvedOn.push(this);
      return resolve.call(this, pos);
    };
    try {
      expect(reconcileQuotes(state, analysis, blocks).tr).not.toBeNull();
    } finally {
      Node.prototype.resolve = resolve;
    }
    expect(resolvedOn.length).toBeGreaterThan(0);
    expect(resolvedOn.filter((node) => children.has(node))).toEqual([]);
  });
});
