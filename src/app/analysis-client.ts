/**
 * The page's side of the analysis worker (analysis-worker.ts): quote detection and the
 * engine-free proofreading checks run there, and the page only sends block texts and receives
 * plain results. The worker is created on first use; where workers are unavailable, the same
 * functions run in the page. A worker that fails, or takes longer than `timeoutMs` to answer
 * (text that sends an analysis into a near-endless loop), is stopped and dropped: its requests
 * fail, so the editor says so and carries on, and the next request starts a new worker.
 */
import type { QuoteAnalyzer } from '../editor/quote-plugin.ts';
import type { ArticleChecks } from '../proofread/article-checks.ts';
import type { LocalRuleOptions } from '../proofread/rules.ts';
import type { DecidedQuote, KnownSpeaker, QuoteAnalysis } from '../quotes/types.ts';
import { internStrings } from '../text/intern.ts';

export type AnalysisRequest =
  | { id: number; kind: 'quotes'; paragraphs: string[]; known: KnownSpeaker[]; decided: DecidedQuote[] }
  | { id: number; kind: 'checks'; paragraphs: string[]; options: LocalRuleOptions };

export interface AnalysisReply {
  id: number;
  result?: QuoteAnalysis | ArticleChecks;
  ms?: number;
  error?: string;
}

/** Runs the engine-free checks over block texts (index 0 = title). */
export type ArticleChecker = (paragraphs: string[], options: LocalRuleOptions) => Promise<ArticleChecks>;

export interface AnalysisClient {
  analyzeQuotes: QuoteAnalyzer;
  runChecks: ArticleChecker;
}

/** Timings of the quote analyses, for the benchmark. */
export const quoteTimings: { firstMs?: number; lastMs?: number } = {};

type Request = { kind: 'quotes'; paragraphs: string[]; known: KnownSpeaker[]; decided: DecidedQuote[] } | { kind: 'checks'; paragraphs: string[]; options: LocalRuleOptions };

export function createAnalysisClient({ timeoutMs = 60_000 }: { timeoutMs?: number } = {}): AnalysisClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (e: Error) => void; started: number; kind: Request['kind']; timer: ReturnType<typeof setTimeout> }>();

  /** Stops a worker and fails every request it still owed. */
  const drop = (failed: Worker, message: string) => {
    failed.terminate();
    if (worker === failed) worker = null;
    for (const request of pending.values()) {
      clearTimeout(request.timer);
      request.reject(new Error(message));
    }
    pending.clear();
  };

  const start = (): Worker | null => {
    if (worker || typeof Worker !== 'function') return worker;
    worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
    worker.onmessage = (event: MessageEvent<AnalysisReply>) => {
      const request = pending.get(event.data.id);
      if (!request) return;
      pending.delete(event.data.id);
      clearTimeout(request.timer);
      if (request.kind === 'quotes') {
        const ms = performance.now() - request.started;
        quoteTimings.firstMs ??= ms;
        quoteTimings.lastMs = ms;
      }
      // Speaker ids, sieve names, rules and messages repeat across a long article: one copy each.
      if (event.data.result) request.resolve(internStrings(event.data.result));
      else request.reject(new Error(event.data.error ?? 'analysis failed'));
    };
    const started = worker;
    // Its script did not load, or it crashed.
    worker.onerror = (event) => drop(started, event.message || 'the analysis worker failed');
    return worker;
  };

  const inPage = async (request: Request): Promise<unknown> => {
    if (request.kind === 'quotes') {
      const { analyzeQuotes } = await import('../quotes/analyze.ts');
      return analyzeQuotes(request.paragraphs, { knownSpeakers: request.known, decided: request.decided });
    }
    const { runArticleChecks } = await import('../proofread/article-checks.ts');
    return runArticleChecks(request.paragraphs, request.options);
  };

  const send = (request: Request): Promise<unknown> => {
    const target = start();
    if (!target) return inPage(request);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => drop(target, `the analysis took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`), timeoutMs);
      pending.set(id, { resolve, reject, started: performance.now(), kind: request.kind, timer });
      target.postMessage({ id, ...request } as AnalysisRequest);
    });
  };

  return {
    analyzeQuotes: (paragraphs, known, decided = []) => send({ kind: 'quotes', paragraphs, known, decided }) as Promise<QuoteAnalysis>,
    runChecks: (paragraphs, options) => send({ kind: 'checks', paragraphs, options }) as Promise<ArticleChecks>,
  };
}
