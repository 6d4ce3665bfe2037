/**
 * GapView: a gap shown as an inline text field inside the article.
 *
 * The field belongs to the view, not to ProseMirror's contenteditable: the view stops its events
 * and ignores its mutations. Each input writes the fill to the document (so it is saved, exported
 * and undoable); Enter or Escape hands the cursor back to the text after the gap, and the arrow
 * keys leave the field at its ends, so the whole article can be worked with the keyboard alone.
 */
import type { Node } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import type { Decoration, EditorView, NodeView } from 'prosemirror-view';
import { leaveGap, setGapFill } from './gaps.ts';

/** Key handling shared with the text: the editor's own shortcuts (undo, gap navigation). */
export type GapKeyHandler = (view: EditorView, event: KeyboardEvent) => boolean;

function numbering(decorations: readonly Decoration[]): { index: number; total: number } | null {
  for (const deco of decorations) {
    const spec = deco.spec as { index?: number; total?: number };
    if (typeof spec.index === 'number' && typeof spec.total === 'number') return { index: spec.index, total: spec.total };
  }
  return null;
}

export class GapView implements NodeView {
  readonly dom: HTMLElement;
  private readonly input: HTMLInputElement;
  private node: Node;

  constructor(
    node: Node,
    private readonly view: EditorView,
    decorations: readonly Decoration[],
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
    this.render(decorations);
    this.input.addEventListener('input', () => this.run(setGapFill(this.id, this.input.value)));
    this.input.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.input.addEventListener('focus', () => this.dom.classList.add('gap-focused'));
    this.input.addEventListener('blur', () => this.dom.classList.remove('gap-focused'));
  }

  private get id(): string {
    return this.node.attrs.id as string;
  }

  private run(command: Command): boolean {
    return command(this.view.state, this.view.dispatch, this.view);
  }

  private render(decorations: readonly Decoration[]): void {
    const fill = this.node.attrs.fill as string;
    if (this.input.value !== fill) this.input.value = fill;
    this.input.size = Math.max(4, [...fill].length + 1);
    this.input.readOnly = !this.view.editable;
    const n = numbering(decorations);
    const label = n ? `Gap ${n.index + 1} of ${n.total}` : 'Gap';
    this.input.setAttribute('aria-label', label);
    this.input.title = `${label}${fill ? '' : ' (empty)'} — Enter or Esc returns to the text`;
    this.dom.dataset.gapId = this.id;
    this.dom.classList.toggle('gap-empty', fill === '');
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

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type || node.attrs.id !== this.node.attrs.id) return false;
    this.node = node;
    this.render(decorations);
    return true;
  }

  stopEvent(event: Event): boolean {
    return event.target === this.input;
  }

  ignoreMutation(): boolean {
    return true;
  }
}
