/**
 * The shape of a message catalog: every sentence the bot says, per view and state, with named placeholders.
 * Each language's catalog `satisfies Messages`, so a missing key or a renamed state is a compile error.
 * Renderers keep the conditions (which sentence, which facts); the words live here.
 */
import type { CallbackDecisionState, CallerIdentificationState, PrepareCallState, ScamCheckState, SupportChannelState } from '../../../flows/conversation.js';
import type { UnrecognizedCause } from '../../../flows/conversation.js';
import type { CallQuestion, FaqTopic, ImitationReason, NoteId, NumberKind } from '../../../flows/types.js';

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
/** The vetted numbers copy may name, always from data/numbers.json. */
export interface Dials {
  driver: string;
  official: string[];
  senders: string[];
}

/** A view as the catalogs name it: `tree.state`, or `faq.topic`. */
export type ViewKey =
  | `callerIdentification.${CallerIdentificationState}`
  | `callbackDecision.${CallbackDecisionState}`
  | `scamCheck.${ScamCheckState}`
  | `supportChannel.${SupportChannelState}`
  | `prepareCall.${PrepareCallState}`
  | `faq.${FaqTopic}`;

/** Where the drivers' 8–21 window stands: inside it, just outside it (calls still happen), or the night. */
export type DeliveryWindow = 'within' | 'edge' | 'night';

export interface Messages {
  /** One line for desktop LINE, which shows no quick replies: typing a button's label picks it. */
  typeToChoose: Say<{ labels: string[] }>;
  caller: {
    known: Say<{ dial: string; owner: string; note: string; tollFree: boolean }>;
    unvetted: Say<{ display: string; kind: string }>;
    kinds: Record<Exclude<NumberKind, 'fixedLine' | 'international'>, string> & {
      fixedLine: Say<{ prefix?: string; area?: string }>;
      international: Say<{ country: string }>;
    };
    /** The drivers' number next to a scam warning: whose it is, and that caller ID proves nothing. */
    besideScamWarning: Say<{ dial: string; owner: string }>;
    states: ForStates<{
      deliveryDriver: Answer<{ dial: string; window: DeliveryWindow; hours: Hours }>;
      /** `named`: the reason the user's own words pointed to, which then is the whole answer. */
      callReasons: Answer<{ dial: string; reasons: string[]; numberKnown: boolean; otherCarriers: string; named?: string }>;
      officialSupport: Answer<{ identity: string }>;
      officialSmsSender: Answer<{ identity: string }>;
      internationalNumber: Answer<{ identity: string }>;
      unknownNumber: Answer<{ identity: string }>;
      numberNotRead: Answer;
      awaitingNumber: Answer<{ dial: string; hours: Hours }>;
    }, CallerIdentificationState>;
  };
  callback: {
    night: Say<Hours & { addressWhy?: string }>;
    edge: Say<Hours>;
    states: ForStates<{
      askingSituation: Answer<{ asked: CallQuestion; dial: string; hours: Hours }>;
      adviseCallBack: Answer<{ lead: string; why: string; script: string }>;
      callingBack: Answer<{ script: string }>;
      adviseApp: Answer<{ lead: string; why: string }>;
      tryAgainLater: Answer<{ why: string }>;
      switchToApp: Answer<{ why: string }>;
      redeliveryRoute: Answer<{ steps: string[] }>;
    }, CallbackDecisionState>;
  };
  scam: {
    hangUpNow: string;
    remoteApp: string;
    itWasAScam: string;
    link: Record<'amazon' | 'other', Say<{ host: string }>> & { imitation: Say<{ host: string; reason: ImitationReason }> };
    help: {
      card: string;
      keepEvidence: string;
      /** The link came in a text: those texts are a known campaign, and the site behind it is fake. */
      fakeSms: string;
      /** Telling Amazon: through the app's callback, never a number found by searching. */
      officialRoute: Say<Hours>;
      password: string;
      lines: Say<{ lines: { name: string; dial: string }[] }>;
      report: Say<{ where: string }>;
    };
    states: ForStates<{
      askingWhatHappened: Answer<{ driver: string }>;
      scamConfirmed: Answer<{ verdict: string; signs: string[] }>;
      /** `text`: it came as a text or an e-mail, whose link and sender are the thing to check. */
      suspicious: Answer<{ verdict: string; signs: string[]; text: boolean }>;
      verifyingInApp: Answer<{ steps: string[] }>;
      linkWarning: Answer<{ lines: string[] }>;
      /** The parts of the help are put in order by the renderer: what stops the harm first. */
      /** `unknownWhat`: the user says they were scammed but not what was given: where to turn leads. */
      gettingHelp: Answer<{ first: string[]; lines: string; passwordToo: boolean; report: string; unknownWhat: boolean }>;
    }, ScamCheckState>;
  };
  support: {
    /** Ends an answer while the phone is open, so that a bare "はい" has something to say yes to. */
    offerCallbackSteps: string;
    hours: {
      /** One sentence: open now (with the hours), how crowded, and when it is quiet or worst. */
      /** "いま(14:30)" or, for a moment the user asked about, "土曜10時ごろ". */
      now: Say<{ clock: string; weekend: boolean }>;
      at: Say<{ hour: number; weekday: number; weekend: boolean }>;
      open: Say<Hours & { when: string; later: boolean; weekend: boolean; crowd: 'busy' | 'normal' | 'quiet'; busy: string; quiet: string; peak: boolean }>;
      closed: Say<Hours & { when: string }>;
      /** Over the New Year the hours may differ: that comes first, before any "open now". */
      newYear: Say<Hours>;
      nextQuiet: Say<{ when: 'now' | 'today' | 'tomorrow'; from: number; to: number }>;
      range: Say<Hours>;
      quietRanges: Say<{ weekday: string; weekend: string }>;
    };
    states: ForStates<{
      choosingNeed: Answer<Hours>;
      recommendPhone: Answer<{ status: string }>;
      recommendChat: Answer<Hours & { asked: boolean }>;
      recommendEmail: Answer;
      recommendSelfService: Answer;
      specialRoute: Answer<{ name: string; how: string }>;
      phoneHoursNow: Answer<{ status: string; next: string }>;
      callbackSteps: Answer<Hours & { steps: string[]; official: string[] }>;
      fakeNumberSigns: Answer<{ signs: string[]; official: string[] }>;
    }, SupportChannelState>;
  };
  prepare: {
    commonTitle: string;
    /** Under every checklist: what helps if the call has to be made again. */
    keepNotes: string;
    topicTitle: Say<{ topic: string }>;
    states: ForStates<{
      commonChecklist: Answer;
      checklist: Answer;
      /** `script`: how to introduce yourself to a driver, for "what do I say when I call back?". */
      explainTips: Answer<{ tips: string[]; script: string }>;
    }, PrepareCallState>;
  };
  menu: { welcome: string; reset: string; body: string; hello: string; thanks: string; declined: string };
  fallback: Record<UnrecognizedCause, string> & { didYouMean: string; sendNumber: string };
  followUp: {
    /** Why the last answer says what it says, per view: the reason, never the same words again. */
    why: Partial<Record<ViewKey, string>>;
    noReason: Say<{ headline: string }>;
    simpler: Say<{ headline: string; next: string }>;
  };
  notes: Record<NoteId, Say<Dials>>;
  /** Said outside a turn: more than the user's share of the backlog, or a message given up after its attempts. */
  notices: { overCap: string; apology: string };
  /** A call just outside the drivers' hours: likely a real driver in a busy season. */
  faqAtTheEdge: Say<Hours>;
  /** Headlines of views whose whole answer is a data sentence (FAQ entries). */
  faqHeadline: Record<'unorderedParcel' | 'oddHours' | 'silentCall' | 'saveContact', string>;
}
