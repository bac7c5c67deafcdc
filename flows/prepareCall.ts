/**
 * "What do I prepare before calling?" — the list every call needs comes at once (the user asked for it);
 * a topic refines it, then how to explain the problem.
 */
import { assign, setup } from 'xstate';
import type { PrepTopic } from './types.js';

export type PrepareCallEvent = { type: 'TOPIC_CHOSEN'; topic: PrepTopic } | { type: 'SHOW_EXPLAIN_TIPS' };

export interface PrepareCallContext {
  topic: PrepTopic | null;
}

export const prepareCallMachine = setup({
  types: {
    context: {} as PrepareCallContext,
    events: {} as PrepareCallEvent,
  },
  actions: {
    rememberTopic: assign({ topic: ({ event }) => (event.type === 'TOPIC_CHOSEN' ? event.topic : null) }),
  },
}).createMachine({
  id: 'prepareCall',
  context: { topic: null },
  initial: 'commonChecklist',
  on: {
    TOPIC_CHOSEN: { target: '.checklist', actions: 'rememberTopic' },
    SHOW_EXPLAIN_TIPS: '.explainTips',
  },
  states: {
    commonChecklist: {},
    checklist: {},
    explainTips: {},
  },
});
