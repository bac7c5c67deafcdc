// @ts-check
/**
 * `node scripts/recordRequires.cjs <dir> <module>…`: requires the modules (resolved from <dir>) the way
 * Node always does and prints, as JSON on stdout, how that load went: every file in the order its
 * loading finished, the file whose load first required it, and each require of a file already in
 * the cache (finished, or still loading: a cycle). scripts/loadPlan.mjs turns that into a plan for
 * loading the same modules in small steps. Run in a process of its own, so that the caller's module
 * cache stays as it was.
 */
const Module = require('node:module');
const { isBuiltin } = require('node:module');
const { relative } = require('node:path');

const [dir, ...entries] = process.argv.slice(2);
if (!dir || entries.length === 0) throw new Error('usage: node scripts/recordRequires.cjs <dir> <module>…');

/** @type {string[]} files in the order their loading finished */
const done = [];
/** @type {Map<string, string | null>} file → the file whose load first required it (null: an entry) */
const firstRequiredBy = new Map();
/** @type {[string, string][]} [requiring file, required file] for requires that found the file cached (loaded or still loading) */
const cachedHits = [];
/** @type {string[]} files being loaded, innermost last */
const loading = [];

// @ts-expect-error Module._load is Node's internal loader entry; wrapped here only to observe it.
const load = Module._load;
// @ts-expect-error see above
Module._load = function (/** @type {string} */ request, /** @type {any} */ parent, /** @type {boolean} */ isMain) {
  if (isBuiltin(request)) return load.call(this, request, parent, isMain);
  // @ts-expect-error internal, as above
  const file = Module._resolveFilename(request, parent, isMain);
  const by = loading.at(-1) ?? null;
  if (firstRequiredBy.has(file)) {
    if (by) cachedHits.push([by, file]);
    return load.call(this, request, parent, isMain);
  }
  firstRequiredBy.set(file, by);
  loading.push(file);
  try {
    return load.call(this, request, parent, isMain);
  } finally {
    loading.pop();
    done.push(file);
  }
};

for (const entry of entries) require(require.resolve(entry, { paths: [dir] }));

const rel = (/** @type {string} */ file) => relative(dir, file);
process.stdout.write(
  JSON.stringify({
    done: done.map(rel),
    firstRequiredBy: Object.fromEntries([...firstRequiredBy].map(([file, by]) => [rel(file), by && rel(by)])),
    cachedHits: cachedHits.map(([by, file]) => [rel(by), rel(file)]),
  }),
);
