/**
 * Issue #17: a webhook event's `timestamp` is LINE's word, not a fact. One that is no date (1e20,
 * negative, NaN written as a string, a string) or lies far from the moment it arrived is read as the
 * time the webhook arrived, logged at warn without the user's text, and the message is answered.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeEvent } from '../src/line/normalizeEvent.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { startBot, type RunningBot } from './helpers/startBot.js';
import { postWebhook, textEvent, webhookBody } from './helpers/webhooks.js';

const DAY_MS = 24 * 3600 * 1000;
const HOSTILE: [string, unknown][] = [
  ['1e20', 1e20],
  ['negative', -1],
  ['far before the epoch', -8.64e15],
  ['the string "NaN"', 'NaN'],
  ['a date string', '2024-01-01T00:00:00Z'],
  ['a fraction of a millisecond in the year 275760', 8.64e15 + 0.5],
  ['ten days ahead', () => Date.now() + 10 * DAY_MS],
  ['the year 2001', 1e12],
  ['missing', undefined],
];

describe('a timestamp that is no usable date', () => {
  it.each(HOSTILE)('%s: normalized to the arrival time', (_, value) => {
    const arrived = 1_800_000_000_000;
    const raw = { ...textEvent('今つながる?'), timestamp: typeof value === 'function' ? value() : value };
    const result = normalizeEvent(raw, arrived);
    expect(result).toMatchObject({ event: { kind: 'text', at: arrived }, clock: 'arrival' });
  });

  it("LINE's own stamp is kept when it is a date near the arrival, a redelivery hours later included", () => {
    const arrived = 1_800_000_000_000;
    for (const at of [arrived, arrived - 1234, arrived - 20 * 3600 * 1000, arrived + 60_000]) {
      expect(normalizeEvent({ ...textEvent('x'), timestamp: at }, arrived)).toMatchObject({ event: { at }, clock: 'line' });
    }
  });
});

describe('over signed webhooks', () => {
  let api: FakeLineApi;
  let bot: RunningBot;
  const logs: { level: number; msg: string; [k: string]: unknown }[] = [];
  beforeAll(async () => {
    api = await startFakeLineApi();
    bot = await startBot(api.url, {}, undefined, pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) }));
  });
  afterAll(async () => {
    await bot.app.close();
    await api.close();
  });

  it('every hostile timestamp is answered once, from the first try, and logged at warn without the text', async () => {
    const events = HOSTILE.map(([, value], i) => ({
      ...textEvent(`今つながる?-secret${i}`, { userId: `Uclock${i}`, replyToken: `clock-${i}` }),
      timestamp: typeof value === 'function' ? value() : value,
    }));
    expect((await postWebhook(bot.url, webhookBody(...events))).status).toBe(200);
    await bot.app.processor.drain();
    for (let i = 0; i < events.length; i++) {
      expect(api.replies().filter((c) => c.body.replyToken === `clock-${i}`), HOSTILE[i]![0]).toHaveLength(1);
    }
    expect(logs.filter((l) => l.msg.startsWith('turn failed'))).toEqual([]);
    const warned = logs.filter((l) => l.level === 40 && /timestamp/.test(l.msg));
    expect(warned.map((l) => l.eventId).sort()).toEqual(events.map((e) => e.webhookEventId).sort());
    expect(JSON.stringify(logs)).not.toContain('secret');
  });
});
