/**
 * The app's proofreading checker: local rules and whole-article consistency at once (in the
 * analysis worker), the spelling/grammar engine (harper.js in its own worker) as soon as it has
 * loaded, merged here (proofread/merge-problems.ts: the page never loads the rules). The engine
 * is started on the first check and never blocks one: until it is ready, checks run without it,
 * and the editor is asked to check again when it becomes ready.
 */
import type { CheckResult } from '../editor/lint-plugin.ts';
import { EngineClient } from '../proofread/engine-client.ts';
import type { WorkspaceStoreApi } from '../state/store.ts';
import type { ArticleChecker } from './analysis-client.ts';

/** Engine timings for the benchmark and the note. */
export const checkTimings: { engineReadyMs?: number; firstCheckMs?: number; firstFullCheckMs?: number } = {};

export interface ProofChecker {
  /** A lint plugin `Checker`: complete once the spelling engine took part (or cannot). */
  checker: (paragraphs: string[]) => Promise<CheckResult>;
  /** Called when the engine becomes ready (the editor re-checks). */
  onReady(listener: () => void): () => void;
}

export function createProofChecker(store: WorkspaceStoreApi, runChecks: ArticleChecker): ProofChecker {
  let engine: EngineClient | null = null;
  const readyListeners = new Set<() => void>();
  const started = performance.now();
  const ensureEngine = () => {
    if (engine || typeof Worker !== 'function') return engine;
    engine = new EngineClient();
    engine.on('status', (event) => {
      if (event.status === 'loading') store.setState({ engineStatus: { state: 'loading' } });
      if (event.status === 'ready') {
        checkTimings.engineReadyMs ??= performance.now() - started;
        store.setState({ engineStatus: { state: 'ready' } });
        for (const listener of readyListeners) listener();
      }
      if (event.status === 'error') store.setState({ engineStatus: { state: 'error', message: event.message ?? 'failed to load' } });
    });
    void engine.load().catch(() => {});
    return engine;
  };
  let startRequested = false;
  const startWhenIdle = () => {
    if (startRequested) return;
    startRequested = true;
    const idle = (globalThis as { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(() => ensureEngine(), { timeout: 2000 });
    else setTimeout(() => ensureEngine(), 200);
  };
  const checker = async (paragraphs: string[]): Promise<CheckResult> => {
    const t0 = performance.now();
    const state = store.getState();
    const article = state.currentId ? state.articles[state.currentId] : undefined;
    const options = {
      disabledCategories: [...state.settings.disabledCategories] as never[],
      disabledRules: [...state.settings.disabledRules],
      dictionary: [...(article?.settings.dictionary ?? [])],
    };
    const client = engine;
    if (!client) startWhenIdle();
    const ready = client?.status === 'ready';
    // The merge loads with the first check, after the article is on screen.
    const [checks, { combineChecks }] = await Promise.all([runChecks(paragraphs, options), import('../proofread/merge-problems.ts')]);
    const fromEngine = ready ? await client.lint(paragraphs, { ...options, dictionary: checks.dictionary, dialect: checks.dialect }) : [];
    const problems = combineChecks(paragraphs, checks, fromEngine, options);
    const ms = performance.now() - t0;
    checkTimings.firstCheckMs ??= ms;
    if (ready) checkTimings.firstFullCheckMs ??= ms;
    // Without the engine the check is not complete, unless the engine cannot run at all (no
    // workers, or it failed to load: the panel says so).
    const complete = ready || typeof Worker !== 'function' || engine?.status === 'error';
    return { problems, complete };
  };
  return {
    checker,
    onReady(listener) {
      readyListeners.add(listener);
      return () => readyListeners.delete(listener);
    },
  };
}
