/** A StateStore that counts its own failures for the metrics; errors still reach the caller unchanged. */
import type { Metrics, StoreOperation } from '../metrics.js';
import type { StateStore, Turn, TurnState } from './stateStore.js';

export function countStoreErrors(store: StateStore, metrics: Metrics): StateStore {
  const counted = <T>(operation: StoreOperation, call: Promise<T>) =>
    call.catch((err: unknown) => {
      metrics.storeError(operation);
      throw err;
    });
  return {
    kind: store.kind,
    load: (userId) => counted('load', store.load(userId)),
    admit: (events, perUser) => counted('admit', store.admit(events, perUser)),
    unfinished: () => counted('unfinished', store.unfinished()),
    inboxEntry: (eventId) => counted('inboxEntry', store.inboxEntry(eventId)),
    saveTurn: (event, turn) => counted('saveTurn', store.saveTurn(event, turn)),
    finish: (eventId, state) => counted('finish', store.finish(eventId, state)),
    ping: () => counted('ping', store.ping()),
    close: () => store.close(),
    async withTurn(event, fn, takeOver) {
      // What fn throws (a LINE outage, say) is not the store's failure; only taking the turn is, and
      // the turn's own writes, counted like the store's.
      let fnFailed = false;
      const countedTurn = (turn: Turn): Turn => ({
        save: (saved) => counted('saveTurn', turn.save(saved)),
        finish: (state) => counted('finish', turn.finish(state)),
        reload: () => counted('withTurn', turn.reload()),
      });
      const guarded = (turn: Turn, state: TurnState) =>
        fn(countedTurn(turn), state).catch((err: unknown) => {
          fnFailed = true;
          throw err;
        });
      return store.withTurn(event, guarded, takeOver).catch((err: unknown) => {
        if (!fnFailed) metrics.storeError('withTurn');
        throw err;
      });
    },
  };
}
