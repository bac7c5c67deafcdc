/**
 * "Is this a scam?" — weighs what the caller asked for and says plainly whether it is fraud,
 * how to verify in the app, and where to get help once harm is done.
 */
import { assign, setup } from 'xstate';
import type { LinkFinding, ScamSeverity, ScamSignId } from './types.js';

export type ScamCheckEvent =
  /** `onCall`: the user is still on the line with them, so hanging up comes before anything else. */
  | { type: 'SIGNS_REPORTED'; signs: ScamSignId[]; onCall?: boolean }
  | { type: 'NOTHING_ODD' }
  | { type: 'SHOW_ORDER_CHECK' }
  /** `signs`: what the message said was asked for, so the help fits what was handed over. */
  | { type: 'ALREADY_HARMED'; signs?: ScamSignId[]; onCall?: boolean }
  | { type: 'LINKS_REPORTED'; links: LinkFinding[] };

export interface ScamCheckContext {
  signs: ScamSignId[];
  links: LinkFinding[];
  onCall: boolean;
}

/** A pasted message rarely holds more links than this; more would only bloat the stored state. */
export const MAX_LINKS_PER_MESSAGE = 3;

export function createScamCheckMachine(severityOf: Record<ScamSignId, ScamSeverity>) {
  const anyOf = (signs: ScamSignId[], severity: ScamSeverity) => signs.some((s) => severityOf[s] === severity);
  return setup({
    types: {
      context: {} as ScamCheckContext,
      events: {} as ScamCheckEvent,
    },
    actions: {
      addSigns: assign({
        signs: ({ context, event }) =>
          event.type === 'SIGNS_REPORTED' || event.type === 'ALREADY_HARMED'
            ? [...new Set([...context.signs, ...(event.signs ?? [])])]
            : context.signs,
      }),
      rememberCall: assign({
        onCall: ({ event }) => (event.type === 'SIGNS_REPORTED' || event.type === 'ALREADY_HARMED') && event.onCall === true,
      }),
      rememberLinks: assign({
        links: ({ event }) => (event.type === 'LINKS_REPORTED' ? event.links.slice(0, MAX_LINKS_PER_MESSAGE) : []),
      }),
    },
    guards: {
      hasScamSign: ({ context }) => anyOf(context.signs, 'scam'),
      hasCautionSign: ({ context }) => anyOf(context.signs, 'caution'),
    },
  }).createMachine({
    id: 'scamCheck',
    context: { signs: [], links: [], onCall: false },
    initial: 'askingWhatHappened',
    on: {
      SIGNS_REPORTED: { target: '.assessing', actions: ['addSigns', 'rememberCall'] },
      SHOW_ORDER_CHECK: '.verifyingInApp',
      NOTHING_ODD: '.verifyingInApp',
      ALREADY_HARMED: { target: '.gettingHelp', actions: ['addSigns', 'rememberCall'] },
      LINKS_REPORTED: { target: '.linkWarning', actions: 'rememberLinks' },
    },
    states: {
      askingWhatHappened: {},
      assessing: {
        always: [
          { guard: 'hasScamSign', target: 'scamConfirmed' },
          { guard: 'hasCautionSign', target: 'suspicious' },
          { target: 'verifyingInApp' },
        ],
      },
      scamConfirmed: {},
      suspicious: {},
      verifyingInApp: {},
      gettingHelp: {},
      linkWarning: {},
    },
  });
}
