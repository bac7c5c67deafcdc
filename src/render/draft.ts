/** What each view renderer returns, and the small helpers they share. */
import type { Knowledge } from '../../data/schema.js';
import type { FollowUp, Lang } from '../../flows/types.js';
import type { ActionCode } from '../understand/actionCodes.js';
import type { OutgoingMessage } from './lineLimits.js';

export interface Draft {
  messages: OutgoingMessage[];
  /** The next choices, in order; they become quick replies and a numbered list in the text. */
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

export const pick = (lang: Lang) => (ja: string, en: string) => (lang === 'ja' ? ja : en);
export const bullets = (items: readonly string[]) => items.map((i) => `・${i}`).join('\n');
export const numbered = (items: readonly string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n');
export const text = (body: string): OutgoingMessage => ({ type: 'text', text: body });
export const draft = (options: ActionCode[], ...bodies: string[]): Draft => ({ messages: bodies.map(text), options });
