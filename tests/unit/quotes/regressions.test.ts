import { describe, expect, it } from 'vitest';
import { analyzeQuotes } from '../../../src/quotes/analyze.ts';

/** Paragraph blocks of `text` (blank lines separate them); a title is put first. */
function run(text: string) {
  const paragraphs = ['Title', ...text.split(/\n\s*\n/)];
  const analysis = analyzeQuotes(paragraphs);
  const names = new Map(analysis.speakers.map((s) => [s.id, s.name]));
  return analysis.quotes.map((q) => ({
    text: q.text,
    speaker: q.speaker ? names.get(q.speaker)! : null,
    sieve: q.sieve,
    kind: q.kind,
    confidence: q.confidence,
    segments: q.segments.length,
    unclosed: q.unclosed,
    mention: q.mention?.text ?? null,
  }));
}

describe('regression cases from the design note', () => {
  it('Hugh Hill, a doctor: a quote over two paragraphs, then “he added” — Hugh Hill throughout', () => {
    const result = run('Hugh Hill, a doctor, said: "They need urgent treatment to fix the issue.\n\n"If they don\'t get it they\'ll die," he added.');
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ speaker: 'Hugh Hill', segments: 2, unclosed: false, sieve: 's-v-q' });
  });

  it('the same two sentences as separate quotes: Hugh Hill twice', () => {
    const result = run('Hugh Hill, a doctor, said: "They need urgent treatment to fix the issue."\n\n"If they don\'t get it they\'ll die," he added.');
    expect(result.map((q) => [q.speaker, q.sieve])).toEqual([
      ['Hugh Hill', 's-v-q'],
      ['Hugh Hill', 'pronoun'],
    ]);
  });

  it('Khalid Mahmood, not "Last"', () => {
    const [q] = run('Last night Khalid Mahmood, a Labour MP, said he was worried. "What he has done is wrong," he said.');
    expect(q).toMatchObject({ speaker: 'Khalid Mahmood', sieve: 'pronoun' });
  });

  it('a quote opened in three consecutive paragraphs and closed in the third: one utterance, one speaker', () => {
    const result = run('“First part of it goes here,” said Ann Lee. “Second part starts\n\n“and carries on over here\n\n“and only ends here,” she said.');
    expect(result.map((q) => [q.segments, q.speaker])).toEqual([
      [1, 'Ann Lee'],
      [3, 'Ann Lee'],
    ]);
  });

  it('an utterance whose only cue follows its last segment is attributed through the continuation', () => {
    const [q] = run('Joan Ruiz runs the shelter.\n\n“We opened in May and we were full by June.\n\n“Nobody expected that,” Ruiz said.');
    expect(q).toMatchObject({ speaker: 'Joan Ruiz', sieve: 'continuation', segments: 2 });
  });

  it('the homeless man who goes by the name “Shorty”: the man speaks, “Shorty” is a term', () => {
    const result = run('“Last night. Some gun violence. Senseless killing,” said a homeless man who goes by the name “Shorty.”');
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ speaker: 'homeless man', sieve: 'q-v-s', mention: 'a homeless man' });
  });

  it('the fighter, not Newsweek', () => {
    const [q] = run('“We will win,” a Belarusian fighter who served in Bakhmut told Newsweek.');
    expect(q).toMatchObject({ speaker: 'Belarusian fighter', sieve: 'q-s-v' });
  });

  it('according to Maria Smith, the mayor', () => {
    const [q] = run('According to Maria Smith, the mayor, “the budget is broken.”');
    expect(q).toMatchObject({ speaker: 'Maria Smith', sieve: 'according-to' });
  });

  it('critics called the policy “woke”: a partial quote at low confidence', () => {
    const [q] = run('Critics called the policy “woke” on Tuesday.');
    expect(q).toMatchObject({ kind: 'partial', sieve: 'in-sentence', speaker: 'critics' });
    expect(q!.confidence).toBeLessThan(0.6);
  });

  it('the last quote of the sample: the fighter of that paragraph, not the previous speaker', () => {
    const result = run(
      '“We help,” Frantskevich said. “Everyone helps.”\n\nThe Belarusian fighter, like thousands of the Ukrainian soldiers, expressed gratitude.\n\n“We receive cigarettes from the volunteers,” he said.',
    );
    expect(result.at(-1)).toMatchObject({ speaker: 'Belarusian fighter', sieve: 'pronoun' });
  });
});

describe('the other sieves', () => {
  it('Q-V-S: “…,” said Caddell', () => {
    expect(run('“It is over for them,” said Caddell.')[0]).toMatchObject({ speaker: 'Caddell', sieve: 'q-v-s', confidence: 0.95 });
  });

  it('V-S-Q: said Mr. Collins, “…”', () => {
    const result = run('“We tried everything we could,” said Mr. Collins, “and it was not enough for them.”');
    expect(result.map((q) => [q.speaker, q.sieve])).toEqual([
      ['Collins', 'q-v-s'],
      ['Collins', 'v-s-q'],
    ]);
  });

  it('in-sentence: Clinton says the tweets were “unhinged.”', () => {
    expect(run('Clinton says the tweets were “unhinged.”')[0]).toMatchObject({ speaker: 'Clinton', sieve: 'in-sentence', kind: 'partial' });
  });

  it('previous sentence: X said he was worried. “…”', () => {
    expect(run('Khalid Mahmood said he was worried. “What he has done is wrong.”')[0]).toMatchObject({ speaker: 'Khalid Mahmood', sieve: 'previous-sentence' });
  });

  it('floating: a quote that opens the paragraph after an attributed quote', () => {
    const result = run('Jane Doe told the crowd: “We are here to stay.”\n\n“Nobody will move us from this square.”');
    expect(result[1]).toMatchObject({ speaker: 'Jane Doe', sieve: 'floating', confidence: 0.6 });
  });

  it('she follows the nearest woman; he the nearest man', () => {
    const result = run('Anna Berg and her brother Tom run the farm. Mr. Tom Berg feeds the pigs.\n\n“It is hard work,” he said.\n\nMrs. Berg disagreed. “It is a joy,” she said.');
    expect(result.map((q) => q.speaker)).toEqual(['Tom Berg', 'Anna Berg']);
  });

  it('they: a plural speaker', () => {
    expect(run('The protesters marched to the square. “We will be back,” they said.')[0]).toMatchObject({ speaker: 'protesters', sieve: 'pronoun' });
  });

  it('the company said in a statement', () => {
    expect(run('“Jobs will be cut,” the company said in a statement.')[0]).toMatchObject({ speaker: 'company', sieve: 'q-s-v' });
  });

  it('a quote ending its sentence is not attributed by a following clause', () => {
    const result = run('“We won the vote.” Smith said the count was fair, though.');
    expect(result[0]!.sieve).not.toBe('q-s-v');
  });

  it('a scare-quoted term with no speech verb is not a quote', () => {
    expect(run('The so-called “rainy day fund” is empty. The bar is called “The Anchor” by locals.')).toEqual([]);
  });

  it('an unclosed quote is flagged and its confidence lowered', () => {
    const [q] = run('Ann Lee said: “This never ends and it never will\n\nNext paragraph.');
    expect(q).toMatchObject({ unclosed: true, speaker: 'Ann Lee' });
    expect(q!.confidence).toBeLessThan(0.95);
  });

  it('a description in apposition to a description is the same person', () => {
    const result = run('One pupil, a 14-year-old girl, said the delay was fun. “We went to Pompeii twice!” she said.');
    expect(result[0]).toMatchObject({ speaker: 'pupil', sieve: 'pronoun' });
  });

  it('a surname first seen in an organisation name still belongs to a person', () => {
    const result = run('The Kowalski bakery opened in 1974.\n\nAnna Kowalski runs it now. “My father paid me in cake,” she said.');
    expect(result[0]).toMatchObject({ speaker: 'Anna Kowalski', sieve: 'pronoun' });
  });

  it('a named organisation is never he or she', () => {
    const result = run('“Rain will stay,” the Met Office said on Friday. Tom Reed farms nearby.\n\n“It is a disaster,” he said.');
    expect(result.map((q) => q.speaker)).toEqual(['Met Office', 'Tom Reed']);
  });

  it('mentions are only found outside quotes', () => {
    const [q] = run('“Putin and Lukashenko will fall,” he said.');
    expect(q!.speaker).toBeNull();
  });
});
