/**
 * One turn without I/O: inbound event + stored session → next session + reply.
 * understand → plan → machines → render, in that order and nowhere else.
 */
import type { Knowledge } from '../../data/schema.js';
import type { Conversation, Intent, Session } from '../../flows/conversation.js';
import { planTurn } from '../../flows/planTurn.js';
import { FLOW_IDS, type FlowId, type FollowUp, type Lang, type Reading } from '../../flows/types.js';
import { ActionCode, decodePostback, intentOfAction } from '../buttons/actionCodes.js';
import { normalizeText, writtenInAnotherLanguage } from '../understand/normalizeText.js';
import type { MessageReader } from '../understand/readMessage.js';
import { allowedDigitForms } from '../render/phoneGuard.js';
import { renderReply, type RenderedReply } from '../render/renderReply.js';
import { draftFor } from '../render/renderReply.js';
import { allActionCodes, labelOf } from '../render/options.js';
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
/**
 * What a follow-up means in a tree when the last reply did not say. "じゃあ折り返す" is "I will call the
 * driver back" only in the call-back tree (the driver answer offers it itself); about an unknown number, a
 * found-online number or after a scam warning it gets the safe answer, checking the order in the app,
 * never "call once more". "じゃあどうする?" (whatNow) asks for the next step from where the user is in that tree.
 */
const CHECK_THE_APP = 'scam:orders' satisfies ActionCode;
const DEFAULT_FOLLOW_UPS: Partial<Record<FlowId, Partial<Record<FollowUp, ActionCode>>>> = {
  callbackDecision: { willCallBack: 'callback:will', whatNow: 'callback:redelivery' },
  callerIdentification: { willCallBack: CHECK_THE_APP, whatNow: 'callback:ask' },
  supportChannel: { willCallBack: CHECK_THE_APP, whatNow: 'support:steps', how: 'support:steps' },
  scamCheck: { willCallBack: CHECK_THE_APP, whatNow: CHECK_THE_APP },
  prepareCall: { whatNow: 'prep:explain' },
};

/**
 * Follow-ups about the last answer itself, when that answer did not say what they mean: "なんで?" gets its
 * reason, "よくわからない" (or a bare yes/no/what now with nothing to pick) the answer again in one sentence.
 * At the menu there is no answer to ask about, and the message is read as usual.
 */
function aboutTheLastAnswer(followUp: FollowUp | null, session: Session): Intent | null {
  if (session.triage.value === 'menu') return null;
  switch (followUp) {
    case 'why':
      return { type: 'followUp', ask: 'why' };
    case 'dontUnderstand':
    case 'whatNow':
    case 'yes':
    case 'no':
      return { type: 'followUp', ask: 'simpler' };
    default:
      return null;
  }
}

const SWITCH_TO: Partial<Record<FollowUp, Lang>> = { toEnglish: 'en', toJapanese: 'ja' };

/**
 * The action a short follow-up stands for after a reply: what that reply said it means, else the tree's
 * default; "どうやって?" after a reply that offered the in-app check is that check, step by step.
 */
export function followUpChoice(followUp: FollowUp, offered: { options: readonly string[]; followUps: Partial<Record<FollowUp, string>> }, flow: FlowId | undefined): string | undefined {
  if (followUp === 'how' && offered.options.includes('scam:orders')) return 'scam:orders';
  return offered.followUps[followUp] ?? (flow ? DEFAULT_FOLLOW_UPS[flow]?.[followUp] : undefined);
}

interface Understood {
  intents: Intent[];
  lang: Lang;
  /** Set when the user asked for a language by name. */
  prefersLang?: Lang;
  userE164: string[];
}

/**
 * A button's label typed as text (a desktop user, or the rich menu, which sends labels as messages so that
 * they never go stale) means what the button means, wherever the user is.
 */
const BUTTON_LABELS = new Map<string, ActionCode>(
  allActionCodes().flatMap((code) => (['ja', 'en'] as const).map((lang) => [normalizeText(labelOf(code, lang)), code] as const)),
);
export const buttonOfTypedText = (text: string): ActionCode | undefined => BUTTON_LABELS.get(normalizeText(text));

export function createResponder(knowledge: Knowledge, conversation: Conversation, reader: MessageReader, vettedE164: Iterable<string>): Responder {
  const vettedDigits = allowedDigitForms(vettedE164);

  /** The option or follow-up the last reply offered, if that is what the user sent. */
  function offeredChoice(session: Session, text: string, reading: Reading): ActionCode | null {
    const typedLabel = buttonOfTypedText(text);
    if (typedLabel) return typedLabel;
    const offered = session.offered ?? { options: draftFor(conversation.currentView(session), { lang: session.lang, knowledge }).options, followUps: {} };
    const choice = OPTION_NUMBER.exec(text);
    const picked = choice ? offered.options[Number(choice[1]) - 1] : reading.followUp ? followUpChoice(reading.followUp, offered, session.triage.value as FlowId) : undefined;
    // Most messages pick nothing; parsing undefined would build a zod error on every turn for nothing.
    if (picked === undefined) return null;
    const parsed = ActionCode.safeParse(picked);
    return parsed.success ? parsed.data : null;
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
        const where = session.triage.value;
        const reading = reader.read(event.text, { activeFlow: FLOW_IDS.find((f) => f === where) ?? null, previousLang: session.lang, at: event.at });
        const userE164 = reading.numbers.map((n) => n.e164);
        if (normalizeText(event.text).length === 0) return keep({ type: 'unrecognized', cause: 'empty' });
        // A number or a link still gets its answer; a question in Chinese or Korean would get a guessed one.
        if (reading.numbers.length === 0 && reading.links.length === 0 && writtenInAnotherLanguage(event.text)) {
          return keep({ type: 'unrecognized', cause: 'otherLanguage' });
        }
        // "英語で" / "日本語で": the last answer again in that language, which the conversation then keeps.
        const switchTo = reading.followUp ? SWITCH_TO[reading.followUp] : undefined;
        if (switchTo) return { intents: [{ type: 'followUp', ask: 'again' }], lang: switchTo, prefersLang: switchTo, userE164 };
        const choice = offeredChoice(session, normalizeText(event.text), reading);
        const about = choice ? null : aboutTheLastAnswer(reading.followUp, session);
        const intents = choice ? [intentOfAction(choice, event.at)] : about ? [about] : planTurn(reading, event.at);
        return { intents, lang: session.prefersLang ?? reading.lang, userE164 };
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
      const { intents, lang, prefersLang, userE164 } = understand(event, base);
      const stepped = conversation.stepAll({ ...base, lang, ...(prefersLang ? { prefersLang } : {}) }, intents);
      const allowed = userE164.length ? new Set([...vettedDigits, ...allowedDigitForms(userE164)]) : vettedDigits;
      const reply = renderReply(stepped.views, stepped.session, knowledge, allowed);
      const session: Session = { ...stepped.session, offered: { options: reply.options, followUps: reply.followUps } };
      return { session, reply, intent: intents.at(-1)!.type };
    },
  };
}
