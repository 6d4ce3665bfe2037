/** Command-line options of `npm run bench` (scripts/bench.mjs). */

export const USAGE = `Usage: npm run bench -- [options]

  --runs N           runs per K, bare and Galley interleaved (default 3)
  --runs-k100 N      runs for K = 100 (default: same as --runs)
  --k 1,10,100       article sizes: the sample's body paragraphs repeated K times (default 1,10,100)
  --keys N           keystrokes per typing session (default 200)
  --load-runs N      extra load-only samples per page and K, interleaved, for the load figure
                     (default 10; load is the noisiest figure)
  --quick            smoke run: 1 run, K = 1,10, 50 keys, short waits
  --write-docs       also write docs/performance.md
  --profile          after the runs, record a CPU profile of typing (both pages, largest K)
                     and print the top self-time functions, mapped to source
  --quiet-budget S   seconds the run may spend waiting for other work on the machine to calm
                     down before a session, and re-running sessions it disturbed (default 60;
                     0 = never wait)
  --galley-dist DIR  measure an existing Galley build instead of building one
  --headed           show the browser
  --help             this text
`;

function positiveInt(name, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

export function parseArgs(argv) {
  const options = {
    runs: 3,
    runsK100: null,
    ks: [1, 10, 100],
    keys: 200,
    loadRuns: 10,
    quick: false,
    writeDocs: false,
    profile: false,
    galleyDist: null,
    headed: false,
    help: false,
    quietBudgetS: 60,
    /** How long to wait for the app's first quote analysis / full check after load (ms). */
    analysisWaitMs: 10_000,
  };
  const explicit = new Set();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--runs': options.runs = positiveInt(flag, value()); explicit.add('runs'); break;
      case '--runs-k100': options.runsK100 = positiveInt(flag, value()); break;
      case '--k': options.ks = value().split(',').map((k) => positiveInt(flag, k.trim())); explicit.add('ks'); break;
      case '--keys': options.keys = positiveInt(flag, value()); explicit.add('keys'); break;
      case '--load-runs': options.loadRuns = Number(value()); if (!Number.isInteger(options.loadRuns) || options.loadRuns < 0) throw new Error('--load-runs needs a whole number ≥ 0'); explicit.add('loadRuns'); break;
      case '--quick': options.quick = true; break;
      case '--write-docs': options.writeDocs = true; break;
      case '--profile': options.profile = true; break;
      case '--galley-dist': options.galleyDist = value(); break;
      case '--quiet-budget': {
        const n = Number(value());
        if (!Number.isFinite(n) || n < 0) throw new Error('--quiet-budget needs a number of seconds ≥ 0');
        options.quietBudgetS = n;
        explicit.add('quietBudget');
        break;
      }
      case '--headed': options.headed = true; break;
      case '--help': case '-h': options.help = true; break;
      default: throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  if (options.quick) {
    if (!explicit.has('runs')) options.runs = 1;
    if (!explicit.has('ks')) options.ks = [1, 10];
    if (!explicit.has('keys')) options.keys = 50;
    if (!explicit.has('loadRuns')) options.loadRuns = 2;
    options.analysisWaitMs = 4_000;
    if (!explicit.has('quietBudget')) options.quietBudgetS = 20;
  }
  options.ks = [...new Set(options.ks)].sort((a, b) => a - b);
  return options;
}

/** Runs for one K. */
export function runsFor(options, k) {
  return k >= 100 && options.runsK100 !== null ? options.runsK100 : options.runs;
}
