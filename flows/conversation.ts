/**
 * One conversation turn, pure: (stored session, understood intent) → (next session, what to show).
 * Loading, saving and sending happen outside; this module only steps machines.
 */
import type { AnyStateMachine, StateValueFrom } from 'xstate';
import { initialTransition, transition } from './pureTransition.js';
import type { Knowledge } from '../data/schema.js';
import { createCallbackDecisionMachine, type CallbackDecisionContext, type CallbackDecisionEvent } from './callbackDecision.js';
import {
  callerIdentificationMachine,
  type CallerIdentificationContext,
  type CallerIdentificationEvent,
} from './callerIdentification.js';
import { prepareCallMachine, type PrepareCallContext, type PrepareCallEvent } from './prepareCall.js';
import { createScamCheckMachine, type ScamCheckContext, type ScamCheckEvent } from './scamCheck.js';
import { createSupportChannelMachine, type SupportChannelContext, type SupportChannelEvent } from './supportChannel.js';
import { triageMachine, type TriageEvent } from './triage.js';
import {
  FLOW_IDS,
  type CallbackSituation,
  type FaqTopic,
  type FlowId,
  type FollowUp,
  type Lang,
  type NoteId,
  type ScamSeverity,
  type ScamSignId,
  type Topic,
} from './types.js';

/** The states a machine rests in (transient `always` states are never stored or shown), straight from its definition. */
export type CallerIdentificationState = Exclude<StateValueFrom<typeof callerIdentificationMachine>, 'identifying'>;
export type CallbackDecisionState = Exclude<StateValueFrom<ReturnType<typeof createCallbackDecisionMachine>>, 'deciding' | 'checkingAttempts'>;
export type ScamCheckState = Exclude<StateValueFrom<ReturnType<typeof createScamCheckMachine>>, 'assessing'>;
export type SupportChannelState = Exclude<StateValueFrom<ReturnType<typeof createSupportChannelMachine>>, 'routing'>;
export type PrepareCallState = StateValueFrom<typeof prepareCallMachine>;

interface FlowTypes {
  callerIdentification: { event: CallerIdentificationEvent; context: CallerIdentificationContext; state: CallerIdentificationState };
  callbackDecision: { event: CallbackDecisionEvent; context: CallbackDecisionContext; state: CallbackDecisionState };
  scamCheck: { event: ScamCheckEvent; context: ScamCheckContext; state: ScamCheckState };
  supportChannel: { event: SupportChannelEvent; context: SupportChannelContext; state: SupportChannelState };
  prepareCall: { event: PrepareCallEvent; context: PrepareCallContext; state: PrepareCallState };
}

export type FlowEvent<F extends FlowId = FlowId> = FlowTypes[F]['event'];

/** Why the bot could not act on what arrived; each gets its own calm answer. */
export type UnrecognizedCause = 'text' | 'empty' | 'sticker' | 'media' | 'staleButton' | 'badButton' | 'otherLanguage';

/** What a short follow-up asks of the last answer: why it says so, the same more simply, or the same again (in another language). */
export type FollowUpAsk = 'why' | 'simpler' | 'again';

export type Intent =
  | { type: 'greet' }
  | { type: 'followUp'; ask: FollowUpAsk }
  | { type: 'note'; note: NoteId }
  | { type: 'menu' }
  | { type: 'reset' }
  /** `at`: the moment the question is about, for the FAQ whose answer depends on the hour. */
  | { type: 'faq'; topic: FaqTopic; at?: number }
  /** `greeting`: "こんにちは" gets a hello and what the bot can do, not "you're welcome". */
  | { type: 'smallTalk'; greeting?: boolean; declined?: boolean }
  /** `fromStart`: open the tree at its first question even when the user is already in it (the "…ask" buttons). */
  | { [F in FlowId]: { type: 'flow'; flow: F; event?: FlowTypes[F]['event']; fromStart?: boolean } }[FlowId]
  /** `suggestions`: the topics the message most resembled, offered as "did you mean". */
  | { type: 'unrecognized'; cause: UnrecognizedCause; suggestions?: Topic[] };

export type FlowView = { [F in FlowId]: { kind: 'flow'; flow: F; state: FlowTypes[F]['state']; context: FlowTypes[F]['context'] } }[FlowId];

export type View =
  | { kind: 'menu'; greeting: boolean; reset: boolean }
  | { kind: 'faq'; topic: FaqTopic; at?: number }
  /** `declined`: "いや、ええわ" to what the bot offered; nothing to thank for. */
  | { kind: 'smallTalk'; greeting: boolean; declined?: boolean }
  | FlowView
  | { kind: 'fallback'; cause: UnrecognizedCause; suggestions: Topic[] }
  /** `about`: the view the user was looking at, which the follow-up explains, simplifies or repeats. */
  | { kind: 'followUp'; ask: FollowUpAsk; about: View }
  | { kind: 'note'; note: NoteId };

/** A machine's position, stored compactly (value + context) rather than as a full persisted snapshot. */
export interface StoredPosition {
  value: string;
  context: object;
}

export interface Session {
  v: 1;
  lang: Lang;
  /** Bumped on reset; quick-reply buttons carry it so that buttons from before a reset are recognised as stale. */
  epoch: number;
  triage: StoredPosition;
  flow: StoredPosition | null;
  /**
   * What the last reply offered: its numbered options and what a bare "yes" / "why?" meant after it.
   * A typed "2" or "なんで?" is read against this, since the reply may have joined several views.
   */
  offered?: { options: string[]; followUps: Partial<Record<FollowUp, string>> };
  /** Set by "英語で" / "in Japanese": the language the user asked for, kept whatever they type next. */
  prefersLang?: Lang;
  /**
   * The last answer was a note. Notes leave the trees where they were, so without this a "なんで?" after
   * "where is my card company's number?" would be answered about the scam warning before it.
   */
  lastNote?: NoteId;
}

export interface Conversation {
  newSession(lang: Lang): Session;
  step(session: Session, intent: Intent): { session: Session; view: View };
  /** Several intents from one message, in order; the session ends where the last one left it. */
  stepAll(session: Session, intents: Intent[]): { session: Session; views: View[] };
  /** What the user is looking at now, without stepping: used to resolve a typed option number. */
  currentView(session: Session): View;
  machines: Readonly<Record<FlowId, AnyStateMachine>>;
}

/** A view named in one short string ("callbackDecision.adviseApp", "note.cardCompany", "why:faq.silentCall"), for logs and tests. */
export function answerKey(view: View): string {
  switch (view.kind) {
    case 'flow':
      return `${view.flow}.${view.state}`;
    case 'faq':
      return `faq.${view.topic}`;
    case 'note':
      return `note.${view.note}`;
    case 'followUp':
      return `${view.ask}:${answerKey(view.about)}`;
    case 'fallback':
      return `fallback.${view.cause}`;
    default:
      return view.kind;
  }
}

export function createConversation(knowledge: Knowledge): Conversation {
  const adviceFor = Object.fromEntries(
    knowledge.delivery.callbackAdvice.map((row) => [row.situation, row.advice]),
  ) as Record<CallbackSituation, 'callBack' | 'useApp'>;
  const severityOf = Object.fromEntries(knowledge.scam.signs.map((s) => [s.id, s.severity])) as Record<
    ScamSignId,
    ScamSeverity
  >;
  const machines: Record<FlowId, AnyStateMachine> = {
    callerIdentification: callerIdentificationMachine,
    callbackDecision: createCallbackDecisionMachine({
      adviceFor,
      retryBeforeSwitching: knowledge.delivery.notConnecting.retryBeforeSwitching,
    }),
    scamCheck: createScamCheckMachine(severityOf),
    supportChannel: createSupportChannelMachine(knowledge.support),
    prepareCall: prepareCallMachine,
  };

  const stepTriage = (position: StoredPosition, event: TriageEvent) =>
    store(transition(triageMachine, restore(triageMachine, position), event)[0]);

  function newSession(lang: Lang): Session {
    return { v: 1, lang, epoch: 0, triage: store(initialTransition(triageMachine)[0]), flow: null };
  }

  function step(session: Session, intent: Intent): { session: Session; view: View } {
    switch (intent.type) {
      case 'greet':
      case 'menu':
        return {
          session: { ...session, triage: stepTriage(session.triage, { type: 'MENU_REQUESTED' }), flow: null },
          view: { kind: 'menu', greeting: intent.type === 'greet', reset: false },
        };
      case 'reset':
        return {
          session: { ...newSession(session.lang), epoch: session.epoch + 1 },
          view: { kind: 'menu', greeting: false, reset: true },
        };
      case 'faq':
        return {
          session: { ...session, triage: stepTriage(session.triage, { type: 'FAQ_ASKED', topic: intent.topic }), flow: null },
          view: { kind: 'faq', topic: intent.topic, ...(intent.at ? { at: intent.at } : {}) },
        };
      case 'flow': {
        const machine = machines[intent.flow];
        const resuming = !intent.fromStart && session.triage.value === intent.flow && session.flow !== null;
        let snapshot = resuming ? restore(machine, session.flow!) : initialTransition(machine)[0];
        if (intent.event) snapshot = transition(machine, snapshot, intent.event)[0];
        const position = store(snapshot);
        return {
          session: {
            ...session,
            triage: stepTriage(session.triage, { type: 'FLOW_OPENED', flow: intent.flow }),
            flow: position,
          },
          view: { kind: 'flow', flow: intent.flow, state: position.value, context: snapshot.context } as FlowView,
        };
      }
      case 'smallTalk':
        return { session, view: { kind: 'smallTalk', greeting: intent.greeting ?? false, ...(intent.declined ? { declined: true } : {}) } };
      // The conversation stays where it is: the user asked about the answer, not for a new one.
      case 'followUp':
        return { session, view: { kind: 'followUp', ask: intent.ask, about: currentView(session) } };
      case 'note':
        return { session, view: { kind: 'note', note: intent.note } };
      case 'unrecognized':
        return { session, view: { kind: 'fallback', cause: intent.cause, suggestions: intent.suggestions ?? [] } };
      default:
        return intent satisfies never;
    }
  }

  function stepAll(session: Session, intents: Intent[]): { session: Session; views: View[] } {
    const views: View[] = [];
    let current = session;
    for (const intent of intents) {
      const next = step(current, intent);
      current = next.session;
      views.push(next.view);
    }
    return { session: current, views };
  }

  function currentView(session: Session): View {
    if (session.lastNote) return { kind: 'note', note: session.lastNote };
    const where = session.triage.value;
    if (where === 'faq') {
      const topic = (session.triage.context as { faqTopic: FaqTopic | null }).faqTopic;
      if (topic) return { kind: 'faq', topic };
    }
    const flow = FLOW_IDS.find((f) => f === where);
    if (flow && session.flow) {
      return { kind: 'flow', flow, state: session.flow.value, context: session.flow.context } as FlowView;
    }
    return { kind: 'menu', greeting: false, reset: false };
  }

  return { newSession, step, stepAll, currentView, machines };
}

function store(snapshot: { value: unknown; context: unknown }): StoredPosition {
  // All machines here are flat, so a state value is always a single state name.
  return { value: String(snapshot.value), context: snapshot.context as object };
}

function restore<M extends AnyStateMachine>(machine: M, position: StoredPosition) {
  return machine.resolveState({ value: position.value, context: position.context });
}
