/**
 * Builds the bare ProseMirror baseline page for `npm run bench` (scripts/bench.mjs) into
 * bench-results/bare-dist/ — the same production settings as the app (es2022, minified).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../../bench-results/bare-dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  preview: { host: '127.0.0.1' },
});
