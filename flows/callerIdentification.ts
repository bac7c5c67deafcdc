/**
 * "Who called me?" — decides what the bot can honestly say about the numbers a user sent.
 * Only numbers found in the vetted data get a name; everything else is described by its kind.
 */
import { assign, setup } from 'xstate';
import type { CallReason, IdentifiedNumber } from './types.js';

export type CallerIdentificationEvent =
  /** `at`: when the user asked (epoch ms), so the answer can say whether drivers are still out. */
  | { type: 'NUMBERS_GIVEN'; numbers: IdentifiedNumber[]; at?: number }
  /** `reason`: the one the user named, which the answer leads with. */
  | { type: 'ASK_CALL_REASONS'; reason?: CallReason }
  /** Digits that look like a phone number but are not one (a digit missing or extra). */
  | { type: 'NUMBER_NOT_READ' };

export interface CallerIdentificationContext {
  numbers: IdentifiedNumber[];
  /** When the numbers were sent, epoch ms; 0 when not known. */
  at: number;
  reason: CallReason | null;
}

/** A message may hold several numbers; a handful is plenty to answer about and keeps stored state small. */
export const MAX_NUMBERS_PER_MESSAGE = 3;

const hasRole = (numbers: IdentifiedNumber[], role: IdentifiedNumber['role']) => numbers.some((n) => n.role === role);

export const callerIdentificationMachine = setup({
  types: {
    context: {} as CallerIdentificationContext,
    events: {} as CallerIdentificationEvent,
  },
  actions: {
    rememberReason: assign({ reason: ({ event }) => (event.type === 'ASK_CALL_REASONS' ? (event.reason ?? null) : null) }),
    rememberNumbers: assign({
      numbers: ({ event }) =>
        event.type === 'NUMBERS_GIVEN' ? event.numbers.slice(0, MAX_NUMBERS_PER_MESSAGE) : [],
      at: ({ event }) => (event.type === 'NUMBERS_GIVEN' ? (event.at ?? 0) : 0),
    }),
  },
  guards: {
    // The order of these checks is the priority of the answer: a known driver call matters most to the user.
    isDeliveryDriver: ({ context }) => hasRole(context.numbers, 'deliveryDriver'),
    isOfficialSupport: ({ context }) => hasRole(context.numbers, 'officialSupport'),
    isOfficialSmsSender: ({ context }) => hasRole(context.numbers, 'smsSender'),
    isInternational: ({ context }) => context.numbers.some((n) => n.kind === 'international'),
  },
}).createMachine({
  id: 'callerIdentification',
  context: { numbers: [], at: 0, reason: null },
  initial: 'awaitingNumber',
  on: {
    NUMBERS_GIVEN: { target: '.identifying', actions: 'rememberNumbers' },
    ASK_CALL_REASONS: { target: '.callReasons', actions: 'rememberReason' },
    NUMBER_NOT_READ: '.numberNotRead',
  },
  states: {
    awaitingNumber: {},
    numberNotRead: {},
    identifying: {
      always: [
        { guard: 'isDeliveryDriver', target: 'deliveryDriver' },
        { guard: 'isOfficialSupport', target: 'officialSupport' },
        { guard: 'isOfficialSmsSender', target: 'officialSmsSender' },
        { guard: 'isInternational', target: 'internationalNumber' },
        { target: 'unknownNumber' },
      ],
    },
    deliveryDriver: {},
    callReasons: {},
    officialSupport: {},
    officialSmsSender: {},
    internationalNumber: {},
    unknownNumber: {},
  },
});
