import { ANSWERS_DIR, createJudge, loadAnswers } from '../test/answers/judge.js';
const { judge } = createJudge();
const fact = process.argv[2]!;
const v = loadAnswers(ANSWERS_DIR).flatMap(judge).filter(x => !x.ok && (x.missing.includes(fact) || x.notFirst === fact || x.claimed.includes(fact as any)));
for (const x of v.slice(0, 40)) console.log(`${x.convId} [${[...x.missing, x.notFirst ? 'first:'+x.notFirst : '', ...x.claimed].filter(Boolean).join(' ')}] ${x.user.slice(0,70)}\n   → ${x.reply.split('\n')[0]!.slice(0, 120)}`);
