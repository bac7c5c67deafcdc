/**
 * One turn without I/O: inbound event + stored session → next session + reply.
 * understand → plan → machines → render, in that order and nowhere else.
 */
import type { Knowledge } from '../../data/schema.js';
import { answerKey, type Conversation, type Intent, type Session, type View } from '../../flows/conversation.js';
import { planTurn } from '../../flows/planTurn.js';
import { FLOW_IDS, type Lang } from '../../flows/types.js';
import { decodePostback, intentOfAction } from '../buttons/actionCodes.js';
import { createFollowUpReader, type FollowUpMeaning, type WhereTheUserIs } from '../understand/followUps.js';
import { normalizeText, writtenInAnotherLanguage } from '../understand/normalizeText.js';
import { questionBesideLanguageRequest } from '../understand/slots.js';
import type { MessageReader } from '../understand/readMessage.js';
import { allowedDigitForms } from '../render/phoneGuard.js';
import { draftFor, renderReply, type RenderedReply } from '../render/renderReply.js';
import { allActionCodes, labelOf } from '../render/options.js';
import type { InboundEvent } from './inboundEvent.js';

export interface TurnResult {
  /** null: forget this user (unfollow). */
  session: Session | null;
  reply: RenderedReply | null;
  /** For logs only: what the bot understood, never what the user wrote. */
  intent: Intent['type'] | 'none';
  /** For logs only: the rule that settled what a text meant (src/understand/rules/), or how a follow-up was read. */
  rule?: string;
  /** For logs only: the view the reply answered with (`answerKey`). */
  answered?: string;
}

export interface Responder {
  respond(event: InboundEvent, stored: Session | null): TurnResult;
}

/** Every button label the bot shows, in both languages: typed as text, a label means its button. */
const BUTTON_LABELS = allActionCodes().flatMap((code) => (['ja', 'en'] as const).map((lang) => [labelOf(code, lang), code] as const));
export const followUps = createFollowUpReader(BUTTON_LABELS);

interface Understood {
  intents: Intent[];
  lang: Lang;
  /** Set when the user asked for a language by name. */
  prefersLang?: Lang;
  userE164: string[];
  /** For logs: the rule that settled the topic of a text. */
  rule?: string;
}

function intentOfMeaning(meaning: Exclude<FollowUpMeaning, { kind: 'switchLanguage' }>, at: number): Intent {
  switch (meaning.kind) {
    case 'choice':
      return intentOfAction(meaning.code, at);
    case 'aboutTheLastAnswer':
      return { type: 'followUp', ask: meaning.ask };
    case 'declined':
      return { type: 'smallTalk', declined: true };
  }
}

/** A new answer replaces the remembered note; a follow-up, small talk or a "didn't get that" keeps it. */
function noteAnswered(lead: View, before: Session['lastNote']): Session['lastNote'] {
  if (lead.kind === 'note') return lead.note;
  return lead.kind === 'followUp' || lead.kind === 'smallTalk' || lead.kind === 'fallback' ? before : undefined;
}

export function createResponder(knowledge: Knowledge, conversation: Conversation, reader: MessageReader, vettedE164: Iterable<string>): Responder {
  const vettedDigits = allowedDigitForms(vettedE164);

  function whereTheUserIs(session: Session): WhereTheUserIs {
    const where = session.triage.value;
    const flow = FLOW_IDS.find((f) => f === where);
    return {
      flow,
      ...(flow && session.flow ? { state: session.flow.value } : {}),
      atMenu: where === 'menu',
      offered: () => session.offered ?? { options: draftFor(conversation.currentView(session), { lang: session.lang, knowledge }).options, followUps: {} },
    };
  }

  function understand(event: InboundEvent, session: Session): Understood {
    const keep = (intent: Intent): Understood => ({ intents: [intent], lang: session.lang, userE164: [] });
    switch (event.kind) {
      case 'follow':
        return { ...keep({ type: 'greet' }), lang: event.lang ?? session.lang };
      case 'postback': {
        const decoded = decodePostback(event.data, session.epoch);
        return keep(
          decoded.ok
            ? intentOfAction(decoded.code, event.at)
            : { type: 'unrecognized', cause: decoded.reason === 'stale' ? 'staleButton' : 'badButton' },
        );
      }
      case 'text': {
        const where = whereTheUserIs(session);
        const reading = reader.read(event.text, { activeFlow: where.flow ?? null, previousLang: session.lang, at: event.at });
        const userE164 = reading.numbers.map((n) => n.e164);
        const text = normalizeText(event.text);
        if (text.length === 0) return keep({ type: 'unrecognized', cause: 'empty' });
        // A number or a link still gets its answer; a question in Chinese or Korean would get a guessed one.
        if (reading.numbers.length === 0 && reading.links.length === 0 && writtenInAnotherLanguage(event.text)) {
          return keep({ type: 'unrecognized', cause: 'otherLanguage' });
        }
        const meaning = followUps.read(text, reading, where);
        // "英語で" / "日本語で": the last answer again in that language, which the conversation then keeps.
        if (meaning?.kind === 'switchLanguage') {
          const asked = questionBesideLanguageRequest(text);
          const question = asked ? planTurn(reader.read(asked, { activeFlow: where.flow ?? null, previousLang: meaning.lang, at: event.at }), event.at) : [];
          if (question.length > 0 && question[0]!.type !== 'unrecognized') {
            return { intents: question, lang: meaning.lang, prefersLang: meaning.lang, userE164, rule: 'followUp:language+question' };
          }
          return { intents: [{ type: 'followUp', ask: 'again' }], lang: meaning.lang, prefersLang: meaning.lang, userE164, rule: 'followUp:language' };
        }
        const intents = meaning ? [intentOfMeaning(meaning, event.at)] : planTurn(reading, event.at);
        return { intents, lang: session.prefersLang ?? reading.lang, userE164, rule: meaning ? `followUp:${meaning.kind}` : reading.rule };
      }
      case 'sticker':
        return keep({ type: 'unrecognized', cause: 'sticker' });
      case 'media':
        return keep({ type: 'unrecognized', cause: 'media' });
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
      const { intents, lang, prefersLang, userE164, rule } = understand(event, base);
      const stepped = conversation.stepAll({ ...base, lang, ...(prefersLang ? { prefersLang } : {}) }, intents);
      const allowed = userE164.length ? new Set([...vettedDigits, ...allowedDigitForms(userE164)]) : vettedDigits;
      const reply = renderReply(stepped.views, stepped.session, knowledge, allowed);
      const { lastNote, ...rest } = stepped.session;
      const lead = stepped.views.at(-1)!;
      const note = noteAnswered(lead, lastNote);
      const session: Session = { ...rest, ...(note ? { lastNote: note } : {}), offered: { options: reply.options, followUps: reply.followUps } };
      return { session, reply, intent: intents.at(-1)!.type, answered: answerKey(lead), ...(rule ? { rule } : {}) };
    },
  };
}
