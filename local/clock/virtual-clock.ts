/**
 * A discrete-event virtual clock shared by every local execution. Work that is running (an execution between
 * waits, a simulated call between turns) holds the clock still; when nothing is running, time jumps to the next
 * wake-up. So a three-day campaign takes as long as its computation, and Wait states, call durations and calling
 * windows all see one consistent simulated time. `Date` is faked (only `Date`: real timers and I/O keep working),
 * so handlers that call `new Date()` read simulated time unchanged.
 */
import { type Clock, withGlobal } from '@sinonjs/fake-timers';

interface Sleeper {
  at: number;
  seq: number;
  wake: () => void;
}

export class ClockDeadlockError extends Error {
  constructor(blocked: number) {
    super(`Virtual clock stalled: ${blocked} activities are blocked and none will wake them`);
    this.name = 'ClockDeadlockError';
  }
}

export class VirtualClock {
  private running = 0;
  private blocked = 0;
  private sleepers: Sleeper[] = [];
  private seq = 0;
  private fake: (Clock & { uninstall(): void }) | undefined;
  private current: number;
  private checkScheduled = false;
  private idleWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  readonly startedAt: number;

  /**
   * @param resolutionMs wake-ups closer than this to the next one are served together, at the latest of their
   *   times (never early). A campaign is bound by how many wake-ups run one after another, each waiting on
   *   database round trips; a coarser resolution lets them run side by side. @default 0 (exact)
   */
  constructor(
    start: Date,
    private readonly resolutionMs = 0,
  ) {
    this.current = start.getTime();
    this.startedAt = this.current;
  }

  /** Fakes `Date` globally at the simulated time. Call `uninstall()` when done. */
  install(): void {
    this.fake = withGlobal(globalThis).install({ toFake: ['Date'], now: this.current });
  }

  uninstall(): void {
    this.fake?.uninstall();
    this.fake = undefined;
  }

  now(): Date {
    return new Date(this.current);
  }

  nowMs(): number {
    return this.current;
  }

  /** Hours of simulated time since the clock started. */
  elapsedHours(): number {
    return (this.current - this.startedAt) / 3_600_000;
  }

  /** Runs `work` as an activity that holds the clock while it runs (between its own sleeps). */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.scheduleCheck();
    }
  }

  /** Suspends the calling activity until simulated time reaches `at` (immediately if it has). */
  async sleepUntil(at: Date | number): Promise<void> {
    const target = typeof at === 'number' ? at : at.getTime();
    if (!(target > this.current)) return;
    await new Promise<void>((wake) => {
      this.insert({ at: target, seq: this.seq++, wake });
      this.running--;
      this.scheduleCheck();
    });
  }

  /** Suspends the calling activity for `ms` of simulated time. */
  sleep(ms: number): Promise<void> {
    return this.sleepUntil(this.current + Math.max(0, ms));
  }

  /**
   * Waits for a promise that another activity settles (e.g. a task token answered by a simulated call). The
   * waiting activity does not hold the clock meanwhile; `resume` must be called by the settling side, synchronously
   * before it settles, so the clock never sees an instant with nobody running.
   */
  async block<T>(register: (resume: () => void) => Promise<T>): Promise<T> {
    this.running--;
    this.blocked++;
    let resumed = false;
    const resume = () => {
      if (resumed) return;
      resumed = true;
      this.blocked--;
      this.running++;
    };
    this.scheduleCheck();
    try {
      return await register(resume);
    } finally {
      resume();
    }
  }

  /** Resolves when no activity runs and no sleeper is left; rejects on a stall. */
  whenIdle(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.idleWaiters.push({ resolve, reject });
      this.scheduleCheck();
    });
  }

  private insert(sleeper: Sleeper): void {
    // Binary insertion keeps sleepers ordered by (at, seq): deterministic wake order.
    let lo = 0;
    let hi = this.sleepers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.sleepers[mid] as Sleeper;
      if (other.at < sleeper.at || (other.at === sleeper.at && other.seq < sleeper.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.sleepers.splice(lo, 0, sleeper);
  }

  private scheduleCheck(): void {
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    setImmediate(() => {
      this.checkScheduled = false;
      this.advance();
    });
  }

  private advance(): void {
    if (this.running > 0) return;
    const next = this.sleepers[0];
    if (!next) {
      const waiters = this.idleWaiters.splice(0);
      if (this.blocked > 0) {
        for (const w of waiters) w.reject(new ClockDeadlockError(this.blocked));
      } else {
        for (const w of waiters) w.resolve();
      }
      return;
    }
    const horizon = next.at + this.resolutionMs;
    let count = 0;
    while (count < this.sleepers.length && (this.sleepers[count] as Sleeper).at <= horizon) count++;
    const woken = this.sleepers.splice(0, count);
    this.current = (woken[woken.length - 1] as Sleeper).at;
    this.fake?.setSystemTime(this.current);
    this.running += woken.length;
    for (const sleeper of woken) sleeper.wake();
  }
}
