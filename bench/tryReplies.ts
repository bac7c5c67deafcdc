/**
 * Prints the bot's rendered replies for conversations typed on the command line or read from a file, at a
 * chosen Japan time: `npm run try -- --at=2026-12-08T21:05 "0120-070-585から電話" "なんで?"`.
 * One argument is one turn of the same conversation; `--new` starts another one.
 */
import { createConversation } from '../flows/conversation.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { createResponder } from '../src/conversation/respond.js';
import { createReaderFromKnowledge } from '../src/understand/readMessage.js';
import { createNumberDirectory } from '../src/understand/phoneNumbers.js';
import { japanLocalToEpoch } from '../flows/japanTime.js';
import type { Session } from '../flows/conversation.js';

const knowledge = loadKnowledge();
const directory = createNumberDirectory(knowledge);
const responder = createResponder(knowledge, createConversation(knowledge), createReaderFromKnowledge(knowledge, directory), directory.vettedE164);

let at = Date.now();
let session: Session | null = null;
let n = 0;
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--at=')) { at = japanLocalToEpoch(arg.slice(5)); continue; }
  if (arg === '--new') { session = null; continue; }
  const result = responder.respond({ kind: 'text', text: arg, id: `try-${++n}`, userId: 'Utry', at, replyToken: null, redelivery: false }, session);
  session = result.session;
  at += 60_000;
  console.log(`\n> ${arg}`);
  for (const m of result.reply?.messages ?? []) {
    console.log(`[${m.type}] ${m.type === 'text' ? m.text : m.altText}`);
    if (m.quickReply) console.log(`  buttons: ${m.quickReply.items.map((i) => i.action.label).join(' | ')}`);
  }
}
