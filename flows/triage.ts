/**
 * The front desk: knows which decision tree the user is in (or that they are at the menu or an FAQ answer)
 * and routes between them. The trees themselves live in their own machines.
 */
import { assign, setup } from 'xstate';
import type { FaqTopic, FlowId } from './types.js';

export type TriageEvent =
  | { type: 'MENU_REQUESTED' }
  | { type: 'CONVERSATION_RESET' }
  | { type: 'FLOW_OPENED'; flow: FlowId }
  | { type: 'FAQ_ASKED'; topic: FaqTopic };

export interface TriageContext {
  faqTopic: FaqTopic | null;
}

export const triageMachine = setup({
  types: {
    context: {} as TriageContext,
    events: {} as TriageEvent,
  },
  actions: {
    rememberFaqTopic: assign({ faqTopic: ({ event }) => (event.type === 'FAQ_ASKED' ? event.topic : null) }),
    forgetFaqTopic: assign({ faqTopic: null }),
  },
  guards: {
    opensFlow: ({ event }, params: { flow: FlowId }) => event.type === 'FLOW_OPENED' && event.flow === params.flow,
  },
}).createMachine({
  id: 'triage',
  context: { faqTopic: null },
  initial: 'menu',
  on: {
    MENU_REQUESTED: { target: '.menu', actions: 'forgetFaqTopic' },
    CONVERSATION_RESET: { target: '.menu', actions: 'forgetFaqTopic' },
    FAQ_ASKED: { target: '.faq', actions: 'rememberFaqTopic' },
    FLOW_OPENED: [
      { guard: { type: 'opensFlow', params: { flow: 'callerIdentification' } }, target: '.callerIdentification', actions: 'forgetFaqTopic' },
      { guard: { type: 'opensFlow', params: { flow: 'callbackDecision' } }, target: '.callbackDecision', actions: 'forgetFaqTopic' },
      { guard: { type: 'opensFlow', params: { flow: 'scamCheck' } }, target: '.scamCheck', actions: 'forgetFaqTopic' },
      { guard: { type: 'opensFlow', params: { flow: 'supportChannel' } }, target: '.supportChannel', actions: 'forgetFaqTopic' },
      { guard: { type: 'opensFlow', params: { flow: 'prepareCall' } }, target: '.prepareCall', actions: 'forgetFaqTopic' },
    ],
  },
  states: {
    menu: {},
    faq: {},
    callerIdentification: {},
    callbackDecision: {},
    scamCheck: {},
    supportChannel: {},
    prepareCall: {},
  },
});
