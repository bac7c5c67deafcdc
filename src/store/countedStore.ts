/** A StateStore that counts its own failures for the metrics; errors still reach the caller unchanged. */
import type { Metrics, StoreOperation } from '../metrics.js';
import type { StateStore } from './stateStore.js';

export function countStoreErrors(store: StateStore, metrics: Metrics): StateStore {
  const counted = <T>(operation: StoreOperation, call: Promise<T>) =>
    call.catch((err: unknown) => {
      metrics.storeError(operation);
      throw err;
    });
  return {
    kind: store.kind,
    load: (userId) => counted('load', store.load(userId)),
    admit: (events) => counted('admit', store.admit(events)),
    unfinished: () => counted('unfinished', store.unfinished()),
    inboxEntry: (eventId) => counted('inboxEntry', store.inboxEntry(eventId)),
    saveTurn: (event, turn) => counted('saveTurn', store.saveTurn(event, turn)),
    finish: (eventId, state) => counted('finish', store.finish(eventId, state)),
    ping: () => counted('ping', store.ping()),
    close: () => store.close(),
    async withUserLock(userId, fn) {
      // What fn throws (a LINE outage, say) is not the store's failure; only the locking itself is.
      let fnFailed = false;
      const guarded = () =>
        fn().catch((err: unknown) => {
          fnFailed = true;
          throw err;
        });
      return store.withUserLock(userId, guarded).catch((err: unknown) => {
        if (!fnFailed) metrics.storeError('withUserLock');
        throw err;
      });
    },
  };
}
