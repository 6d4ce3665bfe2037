/**
 * Proofreading problems in the text, the way the copy desk's best tools show them.
 *
 * Problems are decorations in this plugin's state. An edit removes, at once, the problems it
 * touched and maps the others; a moment after typing stops, the plugin view sends the block texts
 * to the checker (a Web Worker in the app, which re-checks only paragraphs whose text it has not
 * seen). Each request remembers the document it was made on; its answer is mapped through every
 * change made since, and problems in text that changed meanwhile are dropped. The view draws only
 * the problems around the visible text (visible-range.ts); the state holds them all.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Mapping } from 'prosemirror-transform';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { BackgroundTask } from './background-task.ts';
import { checkTextBetween, checkTexts, placeSpan } from './block-text.ts';
import { mapWindowed, windowed, windowedDecorations, windowMoved, windowOf } from './visible-range.ts';

/** A problem as the checker reports it: offsets into one block's text. */
export interface BlockProblem {
  paragraph: number;
  start: number;
  end: number;
  rule: string;
  category: string;
  message: string;
  suggestions: { label: string; replacement: string }[];
}

/** A problem placed in the document. */
export interface PlacedProblem extends BlockProblem {
  id: string;
  from: number;
  to: number;
  /** The flagged text when it was found. */
  text: string;
  /**
   * What `[from, to)` held, as the checks read it, when the problem was found: the flagged text,
   * or more when the problem is in a gap's fill (a gap's fill is covered whole). `offset` is where
   * the flagged text starts in it.
   */
  span: string;
  offset: number;
}

export type CheckerStatus = { state: 'idle' } | { state: 'checking' } | { state: 'loading'; message: string } | { state: 'ready' } | { state: 'error'; message: string };

/**
 * What a check found. `complete` is false when a part of the checking did not run yet (the
 * spelling engine is still loading): the problems are then not all there may be.
 */
export interface CheckResult {
  problems: BlockProblem[];
  complete: boolean;
}

/** Checks all block texts (index 0 = title); may cache per paragraph text. A plain list is a complete check. */
export type Checker = (paragraphs: string[]) => Promise<BlockProblem[] | CheckResult>;

export interface LintOptions {
  checker: Checker;
  /** Keys of problems the user ignored (see problemKey). */
  isIgnored?: (key: string) => boolean;
  delay?: number;
  /**
   * Called when the words around an ignored problem changed and its key with them (the problem
   * itself is still the same): each pair is the old key and the new one, to store instead.
   */
  onIgnoresMoved?: (moved: readonly (readonly [string, string])[]) => void;
  onActivate?: (problem: PlacedProblem, anchor: DOMRect) => void;
  onError?: (error: unknown) => void;
}

export interface LintState {
  /** Each decoration's spec holds its problem; positions are the decoration's. */
  decorations: DecorationSet;
  /** The part of `decorations` the view draws (around the visible text). */
  shown: DecorationSet;
  /** Bumped when the set of problems changes (not when they only move), for panels. */
  version: number;
  /** Changes since the pending request was sent (null when none is pending). */
  since: Mapping | null;
  checked: boolean;
  /** Whether the last check was complete (see CheckResult): until then, no one may say the text is clean. */
  complete: boolean;
  /** Bumped to ask for a new check (the dictionary or the settings changed). */
  requests: number;
  /**
   * Where the ignored problems are, mapped through every edit (spec: the ignore's key, rule and
   * text): a problem found again at the same place with the same rule and text stays ignored
   * although the words around it, and so its key, changed.
   */
  ignored: DecorationSet;
  /** The ignores whose key changed at the last check (old key, new key). */
  moved: readonly (readonly [string, string])[];
}

interface IgnoredSpec {
  key: string;
  rule: string;
  text: string;
}

export const lintPluginKey = new PluginKey<LintState>('lint');

type Meta = { started: true } | { result: PlacedProblem[]; complete: boolean } | { refilter: true } | { recheck: true };

/** The key an "Ignore" is remembered by: rule, flagged text and the words around it. */
export function problemKey(problem: { rule: string; text: string }, context: string): string {
  return `${problem.rule}|${problem.text}|${context.replace(/\s+/g, ' ').trim().slice(0, 60)}`;
}

/** The words around a problem, for its ignore key. */
export function problemContext(doc: Node, problem: { from: number; to: number }): string {
  const $from = doc.resolve(Math.min(problem.from, doc.content.size));
  const block = $from.parent;
  const start = $from.start();
  const a = Math.max(0, problem.from - start - 20);
  const b = Math.min(block.content.size, problem.to - start + 20);
  return block.textBetween(a, b, ' ', '\uFFFC');
}

/** One class string per category, shared by its problems (a long article has thousands). */
const categoryClasses = new Map<string, string>();
function classOf(category: string): string {
  let name = categoryClasses.get(category);
  if (name === undefined) categoryClasses.set(category, (name = `lint lint-${category}`));
  return name;
}

function decorate(doc: Node, problems: readonly PlacedProblem[]): DecorationSet {
  return DecorationSet.create(
    doc,
    problems.map((p) => Decoration.inline(p.from, p.to, { class: classOf(p.category), title: p.message }, { problem: p, inclusiveStart: false, inclusiveEnd: false })),
  );
}

function touched(tr: Transaction): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  tr.mapping.maps.forEach((map, i) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const rest = tr.mapping.slice(i + 1);
      ranges.push({ from: rest.map(newStart, -1), to: rest.map(newEnd, 1) });
    });
  });
  return ranges;
}

export function lintPlugin(options: LintOptions): Plugin<LintState> {
  /**
   * Splits problems into those shown and those ignored: by their key, or by an ignored problem
   * at the same place with the same rule and text whose key is still in the ignore list.
   */
  const partition = (problems: PlacedProblem[], doc: Node, ignored: DecorationSet) => {
    const isIgnored = options.isIgnored;
    if (!isIgnored) return { shown: problems, hidden: [] as Decoration[], matched: [] as Decoration[], moved: [] as [string, string][] };
    const shown: PlacedProblem[] = [];
    const hidden: Decoration[] = [];
    const matched: Decoration[] = [];
    const moved: [string, string][] = [];
    for (const p of problems) {
      const key = problemKey(p, problemContext(doc, p));
      const at = ignored.find(p.from, p.to, (spec: IgnoredSpec) => spec.rule === p.rule && spec.text === p.text && isIgnored(spec.key));
      const same = at.find((d) => d.from === p.from && d.to === p.to);
      if (!isIgnored(key) && !same) {
        shown.push(p);
        continue;
      }
      if (same) {
        matched.push(same);
        const old = (same.spec as IgnoredSpec).key;
        if (old !== key && !isIgnored(key)) moved.push([old, key]);
      }
      hidden.push(Decoration.inline(p.from, p.to, {}, { key, rule: p.rule, text: p.text } satisfies IgnoredSpec));
    }
    return { shown, hidden, matched, moved };
  };
  return new Plugin<LintState>({
    key: lintPluginKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, shown: DecorationSet.empty, version: 0, since: null, checked: false, complete: false, requests: 0, ignored: DecorationSet.empty, moved: [] }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(lintPluginKey) as Meta | undefined;
        const replaced = (all: DecorationSet) => {
          const { shown } = windowedDecorations(all, state);
          return { ...value, decorations: all, shown, version: value.version + 1 };
        };
        if (meta && 'started' in meta) return { ...value, since: new Mapping() };
        const filtered = (problems: PlacedProblem[]) => {
          const { shown, hidden, matched, moved } = partition(problems, state.doc, value.ignored);
          const ignored = value.ignored.remove(matched).add(state.doc, hidden);
          return { ...replaced(decorate(state.doc, shown)), ignored, moved: moved.length ? moved : value.moved };
        };
        if (meta && 'result' in meta) return { ...filtered(meta.result), since: null, checked: true, complete: meta.complete };
        if (meta && 'recheck' in meta) return { ...value, requests: value.requests + 1 };
        if (meta && 'refilter' in meta) return filtered(problemsOf(state, value.decorations));
        if (windowMoved(tr) && !tr.docChanged) return { ...value, shown: windowed(value.decorations, state.doc, windowOf(state)) };
        if (!tr.docChanged) return value;
        if (value.since) value.since.appendMapping(tr.mapping);
        const ignored = value.ignored === DecorationSet.empty ? value.ignored : value.ignored.map(tr.mapping, tr.doc);
        // Map the problems; remove, at once, those the change touched.
        let { all: decorations, shown } = mapWindowed({ all: value.decorations, shown: value.shown }, tr.mapping, tr.doc);
        const same = shown === decorations;
        let removed = false;
        for (const range of touched(tr)) {
          const hit = decorations.find(range.from, range.to);
          if (hit.length > 0) {
            decorations = decorations.remove(hit);
            removed = true;
            if (!same) shown = shown.remove(shown.find(range.from, range.to));
          }
        }
        return { ...value, decorations, shown: same ? decorations : shown, version: removed ? value.version + 1 : value.version, ignored };
      },
    },
    view: (view) => new LintScheduler(view, options),
    props: {
      decorations: (state) => lintPluginKey.getState(state)?.shown,
      handleClick(view, pos, event) {
        const problem = problemAt(view.state, pos);
        if (!problem || !options.onActivate) return false;
        const target = (event.target as Element | null)?.closest?.('.lint');
        options.onActivate(problem, (target ?? view.dom).getBoundingClientRect());
        return false;
      },
    },
  });
}

function problemsOf(_state: EditorState | null, decorations: DecorationSet): PlacedProblem[] {
  return decorations.find().map((d) => ({ ...(d.spec as { problem: PlacedProblem }).problem, from: d.from, to: d.to }));
}

/** The problems shown in the text, in document order, at their current positions. */
export function currentProblems(state: EditorState): PlacedProblem[] {
  const decorations = lintPluginKey.getState(state)?.decorations;
  return decorations ? problemsOf(state, decorations).sort((a, b) => a.from - b.from) : [];
}

/** The problem under a position, if any. */
export function problemAt(state: EditorState, pos: number): PlacedProblem | null {
  const found = lintPluginKey.getState(state)?.decorations.find(pos, pos) ?? [];
  return found.length ? { ...(found[0]!.spec as { problem: PlacedProblem }).problem, from: found[0]!.from, to: found[0]!.to } : null;
}

/** Asks for a fresh check of the whole article. */
export function requestRecheck(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(lintPluginKey, { recheck: true }).setMeta('addToHistory', false));
}

/** Applies the ignore list again (after the user ignored a problem). */
export function refilterProblems(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(lintPluginKey, { refilter: true }).setMeta('addToHistory', false));
}

/** What makes a problem the same one from one check to the next: its rule, its text and its place. */
function sameProblemKey(problem: { rule: string; category: string }, from: number, to: number, text: string): string {
  return `${from}:${to}:${problem.category}:${problem.rule}:${text}`;
}

/** The ids of the problems shown now, by what makes them the same (see sameProblemKey). */
function keptIds(state: EditorState): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const problem of currentProblems(state)) {
    const key = sameProblemKey(problem, problem.from, problem.to, problem.text);
    const list = ids.get(key);
    if (list) list.push(problem.id);
    else ids.set(key, [problem.id]);
  }
  return ids;
}

/**
 * The id the same problem had in the last result, if it is still shown: a new check that finds
 * it again keeps its id, so the problem list keeps its items (and the keyboard focus in them)
 * and an open problem card stays open. Each id is handed out once.
 */
function takeKeptId(kept: Map<string, string[]>, problem: { rule: string; category: string }, from: number, to: number, text: string): string | undefined {
  return kept.get(sameProblemKey(problem, from, to, text))?.shift();
}

class LintScheduler {
  private readonly task: BackgroundTask;
  private counter = 0;
  private requests = 0;

  constructor(
    private readonly view: EditorView,
    private readonly options: LintOptions,
  ) {
    this.task = new BackgroundTask(() => this.run(), options.delay ?? 500);
  }

  update(view: EditorView, previous: EditorState): void {
    const moved = lintPluginKey.getState(view.state)?.moved;
    if (moved && moved !== lintPluginKey.getState(previous)?.moved && moved.length > 0) this.options.onIgnoresMoved?.(moved);
    const requests = lintPluginKey.getState(view.state)?.requests ?? 0;
    if (requests !== this.requests) {
      this.requests = requests;
      this.task.request(0);
      return;
    }
    if (view.state.doc !== previous.doc) this.task.request();
  }

  private async run(): Promise<void> {
    const doc = this.view.state.doc;
    const blocks = checkTexts(doc);
    this.view.dispatch(this.view.state.tr.setMeta(lintPluginKey, { started: true }).setMeta('addToHistory', false));
    try {
      const answer = await this.options.checker(blocks.map((b) => b.text));
      const found = Array.isArray(answer) ? answer : answer.problems;
      const complete = Array.isArray(answer) || answer.complete;
      if (this.task.destroyed) return;
      const since = lintPluginKey.getState(this.view.state)?.since ?? new Mapping();
      const kept = keptIds(this.view.state);
      const placed: PlacedProblem[] = [];
      for (const p of found) {
        const block = blocks[p.paragraph];
        if (!block || p.end > block.text.length || p.start >= p.end) continue;
        // A problem in a gap's fill is placed on the gap (see placeSpan).
        const at = placeSpan(block, p.start, p.end);
        const from = since.mapResult(at.from, 1);
        const to = since.mapResult(at.to, -1);
        if (from.deleted || to.deleted || to.pos <= from.pos) continue;
        const text = block.text.slice(p.start, p.end);
        const span = block.text.slice(at.textFrom, at.textTo);
        // Dropped when its text changed since the request.
        if (checkTextBetween(this.view.state.doc, from.pos, to.pos) !== span) continue;
        placed.push({ ...p, id: takeKeptId(kept, p, from.pos, to.pos, text) ?? `p${++this.counter}`, from: from.pos, to: to.pos, text, span, offset: p.start - at.textFrom });
      }
      this.view.dispatch(this.view.state.tr.setMeta(lintPluginKey, { result: placed, complete }).setMeta('addToHistory', false));
    } catch (error) {
      if (!this.task.destroyed) this.options.onError?.(error);
    }
  }

  destroy(): void {
    this.task.destroy();
  }
}
