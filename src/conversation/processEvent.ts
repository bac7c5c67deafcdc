/**
 * The turn, with its I/O, for one inbound event: de-duplicate → lock the user → load → step (through
 * Botkit) → save → send. Saving comes before sending so that a LINE outage loses a reply, never the
 * conversation; events of one user go through a keyed queue so they are answered in order.
 */
import type { Logger } from 'pino';
import type { TurnRunner } from '../botkit/botkitTurns.js';
import type { Transport } from '../line/lineSender.js';
import type { Metrics } from '../metrics.js';
import type { StateStore } from '../store/stateStore.js';
import type { InboundEvent } from './inboundEvent.js';
import { createKeyedQueue } from './keyedQueue.js';

export interface EventProcessor {
  /** Queues the event; the promise settles when it has been handled (it never rejects). */
  accept(event: InboundEvent): Promise<void>;
  drain(): Promise<void>;
  readonly pending: number;
}

export interface ProcessorDeps {
  store: StateStore;
  runner: TurnRunner;
  transport: Transport;
  logger: Logger;
  metrics: Metrics;
  /** After this long without an answer the user sees LINE's loading animation. */
  loadingAfterMs?: number;
}

export function createEventProcessor(deps: ProcessorDeps): EventProcessor {
  const { store, runner, transport, logger, metrics } = deps;
  const queue = createKeyedQueue();

  /** A new friend is greeted in their LINE profile's language; that needs one API call, on follow only. */
  async function withProfileLanguage(event: InboundEvent): Promise<InboundEvent> {
    if (event.kind !== 'follow') return event;
    const lang = await transport.profileLanguage(event.userId);
    return lang ? { ...event, lang } : event;
  }

  async function handle(event: InboundEvent) {
    const log = logger.child({ eventId: event.id, kind: event.kind });
    if (!(await store.claimEvent(event.id))) {
      log.info({ redelivery: event.redelivery }, 'duplicate event ignored');
      return;
    }
    const turnEnded = metrics.turnStarted();
    const loading = setTimeout(() => void transport.showLoading(event.userId), deps.loadingAfterMs ?? 400);
    try {
      await store.withUserLock(event.userId, async () => {
        const stored = await store.load(event.userId);
        const result = await runner.run(await withProfileLanguage(event), stored);
        if (result.session === null) await store.delete(event.userId);
        else if (result.session !== stored) await store.save(event.userId, result.session);
        metrics.intent(result.intent);
        if (result.reply?.maskedNumbers) log.error({ masked: result.reply.maskedNumbers }, 'unvetted phone number masked in a reply');
        if (!result.reply) {
          log.info({ intent: result.intent }, 'event handled without reply');
          return;
        }
        const outcome = await transport.deliver({
          eventId: event.id,
          userId: event.userId,
          replyToken: event.replyToken,
          at: event.at,
          messages: result.reply.messages,
        });
        metrics.delivered(outcome);
        log.info({ intent: result.intent, outcome, messages: result.reply.messages.length }, 'event answered');
      });
    } finally {
      clearTimeout(loading);
      turnEnded();
    }
  }

  return {
    accept(event) {
      return queue.push(event.userId, () => handle(event)).catch((err: unknown) => {
        logger.error({ eventId: event.id, err: describeError(err) }, 'event failed');
      });
    },
    drain: () => queue.drain(),
    get pending() {
      return queue.pending;
    },
  };
}

/** Error details safe to log: status and message, never the request body (it can hold user text). */
export function describeError(err: unknown): { message: string; status?: number } {
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 200);
  const status = err && typeof err === 'object' && 'status' in err ? Number(err.status) : undefined;
  return status === undefined ? { message } : { message, status };
}
