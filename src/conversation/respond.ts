/**
 * One turn without I/O: inbound event + stored session → next session + reply.
 * understand → machine → render, in that order and nowhere else.
 */
import type { Knowledge } from '../../data/schema.js';
import type { Conversation, Intent, Session } from '../../flows/conversation.js';
import { FLOW_IDS, type Lang } from '../../flows/types.js';
import { decodePostback, intentOfAction } from '../understand/actionCodes.js';
import { detectLanguage, normalizeText } from '../understand/normalizeText.js';
import type { NumberDirectory } from '../understand/phoneNumbers.js';
import { understandText } from '../understand/understandText.js';
import { allowedDigitForms } from '../render/phoneGuard.js';
import { draftFor, renderReply, type RenderedReply } from '../render/renderReply.js';
import type { InboundEvent } from './inboundEvent.js';

export interface TurnResult {
  /** null: forget this user (unfollow). */
  session: Session | null;
  reply: RenderedReply | null;
  /** For logs only: what the bot understood, never what the user wrote. */
  intent: Intent['type'] | 'none';
}

export interface Responder {
  respond(event: InboundEvent, stored: Session | null): TurnResult;
}

const OPTION_NUMBER = /^(\d{1,2})$/;

export function createResponder(knowledge: Knowledge, conversation: Conversation, directory: NumberDirectory): Responder {
  const vettedDigits = allowedDigitForms(directory.vettedE164);

  function intentFor(event: InboundEvent, session: Session): { intent: Intent; lang: Lang; userE164: string[] } {
    switch (event.kind) {
      case 'follow':
        return { intent: { type: 'greet' }, lang: session.lang, userE164: [] };
      case 'postback': {
        const decoded = decodePostback(event.data, session.epoch);
        const intent: Intent = decoded.ok
          ? intentOfAction(decoded.code, event.at)
          : { type: 'unrecognized', cause: decoded.reason === 'stale' ? 'staleButton' : 'badButton' };
        return { intent, lang: session.lang, userE164: [] };
      }
      case 'text': {
        const text = normalizeText(event.text);
        const lang = detectLanguage(text, session.lang);
        const choice = OPTION_NUMBER.exec(text);
        if (choice) {
          const options = draftFor(conversation.currentView(session), { lang, knowledge }).options;
          const code = options[Number(choice[1]) - 1];
          if (code) return { intent: intentOfAction(code, event.at), lang, userE164: [] };
        }
        const numbers = directory.identifyAll(text);
        const where = session.triage.value;
        const activeFlow = FLOW_IDS.find((f) => f === where) ?? null;
        return {
          intent: understandText(text, { activeFlow, numbers, at: event.at }),
          lang,
          userE164: numbers.map((n) => n.e164),
        };
      }
      case 'sticker':
        return { intent: { type: 'unrecognized', cause: 'sticker' }, lang: session.lang, userE164: [] };
      case 'media':
        return { intent: { type: 'unrecognized', cause: 'media' }, lang: session.lang, userE164: [] };
      default:
        throw new Error(`no intent for ${event.kind}`);
    }
  }

  return {
    respond(event, stored) {
      if (event.kind === 'unfollow') return { session: null, reply: null, intent: 'none' };
      // Unsend, and event types we do not act on, leave the conversation as it was.
      if (event.kind === 'unsend' || event.kind === 'other') return { session: stored, reply: null, intent: 'none' };

      const base = stored ?? conversation.newSession('ja');
      const { intent, lang, userE164 } = intentFor(event, base);
      const { session, view } = conversation.step({ ...base, lang }, intent);
      const allowed = userE164.length ? new Set([...vettedDigits, ...allowedDigitForms(userE164)]) : vettedDigits;
      return { session, reply: renderReply(view, session, knowledge, allowed), intent: intent.type };
    },
  };
}
