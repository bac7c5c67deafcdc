import type { Session } from '../../flows/conversation.js';
import type { InboundEvent } from '../conversation/inboundEvent.js';
import type { OutgoingMessage } from '../line/lineLimits.js';
import { parseSession, turnInProcess, type Admitted, type InboxEntry, type StateStore, type StoreTimings } from './stateStore.js';

interface InboxRecord {
  state: InboxEntry['state'];
  event: InboundEvent | null;
  messages: OutgoingMessage[] | null;
  answeredAt: number;
  attempts: number;
  /** null while unfinished: an event waiting for its turn is never forgotten. */
  expiresAt: number | null;
}

/** For tests and trying the bot: one process, nothing survives a restart. */
export function createMemoryStore(timings: StoreTimings, now: () => number = Date.now): StateStore {
  const sessions = new Map<string, { json: string; expiresAt: number }>();
  const inbox = new Map<string, InboxRecord>();
  /** Unfinished events per user, and the users told they are over their cap since their queue was last empty. */
  const waiting = new Map<string, number>();
  const noticed = new Set<string>();
  const expired = (expiresAt: number | null) => expiresAt !== null && expiresAt <= now();

  // Keep memory bounded over long runs: drop expired entries now and then.
  function sweep() {
    for (const [id, record] of inbox) if (expired(record.expiresAt)) inbox.delete(id);
    for (const [userId, session] of sessions) if (expired(session.expiresAt)) sessions.delete(userId);
  }

  const store: StateStore = {
    kind: 'memory',
    async load(userId) {
      const hit = sessions.get(userId);
      if (!hit || expired(hit.expiresAt)) return null;
      return parseSession(hit.json);
    },
    async admit(events, perUser = Infinity) {
      if (inbox.size > 10_000) sweep();
      const admitted: Admitted = { toHandle: new Set(), overCap: new Set(), notify: new Set() };
      for (const event of events) {
        const known = inbox.get(event.id);
        if (known && !expired(known.expiresAt)) {
          if (known.expiresAt === null && known.event?.userId === event.userId) admitted.toHandle.add(event.id);
          continue;
        }
        const count = waiting.get(event.userId) ?? 0;
        if (count >= perUser) {
          admitted.overCap.add(event.id);
          if (!noticed.has(event.userId)) admitted.notify.add(event.id);
          noticed.add(event.userId);
          continue;
        }
        // Deleting first moves a forgotten id to the end, so unfinished() keeps arrival order.
        inbox.delete(event.id);
        inbox.set(event.id, { state: 'pending', event, messages: null, answeredAt: 0, attempts: 0, expiresAt: null });
        waiting.set(event.userId, count + 1);
        if (count === 0) noticed.delete(event.userId);
        admitted.toHandle.add(event.id);
      }
      return admitted;
    },
    async unfinished() {
      const events = [...inbox.values()].filter((r) => r.state === 'pending' || r.state === 'answered').map((r) => r.event!);
      return { events, unreadable: [] };
    },
    async inboxEntry(eventId) {
      const record = inbox.get(eventId);
      if (!record || expired(record.expiresAt)) return null;
      return record.state === 'answered' ? { state: 'answered', messages: record.messages!, answeredAt: record.answeredAt } : { state: record.state };
    },
    async saveTurn(event, turn) {
      const record = inbox.get(event.id);
      if (!record) throw new Error('saveTurn for an event that is not in the inbox');
      if (turn.session === null) sessions.delete(event.userId);
      else if (turn.session !== 'unchanged') saveSession(event.userId, turn.session);
      if (turn.messages) Object.assign(record, { state: 'answered', messages: turn.messages, answeredAt: turn.at });
      else finishRecord(record, 'done');
    },
    async finish(eventId, state) {
      const record = inbox.get(eventId);
      if (record) finishRecord(record, state);
    },
    withTurn: (event, fn, takeOver) => withTurn(event, fn, takeOver),
    async ping() {
      return { ok: true };
    },
    async close() {},
  };
  const withTurn = turnInProcess(store, async (eventId) => ++inbox.get(eventId)!.attempts);
  return store;

  function saveSession(userId: string, session: Session) {
    sessions.set(userId, { json: JSON.stringify(session), expiresAt: now() + timings.sessionTtlSeconds * 1000 });
  }

  function finishRecord(record: InboxRecord, state: 'done' | 'dead') {
    if (record.expiresAt === null && record.event) {
      const left = (waiting.get(record.event.userId) ?? 1) - 1;
      if (left > 0) waiting.set(record.event.userId, left);
      else waiting.delete(record.event.userId);
    }
    Object.assign(record, { state, event: null, messages: null, expiresAt: now() + timings.eventTtlSeconds * 1000 });
  }
}
