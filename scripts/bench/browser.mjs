/** Launches Debian's Chromium through playwright-core (never a downloaded browser). */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchChromium(root, { headed = false } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set BENCH_CHROMIUM to its path)`);
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const require = createRequire(join(root, 'package.json'));
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: !headed });
}
