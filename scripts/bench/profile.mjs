/**
 * A CPU profile of typing (CDP Profiler), summarized as the top self-time functions, mapped back
 * to the original sources through the build's source maps.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openProbedPage } from './page-probe.mjs';
import { SourceMap } from './sourcemap.mjs';

/** Hooks for measureSession: start/stop the sampling profiler around the typing. */
export function profilerHooks(intervalUs = 200) {
  return {
    async start(cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
      await cdp.send('Profiler.start');
    },
    async stop(cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.send('Profiler.disable');
      return { profile };
    },
  };
}

/**
 * A CPU profile of loading the page: the page is loaded once (so the profiler attaches to the
 * renderer process of its origin), then reloaded under the profiler until the first frame after
 * the editor is ready. The reload may profit from the HTTP and code caches.
 */
export async function profileLoad(browser, target, { article, intervalUs = 200 }) {
  const { context, page } = await openProbedPage(browser, target.url, { article, timeoutMs: 120_000 });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
    await cdp.send('Profiler.start');
    await page.reload({ waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => window.__benchProbe?.frameAt !== null, null, { timeout: 120_000, polling: 20 });
    const { profile } = await cdp.send('Profiler.stop');
    const loadMs = await page.evaluate(() => window.__benchProbe.frameAt);
    return { profile, loadMs };
  } finally {
    await context.close().catch(() => {});
  }
}

/** Where a source path belongs: Galley's own code, a package, or the browser. */
function owner(source) {
  if (!source) return 'browser';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1];
  if (source.startsWith('src/') || source.includes('/src/')) return 'galley';
  if (source.startsWith('scripts/bench/bare/') || source === 'main.js') return 'bare page';
  return source;
}

/**
 * Self time per function. `distDir` and `origin` let script URLs of the page be mapped through
 * the .map files next to them.
 */
export function summarizeProfile(profile, { distDir, origin }) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000; // ms
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  const maps = new Map();
  const mapFor = (url) => {
    if (!url.startsWith(origin)) return null;
    if (!maps.has(url)) {
      const file = join(distDir, url.slice(origin.length).replace(/[?#].*$/, '')) + '.map';
      maps.set(url, existsSync(file) ? SourceMap.fromFile(file) : null);
    }
    return maps.get(url);
  };
  const byFunction = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    total += ms;
    const { callFrame } = nodes.get(id);
    const key = `${callFrame.functionName}|${callFrame.url}|${callFrame.lineNumber}|${callFrame.columnNumber}`;
    let entry = byFunction.get(key);
    if (!entry) {
      const map = callFrame.url ? mapFor(callFrame.url) : null;
      const original = map && callFrame.lineNumber >= 0 ? map.lookup(callFrame.lineNumber, callFrame.columnNumber) : null;
      const name = original?.name ?? (callFrame.functionName || '(anonymous)');
      entry = {
        name: callFrame.url ? name : callFrame.functionName || '(anonymous)',
        minified: callFrame.functionName,
        where: original ? `${original.source}:${original.line}` : callFrame.url ? `${callFrame.url}:${callFrame.lineNumber + 1}` : '(native)',
        code: original?.text?.slice(0, 90) ?? '',
        owner: callFrame.url ? owner(original?.source) : callFrame.functionName.startsWith('(') ? callFrame.functionName : 'native',
        selfMs: 0,
      };
      byFunction.set(key, entry);
    }
    entry.selfMs += ms;
  }
  const functions = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs);
  const owners = new Map();
  for (const f of functions) owners.set(f.owner, (owners.get(f.owner) ?? 0) + f.selfMs);
  return {
    totalMs: total,
    functions,
    owners: [...owners].map(([name, ms]) => ({ owner: name, selfMs: ms })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

export function formatProfile(title, summary, { top = 15, keys = null }) {
  const pct = (ms) => `${((100 * ms) / summary.totalMs).toFixed(1)}%`;
  const idle = summary.owners.find((o) => o.owner === '(idle)')?.selfMs ?? 0;
  const busyMs = summary.totalMs - idle;
  const lines = [`${title}: ${summary.totalMs.toFixed(0)} ms sampled, ${busyMs.toFixed(0)} ms not idle${keys ? ` (${(busyMs / keys).toFixed(2)} ms per key)` : ''}; % of all samples`];
  lines.push('  by owner (self time): ' + summary.owners.filter((o) => o.owner !== '(idle)').slice(0, 8).map((o) => `${o.owner} ${o.selfMs.toFixed(0)} ms (${pct(o.selfMs)})`).join(', '));
  const busy = summary.functions.filter((f) => f.owner !== '(idle)');
  lines.push(`  top ${top} self-time functions (idle excluded):`);
  for (const f of busy.slice(0, top)) lines.push(`    ${f.selfMs.toFixed(1).padStart(8)} ms ${pct(f.selfMs).padStart(6)}  ${f.name}  [${f.owner}] ${f.where}${f.code ? `  — ${f.code}` : ''}`);
  const galley = summary.functions.filter((f) => f.owner === 'galley');
  if (galley.length) {
    lines.push(`  top ${Math.min(top, galley.length)} functions from Galley's own code (src/):`);
    for (const f of galley.slice(0, top)) lines.push(`    ${f.selfMs.toFixed(1).padStart(8)} ms ${pct(f.selfMs).padStart(6)}  ${f.name}  ${f.where}${f.code ? `  — ${f.code}` : ''}`);
  }
  return lines.join('\n');
}

export function saveProfile(path, profile) {
  writeFileSync(path, JSON.stringify(profile));
}
