/**
 * Issue 9, item 5: on Redis an event costs one round trip to take its turn (claim it, hold its user,
 * read where it stands and the session), and four in all when it is answered: admit, take the turn,
 * save, finish. Counted from Redis's side with MONITOR, which sees every command the app sends.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { redisDatabase, redisSkipReason, redisUrl } from './helpers/redis.js';
import { startBot } from './helpers/startBot.js';
import { postWebhook, textEvent, webhookBody } from './helpers/webhooks.js';

const DB = 9;
const EVENTS = 10;

let api: FakeLineApi;
beforeAll(async () => {
  api = await startFakeLineApi();
});
afterAll(async () => {
  await api.close();
});

describe.skipIf(!redisUrl)(`Redis round trips per event${redisSkipReason}`, () => {
  it('takes a turn in one round trip, and answers an event in four', async () => {
    const store = await redisDatabase(DB);
    const bot = await startBot(api.url, { STATE_STORE: store });
    const monitor = await new Redis(redisUrl!).monitor();
    try {
      // One event first, unmeasured: the scripts reach Redis the first time, and Botkit loads.
      await postWebhook(bot.url, webhookBody(textEvent('メニュー', { userId: 'Uwarm' })));
      await bot.app.processor.drain();

      const commands: string[][] = [];
      // What the scripts do inside Redis shows up too, with 'lua' as its source: not a round trip.
      monitor.on('monitor', (_time: string, args: string[], source: string, database: string) => {
        if (database === String(DB) && source !== 'lua') commands.push(args);
      });
      const run = `R${Date.now()}`;
      const users = Array.from({ length: EVENTS }, (_, i) => `${run}U${i}`);
      for (const [i, userId] of users.entries()) {
        const texts = ['0120-070-585から電話があった', '折り返すべき?', 'カード番号を聞かれた'];
        expect((await postWebhook(bot.url, webhookBody(textEvent(texts[i % texts.length]!, { userId, replyToken: `${userId}-r` })))).status).toBe(200);
      }
      await bot.app.processor.drain();
      expect(users.filter((u) => !api.replies().some((c) => c.body.replyToken === `${u}-r`)), 'not answered').toEqual([]);
      await new Promise((r) => setTimeout(r, 100)); // MONITOR lines arrive after the replies they caused

      for (const userId of users) {
        const mine = commands.filter((args) => args.some((a) => a.includes(userId)));
        const touches = (args: string[], what: string) => args.some((a) => a.endsWith(`${what}:${userId}`));
        // admit, then one command that holds the user (lock) and reads the session, then save, finish.
        expect(mine.map((args) => args[0]!.toLowerCase()), userId).toEqual(['evalsha', 'evalsha', 'evalsha', 'evalsha']);
        expect(touches(mine[1]!, 'lock') && touches(mine[1]!, 'session'), `${userId}: claim, lock and load in one`).toBe(true);
        expect(mine.filter((args) => touches(args, 'session')), `${userId}: the session in the claim and the save only`).toHaveLength(2);
      }
    } finally {
      monitor.disconnect();
      await bot.app.close();
    }
  });
});
