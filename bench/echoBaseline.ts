/**
 * The benchmark's baseline: the smallest honest LINE bot — express, the SDK's signature middleware,
 * and an echo through replyMessage. Configured by the same environment variables as the bot.
 */
import { messagingApi, middleware, type webhook } from '@line/bot-sdk';
import express from 'express';

const channelSecret = process.env.LINE_CHANNEL_SECRET!;
const client = new messagingApi.MessagingApiClient({
  channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN!,
  baseURL: process.env.LINE_API_BASE_URL,
});

const app = express();
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.post('/webhook', middleware({ channelSecret }), (req, res) => {
  res.json({ ok: true });
  for (const event of (req.body as webhook.CallbackRequest).events) {
    if (event.type === 'message' && event.message.type === 'text' && event.replyToken) {
      client.replyMessage({ replyToken: event.replyToken, messages: [{ type: 'text', text: event.message.text }] }).catch(() => {});
    }
  }
});
const server = app.listen(Number(process.env.PORT ?? 0), () => {
  console.log(JSON.stringify({ port: (server.address() as { port: number }).port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
