/**
 * What happens to inbound events, with their I/O. The webhook admits them into the store's inbox
 * before it answers 200; each is then handled in its user's queue: take the user's turn (which reads
 * the session) → step (through Botkit) → save the session and the answer together → send → mark done.
 * A crash at any point leaves the event in the inbox, and the next start takes it up where it
 * stopped: a turn that was saved is not run again, only its answer is sent (see src/line/lineSender.ts
 * for why that cannot answer twice). A failing turn is retried a few times; after the last attempt,
 * whether it threw or took the process down with it, the event is dead: logged by id and the kind of
 * error, and the user gets an apology instead of an answer.
 */
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { TurnRunner } from '../botkit/botkitTurns.js';
import { DeliveryFailed, type Outbound, type Transport } from '../line/lineSender.js';
import type { Metrics } from '../metrics.js';
import type { OutgoingMessage } from '../line/lineLimits.js';
import type { Admitted, StateStore, Turn, TurnState, Unfinished } from '../store/stateStore.js';
import type { InboundEvent } from './inboundEvent.js';
import { createKeyedQueue } from './keyedQueue.js';
import { apology, expectsAnswer, noticeLanguage, overCapNotice } from './notices.js';

export interface EventProcessor {
  /**
   * Stores the events in the inbox and queues those still to be handled (redeliveries of finished ids are dropped).
   * Once it resolves accepted the events survive a crash; only then may the webhook answer 200.
   */
  admit(events: InboundEvent[]): Promise<Admission>;
  /** Queues what an earlier run left unfinished, oldest first; call before admitting new events. */
  resume(): Promise<number>;
  drain(): Promise<void>;
  /** No more retries of failed turns: they stay in the inbox for the next start. */
  stop(): void;
  readonly pending: number;
}

export type Admission =
  | { accepted: true; /** Settles when every newly admitted event has been handled. */ handled: Promise<void> }
  | { accepted: false; reason: 'backlog' | 'store' };

export interface ProcessorDeps {
  store: StateStore;
  runner: TurnRunner;
  transport: Transport;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
  /** Events waiting beyond which new ones are refused, so LINE delivers them again later. */
  maxPending: number;
  /**
   * Events one user may have waiting; what they send beyond it is acknowledged, not queued, and the
   * first of it answered with a notice. Well below maxPending, so that one user cannot fill the backlog.
   */
  maxPendingPerUser: number;
  /**
   * Pauses before retrying a failed turn; their number is the number of retries before an event is
   * dead. Attempts that crashed the process count as failed ones, so a message that kills the process
   * is given up at the start after the last of them.
   */
  retryDelaysMs?: number[];
  /** After this long without an answer the user sees LINE's loading animation. */
  loadingAfterMs?: number;
}

export function createEventProcessor(deps: ProcessorDeps): EventProcessor {
  const { store, runner, transport, logger, metrics } = deps;
  const now = deps.now ?? Date.now;
  const retryDelays = deps.retryDelaysMs ?? [1000, 5000, 15000];
  const maxAttempts = retryDelays.length + 1;
  const queue = createKeyedQueue();
  const stopping = new AbortController();
  // Every turn waiting to be retried listens to it: dozens at once during a LINE outage, not a leak.
  setMaxListeners(0, stopping.signal);
  let admitting = 0;

  /** One attempt at the event, within its turn. */
  async function runTurn(event: InboundEvent, turn: Turn, { entry, session: stored }: TurnState, log: Logger, replyRefused: boolean) {
    if (entry === null || entry.state === 'done' || entry.state === 'dead') {
      log.info({ state: entry?.state ?? 'forgotten' }, 'event already finished');
      return;
    }
    let messages: OutgoingMessage[];
    let intent: string | undefined;
    let earlierAttempt: Outbound['earlierAttempt'];
    if (entry.state === 'answered') {
      messages = entry.messages;
      earlierAttempt = { at: entry.answeredAt, replyRefused };
    } else {
      const result = await runner.run(await withProfileLanguage(event), stored);
      metrics.intent(result.intent);
      log.debug({ intent: result.intent, rule: result.rule, answered: result.answered }, 'message understood');
      if (result.reply?.maskedNumbers) log.error({ masked: result.reply.maskedNumbers }, 'unvetted phone number masked in a reply');
      const session = result.session === stored ? 'unchanged' : result.session;
      await turn.save({ session, messages: result.reply?.messages ?? null, at: now() });
      if (!result.reply) {
        log.info({ intent: result.intent }, 'event handled without reply');
        return;
      }
      messages = result.reply.messages;
      intent = result.intent;
    }
    const outcome = await transport.deliver({
      eventId: event.id,
      userId: event.userId,
      replyToken: event.replyToken,
      at: event.at,
      messages,
      ...(earlierAttempt ? { earlierAttempt } : {}),
    });
    await turn.finish('done');
    metrics.delivered(outcome);
    log[outcome === 'unconfirmed' ? 'warn' : 'info']({ intent, outcome, messages: messages.length }, 'event answered');
  }

  /** A new friend is greeted in their LINE profile's language; that needs one API call, on follow only. */
  async function withProfileLanguage(event: InboundEvent): Promise<InboundEvent> {
    if (event.kind !== 'follow') return event;
    const lang = await transport.profileLanguage(event.userId);
    return lang ? { ...event, lang } : event;
  }

  /**
   * Gives the event up: marked dead (so no start takes it up again and the user's queue moves on),
   * then the user gets an apology with the menu. Dead first: a crash in between costs the apology,
   * never sends it twice. `err` is undefined when the earlier attempts ended with the process.
   */
  async function quarantine(event: InboundEvent, turn: Turn, state: TurnState, err: unknown, replyRefused: boolean, log: Logger) {
    const cause = err === undefined ? 'crashed' : 'failed';
    log.error({ errorKind: errorKind(err), cause, attempts: err === undefined ? state.attempt - 1 : state.attempt }, 'event dead: given up after too many attempts');
    await turn.finish('dead');
    metrics.eventDead(cause);
    if (!expectsAnswer(event)) return;
    const { entry } = state;
    try {
      const outcome = await transport.deliver({
        eventId: event.id,
        userId: event.userId,
        replyToken: event.replyToken,
        at: event.at,
        messages: apology(noticeLanguage(event, state.session), state.session),
        // A saved answer may have reached LINE already: then the apology must not follow it by push.
        ...(entry?.state === 'answered' ? { earlierAttempt: { at: entry.answeredAt, replyRefused } } : {}),
      });
      metrics.delivered(outcome);
    } catch (e) {
      log.warn({ err: describeError(e) }, 'apology for a dead event not delivered');
    }
  }

  async function handle(event: InboundEvent) {
    const log = logger.child({ eventId: event.id, kind: event.kind });
    const turnEnded = metrics.turnStarted();
    const loading = setTimeout(() => void transport.showLoading(event.userId), deps.loadingAfterMs ?? 400);
    const pause = async (ms: number) => {
      await sleep(ms, undefined, { signal: stopping.signal }).catch(() => {});
      if (stopping.signal.aborted) log.warn('stopping: the event stays in the inbox for the next start');
      return !stopping.signal.aborted;
    };
    let replyRefused = false;
    // The turn is kept through the retries, so the user's later events wait behind a failing one on
    // every instance, not only on this one. The attempts are counted by the store, so those that
    // ended with the process (a crash, a kill) count like those that threw.
    const attempts = async (turn: Turn, state: TurnState) => {
      for (let current = state; ; current = await turn.reload()) {
        if (current.attempt > maxAttempts) return quarantine(event, turn, current, undefined, replyRefused, log);
        try {
          return await runTurn(event, turn, current, log, replyRefused);
        } catch (err) {
          if (err instanceof DeliveryFailed) replyRefused = err.replyRefused;
          if (current.attempt >= maxAttempts) return quarantine(event, turn, current, err, replyRefused, log);
          log.warn({ err: describeError(err), attempt: current.attempt }, 'turn failed; will retry');
          if (!(await pause(retryDelays[current.attempt - 1] ?? 0))) return;
        }
      }
    };
    try {
      for (let failures = 0; ; failures++) {
        try {
          return await store.withTurn(event, attempts, takeOver);
        } catch (err) {
          // Taking the turn failed, or reading it again did (the store is down, or the lease ran out).
          if (failures >= retryDelays.length) {
            log.error({ err: describeError(err), errorKind: errorKind(err) }, 'event dead: its turn could not be taken');
            await store.finish(event.id, 'dead').then(
              () => metrics.eventDead('failed'),
              (e: unknown) => log.error({ err: describeError(e) }, 'could not mark the event dead; the next start takes it up'),
            );
            return;
          }
          log.warn({ err: describeError(err), attempt: failures + 1 }, 'turn could not be taken; will retry');
          if (!(await pause(retryDelays[failures]!))) return;
        }
      }
    } finally {
      clearTimeout(loading);
      turnEnded();
    }
  }

  /** Unreadable records are logged and marked dead by id; what is left can be handled. */
  async function readable({ events, unreadable }: Unfinished): Promise<InboundEvent[]> {
    for (const eventId of unreadable) {
      logger.error({ eventId }, 'event dead: its stored record cannot be read');
      await store.finish(eventId, 'dead');
      metrics.eventDead('unreadable');
    }
    return events;
  }

  /** Another instance admitted this event and died before finishing it; its user waits on it. */
  async function takeOver(stalled: Unfinished) {
    for (const event of await readable(stalled)) {
      logger.warn({ eventId: event.id }, 'taking up an event left unfinished at the head of its user queue');
      await handle(event);
    }
  }

  const notices = new Set<Promise<void>>();
  /** Told once, out of turn: behind the user's queue it would come after everything it is about. */
  function tellOverCap(event: InboundEvent): Promise<void> {
    const told = (async () => {
      const session = await store.load(event.userId).catch(() => null);
      const { id: eventId, userId, replyToken, at } = event;
      metrics.delivered(await transport.deliver({ eventId, userId, replyToken, at, messages: overCapNotice(noticeLanguage(event, session)) }));
    })().catch((err: unknown) => logger.warn({ eventId: event.id, err: describeError(err) }, 'over-cap notice not delivered'));
    notices.add(told);
    void told.finally(() => notices.delete(told));
    return told;
  }

  const enqueue = (event: InboundEvent) =>
    queue.push(event.userId, () => handle(event)).catch((err: unknown) => {
      logger.error({ eventId: event.id, err: describeError(err) }, 'event failed');
    });

  return {
    async admit(body) {
      // An id repeated within one body is that event again: only its first copy reaches the store, so
      // that what the store decided for the id is what is queued.
      const ids = new Set<string>();
      const events = body.filter((e) => !ids.has(e.id) && Boolean(ids.add(e.id)));
      if (body.length > events.length) logger.info({ repeats: body.length - events.length }, 'event ids repeated in one body ignored');
      if (events.length === 0) return { accepted: true, handled: Promise.resolve() };
      // What a user sends beyond their cap is not queued, so it cannot fill the backlog: a body of one
      // user's hundred events weighs as much as their cap, and the 503 is left for many users at once.
      const perUser = new Map<string, number>();
      for (const e of events) perUser.set(e.userId, (perUser.get(e.userId) ?? 0) + 1);
      const weight = [...perUser.values()].reduce((sum, n) => sum + Math.min(n, deps.maxPendingPerUser), 0);
      if (queue.pending + admitting + weight > deps.maxPending) return { accepted: false, reason: 'backlog' };
      let admitted: Admitted;
      admitting += weight;
      try {
        admitted = await store.admit(events, deps.maxPendingPerUser);
      } catch (err) {
        logger.error({ err: describeError(err), events: events.length }, 'could not store incoming events');
        return { accepted: false, reason: 'store' };
      } finally {
        admitting -= weight;
      }
      const runs: Promise<void>[] = [];
      for (const event of events) {
        if (admitted.toHandle.has(event.id)) runs.push(enqueue(event));
        else if (admitted.overCap.has(event.id)) {
          const notice = admitted.notify.has(event.id);
          metrics.overUserCap(notice);
          if (notice) {
            logger.warn({ eventId: event.id }, 'user over their cap of waiting events: told once, the rest not queued');
            runs.push(tellOverCap(event));
          }
        } else logger.info({ eventId: event.id, redelivery: event.redelivery }, 'duplicate event ignored');
      }
      return { accepted: true, handled: Promise.all(runs).then(() => undefined) };
    },
    async resume() {
      const events = await readable(await store.unfinished());
      for (const event of events) void enqueue(event);
      if (events.length > 0) logger.info({ events: events.length }, 'taking up events an earlier run left unfinished');
      return events.length;
    },
    async drain() {
      await queue.drain();
      await Promise.all(notices);
    },
    stop: () => stopping.abort(),
    get pending() {
      return queue.pending;
    },
  };
}

/** Error details safe to log: status and message, never the request body (it can hold user text). */
export function describeError(err: unknown): { message: string; status?: number } {
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 200);
  const source = err instanceof DeliveryFailed ? err.cause : err;
  const status = source && typeof source === 'object' && 'status' in source ? Number(source.status) : undefined;
  return status === undefined ? { message } : { message, status };
}

/** The class of an error, for logs: a name from code, never a message that might quote the user. */
export function errorKind(err: unknown): string {
  if (err === undefined) return 'crashed';
  // Our own error classes leave `name` as 'Error'; their class says more.
  const name = err instanceof Error ? (err.name === 'Error' ? err.constructor.name : err.name) : typeof err;
  return /^\w{1,40}$/.test(name) ? name : 'Error';
}
