/**
 * Where conversations live between events. One contract, three backends (memory, SQLite, Redis);
 * test/store.contract.test.ts runs the same suite against each.
 */
import { z } from 'zod';
import type { Session } from '../../flows/conversation.js';

export interface StateStore {
  readonly kind: 'memory' | 'sqlite' | 'redis';
  /** The user's session, or null when none, expired, or unreadable (an old or corrupt record starts fresh). */
  load(userId: string): Promise<Session | null>;
  save(userId: string, session: Session): Promise<void>;
  delete(userId: string): Promise<void>;
  /** True the first time an event id is seen within the retention window: LINE may redeliver. */
  claimEvent(eventId: string): Promise<boolean>;
  /** Runs fn while no other instance works on this user (a real lock only where instances share a store). */
  withUserLock<T>(userId: string, fn: () => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreTimings {
  /** Idle time after which a conversation is forgotten. */
  sessionTtlSeconds: number;
  /** How long a webhookEventId is remembered for de-duplication. */
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
