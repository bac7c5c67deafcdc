/**
 * Views → one LINE reply: each view's renderer drafts its part, the parts are joined in order within
 * LINE's five-message limit, the options become quick replies plus a numbered list (desktop LINE shows no
 * quick replies, so the text must stand alone), the phone guard masks any unvetted number in every string
 * that leaves, and the result is checked against LINE's limits.
 */
import type { Knowledge } from '../../data/schema.js';
import type { Session, View } from '../../flows/conversation.js';
import { encodePostback, type ActionCode } from '../understand/actionCodes.js';
import { renderCallbackDecision } from './callbackDecision.js';
import { renderCallerIdentification } from './callerIdentification.js';
import type { Draft, RenderContext } from './draft.js';
import { LINE_LIMITS, OutgoingMessages, type OutgoingMessage } from './lineLimits.js';
import { renderFallback, renderFaq, renderMenu, renderSmallTalk } from './menuAndFaq.js';
import { labelOf } from './options.js';
import { guardMessages } from './phoneGuard.js';
import { renderPrepareCall } from './prepareCall.js';
import { renderScamCheck } from './scamCheck.js';
import { renderSupportChannel } from './supportChannel.js';

export interface RenderedReply {
  messages: OutgoingMessage[];
  /** The options offered, in the order they are numbered in the text. */
  options: ActionCode[];
  /** How many phone numbers the guard had to hide; anything above 0 is a bug worth logging. */
  maskedNumbers: number;
  /** What a bare "yes" / "why?" means as the next message. */
  followUps: NonNullable<Draft['followUps']>;
}

export function draftFor(view: View, rc: RenderContext): Draft {
  switch (view.kind) {
    case 'menu':
      return renderMenu(view.greeting, view.reset, rc);
    case 'faq':
      return renderFaq(view.topic, rc);
    case 'smallTalk':
      return renderSmallTalk(view.greeting, rc);
    case 'fallback':
      return renderFallback(view.cause, view.suggestions, rc);
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

/**
 * Several views answer one message: their messages in order, and the last view's options first (it is
 * where the conversation now stands), then the earlier views' options that still fit.
 */
export function composeDrafts(drafts: Draft[]): Draft {
  const last = drafts.at(-1)!;
  const options = [...new Set([...last.options, ...drafts.slice(0, -1).flatMap((d) => d.options)])];
  // "menu" always goes last, as the way out.
  const ordered = options.includes('menu') ? [...options.filter((o) => o !== 'menu'), 'menu' as const] : options;
  return { messages: fitMessageCount(drafts.flatMap((d) => d.messages)), options: ordered, followUps: last.followUps };
}

/** Over LINE's five messages, neighbouring texts are joined (Flex cards stay whole). */
function fitMessageCount(messages: OutgoingMessage[]): OutgoingMessage[] {
  const out = [...messages];
  for (let i = out.length - 2; out.length > LINE_LIMITS.messagesPerReply && i >= 0; i--) {
    const [a, b] = [out[i]!, out[i + 1]!];
    if (a.type === 'text' && b.type === 'text' && a.text.length + b.text.length + 2 <= LINE_LIMITS.textUtf16Units) {
      out.splice(i, 2, { type: 'text', text: `${a.text}\n\n${b.text}` });
    }
  }
  return out.slice(0, LINE_LIMITS.messagesPerReply);
}

const SCAM_WARNINGS = new Set(['scamConfirmed', 'suspicious', 'linkWarning', 'gettingHelp']);
const warnsOfScam = (v: View) => v.kind === 'flow' && v.flow === 'scamCheck' && SCAM_WARNINGS.has(v.state);

export function renderReply(
  views: View[],
  session: Session,
  knowledge: Knowledge,
  /** Digit forms of numbers that may appear: vetted ones plus what the user typed this turn. */
  allowedDigits: ReadonlySet<string>,
): RenderedReply {
  const rc: RenderContext = { lang: session.lang, knowledge, besideScamWarning: views.some(warnsOfScam) };
  const { messages, options, followUps } = composeDrafts(views.map((v) => draftFor(v, rc)));
  const offered = options.slice(0, LINE_LIMITS.quickReplyItems);
  const choices = offered.map((code, i) => `${i + 1}. ${labelOf(code, rc.lang)}`).join('\n');
  // Not 番号: next to "send me the phone number" it read as a phone number.
  const choiceHint = rc.lang === 'ja' ? '数字を送っても選べます:' : 'Or reply with a number:';

  const last = messages.length - 1;
  const withChoices = messages.map((m, i): OutgoingMessage => {
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
    return { ...m, text: body.length <= LINE_LIMITS.textUtf16Units ? body : m.text.slice(0, LINE_LIMITS.textUtf16Units), quickReply };
  });

  const guarded = guardMessages(withChoices, allowedDigits);
  return { messages: OutgoingMessages.parse(guarded.messages), options: offered, maskedNumbers: guarded.masked, followUps: followUps ?? {} };
}
