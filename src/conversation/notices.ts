/**
 * What the bot says when it cannot take a message through a normal turn: the user sent more than
 * their share of the backlog, or a message failed too often and was given up. Fixed texts with no
 * number and nothing from the user, so they are safe to send whatever went wrong in the turn.
 */
import type { Session } from '../../flows/conversation.js';
import type { Lang } from '../../flows/types.js';
import type { OutgoingMessage } from '../line/lineLimits.js';
import { messagesFor } from '../render/draft.js';
import { quickReplyOf } from '../render/options.js';
import { MENU_AREAS } from '../richMenu/menuLayout.js';
import type { InboundEvent } from './inboundEvent.js';


/** The conversation's language, else a guess from the message itself: Latin letters and no Japanese script. */
export function noticeLanguage(event: InboundEvent, session: Session | null): Lang {
  if (session) return session.lang;
  return event.kind === 'text' && /[a-z]/i.test(event.text) && !/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(event.text) ? 'en' : 'ja';
}

export const overCapNotice = (lang: Lang): OutgoingMessage[] => [{ type: 'text', text: messagesFor(lang).notices.overCap }];

/** The rich menu's actions as buttons, with the session's epoch so that they are not stale. */
export function apology(lang: Lang, session: Session | null): OutgoingMessage[] {
  const epoch = session?.epoch ?? 0;
  return [{ type: 'text', text: messagesFor(lang).notices.apology, quickReply: quickReplyOf(MENU_AREAS.map(({ code }) => code), lang, epoch) }];
}

/** Only a message the user expects an answer to gets an apology: not an unfollow, unsend or unknown type. */
export const expectsAnswer = (event: InboundEvent) => !['unfollow', 'unsend', 'other'].includes(event.kind);
