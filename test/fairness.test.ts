/**
 * Issue #17, noisy neighbour: one user flooding the bot must not take it from everyone else. Twenty
 * users chat at a human pace while a flooder is switched on and off in turns (several webhooks of
 * many events each in flight); none of the twenty's webhooks may be refused, and their answers in
 * the flooded spells must come about as fast as in the quiet ones (p99 within 3×). Taking turns in
 * one run, rather than two runs one after the other, keeps a busy machine from deciding the outcome.
 * The flooder's events beyond the per-user cap are acknowledged and not queued, and it is told once
 * per flood (until its queue has run empty).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { startBot, type RunningBot } from './helpers/startBot.js';
import { seeded } from './helpers/steadyLoad.js';
import { postWebhook, textEvent, webhookBody } from './helpers/webhooks.js';

const USERS = 20;
const SPELLS = 6; // quiet, flooded, quiet, …
const SPELL_MS = 700;
/** The start of a spell belongs to the one before: the flood takes a moment to build, its queue to drain. */
const SETTLE_MS = 150;
const TEXTS = ['0120-070-585から電話があった', '折り返すべき?', 'メニュー', '今つながる?', 'カード番号を聞かれた'];
const ENV = { MAX_PENDING_EVENTS: '400', MAX_PENDING_PER_USER: '20' };
const NOTICE = 'メッセージが多すぎます。少し待ってからもう一度送ってください';

let api: FakeLineApi;
let bot: RunningBot;
beforeAll(async () => {
  api = await startFakeLineApi();
  api.delayMs = 3; // LINE's own latency: the flooder's turns cannot keep up with what it sends
  bot = await startBot(api.url, ENV);
});
afterAll(async () => {
  await bot.app.close();
  await api.close();
});

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;

describe('a flooder beside twenty users', () => {
  // A latency comparison on a shared 2-core machine, while other test files run: one more try when a
  // neighbour's burst lands inside a flooded spell. A flooder that really slows the others fails every try.
  it('refuses none of the others, keeps their p99 within 3× of the quiet spells, and tells the flooder once per flood', { timeout: 30_000, retry: 2 }, async () => {
    // Its own bot and LINE, so that a retry starts from nothing (the notices and replies of a failed try
    // would count against the next).
    const api = await startFakeLineApi();
    api.delayMs = 3; // LINE's own latency: the flooder's turns cannot keep up with what it sends
    const bot = await startBot(api.url, ENV);
    try {
      // Each kind of answer is slower the first time: warm them up before measuring.
      for (const text of TEXTS) await postWebhook(bot.url, webhookBody(textEvent(text, { userId: 'Uwarm' })));
      await bot.app.processor.drain();

      const began = Date.now();
      const spell = (at: number) => Math.floor((at - began) / SPELL_MS);
      const flooded = (s: number) => s % 2 === 1;
      const settled = (at: number) => (at - began) % SPELL_MS >= SETTLE_MS;
      const over = () => spell(Date.now()) >= SPELLS;
      const sent: { token: string; at: number; flooded: boolean }[] = [];
      let refused = 0;
      let flooderPeak = 0;
      const flooder = { events: 0, webhooks: 0, refused: 0 };

      const flood = async (lane: number) => {
        for (let body = 0; !over(); body++) {
          if (!flooded(spell(Date.now()))) {
            await sleep(10);
            continue;
          }
          const events = Array.from({ length: 25 }, (_, i) => textEvent('メニュー', { userId: 'Uflooder', replyToken: `F-${lane}-${body}-${i}` }));
          flooder.events += events.length;
          flooder.webhooks++;
          if ((await postWebhook(bot.url, webhookBody(...events))).status !== 200) flooder.refused++;
        }
      };
      const watch = async () => {
        while (!over()) {
          const waiting = (await bot.app.store.unfinished()).events.filter((e) => e.userId === 'Uflooder').length;
          flooderPeak = Math.max(flooderPeak, waiting);
          await sleep(20);
        }
      };
      const user = async (u: number) => {
        const pace = seeded(u + 1);
        for (let i = 0; !over(); i++) {
          const token = `U${u}-${i}`;
          const at = Date.now();
          const event = textEvent(TEXTS[pace.between(0, TEXTS.length)]!, { userId: `Ufair${u}`, replyToken: token });
          if ((await postWebhook(bot.url, webhookBody(event))).status === 200) {
            if (settled(at)) sent.push({ token, at, flooded: flooded(spell(at)) });
          } else refused++;
          await sleep(pace.between(40, 120));
        }
      };
      await Promise.all([watch(), ...Array.from({ length: 4 }, (_, lane) => flood(lane)), ...Array.from({ length: USERS }, (_, u) => user(u))]);
      await bot.app.processor.drain();

      const replies = new Map(api.replies().map((c) => [String(c.body.replyToken), c]));
      const latency = (e: (typeof sent)[number]) => (replies.get(e.token)?.at ?? Infinity) - e.at;
      const quiet = sent.filter((e) => !e.flooded).map(latency);
      const busy = sent.filter((e) => e.flooded).map(latency);
      const metrics = await (await fetch(`${bot.url}/metrics`)).text();
      console.log(
        `fairness: ${flooder.events} flooder events in ${flooder.webhooks} webhooks (${flooder.refused} refused), at most ${flooderPeak} of them waiting; ` +
          `the others: ${refused} refused, p99 ${p99(quiet)} ms quiet (${quiet.length}), ${p99(busy)} ms flooded (${busy.length})`,
      );
      expect(refused, "the others' webhooks refused").toBe(0);
      expect(p99(busy)).toBeLessThanOrEqual(3 * Math.max(p99(quiet), 10));
      // The flood was real: more than the whole backlog holds, every webhook acknowledged.
      expect(flooder.events).toBeGreaterThan(Number(ENV.MAX_PENDING_EVENTS));
      expect(flooder.refused).toBe(0);
      expect(flooderPeak).toBeLessThanOrEqual(Number(ENV.MAX_PENDING_PER_USER));

      // What was queued is answered once; beyond the cap, one notice per flood and nothing else (a
      // flooded spell is a new flood only if the quiet one before it had time to empty the queue).
      const answered = api.replies().filter((c) => String(c.body.replyToken).startsWith('F-'));
      const notices = answered.filter((c) => c.body.messages[0].text.startsWith(NOTICE));
      expect(notices.length).toBeGreaterThanOrEqual(1);
      expect(notices.length).toBeLessThanOrEqual(SPELLS / 2);
      const queued = answered.length - notices.length;
      expect(new Set(answered.map((c) => c.body.replyToken)).size).toBe(answered.length);
      const overCap = (answer: string) => Number(new RegExp(`linebot_events_over_user_cap_total\\{answer="${answer}"\\} (\\d+)`).exec(metrics)?.[1]);
      expect(overCap('notice')).toBe(notices.length);
      expect(overCap('none') + overCap('notice') + queued).toBe(flooder.events);
  
    } finally {
      await bot.app.close();
      await api.close();
    }
  });

  it('tells an English user in English', async () => {
    await postWebhook(bot.url, webhookBody(textEvent('who called me from 0120-070-585?', { userId: 'Uenglish', replyToken: 'en-0' })));
    await bot.app.processor.drain();
    api.delayMs = 50;
    try {
      const events = Array.from({ length: 25 }, (_, i) => textEvent('menu', { userId: 'Uenglish', replyToken: `en-${i + 1}` }));
      expect((await postWebhook(bot.url, webhookBody(...events))).status).toBe(200);
      await bot.app.processor.drain();
    } finally {
      api.delayMs = 3;
    }
    const notices = api.replies().filter((c) => String(c.body.replyToken).startsWith('en-') && /^Too many messages/.test(c.body.messages[0].text));
    expect(notices.map((c) => c.body.replyToken)).toEqual(['en-21']);
  });
});
