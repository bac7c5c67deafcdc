/**
 * Loads Botkit and the Bot Framework SDK without stopping the event loop for their whole load: they
 * are 1,100+ CommonJS files, 0.6–1.5 s of synchronous `require`, during which no webhook or health
 * check would be answered. The plan that `npm start` writes beside the bundle (scripts/loadPlan.mjs)
 * lists files that can be required one at a time, in order. They are required a few milliseconds'
 * worth at a time, then the event loop runs: yielding after each of the 1,100 files made the load take
 * 5–10 s under load, one file per turn of a busy event loop.
 * Without a plan (tests and `npm run dev` run the sources) the modules load in one go.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { BOTKIT_PLAN_PATH } from '../../scripts/loadPlan.mjs';
import { projectRoot } from '../paths.js';

const require = createRequire(import.meta.url);

export interface BotkitModules {
  botbuilder: typeof import('botbuilder');
  botkit: typeof import('botkit');
  /** Steps taken; 0 when there was no plan. */
  steps: number;
  /** The longest one file took, ms (a slice may take up to SLICE_MS more). */
  longestStepMs: number;
}

function readPlan(): string[] {
  try {
    return JSON.parse(readFileSync(join(projectRoot, BOTKIT_PLAN_PATH), 'utf8')) as string[];
  } catch {
    return [];
  }
}

/** Time for requiring files before the event loop runs again. */
const SLICE_MS = 5;

/** Requires the files of the plan, then the entries, in slices of about SLICE_MS. */
export async function loadBotkitModules(): Promise<BotkitModules> {
  const plan = readPlan();
  let longestStepMs = 0;
  let sliceStarted = -Infinity;
  const step = async <T>(load: () => T): Promise<T> => {
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await nextTurnOfEventLoop();
      sliceStarted = performance.now();
    }
    const started = performance.now();
    try {
      return load();
    } finally {
      longestStepMs = Math.max(longestStepMs, performance.now() - started);
    }
  };
  for (const file of plan) {
    await step(() => {
      try {
        require(join(projectRoot, file));
      } catch (err) {
        // A plan older than node_modules (a dependency changed in a checkout run from source): a file
        // that is gone is loaded, if still needed, by whatever requires it below.
        if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
      }
    });
  }
  const modules = await step(() => ({ botbuilder: require('botbuilder') as BotkitModules['botbuilder'], botkit: require('botkit') as BotkitModules['botkit'] }));
  return { ...modules, steps: plan.length, longestStepMs };
}
