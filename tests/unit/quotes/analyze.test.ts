import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutText } from '../../../src/editor/layout.ts';
import { analyzeQuotes } from '../../../src/quotes/analyze.ts';
import { isSpellingVariant } from '../../../src/quotes/registry.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');
const blocks = (text: string) => layoutText(text).blocks.map((b) => b.text);

function attributed(text: string) {
  const analysis = analyzeQuotes(blocks(text));
  const names = new Map(analysis.speakers.map((s) => [s.id, s.name]));
  return analysis.quotes.map((q) => ({ text: q.text, speaker: q.speaker ? names.get(q.speaker) : null, sieve: q.sieve, kind: q.kind, confidence: q.confidence, segments: q.segments.length, unclosed: q.unclosed }));
}

describe('the sample article', () => {
  const result = attributed(sample);
  const analysis = analyzeQuotes(blocks(sample));

  it('finds all 12 quotes with the right speaker and sieve', () => {
    const fighter = 'Belarusian fighter';
    const frantz = 'Oleksiy Frantzkevych';
    expect(result.map((q) => [q.text.slice(0, 12), q.speaker, q.sieve])).toEqual([
      ['“After the v', fighter, 'q-s-v'],
      ['“For us, the', fighter, 'same-paragraph'],
      ['“In 2020, we', fighter, 'q-s-v'],
      ['“About one y', fighter, 'pronoun'],
      ['“I knew how ', fighter, 'same-paragraph'],
      ['“We will def', fighter, 'pronoun'],
      ['“And without', fighter, 'same-paragraph'],
      ['“The Ukraini', frantz, 'q-s-v'],
      ['“They donate', frantz, 'same-paragraph'],
      ['“We collect ', frantz, 'q-s-v'],
      ['“The whole c', frantz, 'same-paragraph'],
      ['“We receive ', fighter, 'pronoun'],
    ]);
  });

  it('has two speakers and links Frantskevich to Frantzkevych as a spelling variant', () => {
    expect(analysis.speakers.map((s) => [s.name, s.aliases])).toEqual([
      ['Belarusian fighter', []],
      ['Oleksiy Frantzkevych', ['Frantskevich']],
    ]);
    expect(analysis.variants).toEqual([{ speaker: 'oleksiy-frantzkevych', canonical: 'Frantzkevych', variant: 'Frantskevich' }]);
  });

  it('names the words that name the speaker', () => {
    const q1 = analysis.quotes[0]!;
    expect(q1.mention?.text).toBe('a Belarusian fighter');
    expect(blocks(sample)[q1.mention!.paragraph]!.slice(q1.mention!.start, q1.mention!.end)).toBe('a Belarusian fighter');
    expect(analysis.quotes[11]!.mention?.text).toBe('he');
    expect(analysis.quotes[11]!.evidence).toContain('he = Belarusian fighter');
  });

  it('reuses the ids of speakers the user confirmed', () => {
    const again = analyzeQuotes(blocks(sample), { knownSpeakers: [{ id: 'custom', name: 'Oleksiy Frantzkevych', aliases: [] }] });
    expect(again.quotes[7]!.speaker).toBe('custom');
  });
});

describe('regression cases', () => {
  it('Hugh Hill, a quote over two paragraphs, then “he added”', () => {
    const result = attributed('T\n\nHugh Hill, a doctor, said: "They need urgent treatment to fix the issue.\n\n"If they don\'t get it they\'ll die," he added.');
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ speaker: 'Hugh Hill', segments: 2, unclosed: false });
  });

  it('Khalid Mahmood, not "Last"', () => {
    const result = attributed('T\n\nLast night Khalid Mahmood, a Labour MP, said he was worried. "What he has done is wrong," he said.');
    expect(result[0]?.speaker).toBe('Khalid Mahmood');
  });

  it('one utterance opened in three paragraphs and closed in the third', () => {
    const result = attributed('T\n\n“First part of it goes here,” said Ann Lee. “Second part starts\n\n“and carries on over here\n\n“and only ends here,” she said.');
    expect(result.map((q) => [q.segments, q.speaker])).toEqual([
      [1, 'Ann Lee'],
      [3, 'Ann Lee'],
    ]);
  });

  it('the homeless man called “Shorty”', () => {
    const result = attributed('T\n\n“Last night. Some gun violence. Senseless killing,” said a homeless man who goes by the name “Shorty.”');
    expect(result).toHaveLength(1);
    expect(result[0]?.speaker).toBe('homeless man');
  });

  it('the fighter, not Newsweek', () => {
    expect(attributed('T\n\n“We will win,” a Belarusian fighter who served in Bakhmut told Newsweek.')[0]?.speaker).toBe('Belarusian fighter');
  });

  it('according to Maria Smith', () => {
    expect(attributed('T\n\nAccording to Maria Smith, the mayor, “the budget is broken.”')[0]?.speaker).toBe('Maria Smith');
  });

  it('a scare-quoted word with a speech verb is a partial quote at low confidence', () => {
    const [quote] = attributed('T\n\nCritics called the policy “woke” on Tuesday.');
    expect(quote?.kind).toBe('partial');
    expect(quote!.confidence).toBeLessThan(0.6);
  });

  it('an unclosed quote is flagged', () => {
    const [quote] = attributed('T\n\n“This never ends, said nobody.\n\nNext paragraph.');
    expect(quote?.unclosed).toBe(true);
  });

  it('apostrophes are not quote marks', () => {
    expect(attributed('T\n\nLukashenko’s men don’t talk. ’Tis odd.')).toEqual([]);
  });
});

describe('properties', () => {
  it('never throws; segments lie inside their paragraphs and do not overlap', () => {
    const piece = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('“', '”', '"', '‘', '’', "'", ' he said. ', ' said Jo Bell, ', '\n\n', '__', '\uFFFC', '«', '»', '„'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const paragraphs = blocks(parts.join(''));
        const analysis = analyzeQuotes(paragraphs);
        const seen: [number, number, number][] = [];
        for (const quote of analysis.quotes) {
          for (const s of quote.segments) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(paragraphs[s.paragraph]!.length);
            expect(s.end).toBeGreaterThan(s.start);
            for (const [p, a, b] of seen) if (p === s.paragraph) expect(s.end <= a || s.start >= b).toBe(true);
            seen.push([s.paragraph, s.start, s.end]);
          }
          if (quote.speaker) expect(analysis.speakers.some((sp) => sp.id === quote.speaker)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles the sample repeated 100 times', () => {
    const body = sample.split('\n\n').slice(1).join('\n\n');
    const big = ['Title', ...Array.from({ length: 100 }, () => body)].join('\n\n');
    expect(analyzeQuotes(blocks(big)).quotes).toHaveLength(1200);
  });

  it('spelling variants: same first letter, 6+ letters, close spelling', () => {
    expect(isSpellingVariant('Lukashenko', 'Lukashenka')).toBe(true);
    expect(isSpellingVariant('Frantzkevych', 'Frantskevich')).toBe(true);
    expect(isSpellingVariant('Smith', 'Smyth')).toBe(false);
    expect(isSpellingVariant('Johnson', 'Jackson')).toBe(false);
  });
});

describe('quotes whose speaker the editor confirmed', () => {
  const text = 'Budget Talks\n\n“We will not give in,” a spokesman said. “We have said so from the start, and we will say it again.”\n\nThe talks went on. “It was long,” he said.';
  const known = [
    { id: 'anna', name: 'Anna Berg', aliases: [] },
    { id: 'bo', name: 'Bo Lind', aliases: [] },
  ];
  const paragraphs = blocks(text);
  const spanOf = (quote: string) => {
    const paragraph = paragraphs.findIndex((p) => p.includes(quote));
    const start = paragraphs[paragraph]!.indexOf(quote);
    return { paragraph, start, end: start + quote.length };
  };
  const speakers = (analysis: ReturnType<typeof analyzeQuotes>) => analysis.quotes.map((q) => [q.text, q.speaker, q.sieve]);

  it('are taken as given, and the quotes that lean on them follow', () => {
    const before = analyzeQuotes(paragraphs, { knownSpeakers: known });
    const names = new Map(before.speakers.map((sp) => [sp.id, sp.name]));
    expect(before.quotes.map((q) => [q.text, names.get(q.speaker!), q.sieve])).toEqual([
      ['“We will not give in,”', 'spokesman', 'q-s-v'],
      ['“We have said so from the start, and we will say it again.”', 'spokesman', 'same-paragraph'],
      ['“It was long,”', 'spokesman', 'pronoun'],
    ]);
    // The editor says the spokesman is Bo Lind: the second quote, in the same paragraph, and the
    // pronoun after it now point to him, and the evidence names him.
    const after = analyzeQuotes(paragraphs, { knownSpeakers: known, decided: [{ speaker: 'bo', spans: [spanOf('“We will not give in,”')] }] });
    expect(speakers(after)).toEqual([
      ['“We will not give in,”', 'bo', 'user'],
      ['“We have said so from the start, and we will say it again.”', 'bo', 'same-paragraph'],
      ['“It was long,”', 'bo', 'pronoun'],
    ]);
    expect(after.quotes[1]!.evidence).toBe('same paragraph as “We will not give…” (Bo Lind)');
  });

  it('decide a quote they cover at least half of; words marked inside a longer quote decide nothing about the rest', () => {
    const plain = speakers(analyzeQuotes(paragraphs, { knownSpeakers: known }));
    const long = '“We have said so from the start, and we will say it again.”';
    const inside = (words: string) => {
      const span = spanOf(long);
      const start = span.start + long.indexOf(words);
      return { paragraph: span.paragraph, start, end: start + words.length };
    };
    // the editor's own quote over "and we will say it again.”" is not a decision about the whole
    expect(speakers(analyzeQuotes(paragraphs, { knownSpeakers: known, decided: [{ speaker: 'bo', spans: [inside('and we will say it again.”')] }] }))).toEqual(plain);
    // most of it is
    const most = analyzeQuotes(paragraphs, { knownSpeakers: known, decided: [{ speaker: 'bo', spans: [inside('We have said so from the start, and we will')] }] });
    expect(speakers(most)[1]).toEqual([long, 'bo', 'user']);
  });

  it('change nothing when their speaker is unknown or their words are not a quote any more', () => {
    const plain = speakers(analyzeQuotes(paragraphs, { knownSpeakers: known }));
    expect(speakers(analyzeQuotes(paragraphs, { knownSpeakers: known, decided: [{ speaker: 'nobody', spans: [spanOf('“We will not give in,”')] }] }))).toEqual(plain);
    expect(speakers(analyzeQuotes(paragraphs, { knownSpeakers: known, decided: [{ speaker: 'bo', spans: [spanOf('The talks went on.')] }] }))).toEqual(plain);
  });
});
