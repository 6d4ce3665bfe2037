/**
 * One editing tab per workspace.
 *
 * The tab that holds the Web Lock `galley-editor` edits; any other tab opens read-only and says
 * so. "Edit here" asks the editing tab (over a BroadcastChannel) to save and let go; the editing
 * tab flushes its pending changes, turns read-only and releases the lock, and the asking tab
 * reloads so it starts from what was just saved. Where the browser lacks Web Locks, every tab
 * edits (as before).
 */
export type TabMode = 'editing' | 'read-only';

interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; mode?: 'exclusive' }, callback: (lock: unknown) => Promise<void>): Promise<void>;
}

export interface TabLockOptions {
  locks?: LockManagerLike | undefined;
  channel?: BroadcastChannel | null;
  /** Save everything now (called before this tab lets go). */
  flush: () => void;
  onMode: (mode: TabMode) => void;
  reload: () => void;
  name?: string;
}

type Message = { type: 'take'; from: string } | { type: 'released'; to: string };

export class TabLock {
  private mode: TabMode = 'editing';
  private release: (() => void) | null = null;
  private readonly id = Math.random().toString(36).slice(2);
  private readonly name: string;

  constructor(private readonly options: TabLockOptions) {
    this.name = options.name ?? 'galley-editor';
    options.channel?.addEventListener('message', (event: MessageEvent<Message>) => this.onMessage(event.data));
  }

  getMode(): TabMode {
    return this.mode;
  }

  private setMode(mode: TabMode): void {
    this.mode = mode;
    this.options.onMode(mode);
  }

  /** Tries to become the editing tab. Resolves with the mode this tab ends up in. */
  async start(): Promise<TabMode> {
    const { locks } = this.options;
    if (!locks) return this.mode;
    let granted = false;
    await new Promise<void>((resolveStart) => {
      void locks.request(this.name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolveStart();
          return Promise.resolve();
        }
        granted = true;
        resolveStart();
        // Hold the lock until this tab lets go.
        return new Promise<void>((release) => (this.release = release));
      });
    });
    if (!granted) this.setMode('read-only');
    return this.mode;
  }

  /** Asks the editing tab to let go, then reloads to edit here with the latest saved work. */
  takeOver(): void {
    const { channel, locks } = this.options;
    if (!channel || !locks) {
      this.options.reload();
      return;
    }
    // Wait for the lock to be free (the other tab releases it after saving), then reload.
    void locks.request(this.name, {}, async () => {
      this.options.reload();
    });
    channel.postMessage({ type: 'take', from: this.id } satisfies Message);
  }

  private onMessage(message: Message): void {
    if (message.type === 'take' && this.mode === 'editing' && this.release) {
      try {
        this.options.flush();
      } catch {
        // a failed save is reported by the save status; the lock is still handed over
      }
      this.setMode('read-only');
      const release = this.release;
      this.release = null;
      release();
    }
  }
}
