/** Talks to the running bot as one LINE user and returns what reached the fake LINE API. */
import type { FakeLineApi } from './fakeLineApi.js';
import { followEvent, postWebhook, postbackEvent, stickerEvent, imageEvent, textEvent, webhookBody } from './webhooks.js';

export interface SentMessage {
  type: string;
  text?: string;
  altText?: string;
  quickReply?: { items: { action: { label: string; data: string } }[] };
}

export function driver(botUrl: string, api: FakeLineApi, userId: string, timestamp?: () => number) {
  const sent = () => api.calls.filter((c) => (c.path.endsWith('/reply') || c.path.endsWith('/push')) && (c.body.to === userId || c.body.replyToken?.startsWith(`${userId}-`)));
  let n = 0;
  async function send(event: object): Promise<SentMessage[]> {
    const before = sent().length;
    const res = await postWebhook(botUrl, webhookBody(event));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await api.waitFor(() => sent().length > before);
    return sent().at(-1)!.body.messages as SentMessage[];
  }
  const opts = () => ({ userId, replyToken: `${userId}-${++n}`, ...(timestamp ? { timestamp: timestamp() } : {}) });
  return {
    say: (text: string) => send(textEvent(text, opts())),
    tap: (message: SentMessage, label: string) => {
      const item = message.quickReply?.items.find((i) => i.action.label === label);
      if (!item) throw new Error(`no quick reply "${label}" in ${JSON.stringify(message.quickReply?.items.map((i) => i.action.label))}`);
      return send(postbackEvent(item.action.data, opts()));
    },
    postback: (data: string) => send(postbackEvent(data, opts())),
    follow: () => send(followEvent(opts())),
    sticker: () => send(stickerEvent(opts())),
    image: () => send(imageEvent(opts())),
  };
}

export const textOf = (messages: SentMessage[]) => messages.map((m) => m.text ?? m.altText ?? '').join('\n');
export const lastOf = (messages: SentMessage[]) => messages.at(-1)!;
