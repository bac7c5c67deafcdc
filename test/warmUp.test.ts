/** The warm-up after listen reads its made-up messages through the real responder, and fails loudly if one breaks it. */
import { describe, expect, it } from 'vitest';
import { createConversation } from '../flows/conversation.js';
import { createResponder } from '../src/conversation/respond.js';
import { warmUp } from '../src/conversation/warmUp.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { createNumberDirectory } from '../src/understand/phoneNumbers.js';
import { createReaderFromKnowledge, type MessageReader } from '../src/understand/readMessage.js';

const knowledge = loadKnowledge();
const directory = createNumberDirectory(knowledge);

describe('warm-up', () => {
  it('runs its texts through the reader and the whole turn', () => {
    const reader = createReaderFromKnowledge(knowledge, directory);
    const read: string[] = [];
    const counting: MessageReader = { ...reader, read: (text, ctx) => (read.push(text), reader.read(text, ctx)) };
    const responder = createResponder(knowledge, createConversation(knowledge), counting, directory.vettedE164);
    const replies: unknown[] = [];
    warmUp({ respond: (event, session) => { const r = responder.respond(event, session); replies.push(r.reply); return r; } }, Date.now());
    expect(read).toHaveLength(3);
    expect(read.some((t) => t.includes('https://'))).toBe(true);
    expect(replies.every((r) => r !== null)).toBe(true);
  });
});
