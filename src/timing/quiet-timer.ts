/**
 * A timer for work that waits until things are quiet: "run this in N ms" may be asked on every
 * keystroke, and each ask only moves a due time. The armed browser timer is left alone when the
 * new due time is later; when it fires early it arms itself again for what is left. So a burst of
 * typing costs one timer, not a clearTimeout and a setTimeout per key (each of which costs the
 * browser more than the rest of a plain keystroke's bookkeeping).
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The browser's clock. Time is read from the monotonic clock (`performance.now`), not the wall
 * clock: if the computer's clock is set back an hour, a save due in a second must not wait an hour.
 */
export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class QuietTimer {
  private handle: unknown = null;
  /** When the armed timer fires (clock time). */
  private firesAt = 0;
  /** When the task is to run; null when nothing is scheduled. */
  private dueAt: number | null = null;

  constructor(
    private readonly task: () => void,
    private readonly clock: Clock = realClock,
  ) {}

  /** True while a run is scheduled. */
  get pending(): boolean {
    return this.dueAt !== null;
  }

  /** Runs the task `ms` from now, replacing the time asked for before (earlier or later). */
  runIn(ms: number): void {
    const now = this.clock.now();
    const due = now + Math.max(0, ms);
    this.dueAt = due;
    if (this.handle !== null) {
      if (this.firesAt <= due) return; // it fires first and arms itself again
      this.clock.clearTimeout(this.handle);
    }
    this.arm(now);
  }

  /** Forgets the scheduled run. */
  cancel(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
    this.dueAt = null;
  }

  private arm(now: number): void {
    const due = this.dueAt as number;
    this.firesAt = due;
    this.handle = this.clock.setTimeout(() => this.fire(), due - now);
  }

  private fire(): void {
    this.handle = null;
    if (this.dueAt === null) return;
    const now = this.clock.now();
    if (now < this.dueAt) {
      this.arm(now);
      return;
    }
    this.dueAt = null;
    this.task();
  }
}
