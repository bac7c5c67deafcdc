/**
 * LINE Messaging API limits for what we send (see shared/line-platform.md), as a zod schema so that
 * every reply is checked before it leaves, in tests and in production alike.
 */
import { z } from 'zod';

export const LINE_LIMITS = {
  messagesPerReply: 5,
  textUtf16Units: 5000,
  quickReplyItems: 13,
  actionLabelGraphemes: 20,
  altTextChars: 1500,
  postbackDataChars: 300,
} as const;

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
export const graphemeCount = (s: string) => [...segmenter.segment(s)].length;
// A grapheme is at least one UTF-16 unit, so short labels need no segmentation (it is the costly part).
const fitsGraphemes = (s: string, max: number) => s.length <= max || graphemeCount(s) <= max;

const Action = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('postback'),
    label: z.string().min(1).refine((l) => fitsGraphemes(l, LINE_LIMITS.actionLabelGraphemes), 'label over 20 graphemes'),
    data: z.string().min(1).max(LINE_LIMITS.postbackDataChars),
    displayText: z.string().max(300).optional(),
  }),
]);

const QuickReply = z.object({
  items: z.array(z.object({ type: z.literal('action'), action: Action })).min(1).max(LINE_LIMITS.quickReplyItems),
});

// String length in JS is already counted in UTF-16 code units, as LINE counts them.
const TextMessage = z.object({
  type: z.literal('text'),
  text: z.string().min(1).max(LINE_LIMITS.textUtf16Units),
  quickReply: QuickReply.optional(),
});

const FlexMessage = z.object({
  type: z.literal('flex'),
  altText: z.string().min(1).max(LINE_LIMITS.altTextChars),
  contents: z.object({ type: z.enum(['bubble', 'carousel']) }).passthrough(),
  quickReply: QuickReply.optional(),
});

export const OutgoingMessages = z.array(z.discriminatedUnion('type', [TextMessage, FlexMessage])).min(1).max(LINE_LIMITS.messagesPerReply);
export type OutgoingMessage = z.infer<typeof OutgoingMessages>[number];
