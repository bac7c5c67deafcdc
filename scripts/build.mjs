// @ts-check
/**
 * Builds the bundles `npm start` and the benchmark run, only when a source they were built from has
 * changed since: esbuild's metafile lists every input, so a start with nothing changed costs one
 * stat per input instead of a build (~0.3 s). `npm install` builds once (the `prepare` script).
 * Plain JavaScript on purpose: it runs before anything TypeScript is available.
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBotkitPlan } from './loadPlan.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages left outside the bundle: a native addon, pino (it may start worker threads from its own
 * files), the ones loaded only when needed (Botkit and the Bot Framework SDK after listen, ioredis
 * with the Redis store), and express (the benchmark's echo bot). Everything else is bundled: Node
 * loading zod, @line/bot-sdk, xstate and libphonenumber-js from hundreds of small files took ~0.2 s of
 * every start, one file takes a fraction of that.
 */
const EXTERNAL = ['better-sqlite3', 'pino', 'botbuilder', 'botkit', 'ioredis', 'express'];

/** Entry (TypeScript, relative to the project) → bundle path, as `node` runs it. */
export const bundleOf = (/** @type {string} */ entry) => join(ROOT, 'dist', entry.replace(/\.ts$/, '.mjs'));
/** The project's own files the bundle was built from, as esbuild reported them. */
const inputListOf = (/** @type {string} */ entry) => bundleOf(entry).replace(/\.mjs$/, '.inputs.json');

/**
 * Besides the project's own inputs: this script (how to build) and npm's lock files, which change
 * whenever dependencies do (npm gives installed files an old fixed mtime, so a bundled dependency's
 * own files would not look newer than the bundle after an upgrade).
 */
const ALWAYS_CHECKED = ['scripts/build.mjs', 'package-lock.json', 'node_modules/.package-lock.json'];

/**
 * True when the bundle exists and is newer than every file it was built from.
 * @param {string} entry
 */
export function isFresh(entry) {
  try {
    const builtAt = statSync(bundleOf(entry)).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputListOf(entry), 'utf8'));
    return [...inputs, ...ALWAYS_CHECKED].every((input) => statSync(join(ROOT, input)).mtimeMs <= builtAt);
  } catch {
    // No bundle, no input list, or an input was deleted or renamed.
    return false;
  }
}

/**
 * Builds the entry's bundle unless it is fresh; returns its path.
 * @param {string} entry
 */
export async function ensureBuilt(entry) {
  if (!isFresh(entry)) await build(entry);
  return bundleOf(entry);
}

/**
 * The bot's bundle starts with a topic model trained here rather than at every start (~100 ms of it,
 * src/understand/builtTopicModel.ts): scripts/writeTopicModel.ts, bundled from the same sources, writes
 * its tables beside the bundle, and the bundle is told where they are. The training files are inputs.
 */
const WITH_TOPIC_MODEL = 'src/main.ts';
const topicModelOf = (/** @type {string} */ entry) => bundleOf(entry).replace(/\.mjs$/, '.topic-model.bin');
const TRAINING_DIR = 'data/understanding';

/** @param {string} entry */
async function build(entry) {
  const model = entry === WITH_TOPIC_MODEL ? topicModelOf(entry) : null;
  const main = await bundle(entry, model ? { BUNDLED_TOPIC_MODEL: JSON.stringify(relative(ROOT, model)) } : {});
  const inputs = new Set(main.inputs);
  if (model) {
    const trainer = await bundle('scripts/writeTopicModel.ts', {});
    writeAtomically(bundleOf('scripts/writeTopicModel.ts'), trainer.code);
    const aside = `${model}.${process.pid}.tmp`;
    mkdirSync(dirname(model), { recursive: true });
    // Imported here, not at the top: every start imports this file, and child_process cost it ~20 ms.
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, [bundleOf('scripts/writeTopicModel.ts'), aside], { stdio: 'inherit' });
    renameSync(aside, model);
    for (const input of trainer.inputs) inputs.add(input);
    for (const file of readdirSync(join(ROOT, TRAINING_DIR))) inputs.add(`${TRAINING_DIR}/${file}`);
  }
  // Written aside and renamed, so a process starting meanwhile (tests run in parallel) never reads
  // half a file; the input list goes last, so a bundle is never taken as fresh before it is complete.
  writeAtomically(`${bundleOf(entry)}.map`, main.map);
  writeAtomically(bundleOf(entry), main.code);
  writeAtomically(inputListOf(entry), JSON.stringify([...inputs]));
}

/**
 * @param {string} entry
 * @param {Record<string, string>} define
 */
async function bundle(entry, define) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: EXTERNAL,
    define,
    // Without comments the bundle is ASCII (esbuild escapes the rest): Node reads an ASCII source as
    // one byte per character; a single ’ in a comment made it decode and parse 3 MB as UTF-16.
    minifyWhitespace: true,
    // Bundled CommonJS packages (prom-client, …) call require('util'); an ES module has no require.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    outfile: bundleOf(entry),
    // A map file beside the bundle, never referenced from it (so node never reads it): the benchmark
    // uses it to tell which source file a profiled function came from (bench/cpuStages.ts).
    sourcemap: 'external',
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const code = result.outputFiles.find((file) => file.path === bundleOf(entry));
  const map = result.outputFiles.find((file) => file.path === `${bundleOf(entry)}.map`);
  if (!code || !map) throw new Error(`esbuild produced nothing for ${entry}`);
  return {
    code: code.contents,
    map: map.contents,
    inputs: Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/')),
  };
}

/**
 * @param {string} path
 * @param {string | Uint8Array} contents
 */
export function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, contents);
  renameSync(aside, path);
}

// `node scripts/build.mjs [entries…]` (npm's `prepare`) builds unconditionally, and Botkit's load plan
// if npm's lock files are newer.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const entry of process.argv.slice(2).length ? process.argv.slice(2) : ['src/main.ts']) await build(entry);
  await ensureBotkitPlan(writeAtomically);
}
