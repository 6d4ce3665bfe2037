import type { EditorState, Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { describe, expect, it } from 'vitest';
import { blockTexts } from '../../../src/editor/block-text.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { acceptConfidentSuggestions, assignNthSpeaker, markSelectionAsQuote, nextQuoteNeedingSpeaker, setQuoteSpeaker, unmarkQuote } from '../../../src/editor/quote-commands.ts';
import { quotesInDoc } from '../../../src/editor/quote-marks.ts';
import { speakersOf } from '../../../src/editor/article-attrs.ts';
import { rankedSpeakers, reconcileQuotes } from '../../../src/editor/quote-reconcile.ts';
import { decidedQuotes, knownSpeakersOf } from '../../../src/editor/quote-plugin.ts';
import { schema } from '../../../src/editor/schema.ts';
import { createSpeaker, deleteSpeaker, mergeSpeakers, removeAlias, renameSpeaker } from '../../../src/editor/speaker-commands.ts';
import { createEditorState } from '../../../src/editor/state.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import type { DetectedQuote, QuoteAnalysis } from '../../../src/quotes/types.ts';

const text = 'Title\n\n“We will win,” Anna Berg said. “It is close.”\n\nThe mayor spoke. “Roads are shut,” he said.';

/** A tiny stand-in for detection: every “…” is a quote, attributed by a fixed table. */
function fakeAnalysis(paragraphs: readonly string[], who: Record<string, [string, number]>): QuoteAnalysis {
  const quotes: DetectedQuote[] = [];
  paragraphs.forEach((p, paragraph) => {
    for (const m of p.matchAll(/“[^”]*”/g)) {
      const [speaker, confidence] = Object.entries(who).find(([start]) => m[0].startsWith(start))?.[1] ?? [null, 0];
      quotes.push({ segments: [{ paragraph, start: m.index, end: m.index + m[0].length }], text: m[0], kind: 'direct', unclosed: false, speaker, confidence, sieve: 'q-s-v', mention: null, evidence: `evidence for ${m[0]}`, candidates: speaker ? [{ speaker, score: confidence }] : [] });
    }
  });
  return {
    quotes,
    speakers: [
      { id: 'anna-berg', name: 'Anna Berg', aliases: [], gender: 'f', named: true },
      { id: 'mayor', name: 'mayor', aliases: [], gender: null, named: false },
    ],
    variants: [],
  };
}

const who: Record<string, [string, number]> = { '“We': ['anna-berg', 0.95], '“It': ['anna-berg', 0.85], '“Roads': ['mayor', 0.75] };

function analysed(state: EditorState, table = who): EditorState {
  const blocks = blockTexts(state.doc);
  const { tr } = reconcileQuotes(state, fakeAnalysis(blocks.map((b) => b.text), table), blocks);
  return tr ? state.apply(tr.setMeta('addToHistory', false)) : state;
}

function run(state: EditorState, command: (s: EditorState, d?: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

describe('applying detection to the document', () => {
  it('marks each detected quote with its suggested speaker and registers the speakers', () => {
    const state = analysed(createEditorState(textToDoc(text)));
    const quotes = quotesInDoc(state.doc);
    expect(quotes.map((q) => [state.doc.textBetween(q.segments[0]!.from, q.segments[0]!.to), q.speaker, q.confirmed])).toEqual([
      ['“We will win,”', 'anna-berg', false],
      ['“It is close.”', 'anna-berg', false],
      ['“Roads are shut,”', 'mayor', false],
    ]);
    expect(speakersOf(state.doc).map((s) => s.name)).toEqual(['Anna Berg', 'mayor']);
    expect(docToText(state.doc)).toBe(text);
  });

  it('keeps, per quote, its evidence, whether it is unclosed and the proposed speakers in order (for the picker)', () => {
    const state = createEditorState(textToDoc(text));
    const blocks = blockTexts(state.doc);
    const analysis = fakeAnalysis(blocks.map((b) => b.text), who);
    analysis.quotes[2]!.candidates = [
      { speaker: 'mayor', score: 0.75 },
      { speaker: 'anna-berg', score: 0.2 },
    ];
    analysis.quotes[1]!.unclosed = true;
    const { tr, insights } = reconcileQuotes(state, analysis, blocks);
    const ids = quotesInDoc(state.apply(tr!).doc).map((q) => q.id);
    expect(ids.map((id) => insights.get(id))).toEqual([
      { evidence: 'evidence for “We will win,”', ranked: ['anna-berg'], unclosed: false },
      { evidence: 'evidence for “It is close.”', ranked: ['anna-berg'], unclosed: true },
      { evidence: 'evidence for “Roads are shut,”', ranked: ['mayor', 'anna-berg'], unclosed: false },
    ]);
  });

  it('ranks the suggestion first and each candidate once; a quote with none shares one empty list', () => {
    expect(rankedSpeakers('b', [{ speaker: 'a' }, { speaker: 'b' }, { speaker: 'c' }, { speaker: 'a' }])).toEqual(['b', 'a', 'c']);
    expect(rankedSpeakers(null, [{ speaker: 'c' }])).toEqual(['c']);
    expect(rankedSpeakers(null, [])).toBe(rankedSpeakers(null, []));
    expect(rankedSpeakers(null, [])).toEqual([]);
  });

  it('is idempotent', () => {
    const once = analysed(createEditorState(textToDoc(text)));
    const blocks = blockTexts(once.doc);
    expect(reconcileQuotes(once, fakeAnalysis(blocks.map((b) => b.text), who), blocks).tr).toBeNull();
  });

  it('never overwrites a speaker the user chose', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    const roads = quotesInDoc(state.doc)[2]!;
    state = run(state, createSpeaker('Tom Lee', roads.id));
    state = analysed(state, { ...who, '“Roads': ['anna-berg', 0.99] });
    const after = quotesInDoc(state.doc).find((q) => q.id === roads.id)!;
    expect(after.speaker).toBe('tom-lee');
    expect(after.confirmed).toBe(true);
  });

  it('a confirmed quote takes back its closing mark, deleted and typed again, and keeps its speaker', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    const first = quotesInDoc(state.doc)[0]!;
    state = run(state, setQuoteSpeaker(first.id, 'anna-berg'));
    const end = first.segments[0]!.to;
    // Backspace after the ”, then ” typed again: the quote's mark does not reach text typed at its end.
    state = state.apply(state.tr.delete(end - 1, end));
    state = state.apply(state.tr.insertText('”', end - 1));
    expect(state.doc.textBetween(quotesInDoc(state.doc)[0]!.segments[0]!.from, quotesInDoc(state.doc)[0]!.segments[0]!.to)).toBe('“We will win,');
    state = analysed(state);
    const after = quotesInDoc(state.doc)[0]!;
    expect(after).toMatchObject({ id: first.id, speaker: 'anna-berg', confirmed: true, segments: [{ from: first.segments[0]!.from, to: end }] });
    const blocks = blockTexts(state.doc);
    expect(reconcileQuotes(state, fakeAnalysis(blocks.map((b) => b.text), who), blocks).tr).toBeNull();
  });

  it('a quote the user kept grows by quotation marks only, not by other words detection finds around it', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    const first = quotesInDoc(state.doc)[0]!;
    state = run(state, setQuoteSpeaker(first.id, 'anna-berg'));
    const { from, to } = first.segments[0]!;
    // The user's quote leaves out its last word: detection's longer span does not move it.
    state = state.apply(state.tr.removeMark(to - 6, to, schema.marks.quote!));
    state = analysed(state);
    expect(quotesInDoc(state.doc)[0]!.segments).toEqual([{ block: 1, from, to: to - 6 }]);
  });

  it('does not bring back a quote the user unmarked', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    state = run(state, unmarkQuote(quotesInDoc(state.doc)[1]!.id));
    state = analysed(state);
    expect(quotesInDoc(state.doc)).toHaveLength(2);
  });

  it('follows edits: a quote typed later is found, a removed one disappears', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    state = state.apply(state.tr.insertText(' “New words here,” she said.', state.doc.content.size - 1));
    state = analysed(state, { ...who, '“New': ['anna-berg', 0.8] });
    expect(quotesInDoc(state.doc)).toHaveLength(4);
    const first = quotesInDoc(state.doc)[0]!;
    state = state.apply(state.tr.delete(first.segments[0]!.from, first.segments[0]!.to));
    state = analysed(state);
    expect(quotesInDoc(state.doc)).toHaveLength(3);
  });
});

describe('quote and speaker commands', () => {
  it('accepts all confident suggestions in one undoable step', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    state = run(state, acceptConfidentSuggestions());
    expect(quotesInDoc(state.doc).map((q) => q.confirmed)).toEqual([true, false, false]);
    state = run(state, undo);
    expect(quotesInDoc(state.doc).map((q) => q.confirmed)).toEqual([false, false, false]);
  });

  it('accepting all makes every accepted speaker the user\'s, and leaves speakers of unaccepted quotes proposed', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    const proposed = () => Object.fromEntries(speakersOf(state.doc).map((s) => [s.id, s.auto === true]));
    expect(proposed()).toEqual({ 'anna-berg': true, mayor: true });
    state = run(state, acceptConfidentSuggestions(0.8));
    expect(proposed()).toEqual({ 'anna-berg': false, mayor: true });
    state = run(state, acceptConfidentSuggestions(0));
    expect(proposed()).toEqual({ 'anna-berg': false, mayor: false });
    expect(quotesInDoc(state.doc).map((q) => q.confirmed)).toEqual([true, true, true]);
  });

  it('assigns the nth speaker to the quote at the cursor and moves to the next unconfirmed quote', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    state = run(state, nextQuoteNeedingSpeaker);
    state = run(state, assignNthSpeaker(2));
    expect(quotesInDoc(state.doc)[0]).toMatchObject({ speaker: 'mayor', confirmed: true });
    state = run(state, nextQuoteNeedingSpeaker);
    expect(state.selection.from).toBe(quotesInDoc(state.doc)[1]!.segments[0]!.from + 1);
  });

  it('creates a speaker and tags the quote in one undo step', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    const id = quotesInDoc(state.doc)[2]!.id;
    state = run(state, createSpeaker('Chief Constable', id));
    expect(speakersOf(state.doc).map((s) => s.name)).toContain('Chief Constable');
    state = run(state, undo);
    expect(speakersOf(state.doc).map((s) => s.name)).not.toContain('Chief Constable');
    expect(quotesInDoc(state.doc)[2]!.speaker).toBe('mayor');
  });

  it('renames (keeping the old name as alias), merges and deletes speakers', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    state = run(state, acceptConfidentSuggestions(0));
    state = run(state, renameSpeaker('mayor', 'Mayor Jo Park'));
    expect(speakersOf(state.doc).find((s) => s.id === 'mayor')).toMatchObject({ name: 'Mayor Jo Park', aliases: ['mayor'] });
    state = run(state, mergeSpeakers('mayor', 'anna-berg'));
    expect(speakersOf(state.doc)).toHaveLength(1);
    expect(speakersOf(state.doc)[0]!.aliases).toEqual(['Mayor Jo Park', 'mayor']);
    expect(quotesInDoc(state.doc).every((q) => q.speaker === 'anna-berg' && q.confirmed)).toBe(true);
    state = run(state, deleteSpeaker('anna-berg'));
    expect(quotesInDoc(state.doc).every((q) => q.speaker === null && !q.confirmed)).toBe(true);
    state = analysed(state);
    expect(quotesInDoc(state.doc).every((q) => q.speaker === null)).toBe(true);
  });

  it('taking an alias away makes a proposed speaker the user\'s, as adding one does', () => {
    let state = analysed(createEditorState(textToDoc(text)));
    const mayor = () => speakersOf(state.doc).find((s) => s.id === 'mayor')!;
    state = state.apply(state.tr.setNodeAttribute(0, 'speakers', speakersOf(state.doc).map((s) => (s.id === 'mayor' ? { ...s, aliases: ['the mayor'] } : s))));
    expect(mayor().auto).toBe(true);
    state = run(state, removeAlias('mayor', 'the mayor'));
    // A proposed speaker follows the next detection run, which would bring the alias back.
    expect(mayor()).toEqual({ id: 'mayor', name: 'mayor', aliases: [] });
    state = analysed(state);
    expect(mayor()).toEqual({ id: 'mayor', name: 'mayor', aliases: [] });
  });

  it('marks a selection across paragraphs as one quote with one segment per paragraph', () => {
    let state = createEditorState(textToDoc(text));
    const blocks = blockTexts(state.doc);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, blocks[1]!.pos + 20, blocks[2]!.pos + 8)));
    state = run(state, markSelectionAsQuote());
    const [quote] = quotesInDoc(state.doc);
    expect(quote?.segments).toHaveLength(2);
    expect(quote?.source).toBe('user');
    state = run(state, setQuoteSpeaker(quote!.id, null, false));
    expect(quotesInDoc(state.doc)).toHaveLength(1);
  });
});

describe('with the real analyzer', () => {
  const passOver = async (text: string) => {
    const { analyzeQuotes } = await import('../../../src/quotes/analyze.ts');
    let state = createEditorState(textToDoc(text));
    const pass = () => {
      const blocks = blockTexts(state.doc);
      return reconcileQuotes(state, analyzeQuotes(blocks.map((b) => b.text), { knownSpeakers: knownSpeakersOf(state.doc) }), blocks).tr;
    };
    const first = pass();
    expect(first).not.toBeNull();
    state = state.apply(first!);
    return { state, second: pass() };
  };

  it('a second run over its own result changes nothing', async () => {
    const { readFileSync } = await import('node:fs');
    const { state, second } = await passOver(readFileSync('fixtures/article.txt', 'utf8'));
    expect(second?.steps.map((s) => JSON.stringify(s.toJSON()).slice(0, 300)) ?? null).toBeNull();
    expect(quotesInDoc(state.doc)).toHaveLength(12);
  });

  it('a second run keeps apart the unnamed people the first run told apart', async () => {
    // The article three times over: three "a Belarusian fighter", three people to the first run.
    // A second run, told of them, took every such description for the first of them.
    const { readFileSync } = await import('node:fs');
    const sample = readFileSync('fixtures/article.txt', 'utf8');
    const body = sample.slice(sample.indexOf('\n'));
    const { state, second } = await passOver(sample + '\n\n' + body + '\n\n' + body);
    expect(speakersOf(state.doc).filter((s) => /fighter/i.test(s.name))).toHaveLength(3);
    expect(second?.steps.length ?? 0).toBe(0);
  });

  it('a description the user confirmed is the same person wherever it comes again', async () => {
    const { analyzeQuotes } = await import('../../../src/quotes/analyze.ts');
    const text = 'Title\n\n“We will win,” a Belarusian fighter said.\n\n“We will go home,” a Belarusian fighter said.';
    let state = createEditorState(textToDoc(text));
    const again = () => {
      const blocks = blockTexts(state.doc);
      const { tr } = reconcileQuotes(state, analyzeQuotes(blocks.map((b) => b.text), { knownSpeakers: knownSpeakersOf(state.doc) }), blocks);
      if (tr) state = state.apply(tr);
    };
    again();
    const [first, second] = quotesInDoc(state.doc);
    expect(first!.speaker).not.toBe(second!.speaker);
    again();
    expect(quotesInDoc(state.doc).map((q) => q.speaker)).toEqual([first!.speaker, second!.speaker]);
    // The user confirms the first quote's speaker: from then on that description is this person.
    state = run(state, setQuoteSpeaker(first!.id, first!.speaker));
    again();
    expect(quotesInDoc(state.doc).map((q) => q.speaker)).toEqual([first!.speaker, first!.speaker]);
  });
});

describe('decisions detection never undoes (real analyzer, the sample article)', () => {
  const detect = async (state: EditorState) => {
    const { analyzeQuotes } = await import('../../../src/quotes/analyze.ts');
    const blocks = blockTexts(state.doc);
    const analysis = analyzeQuotes(
      blocks.map((b) => b.text),
      { knownSpeakers: knownSpeakersOf(state.doc), decided: decidedQuotes(state.doc, blocks) },
    );
    return reconcileQuotes(state, analysis, blocks).tr;
  };
  const detectOnce = async (state: EditorState) => {
    const tr = await detect(state);
    return tr ? state.apply(tr.setMeta('addToHistory', false)) : state;
  };
  const sample = async () => {
    const { readFileSync } = await import('node:fs');
    return detectOnce(createEditorState(textToDoc(readFileSync('fixtures/article.txt', 'utf8'))));
  };
  const textOf = (state: EditorState, quote: { segments: { from: number; to: number }[] }) => quote.segments.map((s) => state.doc.textBetween(s.from, s.to)).join('|');

  it('a quote the user marks inside a detected quote stays, with its speaker; the rest keeps its own suggestion', async () => {
    let state = await sample();
    const words = 'the Belarusians understand the same.”';
    const { pos, text } = blockTexts(state.doc).find((b) => b.text.includes(words))!;
    const from = pos + text.indexOf(words);
    const detected = quotesInDoc(state.doc).find((q) => q.segments[0]!.from < from && q.segments[0]!.to > from)!;
    expect(detected.speaker).toBe('oleksiy-frantzkevych');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, from + words.length)));
    state = run(state, markSelectionAsQuote('belarusian-fighter'));
    const mine = quotesInDoc(state.doc).find((q) => q.source === 'user')!;

    state = await detectOnce(state);
    const after = quotesInDoc(state.doc);
    expect(after.find((q) => q.id === mine.id)).toEqual(mine);
    expect(textOf(state, mine)).toBe(words);
    const rest = after.find((q) => q.id === detected.id)!;
    expect(textOf(state, rest)).toMatch(/^“They donate money .* and $/);
    // The user's decision is about the words they marked, not about who said the rest.
    expect(rest.speaker).toBe('oleksiy-frantzkevych');
    expect(await detect(state)).toBeNull();
  });

  it('a merge stays merged: the merged name finds the speaker it went into', async () => {
    let state = await sample();
    const his = quotesInDoc(state.doc).filter((q) => q.speaker === 'oleksiy-frantzkevych').map((q) => q.id);
    expect(his).toHaveLength(4);
    state = run(state, mergeSpeakers('oleksiy-frantzkevych', 'belarusian-fighter'));
    state = await detectOnce(state);
    expect(speakersOf(state.doc).map((s) => [s.name, s.aliases])).toEqual([['Belarusian fighter', ['Oleksiy Frantzkevych', 'Frantskevich']]]);
    expect(quotesInDoc(state.doc).filter((q) => his.includes(q.id)).map((q) => q.speaker)).toEqual(his.map(() => 'belarusian-fighter'));
    expect(await detect(state)).toBeNull();
  });
});

describe('insights of a long read', () => {
  it('share one list of proposed speakers between quotes that propose the same ones', () => {
    const long = `Title\n\n${Array.from({ length: 6 }, () => '“We will win,” Anna Berg said. “Roads are shut,” he said.').join('\n\n')}`;
    const state = createEditorState(textToDoc(long));
    const blocks = blockTexts(state.doc);
    const { tr, insights } = reconcileQuotes(state, fakeAnalysis(blocks.map((b) => b.text), who), blocks);
    const lists = quotesInDoc(state.apply(tr!).doc).map((q) => insights.get(q.id)!.ranked);
    expect(lists).toHaveLength(12);
    expect(lists.map((l) => [...l])).toEqual(Array.from({ length: 6 }, () => [['anna-berg'], ['mayor']]).flat());
    expect(new Set(lists).size).toBe(2);
  });
});
