import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createSpeaker } from '../editor/speaker-commands.ts';
import { setQuoteSpeaker, unmarkQuote } from '../editor/quote-commands.ts';
import { quotesInDoc } from '../editor/quote-marks.ts';
import { speakersOf } from '../editor/article-attrs.ts';
import { quoteInsight, quoteLabelAt } from '../editor/quote-plugin.ts';
import { speakerColor } from './speaker-colors.ts';
import { useSession, useWorkspaceStore } from './workspace-context.ts';

interface Option {
  key: string;
  label: string;
  detail?: string;
  color?: string;
  run: () => void;
}

/**
 * "Who said this?": choose a speaker for a quote, type to filter, or create a new one. The
 * suggestion comes first with its evidence; arrows move, Enter chooses, Escape closes.
 */
export function SpeakerPicker() {
  const picker = useWorkspaceStore((state) => state.picker);
  const close = useWorkspaceStore((state) => state.closePicker);
  const session = useSession();
  if (!picker || !session) return null;
  return <PickerBody key={picker.quoteId} quoteId={picker.quoteId} left={picker.left} top={picker.top} onClose={close} />;
}

function PickerBody({ quoteId, left, top, onClose }: { quoteId: string; left: number; top: number; onClose: () => void }) {
  const session = useSession()!;
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const state = session.getState();
  const quote = quotesInDoc(state.doc).find((q) => q.id === quoteId);
  const insight = quoteInsight(state, quoteId);
  const speakers = speakersOf(state.doc);

  const finish = () => {
    onClose();
    session.focus();
  };

  const options = useMemo<Option[]>(() => {
    if (!quote) return [];
    const order = new Map<string, number>();
    const ranked = [quote.speaker, ...(insight?.ranked ?? [])].filter((id): id is string => !!id);
    ranked.forEach((id, i) => order.has(id) || order.set(id, i));
    // Runs of spaces count as one, as in the names themselves ("John  Smith" is John Smith).
    const needle = filter.trim().replace(/\s+/g, ' ').toLowerCase();
    const list = speakers
      .map((speaker, index) => ({ speaker, index }))
      .filter(({ speaker }) => !needle || [speaker.name, ...speaker.aliases].some((n) => n.toLowerCase().includes(needle)))
      .sort((a, b) => (order.get(a.speaker.id) ?? 99) - (order.get(b.speaker.id) ?? 99) || a.index - b.index)
      .map<Option>(({ speaker, index }) => ({
        key: speaker.id,
        label: speaker.name,
        color: speakerColor(index),
        detail:
          speaker.id === quote.speaker
            ? quote.confirmed
              ? 'current'
              : `suggested · ${Math.round(quote.confidence * 100)}%`
            : order.has(speaker.id)
              ? 'candidate'
              : speaker.aliases.length
                ? `also ${speaker.aliases.join(', ')}`
                : undefined,
        run: () => {
          session.run(setQuoteSpeaker(quoteId, speaker.id));
          finish();
        },
      }));
    const typed = filter.trim().replace(/\s+/g, ' ');
    // A name or an alias that a speaker already has picks that speaker; it is not a new one.
    const known = (name: string) => name.toLowerCase() === typed.toLowerCase();
    if (typed && !speakers.some((s) => known(s.name) || s.aliases.some(known))) {
      list.push({
        key: '__create',
        label: `Create “${typed}”`,
        detail: 'new speaker',
        run: () => {
          session.run(createSpeaker(typed, quoteId));
          finish();
        },
      });
    }
    list.push({
      key: '__none',
      label: 'No speaker',
      detail: 'leave unassigned',
      run: () => {
        session.run(setQuoteSpeaker(quoteId, null, false));
        finish();
      },
    });
    list.push({
      key: '__unmark',
      label: 'Not a quote',
      detail: 'unmark',
      run: () => {
        session.run(unmarkQuote(quoteId));
        finish();
      },
    });
    return list;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter, quoteId, state.doc]);

  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      const target = event.target as Element | null;
      // The click that opened the picker (on a quote label) must not close it again.
      if (quoteLabelAt(event)) return;
      if (!ref.current?.contains(target)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  if (!quote) return null;
  const excerpt = quote.segments.map((s) => state.doc.textBetween(s.from, s.to, ' ', '__')).join(' ');
  const safeActive = Math.min(active, options.length - 1);
  const width = Math.min(360, window.innerWidth - 16);
  // Below the quote when there is room, above it otherwise.
  const below = top < window.innerHeight * 0.55;
  const style = below
    ? { left: Math.max(8, Math.min(left, window.innerWidth - width - 8)), top: top + 6, width, maxHeight: window.innerHeight - top - 16 }
    : { left: Math.max(8, Math.min(left, window.innerWidth - width - 8)), bottom: window.innerHeight - top + 30, width, maxHeight: top - 46 };

  return (
    <div className="picker" role="dialog" aria-label="Who said this?" ref={ref} style={style}>
      <p className="picker-quote">{excerpt.length > 140 ? `${excerpt.slice(0, 140)}…` : excerpt}</p>
      {insight?.evidence && <p className="picker-evidence">{insight.evidence}</p>}
      <input
        className="picker-input"
        role="combobox"
        aria-label="Speaker"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={options[safeActive] ? `${listId}-${safeActive}` : undefined}
        placeholder="Type a name to filter or create"
        autoFocus
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((safeActive + 1) % options.length);
          else if (event.key === 'ArrowUp') setActive((safeActive - 1 + options.length) % options.length);
          else if (event.key === 'Enter') options[safeActive]?.run();
          // Tab leaves the picker as Escape does, back to the text: the picker has no other field.
          else if (event.key === 'Escape' || (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey)) finish();
          else return;
          event.preventDefault();
        }}
        onBlur={(event) => {
          // The focus went somewhere else on the page (not a window switch): the picker is done.
          const to = event.relatedTarget as Node | null;
          if (to && !ref.current?.contains(to)) onClose();
        }}
      />
      <ul className="picker-list" role="listbox" id={listId} aria-label="Speakers">
        {options.map((option, index) => (
          <li
            key={option.key}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === safeActive}
            className={index === safeActive ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={option.run}
            // Only a pointer that moves chooses: one resting where the picker opens must not (Enter would take it).
            onMouseMove={() => index !== safeActive && setActive(index)}
          >
            {option.color && <span className="swatch" style={{ background: option.color }} aria-hidden="true" />}
            <span className="picker-label">{option.label}</span>
            {option.detail && <span className="picker-detail">{option.detail}</span>}
          </li>
        ))}
      </ul>
      <p className="picker-hint">
        <kbd>↑</kbd>
        <kbd>↓</kbd> choose · <kbd>Enter</kbd> assign · <kbd>Esc</kbd> close
      </p>
    </div>
  );
}
