/**
 * Which machines step for one message, in the order their answers should be read. A message can carry a
 * number, a pasted SMS and a question at once; each gets its own step, and the renderer joins the views.
 * Pure: the reading comes in, intents go out.
 */
import type { Intent } from './conversation.js';
import type { Reading, Topic, VettedRole } from './types.js';

/** Questions a named reason for the call answers better than their own answer would. */
const REASON_TOPICS: ReadonlySet<Topic> = new Set(['whoCalled', 'callReasons', 'scamCheck', 'unorderedParcel', 'oddHours', 'none']);

const ABOUT_THE_CALL: ReadonlySet<Topic> = new Set(['whoCalled', 'callReasons', 'shouldCallBack', 'oddHours', 'scamCheck']);
const only = (r: Reading, role: VettedRole) => r.numbers.length > 0 && r.numbers.every((n) => n.role === role);

/**
 * Doubt alone about a vetted number is answered by the caller answer, which knows the hour and says that
 * caller ID can be faked: "0120-070-585 before 8am, is this a real driver?", a text from one of Amazon's own
 * SMS senders ("これアマゾン?"). A scam warning beside it would contradict document 000.
 */
function answeredByTheCaller(r: Reading): boolean {
  if (r.links.length > 0) return false;
  if (only(r, 'smsSender')) return r.signs.every((s) => s === 'smsLink' || s === 'spoofedNumber');
  return only(r, 'deliveryDriver') && ABOUT_THE_CALL.has(r.topic) && r.signs.every((s) => s === 'spoofedNumber' || s === 'oddHours');
}

/** Beyond three answers in one reply the important one gets lost. */
const MAX_STEPS = 3;

export function planTurn(r: Reading, at: number): Intent[] {
  if (r.topic === 'reset') return [{ type: 'reset' }];
  if (r.topic === 'menu') return [{ type: 'menu' }];

  const plan: Intent[] = [];
  if (r.numbers.length > 0) {
    plan.push({ type: 'flow', flow: 'callerIdentification', event: { type: 'NUMBERS_GIVEN', numbers: r.numbers, at } });
  }
  // "住所を聞かれて答えちゃった、まずい?" to a driver, or "0120-070-585に住所言うてもうた": reason 2 of
  // document 000, a legitimate call, not harm. (Anyone who only claimed to be a driver left a scam sign.)
  if (r.harmDone && r.signs.length === 0 && r.reason === 'address' && (r.driverAsked || r.numbers.some((n) => n.role === 'deliveryDriver'))) {
    return [...plan, { type: 'flow', flow: 'callerIdentification', event: { type: 'ASK_CALL_REASONS', reason: 'address' } }];
  }
  // Harm already done outranks everything else the message says: where to get help, now.
  if (r.harmDone) return [...plan, { type: 'flow', flow: 'scamCheck', event: { type: 'ALREADY_HARMED', signs: r.signs, onCall: r.onCall } }];
  if (r.note) return [...plan, { type: 'note', note: r.note }];
  if (r.signs.length > 0 && !answeredByTheCaller(r)) plan.push({ type: 'flow', flow: 'scamCheck', event: { type: 'SIGNS_REPORTED', signs: r.signs, onCall: r.onCall } });
  if (r.links.length > 0) plan.push({ type: 'flow', flow: 'scamCheck', event: { type: 'LINKS_REPORTED', links: r.links } });

  // A reason the message names ("オートロックだから電話きた?", "置いていいかって電話、本物?") is the driver's
  // call explained: that reason leads, whatever else the classifier heard.
  if (r.reason && !r.unreadNumber && r.signs.length === 0 && r.links.length === 0 && (REASON_TOPICS.has(r.topic) || r.driverAsked)) {
    return [...plan, { type: 'flow', flow: 'callerIdentification', event: { type: 'ASK_CALL_REASONS', reason: r.reason } }];
  }
  // Still on the line with someone who asks for data: the warning leads; any other question waits.
  if (r.onCall && r.signs.length > 0) return plan;
  // Still on the line and nothing odd yet: how to check while talking, and when to hang up.
  if (r.onCall && r.links.length === 0) return [...plan, { type: 'note', note: 'whileOnCall' }];
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
      return { type: 'flow', flow: 'callerIdentification', event: { type: 'ASK_CALL_REASONS', ...(r.reason ? { reason: r.reason } : {}) } };
    case 'shouldCallBack':
      if (r.situation) return { type: 'flow', flow: 'callbackDecision', event: { type: 'SITUATION_CHOSEN', situation: r.situation, at } };
      // "出なかったけど大丈夫?" with the driver's number: the answer to that leads, whose number it is follows in a line.
      if (r.numbers.length > 0 && !driverCalled) return null;
      return { type: 'flow', flow: 'callbackDecision', event: { type: 'ASK_WHETHER_TO_CALL_BACK', at, asked: r.callQuestion ?? 'callBack' } };
    case 'callbackFailed':
      // Amazon's own support line not answering is a support question: hours, chat and the callback request.
      if (r.numbers.some((n) => n.role === 'officialSupport')) return { type: 'flow', flow: 'supportChannel', event: { type: 'SHOW_CALLBACK_STEPS' } };
      return { type: 'flow', flow: 'callbackDecision', event: { type: 'CALLBACK_FAILED', at, ...(r.manyTries ? { repeated: true } : {}) } };
    case 'redelivery':
      // "出られなかった、今日中に欲しい": calling the driver back beats booking a redelivery. "出れなかった、大丈夫?":
      // that question is answered first, and it says how redelivery works.
      if (r.situation === 'wantsToday' || r.situation === 'addressWorry') return { type: 'flow', flow: 'callbackDecision', event: { type: 'SITUATION_CHOSEN', situation: r.situation, at } };
      if (r.callQuestion === 'missed') return { type: 'flow', flow: 'callbackDecision', event: { type: 'ASK_WHETHER_TO_CALL_BACK', at, asked: 'missed' } };
      return { type: 'flow', flow: 'callbackDecision', event: { type: 'SHOW_REDELIVERY' } };
    case 'scamCheck':
    case 'linkCheck':
      if (answeredSomething && (r.signs.length > 0 || r.links.length > 0)) return null;
      // "0120-070-585って詐欺?": the caller answer says it normally is not, and how to check; it leads.
      if ((driverCalled && r.signs.length === 0 && r.links.length === 0) || (answeredByTheCaller(r) && r.numbers.length > 0)) return null;
      if (r.numbers.length > 0) return { type: 'flow', flow: 'scamCheck', event: { type: 'SHOW_ORDER_CHECK' } };
      // "朝の7時50分に配達の番号から。こんな時間って詐欺?": whether a call at that hour can be a driver's.
      if (topic === 'scamCheck' && r.signs.length === 0 && r.askedTime?.hourNamed) return { type: 'faq', topic: 'oddHours', at: r.askedTime.at };
      return topic === 'linkCheck'
        ? { type: 'flow', flow: 'scamCheck', event: { type: 'SIGNS_REPORTED', signs: ['smsLink'] } }
        : { type: 'flow', flow: 'scamCheck' };
    case 'orderCheck':
      if (answeredByTheCaller(r) && r.numbers.length > 0) return null;
      // The in-app check belongs to the scam tree: it is also how a call or an SMS is verified. A link warning
      // already walks through it.
      if (r.links.length > 0) return null;
      return { type: 'flow', flow: 'scamCheck', event: { type: 'SHOW_ORDER_CHECK' } };
    case 'blockNumber':
      return faq('saveContact');
    case 'oddHours':
      // "朝の7時50分に…" or a call just now: in or near the drivers' hours the answer is "that happens", not "a
      // wrong number". "夜中の2時半に…" carries the night sign: the call was in the night, whatever hour the
      // reading made of it (it can read 夜中 as 20:00 and 2時半 as 14:00), so the answer is the night's.
      if (r.signs.includes('oddHours')) return { type: 'faq', topic };
      return { type: 'faq', topic, at: r.askedTime?.at ?? at };
    case 'silentCall':
    case 'unorderedParcel':
      return faq(topic);
    case 'supportContact':
      return r.need
        ? { type: 'flow', flow: 'supportChannel', event: { type: 'NEED_CHOSEN', need: r.need, at } }
        : { type: 'flow', flow: 'supportChannel', fromStart: true };
    case 'supportPhone':
      // "元日って電話できる?": the New Year hours are the answer, not the callback steps.
      if (r.newYear) return { type: 'flow', flow: 'supportChannel', event: { type: 'ASK_HOURS', at: r.askedTime?.at ?? at, newYear: true } };
      // "プライムのカスタマーセンターの番号": Prime, Business and devices have routes of their own.
      if (r.need === 'prime' || r.need === 'business' || r.need === 'device') return { type: 'flow', flow: 'supportChannel', event: { type: 'NEED_CHOSEN', need: r.need, at } };
      return { type: 'flow', flow: 'supportChannel', event: { type: 'SHOW_CALLBACK_STEPS' } };
    case 'supportHours':
      // "夜中だけどチャットは使える?": the chat answers it, with the phone hours in it.
      if (r.need === 'chat') return { type: 'flow', flow: 'supportChannel', event: { type: 'NEED_CHOSEN', need: 'chat', at } };
      // "18時ごろは?", "土曜の朝なら?": the hours at that moment, said as that moment.
      return { type: 'flow', flow: 'supportChannel', event: { type: 'ASK_HOURS', at: r.askedTime?.at ?? at, ...(r.askedTime ? { later: true } : {}), ...(r.newYear ? { newYear: true } : {}) } };
    case 'fakeSupportNumber':
      // "Is 0120-999-373 real?", "the SMS came from 090-9009-7540, so it is safe?": the caller answer says whose
      // it is and that a sender can be faked; a list of fake-number signs beside it reads as "no".
      if (r.numbers.length > 0 && (r.numbers.every((n) => n.role === 'officialSupport') || answeredByTheCaller(r))) return null;
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
