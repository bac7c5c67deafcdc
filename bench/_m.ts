import { ANSWERS_DIR, createJudge, loadAnswers } from '../test/answers/judge.js';
const { judge } = createJudge();
const area = process.argv[2];
const v = loadAnswers(ANSWERS_DIR).filter(c => !area || c.area === area).flatMap(judge).filter(x => !x.ok);
for (const x of v.slice(Number(process.argv[3] ?? 0), Number(process.argv[4] ?? 60))) console.log(`${x.convId} [${[...x.missing, x.notFirst ? 'first:'+x.notFirst : '', ...x.claimed].filter(Boolean).join(' ')}] ${x.user.slice(0,60)}\n   → ${x.reply.split('\n')[0]!.slice(0, 110)}`);
