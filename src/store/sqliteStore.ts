import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Session } from '../../flows/conversation.js';
import { parseStoredAnswer, parseStoredEvent, UnreadableRecord } from './inboxRecords.js';
import { parseSession, turnInProcess, type Admitted, type InboxEntry, type StateStore, type StoreTimings } from './stateStore.js';
import { createWriteQueue } from './sqliteWriteQueue.js';

/** The embedded default: one file, survives restarts and crashes, one instance at a time. */
export function createSqliteStore(path: string, timings: StoreTimings, now: () => number = Date.now): StateStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // Opening may wait for another connection (the default 5 s busy timeout); after that the write
  // queue keeps waits short and off the event loop.
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // WAL with NORMAL sync is durable across process crashes, which is the failure that matters here.
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS sessions (user_id TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions(expires_at);
    CREATE TABLE IF NOT EXISTS inbox (
      seq INTEGER PRIMARY KEY,
      event_id TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL,
      event TEXT,
      answer TEXT,
      answered_at INTEGER,
      expires_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS inbox_unfinished ON inbox(seq) WHERE expires_at IS NULL;
    CREATE INDEX IF NOT EXISTS inbox_expiry ON inbox(expires_at) WHERE expires_at IS NOT NULL;
    CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL);
    DROP TABLE IF EXISTS seen_events;
  `);
  // Files made before attempts were counted and users capped: their events start at no attempt, and
  // count against no user.
  const columns = new Set((db.pragma('table_info(inbox)') as { name: string }[]).map((c) => c.name));
  if (!columns.has('attempts')) db.exec('ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0');
  if (!columns.has('user_id')) db.exec('ALTER TABLE inbox ADD COLUMN user_id TEXT');
  db.exec(`
    CREATE INDEX IF NOT EXISTS inbox_user_unfinished ON inbox(user_id) WHERE expires_at IS NULL;
    CREATE TABLE IF NOT EXISTS over_cap_noticed (user_id TEXT PRIMARY KEY);
  `);
  const writes = createWriteQueue(db);

  const selectSession = db.prepare<[string, number], { data: string }>('SELECT data FROM sessions WHERE user_id = ? AND expires_at > ?');
  const upsertSession = db.prepare(
    'INSERT INTO sessions (user_id, data, expires_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at',
  );
  const deleteSession = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  // An id that is known and not yet forgotten is a redelivery: the insert changes nothing.
  const admitEvent = db.prepare(
    `INSERT INTO inbox (event_id, state, event, user_id) VALUES (?, 'pending', ?, ?)
     ON CONFLICT(event_id) DO UPDATE SET state = 'pending', event = excluded.event, user_id = excluded.user_id, answer = NULL, answered_at = NULL, attempts = 0, expires_at = NULL
     WHERE inbox.expires_at IS NOT NULL AND inbox.expires_at <= ?`,
  );
  // null: unknown or forgotten (a new event); else whether it is still unfinished.
  const selectKnown = db.prepare<[string, number], { unfinished: number; user_id: string | null }>(
    'SELECT expires_at IS NULL AS unfinished, user_id FROM inbox WHERE event_id = ? AND (expires_at IS NULL OR expires_at > ?)',
  );
  const countWaiting = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM inbox WHERE user_id = ? AND expires_at IS NULL');
  const markNoticed = db.prepare('INSERT OR IGNORE INTO over_cap_noticed (user_id) VALUES (?)');
  const clearNoticed = db.prepare('DELETE FROM over_cap_noticed WHERE user_id = ?');
  const selectEntry = db.prepare<[string], { state: InboxEntry['state']; answer: string | null; answered_at: number | null; expires_at: number | null }>(
    'SELECT state, answer, answered_at, expires_at FROM inbox WHERE event_id = ?',
  );
  const selectUnfinished = db.prepare<[], { event_id: string; event: string | null }>('SELECT event_id, event FROM inbox WHERE expires_at IS NULL ORDER BY seq');
  const markAnswered = db.prepare("UPDATE inbox SET state = 'answered', answer = ?, answered_at = ? WHERE event_id = ?");
  const markFinished = db.prepare('UPDATE inbox SET state = ?, event = NULL, answer = NULL, answered_at = NULL, expires_at = ? WHERE event_id = ?');
  const countAttempt = db.prepare<[string], { attempts: number }>('UPDATE inbox SET attempts = attempts + 1 WHERE event_id = ? RETURNING attempts');
  const touchHealth = db.prepare('INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at');
  const purgeSessions = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  const purgeEvents = db.prepare('DELETE FROM inbox WHERE expires_at <= ?');

  const purgeTimer = setInterval(() => {
    const t = now();
    // A failed purge (database locked, disk full) is retried at the next tick; /healthz reports the store.
    writes
      .run(() => {
        purgeSessions.run(t);
        purgeEvents.run(t);
      })
      .catch(() => {});
  }, 60_000);
  purgeTimer.unref();

  const finishRow = (eventId: string, state: 'done' | 'dead') => markFinished.run(state, now() + timings.eventTtlSeconds * 1000, eventId);

  const store: StateStore = {
    kind: 'sqlite',
    async load(userId) {
      return parseSession(selectSession.get(userId, now())?.data);
    },
    admit(events, perUser = Infinity) {
      const admitted: Admitted = { toHandle: new Set(), overCap: new Set(), notify: new Set() };
      if (events.length === 0) return Promise.resolve(admitted);
      const payloads = events.map((e) => [e, JSON.stringify(e)] as const);
      const t = now();
      return writes.run(() => {
        for (const [event, json] of payloads) {
          const known = selectKnown.get(event.id, t);
          if (known) {
            // (A row from before users were recorded has none to compare.)
            if (known.unfinished && (known.user_id ?? event.userId) === event.userId) admitted.toHandle.add(event.id);
            continue;
          }
          const waiting = countWaiting.get(event.userId)!.n;
          if (waiting >= perUser) {
            admitted.overCap.add(event.id);
            if (markNoticed.run(event.userId).changes === 1) admitted.notify.add(event.id);
            continue;
          }
          admitEvent.run(event.id, json, event.userId, t);
          if (waiting === 0) clearNoticed.run(event.userId);
          admitted.toHandle.add(event.id);
        }
        return admitted;
      });
    },
    async unfinished() {
      const events = [];
      const unreadable = [];
      for (const row of selectUnfinished.all()) {
        try {
          events.push(parseStoredEvent(row.event ?? ''));
        } catch (err) {
          if (!(err instanceof UnreadableRecord)) throw err;
          unreadable.push(row.event_id);
        }
      }
      return { events, unreadable };
    },
    async inboxEntry(eventId) {
      const row = selectEntry.get(eventId);
      if (!row || (row.expires_at !== null && row.expires_at <= now())) return null;
      if (row.state !== 'answered') return { state: row.state };
      return { state: 'answered', messages: parseStoredAnswer(row.answer ?? ''), answeredAt: row.answered_at ?? 0 };
    },
    saveTurn(event, turn) {
      const sessionJson = turn.session && turn.session !== 'unchanged' ? JSON.stringify(turn.session satisfies Session) : null;
      const answer = turn.messages ? JSON.stringify(turn.messages) : null;
      return writes.run(() => {
        if (turn.session === null) deleteSession.run(event.userId);
        else if (sessionJson) upsertSession.run(event.userId, sessionJson, now() + timings.sessionTtlSeconds * 1000);
        if (answer) markAnswered.run(answer, turn.at, event.id);
        else finishRow(event.id, 'done');
      });
    },
    async finish(eventId, state) {
      await writes.run(() => finishRow(eventId, state));
    },
    withTurn: (event, fn, takeOver) => withTurn(event, fn, takeOver),
    async ping() {
      // A write, not a read: a locked database or a full disk still answers SELECT 1.
      try {
        await writes.run(() => touchHealth.run(now()));
        return { ok: true };
      } catch (err) {
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
    async close() {
      clearInterval(purgeTimer);
      writes.close();
      if (db.open) db.close();
    },
  };
  const withTurn = turnInProcess(store, (eventId) => writes.run(() => countAttempt.get(eventId)?.attempts ?? 0));
  return store;
}
