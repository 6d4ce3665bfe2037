/**
 * An editor session: one EditorView on one article, in plain TypeScript.
 *
 * The session owns the EditorState (selection, history, plugin state). Anything outside the editor
 * (the store, the React panels) observes it through `subscribe`/`getState`, the shape that
 * React's useSyncExternalStore expects, and changes it only through commands. A keystroke costs
 * what it costs ProseMirror plus a call to each listener, which must not do work that grows with
 * the document.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { gapFieldsPlugin, type NearView } from './gap-view.ts';
import { gapFieldKeys, quoteShortcuts, type Shortcut } from './keymap.ts';
import { quotePlugin, quotePluginKey, type QuoteAnalyzer } from './quote-plugin.ts';
import { changesPlugin } from './changes-plugin.ts';
import { lintPlugin, type LintOptions } from './lint-plugin.ts';
import { quotesInDoc } from './quote-marks.ts';
import { plainTextPastePlugin } from './paste.ts';
import { caretBlockPlugin } from './caret-block.ts';
import { createEditorState, type SavedSelection } from './state.ts';
import { gapsOf } from './gaps.ts';
import { speakerColoursPlugin } from './speaker-colors.ts';
import { withUnreadSelection } from './unread-selection.ts';
import { revealInMiddle } from './reveal.ts';

export interface SessionOptions {
  doc: Node;
  selection?: SavedSelection | null;
  extraShortcuts?: readonly Shortcut[];
  /** Called after every transaction that changed the document or the selection. */
  onChange?: (state: EditorState, tr: Transaction) => void;
  /** Called when a change to the text is refused because the session is not editable. */
  onRefused?: () => void;
  /** Called when a transaction removed gaps (so the app can offer to undo). */
  onGapsRemoved?: (count: number) => void;
  /** Attributes for the editable element (e.g. an aria-label). */
  attributes?: Record<string, string>;
  /** Proofreading; without it the session shows no problems. */
  lint?: LintOptions;
  /**
   * The article as loaded, for "Show changes" and reverting single changes. A function is called
   * (once) only when the original is first needed, so a session that never shows changes never
   * holds a second copy of the article.
   */
  original?: Node | (() => Node);
  /**
   * Makes a gap's text field only once it comes near the screen (see gap-view.ts); without it,
   * every gap is a field from the start.
   */
  nearView?: NearView | null;
  /** How much of the window's top is covered (a sticky toolbar), for bringing places into view. */
  topInset?: () => number;
  /** Quote detection and the speaker picker; without it the session finds no quotes. */
  quotes?: { analyzer: QuoteAnalyzer; openPicker: (quoteId: string, anchor: DOMRect) => void; onError?: (error: unknown) => void };
}

export class EditorSession {
  readonly view: EditorView;
  private originalDoc: Node | (() => Node) | null;
  private readonly listeners = new Set<() => void>();
  private editable = true;

  constructor(mount: HTMLElement, private readonly options: SessionOptions) {
    this.originalDoc = options.original ?? null;
    const quotes = options.quotes;
    const openPicker = (quoteId: string, view: EditorView) => {
      const quote = quotesInDoc(view.state.doc).find((q) => q.id === quoteId);
      const coords = view.coordsAtPos(quote?.segments[0]?.from ?? view.state.selection.from);
      quotes?.openPicker(quoteId, new DOMRect(coords.left, coords.top, 0, coords.bottom - coords.top));
    };
    const extraShortcuts = [...(options.extraShortcuts ?? []), ...(quotes ? quoteShortcuts(openPicker) : [])];
    const plugins = [plainTextPastePlugin(), caretBlockPlugin(), gapFieldsPlugin(gapFieldKeys(extraShortcuts), options.nearView)];
    if (options.original) plugins.push(changesPlugin(() => this.original!));
    if (options.lint) plugins.push(lintPlugin(options.lint));
    if (quotes) plugins.push(speakerColoursPlugin(), quotePlugin({ analyzer: quotes.analyzer, onActivate: quotes.openPicker, onError: quotes.onError }));
    const state = createEditorState(options.doc, { selection: options.selection ?? null, extraShortcuts, plugins });
    this.view = new EditorView(mount, {
      state,
      attributes: options.attributes ?? {},
      dispatchTransaction: (tr) => this.dispatch(tr),
    });
  }

  /** The article as loaded (null when the session was opened without it); built on first use. */
  get original(): Node | null {
    if (typeof this.originalDoc === 'function') this.originalDoc = this.originalDoc();
    return this.originalDoc;
  }

  private dispatch(tr: Transaction): void {
    // A read-only session changes no text: not by typing (ProseMirror stops that) and not by a
    // command from a panel or a card either. Quote detection's own proposals still land.
    if (!this.editable && tr.docChanged && tr.getMeta(quotePluginKey) === undefined) {
      this.options.onRefused?.();
      return;
    }
    // A caret the user has just moved, not yet read by ProseMirror, would be put back by this
    // transaction's redraw (see unread-selection.ts).
    withUnreadSelection(this.view, tr);
    const before = this.view.state;
    const after = before.apply(tr);
    // Through setProps rather than updateState: the view keeps the props it was last given, and
    // with updateState those would hold the state the article was opened with (its whole first
    // document and plugin states) for as long as the editor is open.
    this.view.setProps({ state: after });
    if (tr.docChanged) {
      const removed = gapsOf(before).length - gapsOf(after).length;
      if (removed > 0) this.options.onGapsRemoved?.(removed);
    }
    if (tr.docChanged || tr.selectionSet) this.options.onChange?.(after, tr);
    for (const listener of this.listeners) listener();
  }

  /** The current editor state (immutable; a new object after every transaction). */
  getState = (): EditorState => this.view.state;

  /** Registers a listener called after every transaction; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs a command against the current state. */
  run(command: Command, focus = true): boolean {
    const done = command(this.view.state, this.view.dispatch, this.view);
    if (done && focus && !this.view.hasFocus() && !(document.activeElement instanceof HTMLTextAreaElement && this.view.dom.contains(document.activeElement))) {
      this.view.focus();
    }
    return done;
  }

  /**
   * Takes the user to a place in the text from outside it (an item in a panel): selects it, gives
   * the text the keyboard, and brings the place to the middle of the window (see reveal.ts).
   * `then` runs once it is there (e.g. to open a card next to it).
   */
  goTo(from: number, to = from, then?: () => void): void {
    const { state } = this.view;
    const size = state.doc.content.size;
    const a = Math.max(0, Math.min(from, size));
    const b = Math.max(0, Math.min(to, size));
    const selection = a === b ? TextSelection.near(state.doc.resolve(a)) : TextSelection.create(state.doc, a, b);
    this.view.dispatch(state.tr.setSelection(selection).scrollIntoView());
    this.focus();
    // A frame later: a paragraph the browser skipped has been laid out by then, so the place is where it will stay.
    requestAnimationFrame(() => {
      if (this.view.isDestroyed) return;
      revealInMiddle(this.view, this.view.state.selection.from, this.options.topInset?.() ?? 0);
      then?.();
    });
  }

  /** Replaces the whole document (e.g. "Revert to original"), as one undoable step. */
  replaceDocument(doc: Node): void {
    const { state } = this.view;
    const tr = state.tr.replaceWith(0, state.doc.content.size, doc.content);
    for (const [key, value] of Object.entries(doc.attrs)) tr.setDocAttribute(key, value);
    this.view.dispatch(tr.scrollIntoView());
  }

  /** Turns editing on or off (a read-only tab still shows the article). */
  setEditable(editable: boolean): void {
    if (editable === this.editable) return;
    this.editable = editable;
    this.view.setProps({ editable: () => this.editable });
    this.view.dom.querySelectorAll<HTMLTextAreaElement>('.gap-field textarea').forEach((input) => (input.readOnly = !editable));
  }

  isEditable(): boolean {
    return this.editable;
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.listeners.clear();
    this.view.destroy();
  }
}
