/** Without LINE credentials the bot serves a chat page that runs the same pipeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from './helpers/startBot.js';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot(null);
});
afterAll(async () => {
  await bot.app.close();
});

const chat = async (body: object) => {
  const res = await fetch(`${bot.url}/local/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

describe('local mode', () => {
  it('serves the chat page and reports local mode on /healthz', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/local/message');
    expect(await (await fetch(`${bot.url}/healthz`)).json()).toMatchObject({ mode: 'local' });
  });

  it('answers like LINE would: greeting, numbers, quick-reply postbacks', async () => {
    const hello = await chat({ userId: 'Ulocal1', follow: true });
    expect(hello.body.messages[0].text).toMatch(/友だち追加/);
    const who = await chat({ userId: 'Ulocal1', text: '0120-070-585' });
    expect(who.body.messages.map((m: any) => m.text).join()).toMatch(/委託配送ドライバー/);
    const button = who.body.messages.at(-1).quickReply.items.find((i: any) => i.action.label === '電話は苦手');
    const next = await chat({ userId: 'Ulocal1', postback: button.action.data });
    expect(next.body.messages[0].text).toMatch(/折り返さ(?:なくて|ず)/);
  });

  it('runs at the Japan time the page was opened with (?at=…), so an evening tester sees the daytime answers', async () => {
    const ask = (at: string) => chat({ userId: `Uat${at}`, text: '今つながる?', at }).then((r) => r.body.messages[0].text as string);
    expect(await ask('2026-12-08T14:30')).toMatch(/14:30・平日\)は電話の受付中/);
    expect(await ask('2026-12-08T21:05')).toMatch(/21:05・平日\)は電話の受付時間外/);
    expect(await ask('2026-12-12T10:00')).toMatch(/10:00・土日祝\)は電話の受付中.*混みやすい/);
    expect((await chat({ userId: 'Uatbad', text: 'hi', at: 'tomorrow' })).status).toBe(400);
    const page = await (await fetch(`${bot.url}/?at=2026-12-08T21:05`)).text();
    expect(page).toContain("get('at')");
  });

  it('rejects malformed chat requests and keeps the LINE webhook closed', async () => {
    expect((await chat({ text: 'no user' })).status).toBe(400);
    const broken = await fetch(`${bot.url}/local/message`, { method: 'POST', body: '{oops' });
    expect(broken.status).toBe(400);
    expect((await fetch(`${bot.url}/webhook`, { method: 'POST', body: '{}' })).status).toBe(503);
  });
});
