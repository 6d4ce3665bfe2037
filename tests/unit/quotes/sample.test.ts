import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeQuotes } from '../../../src/quotes/analyze.ts';

/** The sample article as blocks: blank lines separate paragraphs; index 0 is the title. */
const paragraphs = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8').trim().split(/\n\s*\n/);
const analysis = analyzeQuotes(paragraphs);
const nameOf = (id: string | null) => analysis.speakers.find((s) => s.id === id)?.name ?? null;

const FIGHTER = 'Belarusian fighter';
const FRANTZ = 'Oleksiy Frantzkevych';

describe('the sample article (shared/design/quotes.md)', () => {
  it('has 12 quotes with the speaker and sieve the design note lists', () => {
    expect(analysis.quotes.map((q) => [q.text.slice(0, 14), nameOf(q.speaker), q.sieve])).toEqual([
      ['“After the vic', FIGHTER, 'q-s-v'],
      ['“For us, the w', FIGHTER, 'same-paragraph'],
      ['“In 2020, we l', FIGHTER, 'q-s-v'],
      ['“About one yea', FIGHTER, 'pronoun'],
      ['“I knew how to', FIGHTER, 'same-paragraph'],
      ['“We will defea', FIGHTER, 'pronoun'],
      ['“And without P', FIGHTER, 'same-paragraph'],
      ['“The Ukrainian', FRANTZ, 'q-s-v'],
      ['“They donate m', FRANTZ, 'same-paragraph'],
      ['“We collect ca', FRANTZ, 'q-s-v'],
      ['“The whole civ', FRANTZ, 'same-paragraph'],
      ['“We receive ci', FIGHTER, 'pronoun'],
    ]);
  });

  it('every quote is direct, closed, and spans exactly its marks', () => {
    for (const q of analysis.quotes) {
      expect(q).toMatchObject({ kind: 'direct', unclosed: false });
      expect(q.segments).toHaveLength(1);
      const s = q.segments[0]!;
      const text = paragraphs[s.paragraph]!.slice(s.start, s.end);
      expect(text).toBe(q.text);
      expect(text.startsWith('“') && text.endsWith('”')).toBe(true);
    }
  });

  it('quote 9 contains the gap', () => {
    expect(analysis.quotes[8]!.text).toContain('__');
  });

  it('has exactly two speakers: the unnamed fighter and Frantzkevych with his other spelling', () => {
    expect(analysis.speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases, named: s.named }))).toEqual([
      { id: 'belarusian-fighter', name: FIGHTER, aliases: [], named: false },
      { id: 'oleksiy-frantzkevych', name: FRANTZ, aliases: ['Frantskevich'], named: true },
    ]);
    expect(analysis.variants).toEqual([{ speaker: 'oleksiy-frantzkevych', canonical: 'Frantzkevych', variant: 'Frantskevich' }]);
  });

  it('confidences follow the priors, lowered for the spelling variant and unknown gender', () => {
    const c = analysis.quotes.map((q) => q.confidence);
    expect(c[0]).toBe(0.9); // Q-S-V
    expect(c[7]).toBeLessThan(0.9); // Q-S-V through a spelling variant
    expect(c[7]).toBeGreaterThanOrEqual(0.6);
    expect(c[3]).toBeLessThan(0.8); // "he" for a person of unknown gender
    for (const x of c) expect(x).toBeGreaterThanOrEqual(0.6);
  });

  it('names the words that name the speaker, and explains pronouns', () => {
    const [q1] = analysis.quotes;
    expect(q1!.mention?.text).toBe('a Belarusian fighter');
    expect(paragraphs[q1!.mention!.paragraph]!.slice(q1!.mention!.start, q1!.mention!.end)).toBe('a Belarusian fighter');
    expect(analysis.quotes[7]!.mention?.text).toBe('Frantskevich');
    const last = analysis.quotes[11]!;
    expect(last.mention?.text).toBe('he');
    expect(last.evidence).toContain('he = Belarusian fighter');
  });

  it('candidates: at most three distinct speakers, best first, the chosen one on top', () => {
    for (const q of analysis.quotes) {
      expect(q.candidates.length).toBeLessThanOrEqual(3);
      expect(new Set(q.candidates.map((c) => c.speaker)).size).toBe(q.candidates.length);
      expect(q.candidates[0]?.speaker).toBe(q.speaker);
      for (let i = 1; i < q.candidates.length; i++) expect(q.candidates[i]!.score).toBeLessThanOrEqual(q.candidates[i - 1]!.score);
    }
  });

  it('a re-run with the confirmed speakers reuses their ids and gives the same result', () => {
    const known = analysis.speakers.map((s) => ({ id: `user-${s.id}`, name: s.name, aliases: s.aliases }));
    const again = analyzeQuotes(paragraphs, { knownSpeakers: known });
    expect(again.quotes.map((q) => q.speaker)).toEqual(analysis.quotes.map((q) => (q.speaker ? `user-${q.speaker}` : null)));
    expect(again.quotes.map((q) => q.confidence)).toEqual(analysis.quotes.map((q) => q.confidence));
    expect(again.speakers.map((s) => [s.id, s.name, s.aliases])).toEqual(known.map((k) => [k.id, k.name, k.aliases]));
  });

  it('is deterministic', () => {
    expect(analyzeQuotes(paragraphs)).toEqual(analysis);
  });
});
