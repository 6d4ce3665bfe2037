import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVSET_DIR, formatReport, scoreDevset, splitBlocks, type GoldFile } from '../../../scripts/score-quotes.ts';

const OPENERS = new Set(['“', '"', '«', '„', '‘', "'"]);

describe('the quotes development set (fixtures/quotes-devset)', () => {
  const names = readdirSync(DEVSET_DIR).filter((f) => f.endsWith('.gold.json')).map((f) => f.replace('.gold.json', ''));

  it('has at least 15 articles, each with text and gold', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
    for (const name of names) expect(readFileSync(`${DEVSET_DIR}/${name}.txt`, 'utf8').length).toBeGreaterThan(200);
  });

  it('gold spans lie inside the text, start with an opening mark and name a gold speaker', () => {
    for (const name of names) {
      const text = readFileSync(`${DEVSET_DIR}/${name}.txt`, 'utf8');
      const gold = JSON.parse(readFileSync(`${DEVSET_DIR}/${name}.gold.json`, 'utf8')) as GoldFile;
      const speakers = new Set(gold.speakers.map((s) => s.name));
      expect(text.split('\n')[0]).toBe(gold.title);
      for (const q of gold.quotes) {
        expect(q.end).toBeLessThanOrEqual(text.length);
        expect(q.start).toBeLessThan(q.end);
        expect(OPENERS.has(text[q.start]!)).toBe(true);
        if (q.text !== undefined) expect(text.slice(q.start, q.end)).toBe(q.text);
        if (q.speaker !== null) expect(speakers.has(q.speaker)).toBe(true);
      }
    }
  });

  it('splits files into paragraph blocks with their offsets', () => {
    expect(splitBlocks('Title\n\nOne\nline two\n\n\nThree\n')).toEqual([
      { text: 'Title', start: 0 },
      { text: 'One\nline two', start: 7 },
      { text: 'Three', start: 22 },
    ]);
  });

  it('meets the targets: detection F1 ≥ 0.95 and attribution accuracy ≥ 0.85 (measured, see npx tsx scripts/score-quotes.ts)', () => {
    const report = scoreDevset(DEVSET_DIR);
    const summary = formatReport(report);
    expect(report.gold, summary).toBeGreaterThanOrEqual(100);
    expect(report.f1, summary).toBeGreaterThanOrEqual(0.95);
    expect(report.accuracy, summary).toBeGreaterThanOrEqual(0.85);
    // the explicit-cue sieves should be nearly always right
    for (const sieve of ['q-s-v', 'q-v-s', 's-v-q']) {
      const t = report.bySieve[sieve];
      if (t) expect(t.correct / t.n, `${sieve}\n${summary}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
