/**
 * Where conversations and the inbox of received events live. One contract, three backends (memory,
 * SQLite, Redis); test/store.contract.test.ts runs the same suite against each.
 *
 * An event goes through the inbox as pending (stored before the webhook is acknowledged) → answered
 * (the turn's session and its reply saved together, so a crash never runs a turn twice) → done, or dead
 * after too many failed turns. Done and dead events keep only their id, for de-duplication.
 */
import { z } from 'zod';
import type { Session } from '../../flows/conversation.js';
import { NOTE_IDS } from '../../flows/types.js';
import type { InboundEvent } from '../conversation/inboundEvent.js';
import type { OutgoingMessage } from '../line/lineLimits.js';

export interface StateStore {
  readonly kind: 'memory' | 'sqlite' | 'redis';
  /** The user's session, or null when none, expired, or unreadable (an old or corrupt record starts fresh). */
  load(userId: string): Promise<Session | null>;
  /**
   * Puts events into the inbox in one write and says which are still to be handled: the new ones, and
   * known ones not finished yet (their first delivery may never have been taken up: the write landed
   * but its answer was lost). A finished id within the retention window is a redelivery and is left
   * alone, and so is a known id from another user: whatever it is, it is not that event, and taking it
   * up would run its text as the first user's event and send that user the answer. Taking the same event up twice is harmless: only one turn runs it (withTurn). A new event
   * whose user already has `perUser` events unfinished is not stored (it counts the store's events,
   * so it holds across instances sharing it).
   */
  admit(events: InboundEvent[], perUser?: number): Promise<Admitted>;
  /** Events received but not finished, oldest first: what a restart must take up again. */
  unfinished(): Promise<Unfinished>;
  /** Where an event stands; null when the id is unknown or forgotten. */
  inboxEntry(eventId: string): Promise<InboxEntry | null>;
  /** The turn's session change and its answer, in one write; with no answer the event is done at once. */
  saveTurn(event: Pick<InboundEvent, 'id' | 'userId'>, turn: SavedTurn): Promise<void>;
  /** The answer reached LINE (done) or the event was given up (dead): only the id is kept. */
  finish(eventId: string, state: 'done' | 'dead'): Promise<void>;
  /**
   * Runs fn as the event's turn: once the event is the next of its user's events in arrival order and no
   * other instance works on that user (where instances share the store), with where the event stands
   * and the user's session as read when the turn began. Nobody else gets the user until fn settles; a
   * finished event gets a turn that holds nothing. Each state handed to the turn (the first, and each
   * reload) begins an attempt at the event, counted in the inbox before the turn sees it, so that an
   * attempt that crashed the process counts too. takeOver is called with an event that has been next
   * in line for too long with nobody working on it (its instance died): it must handle that event first.
   */
  withTurn<T>(event: Pick<InboundEvent, 'id' | 'userId'>, fn: (turn: Turn, state: TurnState) => Promise<T>, takeOver: (stalled: Unfinished) => Promise<void>): Promise<T>;
  /** Whether the store can take a write now; the reason when it cannot. */
  ping(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export interface Admitted {
  toHandle: Set<string>;
  /** New events not stored: their user had as many unfinished as allowed. */
  overCap: Set<string>;
  /** Those of overCap the user is to be told about: the first since that user's queue was last empty. */
  notify: Set<string>;
}

/** One event's turn: its writes succeed only while the turn still holds the user. */
export interface Turn {
  /** saveTurn, within the turn. */
  save(turn: SavedTurn): Promise<void>;
  /** finish, within the turn; it ends the turn. */
  finish(state: 'done' | 'dead'): Promise<void>;
  /** Reads the state again, for another attempt at the event in the same turn. */
  reload(): Promise<TurnState>;
}

export interface TurnState {
  /** null when the id is unknown or forgotten. */
  entry: InboxEntry | null;
  /** The user's session; null for a finished event, where nothing was read. */
  session: Session | null;
  /** Which attempt at the event this is, 1 for the first, however many processes made the earlier ones; 0 for a finished event. */
  attempt: number;
}

export interface Unfinished {
  events: InboundEvent[];
  /** Ids whose stored event cannot be read back (damaged, or from an incompatible version). */
  unreadable: string[];
}

/**
 * withTurn for a store that serves one process, where processEvent's per-user queue already keeps a
 * user's events one at a time and in order: the turn is plain reads and writes.
 */
export function turnInProcess(
  store: Pick<StateStore, 'inboxEntry' | 'load' | 'saveTurn' | 'finish'>,
  /** Counts an attempt at an unfinished event, durably; answers the attempt's number. */
  countAttempt: (eventId: string) => Promise<number>,
): StateStore['withTurn'] {
  return async (event, fn) => {
    const read = async (): Promise<TurnState> => {
      const entry = await store.inboxEntry(event.id);
      const unfinished = entry?.state === 'pending' || entry?.state === 'answered';
      return { entry, session: await store.load(event.userId), attempt: unfinished ? await countAttempt(event.id) : 0 };
    };
    const turn: Turn = { save: (saved) => store.saveTurn(event, saved), finish: (state) => store.finish(event.id, state), reload: read };
    return fn(turn, await read());
  };
}

export type StoreHealth = { ok: true } | { ok: false; reason: string };

export interface SavedTurn {
  /** The session after the turn; null forgets the user; 'unchanged' writes nothing. */
  session: Session | null | 'unchanged';
  /** What to send; null when the turn has nothing to say. */
  messages: OutgoingMessage[] | null;
  /** When the turn was saved, epoch ms: tells a later attempt whether a reply may already have gone out. */
  at: number;
}

export type InboxEntry =
  | { state: 'pending' | 'done' | 'dead' }
  | { state: 'answered'; messages: OutgoingMessage[]; answeredAt: number };

export interface StoreTimings {
  /** Idle time after which a conversation is forgotten. */
  sessionTtlSeconds: number;
  /** How long a webhookEventId is remembered for de-duplication after it was finished. */
  eventTtlSeconds: number;
}

const Position = z.object({ value: z.string().min(1), context: z.record(z.string(), z.unknown()) });
const SessionSchema = z.object({
  v: z.literal(1),
  lang: z.enum(['ja', 'en']),
  epoch: z.number().int().min(0),
  triage: Position,
  flow: Position.nullable(),
  offered: z
    .object({ options: z.array(z.string().max(64)).max(13), followUps: z.record(z.string(), z.string().max(64)) })
    .optional(),
  prefersLang: z.enum(['ja', 'en']).optional(),
  lastNote: z.enum(NOTE_IDS).optional(),
});

export function parseSession(raw: string | null | undefined): Session | null {
  if (!raw) return null;
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as Session) : null;
  } catch {
    return null;
  }
}
