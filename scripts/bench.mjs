#!/usr/bin/env node
/**
 * `npm run bench`: Galley against a bare ProseMirror page, side by side, in Chromium.
 *
 * Builds both pages for production, serves them with `vite preview`, and for each article size K
 * (the sample's body paragraphs repeated K times) and each run measures, bare and Galley
 * interleaved, each in a fresh browser context: load, key → frame latency of single keystrokes,
 * long tasks while typing, JS heap after load, one save, the app's first analyses; plus the
 * bundle size. Prints the medians with Galley/bare ratios, checks the budgets, and writes
 * bench-results/latest.{json,md} (and docs/performance.md with --write-docs).
 *
 * Exit code: 0 when the benchmark ran (missed budgets are printed as MISSED), 1 when it failed.
 * See scripts/bench/args.mjs for the options, scripts/bench/report.mjs for the method.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, runsFor, USAGE } from './bench/args.mjs';
import { loadSample, repeatArticle } from './bench/article.mjs';
import { buildBare, buildGalley } from './bench/build.mjs';
import { waitForQuiet } from './bench/cpu-load.mjs';
import { bundleSize } from './bench/bundle-size.mjs';
import { launchChromium } from './bench/browser.mjs';
import { machineInfo, sourceVersion } from './bench/machine.mjs';
import { measureLoad, measureSession } from './bench/measure.mjs';
import { formatProfile, profileLoad, profilerHooks, saveProfile, summarizeProfile } from './bench/profile.mjs';
import { budgetLines, markdownReport, resultsTable, summarize } from './bench/report.mjs';
import { startPreview } from './bench/server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench-results');
const bareConfig = join(root, 'scripts/bench/bare/vite.config.mjs');
const bareDist = join(resultsDir, 'bare-dist');

const log = (...parts) => console.log(...parts);
const elapsed = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
const f1 = (v) => (v == null ? 'n/a' : v.toFixed(1));

function sessionLine(s) {
  if (s.error) return `ERROR ${s.error}`;
  const lt = s.longTasks ? `${s.longTasks.count}${s.longTasks.count ? ` (max ${s.longTasks.maxMs.toFixed(0)} ms)` : ''}` : 'n/a';
  return [
    `load ${s.loadMs.toFixed(0)} ms`,
    s.settleMs != null ? `busy after load ${(s.settleMs / 1000).toFixed(1)} s${s.settled === false ? ' (did not settle)' : ''}` : '',
    `key→frame p50 ${f1(s.keyToFrame.p50)} p95 ${f1(s.keyToFrame.p95)} max ${f1(s.keyToFrame.max)} ms`,
    `long tasks ${lt}`,
    `heap ${(s.heapUsed / 1e6).toFixed(1)} MB`,
    `save ${s.saveError ? `FAILED (${s.saveError})` : `${f1(s.saveMs)} ms`}`,
    s.app === 'galley' ? `quotes ${s.quotesMs == null ? 'n/a' : `${s.quotesMs.toFixed(0)} ms`} check ${s.checkMs == null ? 'n/a' : `${s.checkMs.toFixed(0)} ms`}` : '',
  ]
    .filter(Boolean)
    .join('  ');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    log(USAGE);
    return 0;
  }
  const started = Date.now();
  mkdirSync(resultsDir, { recursive: true });
  const galleyDist = options.galleyDist ? resolve(options.galleyDist) : join(resultsDir, 'galley-dist');

  if (options.galleyDist) log(`Using the Galley build in ${relative(root, galleyDist) || '.'}`);
  else {
    log('Building Galley for production (vite build → bench-results/galley-dist)…');
    await buildGalley(root, galleyDist);
  }
  log('Building the bare ProseMirror page (scripts/bench/bare → bench-results/bare-dist)…');
  await buildBare(root, bareConfig);
  const bundles = { galley: bundleSize(galleyDist), bare: bundleSize(bareDist) };
  const source = options.galleyDist ? `prebuilt (${relative(root, galleyDist)})` : sourceVersion(root);

  const sample = loadSample(join(root, 'fixtures/article.txt'));
  const articles = Object.fromEntries(options.ks.map((k) => [k, repeatArticle(sample, k)]));
  const runsPerK = Object.fromEntries(options.ks.map((k) => [k, runsFor(options, k)]));

  const servers = [];
  let browser = null;
  const stopAll = async () => {
    if (browser) await browser.close().catch(() => {});
    browser = null;
    for (const server of servers.splice(0)) server.stop();
  };
  const onSignal = (signal) => {
    void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const galleyServer = await startPreview(root, { outDir: galleyDist });
    servers.push(galleyServer);
    const bareServer = await startPreview(root, { outDir: bareDist, configFile: bareConfig });
    servers.push(bareServer);
    const targets = { bare: { name: 'bare', url: bareServer.url }, galley: { name: 'galley', url: galleyServer.url } };
    browser = await launchChromium(root, { headed: options.headed });
    const machine = { ...machineInfo(browser.version()), source };
    log(`Chromium ${machine.chromium} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB`);
    log(`Sample: ${sample.paragraphs} body paragraphs; K = ${options.ks.join(', ')}; runs ${options.ks.map((k) => `K=${k}: ${runsPerK[k]}`).join(', ')}; ${options.keys} keys per session\n`);

    const sessions = [];
    const maxRuns = Math.max(...Object.values(runsPerK));
    for (let run = 0; run < maxRuns; run++) {
      options.ks.forEach((k, kIndex) => {
        if (run >= runsPerK[k]) return;
        const order = (run + kIndex) % 2 === 0 ? ['bare', 'galley'] : ['galley', 'bare'];
        for (const app of order) sessions.push({ run, k, app });
      });
    }
    // One unrecorded session per page first, so neither pays for the browser's cold start.
    log('Warming up (not recorded)…');
    // A page that fails here would fail every session: stop at once.
    for (const app of ['bare', 'galley']) {
      try {
        await measureSession(browser, targets[app], { article: articles[options.ks[0]], keys: 5, analysisWaitMs: 0, settleMs: 0 });
      } catch (error) {
        throw new Error(`the ${app} page does not work: ${error?.message ?? error}`);
      }
    }

    const results = [];
    let failures = 0;
    // Other work on the machine (builds, tests) distorts the figures: before each session wait a
    // little for it to calm down, and measure a session again when it was disturbed, within
    // a budget of time for the whole run.
    const DISTURBED = 0.3; // cores busy with other work, on average over the session
    let quietBudgetMs = options.quietBudgetS * 1000;
    const calm = async () => {
      if (quietBudgetMs <= 0) return;
      const { waitedMs } = await waitForQuiet({ maxMs: Math.min(15_000, quietBudgetMs) });
      quietBudgetMs -= Math.max(0, waitedMs - 1000);
    };
    for (const { run, k, app } of sessions) {
      const label = `[run ${run + 1}/${runsPerK[k]}] K=${String(k).padEnd(3)} ${app.padEnd(6)}`;
      let result = null;
      for (let attempt = 1; attempt <= 2 && !result; attempt++) {
        try {
          await calm();
          const sessionStart = Date.now();
          result = await measureSession(browser, targets[app], { article: articles[k], keys: options.keys, analysisWaitMs: options.analysisWaitMs });
          if (result.otherLoad !== null && result.otherLoad > DISTURBED && attempt === 1 && quietBudgetMs > 0) {
            log(`${label} disturbed by other work on the machine (${result.otherLoad.toFixed(2)} cores busy); measuring again`);
            quietBudgetMs -= Date.now() - sessionStart;
            result = null;
          }
        } catch (error) {
          const message = String(error?.message ?? error).split('\n')[0];
          if (attempt === 2) {
            result = { app, error: message };
            failures++;
          } else log(`${label} attempt ${attempt} failed (${message}); retrying`);
        }
      }
      Object.assign(result, { app, k, run });
      results.push(result);
      const busy = result.otherLoad != null && result.otherLoad > DISTURBED ? ' (DISTURBED)' : '';
      log(`${label} ${sessionLine(result)}${result.otherLoad != null ? `  other load ${result.otherLoad.toFixed(2)} cores${busy}` : ''}${result.warnings?.length ? `\n    warnings: ${result.warnings.join('; ')}` : ''}`);
    }

    // Load is the noisiest figure (a fresh renderer each time): extra load-only samples, the two
    // pages alternating, join the sessions' loads in its median.
    if (options.loadRuns > 0) {
      log(`\nLoad only: ${options.loadRuns} more loads per page and K, interleaved…`);
      for (const k of options.ks) {
        const loads = { bare: [], galley: [] };
        for (let i = 0; i < options.loadRuns; i++) {
          await calm();
          for (const app of i % 2 === 0 ? ['galley', 'bare'] : ['bare', 'galley']) {
            try {
              const loadMs = await measureLoad(browser, targets[app], { article: articles[k] });
              results.push({ app, k, run: `load-${i}`, loadOnly: true, loadMs });
              loads[app].push(loadMs);
            } catch (error) {
              log(`K=${k} ${app} load-only sample failed: ${String(error?.message ?? error).split('\n')[0]}`);
            }
          }
        }
        log(`K=${String(k).padEnd(3)} load only: bare ${loads.bare.map((v) => v.toFixed(0)).join(' ')} ms; galley ${loads.galley.map((v) => v.toFixed(0)).join(' ')} ms`);
      }
    }

    const summary = summarize(results, { ks: options.ks, bundles, runsPerK });
    const notes = [];
    const galleyResults = results.filter((r) => r.app === 'galley' && !r.error);
    const hook = galleyResults.some((r) => r.timingsHook);
    if (!hook) notes.push('TODO: Galley has no `window.__bench.timings()` returning `{ quotesMs?: number; checkMs?: number }`; the first quote analysis and the first full check are n/a.');
    else {
      if (galleyResults.every((r) => r.quotesMs == null)) notes.push('`window.__bench.timings().quotesMs` never arrived (within the wait after load): first quote analysis is n/a. TODO for the app: set it once the first quote analysis has been applied.');
      if (galleyResults.every((r) => r.checkMs == null)) notes.push('`window.__bench.timings().checkMs` is not reported by the app: first full check is n/a. TODO for the app: set it when the first full proofreading check has finished.');
    }
    if (Object.values(runsPerK).some((r) => r !== options.runs)) notes.push(`Runs differ per K: ${Object.entries(runsPerK).map(([k, r]) => `K=${k}: ${r}`).join(', ')}.`);
    const disturbed = results.filter((r) => r.otherLoad != null && r.otherLoad > DISTURBED);
    if (disturbed.length) {
      notes.push(`${disturbed.length} of ${results.length} sessions ran while other work on the machine used more than ${DISTURBED} cores (up to ${Math.max(...disturbed.map((r) => r.otherLoad)).toFixed(2)}; see "other work on the machine"): their figures, and ratios built on them, are less reliable.`);
    }
    const warnings = results.filter((r) => r.warnings?.length).map((r) => `K=${r.k} ${r.app} run ${r.run + 1}: ${r.warnings.join('; ')}`);
    if (warnings.length) notes.push(...warnings.map((w) => `Warning — ${w}`));
    if (failures) notes.push(`${failures} session(s) failed; their figures are missing.`);

    let profiles = null;
    if (options.profile) {
      const k = options.ks[options.ks.length - 1];
      log(`\nProfiling typing at K = ${k} (CDP Profiler, 200 µs sampling)…`);
      profiles = [];
      for (const app of ['galley', 'bare']) {
        const result = await measureSession(browser, targets[app], { article: articles[k], keys: options.keys, analysisWaitMs: options.analysisWaitMs, onTyping: profilerHooks() });
        const file = join(resultsDir, `typing-${app}-k${k}.cpuprofile`);
        saveProfile(file, result.extra.profile);
        const profileSummary = summarizeProfile(result.extra.profile, { distDir: app === 'galley' ? galleyDist : bareDist, origin: targets[app].url.replace(/\/$/, '') });
        const text = formatProfile(`${app === 'galley' ? 'Galley' : 'bare'} typing at K=${k} (key→frame p50 ${f1(result.keyToFrame.p50)} p95 ${f1(result.keyToFrame.p95)} ms under the profiler)`, profileSummary, { keys: options.keys });
        log(text);
        log(`  saved ${relative(root, file)} (open in Chrome DevTools › Performance)\n`);
        profiles.push({ what: 'typing', app, k, file: relative(root, file), text, owners: profileSummary.owners, top: profileSummary.functions.slice(0, 40) });
      }
      const loadK = options.ks.includes(10) ? 10 : options.ks[0];
      log(`Profiling load at K = ${loadK} (reload under the profiler)…`);
      for (const app of ['galley', 'bare']) {
        const result = await profileLoad(browser, targets[app], { article: articles[loadK] });
        const file = join(resultsDir, `load-${app}-k${loadK}.cpuprofile`);
        saveProfile(file, result.profile);
        const profileSummary = summarizeProfile(result.profile, { distDir: app === 'galley' ? galleyDist : bareDist, origin: targets[app].url.replace(/\/$/, '') });
        const text = formatProfile(`${app === 'galley' ? 'Galley' : 'bare'} load (reload) at K=${loadK}, first frame at ${result.loadMs.toFixed(0)} ms`, profileSummary, {});
        log(text);
        log(`  saved ${relative(root, file)}\n`);
        profiles.push({ what: 'load', app, k: loadK, file: relative(root, file), text, owners: profileSummary.owners, top: profileSummary.functions.slice(0, 40) });
      }
    }

    const table = resultsTable(summary);
    const budgets = budgetLines(summary);
    const missed = summary.budgets.filter((b) => b.status === 'MISSED');
    log(`\nResults (medians over runs; ${options.keys} keys per typing session):\n`);
    log(table);
    log('\nBudgets:');
    for (const line of budgets) log(`  ${line}`);
    log(missed.length ? `\nMISSED ${missed.length} of ${summary.budgets.length} budgets:\n${missed.map((b) => `  MISSED: ${b.text}`).join('\n')}` : `\nAll ${summary.budgets.length} budgets met.`);
    if (notes.length) log(`\nNotes:\n${notes.map((n) => `  - ${n}`).join('\n')}`);

    const report = markdownReport({ summary, machine, options, runsPerK, bundles, notes });
    const json = { machine, options, runsPerK, bundles, budgets: summary.budgets, rows: summary.rows, bundleRows: summary.bundleRows, notes, sessions: results.map(({ extra: _extra, ...r }) => r), profiles, durationS: (Date.now() - started) / 1000 };
    writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
    const profileSection = profiles ? `\n## CPU profiles\n\nTop self-time functions (source-mapped) while typing and while loading; "(program)" is the browser's own work (parsing, style, layout, paint, native editing).\n\n\`\`\`\n${profiles.map((p) => p.text).join('\n\n')}\n\`\`\`\n` : '';
    writeFileSync(join(resultsDir, 'latest.md'), report + profileSection);
    log(`\nWrote bench-results/latest.json and bench-results/latest.md`);
    if (options.writeDocs) {
      mkdirSync(join(root, 'docs'), { recursive: true });
      writeFileSync(join(root, 'docs/performance.md'), report + profileSection);
      log('Wrote docs/performance.md');
    }
    log(`Done in ${elapsed(started)}.`);
    return failures ? 1 : 0;
  } finally {
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`\nBenchmark failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
