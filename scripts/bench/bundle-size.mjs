/**
 * Production bundle size: the initial JavaScript (module scripts referenced by index.html,
 * modulepreloads, and everything they import statically) and what can load later (every other
 * JS/wasm file in the output, e.g. dynamic-import chunks and workers), gzipped with node:zlib at
 * its default level. Source maps are not counted.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const SCRIPT_SRC = /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/gi;
const SCRIPT_SRC_ANY_ORDER = /<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi;
const MODULEPRELOAD = /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/gi;
const STYLESHEET = /<link\b[^>]*\brel=["']stylesheet["'][^>]*\bhref=["']([^"']+)["']/gi;
// Static `import … from "x"`, `import "x"` and `export … from "x"` (not `import("x")`).
const STATIC_IMPORT = /(?:^|[;\n}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;

function allFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...allFiles(path));
    else out.push(path);
  }
  return out;
}

const gz = (buffer) => gzipSync(buffer).length;

/** Measures one output directory (the folder with index.html). */
export function bundleSize(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const toFile = (url) => join(distDir, url.replace(/^\//, '').replace(/[?#].*$/, ''));
  const entries = new Set();
  for (const re of [SCRIPT_SRC, SCRIPT_SRC_ANY_ORDER, MODULEPRELOAD]) for (const m of html.matchAll(re)) entries.add(toFile(m[1]));
  const initial = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift();
    if (initial.has(file)) continue;
    initial.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const spec = m[1];
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      const target = spec.startsWith('/') ? toFile(spec) : join(distDir, posix.join(posix.dirname(relative(distDir, file).split('\\').join('/')), spec));
      if (!initial.has(target)) queue.push(target);
    }
  }
  const describe = (file) => {
    const buffer = readFileSync(file);
    return { file: relative(distDir, file).split('\\').join('/'), bytes: buffer.length, gzip: gz(buffer) };
  };
  const initialFiles = [...initial].map(describe);
  const css = [...html.matchAll(STYLESHEET)].map((m) => describe(toFile(m[1])));
  const lazyFiles = allFiles(distDir)
    .filter((f) => /\.(m?js|wasm)$/.test(f) && !initial.has(f))
    .map(describe)
    .sort((a, b) => b.gzip - a.gzip);
  const total = (files, key) => files.reduce((n, f) => n + f[key], 0);
  return {
    initialJs: { bytes: total(initialFiles, 'bytes'), gzip: total(initialFiles, 'gzip'), files: initialFiles },
    initialCss: { bytes: total(css, 'bytes'), gzip: total(css, 'gzip'), files: css },
    lazy: { bytes: total(lazyFiles, 'bytes'), gzip: total(lazyFiles, 'gzip'), files: lazyFiles },
  };
}
