/**
 * The quotes plugin: runs quote detection off the keystroke path and shows each quote's speaker.
 *
 * After the document has been still for a moment, the plugin view sends the block texts to the
 * analyzer (a Web Worker in the app, a plain function in tests). A result is applied only if the
 * document is still the one it was computed on; otherwise it is dropped, and the newer document
 * is analysed in turn. Applying a result is one transaction kept out of the undo history.
 *
 * The plugin state holds the insights per quote (evidence, candidates) and a few decorations
 * (continued paragraphs, unclosed quotes). On typing, those are only mapped; they are rebuilt
 * when a transaction changes quote marks or the speaker registry. Each quote's speaker label is
 * drawn by its mark's element (see speaker-colors.ts), so quotes add no widget to the view.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, AttrStep, RemoveMarkStep } from 'prosemirror-transform';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { mapWindowed, windowed, windowedDecorations, windowMoved, windowOf } from './visible-range.ts';
import type { DecidedQuote, KnownSpeaker, QuoteAnalysis } from '../quotes/types.ts';
import { BackgroundTask } from './background-task.ts';
import { blockTexts, type BlockText } from './block-text.ts';
import { quotesInDoc } from './quote-marks.ts';
import { speakersOf } from './article-attrs.ts';
import { reconcileQuotes, type QuoteInsight } from './quote-reconcile.ts';
import { BlockMarksStep } from './block-marks-step.ts';

/** Runs detection on block texts (index 0 = title), taking the editor's confirmed speakers as given. */
export type QuoteAnalyzer = (paragraphs: string[], known: KnownSpeaker[], decided: DecidedQuote[]) => Promise<QuoteAnalysis>;

/** The confirmed quotes of a document, as spans of its block texts, for detection to reason from. */
export function decidedQuotes(doc: Node, blocks: readonly BlockText[]): DecidedQuote[] {
  const decided: DecidedQuote[] = [];
  for (const quote of quotesInDoc(doc)) {
    if (!quote.confirmed || !quote.speaker) continue;
    const spans = quote.segments.map((s) => ({ paragraph: s.block, start: s.from - blocks[s.block]!.pos, end: s.to - blocks[s.block]!.pos }));
    decided.push({ speaker: quote.speaker, spans });
  }
  return decided;
}

export interface QuotePluginState {
  insights: ReadonlyMap<string, QuoteInsight>;
  /** Continued paragraphs and unclosed quotes (the labels are drawn by the quote marks). */
  decorations: DecorationSet;
  /** The part of `decorations` the view draws (around the visible text). */
  shown: DecorationSet;
  /** Bumped whenever insights or quote marks change, for panels to subscribe to. */
  version: number;
  /** True once a first analysis has been applied. */
  analysed: boolean;
}

export const quotePluginKey = new PluginKey<QuotePluginState>('quotes');

interface ApplyMeta {
  insights: Map<string, QuoteInsight>;
}

export interface QuotePluginOptions {
  analyzer: QuoteAnalyzer;
  /** Called when the user activates a quote's label (click): open the speaker picker. */
  onActivate?: (quoteId: string, anchor: DOMRect) => void;
  delay?: number;
  onError?: (error: unknown) => void;
}

/**
 * The few decorations quotes need beyond their mark: a quote's later paragraphs (labelled
 * "(cont.)") and unclosed quotes (underlined as a problem). The label itself is the quote
 * element's `::before` box, named through the speaker style sheet (speaker-colors.ts), so a quote
 * costs no widget and no element of its own.
 */
function buildDecorations(doc: Node, insights: ReadonlyMap<string, QuoteInsight>): DecorationSet {
  const decorations: Decoration[] = [];
  for (const quote of quotesInDoc(doc)) {
    const unclosed = insights.get(quote.id)?.unclosed === true;
    quote.segments.forEach((segment, index) => {
      if (index > 0) {
        const $from = doc.resolve(segment.from);
        decorations.push(Decoration.node($from.before(1), $from.after(1), { class: 'quote-continues' }));
      }
      if (unclosed) decorations.push(Decoration.inline(segment.from, segment.to, { class: 'quote-unclosed' }));
    });
  }
  return DecorationSet.create(doc, decorations);
}

function firstCharRect(element: Element): DOMRect | null {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue) continue;
    const range = element.ownerDocument.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 1);
    return range.getBoundingClientRect();
  }
  return null;
}

/**
 * The quote whose speaker label is under the pointer, with the label's box. The label is drawn
 * before the quote's first character, in the quote element's first line box.
 */
export function quoteLabelAt(event: MouseEvent): { quoteId: string; rect: DOMRect } | null {
  const target = event.target as Element | null;
  const quote = target?.closest?.('.ProseMirror .quote');
  if (!(quote instanceof HTMLElement) || !quote.dataset.quoteId) return null;
  const box = quote.getClientRects()[0];
  if (!box) return null;
  const { clientX: x, clientY: y } = event;
  if (x < box.left || x > box.right || y < box.top || y > box.bottom) return null;
  const first = firstCharRect(quote);
  // The first character on the same line: the label ends where it begins. On the next line
  // (the label was left alone at the end of a line): the whole first box is the label.
  const onLabel = !first || first.top >= box.bottom - 1 || x < first.left;
  if (!onLabel) return null;
  const right = first && first.top < box.bottom - 1 ? first.left : box.right;
  return { quoteId: quote.dataset.quoteId, rect: new DOMRect(box.left, box.top, Math.max(0, right - box.left), box.height) };
}

function touchesQuotes(tr: Transaction): boolean {
  return tr.steps.some(
    (step) =>
      ((step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === 'quote') ||
      step instanceof BlockMarksStep ||
      (step instanceof AttrStep && step.pos === 0 && step.attr === 'speakers'),
  );
}

/**
 * The registry as a detection run is told about it: every speaker, with those only proposed by
 * an earlier run (never confirmed or edited) marked `auto`, so the run keeps their ids without
 * taking them for the user's word.
 */
export function knownSpeakersOf(doc: Node): KnownSpeaker[] {
  return speakersOf(doc).map((s) => (s.auto ? { id: s.id, name: s.name, aliases: s.aliases, auto: true } : { id: s.id, name: s.name, aliases: s.aliases }));
}

/** The insights of the quote with this id (evidence, candidates), if detection knows it. */
export function quoteInsight(state: EditorState, id: string): QuoteInsight | undefined {
  return quotePluginKey.getState(state)?.insights.get(id);
}

class AnalysisScheduler {
  private readonly task: BackgroundTask;

  constructor(
    private readonly view: EditorView,
    private readonly options: QuotePluginOptions,
  ) {
    this.task = new BackgroundTask(() => this.run(), options.delay ?? 400);
  }

  update(view: EditorView, previous: EditorState): void {
    if (view.state.doc !== previous.doc) this.task.request();
  }

  private async run(): Promise<void> {
    const doc = this.view.state.doc;
    const blocks: BlockText[] = blockTexts(doc);
    const known = knownSpeakersOf(doc);
    try {
      const analysis = await this.options.analyzer(
        blocks.map((b) => b.text),
        known,
        decidedQuotes(doc, blocks),
      );
      // A result for an older document is dropped: the change that made it old asked for a new run.
      if (this.task.destroyed || this.view.state.doc !== doc) return;
      const { tr, insights } = reconcileQuotes(this.view.state, analysis, blocks);
      const meta: ApplyMeta = { insights };
      const apply = (tr ?? this.view.state.tr).setMeta(quotePluginKey, meta).setMeta('addToHistory', false);
      this.view.dispatch(apply);
    } catch (error) {
      if (!this.task.destroyed) this.options.onError?.(error);
    }
  }

  destroy(): void {
    this.task.destroy();
  }
}

/** The quotes plugin. */
export function quotePlugin(options: QuotePluginOptions): Plugin<QuotePluginState> {
  return new Plugin<QuotePluginState>({
    key: quotePluginKey,
    state: {
      init: (_, state) => {
        const { all, shown } = windowedDecorations(buildDecorations(state.doc, new Map()), state);
        return { insights: new Map(), decorations: all, shown, version: 0, analysed: false };
      },
      apply(tr, value, _old, newState) {
        const meta = tr.getMeta(quotePluginKey) as ApplyMeta | undefined;
        const rebuilt = (insights: ReadonlyMap<string, QuoteInsight>) => {
          const { all, shown } = windowedDecorations(buildDecorations(newState.doc, insights), newState);
          return { ...value, insights, decorations: all, shown, version: value.version + 1 };
        };
        if (meta) return { ...rebuilt(meta.insights), analysed: true };
        if (tr.docChanged && touchesQuotes(tr)) return rebuilt(value.insights);
        if (windowMoved(tr) && !tr.docChanged) return { ...value, shown: windowed(value.decorations, newState.doc, windowOf(newState)) };
        if (!tr.docChanged) return value;
        const { all, shown } = mapWindowed({ all: value.decorations, shown: value.shown }, tr.mapping, tr.doc);
        return { ...value, decorations: all, shown };
      },
    },
    view: (view) => new AnalysisScheduler(view, options),
    props: {
      decorations: (state) => quotePluginKey.getState(state)?.shown,
      handleDOMEvents: {
        mousedown(_view, event) {
          const label = quoteLabelAt(event);
          if (!label) return false;
          event.preventDefault();
          options.onActivate?.(label.quoteId, label.rect);
          return true;
        },
      },
    },
  });
}

/** Synchronous analyzer wrapper (tests, and the fallback where workers are unavailable). */
export function inlineAnalyzer(analyze: (paragraphs: readonly string[], options: { knownSpeakers: KnownSpeaker[] }) => QuoteAnalysis): QuoteAnalyzer {
  return async (paragraphs, known) => analyze(paragraphs, { knownSpeakers: known });
}

/** The number of quotes that still need a confirmed speaker. */
export function unconfirmedCount(state: EditorState): number {
  return quotesInDoc(state.doc).filter((q) => !q.confirmed).length;
}
