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
    save: (userId, session) => counted('save', store.save(userId, session)),
    delete: (userId) => counted('delete', store.delete(userId)),
    claimEvent: (eventId) => counted('claimEvent', store.claimEvent(eventId)),
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
