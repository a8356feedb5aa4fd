/**
 * Runs resumable work in short slices when the page is idle, so the extension never holds the
 * main thread for long (each slice is at most SLICE_MS, well under the 50 ms of a long task).
 */
import type { ScanJob } from './scanner';

export const SLICE_MS = 8;

type IdleCallback = (deadline: { timeRemaining(): number; didTimeout: boolean }) => void;

function requestIdle(callback: IdleCallback): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 300 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => callback({ timeRemaining: () => SLICE_MS, didTimeout: true }), 16);
  return () => clearTimeout(handle);
}

interface QueuedJob {
  job: ScanJob;
  onDone: (() => void) | undefined;
}

/** A queue of jobs run in idle slices, each reported done to its owner; `cancel` drops them all. */
export class IdleQueue {
  private readonly jobs: QueuedJob[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private cancelPending: (() => void) | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  get busy(): boolean {
    return this.jobs.length > 0;
  }

  push(job: ScanJob, onDone?: () => void): void {
    this.jobs.push({ job, onDone });
    this.schedule();
  }

  cancel(): void {
    this.jobs.length = 0;
    this.idleWaiters.length = 0;
    this.cancelPending?.();
    this.cancelPending = undefined;
  }

  /** Calls `callback` once the queue has no job left (in the next idle moment if it has none now). */
  whenIdle(callback: () => void): void {
    this.idleWaiters.push(callback);
    if (!this.busy) this.schedule();
  }

  /** Runs jobs now, for at most `budgetMs` (someone is waiting for them). */
  runNow(budgetMs: number): void {
    const start = this.now();
    this.runUntil(() => this.now() - start >= budgetMs);
    if (this.jobs.length === 0) this.notifyIdle();
  }

  private schedule(): void {
    if (this.cancelPending) return;
    this.cancelPending = requestIdle((idle) => {
      this.cancelPending = undefined;
      const start = this.now();
      const budget = Math.min(SLICE_MS, Math.max(2, idle.didTimeout ? SLICE_MS : idle.timeRemaining()));
      this.runUntil(() => this.now() - start >= budget);
      if (this.jobs.length > 0) this.schedule();
      else this.notifyIdle();
    });
  }

  private runUntil(deadline: () => boolean): void {
    while (this.jobs.length > 0) {
      if (!this.jobs[0]!.job.run(deadline)) break;
      this.jobs.shift()!.onDone?.();
      if (deadline()) break;
    }
  }

  private notifyIdle(): void {
    for (const callback of this.idleWaiters.splice(0)) callback();
  }
}

/**
 * Calls `callback` with the next frame, or after `fallbackMs` where no frame comes (a tab in the
 * background has none): work batched once per frame is still bounded in time there.
 */
export function nextFrame(callback: () => void, view: (Window & typeof globalThis) | null = globalThis.window ?? null, fallbackMs = 250): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    callback();
  };
  const timer = setTimeout(run, fallbackMs);
  const frame = typeof view?.requestAnimationFrame === 'function' ? view.requestAnimationFrame(run) : undefined;
  const cancel = () => {
    done = true;
    clearTimeout(timer);
    if (frame !== undefined) view!.cancelAnimationFrame(frame);
  };
  return cancel;
}
