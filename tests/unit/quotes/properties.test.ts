import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeQuotes } from '../../../src/quotes/analyze.ts';
import type { QuoteAnalysis } from '../../../src/quotes/types.ts';

const SIEVES = new Set(['q-s-v', 'q-v-s', 's-v-q', 'v-s-q', 'according-to', 'pronoun', 'in-sentence', 'same-paragraph', 'continuation', 'previous-sentence', 'floating', 'user']);

/** Pieces of news-like text, with every kind of mark, gaps and soft breaks. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('the', 'a', 'fighter', 'spokeswoman', 'said', 'told', 'added', 'he', 'she', 'they', 'Anna Berg', 'Mr. Smith', 'Berg', 'according to', 'who', 'Lukashenko’s', 'don’t', 'Newsweek', 'critics', 'called', 'so-called', 'The', 'In 2020', 'war', 'and') },
  { weight: 2, arbitrary: fc.constantFrom('“', '”', '"', '‘', '’', "'", '«', '»', '„', '‹', '›') },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', ', ', '. ', ': ', '! ', '? ', ' — ', '\n', '__', '\uFFFC', '\n\n') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const article = fc.array(piece, { maxLength: 60 }).map((parts) => ['Title', ...parts.join('').split('\n\n')]);

function checkInvariants(paragraphs: readonly string[], analysis: QuoteAnalysis): void {
  const ids = new Set(analysis.speakers.map((s) => s.id));
  expect(ids.size).toBe(analysis.speakers.length);
  const spans: [number, number, number][] = [];
  for (const quote of analysis.quotes) {
    expect(quote.segments.length).toBeGreaterThan(0);
    const texts: string[] = [];
    let previousParagraph = -1;
    for (const s of quote.segments) {
      const text = paragraphs[s.paragraph]!;
      expect(s.paragraph).toBeGreaterThan(previousParagraph);
      previousParagraph = s.paragraph;
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.end).toBeGreaterThan(s.start);
      for (const [p, a, b] of spans) if (p === s.paragraph) expect(s.end <= a || s.start >= b).toBe(true);
      spans.push([s.paragraph, s.start, s.end]);
      texts.push(text.slice(s.start, s.end));
    }
    expect(quote.text).toBe(texts.join('\n'));
    expect(quote.confidence).toBeGreaterThanOrEqual(0);
    expect(quote.confidence).toBeLessThanOrEqual(1);
    expect(quote.speaker === null).toBe(quote.sieve === null);
    if (quote.speaker) expect(ids.has(quote.speaker)).toBe(true);
    if (quote.sieve) expect(SIEVES.has(quote.sieve)).toBe(true);
    expect(quote.candidates.length).toBeLessThanOrEqual(3);
    expect(new Set(quote.candidates.map((c) => c.speaker)).size).toBe(quote.candidates.length);
    for (const c of quote.candidates) expect(ids.has(c.speaker)).toBe(true);
    if (quote.mention) {
      const m = quote.mention;
      expect(paragraphs[m.paragraph]!.slice(m.start, m.end)).toBe(m.text);
    }
    expect(typeof quote.evidence).toBe('string');
  }
  // mentions come from outside quotes
  for (const quote of analysis.quotes) {
    const m = quote.mention;
    if (!m) continue;
    for (const [p, a, b] of spans) if (p === m.paragraph) expect(m.end <= a || m.start >= b).toBe(true);
  }
  for (const v of analysis.variants) expect(ids.has(v.speaker)).toBe(true);
}

describe('properties of analyzeQuotes', () => {
  it('never throws; spans lie inside their paragraphs, in order, without overlap; every id resolves', () => {
    fc.assert(
      fc.property(article, (paragraphs) => {
        checkInvariants(paragraphs, analyzeQuotes(paragraphs));
      }),
      { numRuns: 400 },
    );
  });

  it('handles arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 6 }), (paragraphs) => {
        checkInvariants(paragraphs, analyzeQuotes(paragraphs));
      }),
      { numRuns: 200 },
    );
  });

  it('a sentence wrapped in curly quotes inside narrative is found exactly', () => {
    const word = fc.constantFrom('we', 'will', 'win', 'the', 'war', 'soon', 'people', 'know', 'it', 'here', 'never', 'again');
    fc.assert(
      fc.property(fc.array(word, { minLength: 4, maxLength: 12 }), fc.constantFrom('', 'Anna Berg said: ', 'Then ', 'The mayor told reporters, '), fc.constantFrom('', ' she said.', ' Nothing else.', ', said Tom Lee.'), (words, before, after) => {
        const quoted = `“${words.join(' ')}${after.startsWith(',') ? ',' : '.'}”`;
        const paragraph = `${before}${quoted}${after.startsWith(',') ? after.slice(1) : after}`;
        const analysis = analyzeQuotes(['Title', paragraph]);
        expect(analysis.quotes).toHaveLength(1);
        const [s] = analysis.quotes[0]!.segments;
        expect(paragraph.slice(s!.start, s!.end)).toBe(quoted);
        expect(analysis.quotes[0]!.kind).toBe('direct');
      }),
      { numRuns: 200 },
    );
  });

  it('an utterance reopened over k paragraphs is one quote with k segments and one speaker', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), (k) => {
        const parts = Array.from({ length: k }, (_, i) => (i === k - 1 ? `“part ${i} of what she said,” Ann Lee said.` : `“part ${i} of what she said`));
        const analysis = analyzeQuotes(['Title', ...parts]);
        expect(analysis.quotes).toHaveLength(1);
        expect(analysis.quotes[0]!.segments.map((s) => s.paragraph)).toEqual(Array.from({ length: k }, (_, i) => i + 1));
        expect(analysis.speakers.find((s) => s.id === analysis.quotes[0]!.speaker)?.name).toBe('Ann Lee');
      }),
    );
  });

  it('a paragraph without quotes or people appended at the end changes nothing', () => {
    fc.assert(
      fc.property(article, (paragraphs) => {
        const before = analyzeQuotes(paragraphs);
        const after = analyzeQuotes([...paragraphs, 'The rest is weather.']);
        expect(after.quotes.slice(0, before.quotes.length)).toEqual(before.quotes);
      }),
      { numRuns: 150 },
    );
  });

  // Reported speech, attributed to names, pronouns and (repeated) descriptions.
  const sentence = fc
    .tuple(
      fc.constantFrom('We will win', 'The roads are shut', 'Nobody knows', 'It is close'),
      fc.constantFrom('a Belarusian fighter', 'the fighter', 'a spokeswoman', 'the spokeswoman', 'Anna Berg', 'Berg', 'he', 'she', 'a fighter who served in Bakhmut'),
      fc.constantFrom('said', 'told Newsweek', 'added'),
    )
    .map(([words, who, verb]) => `“${words},” ${who} ${verb}.`);
  const reported = fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')), { minLength: 1, maxLength: 10 }).map((ps) => ['Title', ...ps]);

  it('re-running with the speakers it proposed keeps every quote and every speaker', () => {
    fc.assert(
      fc.property(fc.oneof(article, reported), (paragraphs) => {
        const first = analyzeQuotes(paragraphs);
        const proposed = first.speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases, auto: true }));
        const second = analyzeQuotes(paragraphs, { knownSpeakers: proposed });
        expect(second.quotes.map((q) => [q.segments, q.speaker])).toEqual(first.quotes.map((q) => [q.segments, q.speaker]));
        expect(second.speakers.map((s) => [s.id, s.name])).toEqual(first.speakers.map((s) => [s.id, s.name]));
      }),
      { numRuns: 150 },
    );
  });

  it('re-running with the found speakers as known speakers keeps every attribution', () => {
    fc.assert(
      fc.property(article, (paragraphs) => {
        const first = analyzeQuotes(paragraphs);
        const known = first.speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases }));
        const second = analyzeQuotes(paragraphs, { knownSpeakers: known });
        expect(second.quotes.map((q) => q.segments)).toEqual(first.quotes.map((q) => q.segments));
        checkInvariants(paragraphs, second);
      }),
      { numRuns: 150 },
    );
  });
});
