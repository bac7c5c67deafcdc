/**
 * The local chat page in a real browser: headless Chromium at a phone's size, driving the real app in
 * local mode. Screenshots land in var/ for people to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { projectRoot } from '../src/paths.js';
import { labelOf } from '../src/render/options.js';
import type { ActionCode } from '../src/buttons/actionCodes.js';
import { startBot, type RunningBot } from './helpers/startBot.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const skipReason = hasChromium ? '' : ` (skipped: no ${CHROMIUM}; apt-get install -y chromium fonts-noto-cjk fonts-noto-color-emoji)`;
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = join(projectRoot, 'var');
// Well under vitest's 20 s, so a page that never shows what is awaited fails with Playwright's own message.
const UI_WAIT_MS = 5000;

interface Exchange {
  sent: Record<string, unknown>;
  answer: { messages: { quickReply?: { items: { action: { label: string; data?: string } }[] } }[] };
}

/** Does `act` and returns what the page sent to /local/message because of it and what came back. */
async function exchange(page: Page, act: () => Promise<unknown>): Promise<Exchange> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/local/message')), act()]);
  return { sent: response.request().postDataJSON(), answer: await response.json() };
}

/** How many pixels the page, or the chat log inside it, would scroll sideways (0 when nothing sticks out). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const log = document.getElementById('log')!;
    const root = document.documentElement;
    return { page: root.scrollWidth - root.clientWidth, log: log.scrollWidth - log.clientWidth };
  });

const quickReply = (page: Page, label: string) => page.locator('#quick').getByRole('button', { name: label, exact: true });

describe.skipIf(!hasChromium)(`local chat page in Chromium on a 390 px phone${skipReason}`, () => {
  let bot: RunningBot;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [bot, browser] = await Promise.all([startBot(null), chromium.launch({ executablePath: CHROMIUM })]);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.app.close();
  });

  it('answers a typed number, follows quick replies and shows the checklist as a card', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    page.setDefaultTimeout(UI_WAIT_MS);
    const greeting = await exchange(page, () => page.goto(bot.url));
    expect(greeting.sent).toEqual({ userId: expect.stringMatching(/^Ulocal/), follow: true });

    const who = await exchange(page, async () => {
      await page.fill('#t', '0120-070-585');
      await page.press('#t', 'Enter');
    });
    expect(who.sent).toEqual({ userId: greeting.sent.userId, text: '0120-070-585' });
    await page.locator('.row.user .bubble', { hasText: '0120-070-585' }).waitFor();
    await page.locator('.row.bot .bubble', { hasText: '委託配送ドライバー' }).first().waitFor();

    // Each tap must send exactly the postback the bot offered, and show its displayText as the user's line.
    let last = who;
    for (const code of ['menu', 'prep:ask', 'prep:topic:delivery'] satisfies ActionCode[]) {
      const label = labelOf(code, 'ja');
      const offered = last.answer.messages.at(-1)!.quickReply!.items.map((i) => i.action);
      const action = offered.find((a) => a.label === label);
      expect(action, `quick reply ${label} offered`).toBeDefined();
      last = await exchange(page, () => quickReply(page, label).click());
      expect(last.sent).toEqual({ userId: greeting.sent.userId, postback: action!.data });
      await page.locator('.row.user .bubble', { hasText: label }).last().waitFor();
    }

    const items = loadKnowledge().checklists.topics.find((t) => t.id === 'delivery')!.items.ja;
    const card = page.locator('.fx-bubble', { hasText: items[0]! }).last();
    await card.waitFor();
    const rows: { x: number; y: number; width: number; height: number }[] = [];
    for (const item of items) {
      const row = card.locator('.fx-text', { hasText: item });
      expect(await row.isVisible(), item).toBe(true);
      rows.push((await row.boundingBox())!);
    }
    // One row per item, stacked top to bottom inside a card that fits the phone's width.
    rows.slice(1).forEach((row, i) => expect(row.y).toBeGreaterThanOrEqual(rows[i]!.y + rows[i]!.height - 1));
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await quickReply(page, labelOf('prep:explain', 'ja')).isVisible()).toBe(true);

    expect(await sidewaysOverflow(page)).toEqual({ page: 0, log: 0 });
    await page.screenshot({ path: join(SCREENSHOTS, 'local-chat-390.png') });
    await page.close();
  });

  it('draws any Flex JSON: carousel, boxes, separator, buttons that act, strings as text only', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    const bubble = (text: string) => ({ type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text }] } });
    const carousel = {
      type: 'flex',
      altText: 'test carousel',
      contents: {
        type: 'carousel',
        contents: [
          {
            type: 'bubble',
            header: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: '見出し', weight: 'bold', size: 'xl', color: '#1b7340' }] },
            hero: { type: 'image', url: 'https://example.com/x.png' },
            body: {
              type: 'box',
              layout: 'vertical',
              spacing: 'md',
              contents: [
                { type: 'box', layout: 'horizontal', contents: [{ type: 'text', text: '左' }, { type: 'text', text: '右', align: 'end' }] },
                { type: 'separator' },
                { type: 'text', text: hostile, wrap: true },
                { type: 'text', text: 'とても長い一行'.repeat(30) },
              ],
            },
            footer: {
              type: 'box',
              layout: 'vertical',
              spacing: 'sm',
              contents: [
                { type: 'button', style: 'primary', action: { type: 'postback', label: '押す', data: 'a=test&e=0', displayText: '押しました' } },
                { type: 'button', action: { type: 'message', label: '言う', text: 'こんにちは' } },
                { type: 'button', action: { type: 'uri', label: '開く', uri: 'https://example.com/help' } },
                { type: 'button', action: { type: 'uri', label: '危ない', uri: 'javascript:window.pwned=1' } },
              ],
            },
          },
          bubble('二枚目'),
          bubble('三枚目'),
        ],
      },
    };
    const closing = { type: 'text', text: hostile, quickReply: { items: [{ type: 'action', action: { type: 'message', label: 'はい', text: 'はい' } }] } };

    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_WAIT_MS);
    await context.route('https://example.com/**', (route) => route.fulfill({ contentType: 'text/plain', body: 'help page' }));
    await page.route('**/local/message', (route) => {
      const first = 'follow' in route.request().postDataJSON();
      return route.fulfill({ json: { messages: first ? [carousel, closing] : [{ type: 'text', text: 'ok' }] } });
    });
    await page.goto(bot.url);
    const cards = page.locator('.fx-carousel .fx-bubble');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(3);
    await page.screenshot({ path: join(SCREENSHOTS, 'local-chat-flex-390.png') });

    // The carousel scrolls sideways on its own; the page and the log never do.
    const carouselScrolls = await page.locator('.fx-carousel').evaluate((c) => c.scrollWidth > c.clientWidth);
    expect(carouselScrolls).toBe(true);
    expect(await sidewaysOverflow(page)).toEqual({ page: 0, log: 0 });

    const heading = await page.getByText('見出し').evaluate((t) => getComputedStyle(t));
    expect({ weight: heading.fontWeight, color: heading.color }).toEqual({ weight: '700', color: 'rgb(27, 115, 64)' });
    const left = (await page.getByText('左', { exact: true }).boundingBox())!;
    const right = (await page.getByText('右', { exact: true }).boundingBox())!;
    expect(right.y).toBe(left.y);
    expect(right.x).toBeGreaterThan(left.x + left.width - 1);
    expect(await page.locator('.fx-bubble hr.fx-separator').count()).toBe(1);
    expect(await page.locator('.fx-bubble [role=img]').count()).toBe(1);

    expect(await page.getByText(hostile, { exact: true }).count()).toBe(2);
    expect(await page.locator('#log img').count()).toBe(0);

    const reply = await exchange(page, () => quickReply(page, 'はい').click());
    expect(reply.sent).toEqual({ userId: expect.any(String), text: 'はい' });
    await page.locator('.row.user .bubble', { hasText: 'はい' }).waitFor();

    const tap = (name: string) => exchange(page, () => cards.first().getByRole('button', { name }).click());
    expect((await tap('押す')).sent).toEqual({ userId: expect.any(String), postback: 'a=test&e=0' });
    await page.locator('.row.user .bubble', { hasText: '押しました' }).waitFor();
    expect((await tap('言う')).sent).toEqual({ userId: expect.any(String), text: 'こんにちは' });
    await page.locator('.row.user .bubble', { hasText: 'こんにちは' }).waitFor();
    expect(await cards.first().getByRole('button', { name: '危ない' }).isDisabled()).toBe(true);
    const [popup] = await Promise.all([page.waitForEvent('popup'), cards.first().getByRole('button', { name: '開く' }).click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe('https://example.com/help');

    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
    await context.close();
  });
});
