/**
 * The webhook body as we accept it. Only the fields the bot reads are checked; unknown event types and
 * extra fields pass through so a new LINE feature never turns into a 400.
 */
import { z } from 'zod';

const Source = z.object({ type: z.string(), userId: z.string().optional() }).passthrough();

export const LineWebhookEvent = z
  .object({
    type: z.string(),
    mode: z.string().optional(),
    // Read in normalizeEvent: a stamp that is no date must not cost the message.
    timestamp: z.unknown().optional(),
    webhookEventId: z.string().min(1),
    deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
    source: Source.optional(),
    replyToken: z.string().optional(),
    message: z.object({ type: z.string(), text: z.string().optional() }).passthrough().optional(),
    postback: z.object({ data: z.string() }).passthrough().optional(),
  })
  .passthrough();
export type LineWebhookEvent = z.infer<typeof LineWebhookEvent>;

export const LineWebhookBody = z.object({
  destination: z.string().optional(),
  // Events are validated one by one later, so one odd event cannot sink the whole batch.
  events: z.array(z.unknown()),
});
