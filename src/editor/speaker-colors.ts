/**
 * Speaker colours and labels: each speaker in the registry gets one of eight colours, in registry
 * order, so the first eight people quoted never share one, and a short label (its name). Quotes
 * carry only `data-speaker` (the speaker's id); this plugin keeps one small style sheet that maps
 * ids to a colour (`--speaker`) and a label (`--speaker-name`), rewritten only when the registry
 * changes. The label in front of each quote is the quote element's own `::before` box (styles.css),
 * so a quote costs no widget, no closure and no extra element, and nothing in the text is redrawn
 * when a speaker is renamed or a colour moves.
 */
import { Plugin, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Speaker } from './schema.ts';
import { speakersOf } from './article-attrs.ts';

export const SPEAKER_COLOURS = 8;

/** Short label of a speaker: the name, cut at 22 characters. */
export function shortLabel(name: string): string {
  return name.length <= 22 ? name : `${name.slice(0, 20)}…`;
}

function escapeAttribute(value: string): string {
  return value.replace(/["\\\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/** A CSS string literal holding `value` as text (quotes, backslashes and line breaks escaped). */
export function cssString(value: string): string {
  return `"${value.replace(/["\\]|\p{Cc}/gu, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** The CSS that gives each speaker's quotes their colour (`--speaker`) and label (`--speaker-name`). */
export function speakerColourRules(speakers: readonly Speaker[], scope: string): string {
  return speakers
    .map(
      (speaker, index) =>
        `${scope} [data-speaker="${escapeAttribute(speaker.id)}"] { --speaker: var(--speaker-${index % SPEAKER_COLOURS}); --speaker-name: ${cssString(shortLabel(speaker.name))}; }`,
    )
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
      sheet = null; // no constructable style sheets: quotes keep the default colour and label
    }
    this.sheet = sheet;
    this.update(view);
  }

  update(view: EditorView, previous?: EditorState): void {
    const speakers = speakersOf(view.state.doc);
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

/** The plugin that keeps the speaker colours and labels in step with the registry. */
export function speakerColoursPlugin(): Plugin {
  return new Plugin({ view: (view) => new SpeakerColourSheet(view) });
}
