/**
 * The real app in a process of its own, for the crash-loop test: a text message equal to
 * POISON_TEXT ends the process in the middle of its turn, the way a bug that kills Node would.
 * Run with `node --import tsx`; the environment is the bot's (.env.example), RETRY_DELAYS_MS is a
 * comma-separated list of pauses between attempts.
 */
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/server/createApp.js';

const poison = process.env.POISON_TEXT;
const app = createApp(loadConfig(), {
  logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
  retryDelaysMs: (process.env.RETRY_DELAYS_MS ?? '10').split(',').map(Number),
  beforeTurn: (event) => {
    if (event.kind === 'text' && event.text === poison) process.exit(70);
  },
});
await app.listen();
