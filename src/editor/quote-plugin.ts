/**
 * The quotes plugin: runs quote detection off the keystroke path and shows each quote's speaker.
 *
 * After the document has been still for a moment, the plugin view sends the block texts to the
 * analyzer (a Web Worker in the app, a plain function in tests). A result is applied only if the
 * document is still the one it was computed on; otherwise it is dropped, and the newer document
 * is analysed in turn. Applying a result is one transaction kept out of the undo history.
 *
 * The plugin state holds the insights per quote (evidence, candidates) and the speaker labels
 * (widgets before each quote). On typing, the labels are only mapped; they are rebuilt when a
 * transaction changes quote marks or the speaker registry.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, DocAttrStep, RemoveMarkStep } from 'prosemirror-transform';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { KnownSpeaker, QuoteAnalysis } from '../quotes/types.ts';
import { BackgroundTask } from './background-task.ts';
import { blockTexts, type BlockText } from './block-text.ts';
import { quoteState } from './schema.ts';
import { quotesInDoc, speakersOf } from './quote-marks.ts';
import { reconcileQuotes, type QuoteInsight } from './quote-reconcile.ts';

/** Runs detection on block texts (index 0 = title). */
export type QuoteAnalyzer = (paragraphs: string[], known: KnownSpeaker[]) => Promise<QuoteAnalysis>;

export interface QuotePluginState {
  insights: ReadonlyMap<string, QuoteInsight>;
  labels: DecorationSet;
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

/** Short label of a speaker for the widget: the last word of a name, or the whole label. */
export function shortLabel(name: string): string {
  return name.length <= 22 ? name : `${name.slice(0, 20)}…`;
}

function buildLabels(doc: Node, insights: ReadonlyMap<string, QuoteInsight>): DecorationSet {
  const speakers = new Map(speakersOf(doc).map((s) => [s.id, s.name]));
  const decorations: Decoration[] = [];
  for (const quote of quotesInDoc(doc)) {
    const speaker = quote.speaker ? speakers.get(quote.speaker) : undefined;
    const insight = insights.get(quote.id);
    const state = speaker === undefined && !quote.confirmed ? 'unknown' : quoteState(quote);
    const text = speaker !== undefined ? shortLabel(speaker) : 'who said this?';
    const key = `${quote.id}|${state}|${text}|${quote.speaker ?? ''}|${insight?.unclosed ? 1 : 0}`;
    quote.segments.forEach((segment, index) => {
      // One element per label: when ProseMirror redraws the widget (typing right after it), it
      // gets the same element back and the DOM is left as it is.
      let element: HTMLButtonElement | null = null;
      const render = () => {
        const label = document.createElement('button');
        label.type = 'button';
        label.className = `quote-label quote-label-${state}${index > 0 ? ' quote-label-continued' : ''}`;
        label.dataset.quoteId = quote.id;
        if (quote.speaker) label.dataset.speaker = quote.speaker;
        label.contentEditable = 'false';
        const mark = state === 'confirmed' ? '✓' : state === 'unknown' ? '?' : '~';
        label.textContent = index > 0 ? `${mark} ${text} (cont.)` : `${mark} ${text}`;
        const status = state === 'confirmed' ? 'confirmed' : state === 'unknown' ? 'no speaker yet' : `suggested, ${Math.round(quote.confidence * 100)}%`;
        label.setAttribute('aria-label', `Speaker: ${speaker ?? 'unknown'} (${status}). Change speaker`);
        label.title = insight?.evidence ? `${insight.evidence}${insight.unclosed ? ' · quotation mark not closed' : ''}` : status;
        return label;
      };
      decorations.push(Decoration.widget(segment.from, () => (element ??= render()), { side: -1, key, ignoreSelection: true, stopEvent: () => false }));
      // The quote's own look comes from its mark (schema.ts); only an unclosed one gets more.
      if (insight?.unclosed) decorations.push(Decoration.inline(segment.from, segment.to, { class: 'quote-unclosed' }));
    });
  }
  return DecorationSet.create(doc, decorations);
}

function touchesQuotes(tr: Transaction): boolean {
  return tr.steps.some(
    (step) =>
      ((step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === 'quote') ||
      (step instanceof DocAttrStep && step.attr === 'speakers'),
  );
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
    const known = speakersOf(doc).map((s) => ({ id: s.id, name: s.name, aliases: s.aliases }));
    try {
      const analysis = await this.options.analyzer(
        blocks.map((b) => b.text),
        known,
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
      init: (_, state) => ({ insights: new Map(), labels: buildLabels(state.doc, new Map()), version: 0, analysed: false }),
      apply(tr, value, _old, newState) {
        const meta = tr.getMeta(quotePluginKey) as ApplyMeta | undefined;
        if (meta) return { insights: meta.insights, labels: buildLabels(newState.doc, meta.insights), version: value.version + 1, analysed: true };
        if (!tr.docChanged) return value;
        if (touchesQuotes(tr)) return { ...value, labels: buildLabels(newState.doc, value.insights), version: value.version + 1 };
        return { ...value, labels: value.labels.map(tr.mapping, tr.doc) };
      },
    },
    view: (view) => new AnalysisScheduler(view, options),
    props: {
      decorations: (state) => quotePluginKey.getState(state)?.labels,
      handleDOMEvents: {
        mousedown(_view, event) {
          const label = (event.target as HTMLElement | null)?.closest?.('.quote-label');
          if (!(label instanceof HTMLElement)) return false;
          event.preventDefault();
          options.onActivate?.(label.dataset.quoteId ?? '', label.getBoundingClientRect());
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
