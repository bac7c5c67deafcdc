import type { CallbackDecisionContext } from '../../flows/callbackDecision.js';
import type { CallbackDecisionState } from '../../flows/conversation.js';
import { deliveryWindowAt } from '../../flows/japanTime.js';
import type { ActionCode } from '../buttons/actionCodes.js';
import { dialsOf, draft, messagesFor, type Draft, type RenderContext } from './draft.js';

/** What the user says when calling a driver back (document 000's script, in the bot's words). */
export const SCRIPT = { ja: 'さきほどお電話をいただいた〇〇です', en: 'this is [your name], you just called me' } as const;
/** States whose advice is to phone the driver: the hour decides whether that can work. */
const PHONING: ReadonlySet<CallbackDecisionState> = new Set(['askingSituation', 'adviseCallBack', 'callingBack', 'tryAgainLater']);

export function renderCallbackDecision(state: CallbackDecisionState, ctx: CallbackDecisionContext, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).callback;
  const { delivery } = rc.knowledge;
  const advice = delivery.callbackAdvice.find((row) => row.situation === ctx.situation);
  const why = advice?.why[rc.lang] ?? '';
  const lead = advice?.lead[rc.lang] ?? '';
  const hours = delivery.deliveryHours;
  // Calling a driver back only helps while drivers are out; near 8:00 or 21:00 it may still work, at 1 a.m. it will not.
  const window = PHONING.has(state) ? deliveryWindowAt(ctx.at, hours) : 'within';
  if (window === 'night') {
    const addressWhy = ctx.situation === 'addressWorry' ? lead : undefined;
    const part = { headline: m.night({ ...hours }).split('\n')[0]!, body: m.night({ ...hours, addressWhy }) };
    return draft(['callback:redelivery', 'scam:orders', 'menu'], part);
  }
  const withEdge = (options: ActionCode[], part: { headline: string; body: string }) =>
    draft(options, window === 'edge' ? { ...part, body: `${part.body}\n${m.edge(hours)}` } : part);
  const notConnecting = delivery.notConnecting[rc.lang];
  switch (state) {
    case 'askingSituation':
      return withEdge(
        ['callback:situation:wantsToday', 'callback:situation:addressWorry', 'callback:situation:busy', 'callback:situation:dislikesPhone', 'callback:failed', 'menu'],
        m.states.askingSituation({ asked: ctx.asked, dial: dialsOf(rc.knowledge).driver, hours }),
      );
    case 'adviseCallBack':
      return withEdge(['callback:failed', 'scam:orders', 'menu'], m.states.adviseCallBack({ lead, why, script: SCRIPT[rc.lang] }));
    case 'callingBack':
      return withEdge(['callback:failed', 'callback:redelivery', 'menu'], m.states.callingBack({ script: SCRIPT[rc.lang] }));
    case 'tryAgainLater':
      return withEdge(['callback:failed', 'callback:redelivery', 'menu'], m.states.tryAgainLater({ why: notConnecting }));
    case 'adviseApp':
      return draft(['callback:redelivery', 'scam:orders', 'support:ask', 'menu'], m.states.adviseApp({ lead, why }));
    case 'switchToApp':
      return draft(['callback:redelivery', 'support:ask', 'menu'], m.states.switchToApp({ why: notConnecting }));
    case 'redeliveryRoute':
      return draft(['support:ask', 'scam:orders', 'menu'], m.states.redeliveryRoute({ steps: delivery.redeliverySteps[rc.lang] }));
    default:
      return state satisfies never;
  }
}
