/**
 * One benchmark session: a fresh browser context, one page (bare or Galley) with a K-times
 * article, and every in-browser figure measured on it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { foreignCores, snapshot, waitUntilSettled } from './cpu-load.mjs';
import { installProbe, openProbedPage } from './page-probe.mjs';
import { quantile, max } from './stats.mjs';

const TYPED = 'the quick brown fox jumps over the lazy dog ';

/** In the page: puts the caret in the middle of the middle paragraph of the editor. */
function placeCaretInMiddle() {
  const root = document.querySelector('.ProseMirror');
  if (!root) throw new Error('no .ProseMirror element');
  const blocks = [...root.children].filter((el) => (el.textContent ?? '').trim().length > 40);
  if (blocks.length === 0) throw new Error('no paragraph to type in');
  const block = blocks[Math.floor(blocks.length / 2)];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node.nodeValue ?? '').length > 0) texts.push(node);
  const total = texts.reduce((n, t) => n + t.nodeValue.length, 0);
  let target = Math.floor(total / 2);
  let node = texts[0];
  for (const text of texts) {
    node = text;
    if (target <= text.nodeValue.length) break;
    target -= text.nodeValue.length;
  }
  // Start typing after a space (a word boundary), as an editor inserting a word would.
  const space = node.nodeValue.indexOf(' ', target);
  const offset = space >= 0 ? space + 1 : Math.min(target, node.nodeValue.length);
  block.scrollIntoView({ block: 'center' });
  root.focus();
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.collapse(node, offset);
  return { blocks: root.children.length, block: [...root.children].indexOf(block) };
}

const uniform = (lo, hi) => lo + Math.random() * (hi - lo);

/**
 * Runs one session. `page` describes the target: { name: 'bare'|'galley', url }.
 * Returns the figures of this session (all times in ms, heap in bytes).
 */
export async function measureSession(browser, target, { article, keys, analysisWaitMs, settleMs = 30_000, onTyping = null }) {
  const cpuStart = snapshot();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error?.message ?? error)));
    await page.addInitScript(installProbe, article);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    // Load: navigation start is 0 on the page's performance.now() clock.
    await page.goto(target.url, { waitUntil: 'commit', timeout: 60_000 });
    try {
      await page.waitForFunction(() => window.__benchProbe?.frameAt !== null, null, { timeout: 60_000, polling: 50 });
    } catch (error) {
      const why = pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : '';
      throw new Error(`${target.name} did not call __benchReady within 60 s (${String(error?.message ?? error).split('\n')[0]})${why}`);
    }
    const load = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
      return {
        readyMs: window.__benchProbe.readyAt,
        frameMs: window.__benchProbe.frameAt,
        textLength: window.__bench?.textLength?.() ?? null,
        // Diagnostics: where the load time goes.
        navigation: nav ? { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd, firstPaint: paint['first-paint'] ?? null, firstContentfulPaint: paint['first-contentful-paint'] ?? null } : null,
      };
    });
    const loadMetrics = await mainThreadMetrics(cdp);
    if (!load.textLength || load.textLength < article.length * 0.9) {
      throw new Error(`${target.name}: the editor holds ${load.textLength} characters, expected about ${article.length}`);
    }

    // The app's first quote analysis and first full check, when it reports them; then wait until
    // the page has settled (whatever else it does after load, e.g. loading a proofreading engine,
    // is done) so that heap and typing are measured in the steady state, and read the figures
    // again (a full check may have finished meanwhile).
    await waitForTimings(page, target.name === 'bare' ? 0 : analysisWaitMs);
    const settle = await waitUntilSettled({ maxMs: settleMs });
    const analysis = await waitForTimings(page, 0);

    // JS heap of the page's main thread after load, after a forced garbage collection.
    await sleep(200);
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = await cdp.send('Performance.getMetrics');
    const heapUsed = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;

    // One save, timed in the page.
    const save = await page.evaluate(() => {
      const start = performance.now();
      try {
        window.__bench.persist();
        return { ms: performance.now() - start, error: null };
      } catch (error) {
        return { ms: null, error: String(error?.message ?? error) };
      }
    });

    // Typing: 200 single keystrokes in the middle paragraph, a small random pause between keys.
    const caret = await page.evaluate(placeCaretInMiddle);
    await sleep(150);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const lengthBefore = await page.evaluate(() => window.__bench.textLength());
    const typingStart = await page.evaluate(() => {
      window.__benchProbe.typing = true;
      return performance.now();
    });
    const metricsBefore = await mainThreadMetrics(cdp);
    if (onTyping) await onTyping.start(cdp);
    for (let i = 0; i < keys; i++) {
      await page.keyboard.type(TYPED[i % TYPED.length]);
      await page.evaluate((index) => window.__benchProbe.waitKey(index), i);
      // A random pause of 10 ms + up to two 60 Hz frame periods: keys arrive at a uniformly
      // random phase of the frame clock, the same way for both pages.
      await sleep(uniform(10, 10 + 2 * (1000 / 60)));
    }
    const typingEnd = await page.evaluate(() => {
      window.__benchProbe.typing = false;
      return performance.now();
    });
    const extra = onTyping ? await onTyping.stop(cdp) : null;
    const metricsAfter = await mainThreadMetrics(cdp);
    const perKey = (name) => ((metricsAfter[name] - metricsBefore[name]) * 1000) / keys;
    const probe = await page.evaluate(() => ({ keys: window.__benchProbe.keys, longTasks: window.__benchProbe.longTasks }));
    const lengthAfter = await page.evaluate(() => window.__bench.textLength());
    const otherLoad = foreignCores(cpuStart, snapshot());

    const latencies = probe.keys.map((k) => k.frameAt - k.start);
    const typingTasks = probe.longTasks === null ? null : probe.longTasks.filter((t) => t.start + t.duration >= typingStart && t.start <= typingEnd);
    const warnings = [];
    if (probe.keys.length !== keys) warnings.push(`${probe.keys.length} keydown events for ${keys} keystrokes`);
    if (lengthAfter - lengthBefore !== keys) warnings.push(`text grew by ${lengthAfter - lengthBefore} characters for ${keys} keystrokes`);
    const noInput = probe.keys.filter((k) => k.inputAt === null).length;
    if (noInput) warnings.push(`${noInput} keystrokes without an input event`);
    if (pageErrors.length) warnings.push(...pageErrors.map((e) => `page error: ${e}`));

    return {
      app: target.name,
      k: null,
      loadMs: load.frameMs,
      readyMs: load.readyMs,
      navigation: load.navigation,
      // Main-thread time spent by the page up to just after load (Performance.getMetrics).
      loadBreakdown: { scriptMs: loadMetrics.ScriptDuration * 1000, layoutMs: loadMetrics.LayoutDuration * 1000, styleMs: loadMetrics.RecalcStyleDuration * 1000, taskMs: loadMetrics.TaskDuration * 1000 },
      textLength: load.textLength,
      keyToFrame: { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), max: max(latencies), n: latencies.length },
      longTasks: typingTasks === null ? null : { count: typingTasks.length, maxMs: max(typingTasks.map((t) => t.duration)) ?? 0, totalMs: typingTasks.reduce((n, t) => n + t.duration, 0) },
      heapUsed,
      saveMs: save.ms,
      saveError: save.error,
      // Time from the first frame until the browser's CPU use fell below 0.2 cores (null: unknown).
      settleMs: settle.settled === null ? null : settle.waitedMs,
      settled: settle.settled,
      quotesMs: analysis.quotesMs,
      checkMs: analysis.checkMs,
      timingsHook: analysis.hook,
      caret,
      typingMs: typingEnd - typingStart,
      // Cores busy with other work on the machine during the session (null when unknown).
      otherLoad,
      // Main-thread time per keystroke while typing (Performance.getMetrics deltas, whole page).
      perKey: { scriptMs: perKey('ScriptDuration'), layoutMs: perKey('LayoutDuration'), styleMs: perKey('RecalcStyleDuration'), taskMs: perKey('TaskDuration') },
      warnings,
      extra,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * One load and nothing else: a fresh browser context, the page with the article, navigation start
 * to the end of the first frame after the editor is ready (the same probe as a session's load).
 */
export async function measureLoad(browser, target, { article }) {
  const { context, page } = await openProbedPage(browser, target.url, { article });
  try {
    return await page.evaluate(() => window.__benchProbe.frameAt);
  } finally {
    await context.close().catch(() => {});
  }
}

async function mainThreadMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/**
 * Polls `__bench.timings()` until the first quote analysis and the first full check are reported.
 * A figure whose key the object already has (value still undefined) is waited for up to `waitMs`;
 * one whose key is missing, only up to 3 s (the app may not measure it at all).
 * hook: whether the page has the timings() hook at all.
 */
async function waitForTimings(page, waitMs) {
  const read = () =>
    page.evaluate(() => {
      const timings = typeof window.__bench?.timings === 'function' ? window.__bench.timings() : null;
      if (timings === null || typeof timings !== 'object') return { hook: false };
      return { hook: true, keys: Object.keys(timings), quotesMs: timings.quotesMs ?? null, checkMs: timings.checkMs ?? null };
    });
  const start = Date.now();
  let result = await read();
  const pending = (r) =>
    ['quotesMs', 'checkMs'].some((name) => r[name] === null && Date.now() - start < (r.keys.includes(name) ? waitMs : Math.min(waitMs, 3000)));
  while (result.hook && pending(result)) {
    await sleep(100);
    result = await read();
  }
  return { hook: result.hook, quotesMs: result.quotesMs ?? null, checkMs: result.checkMs ?? null };
}
