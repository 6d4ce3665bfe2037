/**
 * The benchmark's baseline: a bare ProseMirror editor (paragraph schema, history, base keymap,
 * nothing else) with the same hooks as Galley's benchmark mode:
 *   window.__BENCH_ARTICLE__  the article text (set before the page's scripts run)
 *   window.__benchReady()     called right after the editor view is mounted
 *   window.__bench            { persist(), textLength(), timings() }
 * "Saving" is the equivalent of what an app must at least do: JSON of the document into
 * localStorage.
 */
import 'prosemirror-view/style/prosemirror.css';
import { Schema } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';

const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    text: {},
  },
});

/** Blocks are separated by blank lines; the title is just the first paragraph here. */
function textToDoc(text) {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/).map((block) => block.trim()).filter(Boolean);
  const paragraphs = (blocks.length ? blocks : ['']).map((block) =>
    schema.nodes.paragraph.create(null, block ? schema.text(block.replace(/\n/g, ' ')) : null),
  );
  return schema.nodes.doc.create(null, paragraphs);
}

const article = typeof window.__BENCH_ARTICLE__ === 'string' ? window.__BENCH_ARTICLE__ : 'Bare ProseMirror\n\nSet window.__BENCH_ARTICLE__ before load.';
const state = EditorState.create({
  doc: textToDoc(article),
  plugins: [history(), keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo }), keymap(baseKeymap)],
});
const view = new EditorView(document.getElementById('editor'), {
  state,
  attributes: { 'aria-label': 'Article text', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
});

window.__bench = {
  persist() {
    localStorage.setItem('bare-bench:doc', JSON.stringify(view.state.doc.toJSON()));
  },
  textLength: () => view.state.doc.textContent.length,
  timings: () => ({}),
};
window.__benchReady?.();
