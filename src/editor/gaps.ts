/**
 * Gaps: the blanks (`__`) left in an article for the copy editor to fill.
 *
 * The gap plugin keeps, in its own state, the list of gaps in document order and a decoration set
 * that tracks where each gap is. Typing in the text does not rescan the document: the decorations
 * are mapped through the change, and the list is rebuilt only when a change adds or removes a gap;
 * typing in a gap's field only updates that gap's fill. The set is not drawn (the view gets no
 * decorations from it): the gap fields read their numbers ("Gap 1 of 2") from the list.
 */
import type { Node } from 'prosemirror-model';
import { NodeSelection, Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { AttrStep, ReplaceStep } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** One gap as the panels show it. */
export interface GapInfo {
  id: string;
  /** 0-based position in document order. */
  index: number;
  fill: string;
  /** How the gap is written in the article's text (`__`, `___`, …): what an empty gap exports as. */
  marker: string;
}

/** A gap with its position in one particular document. */
export interface PlacedGap extends GapInfo {
  pos: number;
}

export interface GapPluginState {
  gaps: readonly GapInfo[];
  /** The gap ids in order; the same array as long as no gap is added, removed or moved. */
  order: readonly string[];
  /** One node decoration per gap (spec: its id), mapped through every change: the positions. */
  decorations: DecorationSet;
}

export const gapPluginKey = new PluginKey<GapPluginState>('gaps');

/** Every gap in the document, in order, with its position. */
export function findGaps(doc: Node): PlacedGap[] {
  const gaps: PlacedGap[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'gap') gaps.push({ id: node.attrs.id as string, index: gaps.length, fill: node.attrs.fill as string, marker: node.attrs.marker as string, pos });
    return node.isBlock;
  });
  return gaps;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function buildState(doc: Node, previous?: GapPluginState): GapPluginState {
  const gaps = findGaps(doc);
  const decorations = DecorationSet.create(
    doc,
    gaps.map((gap) => Decoration.node(gap.pos, gap.pos + 1, {}, { id: gap.id })),
  );
  const order = gaps.map((gap) => gap.id);
  return {
    gaps: gaps.map(({ id, index, fill, marker }) => ({ id, index, fill, marker })),
    order: previous && sameOrder(previous.order, order) ? previous.order : order,
    decorations,
  };
}

/**
 * When the transaction only replaced one gap by itself with another fill (what typing in a gap's
 * field does), the gap with its new fill; otherwise null.
 */
function refilledGap(tr: Transaction): { id: string; fill: string; pos: number } | null {
  if (tr.steps.length !== 1) return null;
  const step = tr.steps[0];
  if (!(step instanceof ReplaceStep) || step.to - step.from !== 1) return null;
  const { content, openStart, openEnd } = step.slice;
  if (openStart !== 0 || openEnd !== 0 || content.childCount !== 1) return null;
  const before = tr.docs[0]!.nodeAt(step.from);
  const after = content.firstChild!;
  if (before?.type.name !== 'gap' || after.type.name !== 'gap' || before.attrs.id !== after.attrs.id) return null;
  return { id: after.attrs.id as string, fill: after.attrs.fill as string, pos: step.from };
}

function touchesGap(tr: Transaction): boolean {
  if (tr.steps.some((step) => step instanceof AttrStep)) return true;
  for (let i = 0; i < tr.steps.length; i++) {
    const before = tr.docs[i]!;
    const after = i + 1 < tr.docs.length ? tr.docs[i + 1]! : tr.doc;
    let touched = false;
    tr.mapping.maps[i]!.forEach((oldStart, oldEnd, newStart, newEnd) => {
      if (touched) return;
      if (oldEnd > oldStart) before.nodesBetween(oldStart, oldEnd, (node) => (node.type.name === 'gap' ? ((touched = true), false) : !touched));
      if (newEnd > newStart) after.nodesBetween(newStart, newEnd, (node) => (node.type.name === 'gap' ? ((touched = true), false) : !touched));
    });
    if (touched) return true;
  }
  return false;
}

/** Keeps the gap list and the gaps' positions up to date. */
export function gapPlugin(): Plugin<GapPluginState> {
  return new Plugin<GapPluginState>({
    key: gapPluginKey,
    state: {
      init: (_, state) => buildState(state.doc),
      apply(tr, value) {
        if (!tr.docChanged) return value;
        const refilled = refilledGap(tr);
        if (refilled) {
          const gaps = value.gaps.map((gap) => (gap.id === refilled.id ? { ...gap, fill: refilled.fill } : gap));
          // Mapping drops the replaced node's decoration: the new node gets its own.
          const decorations = value.decorations
            .map(tr.mapping, tr.doc)
            .add(tr.doc, [Decoration.node(refilled.pos, refilled.pos + 1, {}, { id: refilled.id })]);
          return { gaps, order: value.order, decorations };
        }
        if (touchesGap(tr)) return buildState(tr.doc, value);
        // The list keeps its identity, so panels that show it do not re-render on typing.
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
  });
}

const numberings = new WeakMap<readonly string[], Map<string, number>>();

/** The number of the gap with this id and the number of gaps ("Gap 2 of 5"), or null. */
export function gapNumber(state: EditorState, id: string): { number: number; total: number } | null {
  const order = gapPluginKey.getState(state)?.order;
  if (!order) return null;
  let index = numberings.get(order);
  if (!index) numberings.set(order, (index = new Map(order.map((gapId, i) => [gapId, i]))));
  const i = index.get(id);
  return i === undefined ? null : { number: i + 1, total: order.length };
}

/** The order of the gaps (a new array only when gaps were added, removed or moved). */
export function gapOrder(state: EditorState): readonly string[] {
  return gapPluginKey.getState(state)?.order ?? [];
}

/** The gaps of an editor state (from the plugin, without scanning the document). */
export function gapsOf(state: EditorState): readonly GapInfo[] {
  return gapPluginKey.getState(state)?.gaps ?? [];
}

/** The gaps of an editor state with their current positions (from the plugin's decorations). */
export function placedGaps(state: EditorState): PlacedGap[] {
  const decorations = gapPluginKey.getState(state)?.decorations.find() ?? [];
  const positions = new Map(decorations.map((d) => [(d.spec as { id: string }).id, d.from]));
  return gapsOf(state).map((gap) => ({ ...gap, pos: positions.get(gap.id) ?? -1 })).filter((gap) => gap.pos >= 0);
}

/** The current position of the gap with this id, or null. */
export function gapPosition(state: EditorState, id: string): number | null {
  const found = gapPluginKey.getState(state)?.decorations.find(undefined, undefined, (spec) => (spec as { id?: string }).id === id);
  return found && found.length > 0 ? found[0]!.from : null;
}

/**
 * A transaction step that sets the fill of gap `id`. Replacing the node (rather than setting an
 * attribute) lets the history group consecutive keystrokes in one field into one undo step.
 * A selection on the gap stays on it (mapped, it would fall to a caret before the gap, from
 * where "next gap" would come back to this one).
 */
export function setGapFill(id: string, fill: string): Command {
  return (state, dispatch) => {
    const pos = gapPosition(state, id);
    if (pos === null) return false;
    const node = state.doc.nodeAt(pos);
    if (!node || node.type.name !== 'gap' || node.attrs.fill === fill) return false;
    if (dispatch) {
      const replacement = node.type.create({ ...node.attrs, fill }, null, node.marks);
      const tr = state.tr.replaceWith(pos, pos + 1, replacement);
      const { selection } = state;
      if (selection instanceof NodeSelection && selection.from === pos) tr.setSelection(NodeSelection.create(tr.doc, pos));
      dispatch(tr);
    }
    return true;
  };
}

/**
 * The gap to go to from the selection: the next (dir 1) or previous (dir -1) one, optionally only
 * empty ones, wrapping around the document. Null when there is none.
 */
export function adjacentGap(state: EditorState, dir: 1 | -1, emptyOnly = false): PlacedGap | null {
  const gaps = placedGaps(state).filter((gap) => !emptyOnly || gap.fill === '');
  if (gaps.length === 0) return null;
  const sel = state.selection;
  const here = sel instanceof NodeSelection && sel.node.type.name === 'gap' ? sel.from : null;
  if (dir === 1) {
    const from = here ?? sel.from - 1;
    return gaps.find((gap) => gap.pos > from) ?? gaps[0]!;
  }
  const from = here ?? sel.from;
  return [...gaps].reverse().find((gap) => gap.pos < from) ?? gaps[gaps.length - 1]!;
}

/**
 * The meta of a transaction that asks for the selected gap's field to take the keyboard: the gap
 * view focuses a field when its gap becomes selected, but a gap selected already (its field left
 * for a panel or a dialog) stays selected, and its field would not hear of it.
 */
export const FOCUS_GAP_FIELD = 'focusGapField';

/** Selects the gap with this id; the gap view then focuses its field (also if it was selected). */
export function selectGap(id: string): Command {
  return (state, dispatch) => {
    const pos = gapPosition(state, id);
    if (pos === null) return false;
    if (dispatch) dispatch(state.tr.setSelection(NodeSelection.create(state.doc, pos)).setMeta(FOCUS_GAP_FIELD, true).scrollIntoView());
    return true;
  };
}

/** Moves the text cursor just after (side 1) or before (side -1) the gap with this id. */
export function leaveGap(id: string, side: 1 | -1): Command {
  return (state, dispatch) => {
    const pos = gapPosition(state, id);
    if (pos === null) return false;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, side === 1 ? pos + 1 : pos)).scrollIntoView());
    return true;
  };
}

/**
 * A few words around a gap, for the gaps list ("… filled with ▢ thousands of …"); other gaps in
 * them read as their fill, or as their own marker while empty.
 */
export function gapContext(doc: Node, pos: number, words = 4): { before: string; after: string } {
  const $pos = doc.resolve(pos);
  const block = $pos.parent;
  const offset = $pos.parentOffset;
  const text = (from: number, to: number) => block.textBetween(from, to, ' ', (leaf) => (leaf.type.name === 'gap' ? (leaf.attrs.fill as string) || (leaf.attrs.marker as string) : ' '));
  const beforeWords = text(Math.max(0, offset - 200), offset).split(/\s+/).filter(Boolean).slice(-words);
  const afterWords = text(Math.min(block.content.size, offset + 1), Math.min(block.content.size, offset + 201)).split(/\s+/).filter(Boolean).slice(0, words);
  return { before: beforeWords.join(' '), after: afterWords.join(' ') };
}
