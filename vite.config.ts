import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy of the built page: scripts only from the page's own origin (no
 * inline or remote script), WebAssembly allowed for the proofreading engine, workers from the
 * origin, no plugins, no remote connections. Added at build time only, because the dev server
 * injects inline scripts for hot reloading.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'galley-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
    },
  };
}

/**
 * The entry script blocks rendering (`blocking="render"`), so the first frame the browser paints
 * already holds the article. Without it the browser paints the empty page frame while the script
 * loads, and that frame's style, layout and paint compete with the script for the CPU: 7–13 ms
 * later to the article's first frame (docs/performance-findings.md, 2026-12-03, evening). If the
 * script fails to load, rendering goes ahead as usual. Vite writes the entry's tag itself, so the
 * attribute is added to the built page.
 */
function renderBlockingEntry(): Plugin {
  return {
    name: 'galley-render-blocking-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const entry = /<script type="module" crossorigin src="\/assets\/index-[^"]+\.js"><\/script>/;
        if (!entry.test(html)) throw new Error('galley-render-blocking-entry: the entry script tag was not found');
        return html.replace(entry, (tag) => tag.replace('<script type="module"', '<script type="module" blocking="render"'));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), renderBlockingEntry()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30000,
  },
});
