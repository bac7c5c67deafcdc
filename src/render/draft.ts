/** What each view renderer returns, and the small helpers they share. */
import type { Knowledge } from '../../data/schema.js';
import type { FollowUp, Lang } from '../../flows/types.js';
import type { ActionCode } from '../buttons/actionCodes.js';
import type { OutgoingMessage } from '../line/lineLimits.js';
import { en } from './messages/en.js';
import { ja } from './messages/ja.js';
import type { Dials, Messages, Part } from './messages/types.js';

export interface Draft {
  /** The view's one sentence, shown instead of its messages when another view answers the question. */
  headline: string;
  messages: OutgoingMessage[];
  /** The next choices, best first; they become quick replies. */
  options: ActionCode[];
  /** What a bare "yes" / "why?" / "I'll call back" means right after this view, when it means anything. */
  followUps?: Partial<Record<FollowUp, ActionCode>>;
}

export interface RenderContext {
  lang: Lang;
  knowledge: Knowledge;
  /** The same reply warns of a scam: the caller answer then only says whose number it is, never "usually not a scam". */
  besideScamWarning?: boolean;
}

const CATALOGS: Record<Lang, Messages> = { ja, en };
export const messagesFor = (lang: Lang): Messages => CATALOGS[lang];

/** The vetted numbers the copy names, read from data/numbers.json so that no number is typed into a sentence. */
export function dialsOf(knowledge: Knowledge): Dials {
  const dials = (role: string) => knowledge.numbers.numbers.filter((n) => n.role === role).map((n) => n.dial);
  return { driver: dials('deliveryDriver')[0]!, official: dials('officialSupport'), senders: dials('smsSender') };
}

export const text = (body: string): OutgoingMessage => ({ type: 'text', text: body });
/** A view answered by one text bubble. */
export const draft = (options: ActionCode[], part: Part, followUps?: Draft['followUps']): Draft => ({
  headline: part.headline,
  messages: [text(part.body)],
  options,
  ...(followUps ? { followUps } : {}),
});
