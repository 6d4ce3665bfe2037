/**
 * GapView: a gap shown as an inline text field inside the article.
 *
 * The field belongs to the view, not to ProseMirror's contenteditable: the view stops its events
 * and ignores its mutations. Each input writes the fill to the document (so it is saved, exported
 * and undoable); Enter or Escape hands the cursor back to the text after the gap, and the arrow
 * keys leave the field at its ends, so the whole article can be worked with the keyboard alone.
 *
 * Each field is named with its number ("Gap 2 of 5"), read from the gap plugin's list; when gaps
 * are added or removed, the plugin below renames the fields, so the numbers cost the text nothing.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView, NodeView } from 'prosemirror-view';
import { gapNumber, gapOrder, leaveGap, setGapFill } from './gaps.ts';

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

/** Shows gaps as GapViews and keeps their numbers right. */
export function gapFieldsPlugin(handleKey: GapKeyHandler): Plugin {
  return new Plugin({
    props: {
      nodeViews: { gap: (node, view) => new GapView(node, view, handleKey) },
    },
    view: () => ({
      update(view: EditorView, previous: EditorState) {
        const focused = focusedOf.get(view);
        if (focused) {
          focusedOf.delete(view);
          for (const field of fieldsOf.get(view) ?? []) if (field.id === focused.id) field.refocus(focused.start, focused.end);
        }
        if (gapOrder(view.state) === gapOrder(previous)) return;
        for (const field of fieldsOf.get(view) ?? []) field.renumber();
      },
    }),
  });
}

export class GapView implements NodeView {
  readonly dom: HTMLElement;
  private readonly input: HTMLInputElement;
  private node: Node;
  private label = '';

  constructor(
    node: Node,
    private readonly view: EditorView,
    private readonly handleKey: GapKeyHandler,
  ) {
    this.node = node;
    this.dom = document.createElement('span');
    this.dom.className = 'gap-field';
    this.input = document.createElement('input');
    this.input.type = 'text';
    this.input.spellcheck = false;
    this.input.autocomplete = 'off';
    this.input.placeholder = node.attrs.marker as string;
    this.dom.appendChild(this.input);
    let fields = fieldsOf.get(view);
    if (!fields) fieldsOf.set(view, (fields = new Set()));
    fields.add(this);
    this.render();
    this.input.addEventListener('input', () => this.run(setGapFill(this.id, this.input.value)));
    this.input.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.input.addEventListener('focus', () => this.dom.classList.add('gap-focused'));
    this.input.addEventListener('blur', () => this.dom.classList.remove('gap-focused'));
  }

  /** The id of the gap this field shows. */
  get id(): string {
    return this.node.attrs.id as string;
  }

  /** Takes the keyboard back after a redraw, with the caret where it was. */
  refocus(start: number | null, end: number | null): void {
    this.input.focus();
    if (start !== null && end !== null) this.input.setSelectionRange(start, end);
  }

  private run(command: Command): boolean {
    return command(this.view.state, this.view.dispatch, this.view);
  }

  private render(): void {
    const fill = this.node.attrs.fill as string;
    if (this.input.value !== fill) this.input.value = fill;
    this.input.size = Math.max(4, [...fill].length + 1);
    this.input.readOnly = !this.view.editable;
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
    this.input.setAttribute('aria-label', label);
    this.input.title = title;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const { selectionStart, selectionEnd, value } = this.input;
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
    this.input.focus();
    this.input.select();
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
    // Selecting a gap (arrowing onto it, a shortcut, the gaps list) puts the cursor in its field.
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
    if (this.input.ownerDocument.activeElement === this.input) {
      focusedOf.set(this.view, { id: this.id, start: this.input.selectionStart, end: this.input.selectionEnd });
    }
  }

  stopEvent(event: Event): boolean {
    return event.target === this.input;
  }

  ignoreMutation(): boolean {
    return true;
  }
}
