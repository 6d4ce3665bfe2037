/**
 * A debounced task: runs ~`delay` ms after the last `schedule()`, but never later than `maxWait`
 * ms after the first unsaved change, so continuous typing still saves every few seconds.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Debounced {
  private timer: unknown = null;
  private firstPending: number | null = null;

  constructor(
    private readonly task: () => void,
    private readonly delay = 1000,
    private readonly maxWait = 10000,
    private readonly clock: Clock = realClock,
  ) {}

  /** True when a run is scheduled and has not happened yet. */
  get pending(): boolean {
    return this.firstPending !== null;
  }

  schedule(): void {
    const now = this.clock.now();
    if (this.firstPending === null) this.firstPending = now;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delay, this.firstPending + this.maxWait - now));
    this.timer = this.clock.setTimeout(() => this.run(), wait);
  }

  /** Runs the task now if a run is pending. */
  flush(): void {
    if (this.firstPending !== null) this.run();
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.firstPending = null;
  }

  private run(): void {
    this.cancel();
    this.task();
  }
}
