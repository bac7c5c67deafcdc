// @ts-check
/**
 * `npm start`: rebuild the bundle and Botkit's load plan only if what they come from changed, then run
 * the bundle in this same process.
 */
import { pathToFileURL } from 'node:url';
import { ensureBuilt, writeAtomically } from './build.mjs';
import { ensureBotkitPlan } from './loadPlan.mjs';

await ensureBotkitPlan(writeAtomically);
await import(pathToFileURL(await ensureBuilt('src/main.ts')).href);
