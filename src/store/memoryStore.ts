import type { Session } from '../../flows/conversation.js';
import { parseSession, type StateStore, type StoreTimings } from './stateStore.js';

/** For tests and trying the bot: one process, nothing survives a restart. */
export function createMemoryStore(timings: StoreTimings, now: () => number = Date.now): StateStore {
  const sessions = new Map<string, { json: string; expiresAt: number }>();
  const events = new Map<string, number>();

  function sweep(map: Map<string, unknown>, expiresAt: (v: never) => number) {
    const t = now();
    for (const [k, v] of map) if (expiresAt(v as never) <= t) map.delete(k);
  }

  return {
    kind: 'memory',
    async load(userId) {
      const hit = sessions.get(userId);
      if (!hit || hit.expiresAt <= now()) return null;
      return parseSession(hit.json);
    },
    async save(userId, session: Session) {
      sessions.set(userId, { json: JSON.stringify(session), expiresAt: now() + timings.sessionTtlSeconds * 1000 });
    },
    async delete(userId) {
      sessions.delete(userId);
    },
    async claimEvent(eventId) {
      const seenUntil = events.get(eventId);
      if (seenUntil !== undefined && seenUntil > now()) return false;
      // Keep memory bounded over long runs: drop expired entries now and then.
      if (events.size > 10_000) {
        sweep(events, (v: number) => v);
        sweep(sessions, (v: { expiresAt: number }) => v.expiresAt);
      }
      events.set(eventId, now() + timings.eventTtlSeconds * 1000);
      return true;
    },
    withUserLock: (_userId, fn) => fn(),
    async ping() {
      return true;
    },
    async close() {},
  };
}
