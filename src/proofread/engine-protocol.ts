/**
 * The messages between the main thread and the proofreading worker (plain JSON, nothing that
 * needs structured cloning of classes), and the worker-side message handler, kept apart from
 * the worker entry so that it can be tested without a worker.
 */
import type { Problem, ProofOptions } from './types.ts';
import type { ParagraphItem } from './engine.ts';

/** Ask for the problems in some paragraphs of an article. */
export interface LintRequest {
  id: number;
  type: 'lint';
  paragraphs: ParagraphItem[];
  options: Partial<ProofOptions>;
}

/** Ask the worker to load the engine now (answered with an empty result once loaded). */
export interface LoadRequest {
  id: number;
  type: 'load';
}

export type EngineRequest = LintRequest | LoadRequest;

/** The problems of one request. */
export interface ResultResponse {
  id: number;
  type: 'result';
  problems: Problem[];
}

/** A request failed (the engine did not load, or linting threw). */
export interface ErrorResponse {
  id: number;
  type: 'error';
  message: string;
}

/** Sent once, when the engine has loaded: `ms` is the cold start (load and a first lint). */
export interface ReadyMessage {
  type: 'ready';
  ms: number;
}

export type EngineResponse = ResultResponse | ErrorResponse | ReadyMessage;

/** What the worker host needs from an engine. */
export interface HostedEngine {
  lintItems(items: readonly ParagraphItem[], options?: Partial<ProofOptions>): Promise<Problem[]>;
}

/** Text of an error, for an error response. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The worker's message handler: loads the engine (with `load`) on the first request, sends
 * `ready` once it has loaded, then answers each request with `result` or `error`. A failed load
 * is retried on the next request.
 */
export function createEngineHost(load: () => Promise<HostedEngine>, post: (message: EngineResponse) => void): (request: EngineRequest) => Promise<void> {
  let engine: Promise<HostedEngine> | null = null;
  const getEngine = () => {
    if (!engine) {
      const started = performance.now();
      engine = load().then(
        (loaded) => {
          post({ type: 'ready', ms: Math.round(performance.now() - started) });
          return loaded;
        },
        (error: unknown) => {
          engine = null;
          throw error;
        },
      );
    }
    return engine;
  };
  return async (request) => {
    try {
      const loaded = await getEngine();
      if (request.type === 'load') {
        post({ id: request.id, type: 'result', problems: [] });
        return;
      }
      const problems = await loaded.lintItems(request.paragraphs, request.options);
      post({ id: request.id, type: 'result', problems });
    } catch (error) {
      post({ id: request.id, type: 'error', message: errorMessage(error) });
    }
  };
}
