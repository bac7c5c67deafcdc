/**
 * "Should I call back, or use the app?" — the decision table for a missed call from a delivery driver,
 * with what to do when the callback does not connect.
 */
import { assign, setup } from 'xstate';
import type { CallbackAdvice, CallbackSituation, CallQuestion } from './types.js';

export type CallbackDecisionEvent =
  // `at` (epoch ms) is when the user answered: a call-back at 1 a.m. reaches no driver.
  | { type: 'SITUATION_CHOSEN'; situation: CallbackSituation; at?: number }
  /** `repeated`: the user says they tried several times already. */
  | { type: 'CALLBACK_FAILED'; at?: number; repeated?: boolean }
  | { type: 'SHOW_REDELIVERY' }
  /** "Should I call back? / I missed it, is that OK?" with no situation given: the general answer, at this hour. */
  | { type: 'ASK_WHETHER_TO_CALL_BACK'; at?: number; asked?: CallQuestion }
  | { type: 'WILL_CALL_BACK'; at?: number };

export interface CallbackDecisionContext {
  situation: CallbackSituation | null;
  failedAttempts: number;
  /** When the user chose, for the advice to say whether drivers are still out; 0 when not known. */
  at: number;
  /** How the user asked, so the answer's first words answer that: "出て大丈夫", "出なくても大丈夫". */
  asked: CallQuestion;
}

export interface CallbackPolicy {
  adviceFor: Record<CallbackSituation, CallbackAdvice>;
  /** Unanswered callbacks after which the user should stop redialling and switch to the app. */
  retryBeforeSwitching: number;
}

export function createCallbackDecisionMachine(policy: CallbackPolicy) {
  return setup({
    types: {
      context: {} as CallbackDecisionContext,
      events: {} as CallbackDecisionEvent,
    },
    actions: {
      rememberSituation: assign({
        situation: ({ event }) => (event.type === 'SITUATION_CHOSEN' ? event.situation : null),
        failedAttempts: 0,
      }),
      rememberTime: assign({ at: ({ event, context }) => ('at' in event && event.at !== undefined ? event.at : context.at) }),
      countFailedCallback: assign({
        failedAttempts: ({ context, event }) => context.failedAttempts + (event.type === 'CALLBACK_FAILED' && event.repeated ? policy.retryBeforeSwitching : 1),
      }),
      rememberQuestion: assign({ asked: ({ event }) => (event.type === 'ASK_WHETHER_TO_CALL_BACK' ? (event.asked ?? 'callBack') : 'callBack') }),
    },
    guards: {
      shouldCallBack: ({ context }) => context.situation !== null && policy.adviceFor[context.situation] === 'callBack',
      hasTriedEnough: ({ context }) => context.failedAttempts >= policy.retryBeforeSwitching,
    },
  }).createMachine({
    id: 'callbackDecision',
    context: { situation: null, failedAttempts: 0, at: 0, asked: 'callBack' },
    initial: 'askingSituation',
    on: {
      SITUATION_CHOSEN: { target: '.deciding', actions: ['rememberSituation', 'rememberTime'] },
      // A user may report a failed callback or ask for the redelivery route without going through the table.
      CALLBACK_FAILED: { target: '.checkingAttempts', actions: ['countFailedCallback', 'rememberTime'] },
      SHOW_REDELIVERY: '.redeliveryRoute',
      ASK_WHETHER_TO_CALL_BACK: { target: '.askingSituation', actions: ['rememberTime', 'rememberQuestion'] },
      // The user has made up their mind ("じゃあ折り返す"): no table, just how to make the call count.
      WILL_CALL_BACK: { target: '.callingBack', actions: 'rememberTime' },
    },
    states: {
      askingSituation: {},
      deciding: {
        always: [{ guard: 'shouldCallBack', target: 'adviseCallBack' }, { target: 'adviseApp' }],
      },
      adviseCallBack: {},
      callingBack: {},
      checkingAttempts: {
        always: [{ guard: 'hasTriedEnough', target: 'switchToApp' }, { target: 'tryAgainLater' }],
      },
      tryAgainLater: {},
      adviseApp: {},
      switchToApp: {},
      redeliveryRoute: {},
    },
  });
}
