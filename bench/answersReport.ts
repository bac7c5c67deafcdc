/**
 * `npm run answers:report`: how well the rendered replies answer the answer corpus (test/answers/), per
 * area, with the shape figures (characters p50/p90, bubbles, buttons). `-- --misses` lists every dev miss
 * with the reply; the held-out part is only ever counted, never printed message by message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { ANSWERS_DIR, createJudge, figures, loadAnswers, type TurnVerdict } from '../test/answers/judge.js';

const showMisses = process.argv.includes('--misses');
/** `--area ja-multi`: list only that area's misses. */
const onlyArea = process.argv[process.argv.indexOf('--area') + 1];
const { judge } = createJudge();
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const row = (name: string, v: TurnVerdict[]) => {
  const f = figures(v);
  return `${name.padEnd(22)} ${String(f.conversations).padStart(5)} ${String(f.turns).padStart(6)}  ${pct(f.turnAccuracy).padStart(8)}  ${pct(f.conversationAccuracy).padStart(8)}   ${String(f.chars.p50).padStart(4)}/${String(f.chars.p90).padEnd(5)} ${f.bubbles.p50}/${f.bubbles.max}      ${f.buttons.p50}/${f.buttons.max}`;
};

const dev = loadAnswers(ANSWERS_DIR).flatMap(judge);
const heldout = loadAnswers(join(ANSWERS_DIR, 'heldout')).flatMap(judge);
console.log(`${'set / area'.padEnd(22)} convs  turns  turns ok  convs ok  chars p50/p90 bubbles  buttons (p50/max)`);
for (const area of [...new Set(dev.map((v) => v.area))]) console.log(row(`  ${area}`, dev.filter((v) => v.area === area)));
console.log(row('  multi-turn', dev.filter((v) => v.multiTurn)));
console.log(row('  with a Japan time', dev.filter((v) => v.timed)));
console.log(row('  English', dev.filter((v) => v.lang === 'en')));
console.log(row('dev (all)', dev));
console.log(row('held-out (blind)', heldout));

const why = (v: TurnVerdict) => [...v.missing.map((m) => `missing ${m}`), ...(v.notFirst ? [`${v.notFirst} not first`] : []), ...v.claimed.map((c) => `says ${c}`)].join(', ');
const counts = new Map<string, number>();
for (const v of dev.filter((x) => !x.ok)) for (const reason of why(v).split(', ')) counts.set(reason, (counts.get(reason) ?? 0) + 1);
console.log(`\nmost frequent dev misses: ${[...counts].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([r, n]) => `${r} ×${n}`).join(', ')}`);
if (showMisses) {
  // The fact's wording as the documents' fact list gives it, so a reader of a miss sees what was expected.
  const factText = new Map(readFileSync(join(projectRoot, '..', 'shared', 'seed-facts.tsv'), 'utf8').split('\n').map((l) => l.split('\t') as [string, string]));
  const earlier = (v: TurnVerdict) => dev.filter((x) => x.convId === v.convId && x.turn < v.turn).map((x) => `  (turn ${x.turn + 1}) > ${x.user}  [${x.ok ? 'ok' : 'miss'}: ${x.answered}]`);
  const facts = (v: TurnVerdict) => [...v.missing, ...(v.notFirst && !v.missing.includes(v.notFirst) ? [v.notFirst] : [])].map((id) => `  ${id}: ${factText.get(id) ?? '?'}`);
  for (const v of dev.filter((x) => !x.ok && (process.argv.includes('--area') ? x.area === onlyArea : true))) {
    console.log([`\n✗ ${v.convId} turn ${v.turn + 1} at ${v.at} [${why(v)}] answered ${v.answered} by ${v.rule}`, ...earlier(v), `> ${v.user}`, ...facts(v), v.reply].join('\n'));
  }
}
