/**
 * View → LINE messages: picks the view's renderer, turns its options into quick replies plus a numbered
 * list (desktop LINE shows no quick replies, so the text must stand alone), masks any unvetted phone
 * number, and checks the result against LINE's limits.
 */
import type { Knowledge } from '../../data/schema.js';
import type { Session, View } from '../../flows/conversation.js';
import { encodePostback, type ActionCode } from '../understand/actionCodes.js';
import { renderCallbackDecision } from './callbackDecision.js';
import { renderCallerIdentification } from './callerIdentification.js';
import type { Draft, RenderContext } from './draft.js';
import { LINE_LIMITS, OutgoingMessages, type OutgoingMessage } from './lineLimits.js';
import { renderFallback, renderFaq, renderMenu } from './menuAndFaq.js';
import { labelOf } from './options.js';
import { maskUnvettedNumbers } from './phoneGuard.js';
import { renderPrepareCall } from './prepareCall.js';
import { renderScamCheck } from './scamCheck.js';
import { renderSupportChannel } from './supportChannel.js';

export interface RenderedReply {
  messages: OutgoingMessage[];
  /** The options offered, in the order they are numbered in the text. */
  options: ActionCode[];
  /** How many phone numbers the guard had to hide; anything above 0 is a bug worth logging. */
  maskedNumbers: number;
}

export function draftFor(view: View, rc: RenderContext): Draft {
  switch (view.kind) {
    case 'menu':
      return renderMenu(view.greeting, view.reset, rc);
    case 'faq':
      return renderFaq(view.topic, rc);
    case 'fallback':
      return renderFallback(view.cause, rc);
    case 'flow':
      switch (view.flow) {
        case 'callerIdentification':
          return renderCallerIdentification(view.state, view.context, rc);
        case 'callbackDecision':
          return renderCallbackDecision(view.state, view.context, rc);
        case 'scamCheck':
          return renderScamCheck(view.state, view.context, rc);
        case 'supportChannel':
          return renderSupportChannel(view.state, view.context, rc);
        case 'prepareCall':
          return renderPrepareCall(view.state, view.context, rc);
        default:
          return view satisfies never;
      }
    default:
      return view satisfies never;
  }
}

export function renderReply(
  view: View,
  session: Session,
  knowledge: Knowledge,
  /** Digit forms of numbers that may appear: vetted ones plus what the user typed this turn. */
  allowedDigits: ReadonlySet<string>,
): RenderedReply {
  const rc: RenderContext = { lang: session.lang, knowledge };
  const { messages, options } = draftFor(view, rc);
  const offered = options.slice(0, LINE_LIMITS.quickReplyItems);
  const choices = offered.map((code, i) => `${i + 1}. ${labelOf(code, rc.lang)}`).join('\n');
  const choiceHint = rc.lang === 'ja' ? '番号を送っても選べます:' : 'Or reply with a number:';

  let maskedNumbers = 0;
  const guarded = messages.slice(0, LINE_LIMITS.messagesPerReply).map((m): OutgoingMessage => {
    if (m.type !== 'text') return m;
    const { text, masked } = maskUnvettedNumbers(m.text, allowedDigits);
    maskedNumbers += masked;
    return { ...m, text: text.slice(0, LINE_LIMITS.textUtf16Units) };
  });

  const last = guarded.length - 1;
  const withChoices = guarded.map((m, i): OutgoingMessage => {
    if (i !== last || offered.length === 0) return m;
    const quickReply = {
      items: offered.map((code) => ({
        type: 'action' as const,
        action: {
          type: 'postback' as const,
          label: labelOf(code, rc.lang),
          data: encodePostback(code, session.epoch),
          displayText: labelOf(code, rc.lang),
        },
      })),
    };
    if (m.type !== 'text') return { ...m, quickReply };
    const body = `${m.text}\n\n${choiceHint}\n${choices}`;
    return { ...m, text: body.length <= LINE_LIMITS.textUtf16Units ? body : m.text, quickReply };
  });

  return { messages: OutgoingMessages.parse(withChoices), options: offered, maskedNumbers };
}
