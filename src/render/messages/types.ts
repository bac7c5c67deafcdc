/**
 * The shape of a message catalog: every sentence the bot says, per view and state, with named placeholders.
 * Each language's catalog `satisfies Messages`, so a missing key or a renamed state is a compile error.
 * Renderers keep the conditions (which sentence, which facts); the words live here.
 */
import type { CallbackDecisionState, CallerIdentificationState, PrepareCallState, ScamCheckState, SupportChannelState } from '../../../flows/conversation.js';
import type { UnrecognizedCause } from '../../../flows/conversation.js';
import type { ImitationReason, NumberKind } from '../../../flows/types.js';

type Say<P = void> = [P] extends [void] ? () => string : (p: P) => string;
/** A view's part of a reply: `headline` is its one sentence when another view answers the question. */
export interface Part {
  headline: string;
  body: string;
}
type Answer<P = void> = [P] extends [void] ? () => Part : (p: P) => Part;
/** The keys of T must be exactly the states S: a state added to or renamed in a machine breaks the catalog's type. */
type ForStates<T, S extends string> = [Exclude<keyof T, S>, Exclude<S, keyof T>] extends [never, never] ? T : never;
type Hours = { from: number; to: number };

/** Where the drivers' 8–21 window stands: inside it, just outside it (calls still happen), or the night. */
export type DeliveryWindow = 'within' | 'edge' | 'night';

export interface Messages {
  /** One line for desktop LINE, which shows no quick replies: typing a button's label picks it. */
  typeToChoose: Say<{ labels: string[] }>;
  list: { bullets: Say<{ items: readonly string[] }>; numbered: Say<{ items: readonly string[] }> };
  caller: {
    known: Say<{ dial: string; owner: string; note: string; tollFree: boolean }>;
    unvetted: Say<{ display: string; kind: string }>;
    kinds: Record<Exclude<NumberKind, 'fixedLine' | 'international'>, string> & {
      fixedLine: Say<{ prefix?: string; area?: string }>;
      international: Say<{ country: string }>;
    };
    /** The drivers' number next to a scam warning: whose it is, and that caller ID proves nothing. */
    besideScamWarning: Say<{ dial: string; owner: string }>;
    deliveryWindow: Record<Exclude<DeliveryWindow, 'within'>, Say<Hours>>;
    states: ForStates<{
      deliveryDriver: Answer<{ dial: string; window: DeliveryWindow; hours: Hours }>;
      callReasons: Answer<{ dial: string; reasons: string[]; numberKnown: boolean; otherCarriers: string }>;
      officialSupport: Answer<{ identity: string }>;
      officialSmsSender: Answer<{ identity: string }>;
      internationalNumber: Answer<{ identity: string }>;
      unknownNumber: Answer<{ identity: string }>;
      numberNotRead: Answer;
      awaitingNumber: Answer;
    }, CallerIdentificationState>;
  };
  callback: {
    night: Say<Hours & { addressWhy?: string }>;
    edge: Say<Hours>;
    states: ForStates<{
      askingSituation: Answer;
      adviseCallBack: Answer<{ why: string; script: string }>;
      callingBack: Answer<{ script: string }>;
      adviseApp: Answer<{ why: string }>;
      tryAgainLater: Answer<{ why: string }>;
      switchToApp: Answer<{ why: string }>;
      redeliveryRoute: Answer<{ steps: string[] }>;
    }, CallbackDecisionState>;
  };
  scam: {
    hangUpNow: string;
    remoteApp: string;
    itWasAScam: string;
    reported: Say<{ signs: string[] }>;
    link: Record<'amazon' | 'other', Say<{ host: string }>> & { imitation: Say<{ host: string; reason: ImitationReason }> };
    help: {
      card: string;
      keepEvidence: string;
      password: string;
      lines: Say<{ lines: { name: string; dial: string }[] }>;
      report: Say<{ where: string }>;
    };
    states: ForStates<{
      askingWhatHappened: Answer;
      scamConfirmed: Answer<{ signs: string[]; giftCard: boolean }>;
      suspicious: Answer<{ signs: string[] }>;
      verifyingInApp: Answer<{ steps: string[] }>;
      linkWarning: Answer<{ lines: string[] }>;
      /** The parts of the help are put in order by the renderer: what stops the harm first. */
      gettingHelp: Answer<{ first: string[]; lines: string; passwordToo: boolean; report: string }>;
    }, ScamCheckState>;
  };
  support: {
    hours: {
      open: Say<Hours & { clock: string; weekend: boolean; crowd: 'busy' | 'normal' | 'quiet' }>;
      closed: Say<Hours & { clock: string; weekend: boolean }>;
      quiet: Say<{ weekday: string; weekend: string }>;
      nextQuiet: Say<{ when: 'now' | 'today' | 'tomorrow'; from: number; to: number }>;
      range: Say<Hours>;
      everyDay: Say<Hours>;
    };
    states: ForStates<{
      choosingNeed: Answer<Hours>;
      recommendPhone: Answer<{ status: string }>;
      recommendChat: Answer<Hours & { asked: boolean }>;
      recommendEmail: Answer;
      recommendSelfService: Answer;
      specialRoute: Answer<{ name: string; how: string }>;
      phoneHoursNow: Answer<{ status: string; quiet: string; next: string; extra: string[] }>;
      callbackSteps: Answer<Hours & { steps: string[]; official: string[] }>;
      fakeNumberSigns: Answer<{ signs: string[] }>;
    }, SupportChannelState>;
  };
  prepare: {
    commonTitle: string;
    topicTitle: Say<{ topic: string }>;
    states: ForStates<{
      commonChecklist: Answer;
      checklist: Answer;
      explainTips: Answer<{ tips: string[] }>;
    }, PrepareCallState>;
  };
  menu: { welcome: string; reset: string; body: string; hello: string; thanks: string };
  fallback: Record<UnrecognizedCause, string> & { didYouMean: string; sendNumber: string };
  /** Headlines of views whose whole answer is a data sentence (FAQ entries). */
  faqHeadline: Record<'unorderedParcel' | 'oddHours' | 'silentCall' | 'saveContact', string>;
}
