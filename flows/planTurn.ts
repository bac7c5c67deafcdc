/**
 * Which machines step for one message, in the order their answers should be read. A message can carry a
 * number, a pasted SMS and a question at once; each gets its own step, and the renderer joins the views.
 * Pure: the reading comes in, intents go out.
 */
import type { Intent } from './conversation.js';
import type { Reading, Topic } from './types.js';

/** Beyond three answers in one reply the important one gets lost. */
const MAX_STEPS = 3;

export function planTurn(r: Reading, at: number): Intent[] {
  if (r.topic === 'reset') return [{ type: 'reset' }];
  if (r.topic === 'menu') return [{ type: 'menu' }];

  const plan: Intent[] = [];
  if (r.numbers.length > 0) {
    plan.push({ type: 'flow', flow: 'callerIdentification', event: { type: 'NUMBERS_GIVEN', numbers: r.numbers, at } });
  }
  // Harm already done outranks everything else the message says: where to get help, now.
  if (r.harmDone) return [...plan, { type: 'flow', flow: 'scamCheck', event: { type: 'ALREADY_HARMED', signs: r.signs, onCall: r.onCall } }];
  if (r.signs.length > 0) plan.push({ type: 'flow', flow: 'scamCheck', event: { type: 'SIGNS_REPORTED', signs: r.signs, onCall: r.onCall } });
  if (r.links.length > 0) plan.push({ type: 'flow', flow: 'scamCheck', event: { type: 'LINKS_REPORTED', links: r.links } });

  const answer = answerFor(r, at, plan.length > 0);
  if (answer) plan.push(answer);
  if (plan.length === 0) {
    return [r.topic === 'smallTalk' ? { type: 'smallTalk', greeting: r.followUp === 'hello' } : { type: 'unrecognized', cause: 'text', suggestions: r.alternatives }];
  }
  return plan.slice(0, MAX_STEPS);
}

/** The step that answers the question itself; null when what came before already answers it. */
function answerFor(r: Reading, at: number, answeredSomething: boolean): Intent | null {
  const driverCalled = r.numbers.some((n) => n.role === 'deliveryDriver');
  const faq = (topic: 'unorderedParcel' | 'oddHours' | 'silentCall' | 'saveContact'): Intent => ({ type: 'faq', topic });
  const topic: Topic = r.topic;
  switch (topic) {
    case 'whoCalled':
      if (r.numbers.length > 0) return null;
      return r.unreadNumber
        ? { type: 'flow', flow: 'callerIdentification', event: { type: 'NUMBER_NOT_READ' } }
        : { type: 'flow', flow: 'callerIdentification' };
    case 'callReasons':
      return { type: 'flow', flow: 'callerIdentification', event: { type: 'ASK_CALL_REASONS' } };
    case 'shouldCallBack':
      if (r.situation) return { type: 'flow', flow: 'callbackDecision', event: { type: 'SITUATION_CHOSEN', situation: r.situation, at } };
      // "出なかったけど大丈夫?" with the driver's number: the answer to that leads, whose number it is follows in a line.
      if (r.numbers.length > 0 && !driverCalled) return null;
      return { type: 'flow', flow: 'callbackDecision', event: { type: 'ASK_WHETHER_TO_CALL_BACK', at } };
    case 'callbackFailed':
      // Amazon's own support line not answering is a support question: hours, chat and the callback request.
      if (r.numbers.some((n) => n.role === 'officialSupport')) return { type: 'flow', flow: 'supportChannel', event: { type: 'SHOW_CALLBACK_STEPS' } };
      return { type: 'flow', flow: 'callbackDecision', event: { type: 'CALLBACK_FAILED', at } };
    case 'redelivery':
      return { type: 'flow', flow: 'callbackDecision', event: { type: 'SHOW_REDELIVERY' } };
    case 'scamCheck':
    case 'linkCheck':
      if (answeredSomething && (r.signs.length > 0 || r.links.length > 0)) return null;
      if (r.numbers.length > 0) return { type: 'flow', flow: 'scamCheck', event: { type: 'SHOW_ORDER_CHECK' } };
      return topic === 'linkCheck'
        ? { type: 'flow', flow: 'scamCheck', event: { type: 'SIGNS_REPORTED', signs: ['smsLink'] } }
        : { type: 'flow', flow: 'scamCheck' };
    case 'orderCheck':
      // The in-app check belongs to the scam tree: it is also how a call or an SMS is verified. A link warning
      // already walks through it.
      if (r.links.length > 0) return null;
      return { type: 'flow', flow: 'scamCheck', event: { type: 'SHOW_ORDER_CHECK' } };
    case 'blockNumber':
      return faq('saveContact');
    case 'silentCall':
    case 'oddHours':
    case 'unorderedParcel':
      return faq(topic);
    case 'supportContact':
      return r.need
        ? { type: 'flow', flow: 'supportChannel', event: { type: 'NEED_CHOSEN', need: r.need, at } }
        : { type: 'flow', flow: 'supportChannel', fromStart: true };
    case 'supportPhone':
      return { type: 'flow', flow: 'supportChannel', event: { type: 'SHOW_CALLBACK_STEPS' } };
    case 'supportHours':
      return { type: 'flow', flow: 'supportChannel', event: { type: 'ASK_HOURS', at } };
    case 'fakeSupportNumber':
      // "Is 0120-999-373 real?": the caller answer says it is Amazon's; a list of fake-number signs beside it reads as "no".
      if (r.numbers.length > 0 && r.numbers.every((n) => n.role === 'officialSupport')) return null;
      return { type: 'flow', flow: 'supportChannel', event: { type: 'ASK_FAKE_NUMBER' } };
    case 'prepareCall':
      return r.prepTopic
        ? { type: 'flow', flow: 'prepareCall', event: { type: 'TOPIC_CHOSEN', topic: r.prepTopic } }
        : { type: 'flow', flow: 'prepareCall', fromStart: true };
    case 'explainTips':
      return { type: 'flow', flow: 'prepareCall', event: { type: 'SHOW_EXPLAIN_TIPS' } };
    case 'smallTalk':
    case 'none':
    case 'menu':
    case 'reset':
      return null;
    default:
      return topic satisfies never;
  }
}
