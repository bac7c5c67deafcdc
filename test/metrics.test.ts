import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/store/memoryStore.js';
import { countStoreErrors } from '../src/store/countedStore.js';
import { createMetrics } from '../src/metrics.js';
import { startBot, useBotWithFakeLine, type RunningBot } from './helpers/startBot.js';
import { postbackEvent, postWebhook, stickerEvent, textEvent, webhookBody } from './helpers/webhooks.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Just enough of the Prometheus text format to read samples back. */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name, labelText = '', value] = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
      return { name: name!, labels, value: Number(value) };
    });
}

async function scrape(bot: RunningBot): Promise<{ samples: Sample[]; contentType: string | null }> {
  const res = await fetch(`${bot.url}/metrics`);
  expect(res.status).toBe(200);
  return { samples: parseExposition(await res.text()), contentType: res.headers.get('content-type') };
}

function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

const USER = 'U4af4980629d4e2b6c0a5b9f1e7d3c812';
const NUMBER_TEXT = '0120-070-585から電話があった、誰?';

describe('GET /metrics after signed webhooks', () => {
  const running = useBotWithFakeLine();
  let samples: Sample[];
  let contentType: string | null;

  beforeAll(async () => {
    const { api, bot } = running;
    await postWebhook(bot.url, webhookBody(textEvent(NUMBER_TEXT, { userId: USER }), stickerEvent({ userId: USER })));
    await bot.app.processor.drain();
    // A rejected reply token, then one too old to try: both answers go out as pushes.
    api.failNext('/reply', 400);
    await postWebhook(bot.url, webhookBody(postbackEvent('not-a-button-of-ours', { userId: USER })));
    await bot.app.processor.drain();
    await postWebhook(bot.url, webhookBody(textEvent('メニュー', { userId: USER, timestamp: Date.now() - 120_000 })));
    // Not one-to-one: acknowledged, never handed to the bot.
    await postWebhook(bot.url, webhookBody(textEvent('こんにちは', { userId: USER, sourceType: 'group' })));
    await bot.app.processor.drain();
    ({ samples, contentType } = await scrape(bot));
  });

  it('is served in the Prometheus text format', () => {
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(valueOf(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('counts webhook events by kind and skipped ones by reason', () => {
    expect(valueOf(samples, 'linebot_webhook_events_total', { kind: 'text' })).toBe(2);
    expect(valueOf(samples, 'linebot_webhook_events_total', { kind: 'postback' })).toBe(1);
    expect(valueOf(samples, 'linebot_webhook_events_total', { kind: 'sticker' })).toBe(1);
    expect(valueOf(samples, 'linebot_webhook_events_skipped_total', { reason: 'notOneToOne' })).toBe(1);
  });

  it('counts replies, push fallbacks and LINE API errors by status', () => {
    const { api } = running;
    expect(api.replies()).toHaveLength(2);
    expect(api.pushes()).toHaveLength(2);
    expect(valueOf(samples, 'linebot_deliveries_total', { outcome: 'replied' })).toBe(2);
    expect(valueOf(samples, 'linebot_deliveries_total', { outcome: 'pushed' })).toBe(2);
    expect(valueOf(samples, 'linebot_push_fallbacks_total', { reason: 'replyFailed' })).toBe(1);
    expect(valueOf(samples, 'linebot_push_fallbacks_total', { reason: 'tokenExpired' })).toBe(1);
    expect(valueOf(samples, 'linebot_line_api_errors_total', { endpoint: 'reply', status: '400' })).toBe(1);
    expect(valueOf(samples, 'linebot_line_api_errors_total')).toBe(1);
  });

  it('counts intents recognised and fallbacks', () => {
    // The number and the menu are understood; the sticker and the unknown button are not.
    expect(valueOf(samples, 'linebot_intents_total', { result: 'recognised' })).toBe(2);
    expect(valueOf(samples, 'linebot_intents_total', { result: 'fallback', intent: 'unrecognized' })).toBe(2);
  });

  it('times every turn', () => {
    expect(valueOf(samples, 'linebot_turn_duration_seconds_count')).toBe(4);
    expect(valueOf(samples, 'linebot_turn_duration_seconds_sum')).toBeGreaterThan(0);
    expect(valueOf(samples, 'linebot_turn_duration_seconds_bucket', { le: '+Inf' })).toBe(4);
  });

  it('has no user id, message text or phone number digits in any label', () => {
    const values = samples.flatMap((s) => Object.values(s.labels));
    expect(values.length).toBeGreaterThan(20);
    for (const value of values) {
      expect(value).not.toContain(USER);
      expect(value).not.toMatch(/\d{4,}|070|585/);
      expect(value).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // no Japanese text at all
    }
  });

  it('keeps each app’s counts apart (one registry per app, not the global one)', async () => {
    const other = await startBot(running.api.url);
    try {
      const fresh = await scrape(other);
      expect(valueOf(fresh.samples, 'linebot_webhook_events_total')).toBe(0);
    } finally {
      await other.app.close();
    }
  });
});

describe('store errors', () => {
  it('counts failed store operations, but not failures of the work done in a turn', async () => {
    const metrics = createMetrics();
    const memory = createMemoryStore({ sessionTtlSeconds: 60, eventTtlSeconds: 60 });
    const store = countStoreErrors({ ...memory, load: () => Promise.reject(new Error('disk gone')) }, metrics);
    await expect(store.load('U1')).rejects.toThrow('disk gone');
    await expect(store.withTurn({ id: 'E1', userId: 'U1' }, () => Promise.reject(new Error('LINE down')), async () => {})).rejects.toThrow('LINE down');
    expect(await store.inboxEntry('E1')).toBeNull();
    const samples = parseExposition(await metrics.render());
    expect(valueOf(samples, 'linebot_store_errors_total', { operation: 'load' })).toBe(1);
    expect(valueOf(samples, 'linebot_store_errors_total')).toBe(1);
  });
});
