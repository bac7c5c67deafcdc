/**
 * What the bot counts for Prometheus (`GET /metrics`). Each app owns its registry, so several apps can
 * live in one process (the tests build many). Label values come only from closed sets defined in code:
 * never a user id, message text or phone number, which would leak data and explode the series count.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { InboundEvent } from './conversation/inboundEvent.js';
import type { TurnResult } from './conversation/respond.js';
import type { Skipped } from './line/normalizeEvent.js';
import type { Transport } from './line/lineSender.js';
import type { StateStore } from './store/stateStore.js';

export type DeliveryOutcome = Awaited<ReturnType<Transport['deliver']>>;
/** Why a reply went out as a push: LINE rejected the token, it was too old to try, or there was none. */
export type PushFallbackReason = 'replyFailed' | 'tokenExpired' | 'noToken';
export type LineEndpoint = 'reply' | 'push' | 'loading' | 'profile';
export type StoreOperation = Exclude<keyof StateStore, 'kind' | 'close'>;
export type DeadCause = 'failed' | 'crashed' | 'unreadable';

export interface Metrics {
  webhookEvent(kind: InboundEvent['kind']): void;
  webhookEventSkipped(reason: Skipped['skipped']): void;
  /** Called once the event is claimed; the returned function ends the turn's timer. */
  turnStarted(): () => void;
  /** `none`: the event asked for nothing (unfollow, unsend), so it is neither understood nor missed. */
  intent(type: TurnResult['intent']): void;
  delivered(outcome: DeliveryOutcome): void;
  pushFallback(reason: PushFallbackReason): void;
  /** `status` is undefined when no HTTP answer came (network error, timeout). */
  lineApiError(endpoint: LineEndpoint, status: number | undefined): void;
  storeError(operation: StoreOperation): void;
  /** An event not queued because its user had too many waiting; `notice`: the one the user was told about. */
  overUserCap(notice: boolean): void;
  /** An event given up: its turn kept failing, its attempts ended with the process, or its record cannot be read. */
  eventDead(cause: DeadCause): void;
  readonly contentType: string;
  render(): Promise<string>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const webhookEvents = new Counter({
    name: 'linebot_webhook_events_total',
    help: 'Events received in signed webhooks and handed to the bot, by kind',
    labelNames: ['kind'],
    registers,
  });
  const skippedEvents = new Counter({
    name: 'linebot_webhook_events_skipped_total',
    help: 'Events received in signed webhooks that the bot must not act on, by reason',
    labelNames: ['reason'],
    registers,
  });
  const turnSeconds = new Histogram({
    name: 'linebot_turn_duration_seconds',
    help: 'One event from claim to sent reply: per-user lock, load, understand, step, save, send',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const intents = new Counter({
    name: 'linebot_intents_total',
    help: 'What the bot made of an event: result="fallback" when it could not act on it',
    labelNames: ['intent', 'result'],
    registers,
  });
  const deliveries = new Counter({
    name: 'linebot_deliveries_total',
    help: 'Answers sent, by how: replied, pushed (reply token unusable), skipped (dummy token)',
    labelNames: ['outcome'],
    registers,
  });
  const pushFallbacks = new Counter({
    name: 'linebot_push_fallbacks_total',
    help: 'Answers pushed instead of replied, by why',
    labelNames: ['reason'],
    registers,
  });
  const lineApiErrors = new Counter({
    name: 'linebot_line_api_errors_total',
    help: 'Failed calls to the LINE API, every attempt counted, by endpoint and HTTP status',
    labelNames: ['endpoint', 'status'],
    registers,
  });
  const storeErrors = new Counter({
    name: 'linebot_store_errors_total',
    help: 'State store operations that failed, by operation',
    labelNames: ['operation'],
    registers,
  });
  const overCap = new Counter({
    name: 'linebot_events_over_user_cap_total',
    help: 'Events acknowledged but not queued because their user had too many waiting; answer="notice" for the one answered',
    labelNames: ['answer'],
    registers,
  });
  const deadEvents = new Counter({
    name: 'linebot_events_dead_total',
    help: 'Events given up after too many attempts (the user gets an apology), by cause',
    labelNames: ['cause'],
    registers,
  });

  return {
    webhookEvent: (kind) => webhookEvents.inc({ kind }),
    webhookEventSkipped: (reason) => skippedEvents.inc({ reason }),
    turnStarted: () => turnSeconds.startTimer(),
    intent(type) {
      if (type !== 'none') intents.inc({ intent: type, result: type === 'unrecognized' ? 'fallback' : 'recognised' });
    },
    delivered: (outcome) => deliveries.inc({ outcome }),
    pushFallback: (reason) => pushFallbacks.inc({ reason }),
    lineApiError: (endpoint, status) => lineApiErrors.inc({ endpoint, status: status === undefined ? 'none' : String(status) }),
    storeError: (operation) => storeErrors.inc({ operation }),
    overUserCap: (notice) => overCap.inc({ answer: notice ? 'notice' : 'none' }),
    eventDead: (cause) => deadEvents.inc({ cause }),
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}
