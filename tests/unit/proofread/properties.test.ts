/** Properties of the local checks on arbitrary text (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../src/proofread/check-article.ts';
import { checkNameConsistency } from '../../../src/proofread/consistency.ts';
import { checkParagraphs } from '../../../src/proofread/rules.ts';
import type { Problem } from '../../../src/proofread/types.ts';
import { codePointToUtf16 } from '../../../src/proofread/text.ts';

/** Text built from pieces the rules care about: words, names, spaces, punctuation, quotes, gaps, emoji. */
const piece = fc.constantFrom(
  'the', 'The', 'a', 'an', 'An', 'had', 'Lukashenko', 'Lukashenka', 'Lukashenka’s', 'Frantzkevych', 'Zelenskyy', 'dog', '8', '11', '2-1', '1,800',
  ' ', ' ', ' ', '  ', '\n', ',', '.', ' ,', ' .', ':', '?', '!', '…', '“', '”', '‘', '’', '"', "'", '«', '»', '„', '__', '\uFFFC', '😀', '👍🏽', '—', '-', 'é', 'don’t',
);
const paragraph = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
const article = fc.array(fc.oneof(paragraph, fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 })), { minLength: 1, maxLength: 6 });

const gapChars = (text: string, start: number, end: number) => /__|\uFFFC/.test(text.slice(Math.max(0, start - 1), end + 1)) && /_{2,}|\uFFFC/.test(text.slice(start, end));

function checkInvariants(paragraphs: string[], problems: Problem[]) {
  for (const p of problems) {
    const text = paragraphs[p.paragraph];
    expect(text, `paragraph ${p.paragraph}`).toBeDefined();
    expect(p.start).toBeGreaterThanOrEqual(0);
    expect(p.end).toBeGreaterThan(p.start);
    expect(p.end).toBeLessThanOrEqual(text!.length);
    // Never inside a surrogate pair.
    for (const i of [p.start, p.end]) {
      const code = text!.charCodeAt(i);
      const before = text!.charCodeAt(i - 1);
      expect(code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff).toBe(false);
    }
    expect(gapChars(text!, p.start, p.end)).toBe(false);
    for (const s of p.suggestions) {
      // Applying a suggestion changes only the problem's span, and changes it.
      const fixed = text!.slice(0, p.start) + s.replacement + text!.slice(p.end);
      expect(fixed.startsWith(text!.slice(0, p.start))).toBe(true);
      expect(fixed.endsWith(text!.slice(p.end))).toBe(true);
      expect(fixed.length).toBe(text!.length - (p.end - p.start) + s.replacement.length);
      expect(s.replacement).not.toBe(text!.slice(p.start, p.end));
    }
  }
}

describe('properties of the local checks', () => {
  it('never throw, stay within their paragraph, and suggest changes to their span only', () => {
    fc.assert(
      fc.property(article, fc.boolean(), (paragraphs, curly) => {
        checkInvariants(paragraphs, checkParagraphs(paragraphs, { curlyQuotes: curly }));
        checkInvariants(paragraphs, checkNameConsistency(paragraphs));
      }),
      { numRuns: 500 },
    );
  });

  it('checkArticle without an engine keeps the same invariants and is sorted', async () => {
    await fc.assert(
      fc.asyncProperty(article, async (paragraphs) => {
        const problems = await checkArticle(paragraphs, null);
        checkInvariants(paragraphs, problems);
        const keys = problems.map((p) => p.paragraph * 1e6 + p.start);
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('applying a fix of the doubled-word or doubled-space rule removes that problem', () => {
    fc.assert(
      fc.property(paragraph, (text) => {
        for (const p of checkParagraphs([text]).filter((x) => x.rule === 'doubled-space')) {
          const fixed = text.slice(0, p.start) + p.suggestions[0]!.replacement + text.slice(p.end);
          expect(checkParagraphs([fixed]).some((q) => q.rule === 'doubled-space' && q.start === p.start)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('code point offsets map to UTF-16 boundaries in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const map = codePointToUtf16(text);
        const cps = [...text];
        let expected = 0;
        for (let k = 0; k <= cps.length; k++) {
          expect(map(k)).toBe(expected);
          expected += cps[k]?.length ?? 0;
        }
      }),
      { numRuns: 300 },
    );
  });
});
