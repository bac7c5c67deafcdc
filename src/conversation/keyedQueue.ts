/**
 * Runs tasks one at a time per key and in arrival order, different keys in parallel: a user's events
 * must never overtake each other, but one slow user must not hold up everyone else.
 */
export interface KeyedQueue {
  push<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once everything queued so far has finished. */
  drain(): Promise<void>;
  readonly pending: number;
}

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  let pending = 0;
  return {
    push(key, task) {
      pending++;
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(task, task);
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        pending--;
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
    async drain() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
    get pending() {
      return pending;
    },
  };
}
