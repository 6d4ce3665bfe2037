/**
 * How busy the machine is with work that is not the benchmark's own (other builds, tests…),
 * from /proc (Linux). The benchmark's own processes are this Node process and its descendants
 * (vite preview, Chromium and its renderers). Elsewhere the monitor reports null.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

function readStat() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]; // "cpu  user nice system idle iowait irq softirq steal …"
  const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const idle = f[3] + f[4];
  const total = f.reduce((a, b) => a + b, 0);
  return { total, busy: total - idle };
}

function ownTicks(rootPid) {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
      procs.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const children = new Map();
  for (const [pid, p] of procs) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  let ticks = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    ticks += procs.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

let available = null;
function isAvailable() {
  if (available === null) {
    try {
      readStat();
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/** A snapshot to compare against later with foreignCores(). */
export function snapshot() {
  if (!isAvailable()) return null;
  return { stat: readStat(), own: ownTicks(process.pid), cpus: readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d/.test(l)).length };
}

/** Average number of cores busy with other work between two snapshots (null when unknown). */
export function foreignCores(a, b) {
  if (!a || !b) return null;
  const total = b.stat.total - a.stat.total;
  if (total <= 0) return null;
  const foreign = Math.max(0, b.stat.busy - a.stat.busy - (b.own - a.own));
  return (foreign / total) * a.cpus;
}

/**
 * Waits until other work uses less than `threshold` cores over a 1 s window, for at most
 * `maxMs`. Returns the time waited and the last load seen.
 */
export async function waitForQuiet({ threshold = 0.25, maxMs = 15_000 } = {}) {
  if (!isAvailable()) return { waitedMs: 0, cores: null };
  const start = Date.now();
  for (;;) {
    const a = snapshot();
    await sleep(1000);
    const cores = foreignCores(a, snapshot());
    if (cores === null || cores < threshold || Date.now() - start >= maxMs) return { waitedMs: Date.now() - start, cores };
  }
}

/** Average number of cores used by the benchmark's own processes (Chromium…) between snapshots. */
export function ownCores(a, b) {
  if (!a || !b) return null;
  const total = b.stat.total - a.stat.total;
  if (total <= 0) return null;
  return ((b.own - a.own) / total) * a.cpus;
}

/**
 * Waits until the benchmark's own processes (the browser: page, workers, compositor) use less
 * than `threshold` cores in `windows` consecutive 1 s windows, for at most `maxMs`: the page has finished what it
 * does after load (analyses, loading engines). Returns the time waited and whether it settled.
 */
export async function waitUntilSettled({ threshold = 0.2, windows = 2, maxMs = 20_000 } = {}) {
  if (!isAvailable()) return { waitedMs: 0, settled: null };
  const start = Date.now();
  let quiet = 0;
  for (;;) {
    const a = snapshot();
    await sleep(1000);
    const cores = ownCores(a, snapshot());
    if (cores === null) return { waitedMs: Date.now() - start, settled: null };
    quiet = cores < threshold ? quiet + 1 : 0;
    if (quiet >= windows) return { waitedMs: Math.max(0, Date.now() - start - windows * 1000), settled: true };
    if (Date.now() - start >= maxMs) return { waitedMs: Date.now() - start, settled: false };
  }
}
