/** Starts the real app (real Botkit, real @line/bot-sdk client) pointed at a fake LINE API. */
import pino, { type Logger } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp, type App, type AppOptions } from '../../src/server/createApp.js';
import { startFakeLineApi, type FakeLineApi } from './fakeLineApi.js';
import { lineEnv } from './webhooks.js';

export interface RunningBot {
  app: App;
  url: string;
}

export async function startBot(
  lineApiUrl: string | null,
  env: Record<string, string> = {},
  now?: () => number,
  logger: Logger = pino({ level: 'silent' }),
  options: Pick<AppOptions, 'lineTimeoutMs' | 'retryDelaysMs' | 'beforeTurn'> = {},
): Promise<RunningBot> {
  const config = loadConfig({
    PORT: '0',
    STATE_STORE: 'memory',
    ...(lineApiUrl ? lineEnv(lineApiUrl) : {}),
    ...env,
  });
  const app = createApp(config, { logger, lineBackoffMs: [5, 10, 20], retryDelaysMs: [10, 20, 40], ...options, ...(now ? { now } : {}) });
  const port = await app.listen(0);
  return { app, url: `http://127.0.0.1:${port}` };
}

/**
 * For a suite that talks to one bot over signed webhooks: starts a fake LINE API and the bot before the
 * suite, closes both after it. The returned object is filled in once `beforeAll` has run.
 */
export function useBotWithFakeLine(): { api: FakeLineApi; bot: RunningBot } {
  const running = {} as { api: FakeLineApi; bot: RunningBot };
  beforeAll(async () => {
    running.api = await startFakeLineApi();
    running.bot = await startBot(running.api.url);
  });
  afterAll(async () => {
    await running.bot.app.close();
    await running.api.close();
  });
  return running;
}
