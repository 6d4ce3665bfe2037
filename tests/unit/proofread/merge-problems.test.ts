import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProblems, sortProblems } from '../../../src/proofread/merge-problems.ts';
import type { Problem, ProblemCategory } from '../../../src/proofread/types.ts';

/** The rules of the merge, written the plain way: every problem compared with every other. */
function mergedTheSlowWay(local: readonly Problem[], consistency: readonly Problem[], engine: readonly Problem[]): Problem[] {
  const overlaps = (a: Problem, b: Problem) => a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
  const out: Problem[] = [];
  const add = (p: Problem) => {
    const same = out.find((q) => q.paragraph === p.paragraph && q.start === p.start && q.end === p.end && q.category === p.category);
    if (same) {
      for (const s of p.suggestions) if (!same.suggestions.some((t) => t.replacement === s.replacement)) same.suggestions.push({ ...s });
      return;
    }
    out.push({ ...p, suggestions: p.suggestions.map((s) => ({ ...s })) });
  };
  local.forEach(add);
  consistency.forEach(add);
  for (const p of engine) {
    if (p.category === 'spelling' && consistency.some((c) => overlaps(c, p))) continue;
    if (local.some((l) => (l.category === p.category || (l.category === 'repetition' && l.start === p.start && l.end === p.end)) && overlaps(l, p))) continue;
    add(p);
  }
  return sortProblems(out);
}

const categories: ProblemCategory[] = ['spelling', 'grammar', 'punctuation', 'consistency', 'repetition'];
const problem = fc
  .record({
    paragraph: fc.integer({ min: 0, max: 3 }),
    start: fc.integer({ min: 0, max: 12 }),
    length: fc.integer({ min: 1, max: 4 }),
    rule: fc.constantFrom('SpellCheck', 'doubled-word', 'name-consistency', 'AnA'),
    category: fc.constantFrom(...categories),
    replacements: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }),
  })
  .map(
    ({ paragraph, start, length, rule, category, replacements }): Problem => ({
      paragraph,
      start,
      end: start + length,
      rule,
      category,
      message: `${rule} at ${paragraph}:${start}`,
      suggestions: replacements.map((replacement) => ({ label: `Use ${replacement}`, replacement })),
    }),
  );

describe('merging the checks’ problems', () => {
  it('keeps, folds and drops exactly as comparing every problem with every other would', () => {
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 12 }), fc.array(problem, { maxLength: 6 }), fc.array(problem, { maxLength: 16 }), (local, consistency, engine) => {
        expect(mergeProblems(local, consistency, engine)).toEqual(mergedTheSlowWay(local, consistency, engine));
      }),
      { numRuns: 400 },
    );
  });

  it('lists a doubled word once, as the repetition, though the engine reads it as a misspelling', () => {
    const repeated: Problem = { paragraph: 2, start: 8, end: 15, rule: 'doubled-word', category: 'repetition', message: 'The word “the” is repeated', suggestions: [{ label: 'Remove the second “the”', replacement: 'the' }] };
    const engine: Problem = { paragraph: 2, start: 8, end: 15, rule: 'ThatThe', category: 'spelling', message: 'Did you mean “that the” or just “the”?', suggestions: [{ label: 'that the', replacement: 'that the' }] };
    expect(mergeProblems([repeated], [], [engine]).map((p) => p.rule)).toEqual(['doubled-word']);
  });

  it('does not change the lists it is given', () => {
    const local = [{ paragraph: 1, start: 0, end: 3, rule: 'doubled-word', category: 'grammar', message: 'm', suggestions: [{ label: 'x', replacement: 'x' }] }] satisfies Problem[];
    const engine = [{ ...local[0]!, rule: 'AnA', suggestions: [{ label: 'y', replacement: 'y' }] }];
    const merged = mergeProblems(local, [], engine);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.suggestions.map((s) => s.replacement)).toEqual(['x']);
    expect(local[0]!.suggestions).toHaveLength(1);
  });
});
