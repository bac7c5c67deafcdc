import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Session } from '../../flows/conversation.js';
import { parseStoredAnswer, parseStoredEvent, UnreadableRecord } from './inboxRecords.js';
import { parseSession, type InboxEntry, type StateStore, type StoreTimings } from './stateStore.js';

const LOCK_TTL_MS = 10_000;
const LOCK_WAIT_MS = 15_000;
// Delete the lock only if we still own it, so a slow holder never frees someone else's lock.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
// KEYS: the inbox (ids by arrival), its counter, then one record key per event; ARGV: id and JSON per event.
// A record that exists (unfinished, or finished and not yet expired) makes the event a redelivery.
const ADMIT = `
local fresh = {}
for i = 3, #KEYS do
  local id, event = ARGV[(i - 3) * 2 + 1], ARGV[(i - 3) * 2 + 2]
  if redis.call('exists', KEYS[i]) == 0 then
    redis.call('hset', KEYS[i], 'state', 'pending', 'event', event)
    redis.call('zadd', KEYS[1], redis.call('incr', KEYS[2]), id)
    table.insert(fresh, id)
  end
end
return fresh`;

const STATES = new Set<string>(['pending', 'answered', 'done', 'dead']);

type Transaction = ReturnType<Redis['multi']>;

/** ioredis reports a failed command inside MULTI in the result, not by rejecting. */
async function commit(tx: Transaction) {
  const results = await tx.exec();
  if (!results) throw new Error('Redis transaction aborted');
  for (const [err] of results) if (err) throw err;
}

/**
 * Shared by several instances behind a load balancer; a per-user lock keeps each user's turns in
 * order. Inbox records are hashes (state, event, answer); finished ones expire, unfinished ones never.
 */
export function createRedisStore(url: string, timings: StoreTimings, prefix = 'triage:'): StateStore {
  // ioredis is loaded only when Redis is the store: it is ~0.1 s of start-up otherwise spent for nothing.
  const connection = import('ioredis').then(({ Redis }) => {
    const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    client.on('error', () => {
      // Connection errors surface through the failing command and /healthz; ioredis keeps reconnecting.
    });
    return client;
  });
  const key = (kind: string, id: string) => `${prefix}${kind}:${id}`;
  const inboxKey = `${prefix}inbox`;

  const finishing = (tx: Transaction, eventId: string, state: 'done' | 'dead') =>
    tx
      .del(key('event', eventId))
      .hset(key('event', eventId), 'state', state)
      .expire(key('event', eventId), timings.eventTtlSeconds)
      .zrem(inboxKey, eventId);

  return {
    kind: 'redis',
    async load(userId) {
      const redis = await connection;
      return parseSession(await redis.get(key('session', userId)));
    },
    async admit(events) {
      const redis = await connection;
      if (events.length === 0) return new Set<string>();
      const keys = [inboxKey, `${inboxKey}:seq`, ...events.map((e) => key('event', e.id))];
      const args = events.flatMap((e) => [e.id, JSON.stringify(e)]);
      return new Set((await redis.eval(ADMIT, keys.length, ...keys, ...args)) as string[]);
    },
    async unfinished() {
      const redis = await connection;
      const ids = await redis.zrange(inboxKey, 0, -1);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hget(key('event', id), 'event');
      const rows = (await pipeline.exec()) ?? [];
      const events = [];
      const unreadable = [];
      for (const [i, [err, raw]] of rows.entries()) {
        try {
          if (err) throw err;
          events.push(parseStoredEvent((raw as string | null) ?? ''));
        } catch (e) {
          if (!(e instanceof UnreadableRecord)) throw e;
          unreadable.push(ids[i]!);
        }
      }
      return { events, unreadable };
    },
    async inboxEntry(eventId): Promise<InboxEntry | null> {
      const redis = await connection;
      const [state, answer, answeredAt] = await redis.hmget(key('event', eventId), 'state', 'answer', 'answeredAt');
      if (!state || !STATES.has(state)) return null;
      if (state !== 'answered') return { state: state as 'pending' | 'done' | 'dead' };
      return { state: 'answered', messages: parseStoredAnswer(answer ?? ''), answeredAt: Number(answeredAt) };
    },
    async saveTurn(event, turn) {
      const redis = await connection;
      const tx = redis.multi();
      if (turn.session === null) tx.del(key('session', event.userId));
      else if (turn.session !== 'unchanged') tx.set(key('session', event.userId), JSON.stringify(turn.session satisfies Session), 'EX', timings.sessionTtlSeconds);
      if (turn.messages) tx.hset(key('event', event.id), 'state', 'answered', 'answer', JSON.stringify(turn.messages), 'answeredAt', turn.at);
      else finishing(tx, event.id, 'done');
      await commit(tx);
    },
    async finish(eventId, state) {
      const redis = await connection;
      await commit(finishing(redis.multi(), eventId, state));
    },
    async withUserLock(userId, fn) {
      const redis = await connection;
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
      // A write, answered quickly even while ioredis is still trying to reconnect: a Redis that
      // answers PING may still refuse writes (out of memory, failing disk).
      const timeout = sleep(1000).then(() => 'no answer within 1 s');
      try {
        const redis = await connection;
        const answer = await Promise.race([redis.set(key('health', 'probe'), String(Date.now()), 'PX', 60_000), timeout]);
        return answer === 'OK' ? { ok: true } : { ok: false, reason: String(answer) };
      } catch (err) {
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
    async close() {
      const redis = await connection;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
