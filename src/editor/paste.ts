/**
 * Paste and drop insert plain text only. HTML from the clipboard is never parsed into the
 * document: when a clipboard offers only HTML, its text is extracted with an inert DOMParser
 * document (scripts in it never run, images never load).
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { plainTextSlice } from './parse.ts';

/** The plain text a clipboard or drag carries. */
export function clipboardText(data: DataTransfer | null): string {
  if (!data) return '';
  const text = data.getData('text/plain');
  if (text) return text;
  const html = data.getData('text/html');
  if (!html) return '';
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  parsed.querySelectorAll('script, style, template, noscript').forEach((el) => el.remove());
  return parsed.body.textContent ?? '';
}

function insertText(view: EditorView, text: string, at?: number): boolean {
  if (!text) return true;
  const slice = plainTextSlice(text);
  const tr = at === undefined ? view.state.tr.replaceSelection(slice) : view.state.tr.replaceRange(at, at, slice);
  view.dispatch(tr.scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'));
  return true;
}

/** Plain-text paste and drop. */
export function plainTextPastePlugin(): Plugin {
  return new Plugin({
    props: {
      handlePaste(view, event) {
        return insertText(view, clipboardText(event.clipboardData));
      },
      handleDrop(view, event, _slice, moved) {
        // Internal moves are ProseMirror's; dropped files are the app's (they open as articles).
        if (moved || (event.dataTransfer?.files.length ?? 0) > 0) return false;
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        if (!at) return true;
        event.preventDefault();
        return insertText(view, clipboardText(event.dataTransfer), at.pos);
      },
    },
  });
}
