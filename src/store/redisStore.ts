import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis, Result } from 'ioredis';
import type { Session } from '../../flows/conversation.js';
import { parseStoredAnswer, parseStoredEvent, UnreadableRecord } from './inboxRecords.js';
import { parseSession, type InboxEntry, type SavedTurn, type StateStore, type StoreTimings, type Turn, type TurnState, type Unfinished } from './stateStore.js';

export interface RedisStoreOptions {
  /** Put before every key, so several bots (or tests) can share one Redis. */
  prefix?: string;
  /**
   * How long a turn holds its user without renewing: renewed every quarter of it while the turn runs,
   * so it only runs out when the instance died or lost Redis. Longer than a LINE call may take
   * (lineSender's timeout) so that a lapse is never the normal outcome of a slow LINE.
   */
  leaseMs?: number;
  /** How long an event may stay next in line with nobody holding its user before another instance takes it over. */
  stallMs?: number;
}

const LEASE_MS = 8_000;
const LEASE_LOST = 'LEASE_LOST the turn no longer holds the user (its lease ran out)';

// The scripts run atomically in Redis, so each step below is one round trip however much it checks.
// Per user: `queue:<user>` lists the unfinished events in arrival order, `lock:<user>` holds the token
// of the turn that has the user. Inbox records are hashes (state, event, user, answer, answeredAt, attempts).
const LUA_COMMON = `
local function finishEvent(record, inbox, queue, id, state, ttl)
  redis.call('del', record)
  redis.call('hset', record, 'state', state)
  redis.call('expire', record, ttl)
  redis.call('zrem', inbox, id)
  redis.call('lrem', queue, 0, id)
end
local function unfinished(state) return state == 'pending' or state == 'answered' end
local LOST = '${LEASE_LOST}'
`;

// KEYS: inbox (ids by arrival), its counter, then record, queue and over-cap flag per event; ARGV: the
// per-user cap (0 for none), the flag's TTL s, then id, JSON, user per event. A user's queue lists
// their unfinished events, so its length is what the cap counts. Answers {toHandle, overCap, notify}.
const ADMIT = `${LUA_COMMON}
local cap = tonumber(ARGV[1])
local toHandle, overCap, notify = {}, {}, {}
for i = 1, (#KEYS - 2) / 3 do
  local record, queue, noticed, id = KEYS[i * 3], KEYS[i * 3 + 1], KEYS[i * 3 + 2], ARGV[i * 3]
  local state = redis.call('hget', record, 'state')
  local waiting = state and 0 or redis.call('llen', queue)
  if state then
    if unfinished(state) and redis.call('hget', record, 'user') == ARGV[i * 3 + 2] then table.insert(toHandle, id) end
  elseif cap > 0 and waiting >= cap then
    table.insert(overCap, id)
    if redis.call('set', noticed, '1', 'NX', 'EX', ARGV[2]) then table.insert(notify, id) end
  else
    redis.call('hset', record, 'state', 'pending', 'event', ARGV[i * 3 + 1], 'user', ARGV[i * 3 + 2])
    redis.call('zadd', KEYS[1], redis.call('incr', KEYS[2]), id)
    redis.call('rpush', queue, id)
    if waiting == 0 then redis.call('del', noticed) end
    table.insert(toHandle, id)
  end
end
return {toHandle, overCap, notify}`;

// Claim + lock + load. KEYS: record, queue, lock, session; ARGV: id, token, lease ms, record key prefix.
// Answers {'finished', state}, {'busy'} (another turn has the user), {'behind', head id} (nobody has
// the user but an earlier event comes first) or {'claimed', state, answer, answeredAt, session, attempt}:
// a claim begins an attempt at the event, counted here so that one whose instance died counts too.
// It builds the head's record key itself, so the store needs one Redis, not a Redis Cluster.
const CLAIM = `${LUA_COMMON}
local state = redis.call('hget', KEYS[1], 'state')
if not unfinished(state) then return {'finished', state} end
local holder = redis.call('get', KEYS[3])
if holder and holder ~= ARGV[2] then return {'busy'} end
local head = redis.call('lindex', KEYS[2], 0)
-- An id whose record is finished or gone (an expired key, a manual delete) is no longer in line.
while head and head ~= ARGV[1] and not unfinished(redis.call('hget', ARGV[4] .. head, 'state')) do
  redis.call('lpop', KEYS[2])
  head = redis.call('lindex', KEYS[2], 0)
end
if head and head ~= ARGV[1] then return {'behind', head} end
-- (An empty queue: the event was admitted by a version without queues; nothing to wait for.)
redis.call('set', KEYS[3], ARGV[2], 'PX', ARGV[3])
local entry = redis.call('hmget', KEYS[1], 'state', 'answer', 'answeredAt')
local attempt = redis.call('hincrby', KEYS[1], 'attempts', 1)
return {'claimed', entry[1], entry[2], entry[3], redis.call('get', KEYS[4]), tostring(attempt)}`;

// KEYS: lock; ARGV: token, lease ms.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;

// KEYS: lock; ARGV: token. Only our own lock: a turn whose lease ran out never frees someone else's.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

// KEYS: record, lock, session, inbox, queue; ARGV: id, token ('' outside a turn), session ('keep',
// 'delete' or its JSON), session TTL s, answer JSON ('' for none: the event is done), answeredAt, event TTL s.
// A command resent after a dropped connection finds its work done and changes nothing.
const SAVE = `${LUA_COMMON}
local state = redis.call('hget', KEYS[1], 'state')
if state == 'done' and ARGV[5] == '' then return 0 end
if not unfinished(state) then return redis.error_reply('the event is finished or unknown') end
if ARGV[2] ~= '' and redis.call('get', KEYS[2]) ~= ARGV[2] then return redis.error_reply(LOST) end
if ARGV[3] == 'delete' then redis.call('del', KEYS[3])
elseif ARGV[3] ~= 'keep' then redis.call('set', KEYS[3], ARGV[3], 'EX', ARGV[4]) end
if ARGV[5] ~= '' then
  redis.call('hset', KEYS[1], 'state', 'answered', 'answer', ARGV[5], 'answeredAt', ARGV[6])
else
  finishEvent(KEYS[1], KEYS[4], KEYS[5], ARGV[1], 'done', ARGV[7])
  if ARGV[2] ~= '' then redis.call('del', KEYS[2]) end
end
return 1`;

// KEYS: record, lock, inbox, queue; ARGV: id, token ('' outside a turn), state, event TTL s.
// A finished event stays as it is: done is never turned into dead, nor the reverse.
const FINISH = `${LUA_COMMON}
local state = redis.call('hget', KEYS[1], 'state')
if state == 'done' or state == 'dead' then return 0 end
if ARGV[2] ~= '' and redis.call('get', KEYS[2]) ~= ARGV[2] then return redis.error_reply(LOST) end
finishEvent(KEYS[1], KEYS[3], KEYS[4], ARGV[1], ARGV[3], ARGV[4])
if ARGV[2] ~= '' then redis.call('del', KEYS[2]) end
return 1`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    triageAdmit(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<[string[], string[], string[]], Context>;
    triageClaim(...keysAndArgs: (string | number)[]): Result<(string | null)[], Context>;
    triageRenew(...keysAndArgs: (string | number)[]): Result<number, Context>;
    triageRelease(...keysAndArgs: (string | number)[]): Result<number, Context>;
    triageSave(...keysAndArgs: (string | number)[]): Result<number, Context>;
    triageFinish(...keysAndArgs: (string | number)[]): Result<number, Context>;
  }
}

const STATES = new Set<string>(['pending', 'answered', 'done', 'dead']);

function entryFrom(state: string | null, answer: string | null, answeredAt: string | null): InboxEntry | null {
  if (!state || !STATES.has(state)) return null;
  if (state !== 'answered') return { state: state as 'pending' | 'done' | 'dead' };
  return { state: 'answered', messages: parseStoredAnswer(answer ?? ''), answeredAt: Number(answeredAt) };
}

type Claim = { kind: 'claimed'; state: TurnState } | { kind: 'finished'; state: TurnState } | { kind: 'busy' } | { kind: 'behind'; head: string };

/**
 * Shared by several instances behind a load balancer. Each user's events run one at a time in the
 * order they reached any instance: an event's turn starts only when it heads its user's queue and no
 * other turn holds the user. Finished inbox records expire, unfinished ones never.
 */
export function createRedisStore(url: string, timings: StoreTimings, options: RedisStoreOptions = {}): StateStore {
  const prefix = options.prefix ?? 'triage:';
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const stallMs = options.stallMs ?? leaseMs;
  // ioredis is loaded only when Redis is the store: it is ~0.1 s of start-up otherwise spent for nothing.
  const connection = import('ioredis').then(({ Redis }) => {
    const client = new Redis(url, {
      lazyConnect: false,
      // While Redis is unreachable a command waits for the next reconnection attempt, half a second
      // away at most: a blip is ridden out, an outage fails the webhook with a 503 within about a
      // second (LINE gives up after 2 s), and its end is noticed within half a second.
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 50, 500),
      enableAutoPipelining: true,
    });
    client.on('error', () => {
      // Connection errors surface through the failing command and /healthz; ioredis keeps reconnecting.
    });
    // Sent as EVALSHA, the script's text only when Redis does not know it yet (after a restart).
    client.defineCommand('triageAdmit', { lua: ADMIT });
    client.defineCommand('triageClaim', { lua: CLAIM, numberOfKeys: 4 });
    client.defineCommand('triageRenew', { lua: RENEW, numberOfKeys: 1 });
    client.defineCommand('triageRelease', { lua: RELEASE, numberOfKeys: 1 });
    client.defineCommand('triageSave', { lua: SAVE, numberOfKeys: 5 });
    client.defineCommand('triageFinish', { lua: FINISH, numberOfKeys: 4 });
    return client;
  });
  const key = (kind: string, id: string) => `${prefix}${kind}:${id}`;
  const inboxKey = `${prefix}inbox`;

  function save(redis: Redis, event: { id: string; userId: string }, turn: SavedTurn, token: string) {
    const session = turn.session === null ? 'delete' : turn.session === 'unchanged' ? 'keep' : JSON.stringify(turn.session satisfies Session);
    return redis.triageSave(
      key('event', event.id),
      key('lock', event.userId),
      key('session', event.userId),
      inboxKey,
      key('queue', event.userId),
      event.id,
      token,
      session,
      timings.sessionTtlSeconds,
      turn.messages ? JSON.stringify(turn.messages) : '',
      turn.at,
      timings.eventTtlSeconds,
    );
  }

  function finish(redis: Redis, event: { id: string; userId: string }, state: 'done' | 'dead', token: string) {
    return redis.triageFinish(key('event', event.id), key('lock', event.userId), inboxKey, key('queue', event.userId), event.id, token, state, timings.eventTtlSeconds);
  }

  async function claim(redis: Redis, event: { id: string; userId: string }, token: string): Promise<Claim> {
    const [kind, state, answer, answeredAt, session, attempt] = await redis.triageClaim(
      key('event', event.id),
      key('queue', event.userId),
      key('lock', event.userId),
      key('session', event.userId),
      event.id,
      token,
      leaseMs,
      key('event', ''),
    );
    if (kind === 'busy') return { kind };
    if (kind === 'behind') return { kind, head: state! };
    if (kind === 'finished') return { kind, state: { entry: entryFrom(state ?? null, null, null), session: null, attempt: 0 } };
    return {
      kind: 'claimed',
      state: { entry: entryFrom(state ?? null, answer ?? null, answeredAt ?? null), session: parseSession(session), attempt: Number(attempt) },
    };
  }

  /** The event that heads a queue with nobody working on it, to be taken over; nothing if it finished meanwhile. */
  async function stalledEvent(redis: Redis, eventId: string): Promise<Unfinished> {
    const [state, raw] = await redis.hmget(key('event', eventId), 'state', 'event');
    if (state !== 'pending' && state !== 'answered') return { events: [], unreadable: [] };
    try {
      return { events: [parseStoredEvent(raw ?? '')], unreadable: [] };
    } catch (err) {
      if (!(err instanceof UnreadableRecord)) throw err;
      return { events: [], unreadable: [eventId] };
    }
  }

  /** Waits for the event's turn: polls while another turn has the user or an earlier event comes first. */
  async function waitForTurn(redis: Redis, event: { id: string; userId: string }, token: string, takeOver: (stalled: Unfinished) => Promise<void>) {
    let stalled: { head: string; since: number } | null = null;
    for (let pause = 5; ; pause = Math.min(pause * 2, 40)) {
      const answer = await claim(redis, event, token);
      if (answer.kind === 'claimed' || answer.kind === 'finished') return answer;
      if (answer.kind === 'busy') stalled = null;
      else if (stalled === null || stalled.head !== answer.head) stalled = { head: answer.head, since: Date.now() };
      else if (Date.now() - stalled.since >= stallMs) {
        await takeOver(await stalledEvent(redis, answer.head));
        stalled = null;
        pause = 5;
        continue;
      }
      await sleep(pause);
    }
  }

  return {
    kind: 'redis',
    async load(userId) {
      const redis = await connection;
      return parseSession(await redis.get(key('session', userId)));
    },
    async admit(events, perUser = Infinity) {
      const redis = await connection;
      if (events.length === 0) return { toHandle: new Set(), overCap: new Set(), notify: new Set() };
      const keys = [inboxKey, `${inboxKey}:seq`, ...events.flatMap((e) => [key('event', e.id), key('queue', e.userId), key('overCap', e.userId)])];
      const args = [perUser === Infinity ? 0 : perUser, timings.eventTtlSeconds, ...events.flatMap((e) => [e.id, JSON.stringify(e), e.userId])];
      const [toHandle, overCap, notify] = await redis.triageAdmit(keys.length, ...keys, ...args);
      return { toHandle: new Set(toHandle), overCap: new Set(overCap), notify: new Set(notify) };
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
    async inboxEntry(eventId) {
      const redis = await connection;
      const [state, answer, answeredAt] = await redis.hmget(key('event', eventId), 'state', 'answer', 'answeredAt');
      return entryFrom(state, answer, answeredAt);
    },
    async saveTurn(event, turn) {
      await save(await connection, event, turn, '');
    },
    async finish(eventId, state) {
      const redis = await connection;
      // Outside a turn only the event id is known; its user (and so its queue) is in the record.
      const userId = (await redis.hget(key('event', eventId), 'user')) ?? '';
      await finish(redis, { id: eventId, userId }, state, '');
    },
    async withTurn(event, fn, takeOver) {
      const redis = await connection;
      const token = randomUUID();
      const claimed = await waitForTurn(redis, event, token, takeOver);
      let held = claimed.kind === 'claimed';
      const turn: Turn = {
        async save(saved) {
          await save(redis, event, saved, token);
          if (!saved.messages) held = false; // saved without an answer: the event is done, the user free
        },
        async finish(state) {
          await finish(redis, event, state, token);
          held = false;
        },
        async reload() {
          const again = await claim(redis, event, token);
          held = again.kind === 'claimed';
          if (again.kind === 'claimed' || again.kind === 'finished') return again.state;
          throw new Error(LEASE_LOST);
        },
      };
      const renewal = setInterval(() => void redis.triageRenew(key('lock', event.userId), token, leaseMs).catch(() => {}), leaseMs / 4);
      try {
        return await fn(turn, claimed.state);
      } finally {
        clearInterval(renewal);
        // If this fails, the lease runs out by itself.
        if (held) await redis.triageRelease(key('lock', event.userId), token).catch(() => {});
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
