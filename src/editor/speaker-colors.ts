/**
 * Speaker colours: each speaker in the registry gets one of eight colours, in registry order, so
 * the first eight people quoted never share one. Quotes and labels carry only `data-speaker`
 * (the speaker's id); this plugin keeps one small style sheet that maps ids to colours, rewritten
 * only when the registry changes. Nothing in the text is redrawn when a colour moves.
 */
import { Plugin, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Speaker } from './schema.ts';

export const SPEAKER_COLOURS = 8;

function escapeAttribute(value: string): string {
  return value.replace(/["\\\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/** The CSS that gives each speaker's quotes and labels its colour (custom property `--speaker`). */
export function speakerColourRules(speakers: readonly Speaker[], scope: string): string {
  return speakers
    .map((speaker, index) => `${scope} [data-speaker="${escapeAttribute(speaker.id)}"] { --speaker: var(--speaker-${index % SPEAKER_COLOURS}); }`)
    .join('\n');
}

class SpeakerColourSheet {
  private readonly sheet: CSSStyleSheet | null;
  private speakers: unknown = null;

  constructor(private readonly view: EditorView) {
    let sheet: CSSStyleSheet | null = null;
    try {
      const doc = view.dom.ownerDocument;
      sheet = new CSSStyleSheet();
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    } catch {
      sheet = null; // no constructable style sheets: quotes keep the default colour
    }
    this.sheet = sheet;
    this.update(view);
  }

  update(view: EditorView, previous?: EditorState): void {
    const speakers = view.state.doc.attrs.speakers as Speaker[];
    if (previous && speakers === this.speakers) return;
    this.speakers = speakers;
    this.sheet?.replaceSync(speakerColourRules(speakers, '.ProseMirror'));
  }

  destroy(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const doc = this.view.dom.ownerDocument;
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((other) => other !== sheet);
  }
}

/** The plugin that keeps the speaker colours in step with the registry. */
export function speakerColoursPlugin(): Plugin {
  return new Plugin({ view: (view) => new SpeakerColourSheet(view) });
}
