/** Production builds of the two pages, with the project's own Vite. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function viteBin(root) {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

/** Runs the Vite CLI; resolves with its output, rejects with it when Vite fails. */
export function runVite(root, args, { quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin(root), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d) => { output += d; if (!quiet) process.stdout.write(d); });
    child.stderr.on('data', (d) => { output += d; if (!quiet) process.stderr.write(d); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`vite ${args.join(' ')} failed (exit ${code}):\n${output.split('\n').filter((l) => !/^\s+at /.test(l)).slice(-40).join('\n')}`))));
  });
}

/** Galley, as `vite build` makes it for production (written to outDir so dist/ is left alone). */
export async function buildGalley(root, outDir) {
  await runVite(root, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);
}

/** The bare ProseMirror page (scripts/bench/bare), into bench-results/bare-dist. */
export async function buildBare(root, configFile) {
  await runVite(root, ['build', '--config', configFile, '--logLevel', 'warn']);
}
