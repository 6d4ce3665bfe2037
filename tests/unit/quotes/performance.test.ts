import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeQuotes } from '../../../src/quotes/analyze.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8').trim().split(/\n\s*\n/);
const body = sample.slice(1);

// No timing assertions (machines differ); these runs exist to catch crashes and runaway scans
// on article sizes the app meets (about 400 KB).
describe('large articles', () => {
  it('analyses the sample repeated 100 times (about 400 KB) and finds every quote', () => {
    const paragraphs = ['Title', ...Array.from({ length: 100 }, () => body).flat()];
    expect(paragraphs.join('\n\n').length).toBeGreaterThan(390_000);
    const analysis = analyzeQuotes(paragraphs);
    expect(analysis.quotes).toHaveLength(1200);
    expect(analysis.speakers.map((s) => s.name)).toContain('Oleksiy Frantzkevych');
    expect(analysis.quotes.every((q) => q.speaker !== null)).toBe(true);
  });

  it('analyses the same text as one giant paragraph', () => {
    const analysis = analyzeQuotes(['Title', Array.from({ length: 100 }, () => body.join(' ')).join(' ')]);
    expect(analysis.quotes).toHaveLength(1200);
  });

  it('analyses thousands of distinct people', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const word = (length: number) => String.fromCharCode(65 + Math.floor(random() * 26)) + Array.from({ length: length - 1 }, () => 'aeioulnrstkmvbz'[Math.floor(random() * 15)]).join('');
    const paragraphs = ['Title', ...Array.from({ length: 3000 }, () => `${word(5)} ${word(6 + Math.floor(random() * 5))} said he was fine. “We are fine here, thanks,” he said.`)];
    const analysis = analyzeQuotes(paragraphs);
    expect(analysis.quotes).toHaveLength(3000);
  });

  it('survives a paragraph of nothing but quote marks', () => {
    const analysis = analyzeQuotes(['Title', '“'.repeat(20_000), '"'.repeat(20_000), '’'.repeat(20_000)]);
    expect(analysis.quotes.length).toBeGreaterThan(0);
  });
});
