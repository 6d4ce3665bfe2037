/**
 * Results → medians, Galley/bare ratios, budget checks, and the Markdown/JSON reports.
 */
import { median, max, sum } from './stats.mjs';

const INITIAL_JS_BUDGET = 250_000; // bytes gzipped (250 kB, 1 kB = 1000 bytes as Vite prints)

/** The figures measured per K: how to read one session and how to combine runs. */
const FIGURES = [
  { id: 'load', label: 'load → first frame (ms)', get: (s) => s.loadMs, combine: median, digits: 0 },
  { id: 'settle', label: 'busy after load (s, ±1 s, diag.)', get: (s) => (s.settleMs == null ? null : s.settleMs / 1000), combine: median, digits: 1 },
  { id: 'loadScript', label: 'load: main-thread script (ms, diag.)', get: (s) => s.loadBreakdown?.scriptMs, combine: median, digits: 0 },
  { id: 'p50', label: 'key → frame p50 (ms)', get: (s) => s.keyToFrame?.p50, combine: median, digits: 1 },
  { id: 'p95', label: 'key → frame p95 (ms)', get: (s) => s.keyToFrame?.p95, combine: median, digits: 1 },
  { id: 'max', label: 'key → frame max (ms)', get: (s) => s.keyToFrame?.max, combine: median, digits: 1 },
  { id: 'longTasks', label: 'long tasks while typing (all runs)', get: (s) => s.longTasks?.count, combine: sum, digits: 0, noRatio: true },
  { id: 'longestTask', label: 'longest task while typing (ms)', get: (s) => s.longTasks?.maxMs, combine: max, digits: 0, noRatio: true },
  { id: 'script', label: 'script per key (ms, diag.)', get: (s) => s.perKey?.scriptMs, combine: median, digits: 2 },
  { id: 'layout', label: 'style+layout per key (ms, diag.)', get: (s) => (s.perKey ? s.perKey.layoutMs + s.perKey.styleMs : null), combine: median, digits: 2 },
  { id: 'otherLoad', label: 'other work on the machine (cores, diag.)', get: (s) => s.otherLoad, combine: median, digits: 2, noRatio: true },
  { id: 'heap', label: 'JS heap after load (MB)', get: (s) => (s.heapUsed == null ? null : s.heapUsed / 1e6), combine: median, digits: 1 },
  { id: 'save', label: 'one save (ms)', get: (s) => s.saveMs, combine: median, digits: 1 },
  { id: 'quotes', label: 'first quote analysis (ms)', get: (s) => s.quotesMs, combine: median, digits: 0, galleyOnly: true },
  { id: 'check', label: 'first full check (ms)', get: (s) => s.checkMs, combine: median, digits: 0, galleyOnly: true },
];

/** The budgets of the issue: which figure, at which K, which limit. */
const BUDGETS = [
  { figure: 'p50', ks: [1, 10, 100], maxRatio: 1.1, text: 'key→frame p50 within 10% of bare' },
  { figure: 'p95', ks: [1, 10, 100], maxRatio: 1.1, text: 'key→frame p95 within 10% of bare' },
  { figure: 'longTasks', ks: (k) => k <= 10, maxValue: 0, text: 'no long task while typing (K ≤ 10)' },
  { figure: 'load', ks: [1, 10], maxRatio: 1.2, text: 'load within 20% of bare' },
  { figure: 'heap', ks: [100], maxRatio: 1.5, text: 'JS heap after load within 1.5× of bare' },
];

const fmt = (value, digits) => (value == null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
const kB = (bytes) => (bytes / 1000).toFixed(1);

function budgetFor(figureId, k) {
  return BUDGETS.find((b) => b.figure === figureId && (typeof b.ks === 'function' ? b.ks(k) : b.ks.includes(k))) ?? null;
}

function budgetText(budget) {
  if (budget.maxRatio !== undefined) return `≤ ${budget.maxRatio.toFixed(2)}×`;
  return `= ${budget.maxValue}`;
}

/** Combines the sessions into rows and budget results. */
export function summarize(sessions, { ks, bundles, runsPerK }) {
  const rows = [];
  const budgets = [];
  for (const figure of FIGURES) {
    for (const k of ks) {
      const values = (app) => sessions.filter((s) => s.app === app && s.k === k && !s.error).map(figure.get);
      const bareValues = values('bare');
      const galleyValues = values('galley');
      const bare = figure.galleyOnly ? null : figure.combine(bareValues);
      const galley = figure.combine(galleyValues);
      const ratio = !figure.noRatio && bare != null && galley != null && bare > 0 ? galley / bare : null;
      const budget = budgetFor(figure.id, k);
      let status = null;
      // Other work on the machine during these sessions (median over both pages).
      const load = median(sessions.filter((s) => s.k === k && !s.error).map((s) => s.otherLoad));
      if (budget) {
        if (budget.maxRatio !== undefined) status = ratio == null ? 'n/a' : ratio <= budget.maxRatio ? 'PASS' : 'MISSED';
        else status = galley == null ? 'n/a' : galley <= budget.maxValue ? 'PASS' : 'MISSED';
        const caveats = [];
        if (status === 'MISSED' && load != null && load > 0.3) caveats.push(`measured while other work used ~${load.toFixed(1)} cores; rerun on a quiet machine`);
        if (status === 'MISSED' && figure.id === 'longTasks' && bare > 0) caveats.push(`bare had ${bare} too`);
        budgets.push({ text: `${budget.text} at K = ${k}`, figure: figure.id, k, bare, galley, ratio, limit: budgetText(budget), status, caveats });
      }
      rows.push({
        figure: figure.id,
        label: figure.label,
        k,
        runs: runsPerK[k],
        bare: figure.galleyOnly ? '—' : fmt(bare, figure.digits),
        galley: fmt(galley, figure.digits),
        ratio: ratio == null ? '—' : `${ratio.toFixed(2)}×`,
        budget: budget ? budgetText(budget) : '',
        status: status ?? '',
        raw: { bare, galley, ratio, bareRuns: bareValues, galleyRuns: galleyValues },
      });
    }
  }
  const bundleRows = [
    { label: 'initial JS, gzipped (kB)', bare: bundles.bare.initialJs.gzip, galley: bundles.galley.initialJs.gzip, budget: INITIAL_JS_BUDGET },
    { label: 'initial CSS, gzipped (kB)', bare: bundles.bare.initialCss.gzip, galley: bundles.galley.initialCss.gzip },
    { label: 'lazy JS + wasm, gzipped (kB)', bare: bundles.bare.lazy.gzip, galley: bundles.galley.lazy.gzip },
  ].map((row) => {
    const status = row.budget ? (row.galley < row.budget ? 'PASS' : 'MISSED') : '';
    if (row.budget) budgets.push({ text: 'initial JS under 250 kB gzipped', figure: 'initialJs', k: null, bare: row.bare, galley: row.galley, ratio: row.bare ? row.galley / row.bare : null, limit: '< 250 kB', status });
    return {
      figure: row.label,
      label: row.label,
      k: null,
      bare: kB(row.bare),
      galley: kB(row.galley),
      ratio: row.bare > 0 ? `${(row.galley / row.bare).toFixed(2)}×` : '—',
      budget: row.budget ? '< 250 kB' : '',
      status,
    };
  });
  return { rows, bundleRows, budgets };
}

function markdownTable(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const row = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [row(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.map(row)].join('\n');
}

/** The results table (Markdown; also readable in a terminal). */
export function resultsTable(summary) {
  const lines = summary.rows.map((r) => [r.label, r.k, r.bare, r.galley, r.ratio, r.budget, r.status]);
  for (const r of summary.bundleRows) lines.push([r.label, '—', r.bare, r.galley, r.ratio, r.budget, r.status]);
  return markdownTable(['Figure', 'K', 'bare', 'Galley', 'Galley/bare', 'Budget', 'Result'], lines);
}

export function budgetLines(summary) {
  return summary.budgets.map((b) => {
    const value = b.ratio != null && b.figure !== 'longTasks' && b.figure !== 'initialJs' ? `${b.ratio.toFixed(2)}× (limit ${b.limit})` : `${b.figure === 'initialJs' ? `${kB(b.galley)} kB` : b.galley ?? 'n/a'} (limit ${b.limit})`;
    return `${b.status.padEnd(6)}  ${b.text}: ${value}${b.caveats?.length ? ` (${b.caveats.join('; ')})` : ''}`;
  });
}

export function bundleDetails(bundles) {
  const lines = [];
  for (const app of ['galley', 'bare']) {
    const b = bundles[app];
    lines.push(`- ${app === 'galley' ? 'Galley' : 'bare'} — initial JS: ${b.initialJs.files.map((f) => `\`${f.file}\` ${kB(f.gzip)} kB gz (${kB(f.bytes)} kB raw)`).join(', ') || 'none'}`);
    if (b.lazy.files.length) lines.push(`  - lazy: ${b.lazy.files.map((f) => `\`${f.file}\` ${kB(f.gzip)} kB gz`).join(', ')}`);
    else lines.push('  - lazy: none');
  }
  return lines.join('\n');
}

export const METHOD = `- **Pages.** Galley's production build (\`vite build\`) and a bare ProseMirror page (paragraph schema, history, base keymap, nothing else; \`scripts/bench/bare/\`, built the same way), each served by \`vite preview\` and opened in a fresh browser context (1280×900) of Debian's Chromium, headless, through playwright-core. Both pages get the article through \`window.__BENCH_ARTICLE__\` before their scripts run and call \`window.__benchReady()\` right after the editor view is mounted.
- **Article.** \`fixtures/article.txt\`: its title once, its body paragraphs repeated K times.
- **Interleaving.** For each run and each K, bare and Galley are measured one after the other, the order alternating, so drift of the machine hits both.
- **Load.** From navigation start (0 of \`performance.now()\`) to the end of the first frame after \`__benchReady\`: a \`requestAnimationFrame\` is requested at ready, and a message posted from that callback is received after the frame's style, layout and paint have run on the main thread. Besides each session's load, \`--load-runs\` (default 10) more load-only samples per page and K, each in a fresh context, the two pages alternating, join the median: over a day on this machine bare's single loads ranged over 2× (about 100–230 ms at K = 1), so a median of a few sessions moved the ratio by ±0.3.
- **Key → frame.** Single keystrokes sent through CDP (\`Input.dispatchKeyEvent\` via Playwright's keyboard), typed after a space in the middle of the middle paragraph; between keys the driver waits for the sample to finish and then pauses 10 ms plus a random 0–33 ms (two 60 Hz frame periods, so keys land at a uniformly random phase of the frame clock). In the page, a capture-phase \`keydown\` listener starts the sample at the event's \`timeStamp\` (when the browser received the key, on the \`performance.now()\` clock); the sample ends at the end of the first frame after the key's \`input\` event (same rAF + message probe as load). Per session: p50, p95 and max of the keystrokes (linear-interpolated quantiles); across runs: the median.
- **Long tasks.** \`PerformanceObserver\` for \`longtask\` entries (> 50 ms), installed before the page's scripts; counted when they overlap the typing window; the table sums them over all runs.
- **Settling.** After load (and the app's first analyses), the benchmark waits until the browser's processes use less than 0.2 cores for 2 s in a row (up to 30 s; Galley loads its proofreading engine in the background) before it measures heap, save and typing; "busy after load" is that wait. The first-analysis figures are read again after it.
- **Load diagnostic.** \`ScriptDuration\` from \`Performance.getMetrics\` right after load: main-thread time spent compiling and running script up to then.
- **Per-key diagnostics.** \`Performance.getMetrics\` deltas over the typing window (ScriptDuration, RecalcStyleDuration + LayoutDuration) divided by the number of keys; they include the benchmark's own small \`evaluate\` calls, equally for both pages.
- **JS heap.** After load (and after the app's first analyses, when it reports them), \`HeapProfiler.collectGarbage\`, then \`JSHeapUsedSize\` from \`Performance.getMetrics\` (the page's main thread; workers not included).
- **Save.** \`__bench.persist()\` timed in the page: Galley's real save; bare: \`JSON.stringify(doc.toJSON())\` + \`localStorage.setItem\`.
- **First quote analysis / full check.** Read from \`window.__bench.timings()\` (\`{ quotesMs?, checkMs? }\`), polled after load for up to 10 s (3 s for a figure the returned object has no key for); "n/a" when the app does not report it. Bare has no analyses.
- **Bundle.** Initial JS = module scripts and modulepreloads referenced by \`index.html\` plus their static imports; lazy = every other \`.js\`/\`.wasm\` file in the output (dynamic chunks, workers, wasm). Gzipped with \`node:zlib\` (default level), source maps excluded; 1 kB = 1000 bytes.
- **Other work on the machine.** From \`/proc\`: CPU time of the whole machine minus that of the benchmark's own processes (Node, \`vite preview\`, Chromium), as cores busy on average during each session. Before each session the benchmark waits (up to 15 s) for that to drop below 0.25 cores, and a session disturbed by more than 0.3 cores is measured once more, within a budget of 60 s per run (\`--quiet-budget\`); sessions still disturbed are listed in the notes.
- **Combining.** Each figure is the median over runs (long-task count: the sum over runs; longest task: the max). Ratios are Galley/bare of those medians. Numbers on a 2-core machine are noisy: read ratios within ±10% with care, and rerun before acting on a single miss.`;

export function markdownReport({ summary, machine, options, runsPerK, bundles, notes, title = 'Galley performance benchmark' }) {
  const missed = summary.budgets.filter((b) => b.status === 'MISSED').length;
  const runs = Object.entries(runsPerK).map(([k, r]) => `K=${k}: ${r}`).join(', ');
  return `# ${title}

Generated by \`npm run bench${options.writeDocs ? ' -- --write-docs' : ''}\` on ${machine.date.slice(0, 10)} (${missed === 0 ? 'all budgets met' : `${missed} budget${missed === 1 ? '' : 's'} MISSED`}).

## Machine

| | |
| - | - |
| CPU | ${machine.cpu} |
| Cores | ${machine.cores} |
| Memory | ${machine.memoryGiB} GiB |
| OS | ${machine.os} |
| Chromium | ${machine.chromium} (headless, \`/usr/bin/chromium\`) |
| Node | ${machine.node} |
| Date | ${machine.date} |
| Galley sources | ${machine.source ?? 'unknown'} |

## Budgets

${budgetLines(summary).map((l) => `- ${l.replace(/^(\S+)\s+/, '**$1** ')}`).join('\n')}

## Results

Medians over runs (${runs}), ${options.keys} keystrokes per typing session; Galley/bare is the ratio of the medians.

${resultsTable(summary)}

### Bundle

${bundleDetails(bundles)}
${notes.length ? `\n### Notes\n\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}
What profiling found behind each miss, and the figures before and after each fix: [performance-findings.md](performance-findings.md).

## Method

${METHOD}

## Running it

\`\`\`sh
npm run bench                       # 3 runs of K = 1, 10, 100; writes bench-results/latest.{json,md}
npm run bench -- --quick            # smoke run: 1 run, K = 1, 10, 50 keys
npm run bench -- --runs 5 --k 1,10  # choose runs and K
npm run bench -- --profile          # add a CPU profile of typing at the largest K, top self-time functions
npm run bench -- --write-docs       # also rewrite this page
\`\`\`

The command exits with 0 when budgets are missed (they are printed as MISSED) and non-zero only when the benchmark itself fails.
`;
}
