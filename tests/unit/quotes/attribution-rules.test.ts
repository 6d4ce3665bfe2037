import { describe, expect, it } from 'vitest';
import { analyzeQuotes } from '../../../src/quotes/analyze.ts';

/**
 * Attribution rules for sentences that name the speaker plainly (QA report qa2, bugs 5 and 6),
 * each with sentences of our own, and the neighbouring sentences that must not change.
 */
function run(text: string, title = 'Title') {
  const paragraphs = [title, ...text.split(/\n\s*\n/)];
  const analysis = analyzeQuotes(paragraphs);
  const names = new Map(analysis.speakers.map((s) => [s.id, s.name]));
  return {
    quotes: analysis.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker ? names.get(q.speaker)! : null,
      sieve: q.sieve,
      kind: q.kind,
      mention: q.mention?.text ?? null,
    })),
    speakers: analysis.speakers.map((s) => s.name),
  };
}
const speakersOf = (text: string, title?: string) => run(text, title).quotes.map((q) => q.speaker);

describe('an appositive name after a role noun is the speaker', () => {
  it('“…,” said the mayor, Jane Porter. — Jane Porter, not a new speaker "mayor"', () => {
    const { quotes, speakers } = run('“Taxes will not rise,” said the mayor, Jane Porter.');
    expect(quotes).toEqual([expect.objectContaining({ speaker: 'Jane Porter', sieve: 'q-v-s', mention: 'Jane Porter' })]);
    expect(speakers).toEqual(['Jane Porter']);
  });

  it('also when the clause ends in ! or ; (as it did when the paragraph ends)', () => {
    expect(speakersOf('“We won,” said the coach, Ana Ruiz!')).toEqual(['Ana Ruiz']);
    expect(speakersOf('“We won,” said the coach, Ana Ruiz; the crowd cheered.')).toEqual(['Ana Ruiz']);
    expect(speakersOf('“We won,” said the coach, Ana Ruiz')).toEqual(['Ana Ruiz']);
  });

  it('a quote opened after it and continued in the next paragraph is hers too', () => {
    const { quotes } = run('“Taxes will not rise,” said the mayor, Jane Porter. “Not this year.\n\n“Not next year either.”');
    expect(quotes.map((q) => [q.speaker, q.sieve])).toEqual([
      ['Jane Porter', 'q-v-s'],
      ['Jane Porter', 'same-paragraph'],
    ]);
  });

  it('“…,” the mayor, Jane Porter, said — the name, through the subject-verb cue', () => {
    expect(run('“We won,” the mayor, Jane Porter, said.').quotes[0]).toMatchObject({ speaker: 'Jane Porter', sieve: 'q-s-v' });
    expect(run('“We won,” the mayor, Jane Porter, who was elected in May, said.').quotes[0]).toMatchObject({ speaker: 'Jane Porter', sieve: 'q-s-v' });
  });

  it('unchanged: "said the mayor." alone is the mayor; "the mayor, Jane Porter and …" is a list', () => {
    expect(run('“Taxes will not rise,” said the mayor.').quotes[0]).toMatchObject({ speaker: 'mayor', sieve: 'q-v-s' });
    expect(speakersOf('“We won,” said the captain, Ali Khan and the coach.')).toEqual(['captain']);
  });
});

describe('civic and workplace role nouns', () => {
  it('“…,” said the treasurer, Alan Brooks. — Alan Brooks (it was unattributed)', () => {
    expect(run('“We will balance the budget,” said the treasurer, Alan Brooks.').quotes[0]).toMatchObject({ speaker: 'Alan Brooks', sieve: 'q-v-s' });
  });

  it('a role noun alone is an unnamed speaker, as "the mayor" is', () => {
    expect(run('“We will balance the budget,” said the treasurer.').quotes[0]).toMatchObject({ speaker: 'treasurer', sieve: 'q-v-s' });
    expect(run('“The office is closed,” the clerk said.').quotes[0]).toMatchObject({ speaker: 'clerk', sieve: 'q-s-v' });
    expect(run('The chair of the committee, Ruth Hale, said: “We will vote on Monday.”').quotes[0]).toMatchObject({ speaker: 'Ruth Hale' });
  });

  it('plurals that are mostly things are not people: "they" does not resolve to "the chairs"', () => {
    expect(speakersOf('The chairs were stacked. “We are done,” they said.')).toEqual([null]);
  });
});

describe('a role the word list does not know, then a name in apposition', () => {
  it('“…,” said the harbourmaster, Alan Brooks. — Alan Brooks', () => {
    expect(run('“The port will reopen,” said the harbourmaster, Alan Brooks.').quotes[0]).toMatchObject({ speaker: 'Alan Brooks', sieve: 'q-v-s' });
  });

  it('“…,” said the city’s treasurer, Alan Brooks. — a possessive before the role', () => {
    expect(speakersOf('“We will balance the budget,” said the city’s treasurer, Alan Brooks.')).toEqual(['Alan Brooks']);
  });

  it('unchanged: a clause or a list after the comma names nobody', () => {
    expect(speakersOf('“We will balance the budget,” said the report, published by Alan Brooks.')).toEqual([null]);
    expect(speakersOf('“We will balance the budget,” said the statement, which Alan Brooks signed.')).toEqual([null]);
    expect(speakersOf('“It was a mistake,” said the inquiry, Hale and Brooks.')).toEqual([null]);
  });
});

describe('"Name, age, a role, said": the age does not split the name from its description', () => {
  it('Emily Stone, 34, a nurse, said … “at breaking point” — Emily Stone, and no speaker "nurse"', () => {
    const { quotes, speakers } = run('Emily Stone, 34, a nurse, said the hospital was “at breaking point”.');
    expect(quotes).toEqual([expect.objectContaining({ speaker: 'Emily Stone', kind: 'partial' })]);
    expect(speakers).toEqual(['Emily Stone']);
  });

  it('before a colon cue, and after a quote', () => {
    expect(run('Emily Stone, 34, a nurse, said: “We cannot go on like this.”').quotes[0]).toMatchObject({ speaker: 'Emily Stone', sieve: 's-v-q' });
    expect(run('“We are exhausted,” Emily Stone, 34, a nurse, said.').quotes[0]).toMatchObject({ speaker: 'Emily Stone', sieve: 'q-s-v' });
    expect(run('“We are exhausted,” Emily Stone, 34, said.').quotes[0]).toMatchObject({ speaker: 'Emily Stone', sieve: 'q-s-v' });
  });

  it('with a verb that could be a noun ("claims"), which needs its subject right before it', () => {
    expect(speakersOf('Emily Stone, 34, claims the hospital is “at breaking point”.')).toEqual(['Emily Stone']);
  });

  it('unchanged: a number that is not an age after a name, and a description on its own', () => {
    expect(speakersOf('The ward had 34 beds, a nurse said. “We are full,” she added.')).toEqual(['nurse']);
    expect(run('Emily Stone, a nurse, said: “We cannot go on like this.”').quotes[0]).toMatchObject({ speaker: 'Emily Stone', sieve: 's-v-q' });
  });
});

describe('"a spokesperson for X" is the spokesperson, not X', () => {
  it('“No comment,” a spokesperson for McConnell said. — the spokesperson, after a quote by McConnell', () => {
    const { quotes, speakers } = run('“I disagree,” Senator Mitch McConnell told CNN.\n\n“No comment,” a spokesperson for McConnell said.');
    expect(quotes.map((q) => [q.speaker, q.sieve, q.mention])).toEqual([
      ['Mitch McConnell', 'q-s-v', 'Senator Mitch McConnell'],
      ['spokesperson for McConnell', 'q-s-v', 'a spokesperson for McConnell'],
    ]);
    expect(speakers).toEqual(['Mitch McConnell', 'spokesperson for McConnell']);
  });

  it('for an organisation, a family, a named campaign; an aide or adviser "to" someone', () => {
    expect(speakersOf('“We will appeal,” a lawyer for the family told reporters.')).toEqual(['lawyer for the family']);
    expect(speakersOf('“He is innocent,” said a lawyer for Tom Reyes.')).toEqual(['lawyer for Tom Reyes']);
    expect(speakersOf('“It is a good plan,” a spokesman for Mitch McConnell’s campaign said.')).toEqual(['spokesman for Mitch McConnell’s campaign']);
    expect(speakersOf('“Nothing is decided,” an aide to the senator said.')).toEqual(['aide to the senator']);
  });

  it('the spokesperson said later is the same speaker; a name in apposition still wins', () => {
    expect(speakersOf('“No comment,” a spokesperson for McConnell said.\n\n“We will not discuss it,” the spokesperson added.')).toEqual(['spokesperson for McConnell', 'spokesperson for McConnell']);
    expect(speakersOf('“No comment,” a spokesman for the company, John Smith, said.')).toEqual(['John Smith']);
  });

  it('unchanged: "for" that names no one ("a lawyer for 20 years", "for the first time")', () => {
    expect(speakersOf('A lawyer for 20 years, Ann Lee said: “I have never seen this.”')).toEqual(['Ann Lee']);
    expect(speakersOf('“We will see,” said a spokesman for the first time.')).toEqual(['spokesman']);
  });
});

describe('a pronoun after a pair "NAME and her husband, NAME"', () => {
  it('“…,” he said — Daniel Kim, the husband, not Sarah Kim', () => {
    const { quotes, speakers } = run('Sarah Kim and her husband, Daniel Kim, attended. “We came to listen,” he said.');
    expect(quotes[0]).toMatchObject({ speaker: 'Daniel Kim', sieve: 'pronoun' });
    expect(speakers).toEqual(['Daniel Kim']);
  });

  it('“…,” she said — Sarah Kim; with "his wife" the other way round', () => {
    expect(speakersOf('Sarah Kim and her husband, Daniel Kim, attended. “We came to listen,” she said.')).toEqual(['Sarah Kim']);
    expect(speakersOf('Tom Lee and his wife, Ann Lee, attended. “We came to listen,” she said.')).toEqual(['Ann Lee']);
  });

  it('"her" / "his" gives the first person a gender, so a later mention of them does not take the other pronoun', () => {
    expect(speakersOf('Tom Lee and his wife, Ann Lee, attended. Tom Lee left early. “We came to listen,” she said.')).toEqual(['Ann Lee']);
    expect(speakersOf('Robin Lee and her brother attended. Robin Lee spoke first. “It was loud,” he said.')).toEqual(['brother']);
  });

  it('unchanged: the pair as objects leaves the sentence’s subject first', () => {
    expect(speakersOf('The mayor thanked Sarah Kim and her husband, Daniel Kim. “We came to listen,” he said.')).toEqual(['mayor']);
  });
});

describe('a short quote that is a sentence of its own beside an attributed quote', () => {
  it('“…,” the forecaster said. “Stay inside.” — found, and the forecaster’s', () => {
    const { quotes } = run('“The storm is coming,” the forecaster said. “Stay inside.”');
    expect(quotes.map((q) => [q.text, q.speaker, q.sieve, q.kind])).toEqual([
      ['“The storm is coming,”', 'forecaster', 'q-s-v', 'direct'],
      ['“Stay inside.”', 'forecaster', 'same-paragraph', 'direct'],
    ]);
  });

  it('also before the attributed quote, and with the full stop outside the marks', () => {
    expect(run('“Stay inside.” “The storm is coming,” the forecaster said.').quotes.map((q) => q.speaker)).toEqual(['forecaster', 'forecaster']);
    expect(run('“The storm is coming,” the forecaster said. “Stay inside”.').quotes.map((q) => q.text)).toEqual(['“The storm is coming,”', '“Stay inside”']);
  });

  it('found but left unattributed when the paragraph has two speakers', () => {
    expect(speakersOf('“We are ready,” Anna Berg said. “So are we,” Tom Lee said. “Good.”')).toEqual(['Anna Berg', 'Tom Lee', null]);
  });

  it('unchanged: a term inside a sentence, or a short quote with no attributed quote beside it, is no quote', () => {
    expect(run('“The storm is coming,” the forecaster said of the so-called “safe zone”.').quotes.map((q) => q.text)).toEqual(['“The storm is coming,”']);
    expect(run('Residents fled the so-called “safe zone”. “We left at night,” said Ann Lee.').quotes.map((q) => q.text)).toEqual(['“We left at night,”']);
    expect(run('“Stay inside.”').quotes).toEqual([]);
    expect(run('The forecaster spoke on Tuesday. “Stay inside.”').quotes).toEqual([]);
    expect(run('“The storm is coming,” the forecaster said.\n\n“Stay inside.”').quotes.map((q) => q.text)).toEqual(['“The storm is coming,”']);
  });
});

describe('the headline is never a speaker', () => {
  const uncued = '“This is the first paragraph of a long statement.” The council met on Monday.';

  it('a quote opening the first paragraph does not take its speaker from the headline', () => {
    expect(run(uncued, 'Detection Cases')).toEqual({ quotes: [expect.objectContaining({ speaker: null, sieve: null })], speakers: [] });
    expect(speakersOf(uncued, 'Jane Porter defends the budget')).toEqual([null]);
  });

  it('unchanged: the previous sentence of the article itself still names the speaker', () => {
    expect(run(`Jane Porter spoke first.\n\n${uncued}`, 'Detection Cases').quotes[0]).toMatchObject({ speaker: 'Jane Porter', sieve: 'previous-sentence' });
  });
});

describe('a short whole sentence introduced by a speech verb and a colon', () => {
  it('Brooks later added: “We are done.” — a direct quote by its cue, not a low-confidence partial', () => {
    expect(run('Alan Brooks spoke first. Brooks later added: “We are done.”').quotes[0]).toMatchObject({ speaker: 'Alan Brooks', sieve: 's-v-q', kind: 'direct' });
    expect(run('The minister said: “No.”').quotes[0]).toMatchObject({ speaker: 'minister', sieve: 's-v-q', kind: 'direct' });
    expect(run('Ann Lee spoke first. She added: “We are done.”').quotes[0]).toMatchObject({ speaker: 'Ann Lee', sieve: 'pronoun', kind: 'direct' });
  });

  it('unchanged: a term after a colon that no speech verb introduces, or a quoted title', () => {
    expect(run('He called the plan: “Madness.”').quotes[0]).toMatchObject({ kind: 'partial', speaker: null });
    expect(run('Critics had one word for it: “Madness.”').quotes).toEqual([]);
    expect(run('The sign read: “Keep Out.”').quotes).toEqual([]);
    expect(run('The mayor said the city was “at breaking point”.').quotes[0]).toMatchObject({ kind: 'partial', sieve: 'in-sentence' });
  });
});
