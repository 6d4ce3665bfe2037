/** The machine a run was made on. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The commit the measured sources are based on, and whether they had uncommitted changes. */
export function sourceVersion(root) {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts', 'package.json').split('\n').filter(Boolean).length;
    return changed ? `${commit} + ${changed} uncommitted change${changed === 1 ? '' : 's'} in src/ and config` : commit;
  } catch {
    return 'unknown';
  }
}

export function machineInfo(browserVersion) {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux
  }
  let cores = os.cpus().length;
  if (typeof os.availableParallelism === 'function') cores = os.availableParallelism();
  return {
    cpu,
    cores,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: browserVersion,
    date: new Date().toISOString(),
  };
}
