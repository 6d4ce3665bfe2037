/** A localStorage stand-in with an optional size limit that throws QuotaExceededError. */
export class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  limit = Infinity;
  writes = 0;

  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    let size = 0;
    for (const [k, v] of this.map) if (k !== key) size += k.length + v.length;
    if (size + key.length + value.length > this.limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes++;
    this.map.set(key, value);
  }
}

/** A manual clock for debounce tests. */
export class ManualClock {
  time = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.time = due.at;
      this.timers = this.timers.filter((t) => t !== due);
      due.fn();
    }
    this.time = end;
  }
}
