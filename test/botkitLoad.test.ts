/**
 * Botkit is loaded right after the server listens, not at the first turn (issue 16): the first answer
 * after a start must not wait for it, and an event that comes while it loads waits for that same load.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBotkitTurnRunner } from '../src/botkit/botkitTurns.js';
import type { InboundEvent } from '../src/conversation/inboundEvent.js';
import type { TurnResult } from '../src/conversation/respond.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createApp, type App } from '../src/server/createApp.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { postWebhook, TEST_SECRET, TEST_TOKEN, textEvent, webhookBody } from './helpers/webhooks.js';

let api: FakeLineApi;
const apps: App[] = [];
const lines: { msg: string; loadMs?: number }[] = [];

async function start() {
  const capture = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ PORT: '0', STATE_STORE: 'memory', LINE_CHANNEL_SECRET: TEST_SECRET, LINE_CHANNEL_ACCESS_TOKEN: TEST_TOKEN, LINE_API_BASE_URL: api.url });
  const app = createApp(config, { logger: createLogger('info', capture) });
  apps.push(app);
  return `http://127.0.0.1:${await app.listen(0)}`;
}

const botkitLoaded = () => lines.filter((l) => l.msg === 'Botkit loaded');

beforeAll(async () => {
  api = await startFakeLineApi();
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
afterAll(async () => {
  await api.close();
});

describe('Botkit loading', () => {
  // First in this file, so that Botkit's modules are not in the module cache yet and it is still loading.
  it('an event that arrives while Botkit loads is answered once, after that load', async () => {
    const url = await start();
    expect(botkitLoaded()).toHaveLength(0);
    await postWebhook(url, webhookBody(textEvent('メニュー', { userId: 'Uearly', replyToken: 'early-1' })));
    await apps[0]!.processor.drain();
    expect(api.replies().map((c) => c.body.replyToken)).toEqual(['early-1']);
    expect(api.replies()[0]!.body.messages.length).toBeGreaterThan(0);
    expect(botkitLoaded()).toHaveLength(1);
  });

  it('is loaded after listen without any event', async () => {
    lines.length = 0;
    const calls = api.attempts.length;
    await start();
    const deadline = Date.now() + 10_000;
    while (botkitLoaded().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(botkitLoaded()).toHaveLength(1);
    expect(api.attempts.length).toBe(calls);
  });

  it('a turn started while load() runs gets the handler’s result, handled once', async () => {
    const results: TurnResult[] = [];
    const handle = (event: InboundEvent): TurnResult => {
      const result = { intent: `seen:${event.id}` } as unknown as TurnResult;
      results.push(result);
      return result;
    };
    const runner = createBotkitTurnRunner(handle);
    const event = { id: 'E1', kind: 'text', text: 'hi', userId: 'U1', replyToken: null, at: 0 } as unknown as InboundEvent;
    const [, result] = await Promise.all([runner.load(), runner.run(event, null)]);
    expect(result).toBe(results[0]);
    expect(results).toHaveLength(1);
  });
});
