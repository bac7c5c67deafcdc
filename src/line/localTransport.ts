/**
 * Local mode's stand-in for LINE: keeps each answer for the chat page to collect, so the page runs
 * exactly the pipeline a LINE user gets.
 */
import type { OutgoingMessage } from './lineLimits.js';
import type { Outbound, Transport } from './lineSender.js';

export interface LocalTransport extends Transport {
  take(eventId: string): OutgoingMessage[];
}

export function createLocalTransport(): LocalTransport {
  const answers = new Map<string, OutgoingMessage[]>();
  return {
    async deliver(out: Outbound) {
      answers.set(out.eventId, out.messages);
      return 'replied';
    },
    async showLoading() {},
    // The chat page has no profile; its user writes in the language they want answers in.
    async profileLanguage() {
      return null;
    },
    async close() {},
    take(eventId) {
      const messages = answers.get(eventId) ?? [];
      answers.delete(eventId);
      return messages;
    },
  };
}
