import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { Session } from '../../flows/conversation.js';
import { parseSession, type StateStore, type StoreTimings } from './stateStore.js';

const LOCK_TTL_MS = 10_000;
const LOCK_WAIT_MS = 15_000;
// Delete the lock only if we still own it, so a slow holder never frees someone else's lock.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Shared by several instances behind a load balancer; a per-user lock keeps each user's turns in order. */
export function createRedisStore(url: string, timings: StoreTimings, prefix = 'triage:'): StateStore {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', () => {
    // Connection errors surface through the failing command and /healthz; ioredis keeps reconnecting.
  });
  const key = (kind: string, id: string) => `${prefix}${kind}:${id}`;

  return {
    kind: 'redis',
    async load(userId) {
      return parseSession(await redis.get(key('session', userId)));
    },
    async save(userId, session: Session) {
      await redis.set(key('session', userId), JSON.stringify(session), 'EX', timings.sessionTtlSeconds);
    },
    async delete(userId) {
      await redis.del(key('session', userId));
    },
    async claimEvent(eventId) {
      return (await redis.set(key('event', eventId), '1', 'EX', timings.eventTtlSeconds, 'NX')) === 'OK';
    },
    async withUserLock(userId, fn) {
      const lockKey = key('lock', userId);
      const token = randomUUID();
      const deadline = Date.now() + LOCK_WAIT_MS;
      let wait = 5;
      while ((await redis.set(lockKey, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
        if (Date.now() > deadline) throw new Error('timed out waiting for the user lock');
        await sleep(wait);
        wait = Math.min(wait * 2, 50);
      }
      try {
        return await fn();
      } finally {
        await redis.eval(RELEASE, 1, lockKey, token);
      }
    },
    async ping() {
      // A health check must answer quickly even while ioredis is still trying to reconnect.
      const timeout = sleep(1000).then(() => 'timeout');
      try {
        return (await Promise.race([redis.ping(), timeout])) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
