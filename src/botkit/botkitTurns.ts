/**
 * The Botkit boundary. Botkit gives us its controller, event routing and middleware; the Bot Framework
 * SDK under it is no longer developed, so nothing outside this file sees a Botkit or botbuilder type.
 * In: an InboundEvent and the stored session. Out: the TurnResult the handler produced.
 *
 * Nothing here talks to LINE: the handler leaves its result in the turn's state, so that saving and
 * sending stay in one place (src/conversation/processEvent.ts) and happen in a known order.
 *
 * Turns enter through Botkit's public event routing (`spawn` a worker, `trigger` the event for the
 * `on` handlers) rather than `handleTurn`, which also builds a Bot Framework dialog context and saves
 * dialog state on every turn. Our dialogue state belongs to the XState machines and our own
 * store, and skipping that unused machinery cut Botkit's cost per turn by about two thirds
 * (157 µs → 47 µs measured here). For the same reason the handler does not answer with `bot.reply`:
 * Botkit's outbound path (message formatting, send middleware, the Bot Framework's send pipeline, the
 * adapter) cost another ~25 µs per turn only to hand the result back to us (47 µs → ~15 µs).
 *
 * Botkit and the Bot Framework SDK take 0.6–1.5 s of CPU to load, and nothing needs them before the
 * first turn: the webhook stores and acknowledges events without them. So the server listens first and
 * they load right after, in small steps that let the event loop run between them (loadInSteps.ts).
 * Until they are loaded, a turn goes straight to the handler Botkit would route it to (no middleware
 * is registered, so that is the same call): waiting for Botkit made the first answers after a start
 * wait up to 2 s.
 */
import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder';
import type { BotkitMessage, BotWorker } from 'botkit';
import type { Logger } from 'pino';
import type { Session } from '../../flows/conversation.js';
import type { InboundEvent } from '../conversation/inboundEvent.js';
import type { TurnResult } from '../conversation/respond.js';
import { loadBotkitModules, type BotkitModules } from './loadInSteps.js';
import { nullBotkitStorage } from './nullStorage.js';

const OUTBOX = Symbol('outbox');
const EVENT_KINDS: InboundEvent['kind'][] = ['text', 'postback', 'follow', 'unfollow', 'sticker', 'media', 'unsend', 'other'];

interface TurnPayload {
  event: InboundEvent;
  session: Session | null;
}

type RunTurn = (payload: TurnPayload) => Promise<TurnResult[]>;

type Handle = (event: InboundEvent, session: Session | null) => TurnResult;

function botkitRunner({ botbuilder, botkit }: BotkitModules, handle: Handle): RunTurn {
  const { BotAdapter, TurnContext } = botbuilder;
  const { Botkit } = botkit;

  /** The adapter Botkit requires: turns come in through runTurn, nothing goes out through it. */
  class InboundOnlyAdapter extends BotAdapter {
    async sendActivities(): Promise<ResourceResponse[]> {
      throw new Error('handlers leave their result in the turn state; nothing is sent through Botkit');
    }
    async updateActivity(): Promise<void> {
      throw new Error('LINE messages cannot be edited');
    }
    async deleteActivity(): Promise<void> {
      throw new Error('LINE messages cannot be deleted by the bot');
    }
    async continueConversation(_ref: Partial<ConversationReference>): Promise<void> {
      throw new Error('proactive turns go through push, not Botkit');
    }

    async runTurn(controller: InstanceType<typeof Botkit>, payload: TurnPayload): Promise<TurnResult[]> {
      const { event } = payload;
      const activity: Partial<Activity> = {
        type: 'event',
        id: event.id,
        channelId: 'line',
        from: { id: event.userId, name: '' },
        recipient: { id: 'bot', name: '' },
        conversation: { id: event.userId, name: '', isGroup: false, conversationType: 'personal' },
        text: event.kind === 'text' ? event.text : undefined,
        channelData: { payload },
      };
      const context = new TurnContext(this, activity);
      context.turnState.set(OUTBOX, []);
      const reference = TurnContext.getConversationReference(activity) as ConversationReference;
      const bot = await controller.spawn({ context, activity, reference });
      const message: BotkitMessage = {
        type: event.kind,
        user: event.userId,
        channel: event.userId,
        text: activity.text ?? '',
        reference,
        context,
        incoming_message: activity as Activity,
        payload,
      };
      await controller.trigger(event.kind, bot, message);
      return context.turnState.get(OUTBOX) as TurnResult[];
    }
  }

  const adapter = new InboundOnlyAdapter();
  const controller = new Botkit({
    adapter,
    disable_webserver: true,
    disable_console: true,
    storage: nullBotkitStorage,
  });
  controller.on(EVENT_KINDS, async (_bot: BotWorker, message: BotkitMessage) => {
    const { event, session } = message.payload as TurnPayload;
    (message.context.turnState.get(OUTBOX) as TurnResult[]).push(handle(event, session));
  });
  return (payload) => adapter.runTurn(controller, payload);
}

export interface TurnRunner {
  run(event: InboundEvent, session: Session | null): Promise<TurnResult>;
  /** Starts loading Botkit in the background (once); logs when it is loaded or has failed. */
  load(): void;
  /** For /healthz: whether turns go through Botkit yet. */
  botkitState(): 'loading' | 'loaded' | 'failed';
}

export function createBotkitTurnRunner(handle: Handle, logger: Logger): TurnRunner {
  let botkit: RunTurn | null = null;
  let loading = false;
  let failed = false;
  const load = () => {
    if (botkit || loading) return;
    loading = true;
    failed = false;
    const started = performance.now();
    loadBotkitModules().then(
      (modules) => {
        botkit = botkitRunner(modules, handle);
        loading = false;
        logger.info({ loadMs: Math.round(performance.now() - started), steps: modules.steps, longestStepMs: Math.round(modules.longestStepMs) }, 'Botkit loaded');
      },
      (err: unknown) => {
        loading = false; // tried again at the next turn
        failed = true;
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'Botkit failed to load; turns go straight to their handler meanwhile');
      },
    );
  };

  return {
    async run(event, session) {
      if (!botkit) {
        load();
        return handle(event, session);
      }
      const [result] = await botkit({ event, session });
      if (!result) throw new Error(`no handler answered a ${event.kind} event`);
      return result;
    },
    load,
    botkitState: () => (botkit ? 'loaded' : failed ? 'failed' : 'loading'),
  };
}
