/**
 * Views → one LINE reply: each view's renderer drafts its part (a headline and a body), the answering view
 * leads and the others add their headline, the options become quick replies plus one line saying what to
 * type on desktop LINE (which shows no quick replies), the phone guard masks any unvetted number in every
 * string that leaves, and the result is checked against LINE's limits.
 */
import type { Knowledge } from '../../data/schema.js';
import type { Session, View } from '../../flows/conversation.js';
import type { ActionCode } from '../buttons/actionCodes.js';
import { renderCallbackDecision } from './callbackDecision.js';
import { renderCallerIdentification } from './callerIdentification.js';
import { messagesFor, type Draft, type RenderContext } from './draft.js';
import { LINE_LIMITS, OutgoingMessages, type OutgoingMessage } from '../line/lineLimits.js';
import { renderFallback, renderFaq, renderFollowUp, renderMenu, renderNote, renderSmallTalk } from './menuAndFaq.js';
import { actionShowing, labelOf, quickReplyOf } from './options.js';
import { guardMessages } from './phoneGuard.js';
import { renderPrepareCall } from './prepareCall.js';
import { renderScamCheck } from './scamCheck.js';
import { renderSupportChannel } from './supportChannel.js';

export interface RenderedReply {
  messages: OutgoingMessage[];
  /** The options offered, in order (a typed option number still picks one). */
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
      return renderFaq(view.topic, rc, view.at);
    case 'smallTalk':
      return renderSmallTalk(view, rc);
    case 'fallback':
      return renderFallback(view.cause, view.suggestions, rc);
    case 'followUp':
      return renderFollowUp(view.ask, view.about, draftFor(view.about, rc), rc);
    case 'note':
      return renderNote(view.note, rc);
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

/** At most this many buttons: more than six on a phone screen hides the one the user needs. */
export const MAX_OPTIONS = 6;

/**
 * Several views answer one message. The last one answers the question (it is also where the conversation
 * now stands) and leads, in full; each earlier view adds only its one-sentence headline after it, so
 * context the user did not ask for stays one line. Options: the lead's first, never one that opens a
 * view shown in this reply, "menu" last, at most six.
 */
export function composeDrafts(drafts: Draft[], shown: readonly ActionCode[] = []): Draft {
  const lead = drafts.at(-1)!;
  const context = [...new Set(drafts.slice(0, -1).map((d) => d.headline))].filter((h) => h && !lead.headline.includes(h));
  const messages = [...lead.messages];
  if (context.length > 0) {
    const last = messages.at(-1);
    const extra = context.join('\n');
    if (last?.type === 'text') messages[messages.length - 1] = { ...last, text: `${last.text}\n\n${extra}` };
    else messages.push({ type: 'text', text: extra });
  }
  const candidates = [...new Set([...lead.options, ...drafts.slice(0, -1).flatMap((d) => d.options)])].filter((o) => !shown.includes(o) && o !== 'menu');
  // The menu itself needs no way back to the menu.
  const options = shown.includes('menu') ? candidates.slice(0, MAX_OPTIONS) : [...candidates.slice(0, MAX_OPTIONS - 1), 'menu' as const];
  return { headline: lead.headline, messages: fitMessageCount(messages), options, followUps: lead.followUps };
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

const SCAM_WARNINGS: ReadonlySet<string> = new Set(['scamConfirmed', 'suspicious', 'linkWarning', 'gettingHelp']);
const warnsOfScam = (v: View) => v.kind === 'flow' && v.flow === 'scamCheck' && SCAM_WARNINGS.has(v.state);

/** How many button labels the typing hint names: enough to show the way, short enough to stay one line. */
const HINT_LABELS = 1;

export function renderReply(
  views: View[],
  session: Session,
  knowledge: Knowledge,
  /** Digit forms of numbers that may appear: vetted ones plus what the user typed this turn. */
  allowedDigits: ReadonlySet<string>,
): RenderedReply {
  const rc: RenderContext = { lang: session.lang, knowledge, besideScamWarning: views.some(warnsOfScam) };
  const { messages, options, followUps } = composeDrafts(views.map((v) => draftFor(v, rc)), views.map(actionShowing).filter((a) => a !== null));
  // Desktop LINE shows no quick replies; one short line says what to type instead (a typed label picks the button).
  const hint = messagesFor(rc.lang).typeToChoose({ labels: [...options.filter((o) => o !== 'menu').slice(0, HINT_LABELS), 'menu' as const].map((o) => labelOf(o, rc.lang)) });
  const last = messages.at(-1)!;
  const withHint: OutgoingMessage[] =
    last.type === 'text' && last.text.length + hint.length + 1 <= LINE_LIMITS.textUtf16Units
      ? [...messages.slice(0, -1), { ...last, text: `${last.text}\n${hint}` }]
      : messages.length < LINE_LIMITS.messagesPerReply ? [...messages, { type: 'text', text: hint }] : messages;
  const quickReply = quickReplyOf(options, rc.lang, session.epoch);
  const withChoices = withHint.map((m, i) => (i === withHint.length - 1 ? { ...m, quickReply } : m));
  const guarded = guardMessages(withChoices, allowedDigits);
  return { messages: OutgoingMessages.parse(guarded.messages), options, maskedNumbers: guarded.masked, followUps: followUps ?? {} };
}
