// @ts-check
/** `npm start`: rebuild the bundle only if a source changed, then run it in this same process. */
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './build.mjs';

await import(pathToFileURL(await ensureBuilt('src/main.ts')).href);
