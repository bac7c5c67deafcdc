/** Entry point: config → app → listen; SIGTERM/SIGINT finish accepted work, close the store, exit 0. */
import { existsSync } from 'node:fs';
import { loadConfig } from './config.js';
import { createLogger } from './log.js';
import { createApp } from './server/createApp.js';

// A .env file in the working directory is read if present; variables already set win over it.
if (existsSync('.env')) process.loadEnvFile('.env');
let config;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
const app = createApp(config, { logger });
const port = await app.listen();
logger.info(
  {
    port,
    mode: config.line ? 'line' : 'local',
    store: config.store.kind,
    readyMs: Math.round(process.uptime() * 1000),
    // CPU spent until now: on a busy machine, the wall time above says more about the neighbours.
    readyCpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  },
  config.line ? 'LINE webhook ready at POST /webhook' : `local mode: open http://localhost:${port}/ to chat with the bot`,
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, pending: app.processor.pending }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 8000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: String(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
