/**
 * Group commit in the SQLite store: writes queued together share one transaction, and writes made by
 * the callers of a commit as they carry on (a turn saving its answer right after its event was stored)
 * are committed in the same turn of the event loop, not one round of incoming webhooks later.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../src/store/sqliteWriteQueue.js';

/** An in-memory database whose write transactions are counted. */
function countedDatabase() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE log (what TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO log (what) VALUES (?)');
  const counter = { commits: 0 };
  const transaction = db.transaction.bind(db);
  // The queue commits through `.immediate` of the transaction function it makes once.
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const tx = transaction(fn);
    return {
      immediate: (...args: never[]) => {
        counter.commits++;
        return tx.immediate(...args);
      },
    };
  }) as unknown as typeof db.transaction;
  const rows = () => (db.prepare('SELECT what FROM log ORDER BY rowid').all() as { what: string }[]).map((r) => r.what);
  return { db, insert: (what: string) => insert.run(what), counter, rows };
}

describe('SQLite write queue', () => {
  it('commits writes queued in the same tick in one transaction, and settles each after it', async () => {
    const { db, insert, counter, rows } = countedDatabase();
    const queue = createWriteQueue(db);
    const writes = ['a', 'b', 'c'].map((what) => queue.run(() => insert(what).changes));
    expect(rows()).toEqual([]);
    expect(await Promise.all(writes)).toEqual([1, 1, 1]);
    expect(counter.commits).toBe(1);
    expect(rows()).toEqual(['a', 'b', 'c']);
  });

  it("commits the writes its callers make as they carry on together, before the event loop's next turn", async () => {
    const { db, insert, counter, rows } = countedDatabase();
    const queue = createWriteQueue(db);
    const seen: string[] = [];
    const first = queue.run(() => insert('admit-1')).then(() => queue.run(() => insert('save-1')));
    // A caller that goes through a few more promise steps before its write still joins the same commit.
    const second = queue
      .run(() => insert('admit-2'))
      .then(async () => {
        await Promise.resolve();
        await Promise.resolve();
        return queue.run(() => insert('save-2'));
      });
    // Registered after the first commit's own turn: it runs in the next turn of the event loop.
    setImmediate(() => seen.push(`next turn: ${rows().join(',')}`));
    await Promise.all([first, second]);
    expect(counter.commits).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['next turn: admit-1,admit-2,save-1,save-2']);
  });

  it('goes back to committing once per tick after the callers have settled', async () => {
    const { db, insert, counter, rows } = countedDatabase();
    const queue = createWriteQueue(db);
    await queue.run(() => insert('first'));
    // Two timers due together run in one timers phase: their writes wait for the same commit again,
    // as two webhooks read in one poll phase do.
    const fromTimer = (what: string) => new Promise((r) => setTimeout(() => r(queue.run(() => insert(what))), 5));
    await Promise.all([fromTimer('x'), fromTimer('y')]);
    expect(counter.commits).toBe(2);
    expect(rows()).toEqual(['first', 'x', 'y']);
  });
});
