/**
 * Issue #9, in one process: the webhook refuses (503) what it cannot store or carry, a failed turn is
 * retried and then given up by id, an answer that may have reached LINE is never sent twice, and a
 * start takes up what the previous run left in the inbox.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../flows/conversation.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { retryKeyFor } from '../src/line/retryKey.js';
import { createSqliteStore } from '../src/store/sqliteStore.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { startBot, type RunningBot } from './helpers/startBot.js';
import { postWebhook, textEvent, webhookBody } from './helpers/webhooks.js';

let api: FakeLineApi;
const running: RunningBot[] = [];
const start = async (...args: Parameters<typeof startBot>) => {
  const bot = await startBot(...args);
  running.push(bot);
  return bot;
};
const sqliteFile = () => join(mkdtempSync(join(tmpdir(), 'triage-inbox-')), 'state.db');
const answersTo = (userId: string) =>
  api.calls.filter((c) => (c.path.endsWith('/reply') && String(c.body.replyToken).startsWith(`${userId}-`)) || (c.path.endsWith('/push') && c.body.to === userId));

beforeAll(async () => {
  api = await startFakeLineApi();
});
afterEach(async () => {
  api.delayMs = 0;
  await Promise.all(running.splice(0).map((b) => b.app.close()));
});
afterAll(async () => {
  await api.close();
});

describe('refusing what cannot be kept', () => {
  it('answers 503 while the SQLite file is locked by another connection, keeps serving, and takes the redelivery', async () => {
    const path = sqliteFile();
    const bot = await start(api.url, { STATE_STORE: `sqlite:${path}` });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const event = textEvent('メニュー', { userId: 'Ulocked', replyToken: 'Ulocked-1' });
    try {
      const started = Date.now();
      const refused = await postWebhook(bot.url, webhookBody(event));
      expect(refused.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(2000);
      const health = await fetch(`${bot.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', store: { kind: 'sqlite', ok: false, reason: expect.stringMatching(/locked|busy/i) } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await postWebhook(bot.url, webhookBody({ ...event, deliveryContext: { isRedelivery: true } }))).status).toBe(200);
    await bot.app.processor.drain();
    expect(answersTo('Ulocked')).toHaveLength(1);
  });

  it('answers 503 past the backlog limit instead of queueing without bound', async () => {
    const bot = await start(api.url, { MAX_PENDING_EVENTS: '3' });
    api.delayMs = 150;
    const events = Array.from({ length: 6 }, (_, i) => textEvent('メニュー', { userId: `Ubacklog${i}`, replyToken: `Ubacklog${i}-1` }));
    const statuses = [];
    for (const e of events) statuses.push((await postWebhook(bot.url, webhookBody(e))).status);
    expect(statuses).toEqual([200, 200, 200, 503, 503, 503]);
    await bot.app.processor.drain();
    // LINE delivers the refused ones again; now there is room.
    for (const e of events.slice(3)) expect((await postWebhook(bot.url, webhookBody({ ...e, deliveryContext: { isRedelivery: true } }))).status).toBe(200);
    await bot.app.processor.drain();
    for (let i = 0; i < 6; i++) expect(answersTo(`Ubacklog${i}`), `user ${i}`).toHaveLength(1);
  });
});

describe('failed turns', () => {
  it('retries a failing turn a bounded number of times, then logs it dead by id, apologises once and ignores its redelivery', async () => {
    const logs: { msg: string; eventId?: string; level: number }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const bot = await start(api.url, {}, undefined, logger);
    // An old event goes straight to push; LINE fails every push: 4 turns × 4 calls each.
    api.failNext('/push', ...Array<number>(16).fill(500));
    const event = textEvent('メニュー', { userId: 'Udead', timestamp: Date.now() - 120_000 });
    expect((await postWebhook(bot.url, webhookBody(event))).status).toBe(200);
    await bot.app.processor.drain();
    // The 17th push is the apology, the first push LINE takes: the answer itself never landed.
    expect(api.attempts.filter((p) => p.endsWith('/push'))).toHaveLength(17);
    expect(logs.filter((l) => l.msg.startsWith('turn failed; will retry') && l.eventId === event.webhookEventId)).toHaveLength(3);
    expect(logs.find((l) => l.msg.startsWith('event dead'))).toMatchObject({ eventId: event.webhookEventId, level: 50, errorKind: 'DeliveryFailed', attempts: 4 });
    expect(await bot.app.store.inboxEntry(event.webhookEventId)).toEqual({ state: 'dead' });
    expect(answersTo('Udead').map((c) => c.body.messages[0].text)).toEqual([expect.stringMatching(/^ごめんなさい/)]);

    await postWebhook(bot.url, webhookBody({ ...event, deliveryContext: { isRedelivery: true } }));
    await bot.app.processor.drain();
    expect(api.attempts.filter((p) => p.endsWith('/push'))).toHaveLength(17);
    expect(answersTo('Udead')).toHaveLength(1);
  });

  it('a reply LINE accepted but answered with 500 is not sent again, by reply or by push', async () => {
    const bot = await start(api.url);
    api.acceptButFailNext('/reply', 500);
    await postWebhook(bot.url, webhookBody(textEvent('メニュー', { userId: 'Ulanded', replyToken: 'Ulanded-1' })));
    await bot.app.processor.drain();
    expect(api.attempts.filter((p) => p.endsWith('/reply')).length).toBeGreaterThanOrEqual(2);
    expect(answersTo('Ulanded')).toHaveLength(1);
    expect(api.pushes().filter((c) => c.body.to === 'Ulanded')).toHaveLength(0);
  });

  it('a reply LINE accepted but did not answer in time is not sent again, by reply or by push', async () => {
    const bot = await start(api.url, {}, undefined, undefined, { lineTimeoutMs: 200 });
    api.answerDelayMs = 1500;
    try {
      const started = Date.now();
      await postWebhook(bot.url, webhookBody(textEvent('メニュー', { userId: 'Uslow', replyToken: 'Uslow-1' })));
      await bot.app.processor.drain();
      // Given up after the time limit, not after LINE's answer; the next try finds the token used.
      expect(Date.now() - started).toBeLessThan(1200);
    } finally {
      api.answerDelayMs = 0;
    }
    expect(api.attempts.filter((p) => p.endsWith('/reply')).length).toBeGreaterThanOrEqual(2);
    expect(answersTo('Uslow')).toHaveLength(1);
    expect(api.pushes().filter((c) => c.body.to === 'Uslow')).toHaveLength(0);
  });

  it('a push retried after a lost answer is delivered once thanks to its retry key', async () => {
    const bot = await start(api.url);
    api.acceptButFailNext('/push', 500);
    const event = textEvent('メニュー', { userId: 'Upushed', timestamp: Date.now() - 120_000 });
    await postWebhook(bot.url, webhookBody(event));
    await bot.app.processor.drain();
    const pushes = api.pushes().filter((c) => c.body.to === 'Upushed');
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.headers['x-line-retry-key']).toBe(retryKeyFor(event.webhookEventId));
  });
});

describe('taking up what a previous run left', () => {
  it('sends a saved answer without running its turn again, then runs the pending event after it', async () => {
    const path = sqliteFile();
    const conversation = createConversation(loadKnowledge());
    // The session saved with the answer: one failed call-back counted.
    const failedOnce = conversation.step(conversation.newSession('ja'), { type: 'flow', flow: 'callbackDecision', event: { type: 'CALLBACK_FAILED' } }).session;
    expect(failedOnce.flow?.context).toMatchObject({ failedAttempts: 1 });
    const [saved, waiting] = [textEvent('折り返すべき?', { userId: 'Uresume', replyToken: 'Uresume-1' }), textEvent('繋がらない', { userId: 'Uresume', replyToken: 'Uresume-2' })];
    const inbound = (e: typeof saved) => ({ kind: 'text' as const, text: e.message.text, id: e.webhookEventId, userId: 'Uresume', at: e.timestamp, replyToken: e.replyToken, redelivery: false });
    const previousRun = createSqliteStore(path, { sessionTtlSeconds: 3600, eventTtlSeconds: 3600 });
    await previousRun.admit([inbound(saved), inbound(waiting)]);
    await previousRun.saveTurn(inbound(saved), { session: failedOnce, messages: [{ type: 'text', text: 'the answer saved before the crash' }], at: Date.now() });
    await previousRun.close();

    const bot = await start(api.url, { STATE_STORE: `sqlite:${path}` });
    await bot.app.processor.drain();
    const answers = answersTo('Uresume');
    expect(answers.map((c) => c.body.replyToken)).toEqual(['Uresume-1', 'Uresume-2']);
    expect(answers[0]!.body.messages).toEqual([{ type: 'text', text: 'the answer saved before the crash' }]);
    expect((await bot.app.store.unfinished()).events).toEqual([]);
    // The saved turn was not run again (that would have reopened the flow at 0): the pending one counted on.
    expect((await bot.app.store.load('Uresume'))?.flow?.context).toMatchObject({ failedAttempts: 2 });
  });
});
