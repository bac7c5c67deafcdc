/**
 * Builds the whole bot from a Config: knowledge, machines, Botkit, store, LINE transport, HTTP server.
 * Tests create and close apps through this; src/main.ts adds signals around it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createConversation } from '../../flows/conversation.js';
import { createBotkitTurnRunner, type TurnRunner } from '../botkit/botkitTurns.js';
import type { Config } from '../config.js';
import type { InboundEvent } from '../conversation/inboundEvent.js';
import { createEventProcessor, type EventProcessor } from '../conversation/processEvent.js';
import { createResponder } from '../conversation/respond.js';
import { warmUp } from '../conversation/warmUp.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import { createLineSender } from '../line/lineSender.js';
import { createLocalTransport, type LocalTransport } from '../line/localTransport.js';
import { normalizeEvent } from '../line/normalizeEvent.js';
import { verifyWebhook } from '../line/verifyWebhook.js';
import { createMetrics } from '../metrics.js';
import { countStoreErrors } from '../store/countedStore.js';
import { openStore } from '../store/openStore.js';
import { projectRoot } from '../paths.js';
import type { StateStore } from '../store/stateStore.js';
import { createNumberDirectory } from '../understand/phoneNumbers.js';
import { createReaderFromKnowledge } from '../understand/readMessage.js';
import { LocalMessage, localEvent } from './localChat.js';
import { BodyTooLarge, readBody } from './readBody.js';

const CHAT_PAGE = readFileSync(join(projectRoot, 'src/server/localChat.html'));

export interface App {
  server: Server;
  store: StateStore;
  processor: EventProcessor;
  listen(port?: number): Promise<number>;
  /** Stop accepting, finish accepted events, close the store. */
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  now?: () => number;
  /** Backoff between LINE retries; tests shorten it. */
  lineBackoffMs?: number[];
  /** Time limit of one LINE API call; tests shorten it. */
  lineTimeoutMs?: number;
  /** Pauses before a failed turn is tried again; tests shorten them. */
  retryDelaysMs?: number[];
  /** Runs before each turn; tests make it throw or end the process, for a message that kills its turn. */
  beforeTurn?: (event: InboundEvent) => void;
}

export function createApp(config: Config, opts: AppOptions): App {
  const { logger } = opts;
  const now = opts.now ?? Date.now;
  const knowledge = loadKnowledge();
  const directory = createNumberDirectory(knowledge);
  const responder = createResponder(knowledge, createConversation(knowledge), createReaderFromKnowledge(knowledge, directory), directory.vettedE164);
  const botkit = createBotkitTurnRunner(responder.respond, logger);
  const { beforeTurn } = opts;
  const runner: TurnRunner = beforeTurn
    ? {
        run: async (event, session) => {
          beforeTurn(event);
          return botkit.run(event, session);
        },
        load: botkit.load,
        botkitState: botkit.botkitState,
      }
    : botkit;
  const metrics = createMetrics();
  const store = countStoreErrors(openStore(config.store, config.timings), metrics);
  const local: LocalTransport | null = config.line ? null : createLocalTransport();
  const transport =
    local ??
    createLineSender({
      channelAccessToken: config.line!.channelAccessToken,
      apiBaseUrl: config.line!.apiBaseUrl,
      logger,
      metrics,
      now,
      ...(opts.lineBackoffMs ? { backoffMs: opts.lineBackoffMs } : {}),
      ...(opts.lineTimeoutMs ? { requestTimeoutMs: opts.lineTimeoutMs } : {}),
    });
  const processor = createEventProcessor({
    store,
    runner,
    transport,
    logger,
    metrics,
    now,
    maxPending: config.maxPendingEvents,
    maxPendingPerUser: config.maxPendingPerUser,
    ...(opts.retryDelaysMs ? { retryDelaysMs: opts.retryDelaysMs } : {}),
  });
  let closing = false;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  async function webhook(req: IncomingMessage, res: ServerResponse) {
    if (!config.line) return json(res, 503, { error: 'no LINE channel configured: local mode, open / instead' });
    const raw = await readBody(req, config.maxBodyBytes);
    const header = req.headers['x-line-signature'];
    const verdict = verifyWebhook(raw, Array.isArray(header) ? header[0] : header, config.line.channelSecret);
    if (!verdict.ok) {
      logger.warn({ status: verdict.status, reason: verdict.reason }, 'webhook rejected');
      return json(res, verdict.status, { error: verdict.reason });
    }
    const events: InboundEvent[] = [];
    const receivedAt = now();
    for (const item of verdict.events) {
      const normalized = normalizeEvent(item, receivedAt);
      if ('skipped' in normalized) {
        logger.info({ skipped: normalized.skipped }, 'event skipped');
        metrics.webhookEventSkipped(normalized.skipped);
        continue;
      }
      const { event, clock } = normalized;
      if (clock === 'arrival') logger.warn({ eventId: event.id, kind: event.kind }, 'event timestamp unusable; reading it as the arrival time');
      metrics.webhookEvent(event.kind);
      events.push(event);
    }
    // 200 only once the events are in the store: LINE never redelivers an acknowledged event. The turns
    // run afterwards (LINE gives the webhook 2 s); a 503 makes LINE deliver the events again later.
    const admission = await processor.admit(events);
    if (!admission.accepted) {
      logger.warn({ reason: admission.reason, events: events.length }, 'webhook refused for now');
      return json(res, 503, { error: admission.reason === 'backlog' ? 'too many events waiting' : 'store unavailable' });
    }
    json(res, 200, { ok: true });
  }

  async function localMessage(req: IncomingMessage, res: ServerResponse) {
    if (!local) return json(res, 404, { error: 'local chat is only served in local mode' });
    const body = await readBody(req, 64 * 1024);
    let input;
    try {
      input = LocalMessage.safeParse(JSON.parse(body.toString('utf8')));
    } catch {
      return json(res, 400, { error: 'malformed JSON' });
    }
    if (!input.success) return json(res, 400, { error: 'expected { userId, text | postback | follow }' });
    const event = localEvent(input.data, now());
    const admission = await processor.admit([event]);
    if (!admission.accepted) return json(res, 503, { error: 'busy, try again' });
    await admission.handled;
    json(res, 200, { messages: local.take(event.id) });
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0];
    if (closing) {
      res.setHeader('connection', 'close');
      return json(res, 503, { error: 'shutting down' });
    }
    if (req.method === 'POST' && path === '/webhook') return webhook(req, res);
    if (req.method === 'GET' && path === '/healthz') {
      const health = await store.ping().catch((err: unknown) => ({ ok: false as const, reason: String(err) }));
      // A full backlog is as unhealthy as a store that cannot write: the webhook answers 503 either way.
      const backlog = { waiting: processor.pending, limit: config.maxPendingEvents };
      const ok = health.ok && backlog.waiting < backlog.limit;
      // Botkit still loading is healthy: turns go straight to their handler meanwhile.
      return json(res, ok ? 200 : 503, {
        status: ok ? 'ok' : 'degraded',
        store: { kind: store.kind, ...health },
        backlog,
        botkit: runner.botkitState(),
        mode: config.line ? 'line' : 'local',
      });
    }
    if (req.method === 'GET' && path === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.contentType });
      return res.end(await metrics.render());
    }
    if (req.method === 'GET' && path === '/' && local) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(CHAT_PAGE);
    }
    if (req.method === 'POST' && path === '/local/message') return localMessage(req, res);
    return json(res, 404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLarge) return json(res, 413, { error: 'body too large' });
      logger.error({ err: err instanceof Error ? err.message : String(err) }, 'request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
    });
  });
  server.keepAliveTimeout = 5000;

  return {
    server,
    store,
    processor,
    async listen(port = config.port) {
      // Taken up before any new event is admitted, so each user's events keep their order.
      await processor.resume();
      const bound = await new Promise<number>((resolve) => server.listen(port, () => resolve((server.address() as AddressInfo).port)));
      // Both yield to the event loop: first the warm-up, then Botkit's load steps, between requests.
      setImmediate(() => {
        try {
          warmUp(responder, now());
        } catch (err) {
          logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'warm-up turn failed');
        }
      });
      runner.load();
      return bound;
    },
    async close() {
      closing = true;
      processor.stop();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await processor.drain();
      await stopped;
      await Promise.all([transport.close(), store.close()]);
    },
  };
}
