/**
 * Gaps: the blanks (`__`) left in an article for the copy editor to fill.
 *
 * The gap plugin keeps, in its own state, the list of gaps in document order and a decoration set
 * that marks each gap with its number ("Gap 1 of 2"). Typing in the text does not rescan the
 * document: the decorations are mapped through the change, and the list is rebuilt only when a
 * change touches a gap (a fill, a deletion, an insertion that contains one).
 */
import type { Node } from 'prosemirror-model';
import { NodeSelection, Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { AttrStep } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** One gap as the panels show it. */
export interface GapInfo {
  id: string;
  /** 0-based position in document order. */
  index: number;
  fill: string;
}

/** A gap with its position in one particular document. */
export interface PlacedGap extends GapInfo {
  pos: number;
}

export interface GapPluginState {
  gaps: readonly GapInfo[];
  decorations: DecorationSet;
}

export const gapPluginKey = new PluginKey<GapPluginState>('gaps');

/** Every gap in the document, in order, with its position. */
export function findGaps(doc: Node): PlacedGap[] {
  const gaps: PlacedGap[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'gap') gaps.push({ id: node.attrs.id as string, index: gaps.length, fill: node.attrs.fill as string, pos });
    return node.isBlock;
  });
  return gaps;
}

function buildState(doc: Node): GapPluginState {
  const gaps = findGaps(doc);
  const decorations = DecorationSet.create(
    doc,
    gaps.map((gap) =>
      Decoration.node(gap.pos, gap.pos + 1, { 'data-gap-number': String(gap.index + 1) }, { id: gap.id, index: gap.index, total: gaps.length }),
    ),
  );
  return { gaps: gaps.map(({ id, index, fill }) => ({ id, index, fill })), decorations };
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

/** Keeps the gap list and the "Gap n of m" decorations up to date. */
export function gapPlugin(): Plugin<GapPluginState> {
  return new Plugin<GapPluginState>({
    key: gapPluginKey,
    state: {
      init: (_, state) => buildState(state.doc),
      apply(tr, value) {
        if (!tr.docChanged) return value;
        if (touchesGap(tr)) return buildState(tr.doc);
        // The list keeps its identity, so panels that show it do not re-render on typing.
        return { gaps: value.gaps, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => gapPluginKey.getState(state)?.decorations,
    },
  });
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

/** A transaction step that sets the fill of gap `id`. Replacing the node (rather than setting an
 * attribute) lets the history group consecutive keystrokes in one field into one undo step. */
export function setGapFill(id: string, fill: string): Command {
  return (state, dispatch) => {
    const pos = gapPosition(state, id);
    if (pos === null) return false;
    const node = state.doc.nodeAt(pos);
    if (!node || node.type.name !== 'gap' || node.attrs.fill === fill) return false;
    if (dispatch) {
      const replacement = node.type.create({ ...node.attrs, fill }, null, node.marks);
      dispatch(state.tr.replaceWith(pos, pos + 1, replacement));
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

/** Selects the gap with this id (the gap view then focuses its field). */
export function selectGap(id: string): Command {
  return (state, dispatch) => {
    const pos = gapPosition(state, id);
    if (pos === null) return false;
    if (dispatch) dispatch(state.tr.setSelection(NodeSelection.create(state.doc, pos)).scrollIntoView());
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

/** A few words around a gap, for the gaps list ("… filled with ▢ thousands of …"). */
export function gapContext(doc: Node, pos: number, words = 4): { before: string; after: string } {
  const $pos = doc.resolve(pos);
  const block = $pos.parent;
  const offset = $pos.parentOffset;
  const text = (from: number, to: number) => block.textBetween(from, to, ' ', (leaf) => (leaf.type.name === 'gap' ? (leaf.attrs.fill as string) || '__' : ' '));
  const beforeWords = text(Math.max(0, offset - 200), offset).split(/\s+/).filter(Boolean).slice(-words);
  const afterWords = text(Math.min(block.content.size, offset + 1), Math.min(block.content.size, offset + 201)).split(/\s+/).filter(Boolean).slice(0, words);
  return { before: beforeWords.join(' '), after: afterWords.join(' ') };
}
