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

  // Group commit: writes arriving in the same tick share one transaction. Each caller's promise settles
  // only after that commit, so "saved before the reply is sent" still holds; under load this cuts the
  // cost of a write several-fold, since SQLite's cost is per transaction more than per row.
  let pending: { write: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return; // already flushed by close()
    try {
      const results = db.transaction(() => batch.map((op) => op.write()))();
      batch.forEach((op, i) => op.resolve(results[i]));
    } catch (err) {
      batch.forEach((op) => op.reject(err));
    }
  };
  const write = <T>(op: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ write: op, resolve: resolve as (v: unknown) => void, reject });
    });

  return {
    kind: 'sqlite',
    async load(userId) {
      return parseSession(select.get(userId, now())?.data);
    },
    async save(userId, session: Session) {
      const json = JSON.stringify(session);
      await write(() => upsert.run(userId, json, now() + timings.sessionTtlSeconds * 1000));
    },
    async delete(userId) {
      await write(() => remove.run(userId));
    },
    async claimEvent(eventId) {
      const t = now();
      return write(() => claim.run(eventId, t + timings.eventTtlSeconds * 1000, t).changes === 1);
    },
    withUserLock: (_userId, fn) => fn(),
    async ping() {
      return db.open && db.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async close() {
      clearInterval(purgeTimer);
      if (pending.length > 0) flush();
      if (db.open) db.close();
    },
  };
}
