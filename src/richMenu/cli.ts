/**
 * `npm run richmenu`: draw the menu picture and make it the channel's default rich menu, replacing the
 * one a previous run made. `-- --delete` takes it off; `-- --preview=<file.png>` only writes the
 * picture, without credentials and without calling LINE.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { HTTPFetchError } from '@line/bot-sdk';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { drawMenu } from './menuImage.js';
import { MENU_NAME, richMenuRequest } from './menuLayout.js';
import { createRichMenuClients, publishRichMenu, removeRichMenus } from './publishRichMenu.js';

// Same as the server: a .env file in the working directory is read; variables already set win over it.
if (existsSync('.env')) process.loadEnvFile('.env');

function readSettings() {
  const args = parseArgs({ options: { delete: { type: 'boolean', default: false }, preview: { type: 'string' } } }).values;
  return { config: loadConfig(), args };
}

let settings: ReturnType<typeof readSettings>;
try {
  settings = readSettings();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const { config, args } = settings;
const logger = createLogger(config.logLevel);

async function run(): Promise<void> {
  if (args.preview !== undefined) {
    const png = drawMenu().asPng();
    mkdirSync(dirname(args.preview), { recursive: true });
    writeFileSync(args.preview, png);
    logger.info({ file: args.preview, bytes: png.length }, 'rich menu picture written');
    return;
  }
  if (!config.line) throw new Error('set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN of the channel whose menu this is');
  const clients = createRichMenuClients(config.line);
  if (args.delete) {
    const { removed, defaultUnset } = await removeRichMenus(clients, MENU_NAME);
    logger.info({ removed, defaultUnset }, removed.length ? 'rich menu removed' : 'no rich menu of ours to remove');
    return;
  }
  const png = drawMenu().asPng();
  const { richMenuId, replaced } = await publishRichMenu(clients, richMenuRequest(), png);
  logger.info({ richMenuId, replaced, imageBytes: png.length }, 'rich menu is now the default');
}

try {
  await run();
} catch (err) {
  const line = err instanceof HTTPFetchError ? { status: err.status, body: err.body } : {};
  logger.error({ ...line, err: (err as Error).message }, 'rich menu command failed');
  process.exitCode = 1;
}
