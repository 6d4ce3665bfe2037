/**
 * GapView: a gap shown as an inline text field inside the article.
 *
 * The field belongs to the view, not to ProseMirror's contenteditable: the view stops its events
 * and ignores its mutations. Each input writes the fill to the document (so it is saved, exported
 * and undoable); Enter or Escape hands the cursor back to the text after the gap, and the arrow
 * keys leave the field at its ends, so the whole article can be worked with the keyboard alone.
 *
 * The field is a one-line textarea rather than an input: sized to its fill (`field-sizing`), it
 * wraps within the line's width, so a long fill is read in full instead of being cut off at the
 * field's edge (on a narrow screen a fill of a few words is wider than the text). Line breaks
 * never get into it: Enter leaves the field, and pasted or dropped breaks become spaces.
 *
 * Each field is named with its number ("Gap 2 of 5"), read from the gap plugin's list; when gaps
 * are added or removed, the plugin below renames the fields, so the numbers cost the text nothing.
 *
 * A text field costs the browser far more than text: at start-up Chromium styles, lays out and
 * inspects (for autofill) every field on the page, about a millisecond each, before the first
 * frame. So with `nearView`, a gap far from the screen shows a look-alike of its field (the same
 * box, fill or marker, name) and gets its real field when it comes within reach of the screen,
 * or at once when it is selected, clicked or focused. Without `nearView` every gap is a field.
 */
import { redo, undo } from 'prosemirror-history';
import type { Node } from 'prosemirror-model';
import { NodeSelection, Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView, NodeView } from 'prosemirror-view';
import { FOCUS_GAP_FIELD, gapNumber, gapOrder, gapPosition, leaveGap, setGapFill } from './gaps.ts';

/** Key handling shared with the text: the editor's own shortcuts (undo, gap navigation). */
export type GapKeyHandler = (view: EditorView, event: KeyboardEvent) => boolean;

/** The gap fields each view shows, to rename them when the numbering changes. */
const fieldsOf = new WeakMap<EditorView, Set<GapView>>();

/**
 * The field that had the keyboard when the view redrew it (ProseMirror redraws the whole text when
 * the document node's own attributes change; speakers live on the title so that quote detection
 * does not cause it, but a change of line endings or a reverted article still can): the new field
 * for the same gap gets the focus and the caret back, so typing goes on in the gap, not the text.
 */
const focusedOf = new WeakMap<EditorView, { id: string; start: number | null; end: number | null }>();

/**
 * Calls `near` once `element` is within reach of the screen; returns a function that stops
 * watching. See near-view.ts.
 */
export type NearView = (element: Element, near: () => void) => () => void;

/** Counts the transactions that asked for the selected gap's field to take the keyboard. */
const focusRequests = new PluginKey<number>('gap-field-focus');

/** Shows gaps as GapViews and keeps their numbers right. */
export function gapFieldsPlugin(handleKey: GapKeyHandler, nearView: NearView | null = null): Plugin<number> {
  return new Plugin<number>({
    key: focusRequests,
    state: {
      init: () => 0,
      apply: (tr, count) => (tr.getMeta(FOCUS_GAP_FIELD) ? count + 1 : count),
    },
    props: {
      nodeViews: { gap: (node, view) => new GapView(node, view, handleKey, nearView) },
    },
    view: () => ({
      update(view: EditorView, previous: EditorState) {
        const focused = focusedOf.get(view);
        if (focused) {
          focusedOf.delete(view);
          for (const field of fieldsOf.get(view) ?? []) if (field.id === focused.id) field.refocus(focused.start, focused.end);
        }
        // A gap selected again (the Gaps panel, "Go to gap") while its field was left: the field
        // takes the keyboard, or typing would go to the text and replace the selected gap.
        const { selection } = view.state;
        if (focusRequests.getState(view.state) !== focusRequests.getState(previous) && selection instanceof NodeSelection) {
          for (const field of fieldsOf.get(view) ?? []) if (field.id === selection.node.attrs.id) field.takeKeyboard();
        }
        if (gapOrder(view.state) === gapOrder(previous)) return;
        for (const field of fieldsOf.get(view) ?? []) field.renumber();
      },
    }),
  });
}

export class GapView implements NodeView {
  readonly dom: HTMLElement;
  /** The real field; null while the gap shows its look-alike (see the module's comment). */
  private input: HTMLTextAreaElement | null = null;
  /** The look-alike shown until the field is made. */
  private face: HTMLElement | null = null;
  private stopWatching: (() => void) | null = null;
  private node: Node;
  private label = '';
  /** Set while the field takes the keyboard in a way after which the view selects the gap. */
  private viewSelects = false;
  /** Set while this view selects its own gap because its field took the keyboard. */
  private following = false;

  constructor(
    node: Node,
    private readonly view: EditorView,
    private readonly handleKey: GapKeyHandler,
    nearView: NearView | null = null,
  ) {
    this.node = node;
    this.dom = document.createElement('span');
    this.dom.className = 'gap-field';
    let fields = fieldsOf.get(view);
    if (!fields) fieldsOf.set(view, (fields = new Set()));
    fields.add(this);
    if (nearView) {
      const face = document.createElement('span');
      face.className = 'gap-face';
      face.setAttribute('role', 'textbox');
      face.tabIndex = -1;
      face.addEventListener('focus', () => {
        // A press on the look-alike: the view selects the gap itself when the button comes up.
        this.viewSelects = true;
        try {
          this.focus();
        } finally {
          this.viewSelects = false;
        }
      });
      this.face = face;
      this.dom.appendChild(face);
      this.stopWatching = nearView(this.dom, () => this.makeField());
    } else {
      this.makeField();
    }
    this.render();
  }

  /** The id of the gap this field shows. */
  get id(): string {
    return this.node.attrs.id as string;
  }

  /** The real field, made now if the gap still shows its look-alike. */
  private makeField(): HTMLTextAreaElement {
    if (this.input) return this.input;
    this.stopWatching?.();
    this.stopWatching = null;
    const input = document.createElement('textarea');
    input.rows = 1;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.placeholder = this.node.attrs.marker as string;
    input.addEventListener('input', () => {
      // A break that got in some other way than a paste (dropped text, say) becomes a space too.
      if (/[\n\r]/.test(input.value)) {
        const { selectionStart, selectionEnd } = input;
        input.value = input.value.replace(/[\n\r]/g, ' ');
        input.setSelectionRange(selectionStart, selectionEnd);
      }
      this.run(setGapFill(this.id, input.value));
    });
    // A field holds one line: pasted line breaks and runs of spaces become one space each (the
    // browser would turn each break into a space of its own, leaving double spaces).
    input.addEventListener('paste', (event) => {
      const text = event.clipboardData?.getData('text/plain');
      if (!text || !/\s\s|[\n\r\t]/.test(text)) return;
      event.preventDefault();
      input.setRangeText(text.replace(/\s+/g, ' '), input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, 'end');
      this.run(setGapFill(this.id, input.value));
    });
    input.addEventListener('keydown', (event) => this.onKeyDown(event));
    // The browser's own undo (its Edit menu, or Ctrl+Z while nothing has the focus) would step
    // back through the field's typing on its own; the article's history does it instead.
    input.addEventListener('beforeinput', (event) => {
      if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return;
      event.preventDefault();
      if (this.view.editable) this.run(event.inputType === 'historyUndo' ? undo : redo);
    });
    input.addEventListener('focus', () => {
      this.dom.classList.add('gap-focused');
      this.followFocus();
    });
    input.addEventListener('blur', () => this.dom.classList.remove('gap-focused'));
    this.input = input;
    this.label = '';
    if (this.face) this.face.replaceWith(input);
    else this.dom.appendChild(input);
    this.face = null;
    this.render();
    return input;
  }

  /**
   * The article's selection follows the keyboard into the field (a click, Tab), so that undoing
   * the fill comes back to this gap rather than to wherever the text's caret was last.
   */
  private followFocus(): void {
    if (this.viewSelects) return;
    const { state } = this.view;
    const { selection } = state;
    if (selection instanceof NodeSelection && selection.node.attrs.id === this.id) return;
    const pos = gapPosition(state, this.id);
    if (pos === null) return;
    this.following = true;
    try {
      this.view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, pos)));
    } finally {
      this.following = false;
    }
  }

  /** Takes the keyboard back after a redraw, with the caret where it was. */
  refocus(start: number | null, end: number | null): void {
    const input = this.makeField();
    input.focus();
    if (start !== null && end !== null) input.setSelectionRange(start, end);
  }

  private run(command: Command): boolean {
    return command(this.view.state, this.view.dispatch, this.view);
  }

  private render(): void {
    const fill = this.node.attrs.fill as string;
    const { input, face } = this;
    if (input) {
      if (input.value !== fill) input.value = fill;
      // Only where `field-sizing` is not supported: roughly as wide as the fill.
      input.cols = Math.max(4, [...fill].length + 1);
      input.readOnly = !this.view.editable;
    } else if (face) {
      const shown = fill || (this.node.attrs.marker as string);
      if (face.textContent !== shown) face.textContent = shown;
    }
    this.renumber();
    this.dom.dataset.gapId = this.id;
    this.dom.classList.toggle('gap-empty', fill === '');
  }

  /** Names the field with its current number (only touching the DOM when the name changed). */
  renumber(): void {
    const n = gapNumber(this.view.state, this.id);
    const fill = this.node.attrs.fill as string;
    const label = n ? `Gap ${n.number} of ${n.total}` : 'Gap';
    const title = `${label}${fill ? '' : ' (empty)'} — Enter or Esc returns to the text`;
    if (title === this.label) return;
    this.label = title;
    const named = this.input ?? this.face;
    if (!named) return;
    named.setAttribute('aria-label', label);
    named.title = title;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const input = this.input;
    if (!input) return;
    const { selectionStart, selectionEnd, value } = input;
    if (event.key === 'Enter' || event.key === 'Escape') {
      event.preventDefault();
      this.run(leaveGap(this.id, 1));
      this.view.focus();
      return;
    }
    const collapsed = selectionStart === selectionEnd;
    if (collapsed && event.key === 'ArrowRight' && selectionEnd === value.length && !event.shiftKey) {
      event.preventDefault();
      this.run(leaveGap(this.id, 1));
      this.view.focus();
      return;
    }
    if (collapsed && event.key === 'ArrowLeft' && selectionStart === 0 && !event.shiftKey) {
      event.preventDefault();
      this.run(leaveGap(this.id, -1));
      this.view.focus();
      return;
    }
    if (this.handleKey(this.view, event)) event.preventDefault();
  }

  /** Focuses the field and selects its text, ready to be typed over. */
  focus(): void {
    const input = this.makeField();
    input.focus();
    input.select();
  }

  /** Focuses the field as `focus` does, unless it has the keyboard already (then it keeps its caret). */
  takeKeyboard(): void {
    if (this.input && this.input.ownerDocument.activeElement === this.input) return;
    this.focus();
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
    // Selecting a gap (arrowing onto it, a shortcut, the gaps list) puts the cursor in its field;
    // when the selection only followed the keyboard into the field, the field keeps its caret.
    if (this.following) return;
    this.focus();
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type || node.attrs.id !== this.node.attrs.id) return false;
    this.node = node;
    this.render();
    return true;
  }

  destroy(): void {
    fieldsOf.get(this.view)?.delete(this);
    this.stopWatching?.();
    const input = this.input;
    if (input && input.ownerDocument.activeElement === input) {
      focusedOf.set(this.view, { id: this.id, start: input.selectionStart, end: input.selectionEnd });
    }
  }

  stopEvent(event: Event): boolean {
    return this.input !== null && event.target === this.input;
  }

  ignoreMutation(): boolean {
    return true;
  }
}
