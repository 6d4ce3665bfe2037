/**
 * Bringing the document's quote marks in line with a fresh detection run.
 *
 * Detection proposes; the user decides. A quote the user confirmed, marked or changed
 * (`source: 'user'` or `confirmed`) keeps its speaker and its text; it only takes back a quotation
 * mark at its edge that detection finds part of it (a closing mark deleted and typed again). A
 * detected, unconfirmed quote follows the latest run: its span and suggested speaker are updated
 * (leaving out the text of quotes the user marked inside it), and it is removed when the run no
 * longer finds it. New quotes are marked unless the user dismissed the same text before.
 * Speakers that only detection proposed (`auto`) are added, updated and dropped with their
 * quotes; speakers the user adopted stay.
 */
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { DetectedQuote, QuoteAnalysis } from '../quotes/types.ts';
import type { BlockText } from './block-text.ts';
import { quoteFingerprint } from './quote-commands.ts';
import { quotesInDoc, type QuoteInDoc } from './quote-marks.ts';
import { dismissedQuotesOf, setArticleAttr, speakersOf } from './article-attrs.ts';
import { schema, type Speaker } from './schema.ts';
import { QuoteMarkEdits, quoteAttrs, type BlockRange } from './quote-mark-edits.ts';

const quoteType = schema.marks.quote!;

/**
 * What detection says about a quote, kept beside the document for the speaker picker and the
 * unclosed-quote underline: only what those use (one per quote, over a thousand in a long read).
 */
export interface QuoteInsight {
  /** The words that told detection who speaks ("told Newsweek"), or ''. */
  evidence: string;
  /** Speaker ids, most likely first: the suggestion, then the other candidates. */
  ranked: readonly string[];
  unclosed: boolean;
}

const noSpeakers: readonly string[] = Object.freeze([]);

/** The speaker ids detection proposes for a quote, most likely first, each once. */
export function rankedSpeakers(suggested: string | null, candidates: readonly { speaker: string }[]): readonly string[] {
  if (!suggested && candidates.length === 0) return noSpeakers;
  const ranked = suggested ? [suggested] : [];
  for (const { speaker } of candidates) if (!ranked.includes(speaker)) ranked.push(speaker);
  return ranked;
}

type Range = BlockRange;

function rangesOf(quote: DetectedQuote, blocks: readonly BlockText[]): Range[] | null {
  const ranges: Range[] = [];
  for (const segment of quote.segments) {
    const block = blocks[segment.paragraph];
    if (!block || segment.end > block.text.length || segment.start >= segment.end) return null;
    ranges.push({ block: segment.paragraph, from: block.pos + segment.start, to: block.pos + segment.end });
  }
  return ranges;
}

function sameRanges(quote: QuoteInDoc, ranges: readonly Range[]): boolean {
  return quote.segments.length === ranges.length && quote.segments.every((s, i) => s.from === ranges[i]!.from && s.to === ranges[i]!.to);
}

/** A quote the user confirmed, marked or changed: detection never takes it away or moves its speaker. */
function isKept(quote: QuoteInDoc): boolean {
  return quote.confirmed || quote.source === 'user';
}

/** Quotation marks, and nothing else (the apostrophe-like marks included). */
const QUOTATION_MARKS = /^["'“”„‟«»‹›‘’‚‛]+$/u;

/**
 * The stretches by which detection's `ranges` for a kept quote go beyond its own segments, when
 * they are quotation marks only and belong to no other quote: a closing mark the user deleted
 * and typed again lands just outside the quote (its mark does not extend to text typed at its
 * end), and the quote takes it back. Otherwise (other text, another shape) nothing.
 */
function quotationMarksAround(doc: Node, quote: QuoteInDoc, ranges: readonly Range[], blocks: readonly BlockText[]): Range[] {
  if (quote.segments.length !== ranges.length) return [];
  const grown: Range[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const segment = quote.segments[i]!;
    const range = ranges[i]!;
    if (segment.block !== range.block || range.from > segment.from || range.to < segment.to) return [];
    const block = blocks[range.block]!;
    for (const [from, to] of [
      [range.from, segment.from],
      [segment.to, range.to],
    ] as const) {
      if (from === to) continue;
      if (!QUOTATION_MARKS.test(block.text.slice(from - block.pos, to - block.pos)) || doc.rangeHasMark(from, to, quoteType)) return [];
      grown.push({ block: range.block, from, to });
    }
  }
  return grown;
}

function overlaps(quote: QuoteInDoc, ranges: readonly Range[]): boolean {
  return quote.segments.some((s) => ranges.some((r) => s.from < r.to && r.from < s.to));
}

/**
 * Finds the quote already in the document that a detected quote stands for: the first of
 * `existing` (in its order) not yet matched that overlaps it. Quotes are looked up through the
 * blocks they are in, so matching a long read's quotes stays linear.
 */
class QuoteMatcher {
  private readonly byBlock = new Map<number, number[]>();
  readonly matched = new Set<string>();

  constructor(private readonly existing: readonly QuoteInDoc[]) {
    existing.forEach((quote, index) => {
      for (const block of new Set(quote.segments.map((s) => s.block))) {
        const list = this.byBlock.get(block);
        if (list) list.push(index);
        else this.byBlock.set(block, [index]);
      }
    });
  }

  /** Whether `ranges` overlap a quote the user confirmed or marked (those stay as they are). */
  overlapsKept(ranges: readonly Range[]): boolean {
    return ranges.some((range) =>
      (this.byBlock.get(range.block) ?? []).some((index) => {
        const quote = this.existing[index]!;
        return isKept(quote) && overlaps(quote, [range]);
      }),
    );
  }

  /**
   * `ranges` without the text of quotes the user confirmed or marked: what is left of a detected
   * quote for detection to propose (a quote the user marked inside it stays the user's).
   */
  outsideKept(ranges: readonly Range[]): Range[] {
    const out: Range[] = [];
    for (const range of ranges) {
      const kept: { from: number; to: number }[] = [];
      for (const index of this.byBlock.get(range.block) ?? []) {
        const quote = this.existing[index]!;
        if (!isKept(quote)) continue;
        for (const s of quote.segments) if (s.block === range.block && s.from < range.to && range.from < s.to) kept.push(s);
      }
      kept.sort((a, b) => a.from - b.from);
      let from = range.from;
      for (const s of kept) {
        if (s.from > from) out.push({ block: range.block, from, to: s.from });
        from = Math.max(from, s.to);
      }
      if (from < range.to) out.push({ block: range.block, from, to: range.to });
    }
    return out;
  }

  take(ranges: readonly Range[]): QuoteInDoc | undefined {
    let best = -1;
    for (const range of ranges) {
      for (const index of this.byBlock.get(range.block) ?? []) {
        if (best >= 0 && index >= best) break;
        const quote = this.existing[index]!;
        if (!this.matched.has(quote.id) && overlaps(quote, ranges)) best = index;
      }
    }
    if (best < 0) return undefined;
    const quote = this.existing[best]!;
    this.matched.add(quote.id);
    return quote;
  }
}

/**
 * One array per distinct list of speakers, of its exact length: a long read's thousand quotes
 * propose a few dozen different lists (and an array grown by `push` keeps room for 16 more).
 */
class SharedLists {
  private readonly lists = new Map<string, readonly string[]>();

  get(list: readonly string[]): readonly string[] {
    if (list.length === 0) return list;
    const key = list.join('\u0000');
    let shared = this.lists.get(key);
    if (!shared) this.lists.set(key, (shared = list.slice()));
    return shared;
  }
}

function nextIdFactory(existing: readonly QuoteInDoc[]): () => string {
  let max = 0;
  for (const quote of existing) {
    const match = /^q(\d+)$/.exec(quote.id);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return () => `q${++max}`;
}

/**
 * The transaction that applies `analysis` (computed on `blocks` of `state.doc`) to the quote
 * marks, and the insights per quote id. The transaction is null when nothing changes.
 */
export function reconcileQuotes(
  state: EditorState,
  analysis: QuoteAnalysis,
  blocks: readonly BlockText[],
): { tr: Transaction | null; insights: Map<string, QuoteInsight> } {
  const existing = quotesInDoc(state.doc);
  const dismissed = new Set(dismissedQuotesOf(state.doc));
  const nextId = nextIdFactory(existing);
  const tr = state.tr;
  const insights = new Map<string, QuoteInsight>();
  const matcher = new QuoteMatcher(existing);
  const sharedLists = new SharedLists();
  const edits = new QuoteMarkEdits();
  const speakerUse = new Set<string>();

  for (const detected of analysis.quotes) {
    const ranges = rangesOf(detected, blocks);
    if (!ranges) continue;
    const insight: QuoteInsight = {
      evidence: detected.evidence,
      ranked: sharedLists.get(rankedSpeakers(detected.speaker, detected.candidates)),
      unclosed: detected.unclosed,
    };
    const match = matcher.take(ranges);
    if (match) {
      insights.set(match.id, insight);
      if (isKept(match)) {
        const grown = quotationMarksAround(state.doc, match, ranges, blocks);
        if (grown.length) edits.add(grown, quoteAttrs(match));
        continue;
      }
      if (detected.speaker) speakerUse.add(detected.speaker);
      // The text of a quote the user marked inside this one stays the user's quote.
      const own = matcher.overlapsKept(ranges) ? matcher.outsideKept(ranges) : ranges;
      const unchanged = sameRanges(match, own) && match.speaker === detected.speaker && match.confidence === detected.confidence;
      if (unchanged) continue;
      edits.remove(match);
      edits.add(own, { id: match.id, speaker: detected.speaker, confirmed: false, confidence: detected.confidence, source: 'detected' });
      continue;
    }
    if (dismissed.size && dismissed.has(quoteFingerprint(detected.text))) continue;
    if (matcher.overlapsKept(ranges)) continue;
    const id = nextId();
    insights.set(id, insight);
    if (detected.speaker) speakerUse.add(detected.speaker);
    edits.add(ranges, { id, speaker: detected.speaker, confirmed: false, confidence: detected.confidence, source: 'detected' });
  }

  for (const quote of existing) {
    if (matcher.matched.has(quote.id)) continue;
    if (quote.confirmed || quote.source === 'user') {
      if (quote.speaker) speakerUse.add(quote.speaker);
      continue;
    }
    edits.remove(quote);
  }
  const step = edits.step(state.doc);
  if (step) tr.step(step);
  for (const quote of existing) if ((quote.confirmed || quote.source === 'user') && quote.speaker) speakerUse.add(quote.speaker);

  const speakers = reconcileSpeakers(speakersOf(state.doc), analysis, speakerUse);
  if (speakers) setArticleAttr(tr, 'speakers', speakers);
  return { tr: tr.docChanged || speakers ? tr : null, insights };
}

function reconcileSpeakers(current: readonly Speaker[], analysis: QuoteAnalysis, used: ReadonlySet<string>): Speaker[] | null {
  const proposed = new Map(analysis.speakers.map((s) => [s.id, s]));
  const next: Speaker[] = [];
  for (const speaker of current) {
    if (!speaker.auto) {
      next.push(speaker);
      continue;
    }
    if (!used.has(speaker.id)) continue;
    const update = proposed.get(speaker.id);
    next.push(update ? { id: speaker.id, name: update.name, aliases: [...update.aliases], auto: true } : speaker);
  }
  const known = new Set(next.map((s) => s.id));
  for (const speaker of analysis.speakers) {
    if (known.has(speaker.id) || !used.has(speaker.id)) continue;
    next.push({ id: speaker.id, name: speaker.name, aliases: [...speaker.aliases], auto: true });
  }
  return JSON.stringify(next) === JSON.stringify(current) ? null : next;
}
