/**
 * A debounced task: runs ~`delay` ms after the last `schedule()`, but never later than `maxWait`
 * ms after the first unsaved change, so continuous typing still saves every few seconds.
 * `schedule()` is called on every keystroke; it only moves the due time of one timer.
 */
import { QuietTimer, realClock, type Clock } from '../timing/quiet-timer.ts';

export { realClock, type Clock };

export class Debounced {
  private readonly timer: QuietTimer;
  private firstPending: number | null = null;

  constructor(
    private readonly task: () => void,
    private readonly delay = 1000,
    private readonly maxWait = 10000,
    private readonly clock: Clock = realClock,
  ) {
    this.timer = new QuietTimer(() => this.run(), clock);
  }

  /** True when a run is scheduled and has not happened yet. */
  get pending(): boolean {
    return this.firstPending !== null;
  }

  schedule(): void {
    const now = this.clock.now();
    if (this.firstPending === null) this.firstPending = now;
    this.timer.runIn(Math.min(this.delay, this.firstPending + this.maxWait - now));
  }

  /** Runs the task now if a run is pending. */
  flush(): void {
    if (this.firstPending !== null) this.run();
  }

  cancel(): void {
    this.timer.cancel();
    this.firstPending = null;
  }

  private run(): void {
    this.cancel();
    this.task();
  }
}
