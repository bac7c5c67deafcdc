/**
 * "Which support channel, and when?" — picks phone callback, chat, email or self-service help from
 * what the user needs and the Japan time of the question, and covers the special routes and fake numbers.
 * The instant comes in with each event (`at`, epoch ms), so the machine never reads a clock.
 */
import { assign, setup } from 'xstate';
import type { SupportHours } from '../data/schema.js';
import { phoneStatusAt } from './japanTime.js';
import type { SupportNeed } from './types.js';

export type SupportChannelEvent =
  | { type: 'NEED_CHOSEN'; need: SupportNeed; at: number }
  /** `newYear`: asked about the New Year holidays, when the hours may differ. */
  | { type: 'ASK_HOURS'; at: number; newYear?: boolean; later?: boolean }
  | { type: 'SHOW_CALLBACK_STEPS' }
  | { type: 'ASK_FAKE_NUMBER' };

export interface SupportChannelContext {
  need: SupportNeed | null;
  /** When the user asked, epoch ms; the renderer derives the crowd level from it. */
  at: number;
  newYear: boolean;
  /** `at` is the moment the user asked about, not the moment they asked. */
  later: boolean;
}

const SPECIAL_NEEDS: ReadonlySet<SupportNeed> = new Set(['prime', 'business', 'device']);

export function createSupportChannelMachine(support: SupportHours) {
  return setup({
    types: {
      context: {} as SupportChannelContext,
      events: {} as SupportChannelEvent,
    },
    actions: {
      rememberNeed: assign(({ event }) => (event.type === 'NEED_CHOSEN' ? { need: event.need, at: event.at } : {})),
      rememberTime: assign(({ event }) => (event.type === 'ASK_HOURS' ? { at: event.at, newYear: event.newYear === true, later: event.later === true } : {})),
    },
    guards: {
      isSpecialRoute: ({ context }) => context.need !== null && SPECIAL_NEEDS.has(context.need),
      isUrgentWhilePhoneOpen: ({ context }) =>
        context.need === 'urgent' && phoneStatusAt(context.at, support).open,
      isUrgent: ({ context }) => context.need === 'urgent',
      isDetailed: ({ context }) => context.need === 'detailed',
      wantsChat: ({ context }) => context.need === 'chat',
    },
  }).createMachine({
    id: 'supportChannel',
    context: { need: null, at: 0, newYear: false, later: false },
    initial: 'choosingNeed',
    on: {
      NEED_CHOSEN: { target: '.routing', actions: 'rememberNeed' },
      ASK_HOURS: { target: '.phoneHoursNow', actions: 'rememberTime' },
      SHOW_CALLBACK_STEPS: '.callbackSteps',
      ASK_FAKE_NUMBER: '.fakeNumberSigns',
    },
    states: {
      choosingNeed: {},
      routing: {
        always: [
          { guard: 'isSpecialRoute', target: 'specialRoute' },
          { guard: 'wantsChat', target: 'recommendChat' },
          { guard: 'isUrgentWhilePhoneOpen', target: 'recommendPhone' },
          { guard: 'isUrgent', target: 'recommendChat' },
          { guard: 'isDetailed', target: 'recommendEmail' },
          { target: 'recommendSelfService' },
        ],
      },
      recommendPhone: {},
      recommendChat: {},
      recommendEmail: {},
      recommendSelfService: {},
      specialRoute: {},
      phoneHoursNow: {},
      callbackSteps: {},
      fakeNumberSigns: {},
    },
  });
}
