/**
 * `npm run understanding:report`: how well the bot reads the corpus (test/corpus/*.jsonl), which it was not
 * trained on (training examples: data/understanding/*.jsonl). Prints accuracy, precision and recall
 * per topic, scam-sign and harm recall, the median time to read one message, and with --misses every
 * message read wrongly. A script that prints figures, not a test; test/understanding.corpus.test.ts pins them.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { createNumberDirectory } from '../src/understand/phoneNumbers.js';
import { createReaderFromKnowledge } from '../src/understand/readMessage.js';
import { createJudge, figures, loadCorpus, score } from '../test/helpers/corpus.js';
import { createMultiTurnJudge, followUpShare, loadMultiTurn, MULTITURN_DIR, perKind, type MultiTurnVerdict } from '../test/multiturn/judge.js';

const knowledge = loadKnowledge();
const started = performance.now();
const reader = createReaderFromKnowledge(knowledge, createNumberDirectory(knowledge));
const trainMs = performance.now() - started;
const corpus = loadCorpus();
const judge = createJudge(knowledge, reader);
const outcomes = corpus.map((entry) => score(entry, judge(entry)));
const f = figures(outcomes);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

console.log(`training examples (train split): ${knowledge.training.length}; corpus (evaluation split): ${f.total} messages, ${pct(f.japaneseShare)} Japanese`);
console.log(`start-up: training the classifier took ${trainMs.toFixed(0)} ms`);
console.log(`\ncorpus accuracy (every labelled field right): ${pct(f.accuracy)}`);
console.log(`scam signs: recall ${pct(f.signRecall)}, precision ${pct(f.signPrecision)}`);
console.log(`harm already done: recall ${pct(f.harmRecall)}, precision ${pct(f.harmPrecision)}\n`);
console.log('| topic | messages | precision | recall |\n|---|---|---|---|');
for (const t of f.perTopic) console.log(`| ${t.topic} | ${t.support} | ${pct(t.precision)} | ${pct(t.recall)} |`);

// The held-out set is read once, at the end: its misses are never printed, so no rule is fitted to it.
const heldOut = figures(loadCorpus(join(import.meta.dirname, '..', 'test', 'corpus', 'heldout')).map((e) => score(e, judge(e))));
console.log(`\nheld-out set (test/corpus/heldout, ${heldOut.total} messages, never used for tuning): accuracy ${pct(heldOut.accuracy)}, scam-sign recall ${pct(heldOut.signRecall)}, harm recall ${pct(heldOut.harmRecall)}`);

// Conversations: what each kind of follow-up was read as, and whether the reply then said the right thing.
const multiTurn = createMultiTurnJudge();
const mtDev = loadMultiTurn(MULTITURN_DIR).flatMap(multiTurn);
const mtHeldOut = loadMultiTurn(join(MULTITURN_DIR, 'heldout')).flatMap(multiTurn);
const kindRows = (v: MultiTurnVerdict[]) => new Map(perKind(v).map((k) => [k.kind, k]));
const [devKinds, heldKinds] = [kindRows(mtDev), kindRows(mtHeldOut)];
console.log(`\nmulti-turn conversations (test/multiturn): ${new Set(mtDev.map((v) => v.convId)).size} dev, ${new Set(mtHeldOut.map((v) => v.convId)).size} held-out`);
console.log('| turn kind | dev turns | dev read right | dev answered right | held-out turns | held-out read right | held-out answered right |\n|---|---|---|---|---|---|---|');
for (const [kind, d] of devKinds) {
  const h = heldKinds.get(kind)!;
  console.log(`| ${kind} | ${d.turns} | ${pct(d.readRight)} | ${pct(d.answeredRight)} | ${h.turns} | ${pct(h.readRight)} | ${pct(h.answeredRight)} |`);
}
console.log(
  `follow-ups (every turn after the first): read right ${pct(followUpShare(mtDev, (v) => v.readRight))} dev, ${pct(followUpShare(mtHeldOut, (v) => v.readRight))} held-out; ` +
    `answered right ${pct(followUpShare(mtDev, (v) => v.ok))} dev, ${pct(followUpShare(mtHeldOut, (v) => v.ok))} held-out`,
);

const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const entry of corpus) {
    const t0 = performance.now();
    reader.read(entry.text, { activeFlow: null, previousLang: 'ja' });
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
console.log(`\nreading one message: median ${times[Math.floor(times.length / 2)]!.toFixed(3)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(3)} ms (${times.length} reads)`);

if (process.argv.includes('--misses')) {
  console.log('\nmisread (with the rule that settled the topic: src/understand/rules/topicRules.ts, or the classifier):');
  console.log('\nmulti-turn follow-ups read wrongly (dev):');
  for (const v of mtDev.filter((x) => x.kind !== 'start' && !x.readRight)) {
    console.log(`${v.convId} ${v.kind} ${JSON.stringify(v.user)} → answered ${v.answered} (${v.replyLang}), wanted ${v.topic} [rule ${v.rule}]`);
  }
  console.log('');
  for (const o of outcomes.filter((x) => !x.correct)) console.log(`${o.entry.file}:${o.entry.line} ${JSON.stringify(o.entry.text)} → ${o.misses.join('; ')} [rule ${o.judged.reading.rule}]`);
}
