/** The machine a run was made on. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

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
