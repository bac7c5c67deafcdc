import type { ScamCheckState } from '../../flows/conversation.js';
import type { ScamCheckContext } from '../../flows/scamCheck.js';
import { HANDOVER_SIGNS, type LinkFinding } from '../../flows/types.js';
import type { Part } from './messages/types.js';
import { dialsOf, draft, messagesFor, type Draft, type RenderContext } from './draft.js';

export function renderScamCheck(state: ScamCheckState, ctx: ScamCheckContext, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).scam;
  const { scam } = rc.knowledge;
  const reported = scam.signs.filter((s) => ctx.signs.includes(s.id)).map((s) => s[rc.lang]);
  // Harm happening now comes before any explanation: off the phone first, then the rest. An app a text
  // asks for is not a caller watching the screen.
  const urgentFirst = (part: Part): Part => {
    const onTheLine = ctx.onCall || !ctx.signs.includes('smsLink');
    const first = ctx.signs.includes('remoteApp') && onTheLine ? m.remoteApp : ctx.onCall ? m.hangUpNow : null;
    return first ? { headline: first, body: `${first}\n${part.body}` } : part;
  };
  const verdictOf = (severity: 'scam' | 'caution') => verdictFor(ctx, rc, severity);
  switch (state) {
    case 'scamConfirmed':
      return draft(
        ['scam:harmed', 'scam:orders', 'menu'],
        urgentFirst(m.states.scamConfirmed({ verdict: verdictOf('scam'), signs: reported.length > 1 ? reported : [] })),
      );
    case 'suspicious':
      return draft(['scam:orders', 'scam:harmed', 'menu'], urgentFirst(m.states.suspicious({ verdict: verdictOf('caution'), signs: reported.length > 1 ? reported : [], text: ctx.signs.includes('smsLink') })));
    case 'verifyingInApp':
      return draft(['callback:ask', 'scam:harmed', 'menu'], m.states.verifyingInApp({ steps: scam.orderHistorySteps[rc.lang] }), { whatNow: 'callback:ask' });
    case 'linkWarning':
      return draft(['scam:orders', 'scam:harmed', 'menu'], m.states.linkWarning({ lines: ctx.links.map((l) => linkLine(l, rc)) }));
    case 'gettingHelp':
      return draft(['scam:orders', 'menu'], urgentFirst(helpAfterHarm(ctx, rc)));
    case 'askingWhatHappened':
      return draft(
        ['scam:sign:cardNumber', 'scam:sign:moneyDemand', 'scam:sign:smsLink', 'scam:sign:spoofedNumber', 'scam:harmed', 'menu'],
        m.states.askingWhatHappened({ driver: dialsOf(rc.knowledge).driver }),
      );
    default:
      return state satisfies never;
  }
}

/**
 * The one-sentence verdict on what was reported: the first sign of that severity, in the order that matters
 * most to the user (what was asked for before how it was asked).
 */
const VERDICT_ORDER = ['giftCard', 'cardNumber', 'moneyDemand', 'personalData', 'remoteApp', 'urgency', 'smsLink', 'spoofedNumber', 'fakeSupportNumber', 'oddHours'] as const;
function verdictFor(ctx: ScamCheckContext, rc: RenderContext, severity: 'scam' | 'caution'): string {
  const signs = rc.knowledge.scam.signs;
  const id = VERDICT_ORDER.find((s) => ctx.signs.includes(s) && signs.find((x) => x.id === s)?.severity === severity);
  return id ? signs.find((x) => x.id === id)!.verdict[rc.lang] : '';
}

/** What stops the harm comes first: the card, then the account; then who helps, and where to report. */
function helpAfterHarm(ctx: ScamCheckContext, rc: RenderContext): Part {
  const m = messagesFor(rc.lang).scam;
  const { scam, numbers } = rc.knowledge;
  const handedOver = ctx.signs.filter((s) => HANDOVER_SIGNS.includes(s));
  // Someone who read out gift-card codes has no card to stop: the card line only when a card may be involved.
  const cardMayBeInvolved = handedOver.length === 0 || handedOver.includes('cardNumber');
  const moneyGone = handedOver.includes('moneyDemand') || handedOver.includes('giftCard');
  const accountAtRisk = ctx.signs.includes('personalData') || ctx.signs.includes('smsLink');
  const verdict = verdictFor(ctx, rc, 'scam');
  // A victim asks "was it a scam?" first: the verdict says so (and that the real ones never ask) before what to do.
  const first = [
    handedOver.length > 0 ? (verdict ? `⚠️ ${verdict}` : m.itWasAScam) : '',
    ctx.signs.includes('smsLink') ? m.help.fakeSms : '',
    cardMayBeInvolved ? m.help.card : '',
    moneyGone ? m.help.keepEvidence : '',
    accountAtRisk ? m.help.password : '',
  ].filter(Boolean);
  const lines = m.help.lines({ lines: numbers.helpLines.map((h) => ({ name: h.name[rc.lang], dial: h.dial })) });
  const unknownWhat = handedOver.length === 0 && !ctx.signs.includes('smsLink');
  return m.states.gettingHelp({ first, lines, passwordToo: !accountAtRisk, unknownWhat, report: `${m.help.officialRoute(rc.knowledge.support.phone.hours)}${m.help.report({ where: scam.phishingReport[rc.lang] })}` });
}

/**
 * One line per link. The host is "defanged" (amazon[.]co[.]jp) so that LINE does not turn it back into a
 * tappable link. No verdict ever says "safe": even Amazon's own domain in a text can be a forged sender.
 */
function linkLine(link: LinkFinding, rc: RenderContext): string {
  const m = messagesFor(rc.lang).scam.link;
  const host = link.host.replaceAll('.', '[.]');
  if (link.verdict === 'amazon') return m.amazon({ host });
  if (link.verdict === 'other') return m.other({ host });
  return m.imitation({ host, reason: link.reason ?? 'lookalike' });
}
