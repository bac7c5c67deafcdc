/**
 * Steady signed load the way LINE sends it, for the tests that break things underneath (a killed
 * server, a restarted Redis): each user has one webhook in flight, resent with the same webhookEventId
 * (marked as a redelivery) until it gets a 2xx. Then the check: every event LINE got a 2xx for is
 * answered exactly once (replies plus accepted pushes), and each user's answers come in the order sent.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { retryKeyFor } from '../../src/line/retryKey.js';
import type { FakeLineApi, RecordedCall } from './fakeLineApi.js';
import { postWebhook, textEvent, webhookBody } from './webhooks.js';

const TEXTS = ['0120-070-585から電話があった', '折り返すべき?', '今日中に受け取りたい', '繋がらない', 'メニュー', 'カード番号を聞かれた', '今つながる?'];

/** mulberry32: a small PRNG, so a failing run can be replayed exactly. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, between: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo)) };
}

export interface SentEvent {
  user: number;
  index: number;
  webhookEventId: string;
  replyToken: string;
  acknowledged: boolean;
}

export interface LoadOptions {
  users: number;
  messagesPerUser: number;
  seed: number;
  /** The servers' base URLs at the moment of sending; each webhook goes to one of them at random. */
  targets: () => string[];
  /** Every status a webhook got, 0 when the connection failed. */
  onStatus?: (status: number) => void;
}

export interface SteadyLoad {
  sent: SentEvent[];
  /** Settles once every event of every user got a 2xx. */
  done: Promise<void>;
  /** Acknowledged events not answered yet. */
  unanswered(): SentEvent[];
  /** Waits for every acknowledged event to be answered, then returns how each was answered. */
  settle(timeoutMs: number): Promise<LoadOutcome>;
}

export interface LoadOutcome {
  acknowledged: SentEvent[];
  /** Acknowledged events answered other than exactly once, as `id: count`. */
  notOnce: string[];
  /** Answers to nothing that was sent. */
  strays: number;
  pushes: number;
  /** The indexes of one user's answered events, in the order LINE accepted the answers. */
  orderOf(user: number): number[];
}

export function startSteadyLoad(api: FakeLineApi, opts: LoadOptions): SteadyLoad {
  const run = `L${Date.now().toString(36)}`; // ids never seen by a store shared with earlier runs
  const sent: SentEvent[] = [];
  const keyOf = (e: SentEvent) => [e.replyToken, retryKeyFor(e.webhookEventId)];
  const ours = (c: RecordedCall) =>
    (c.path.endsWith('/reply') && String(c.body.replyToken).startsWith(run)) || (c.path.endsWith('/push') && String(c.body.to).startsWith(run));
  const answers = () => api.calls.filter(ours);
  const answerKey = (c: RecordedCall) => (c.path.endsWith('/reply') ? String(c.body.replyToken) : String(c.headers['x-line-retry-key']));
  const unanswered = () => {
    const answered = new Set(answers().map(answerKey));
    return sent.filter((e) => e.acknowledged && !keyOf(e).some((key) => answered.has(key)));
  };

  async function user(u: number) {
    const pace = seeded(opts.seed * 1000 + u);
    for (let i = 0; i < opts.messagesPerUser; i++) {
      // Every fourth event is older than a reply token lives, so its answer goes out as a push.
      const timestamp = i % 4 === 3 ? Date.now() - 55_000 : Date.now();
      const userId = `${run}U${u}`;
      const event = textEvent(TEXTS[pace.between(0, TEXTS.length)]!, { userId, replyToken: `${userId}-${i}`, webhookEventId: `${run}U${u}E${i}`, timestamp });
      const record: SentEvent = { user: u, index: i, webhookEventId: event.webhookEventId, replyToken: event.replyToken, acknowledged: false };
      sent.push(record);
      for (let attempt = 0; !record.acknowledged; attempt++) {
        const body = webhookBody({ ...event, deliveryContext: { isRedelivery: attempt > 0 } });
        const targets = opts.targets();
        const status = await postWebhook(targets[pace.between(0, targets.length)]!, body).then((r) => r.status, () => 0);
        opts.onStatus?.(status);
        if (status >= 200 && status < 300) record.acknowledged = true;
        else await sleep(pace.between(20, 60));
      }
      await sleep(pace.between(10, 60));
    }
  }

  return {
    sent,
    done: Promise.all(Array.from({ length: opts.users }, (_, u) => user(u))).then(() => undefined),
    unanswered,
    async settle(timeoutMs) {
      await api.waitFor(() => unanswered().length === 0, timeoutMs).catch(() => {});
      await sleep(300); // a duplicate would arrive late, after a retry
      const acknowledged = sent.filter((e) => e.acknowledged);
      const byKey = new Map(sent.flatMap((e) => keyOf(e).map((key) => [key, e] as const)));
      const answered = answers().map((c) => byKey.get(answerKey(c)));
      const count = new Map<SentEvent, number>();
      for (const e of answered) if (e) count.set(e, (count.get(e) ?? 0) + 1);
      return {
        acknowledged,
        notOnce: acknowledged.filter((e) => count.get(e) !== 1).map((e) => `${e.webhookEventId}: ${count.get(e) ?? 0}`),
        strays: answered.filter((e) => e === undefined).length,
        pushes: answers().filter((c) => c.path.endsWith('/push')).length,
        orderOf: (u) => answered.filter((e) => e?.user === u).map((e) => e!.index),
      };
    },
  };
}


export { freePort } from '../../bench/targets.js';
