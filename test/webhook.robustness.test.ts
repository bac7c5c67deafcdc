/**
 * Issue #4, webhook side: bad input gets a clear status and a safe outcome, redeliveries are answered
 * once, one user's events are answered in order, and LINE API faults end in exactly one delivery.
 */
import { daytimeInJapan } from './helpers/clock.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { retryKeyFor } from '../src/line/retryKey.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { startBot, type RunningBot } from './helpers/startBot.js';
import { followEvent, imageEvent, postWebhook, postbackEvent, sign, stickerEvent, textEvent, unfollowEvent, webhookBody } from './helpers/webhooks.js';

let api: FakeLineApi;
let bot: RunningBot;
const sends = () => api.calls.filter((c) => c.path.endsWith('/reply') || c.path.endsWith('/push'));
const textsTo = (token: string) => sends().filter((c) => c.body.replyToken === token).flatMap((c) => c.body.messages.map((m: any) => m.text ?? m.altText));
const settle = () => bot.app.processor.drain();

beforeAll(async () => {
  api = await startFakeLineApi();
  bot = await startBot(api.url, { MAX_BODY_BYTES: '65536' });
});
afterAll(async () => {
  await bot.app.close();
  await api.close();
});
afterEach(() => {
  api.delayMs = 0;
});

describe('requests that must be refused', () => {
  it('bad or missing signature: 401 and nothing processed', async () => {
    const body = webhookBody(textEvent('0120-070-585', { userId: 'Usig' }));
    expect((await postWebhook(bot.url, body, sign(body, 'wrong-secret'))).status).toBe(401);
    expect((await postWebhook(bot.url, body, null)).status).toBe(401);
    expect((await postWebhook(bot.url, body, sign(body + ' '))).status).toBe(401);
    await settle();
    expect(sends()).toHaveLength(0);
    expect(await bot.app.store.load('Usig')).toBeNull();
  });

  it('malformed JSON with a valid signature: 400', async () => {
    for (const body of ['{"events": [', 'null', '{"events": "nope"}', '']) {
      expect((await postWebhook(bot.url, body)).status).toBe(400);
    }
  });

  it('a body over the limit: 413, and the server keeps serving', async () => {
    const huge = webhookBody(textEvent('x'.repeat(70_000)));
    expect((await postWebhook(bot.url, huge)).status).toBe(413);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('unknown paths: 404', async () => {
    expect((await fetch(`${bot.url}/admin`)).status).toBe(404);
  });
});

describe('events that get 200 and a safe outcome', () => {
  it("LINE's Verify request and dummy reply tokens: 200, no API call", async () => {
    expect((await postWebhook(bot.url, JSON.stringify({ destination: 'Ubot', events: [] }))).status).toBe(200);
    const dummy = webhookBody(textEvent('hello', { replyToken: '00000000000000000000000000000000' }), textEvent('hello', { replyToken: 'ffffffffffffffffffffffffffffffff', userId: 'U2' }));
    expect((await postWebhook(bot.url, dummy)).status).toBe(200);
    await settle();
    expect(sends()).toHaveLength(0);
  });

  it('groups, rooms, standby mode, unsend and unknown event types: 200 and silence', async () => {
    const events = [
      textEvent('0120-070-585', { sourceType: 'group' }),
      textEvent('0120-070-585', { sourceType: 'room' }),
      { ...textEvent('0120-070-585', { userId: 'Ustandby' }), mode: 'standby' },
      { type: 'unsend', timestamp: Date.now(), webhookEventId: 'UNSEND1', source: { type: 'user', userId: 'Uodd' }, unsend: { messageId: '1' } },
      { type: 'videoPlayComplete', timestamp: Date.now(), webhookEventId: 'VPC1', source: { type: 'user', userId: 'Uodd' }, replyToken: 'rt-vpc' },
      { type: 'somethingNew', timestamp: Date.now(), webhookEventId: 'NEW1', source: { type: 'user', userId: 'Uodd' } },
      { type: 'message' }, // no id, no source: malformed, skipped
      'not even an object',
    ];
    expect((await postWebhook(bot.url, webhookBody(...events))).status).toBe(200);
    await settle();
    expect(sends()).toHaveLength(0);
  });

  it('stickers, images, garbage postbacks and hostile text all get a calm answer', async () => {
    const cases = [
      stickerEvent({ userId: 'Uh1', replyToken: 'h-sticker' }),
      imageEvent({ userId: 'Uh2', replyToken: 'h-image' }),
      postbackEvent('a=drop%20table&e=0', { userId: 'Uh3', replyToken: 'h-pb1' }),
      postbackEvent('%%%'.repeat(200), { userId: 'Uh4', replyToken: 'h-pb2' }),
      textEvent('あ'.repeat(10_000), { userId: 'Uh5', replyToken: 'h-long' }),
      textEvent('\u200B\u200F\u202E\u2066', { userId: 'Uh6', replyToken: 'h-invisible' }),
      textEvent('😱😱😱🙏', { userId: 'Uh7', replyToken: 'h-emoji' }),
      textEvent('9'.repeat(1000), { userId: 'Uh8', replyToken: 'h-digits' }),
      textEvent('<script>alert(1)</script><img src=x onerror=alert(1)>', { userId: 'Uh9', replyToken: 'h-html' }),
      textEvent('', { userId: 'Uh10', replyToken: 'h-empty' }),
    ];
    expect((await postWebhook(bot.url, webhookBody(...cases))).status).toBe(200);
    await settle();
    for (const token of ['h-sticker', 'h-image', 'h-pb1', 'h-pb2', 'h-long', 'h-invisible', 'h-emoji', 'h-digits', 'h-html', 'h-empty']) {
      const texts = textsTo(token);
      expect(texts.length, token).toBeGreaterThan(0);
      expect(texts.join('\n')).toMatch(/メニュー|着信番号|menu/i);
      expect(texts.join('\n')).not.toContain('<script>');
      expect(texts.join('\n')).not.toMatch(/9{8}/);
    }
  });
});

describe('exactly once, in order', () => {
  it('a redelivered event is answered once', async () => {
    const event = textEvent('0120-070-585', { userId: 'Uredeliver', replyToken: 'redeliver-1' });
    await postWebhook(bot.url, webhookBody(event));
    await postWebhook(bot.url, webhookBody({ ...event, replyToken: 'redeliver-2', deliveryContext: { isRedelivery: true } }));
    await settle();
    expect(sends().filter((c) => String(c.body.replyToken).startsWith('redeliver-'))).toHaveLength(1);
  });

  it("one user's burst of 20 events, in one batch and then in separate requests, is answered in order", async () => {
    const batch = Array.from({ length: 10 }, (_, i) => textEvent(i % 2 ? 'メニュー' : '0120-070-585', { userId: 'Uburst', replyToken: `burst-${i}` }));
    api.delayMs = 5; // slow LINE: later events queue up behind earlier ones
    await postWebhook(bot.url, webhookBody(...batch));
    // Each request is acknowledged before its event is processed, so these queue behind the batch.
    for (let i = 10; i < 20; i++) await postWebhook(bot.url, webhookBody(textEvent('help', { userId: 'Uburst', replyToken: `burst-${i}` })));
    expect(bot.app.processor.pending).toBeGreaterThan(0);
    await settle();
    const order = sends().map((c) => String(c.body.replyToken)).filter((t) => t.startsWith('burst-')).map((t) => Number(t.slice(6)));
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('unfollow forgets the user', async () => {
    await postWebhook(bot.url, webhookBody(followEvent({ userId: 'Ubye' })));
    await settle();
    expect(await bot.app.store.load('Ubye')).not.toBeNull();
    await postWebhook(bot.url, webhookBody(unfollowEvent({ userId: 'Ubye' })));
    await settle();
    expect(await bot.app.store.load('Ubye')).toBeNull();
  });
});

describe('LINE API faults', () => {
  it('retries a reply after 500 and 429', async () => {
    api.failNext('/reply', 500, 429);
    await postWebhook(bot.url, webhookBody(textEvent('メニュー', { userId: 'Uretry', replyToken: 'retry-1' })));
    await settle();
    expect(textsTo('retry-1')).toHaveLength(1);
    expect(api.attempts.filter((p) => p.endsWith('/reply')).length).toBeGreaterThanOrEqual(3);
  });

  it('a rejected reply token falls back to one push with a retry key derived from the event', async () => {
    api.failNext('/reply', 400);
    const event = textEvent('メニュー', { userId: 'Upush', replyToken: 'rejected-token' });
    await postWebhook(bot.url, webhookBody(event));
    await settle();
    const pushes = api.pushes().filter((c) => c.body.to === 'Upush');
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.headers['x-line-retry-key']).toBe(retryKeyFor(event.webhookEventId));
  });

  it('an expired reply token (event older than a minute) goes straight to push, and push survives a 500', async () => {
    api.failNext('/push', 500);
    await postWebhook(bot.url, webhookBody(textEvent('メニュー', { userId: 'Ulate', timestamp: Date.now() - 120_000, replyToken: 'late-token' })));
    await settle();
    expect(textsTo('late-token')).toHaveLength(0);
    expect(api.pushes().filter((c) => c.body.to === 'Ulate')).toHaveLength(1);
  });

  it('a LINE outage loses the reply, not the conversation, and the process keeps serving', async () => {
    api.failNext('/reply', 500, 500, 500, 500);
    api.failNext('/push', 500, 500, 500, 500);
    await postWebhook(bot.url, webhookBody(textEvent('折り返すべき?', { userId: 'Uoutage', replyToken: 'outage-1' })));
    await settle();
    expect((await bot.app.store.load('Uoutage'))?.flow?.value).toBe('askingSituation');
    await postWebhook(bot.url, webhookBody(textEvent('今日中に受け取りたい', { userId: 'Uoutage', replyToken: 'outage-2', timestamp: daytimeInJapan() })));
    await settle();
    expect(textsTo('outage-2').join('')).toMatch(/折り返してください/);
  });

  it('shows the loading animation when an answer takes a while', async () => {
    api.delayMs = 600;
    await postWebhook(bot.url, webhookBody(textEvent('メニュー', { userId: 'Uslow', replyToken: 'slow-1' })));
    await settle();
    await api.waitFor(() => api.calls.some((c) => c.path.endsWith('/v2/bot/chat/loading/start') && c.body.chatId === 'Uslow'));
    expect(api.calls.find((c) => c.path.endsWith('/v2/bot/chat/loading/start'))!.body.loadingSeconds % 5).toBe(0);
  });
});

describe('health', () => {
  it('reports the store', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: { kind: 'memory', ok: true }, mode: 'line' });
  });
});
