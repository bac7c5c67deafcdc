/**
 * Short follow-ups read against what the bot said last: a typed button label or option number picks that
 * button, "はい" / "なんで?" / "じゃあどうする?" mean what the last reply said they mean (else what they mean in
 * the tree the user is in), "英語で" asks for the last answer again in English. The session remembers the last
 * reply's buttons and follow-ups (`Session.offered`); the labels come from the caller, so that understanding
 * does not depend on how replies are rendered.
 */
import type { FollowUpAsk } from '../../flows/conversation.js';
import type { FlowId, FollowUp, Lang, Reading } from '../../flows/types.js';
import { ActionCode } from '../buttons/actionCodes.js';
import { normalizeText } from './normalizeText.js';

/** What the last reply offered: its buttons in order, and what each kind of follow-up meant after it. */
export interface Offered {
  options: readonly string[];
  followUps: Partial<Record<FollowUp, string>>;
}

export interface WhereTheUserIs {
  /** The tree the user is in, if any, and the state it is in. */
  flow: FlowId | undefined;
  state?: string;
  /** At the menu there is no answer to ask "why?" about. */
  atMenu: boolean;
  /** Worked out only when needed: most messages are not follow-ups. */
  offered(): Offered;
}

export type FollowUpMeaning =
  | { kind: 'choice'; code: ActionCode }
  | { kind: 'aboutTheLastAnswer'; ask: FollowUpAsk }
  | { kind: 'switchLanguage'; lang: Lang }
  /** "いや、ええわ" to an offer the reply made: nothing more to do. */
  | { kind: 'declined' };

const OPTION_NUMBER = /^(\d{1,2})$/;
const SWITCH_TO: Partial<Record<FollowUp, Lang>> = { toEnglish: 'en', toJapanese: 'ja' };

/**
 * What a follow-up means in a tree when the last reply did not say. "じゃあ折り返す" is "I will call the
 * driver back" only in the call-back tree (the driver answer offers it itself); about an unknown number, a
 * found-online number or after a scam warning it gets the safe answer, checking the order in the app,
 * never "call once more". "じゃあどうする?" (whatNow) asks for the next step from where the user is in that tree.
 */
const CHECK_THE_APP = 'scam:orders' satisfies ActionCode;
type Meanings = Partial<Record<FollowUp, ActionCode>>;
const DEFAULT_FOLLOW_UPS: Partial<Record<FlowId, Meanings>> = {
  callbackDecision: { willCallBack: 'callback:will', whatNow: 'callback:redelivery' },
  callerIdentification: { willCallBack: CHECK_THE_APP, whatNow: 'callback:ask' },
  // The best way to reach them now: the phone while it is open, else the 24-hour chat.
  supportChannel: { willCallBack: CHECK_THE_APP, whatNow: 'support:need:urgent', how: 'support:steps' },
  scamCheck: { willCallBack: CHECK_THE_APP, whatNow: CHECK_THE_APP },
  prepareCall: { whatNow: 'prep:explain' },
};
/** Where the tree's default is not the next step: after one failed call back, after harm already done. */
const STATE_FOLLOW_UPS: Record<string, Meanings> = {
  'callbackDecision.tryAgainLater': { whatNow: 'callback:failed' },
  'callbackDecision.adviseCallBack': { whatNow: 'callback:will' },
  'scamCheck.gettingHelp': { whatNow: 'scam:harmed' },
};

/** "なんで?" gets the last answer's reason; "よくわからない", or a bare yes/no/what now with nothing to pick, the answer again in one sentence. */
const ABOUT_THE_LAST_ANSWER: Partial<Record<FollowUp, FollowUpAsk>> = { why: 'why', dontUnderstand: 'simpler', whatNow: 'simpler', yes: 'simpler' };

/**
 * The action a short follow-up stands for after a reply: what that reply said it means, else the tree's
 * default; "どうやって?" after a reply that offered the in-app check is that check, step by step.
 */
export function followUpChoice(followUp: FollowUp, offered: Offered, flow: FlowId | undefined, state?: string): string | undefined {
  if (followUp === 'how' && offered.options.includes('scam:orders')) return 'scam:orders';
  const byState = flow && state ? STATE_FOLLOW_UPS[`${flow}.${state}`]?.[followUp] : undefined;
  return offered.followUps[followUp] ?? byState ?? (flow ? DEFAULT_FOLLOW_UPS[flow]?.[followUp] : undefined);
}

export interface FollowUpReader {
  /** A button's label typed as text (desktop LINE shows no buttons; the rich menu sends labels as messages). */
  buttonOfTypedText(text: string): ActionCode | undefined;
  /** `text`: the message as `normalizeText` left it (the reader has already normalised it once). */
  read(text: string, reading: Reading, where: WhereTheUserIs): FollowUpMeaning | null;
}

/** `labels`: every button label the bot shows, in every language, with the button it stands for. */
export function createFollowUpReader(labels: Iterable<readonly [label: string, code: ActionCode]>): FollowUpReader {
  const byLabel = new Map([...labels].map(([label, code]) => [normalizeText(label), code] as const));
  const buttonOfTypedText = (text: string) => byLabel.get(normalizeText(text));

  function offeredChoice(text: string, reading: Reading, where: WhereTheUserIs): ActionCode | null {
    const typedLabel = byLabel.get(text);
    if (typedLabel) return typedLabel;
    // "0120-070-585にかけ直したいけど何て言えばいい?" out of any tree: the drivers' call-back script. A number that
    // is not the drivers' gets the tree's safe answer instead, once the caller answer has opened it.
    if (reading.followUp === 'willCallBack' && !where.flow && reading.numbers.every((n) => n.role === 'deliveryDriver')) return 'callback:will';
    const number = OPTION_NUMBER.exec(text);
    if (!number && !reading.followUp) return null;
    const offered = where.offered();
    const picked = number ? offered.options[Number(number[1]) - 1] : followUpChoice(reading.followUp!, offered, where.flow, where.state);
    // Most messages pick nothing; parsing undefined would build a zod error on every turn for nothing.
    if (picked === undefined) return null;
    const parsed = ActionCode.safeParse(picked);
    return parsed.success ? parsed.data : null;
  }

  return {
    buttonOfTypedText,
    read(text, reading, where) {
      const lang = reading.followUp ? SWITCH_TO[reading.followUp] : undefined;
      if (lang) return { kind: 'switchLanguage', lang };
      const code = offeredChoice(text, reading, where);
      if (code) return { kind: 'choice', code };
      if (reading.followUp === 'no' && !where.atMenu) return { kind: 'declined' };
      const ask = reading.followUp && !where.atMenu ? ABOUT_THE_LAST_ANSWER[reading.followUp] : undefined;
      return ask ? { kind: 'aboutTheLastAnswer', ask } : null;
    },
  };
}
