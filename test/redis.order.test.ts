/**
 * Issue 9, item 4: per-user order across instances sharing Redis. Each user's events run in the order
 * they reached any instance, a turn keeps its user while it runs however long LINE takes (its lease
 * is renewed), a turn that lost its user cannot write, and an event left behind by a dead instance is
 * taken over instead of holding its user up for ever.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../src/conversation/inboundEvent.js';
import { createRedisStore, type RedisStoreOptions } from '../src/store/redisStore.js';
import type { StateStore, Unfinished } from '../src/store/stateStore.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { redisDatabase, redisSkipReason, redisUrl } from './helpers/redis.js';
import { startBot } from './helpers/startBot.js';
import { postWebhook, textEvent, webhookBody } from './helpers/webhooks.js';

const timings = { sessionTtlSeconds: 60, eventTtlSeconds: 60 };
let serial = 0;
const event = (userId: string): InboundEvent => ({ kind: 'text', text: 'メニュー', id: `E${++serial}-${Date.now()}`, userId, at: Date.now(), replyToken: null, redelivery: false });
const nothingToTakeOver = async (stalled: Unfinished) => {
  throw new Error(`unexpected takeover of ${stalled.events.map((e) => e.id).join()}`);
};

describe.skipIf(!redisUrl)(`one user's turns across instances on one Redis${redisSkipReason}`, () => {
  const opened: StateStore[] = [];
  let prefix = '';
  /** Another instance on the same Redis keys. */
  const instance = (options: RedisStoreOptions = {}) => {
    const store = createRedisStore(redisUrl!, timings, { prefix, ...options });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  beforeAll(() => {
    prefix = `order:${Date.now()}:`;
  });

  it('runs them in arrival order, whichever instance asks first', async () => {
    const [a, b] = [instance(), instance()];
    const [e0, e1, e2] = [event('Uorder'), event('Uorder'), event('Uorder')];
    await a.admit([e0]);
    await b.admit([e1]);
    await a.admit([e2]);
    const ran: string[] = [];
    const run = (store: StateStore, e: InboundEvent) =>
      store.withTurn(
        e,
        async (turn) => {
          ran.push(e.id);
          await sleep(20);
          await turn.finish('done');
        },
        nothingToTakeOver,
      );
    await Promise.all([run(a, e2), run(b, e1), run(a, e0)]);
    expect(ran).toEqual([e0.id, e1.id, e2.id]);
  });

  it('keeps the user through a turn longer than its lease, and lets go as soon as it ends', async () => {
    // Leases long enough that a test worker starved of CPU for a moment still renews in time.
    const [a, b] = [instance({ leaseMs: 2000 }), instance({ leaseMs: 2000 })];
    const [e0, e1] = [event('Ulease'), event('Ulease')];
    await a.admit([e0, e1]);
    const log: string[] = [];
    let ended = 0;
    const first = a.withTurn(
      e0,
      async (turn) => {
        log.push('e0 starts');
        await sleep(4500); // over two leases: only renewals keep the user
        log.push('e0 ends');
        // Saving with no answer finishes the event and frees the user inside Redis, so e1 may start
        // before this save's reply is back here: the hand-over happens when the save is sent.
        ended = Date.now();
        await turn.save({ session: 'unchanged', messages: null, at: Date.now() });
      },
      nothingToTakeOver,
    );
    await sleep(20);
    const second = b.withTurn(
      e1,
      async (turn) => {
        // Well before the lease would have run out: the turn let go when it ended.
        log.push(ended === 0 ? 'e1 starts before e0 finished' : `e1 starts ${Date.now() - ended < 1000 ? 'at once' : `${Date.now() - ended} ms late`}`);
        await turn.finish('done');
      },
      nothingToTakeOver,
    );
    await Promise.all([first, second]);
    expect(log).toEqual(['e0 starts', 'e0 ends', 'e1 starts at once']);
  });

  it("refuses the writes of a turn that lost its user, and writes nothing", async () => {
    const store = instance();
    const e0 = event('Ulost');
    await store.admit([e0]);
    const raw = new Redis(redisUrl!);
    try {
      await store.withTurn(
        e0,
        async (turn) => {
          await raw.del(`${prefix}lock:Ulost`); // as if the lease ran out and another instance took the user
          await expect(turn.save({ session: null, messages: [{ type: 'text', text: 'x' }], at: Date.now() })).rejects.toThrow(/LEASE_LOST/);
          await expect(turn.finish('done')).rejects.toThrow(/LEASE_LOST/);
        },
        nothingToTakeOver,
      );
    } finally {
      raw.disconnect();
    }
    expect(await store.inboxEntry(e0.id)).toEqual({ state: 'pending' });
  });

  it('takes over an event whose instance died with the user held, once its lease ran out', async () => {
    const dead = instance();
    const [e0, e1] = [event('Udead'), event('Udead')];
    await dead.admit([e0]);
    const raw = new Redis(redisUrl!);
    await raw.set(`${prefix}lock:Udead`, 'a-dead-instance', 'PX', 300);
    raw.disconnect();
    const alive = instance({ stallMs: 150 });
    await alive.admit([e1]);
    const ran: string[] = [];
    const takenOver: string[][] = [];
    const started = Date.now();
    const finishIt = (e: InboundEvent) => async (turn: { finish(state: 'done'): Promise<void> }) => {
      ran.push(e.id);
      await turn.finish('done');
    };
    await alive.withTurn(e1, finishIt(e1), async (stalled) => {
      takenOver.push(stalled.events.map((e) => e.id));
      for (const e of stalled.events) await alive.withTurn(e, finishIt(e), nothingToTakeOver);
    });
    expect(takenOver).toEqual([[e0.id]]);
    expect(ran).toEqual([e0.id, e1.id]);
    // Not before the dead instance's lease ran out, plus the time an event may wait for its own instance.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300 + 150 - 20);
  });
});

describe.skipIf(!redisUrl)(`two app instances on one Redis, LINE answering slowly${redisSkipReason}`, () => {
  let api: FakeLineApi;
  beforeAll(async () => {
    api = await startFakeLineApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers e0 → A, e1 → B, e2 → A from one user as e0, e1, e2 (five times)', async () => {
    api.answerDelayMs = 150;
    const store = await redisDatabase(8);
    const [a, b] = [await startBot(api.url, { STATE_STORE: store }), await startBot(api.url, { STATE_STORE: store })];
    try {
      for (let run = 0; run < 5; run++) {
        const user = `Ufair${run}-${Date.now()}`;
        for (const [i, target] of [a, b, a].entries()) {
          const sent = await postWebhook(target.url, webhookBody(textEvent('繋がらない', { userId: user, replyToken: `${user}-${i}` })));
          expect(sent.status).toBe(200);
        }
        const ours = () => api.replies().filter((c) => String(c.body.replyToken).startsWith(`${user}-`));
        await api.waitFor(() => ours().length === 3, 10_000);
        expect(ours().map((c) => c.body.replyToken), `run ${run}`).toEqual([0, 1, 2].map((i) => `${user}-${i}`));
      }
    } finally {
      api.answerDelayMs = 0;
      await a.app.close();
      await b.app.close();
    }
  }, 20_000);
});
