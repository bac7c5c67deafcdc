// @ts-check
/**
 * A plan for loading a CommonJS module graph in small steps (Botkit and the Bot Framework SDK: 1,100+
 * files, 0.6–1.5 s of synchronous loading that would otherwise stop the event loop): the files to
 * `require` one at a time, in order, so that a caller can yield between them. Recorded from a real load
 * (scripts/recordRequires.cjs) and written beside the bundle by `npm install` and `npm start`; it
 * depends only on node_modules, so it is rebuilt when npm's lock files change.
 *
 * Requiring a file on its own, before the file that required it in the real load has started, gives
 * the same modules only if nothing that file's load touches is still loading at that point in the
 * plan. Each file of the plan is such a file ("safe"); the others are loaded inside the step of their
 * nearest safe ancestor, exactly as in the real load (cycles stay inside one step).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ done: string[], firstRequiredBy: Record<string, string | null>, cachedHits: [string, string][] }} RequireRecord
 */

/**
 * The safe files of a recorded load, in the order their loading finished.
 * @param {RequireRecord} record
 * @returns {string[]}
 */
export function planSteps(record) {
  const parentOf = (/** @type {string} */ file) => record.firstRequiredBy[file] ?? null;
  const unsafe = new Set();
  const ownerOf = (/** @type {string} */ file) => {
    let owner = file;
    while (unsafe.has(owner)) owner = /** @type {string} */ (parentOf(owner));
    return owner;
  };
  // A require from `by` that found `file` cached is the same in the plan only if the step that loads
  // `file` has already run, i.e. is not one of `by`'s ancestors still loading. If it is, every file from
  // `by` up to that step cannot be a step of its own. Marking moves owners up, so repeat until stable.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [by, file] of record.cachedHits) {
      const owner = ownerOf(file);
      const path = [];
      let at = /** @type {string | null} */ (by);
      while (at !== null && at !== owner) {
        path.push(at);
        at = parentOf(at);
      }
      if (at === null) continue; // the owner has finished loading before `by` started: already loaded
      for (const inside of path) {
        if (!unsafe.has(inside)) {
          unsafe.add(inside);
          changed = true;
        }
      }
    }
  }
  return record.done.filter((file) => !unsafe.has(file));
}

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
/** Node's resolution roots of the graph that src/botkit/ loads. */
export const BOTKIT_ENTRIES = ['botbuilder', 'botkit'];
/** Where the plan is written, relative to the project (src/botkit/ reads it from there). */
export const BOTKIT_PLAN_PATH = 'dist/botkit.load-plan.json';
const BOTKIT_PLAN = join(ROOT, BOTKIT_PLAN_PATH);
const DEPENDS_ON = ['package-lock.json', 'node_modules/.package-lock.json'];

/**
 * Records the load of `entries` in a child process (resolved from `dir`) and plans its steps.
 * @param {string} dir
 * @param {string[]} entries
 */
export async function recordAndPlan(dir, entries) {
  // Imported here: every start imports this file (for the plan's path and freshness), and loading
  // child_process cost it ~20 ms.
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'recordRequires.cjs'), dir, ...entries], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return planSteps(JSON.parse(out));
}

/** True when Botkit's plan exists and is newer than npm's lock files. */
export function isPlanFresh() {
  try {
    const builtAt = statSync(BOTKIT_PLAN).mtimeMs;
    return DEPENDS_ON.every((file) => statSync(join(ROOT, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

/**
 * Writes Botkit's plan (paths relative to the project) unless it is fresh.
 * @param {(path: string, contents: string) => void} write
 */
export async function ensureBotkitPlan(write) {
  if (isPlanFresh()) return;
  write(BOTKIT_PLAN, JSON.stringify(await recordAndPlan(ROOT, BOTKIT_ENTRIES)));
}
