/**
 * All SQLite writes go through here, for two reasons.
 *
 * Group commit: writes arriving in the same tick share one transaction. Each caller's promise settles
 * only after that commit, so "stored before the webhook is acknowledged" and "saved before the reply
 * is sent" hold; under load this cuts the cost of a write several-fold, since SQLite's cost is per
 * transaction more than per row (a one-row transaction ~25–40 µs here, ~4 µs a row in a batch of 16).
 * Writes made while the callers of a commit carry on (the turns of the events just admitted save
 * their answers) are committed as soon as those callers have all gone as far as they can without
 * I/O, in the same turn of the event loop: waiting for the next one would hold every answer back by
 * one more round of incoming webhooks.
 *
 * Locks without freezing: better-sqlite3 is synchronous, so SQLite's own busy wait would stop the
 * whole process while another connection holds the write lock. SQLite may wait only a few
 * milliseconds; then the batch is tried again after a timer, letting the event loop run, and a write
 * still blocked after WRITE_DEADLINE_MS fails (the webhook answers 503 and LINE delivers again).
 */
import type { Database } from 'better-sqlite3';

const BUSY_WAIT_MS = 5;
const BUSY_RETRY_MS = 25;
const WRITE_DEADLINE_MS = 1000;

interface PendingWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  deadline: number;
}

export interface WriteQueue {
  run<T>(write: () => T): Promise<T>;
  /** Commits what is queued (one attempt) and refuses further writes. */
  close(): void;
}

const isBusy = (err: unknown) => {
  const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
};

export function createWriteQueue(db: Database): WriteQueue {
  db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
  let queued: PendingWrite[] = [];
  let scheduled: { cancel(): void } | null = null;
  let closed = false;
  /** True from a commit until the promise callbacks it set off have all run. */
  let settling = false;

  const commit = db.transaction((batch: PendingWrite[]) => batch.map((op) => op.write()));

  function schedule(afterMs: number) {
    if (scheduled) return;
    if (afterMs === 0 && settling) {
      // Made by a caller of the last commit: committed once all of them have gone as far as they can.
      let cancelled = false;
      process.nextTick(() => cancelled || flush());
      scheduled = { cancel: () => (cancelled = true) };
    } else if (afterMs === 0) {
      const handle = setImmediate(flush);
      scheduled = { cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(flush, afterMs);
      scheduled = { cancel: () => clearTimeout(handle) };
    }
  }

  function flush() {
    scheduled = null;
    const batch = queued;
    queued = [];
    if (batch.length === 0) return;
    try {
      // IMMEDIATE takes the write lock up front, so a lock held elsewhere shows up here as SQLITE_BUSY
      // instead of halfway through the batch.
      const results = commit.immediate(batch);
      settling = true;
      // A tick registered from a promise callback runs once no promise callback is left: after the
      // callers resumed below and everything they set off without I/O. This one is registered first,
      // so it also runs before the commit of the writes they made (see schedule()).
      queueMicrotask(() => process.nextTick(() => (settling = false)));
      batch.forEach((op, i) => op.resolve(results[i]));
    } catch (err) {
      if (!isBusy(err) || closed) {
        batch.forEach((op) => op.reject(err));
        return;
      }
      const t = Date.now();
      for (const op of batch) if (op.deadline <= t) op.reject(err);
      queued = [...batch.filter((op) => op.deadline > t), ...queued];
      if (queued.length > 0) schedule(BUSY_RETRY_MS);
    }
  }

  return {
    run<T>(write: () => T) {
      if (closed) return Promise.reject(new Error('store closed'));
      return new Promise<T>((resolve, reject) => {
        queued.push({ write, resolve: resolve as (v: unknown) => void, reject, deadline: Date.now() + WRITE_DEADLINE_MS });
        schedule(0);
      });
    },
    close() {
      closed = true;
      scheduled?.cancel();
      flush();
    },
  };
}
