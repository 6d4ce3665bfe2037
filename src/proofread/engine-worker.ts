/**
 * The proofreading worker (a module worker). The app creates it with
 * `new Worker(new URL('../proofread/engine-worker.ts', import.meta.url), { type: 'module' })`.
 *
 * It hosts Harper's `LocalLinter` itself, with the wasm binary from 'harper.js/binary', loaded
 * on the first request, so the ~16 MB WebAssembly module is fetched and compiled off the main
 * thread (Harper's own `WorkerLinter` compiles it on the main thread first). Messages are plain
 * JSON: see engine-protocol.ts.
 */
import { HarperEngine } from './engine.ts';
import { createEngineHost, type EngineRequest, type EngineResponse, type HostedEngine } from './engine-protocol.ts';

/** The worker global scope, typed just as far as this file uses it. */
interface WorkerScope {
  postMessage(message: EngineResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineRequest>) => void): void;
}

async function loadHarper(): Promise<HostedEngine> {
  const [{ LocalLinter, Dialect }, { binary }] = await Promise.all([import('harper.js'), import('harper.js/binary')]);
  const linter = new LocalLinter({ binary, dialect: Dialect.American });
  await linter.setup();
  // The first lint builds Harper's dictionary: do it before saying "ready".
  await linter.lint('Ready.', { language: 'plaintext' });
  return new HarperEngine(linter);
}

const scope = self as unknown as WorkerScope;
const handle = createEngineHost(loadHarper, (message) => scope.postMessage(message));
scope.addEventListener('message', (event) => {
  void handle(event.data);
});
