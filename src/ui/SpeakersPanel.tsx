import { undo } from 'prosemirror-history';
import { useDeferredValue, useState } from 'react';
import type { EditorState } from 'prosemirror-state';
import { acceptConfidentSuggestions, CONFIDENT, markSelectionAsQuote } from '../editor/quote-commands.ts';
import { quotesInDoc, type QuoteInDoc } from '../editor/quote-marks.ts';
import { speakersOf } from '../editor/article-attrs.ts';
import { quotePluginKey } from '../editor/quote-plugin.ts';
import { addAlias, deleteSpeaker, mergeSpeakers, removeAlias, renameSpeaker } from '../editor/speaker-commands.ts';
import type { Speaker } from '../editor/schema.ts';
import type { EditorSession } from '../editor/session.ts';
import { speakerColor } from './speaker-colors.ts';
import { IncrementalList, LazyDetails } from './lists.tsx';
import { useEditorValue, useSession, useWorkspace, useWorkspaceStore } from './workspace-context.ts';

const selectVersion = (state: EditorState) => quotePluginKey.getState(state)?.version ?? -1;

function excerpt(session: EditorSession, quote: QuoteInDoc): string {
  const text = quote.segments.map((s) => session.getState().doc.textBetween(s.from, s.to, ' ', '__')).join(' ');
  return text.length > 90 ? `${text.slice(0, 88)}…` : text;
}

function jumpTo(session: EditorSession, quote: QuoteInDoc) {
  session.goTo(quote.segments[0]!.from + 1);
}

/** Quotes and speakers: counts, accept-all, and the speaker registry with its actions. */
export function SpeakersPanel() {
  const session = useSession();
  const version = useDeferredValue(useEditorValue(selectVersion, -1));
  const readOnly = useWorkspaceStore((state) => state.tabMode === 'read-only');
  if (!session) return null;
  const state = session.getState();
  const speakers = speakersOf(state.doc);
  const analysed = quotePluginKey.getState(state)?.analysed ?? false;
  // Counts only: the quotes themselves are listed (and kept) only where a list is shown.
  let total = 0;
  let confident = 0;
  let confirmed = 0;
  let unassigned = 0;
  const counts = new Map<string, { quotes: number; confirmed: number }>();
  for (const quote of quotesInDoc(state.doc)) {
    total++;
    if (quote.confirmed) confirmed++;
    else if (quote.speaker && quote.confidence >= CONFIDENT) confident++;
    if (!quote.speaker) {
      unassigned++;
      continue;
    }
    const count = counts.get(quote.speaker) ?? { quotes: 0, confirmed: 0 };
    count.quotes++;
    if (quote.confirmed) count.confirmed++;
    counts.set(quote.speaker, count);
  }

  return (
    <section className="panel" aria-labelledby="speakers-heading">
      <h2 id="speakers-heading">Quotes &amp; speakers</h2>
      <p className="panel-summary" role="status">
        {analysed ? `${total} ${total === 1 ? 'quote' : 'quotes'} · ${confirmed} confirmed` : 'Finding quotes…'}
      </p>
      <div className="panel-actions">
        <button type="button" className="primary" disabled={confident === 0 || readOnly} onClick={() => session.run(acceptConfidentSuggestions(), false)}>
          Accept all confident suggestions{confident ? ` (${confident})` : ''}
        </button>
        <button type="button" disabled={readOnly} onClick={() => session.run(markSelectionAsQuote())} title="Alt+M">
          Mark selection as quote
        </button>
      </div>
      <IncrementalList
        className="speaker-list"
        items={speakers}
        itemKey={(speaker) => speaker.id}
        itemClassName={() => 'speaker-item'}
        renderItem={(speaker, index) => (
          <SpeakerItem
            session={session}
            speaker={speaker}
            index={index}
            speakers={speakers}
            count={counts.get(speaker.id)?.quotes ?? 0}
            confirmed={counts.get(speaker.id)?.confirmed ?? 0}
            version={version}
          />
        )}
      />
      {unassigned > 0 && (
        <div className="unassigned">
          <h3>Who said these? ({unassigned})</h3>
          <QuoteList session={session} version={version} speaker={null} />
        </div>
      )}
    </section>
  );
}

/**
 * The quotes of one speaker (or, for `speaker` null, the quotes without one), built from the
 * document when rendered: only an open speaker keeps its list.
 */
function QuoteList({ session, version, speaker }: { session: EditorSession; version: number; speaker: string | null }) {
  void version; // re-rendered when quotes or speakers change
  const quotes = quotesInDoc(session.getState().doc).filter((q) => (speaker === null ? !q.speaker : q.speaker === speaker));
  return (
    <IncrementalList
      as={speaker === null ? 'ul' : 'ol'}
      className="quote-list"
      items={quotes}
      itemKey={(quote) => quote.id}
      renderItem={(quote) => (
        <button type="button" className="link" onClick={() => jumpTo(session, quote)}>
          {speaker !== null && (quote.confirmed ? '✓ ' : '~ ')}
          {excerpt(session, quote)}
        </button>
      )}
    />
  );
}

function SpeakerItem({
  session,
  speaker,
  index,
  speakers,
  count,
  confirmed,
  version,
}: {
  session: EditorSession;
  speaker: Speaker;
  index: number;
  /** The whole registry (one array for every item; the others are picked out when merging). */
  speakers: readonly Speaker[];
  count: number;
  confirmed: number;
  version: number;
}) {
  const workspace = useWorkspace();
  const [mode, setMode] = useState<'none' | 'rename' | 'alias' | 'merge'>('none');
  const [value, setValue] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const others = () => speakers.filter((s) => s.id !== speaker.id);
  /** Deleting and merging take effect at once, each with an Undo in its notice. */
  const offerUndo = (text: string) => workspace.store.getState().notify('info', text, { label: 'Undo', run: () => session.run(undo) });
  const remove = () => {
    if (!session.run(deleteSpeaker(speaker.id), false)) return;
    const quotes = count === 0 ? '' : count === 1 ? ' Its quote needs a speaker.' : ` Its ${count} quotes need a speaker.`;
    offerUndo(`Deleted the speaker “${speaker.name}”.${quotes}`);
  };
  // Managing speakers keeps the focus in the panel (where the user is working; on a narrow screen
  // the panels' drawer stays open): back on the speaker's own line once its form closes.
  const submit = () => {
    const item = document.activeElement?.closest('details') ?? null;
    if (mode === 'rename') session.run(renameSpeaker(speaker.id, value), false);
    if (mode === 'alias') session.run(addAlias(speaker.id, value), false);
    if (mode === 'merge' && mergeInto && session.run(mergeSpeakers(speaker.id, mergeInto), false)) {
      offerUndo(`Merged “${speaker.name}” into “${speakers.find((s) => s.id === mergeInto)?.name ?? 'the other speaker'}”.`);
    }
    setMode('none');
    setValue('');
    requestAnimationFrame(() => item?.isConnected && item.querySelector('summary')?.focus());
  };
  /** Escape or Cancel: the form closes, and the keyboard is back on the speaker's line. */
  const cancel = () => {
    const item = document.activeElement?.closest('details') ?? null;
    setMode('none');
    setValue('');
    requestAnimationFrame(() => item?.isConnected && item.querySelector('summary')?.focus());
  };
  return (
    <LazyDetails
      summary={
        <>
          <span className="swatch" style={{ background: speakerColor(index) }} aria-hidden="true" />
          <span className="speaker-key">{index < 9 ? `Alt+${index + 1}` : ''}</span>
          <span className="speaker-name">{speaker.name}</span>
          <span className="speaker-count">
            {count} {count === 1 ? 'quote' : 'quotes'}
            {count > 0 && confirmed < count ? ` · ${count - confirmed} to confirm` : ''}
          </span>
        </>
      }
    >
      {() => (
        <>
          {speaker.aliases.length > 0 && (
            <p className="speaker-aliases">
              Also:{' '}
              {speaker.aliases.map((alias) => (
                <span key={alias} className="speaker-alias">
                  {alias}
                  <button type="button" className="link" aria-label={`Remove alias ${alias}`} title="Remove this alias" onClick={() => session.run(removeAlias(speaker.id, alias), false)}>
                    ×
                  </button>
                </span>
              ))}
            </p>
          )}
          {count > 0 && <QuoteList session={session} version={version} speaker={speaker.id} />}
          {mode === 'none' ? (
            <div className="speaker-actions">
              <button type="button" onClick={() => (setMode('rename'), setValue(speaker.name))}>
                Rename
              </button>
              <button type="button" onClick={() => setMode('alias')}>
                Add alias
              </button>
              <button type="button" disabled={speakers.length < 2} onClick={() => (setMode('merge'), setMergeInto(others()[0]?.id ?? ''))}>
                Merge…
              </button>
              <button type="button" onClick={remove}>
                Delete
              </button>
            </div>
          ) : (
            <form
              className="speaker-form"
              onSubmit={(event) => {
                event.preventDefault();
                submit();
              }}
            >
              {mode === 'merge' ? (
                <label>
                  Merge {speaker.name} into
                  <select value={mergeInto} onChange={(event) => setMergeInto(event.target.value)}>
                    {others().map((other) => (
                      <option key={other.id} value={other.id}>
                        {other.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <label>
                  {mode === 'rename' ? 'New name' : 'Alias'}
                  <input
                    value={value}
                    autoFocus
                    onChange={(event) => setValue(event.target.value)}
                    onKeyDown={(event) => {
                      if (event.key !== 'Escape') return;
                      event.preventDefault();
                      cancel();
                    }}
                  />
                </label>
              )}
              <button type="submit" className="primary">
                {mode === 'merge' ? 'Merge' : 'Save'}
              </button>
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            </form>
          )}
        </>
      )}
    </LazyDetails>
  );
}
