/**
 * The vocabulary of quick-reply buttons. A button carries a short action code plus the session epoch;
 * the same code means the same intent whether it arrives as a postback or as the option number a
 * desktop user typed. Codes are parsed with zod, so a forged or stale payload becomes a calm answer.
 */
import { z } from 'zod';
import type { Intent } from '../../flows/conversation.js';
import type { CallbackSituation, FaqTopic, PrepTopic, ScamSignId, SupportNeed } from '../../flows/types.js';

const SITUATIONS = ['wantsToday', 'addressWorry', 'busy', 'dislikesPhone'] as const satisfies readonly CallbackSituation[];
const SIGNS = [
  'moneyDemand', 'cardNumber', 'giftCard', 'remoteApp', 'personalData',
  'urgency', 'smsLink', 'spoofedNumber', 'oddHours', 'fakeSupportNumber',
] as const satisfies readonly ScamSignId[];
const NEEDS = ['urgent', 'detailed', 'simple', 'chat', 'prime', 'business', 'device'] as const satisfies readonly SupportNeed[];
const TOPICS = ['delivery', 'returnRefund', 'account', 'payment', 'device'] as const satisfies readonly PrepTopic[];
const FAQS = ['unorderedParcel', 'oddHours', 'silentCall', 'saveContact'] as const satisfies readonly FaqTopic[];

export const ActionCode = z.union([
  z.enum([
    'menu', 'reset',
    'caller:ask', 'caller:reasons',
    'callback:ask', 'callback:failed', 'callback:redelivery', 'callback:will',
    'scam:ask', 'scam:nothing', 'scam:orders', 'scam:harmed',
    'support:ask', 'support:hours', 'support:steps', 'support:fake',
    'prep:ask', 'prep:explain',
  ]),
  z.templateLiteral(['callback:situation:', z.enum(SITUATIONS)]),
  z.templateLiteral(['scam:sign:', z.enum(SIGNS)]),
  z.templateLiteral(['support:need:', z.enum(NEEDS)]),
  z.templateLiteral(['prep:topic:', z.enum(TOPICS)]),
  z.templateLiteral(['faq:', z.enum(FAQS)]),
]);
export type ActionCode = z.infer<typeof ActionCode>;

/** Turns an action code into the intent it stands for; `at` is the event time, for the time-aware answers. */
export function intentOfAction(code: ActionCode, at: number): Intent {
  const group = code.slice(0, code.indexOf(':'));
  switch (code) {
    case 'menu': return { type: 'menu' };
    case 'reset': return { type: 'reset' };
    case 'caller:ask': return { type: 'flow', flow: 'callerIdentification', fromStart: true };
    case 'caller:reasons': return { type: 'flow', flow: 'callerIdentification', event: { type: 'ASK_CALL_REASONS' } };
    case 'callback:ask': return { type: 'flow', flow: 'callbackDecision', fromStart: true };
    case 'callback:failed': return { type: 'flow', flow: 'callbackDecision', event: { type: 'CALLBACK_FAILED', at } };
    case 'callback:redelivery': return { type: 'flow', flow: 'callbackDecision', event: { type: 'SHOW_REDELIVERY' } };
    case 'callback:will': return { type: 'flow', flow: 'callbackDecision', event: { type: 'WILL_CALL_BACK', at } };
    case 'scam:ask': return { type: 'flow', flow: 'scamCheck', fromStart: true };
    case 'scam:nothing': return { type: 'flow', flow: 'scamCheck', event: { type: 'NOTHING_ODD' } };
    case 'scam:orders': return { type: 'flow', flow: 'scamCheck', event: { type: 'SHOW_ORDER_CHECK' } };
    case 'scam:harmed': return { type: 'flow', flow: 'scamCheck', event: { type: 'ALREADY_HARMED' } };
    case 'support:ask': return { type: 'flow', flow: 'supportChannel', fromStart: true };
    case 'support:hours': return { type: 'flow', flow: 'supportChannel', event: { type: 'ASK_HOURS', at } };
    case 'support:steps': return { type: 'flow', flow: 'supportChannel', event: { type: 'SHOW_CALLBACK_STEPS' } };
    case 'support:fake': return { type: 'flow', flow: 'supportChannel', event: { type: 'ASK_FAKE_NUMBER' } };
    case 'prep:ask': return { type: 'flow', flow: 'prepareCall', fromStart: true };
    case 'prep:explain': return { type: 'flow', flow: 'prepareCall', event: { type: 'SHOW_EXPLAIN_TIPS' } };
  }
  // The remaining codes carry a value, already checked by the schema.
  const tail = code.slice(code.lastIndexOf(':') + 1);
  switch (group) {
    case 'callback':
      return { type: 'flow', flow: 'callbackDecision', event: { type: 'SITUATION_CHOSEN', situation: tail as CallbackSituation, at } };
    case 'scam':
      return { type: 'flow', flow: 'scamCheck', event: { type: 'SIGNS_REPORTED', signs: [tail as ScamSignId] } };
    case 'support':
      return { type: 'flow', flow: 'supportChannel', event: { type: 'NEED_CHOSEN', need: tail as SupportNeed, at } };
    case 'prep':
      return { type: 'flow', flow: 'prepareCall', event: { type: 'TOPIC_CHOSEN', topic: tail as PrepTopic } };
    default:
      return { type: 'faq', topic: tail as FaqTopic };
  }
}

const Payload = z.object({ a: ActionCode, e: z.coerce.number().int().min(0) });

/** `a=<code>` as URLSearchParams writes it, once per code (a URLSearchParams for every button of every reply was 1.4 % of all the bot’s garbage). */
const encodedCodes = new Map<ActionCode, string>();

export function encodePostback(code: ActionCode, epoch: number): string {
  let encoded = encodedCodes.get(code);
  if (encoded === undefined) encodedCodes.set(code, (encoded = new URLSearchParams({ a: code }).toString()));
  // An epoch is a whole number: its digits need no encoding.
  return `${encoded}&e=${epoch}`;
}

/** `stale` when the button predates the user's last reset; `invalid` for anything we did not issue. */
export function decodePostback(
  data: string,
  epoch: number,
): { ok: true; code: ActionCode } | { ok: false; reason: 'stale' | 'invalid' } {
  if (data.length > 300) return { ok: false, reason: 'invalid' };
  const parsed = Payload.safeParse(Object.fromEntries(new URLSearchParams(data)));
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  if (parsed.data.e !== epoch) return { ok: false, reason: 'stale' };
  return { ok: true, code: parsed.data.a };
}
