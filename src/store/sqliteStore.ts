import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Session } from '../../flows/conversation.js';
import { parseSession, type StateStore, type StoreTimings } from './stateStore.js';

/** The embedded default: one file, survives restarts, one instance at a time. */
export function createSqliteStore(path: string, timings: StoreTimings, now: () => number = Date.now): StateStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // WAL with NORMAL sync is durable across process crashes, which is the failure that matters here.
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS sessions (user_id TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS seen_events (event_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions(expires_at);
    CREATE INDEX IF NOT EXISTS seen_events_expiry ON seen_events(expires_at);
  `);
  const select = db.prepare<[string, number], { data: string }>('SELECT data FROM sessions WHERE user_id = ? AND expires_at > ?');
  const upsert = db.prepare(
    'INSERT INTO sessions (user_id, data, expires_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at',
  );
  const remove = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const claim = db.prepare(
    'INSERT INTO seen_events (event_id, expires_at) VALUES (?, ?) ON CONFLICT(event_id) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_events.expires_at <= ?',
  );
  const purge = db.transaction((t: number) => {
    db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(t);
    db.prepare('DELETE FROM seen_events WHERE expires_at <= ?').run(t);
  });
  const purgeTimer = setInterval(() => purge(now()), 60_000);
  purgeTimer.unref();

  return {
    kind: 'sqlite',
    async load(userId) {
      return parseSession(select.get(userId, now())?.data);
    },
    async save(userId, session: Session) {
      upsert.run(userId, JSON.stringify(session), now() + timings.sessionTtlSeconds * 1000);
    },
    async delete(userId) {
      remove.run(userId);
    },
    async claimEvent(eventId) {
      const t = now();
      return claim.run(eventId, t + timings.eventTtlSeconds * 1000, t).changes === 1;
    },
    withUserLock: (_userId, fn) => fn(),
    async ping() {
      return db.open && db.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async close() {
      clearInterval(purgeTimer);
      if (db.open) db.close();
    },
  };
}
