/** Serves a built page with `vite preview` on a free local port. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `vite preview` for outDir (with the given config file, or the project's) and waits until
 * it answers. Returns { url, stop() }; stop() ends only the process started here.
 */
export async function startPreview(root, { outDir, configFile = null, timeoutMs = 30_000 }) {
  const require = createRequire(join(root, 'package.json'));
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const port = await freePort();
  const args = [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir];
  if (configFile) args.push('--config', configFile);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = null;
  child.on('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    if (exited === null && child.pid) {
      try {
        child.kill('SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`vite preview exited (${exited}):\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(100);
  }
  return { url, port, pid: child.pid, stop };
}
