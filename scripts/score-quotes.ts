/**
 * Scores quote detection and attribution on the development set in fixtures/quotes-devset/:
 *
 *   npx tsx scripts/score-quotes.ts [--verbose]
 *
 * Each article is NAME.txt (first line the title, blank line, paragraphs separated by blank
 * lines) with NAME.gold.json: gold quotes `{start, end, speaker}` as JavaScript string offsets
 * into the file (the span includes the quote marks; a quote over several paragraphs spans from
 * the first opening mark to the last closing one) and gold speakers `{name, aliases}`.
 *
 * Matching (shared/design/quotes.md, "How to measure it"): a gold and a predicted quote match
 * when their overlap covers at least 0.8 of the gold span and 0.5 of the predicted one, one to
 * one (largest overlaps first). Reported: detection precision / recall / F1; on matched quotes,
 * attribution accuracy, precision of the suggestions made, coverage (share with a suggestion),
 * each broken down by sieve and by confidence band.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeQuotes } from '../src/quotes/analyze.ts';
import type { DetectedQuote, SpeakerEntity } from '../src/quotes/types.ts';

export interface GoldQuote {
  start: number;
  end: number;
  speaker: string | null;
  text?: string;
}
export interface GoldSpeaker {
  name: string;
  aliases: string[];
}
export interface GoldFile {
  title: string;
  speakers: GoldSpeaker[];
  quotes: GoldQuote[];
}

export interface Tally {
  n: number;
  correct: number;
}

export interface ScoreReport {
  files: number;
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** Correct speaker among matched quotes (no suggestion counts as wrong unless gold has none). */
  accuracy: number;
  /** Correct among matched quotes that got a suggestion. */
  suggestionPrecision: number;
  /** Share of matched quotes with a suggestion. */
  coverage: number;
  bySieve: Record<string, Tally>;
  byBand: Record<string, Tally>;
  errors: string[];
}

/** Paragraph blocks of a file with their start offsets (blank lines separate blocks). */
export function splitBlocks(text: string): { text: string; start: number }[] {
  const blocks: { text: string; start: number }[] = [];
  const re = /\n[ \t]*\n\s*/g;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) blocks.push({ text: text.slice(s, e), start: s });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return blocks;
}

/** Lowercased, without a leading article or title: "Dr. Fiona Walsh" and "Fiona Walsh" are one name. */
const normName = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFC')
    .replace(/^(the|a|an)\s+/, '')
    .replace(/^(dr|mr|mrs|ms|prof|sgt|gen|col|capt|lt|sen|rep|gov|rev|sir|dame)\.?\s+/, '')
    .trim();

/**
 * A predicted speaker is the gold one when a name or alias agrees; an unnamed predicted speaker
 * also when its head phrase ends with the gold label ("climate protesters" for "protesters").
 */
function speakerMatches(predicted: SpeakerEntity | undefined, gold: GoldSpeaker | undefined): boolean {
  if (!predicted || !gold) return false;
  const p = new Set([predicted.name, ...predicted.aliases].map(normName));
  const g = [gold.name, ...gold.aliases].map(normName);
  if (g.some((n) => p.has(n))) return true;
  return !predicted.named && g.some((n) => normName(predicted.name).endsWith(` ${n}`));
}

function band(confidence: number): string {
  return confidence >= 0.9 ? '≥0.9' : confidence >= 0.6 ? '0.6–0.9' : '<0.6';
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

/** Scores every NAME.txt / NAME.gold.json pair in `dir`. */
export function scoreDevset(dir: string): ScoreReport {
  const names = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();
  const report: ScoreReport = {
    files: names.length, gold: 0, predicted: 0, matched: 0, precision: 0, recall: 0, f1: 0, accuracy: 0, suggestionPrecision: 0, coverage: 0,
    bySieve: {}, byBand: {}, errors: [],
  };
  let correct = 0;
  let suggested = 0;
  let suggestedCorrect = 0;
  for (const name of names) {
    const text = readFileSync(`${dir}/${name}.txt`, 'utf8');
    const gold = JSON.parse(readFileSync(`${dir}/${name}.gold.json`, 'utf8')) as GoldFile;
    const blocks = splitBlocks(text);
    const analysis = analyzeQuotes(blocks.map((b) => b.text));
    const speakers = new Map(analysis.speakers.map((s) => [s.id, s]));
    const goldSpeakers = new Map(gold.speakers.map((s) => [s.name, s]));
    const spans = analysis.quotes.map((q: DetectedQuote) => {
      const first = q.segments[0]!;
      const last = q.segments[q.segments.length - 1]!;
      return { q, start: blocks[first.paragraph]!.start + first.start, end: blocks[last.paragraph]!.start + last.end };
    });
    report.gold += gold.quotes.length;
    report.predicted += spans.length;
    const pairs: { g: number; p: number; overlap: number }[] = [];
    gold.quotes.forEach((g, gi) => {
      spans.forEach((p, pi) => {
        const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
        if (overlap > 0 && overlap >= 0.8 * (g.end - g.start) && overlap >= 0.5 * (p.end - p.start)) pairs.push({ g: gi, p: pi, overlap });
      });
    });
    pairs.sort((a, b) => b.overlap - a.overlap);
    const usedG = new Set<number>();
    const usedP = new Set<number>();
    for (const pair of pairs) {
      if (usedG.has(pair.g) || usedP.has(pair.p)) continue;
      usedG.add(pair.g);
      usedP.add(pair.p);
      report.matched++;
      const g = gold.quotes[pair.g]!;
      const p = spans[pair.p]!.q;
      const predictedSpeaker = p.speaker ? speakers.get(p.speaker) : undefined;
      const ok = g.speaker === null ? !p.speaker : speakerMatches(predictedSpeaker, goldSpeakers.get(g.speaker));
      if (ok) correct++;
      if (p.speaker) {
        suggested++;
        if (ok) suggestedCorrect++;
      }
      const sieve = p.sieve ?? 'none';
      const s = (report.bySieve[sieve] ??= { n: 0, correct: 0 });
      s.n++;
      if (ok) s.correct++;
      if (p.speaker) {
        const b = (report.byBand[band(p.confidence)] ??= { n: 0, correct: 0 });
        b.n++;
        if (ok) b.correct++;
      }
      if (!ok) report.errors.push(`${name}: ${JSON.stringify(p.text.slice(0, 50))} → ${predictedSpeaker?.name ?? 'nobody'} (${sieve} ${p.confidence}) but gold is ${g.speaker ?? 'nobody'} — ${p.evidence}`);
    }
    gold.quotes.forEach((g, gi) => {
      if (!usedG.has(gi)) report.errors.push(`${name}: missed ${JSON.stringify(text.slice(g.start, Math.min(g.end, g.start + 50)))}`);
    });
    spans.forEach((p, pi) => {
      if (!usedP.has(pi)) report.errors.push(`${name}: spurious ${JSON.stringify(p.q.text.slice(0, 50))} (${p.q.kind}${p.q.unclosed ? ', unclosed' : ''})`);
    });
  }
  report.precision = ratio(report.matched, report.predicted);
  report.recall = ratio(report.matched, report.gold);
  report.f1 = ratio(2 * report.precision * report.recall, report.precision + report.recall);
  report.accuracy = ratio(correct, report.matched);
  report.suggestionPrecision = ratio(suggestedCorrect, suggested);
  report.coverage = ratio(suggested, report.matched);
  return report;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The report as the text the command prints. */
export function formatReport(report: ScoreReport, verbose = false): string {
  const lines = [
    `quotes dev set: ${report.files} articles, ${report.gold} gold quotes, ${report.predicted} predicted, ${report.matched} matched`,
    `detection   P ${pct(report.precision)}  R ${pct(report.recall)}  F1 ${pct(report.f1)}`,
    `attribution accuracy ${pct(report.accuracy)}  suggestion precision ${pct(report.suggestionPrecision)}  coverage ${pct(report.coverage)}`,
    'by sieve:',
    ...Object.entries(report.bySieve)
      .sort((a, b) => b[1].n - a[1].n)
      .map(([sieve, t]) => `  ${sieve.padEnd(18)} ${String(t.correct).padStart(3)}/${String(t.n).padEnd(3)} ${pct(ratio(t.correct, t.n))}`),
    'by confidence (suggestions only):',
    ...['≥0.9', '0.6–0.9', '<0.6'].filter((b) => report.byBand[b]).map((b) => `  ${b.padEnd(18)} ${String(report.byBand[b]!.correct).padStart(3)}/${String(report.byBand[b]!.n).padEnd(3)} ${pct(ratio(report.byBand[b]!.correct, report.byBand[b]!.n))}`),
  ];
  if (verbose || report.errors.length <= 30) lines.push(`errors (${report.errors.length}):`, ...report.errors.map((e) => `  ${e}`));
  else lines.push(`errors: ${report.errors.length} (--verbose lists them)`);
  return lines.join('\n');
}

export const DEVSET_DIR = fileURLToPath(new URL('../fixtures/quotes-devset', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatReport(scoreDevset(DEVSET_DIR), process.argv.includes('--verbose')));
}
