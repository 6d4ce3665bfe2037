/**
 * `npx tsx scripts/score-proofread.ts [--seed N] [--per-kind N] [--verbose]`: scores the
 * proofreading checks on the development set (fixtures/proofread-devset, clean news articles).
 *
 * 1. Loads Harper in Node and prints the cold start (load until a first lint returns), then the
 *    time of a whole-article lint of the sample article (engine warm, paragraph cache empty),
 *    of a re-check after one paragraph changed, and of a re-check with nothing changed.
 * 2. Runs `checkArticle` on every clean article: every problem reported there is a false alarm
 *    (the texts were written to be correct), printed per 1,000 words and listed by rule.
 * 3. Injects errors into copies of the articles with a seeded script — typos in common words,
 *    doubled words, a/an errors, name variants, broken quotation marks, doubled spaces — one
 *    error per copy, and counts the copies where a new problem points at the injected error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutText } from '../src/editor/layout.ts';
import { checkArticle } from '../src/proofread/check-article.ts';
import { buildArticleDictionary } from '../src/proofread/dictionary.ts';
import { LOCAL_DUPLICATE_RULES, NEWS_STYLE_OFF_RULES } from '../src/proofread/engine.ts';
import { loadHarperNode } from '../src/proofread/harper-node.ts';
import { isSentenceStart, stripPossessive, words } from '../src/proofread/text.ts';
import type { Problem } from '../src/proofread/types.ts';
import { DEFAULT_DISABLED_RULES } from '../src/proofread/types.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const SEED = option('--seed', 20240611);
const PER_KIND = option('--per-kind', 5);
const VERBOSE = args.includes('--verbose');

const root = new URL('..', import.meta.url).pathname;
const devDir = join(root, 'fixtures', 'proofread-devset');
const samplePath = join(root, 'fixtures', 'article.txt');

const paragraphsOf = (text: string) => layoutText(text).blocks.map((b) => b.text);
const wordCount = (paragraphs: readonly string[]) => paragraphs.reduce((n, p) => n + (p.match(/\S+/g)?.length ?? 0), 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** A small seeded PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[int(xs.length)] : undefined);
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

// ---------------------------------------------------------------------------------------------
// Error injection

type Kind = 'typo' | 'doubled-word' | 'a-an' | 'name-variant' | 'broken-quote' | 'doubled-space';
const KINDS: Kind[] = ['typo', 'doubled-word', 'a-an', 'name-variant', 'broken-quote', 'doubled-space'];

interface Injection {
  kind: Kind;
  paragraph: number;
  /** Span of the injected error in the mutated paragraph. */
  start: number;
  end: number;
  detail: string;
  paragraphs: string[];
}

const replaceAt = (text: string, start: number, end: number, by: string) => text.slice(0, start) + by + text.slice(end);

const NEIGHBOURS: Record<string, string> = {
  a: 'sqz', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n', n: 'bm',
  o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

/** A typo in a lower-case word of five letters or more: swap, drop, double or hit a neighbouring key. */
function injectTypo(paragraphs: string[], r: Rng): Injection | null {
  const candidates = paragraphs.flatMap((text, paragraph) =>
    paragraph === 0 ? [] : words(text).filter((w) => /^[a-z]{5,}$/.test(w.text)).map((w) => ({ paragraph, w })),
  );
  const c = r.pick(candidates);
  if (!c) return null;
  const word = c.w.text;
  let typo = word;
  for (let tries = 0; tries < 10 && typo === word; tries++) {
    const i = 1 + r.int(word.length - 2);
    const how = r.int(4);
    if (how === 0) typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    else if (how === 1) typo = word.slice(0, i) + word.slice(i + 1);
    else if (how === 2) typo = word.slice(0, i) + word[i] + word.slice(i);
    else {
      const ns = NEIGHBOURS[word[i]!] ?? 'e';
      typo = word.slice(0, i) + ns[r.int(ns.length)] + word.slice(i + 1);
    }
  }
  if (typo === word) return null;
  const out = [...paragraphs];
  out[c.paragraph] = replaceAt(paragraphs[c.paragraph]!, c.w.start, c.w.end, typo);
  return { kind: 'typo', paragraph: c.paragraph, start: c.w.start, end: c.w.start + typo.length, detail: `${word} → ${typo}`, paragraphs: out };
}

/** A word written twice ("the the"); never "had" or "that", which may rightly be doubled. */
function injectDoubledWord(paragraphs: string[], r: Rng): Injection | null {
  const candidates = paragraphs.flatMap((text, paragraph) =>
    paragraph === 0 ? [] : words(text).filter((w) => /^[a-z]+$/.test(w.text) && !['had', 'that'].includes(w.text)).map((w) => ({ paragraph, w })),
  );
  const c = r.pick(candidates);
  if (!c) return null;
  const out = [...paragraphs];
  out[c.paragraph] = replaceAt(paragraphs[c.paragraph]!, c.w.end, c.w.end, ` ${c.w.text}`);
  return { kind: 'doubled-word', paragraph: c.paragraph, start: c.w.start, end: c.w.end * 2 - c.w.start + 1, detail: `${c.w.text} ${c.w.text}`, paragraphs: out };
}

/** "a" ↔ "an" before a word. */
function injectAAn(paragraphs: string[], r: Rng): Injection | null {
  const candidates = paragraphs.flatMap((text, paragraph) =>
    [...text.matchAll(/(?<![\p{L}’'])(a|an|A|An)(?= [\p{L}\p{N}])/gu)].map((m) => ({ paragraph, m })),
  );
  const c = r.pick(candidates);
  if (!c) return null;
  const was = c.m[0];
  const now = { a: 'an', an: 'a', A: 'An', An: 'A' }[was]!;
  const out = [...paragraphs];
  out[c.paragraph] = replaceAt(paragraphs[c.paragraph]!, c.m.index, c.m.index + was.length, now);
  const next = /^ \S+/.exec(out[c.paragraph]!.slice(c.m.index + now.length))?.[0] ?? '';
  return { kind: 'a-an', paragraph: c.paragraph, start: c.m.index, end: c.m.index + now.length, detail: `${was}${next} → ${now}${next}`, paragraphs: out };
}

const VOWELS = 'aeiou';

/** One occurrence of a name used at least twice, spelled differently (a vowel changed or a consonant doubled). */
function injectNameVariant(paragraphs: string[], r: Rng): Injection | null {
  const occurrences = paragraphs.flatMap((text, paragraph) =>
    words(text)
      .filter((w) => /^\p{Lu}\p{Ll}+/u.test(w.text) && paragraph > 0)
      .map((w) => ({ paragraph, start: w.start, name: stripPossessive(w.text), mid: !isSentenceStart(text, w.start) })),
  );
  const counts = new Map<string, number>();
  const mid = new Set<string>();
  for (const o of occurrences) {
    counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
    if (o.mid) mid.add(o.name);
  }
  const candidates = occurrences.filter((o) => o.name.length >= 6 && (counts.get(o.name) ?? 0) >= 2 && mid.has(o.name));
  const c = r.pick(candidates);
  if (!c) return null;
  const name = c.name;
  const i = 2 + r.int(name.length - 3);
  const ch = name[i]!;
  const variant = VOWELS.includes(ch) ? name.slice(0, i) + VOWELS.replace(ch, '')[r.int(4)] + name.slice(i + 1) : name.slice(0, i) + ch + name.slice(i);
  const out = [...paragraphs];
  out[c.paragraph] = replaceAt(paragraphs[c.paragraph]!, c.start, c.start + name.length, variant);
  return { kind: 'name-variant', paragraph: c.paragraph, start: c.start, end: c.start + variant.length, detail: `${name} → ${variant}`, paragraphs: out };
}

/** A quotation mark deleted, closed with the wrong mark, or (in a curly-quote article) typed straight. */
function injectBrokenQuote(paragraphs: string[], r: Rng): Injection | null {
  const marks = paragraphs.flatMap((text, paragraph) => [...text.matchAll(/[“”"]/g)].map((m) => ({ paragraph, index: m.index, mark: m[0] })));
  const curly = marks.some((m) => m.mark !== '"');
  for (let tries = 0; tries < 20; tries++) {
    const c = r.pick(marks);
    if (!c) return null;
    const text = paragraphs[c.paragraph]!;
    const next = paragraphs[c.paragraph + 1]?.trimStart().charAt(0) ?? '';
    const closing = c.mark === '”' || (c.mark === '"' && c.index > 0 && !/\s/.test(text.charAt(c.index - 1)));
    // Deleting the closing mark at a paragraph's end before a paragraph that opens with a mark makes a correct multi-paragraph quotation.
    const endsParagraph = text.slice(c.index + 1).trim() === '';
    const how = curly ? r.int(3) : 0;
    const out = [...paragraphs];
    if (how === 0) {
      if (closing && endsParagraph && /[“"]/.test(next)) continue;
      out[c.paragraph] = replaceAt(text, c.index, c.index + 1, '');
      return { kind: 'broken-quote', paragraph: c.paragraph, start: c.index, end: c.index, detail: `deleted ${c.mark}`, paragraphs: out };
    }
    if (how === 1) {
      if (!closing) continue;
      out[c.paragraph] = replaceAt(text, c.index, c.index + 1, '»');
      return { kind: 'broken-quote', paragraph: c.paragraph, start: c.index, end: c.index + 1, detail: `${c.mark} → »`, paragraphs: out };
    }
    out[c.paragraph] = replaceAt(text, c.index, c.index + 1, '"');
    return { kind: 'broken-quote', paragraph: c.paragraph, start: c.index, end: c.index + 1, detail: `${c.mark} → "`, paragraphs: out };
  }
  return null;
}

/** Two spaces where one was. */
function injectDoubledSpace(paragraphs: string[], r: Rng): Injection | null {
  const candidates = paragraphs.flatMap((text, paragraph) => [...text.matchAll(/(?<=\S) (?=\S)/g)].map((m) => ({ paragraph, index: m.index })));
  const c = r.pick(candidates);
  if (!c) return null;
  const out = [...paragraphs];
  out[c.paragraph] = replaceAt(paragraphs[c.paragraph]!, c.index, c.index + 1, '  ');
  return { kind: 'doubled-space', paragraph: c.paragraph, start: c.index, end: c.index + 2, detail: 'two spaces', paragraphs: out };
}

const INJECTORS: Record<Kind, (p: string[], r: Rng) => Injection | null> = {
  typo: injectTypo,
  'doubled-word': injectDoubledWord,
  'a-an': injectAAn,
  'name-variant': injectNameVariant,
  'broken-quote': injectBrokenQuote,
  'doubled-space': injectDoubledSpace,
};

/** Problems in `after` that were not in `before` (matched by paragraph, rule and flagged text). */
function newProblems(before: Problem[], beforeParas: string[], after: Problem[], afterParas: string[]): Problem[] {
  const key = (p: Problem, paras: string[]) => `${p.paragraph}|${p.rule}|${paras[p.paragraph]!.slice(p.start, p.end)}`;
  const seen = new Map<string, number>();
  for (const p of before) seen.set(key(p, beforeParas), (seen.get(key(p, beforeParas)) ?? 0) + 1);
  return after.filter((p) => {
    const k = key(p, afterParas);
    const n = seen.get(k) ?? 0;
    if (n > 0) {
      seen.set(k, n - 1);
      return false;
    }
    return true;
  });
}

/** The rules meant to catch each kind (preferred when several new problems point at the error). */
const EXPECTED: Record<Kind, string[]> = {
  typo: ['SpellCheck'],
  'doubled-word': ['doubled-word'],
  'a-an': ['AnA', 'article-before-number'],
  'name-variant': ['name-consistency'],
  'broken-quote': ['unclosed-quote', 'unopened-quote', 'mismatched-quote', 'straight-quote'],
  'doubled-space': ['doubled-space'],
};

/** The new problem that points at the injected error, if any. */
function caught(inj: Injection, fresh: Problem[]): Problem | undefined {
  const hits = fresh.filter((p) => {
    if (inj.kind === 'name-variant') return p.rule === 'name-consistency' || (p.paragraph === inj.paragraph && p.start < inj.end && inj.start < p.end);
    if (inj.kind === 'broken-quote') return p.category === 'quotes' && p.paragraph === inj.paragraph;
    return p.paragraph === inj.paragraph && p.start <= inj.end && inj.start <= p.end;
  });
  return hits.find((p) => EXPECTED[inj.kind].includes(p.rule)) ?? hits[0];
}

// ---------------------------------------------------------------------------------------------

const t0 = performance.now();
const { engine, loadMs } = await loadHarperNode();
console.log(`Harper cold start (load + first lint, Node ${process.version}): ${ms(loadMs)} (import at ${ms(t0)} after process start)`);

const sample = paragraphsOf(readFileSync(samplePath, 'utf8'));
const sampleDictionary = buildArticleDictionary(sample);
const runs: number[] = [];
for (let i = 0; i < 6; i++) {
  engine.clearCache();
  const t = performance.now();
  await engine.lint(sample, { dictionary: sampleDictionary });
  runs.push(performance.now() - t);
}
const [firstRun, ...warmRuns] = runs as [number, ...number[]];
const edited = [...sample];
const editTimes: number[] = [];
const cachedTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  edited[3] = `${sample[3]} Edit ${i}.`;
  let t = performance.now();
  await checkArticle(edited, engine);
  editTimes.push(performance.now() - t);
  t = performance.now();
  await checkArticle(edited, engine);
  cachedTimes.push(performance.now() - t);
}
console.log(`Sample article (${sample.length} paragraphs, ${wordCount(sample)} words), whole-article Harper lint with an empty paragraph cache:`);
console.log(`  first lint after load (WebAssembly still warming up): ${ms(firstRun)}`);
console.log(`  warm: median ${ms(median(warmRuns))} (runs: ${warmRuns.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  checkArticle after one paragraph changed: median ${ms(median(editTimes))}; nothing changed: median ${ms(median(cachedTimes))}`);

const sampleProblems = await checkArticle(sample, engine);
console.log(`\nOn the sample article checkArticle reports ${sampleProblems.length} problems:`);
for (const p of sampleProblems) console.log(`  [${p.rule}] ¶${p.paragraph} “${sample[p.paragraph]!.slice(p.start, p.end)}” — ${p.message}`);
const harperOnly = await engine.lint(sample, { dictionary: sampleDictionary });
console.log(`Harper alone (after filtering) flags ${harperOnly.length} on the sample:`);
for (const p of harperOnly) console.log(`  [${p.rule}] ¶${p.paragraph} “${sample[p.paragraph]!.slice(p.start, p.end)}” — ${p.message}`);
console.log(`Harper rules off: ${[...DEFAULT_DISABLED_RULES, ...NEWS_STYLE_OFF_RULES, ...LOCAL_DUPLICATE_RULES].join(', ')}`);

// False alarms on the clean texts.
interface Article {
  name: string;
  paragraphs: string[];
}
const readArticles = (dir: string): Article[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, paragraphs: paragraphsOf(readFileSync(join(dir, f), 'utf8')) }));

async function falseAlarms(label: string, articles: Article[]): Promise<Map<string, Problem[]>> {
  const words = articles.reduce((n, a) => n + wordCount(a.paragraphs), 0);
  const clean = new Map<string, Problem[]>();
  const byRule = new Map<string, string[]>();
  for (const a of articles) {
    const problems = await checkArticle(a.paragraphs, engine);
    clean.set(a.name, problems);
    for (const p of problems) {
      const list = byRule.get(p.rule) ?? [];
      list.push(`${a.name} ¶${p.paragraph} “${a.paragraphs[p.paragraph]!.slice(p.start, p.end)}” — ${p.message}`);
      byRule.set(p.rule, list);
    }
  }
  const total = [...clean.values()].reduce((n, ps) => n + ps.length, 0);
  console.log(`\n${label}: ${articles.length} articles, ${words} words`);
  console.log(`False alarms: ${total} (${((total * 1000) / words).toFixed(2)} per 1,000 words)`);
  for (const [rule, list] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${rule}: ${list.length}`);
    for (const line of list) console.log(`    ${line}`);
  }
  return clean;
}

const articles = readArticles(devDir);
const clean = await falseAlarms('Clean development set (the texts the rules were tuned on)', articles);
const heldout = readArticles(join(devDir, 'heldout'));
const cleanHeldout = await falseAlarms('Held-out clean set (written after tuning, not tuned on)', heldout);

// Injected errors.
async function injected(label: string, set: Article[], cleanProblems: Map<string, Problem[]>, seed: number): Promise<void> {
  const r = rng(seed);
  const results = new Map<Kind, { injected: number; caught: number; missed: string[]; by: Map<string, number> }>();
  for (const kind of KINDS) results.set(kind, { injected: 0, caught: 0, missed: [], by: new Map() });
  for (const a of set) {
    for (const kind of KINDS) {
      for (let k = 0; k < PER_KIND; k++) {
        const inj = INJECTORS[kind](a.paragraphs, r);
        if (!inj) continue;
        const res = results.get(kind)!;
        res.injected++;
        const after = await checkArticle(inj.paragraphs, engine);
        const hit = caught(inj, newProblems(cleanProblems.get(a.name)!, a.paragraphs, after, inj.paragraphs));
        if (hit) {
          res.caught++;
          res.by.set(hit.rule, (res.by.get(hit.rule) ?? 0) + 1);
        } else res.missed.push(`${a.name} ¶${inj.paragraph}: ${inj.detail}`);
      }
    }
  }
  let total = 0;
  let caughtTotal = 0;
  console.log(`\nInjected errors, ${label} (seed ${seed}, up to ${PER_KIND} per kind per article, one error per copy):`);
  for (const [kind, res] of results) {
    total += res.injected;
    caughtTotal += res.caught;
    const by = [...res.by].map(([rule, n]) => `${rule} ${n}`).join(', ');
    console.log(`  ${kind.padEnd(14)} ${String(res.caught).padStart(3)}/${String(res.injected).padEnd(3)} (${((100 * res.caught) / Math.max(1, res.injected)).toFixed(0)}%)  by: ${by}`);
    if (VERBOSE || res.missed.length <= 8) for (const m of res.missed) console.log(`      missed: ${m}`);
    else console.log(`      missed (first 8 of ${res.missed.length}): ${res.missed.slice(0, 8).join(' | ')}`);
  }
  console.log(`  total          ${caughtTotal}/${total} (${((100 * caughtTotal) / Math.max(1, total)).toFixed(0)}%)`);
}

await injected('development set', articles, clean, SEED);
await injected('held-out set', heldout, cleanHeldout, SEED + 1);
