import { describe, expect, it } from 'vitest';
import {
  buildLintConfig,
  categoryFor,
  cleanMessage,
  convertLint,
  HarperEngine,
  LOCAL_DUPLICATE_RULES,
  maskGaps,
  NEWS_STYLE_OFF_RULES,
  resolveSpan,
  type HarperLintLike,
  type HarperLinterLike,
} from '../../../src/proofread/engine.ts';

/** A stand-in Harper lint. */
function fakeLint(start: number, end: number, opts: { kind?: string; message?: string; suggestions?: [number, string][]; problemText?: string } = {}): HarperLintLike {
  return {
    span: () => ({ start, end }),
    get_problem_text: opts.problemText === undefined ? undefined : () => opts.problemText!,
    lint_kind: () => opts.kind ?? 'Spelling',
    message: () => opts.message ?? 'msg',
    suggestions: () => (opts.suggestions ?? []).map(([kind, text]) => ({ kind: () => kind, get_replacement_text: () => text })),
  };
}

/** A stand-in Harper linter: finds every word in `rules` (rule → words) and records what it was asked. */
class FakeLinter implements HarperLinterLike {
  calls: string[] = [];
  configs: Record<string, boolean | null>[] = [];
  dialects: number[] = [];
  constructor(private readonly rules: Record<string, { word: string; kind: string; suggestion?: string }[]>) {}
  async organizedLints(text: string) {
    this.calls.push(text);
    const out: Record<string, HarperLintLike[]> = {};
    for (const [rule, entries] of Object.entries(this.rules)) {
      if (this.configs.at(-1)?.[rule] === false) continue;
      for (const e of entries) {
        for (const m of text.matchAll(new RegExp(`\\b${e.word}\\b`, 'g'))) {
          (out[rule] ??= []).push(fakeLint(m.index, m.index + e.word.length, { kind: e.kind, suggestions: e.suggestion ? [[0, e.suggestion]] : [] }));
        }
      }
    }
    return out;
  }
  async getDefaultLintConfig() {
    return { SpellCheck: true, AnA: true, OxfordComma: true, LongSentences: true, RepeatedWords: true, CompoundNouns: true, BoringWords: false, NoOxfordComma: false };
  }
  async setLintConfig(config: Record<string, boolean | null>) {
    this.configs.push(config);
  }
  async setDialect(dialect: number) {
    this.dialects.push(dialect);
  }
}

describe('Harper lint conversion', () => {
  it('puts a lint that flags only white space in the spacing category', () => {
    const text = 'We met on Monday , then left.';
    const at = text.indexOf(' ,');
    expect(convertLint(fakeLint(at, at + 1, { kind: 'Punctuation', suggestions: [[1, '']] }), 'CommaFixes', text)?.category).toBe('spacing');
    expect(convertLint(fakeLint(3, 6, { kind: 'Punctuation' }), 'CommaFixes', text)?.category).toBe('punctuation');
  });

  it('keeps spans Harper gives in UTF-16 indices (harper.js 2.10)', () => {
    const text = 'He said 😀😀 that teh dog.';
    expect(resolveSpan(text, 18, 21, 'teh')).toEqual([18, 21]);
  });
  it('converts spans given in code points', () => {
    const text = 'He said 😀😀 that teh dog 👍🏽 barked.';
    expect(resolveSpan(text, 16, 19, 'teh')).toEqual([18, 21]);
    const barked = [...text].join('').indexOf('barked');
    const cp = [...text.slice(0, barked)].length;
    expect(resolveSpan(text, cp, cp + 6, 'barked')).toEqual([barked, barked + 6]);
    const p = convertLint(fakeLint(16, 19, { problemText: 'teh', suggestions: [[0, 'the']] }), 'SpellCheck', text);
    expect(p && text.slice(p.start, p.end)).toBe('teh');
  });
  it('turns every suggestion into a replacement of the whole span', () => {
    const text = 'We bought apples pears and plums';
    const p = convertLint(
      fakeLint(10, 16, {
        kind: 'Style',
        message: 'Did you mean `apple`?',
        suggestions: [
          [0, 'apple'],
          [1, ''],
          [2, ','],
          [0, 'apples'],
        ],
      }),
      'Test',
      text,
    )!;
    expect(p.suggestions).toEqual([
      { label: 'apple', replacement: 'apple' },
      { label: 'Remove “apples”', replacement: '' },
      { label: 'Add “,”', replacement: 'apples,' },
    ]);
    expect(p.message).toBe('Did you mean “apple”?');
    expect(p.category).toBe('style');
  });
  it('writes a one-letter capital article as a word, not in capitals', () => {
    const p = convertLint(fakeLint(0, 1, { kind: 'Miscellaneous', suggestions: [[0, 'AN']] }), 'AnA', 'A enormous crowd')!;
    expect(p.suggestions[0]!.replacement).toBe('An');
    expect(p.category).toBe('grammar');
  });
  it('drops empty and out-of-range spans', () => {
    expect(convertLint(fakeLint(3, 3), 'X', 'abcdef')).toBeNull();
    expect(convertLint(fakeLint(3, 30), 'X', 'abcdef')).toBeNull();
  });
  it('maps lint kinds and rules to categories', () => {
    expect(categoryFor('SpellCheck', 'Spelling')).toBe('spelling');
    expect(categoryFor('The', 'Typo')).toBe('spelling');
    expect(categoryFor('ItsContraction', 'Punctuation')).toBe('punctuation');
    expect(categoryFor('PronounVerbAgreement', 'Agreement')).toBe('grammar');
    expect(categoryFor('Spaces', 'Formatting')).toBe('spacing');
    expect(categoryFor('UpdatePlaceNames', 'WordChoice')).toBe('style');
    expect(categoryFor('Whatever', 'UnknownKind')).toBe('style');
  });
  it('cleans messages and masks gaps without changing lengths', () => {
    expect(cleanMessage('Use `it’s`  here.')).toBe('Use “it’s” here.');
    expect(maskGaps('a __ b ___ c')).toBe('a \uFFFC\uFFFC b \uFFFC\uFFFC\uFFFC c');
    expect(maskGaps('snake_case')).toBe('snake_case');
  });
});

describe('Harper rule configuration', () => {
  const defaults = { SpellCheck: true, OxfordComma: true, LongSentences: true, RepeatedWords: true, BoringWords: false, CompoundNouns: true };
  it('switches off the Oxford comma by default, and the news-style and duplicate rules', () => {
    const config = buildLintConfig(defaults);
    expect(config).toEqual({ SpellCheck: true, OxfordComma: false, LongSentences: false, RepeatedWords: false, BoringWords: false, CompoundNouns: false });
    expect(NEWS_STYLE_OFF_RULES).toContain('LongSentences');
    expect(LOCAL_DUPLICATE_RULES).toContain('RepeatedWords');
  });
  it('switches the Oxford comma on when the user removes it from the disabled rules', () => {
    expect(buildLintConfig(defaults, { disabledRules: [] }).OxfordComma).toBe(true);
  });
  it('lets enabledRules bring back a news-style rule, but never an unsafe one', () => {
    const config = buildLintConfig(defaults, { enabledRules: ['LongSentences', 'BoringWords'] });
    expect(config.LongSentences).toBe(true);
    expect(config.BoringWords).toBe(false);
  });
  it('switches off any rule the user disabled, and ignores unknown names', () => {
    const config = buildLintConfig(defaults, { disabledRules: ['SpellCheck', 'NoSuchRule'] });
    expect(config.SpellCheck).toBe(false);
    expect('NoSuchRule' in config).toBe(false);
  });
});

describe('HarperEngine', () => {
  const rules = {
    SpellCheck: [
      { word: 'Bakhmut', kind: 'Spelling', suggestion: 'Bathmat' },
      { word: 'teh', kind: 'Spelling', suggestion: 'the' },
    ],
    OxfordComma: [{ word: 'pears', kind: 'Style' }],
    AnA: [{ word: 'a', kind: 'Miscellaneous', suggestion: 'an' }],
  };

  it('lints each paragraph, names problems after the rule and drops dictionary words', async () => {
    const engine = new HarperEngine(new FakeLinter(rules));
    const problems = await engine.lint(['Title', 'In Bakhmut teh soldiers ate a apple.', 'Bakhmut’s streets.'], { dictionary: ['Bakhmut'] });
    expect(problems.map((p) => [p.paragraph, p.rule, p.category, p.start, p.end])).toEqual([
      [1, 'SpellCheck', 'spelling', 11, 14],
      [1, 'AnA', 'grammar', 28, 29],
    ]);
  });

  it('drops every spelling-like lint on a dictionary word, not only the spell check’s', async () => {
    const engine = new HarperEngine(new FakeLinter({ SplitWords: [{ word: 'aproved', kind: 'Spelling', suggestion: 'a proved' }], AnA: [{ word: 'a', kind: 'Miscellaneous', suggestion: 'an' }] }));
    const text = 'The mayor aproved a apple.';
    expect((await engine.lint([text])).map((p) => p.rule)).toEqual(['SplitWords', 'AnA']);
    expect((await engine.lint([text], { dictionary: ['aproved'] })).map((p) => [p.rule, text.slice(p.start, p.end)])).toEqual([['AnA', 'a']]);
  });

  it('applies the rule configuration, keeping the Oxford comma off unless asked', async () => {
    const linter = new FakeLinter(rules);
    const engine = new HarperEngine(linter);
    expect((await engine.lint(['apples, pears and plums'])).map((p) => p.rule)).toEqual([]);
    expect(linter.configs.at(-1)!.OxfordComma).toBe(false);
    expect((await engine.lint(['apples, pears and plums'], { disabledRules: [] })).map((p) => p.rule)).toEqual(['OxfordComma']);
  });

  it('filters by category', async () => {
    const engine = new HarperEngine(new FakeLinter(rules));
    const problems = await engine.lint(['teh a apple'], { disabledCategories: ['spelling'] });
    expect(problems.map((p) => p.rule)).toEqual(['AnA']);
  });

  it('caches per paragraph text and forgets when the rules change', async () => {
    const linter = new FakeLinter(rules);
    const engine = new HarperEngine(linter);
    await engine.lint(['one teh', 'two']);
    await engine.lint(['one teh', 'two', 'three']);
    expect(linter.calls).toEqual(['one teh', 'two', 'three']);
    await engine.lint(['one teh'], { disabledRules: [] });
    expect(linter.calls.at(-1)).toBe('one teh');
    expect(linter.calls).toHaveLength(4);
  });

  it('switches dialect, re-applies the rules, and keeps per-dialect cache entries', async () => {
    const linter = new FakeLinter(rules);
    const engine = new HarperEngine(linter);
    await engine.lint(['colour'], { dialect: 'british' });
    await engine.lint(['colour'], { dialect: 'american' });
    await engine.lint(['colour'], { dialect: 'british' });
    expect(linter.dialects).toEqual([1, 0, 1]);
    expect(linter.calls).toEqual(['colour', 'colour']);
    expect(linter.configs).toHaveLength(3);
  });

  it('hands Harper gaps as U+FFFC and never reports on them', async () => {
    const linter = new FakeLinter({ SpellCheck: [{ word: 'teh', kind: 'Spelling' }], Gap: [{ word: '__', kind: 'Style' }] });
    const engine = new HarperEngine(linter);
    const problems = await engine.lint(['a __ b teh']);
    expect(linter.calls).toEqual(['a \uFFFC\uFFFC b teh']);
    expect(problems.map((p) => p.rule)).toEqual(['SpellCheck']);
  });

  it('keeps going when one paragraph fails, and fails when all do', async () => {
    const linter = new FakeLinter(rules);
    const original = linter.organizedLints.bind(linter);
    linter.organizedLints = async (text: string) => {
      if (text.includes('boom')) throw new Error('panic');
      return original(text);
    };
    const engine = new HarperEngine(linter);
    expect((await engine.lint(['boom', 'teh'])).map((p) => p.paragraph)).toEqual([1]);
    await expect(engine.lint(['boom'])).rejects.toThrow('panic');
    expect((await engine.lint(['teh'])).length).toBe(1);
  });

  it('lists Harper’s rule names', async () => {
    expect(await new HarperEngine(new FakeLinter(rules)).ruleNames()).toContain('OxfordComma');
  });
});
