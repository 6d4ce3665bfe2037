import { describe, expect, it } from 'vitest';
import { checkArticle, mergeProblems } from '../../../src/proofread/check-article.ts';
import type { ProofEngine } from '../../../src/proofread/engine.ts';
import type { Problem, ProofOptions } from '../../../src/proofread/types.ts';
import { sampleParagraphs, spanText } from './sample.ts';

const p = (paragraph: number, start: number, end: number, rule: string, category: Problem['category'], replacement?: string): Problem => ({
  paragraph,
  start,
  end,
  rule,
  category,
  message: rule,
  suggestions: replacement === undefined ? [] : [{ label: replacement, replacement }],
});

describe('checkArticle', () => {
  it('runs the local rules and the consistency check without an engine', async () => {
    const problems = await checkArticle(sampleParagraphs, null);
    expect(problems.map((x) => [x.rule, spanText(sampleParagraphs, x)])).toEqual([
      ['name-consistency', 'Lukashenko'],
      ['name-consistency', 'Lukashenko'],
      ['name-consistency', 'Frantskevich'],
      ['name-consistency', 'Frantskevich'],
    ]);
    expect(await checkArticle(sampleParagraphs, null, { disabledCategories: ['consistency'] })).toEqual([]);
  });

  it('gives the engine the article dictionary and dialect, and merges its problems in order', async () => {
    let seen: Partial<ProofOptions> | undefined;
    const engine: ProofEngine = {
      async lint(paragraphs, options) {
        seen = options;
        return [p(1, 0, 3, 'SpellCheck', 'spelling', 'The'), p(0, 0, 5, 'Style', 'style'), p(9, 0, 1, 'Out', 'style')];
      },
    };
    const paragraphs = ['Title', 'Teh colour of Kyiv  was grey.'];
    const problems = await checkArticle(paragraphs, engine, { dictionary: ['Galley'] });
    expect(seen?.dictionary).toEqual(expect.arrayContaining(['Galley', 'Galley’s', 'Kyiv', 'Kyiv’s']));
    expect(seen?.dialect).toBe('british');
    expect(seen?.disabledRules).toEqual(['OxfordComma']);
    expect(problems.map((x) => [x.paragraph, x.rule])).toEqual([
      [0, 'Style'],
      [1, 'SpellCheck'],
      [1, 'doubled-space'],
    ]);
  });

  it('drops engine problems of disabled rules or categories and on gaps', async () => {
    const engine: ProofEngine = { lint: async () => [p(1, 0, 3, 'SpellCheck', 'spelling'), p(1, 4, 6, 'Style', 'style'), p(1, 4, 5, 'Gap', 'grammar')] };
    const paragraphs = ['Title', 'Teh __ gap'];
    expect((await checkArticle(paragraphs, engine, { disabledRules: ['SpellCheck'], disabledCategories: ['style'] })).map((x) => x.rule)).toEqual([]);
  });
});

describe('mergeProblems', () => {
  it('folds problems with the same span and category into one, keeping every suggestion', () => {
    const merged = mergeProblems([], [], [p(1, 0, 3, 'SpellCheck', 'spelling', 'the'), p(1, 0, 3, 'The', 'spelling', 'the'), p(1, 0, 3, 'X', 'spelling', 'tea')]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.suggestions.map((s) => s.replacement)).toEqual(['the', 'tea']);
  });
  it('prefers the consistency check to a spelling lint on the same name', () => {
    const merged = mergeProblems([], [p(4, 10, 20, 'name-consistency', 'consistency', 'Lukashenka')], [p(4, 10, 22, 'SpellCheck', 'spelling', 'Lysenko')]);
    expect(merged.map((x) => x.rule)).toEqual(['name-consistency']);
  });
  it('prefers a local rule to an engine problem of the same category that overlaps it', () => {
    const merged = mergeProblems([p(1, 5, 12, 'doubled-word', 'repetition', 'the')], [], [p(1, 5, 12, 'RepeatedWords', 'repetition', 'the'), p(1, 5, 8, 'AnA', 'grammar', 'an')]);
    expect(merged.map((x) => x.rule)).toEqual(['AnA', 'doubled-word']); // same start: the shorter span first
  });
  it('sorts by paragraph, then position', () => {
    const merged = mergeProblems([p(2, 0, 1, 'b', 'style'), p(1, 5, 6, 'a', 'style')], [], [p(1, 2, 3, 'c', 'grammar')]);
    expect(merged.map((x) => [x.paragraph, x.start])).toEqual([
      [1, 2],
      [1, 5],
      [2, 0],
    ]);
  });
});
