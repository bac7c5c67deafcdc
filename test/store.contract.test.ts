/** One contract, three stores: memory, SQLite and Redis must behave the same. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversation, type Session } from '../flows/conversation.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { createMemoryStore } from '../src/store/memoryStore.js';
import { createRedisStore } from '../src/store/redisStore.js';
import { createSqliteStore } from '../src/store/sqliteStore.js';
import { parseSession, type StateStore } from '../src/store/stateStore.js';
import { redisSkipReason, redisUrl } from './helpers/redis.js';

const conversation = createConversation(loadKnowledge());
const timings = { sessionTtlSeconds: 60, eventTtlSeconds: 30 };
const session = (): Session =>
  conversation.step(conversation.newSession('ja'), { type: 'flow', flow: 'callbackDecision', event: { type: 'SITUATION_CHOSEN', situation: 'busy' } }).session;

let clock = 1_800_000_000_000;
const now = () => clock;
const opened: StateStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const backends: { name: string; kind: StateStore['kind']; skip: boolean; make: () => StateStore }[] = [
  { name: 'memory', kind: 'memory', skip: false, make: () => createMemoryStore(timings, now) },
  { name: 'sqlite', kind: 'sqlite', skip: false, make: () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'triage-')), 'state.db'), timings, now) },
  { name: `redis${redisSkipReason}`, kind: 'redis', skip: !redisUrl, make: () => createRedisStore(redisUrl!, timings, `test:${Math.random().toString(36).slice(2)}:`) },
];

describe.each(backends)('$name store', ({ kind, skip, make }) => {
  const open = () => {
    const s = make();
    opened.push(s);
    return s;
  };

  it.skipIf(skip)('round-trips a session and deletes it', async () => {
    const store = open();
    expect(await store.load('U1')).toBeNull();
    const s = session();
    await store.save('U1', s);
    expect(await store.load('U1')).toEqual(s);
    await store.delete('U1');
    expect(await store.load('U1')).toBeNull();
  });

  it.skipIf(skip)('claims an event id only once', async () => {
    const store = open();
    expect(await store.claimEvent('E1')).toBe(true);
    expect(await store.claimEvent('E1')).toBe(false);
    expect(await store.claimEvent('E2')).toBe(true);
  });

  it.skipIf(skip)('answers ping while open', async () => {
    expect(await open().ping()).toBe(true);
  });

  it.skipIf(skip)('serialises work on one user under the lock, and runs different users side by side', async () => {
    const store = open();
    let inside = 0;
    let maxInside = 0;
    const work = () =>
      store.withUserLock('Ulock', async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        await new Promise((r) => setTimeout(r, 5));
        inside--;
      });
    await Promise.all([work(), work(), work()]);
    // Memory and SQLite serve one process, where the keyed queue already serialises; Redis must lock.
    if (kind === 'redis') expect(maxInside).toBe(1);
    expect(inside).toBe(0);
  });

  it.skipIf(skip || kind === 'redis')('forgets sessions and event ids after their time', async () => {
    const store = open();
    await store.save('Uexp', session());
    await store.claimEvent('Eexp');
    clock += 31_000;
    expect(await store.claimEvent('Eexp')).toBe(true);
    expect(await store.load('Uexp')).not.toBeNull();
    clock += 30_000;
    expect(await store.load('Uexp')).toBeNull();
  });

  it.skipIf(skip || kind !== 'redis')('sets expiries on Redis keys', async () => {
    const prefix = `ttl:${Date.now()}:`;
    const store = createRedisStore(redisUrl!, timings, prefix);
    opened.push(store);
    await store.save('Uttl', session());
    await store.claimEvent('Ettl');
    const raw = new Redis(redisUrl!);
    try {
      expect(await raw.ttl(`${prefix}session:Uttl`)).toBeGreaterThan(50);
      expect(await raw.ttl(`${prefix}event:Ettl`)).toBeGreaterThan(20);
    } finally {
      raw.disconnect();
    }
  });
});

describe('reading stored sessions', () => {
  it('treats corrupt or foreign records as no session', () => {
    expect(parseSession('{not json')).toBeNull();
    expect(parseSession(JSON.stringify({ v: 2 }))).toBeNull();
    expect(parseSession(JSON.stringify(session()))).toEqual(session());
  });
});
