/**
 * Harper in Node (tests, scripts, the command-line analyzer): a `LocalLinter` over the wasm
 * binary that ships with harper.js (`harper.js/binary`, read from disk), wrapped in the
 * `HarperEngine` adapter. Loading takes a few seconds (the wasm module and Harper's dictionary),
 * so share one engine per process.
 */
import { HarperEngine, type HarperEngineInit } from './engine.ts';

/** Options of the Node loader (the dialect is chosen per lint, in the options). */
export type HarperNodeInit = HarperEngineInit;

/** The Harper engine and how long it took to be ready. */
export interface LoadedHarper {
  engine: HarperEngine;
  /** Milliseconds from the start of loading until a first (tiny) lint had returned: the cold start. */
  loadMs: number;
}

/** Loads Harper in the current (Node) process and returns the adapter, ready to lint. */
export async function loadHarperNode(init: HarperNodeInit = {}): Promise<LoadedHarper> {
  const started = performance.now();
  const [{ LocalLinter, Dialect }, { binary }] = await Promise.all([import('harper.js'), import('harper.js/binary')]);
  const linter = new LocalLinter({ binary, dialect: Dialect.American });
  await linter.setup();
  // The first lint builds Harper's dictionary; do it now so that the load time is the cold start.
  await linter.lint('Ready.', { language: 'plaintext' });
  const engine = new HarperEngine(linter, init);
  return { engine, loadMs: performance.now() - started };
}

let shared: Promise<LoadedHarper> | null = null;

/** One Harper engine per process, loaded on first use. */
export function sharedHarperNode(): Promise<LoadedHarper> {
  shared ??= loadHarperNode().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}
