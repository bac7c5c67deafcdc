/**
 * Logs are for operators, not a copy of the conversation: whatever happens (a normal turn, LINE failing,
 * a redelivery), no log line carries the user's phone number, card number or message text.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createApp, type App } from '../src/server/createApp.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { lineEnv, sign, textEvent, webhookBody } from './helpers/webhooks.js';

const lines: string[] = [];
const capture = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let api: FakeLineApi;
let app: App;
let url: string;

beforeAll(async () => {
  api = await startFakeLineApi();
  const config = loadConfig({ PORT: '0', STATE_STORE: 'memory', ...lineEnv(api.url) });
  app = createApp(config, { logger: createLogger('trace', capture), lineBackoffMs: [1, 1, 1] });
  url = `http://127.0.0.1:${await app.listen(0)}`;
});
afterAll(async () => {
  await app.close();
  await api.close();
});

async function post(events: unknown[]) {
  const body = webhookBody(...events);
  return fetch(`${url}/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) } });
}

describe('logs', () => {
  it('never carry the phone number, card number or text the user sent, even when LINE fails', async () => {
    const secretText = '秘密のメモ：わたしのカードは4111111111111111です';
    api.failNext('/reply', 500, 500, 500, 500);
    await post([textEvent('090-8765-4321から電話、カード番号を聞かれた', { userId: 'Ulog1', replyToken: 'log-1' })]);
    await post([textEvent(secretText, { userId: 'Ulog2', replyToken: 'log-2' })]);
    // Every turn done (retries included): a fixed pause ended before the first turn on a loaded machine.
    await app.processor.drain();
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    for (const leaked of ['090-8765-4321', '09087654321', '4111111111111111', '秘密のメモ', 'カード番号を聞かれた']) {
      expect(all, leaked).not.toContain(leaked);
    }
  });
});
