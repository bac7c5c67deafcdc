/**
 * `npm run bench:ready`: start-up as users see it. Spawns `npm start` (a fresh SQLite file each time)
 * and measures the time to the first 200 on /healthz, then the time until the first event is answered.
 * Prints each run and the median. Options: --runs=<n> (default 7).
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../scripts/build.mjs';
import { startLoadFakeLine } from './loadFakeLine.js';
import { startBot } from './targets.js';

const SECRET = 'ready-secret';

async function oneStart(run: number): Promise<{ readyMs: number; firstAnswerMs: number }> {
  let answeredAt = 0;
  const fake = await startLoadFakeLine((_token, at) => (answeredAt ||= at));
  const deadline = Date.now() + 30_000;
  const bot = await startBot({
    env: {
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: 'ready-token',
      LINE_API_BASE_URL: fake.url,
      STATE_STORE: `sqlite:${join(mkdtempSync(join(tmpdir(), 'ready-')), 'state.db')}`,
      LOG_LEVEL: 'warn',
    },
    deadline,
  });
  try {
    const body = JSON.stringify({
      destination: 'Uready',
      events: [
        {
          type: 'message',
          mode: 'active',
          timestamp: Date.now(),
          webhookEventId: `READY${run}${Date.now()}`,
          deliveryContext: { isRedelivery: false },
          source: { type: 'user', userId: 'Uready' },
          replyToken: `ready-${run}`,
          message: { id: '1', type: 'text', quoteToken: 'q', text: 'メニュー' },
        },
      ],
    });
    const sent = performance.now();
    await fetch(`http://127.0.0.1:${bot.port}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': createHmac('sha256', SECRET).update(body).digest('base64') },
      body,
    });
    while (!answeredAt) {
      if (Date.now() > deadline) throw new Error('first event never answered');
      await new Promise((r) => setTimeout(r, 2));
    }
    return { readyMs: bot.readyMs, firstAnswerMs: answeredAt - sent };
  } finally {
    await bot.stop();
    await fake.close();
  }
}

// Measures starts, not a build: a bundle older than its sources is rebuilt once, before the first run.
await ensureBuilt('src/main.ts');
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const results = [];
for (let run = 0; run < runs; run++) {
  const r = await oneStart(run);
  results.push(r);
  console.log(`run ${run + 1}: ready ${r.readyMs.toFixed(0)} ms, first event answered ${r.firstAnswerMs.toFixed(0)} ms after it was sent`);
}
console.log(`median: ready ${median(results.map((r) => r.readyMs)).toFixed(0)} ms, first answer ${median(results.map((r) => r.firstAnswerMs)).toFixed(0)} ms`);
