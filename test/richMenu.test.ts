/**
 * The rich menu: its areas say what the bot already understands, the picture matches the areas and
 * LINE's size rules, and `npm run richmenu` creates, replaces and deletes it on a (fake) LINE API.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphemeCount } from '../src/line/lineLimits.js';
import { MENU_FONT_FILE, drawMenu } from '../src/richMenu/menuImage.js';
import { MENU_AREAS, MENU_NAME, MENU_SIZE, areaBounds, messageOf, richMenuRequest, type Bounds } from '../src/richMenu/menuLayout.js';
import { createRichMenuClients, publishRichMenu, removeRichMenus, type RichMenuClients } from '../src/richMenu/publishRichMenu.js';
import { encodePostback } from '../src/buttons/actionCodes.js';
import { followUps } from '../src/conversation/respond.js';
import { driver, textOf } from './helpers/conversationDriver.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { startBot } from './helpers/startBot.js';
import { lineEnv, TEST_TOKEN } from './helpers/webhooks.js';

// Drawn once for the whole file: rendering with a 20 MB font takes a few hundred milliseconds.
const image = drawMenu();
const png = image.asPng();

const overlaps = (a: Bounds, b: Bounds) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('rich menu areas', () => {
  const request = richMenuRequest();

  it('tile the whole picture, without gaps or overlaps, within LINE limits', () => {
    expect([MENU_SIZE.width, MENU_SIZE.height]).toSatisfy(([w, h]) => w === 2500 && (h === 1686 || h === 843));
    const bounds = request.areas!.map((a) => a.bounds!);
    for (const b of bounds) {
      expect(b.x! >= 0 && b.y! >= 0 && b.x! + b.width! <= MENU_SIZE.width && b.y! + b.height! <= MENU_SIZE.height).toBe(true);
    }
    bounds.forEach((a, i) => bounds.slice(i + 1).forEach((b) => expect(overlaps(a as Bounds, b as Bounds)).toBe(false)));
    expect(bounds.reduce((sum, b) => sum + b.width! * b.height!, 0)).toBe(MENU_SIZE.width * MENU_SIZE.height);
    expect(request.areas!.length).toBeLessThanOrEqual(20);
    expect(graphemeCount(request.chatBarText!)).toBeLessThanOrEqual(14);
    expect(request.name!.length).toBeLessThanOrEqual(300);
    for (const area of request.areas!) {
      const action = area.action as { type: string; label: string; text: string };
      expect(action.type).toBe('message');
      expect(graphemeCount(action.label)).toBeLessThanOrEqual(20);
      expect(action.text.length).toBeGreaterThan(0);
      expect(action.text.length).toBeLessThanOrEqual(300);
    }
  });

  // A tap sends text; wherever the user is in a conversation, it must mean the action the area stands for.
  it.each(MENU_AREAS.map((a) => [a.title, a] as const))('"%s" sends text that means its action wherever the user is', (_title, area) => {
    expect(followUps.buttonOfTypedText(messageOf(area))).toBe(area.code);
  });
});

describe('rich menu picture', () => {
  const rgba = image.pixels; // a copy on every read of the property
  const pixel = (x: number, y: number) => {
    const i = (Math.round(y) * image.width + Math.round(x)) * 4;
    return [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
  };
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const isWhite = ([r, g, b]: number[]) => r! > 235 && g! > 235 && b! > 235;
  const whiteIn = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = Math.round(y0); y < y1; y++) for (let x = Math.round(x0); x < x1; x++) if (isWhite(pixel(x, y))) n++;
    return n;
  };

  it('is a PNG of exactly the menu size, under 1 MB', () => {
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(MENU_SIZE);
    expect(png.length).toBeLessThan(1024 * 1024);
  });

  it('draws each tile exactly under its tap area, with a white gap on every edge', () => {
    MENU_AREAS.forEach((area, i) => {
      const { x, y, width, height } = areaBounds(i);
      const cx = x + width / 2;
      const cy = y + height / 2;
      const colour = rgb(area.color);
      for (const [px, py] of [[x + 2, cy], [x + width - 3, cy], [cx, y + 2], [cx, y + height - 3]]) {
        expect(pixel(px!, py!), `${area.title} edge at ${px},${py}`).toEqual([255, 255, 255]);
      }
      for (const [px, py] of [[x + 12, cy], [x + width - 13, cy], [cx, y + 12], [cx, y + height - 13]]) {
        expect(pixel(px!, py!), `${area.title} inside at ${px},${py}`).toEqual(colour);
      }
    });
  });

  it('writes every title, and keeps it inside its tile', () => {
    MENU_AREAS.forEach((area, i) => {
      const { x, y, width, height } = areaBounds(i);
      const titleBand = whiteIn(x + 30, y + 0.6 * height, x + width - 30, y + 0.7 * height);
      expect(titleBand, `ink of "${area.title}"`).toBeGreaterThan(0.03 * (width - 60) * 0.1 * height);
      expect(whiteIn(x + 8, y + 0.1 * height, x + 40, y + 0.9 * height), `left margin of "${area.title}"`).toBe(0);
      expect(whiteIn(x + width - 40, y + 0.1 * height, x + width - 8, y + 0.9 * height), `right margin of "${area.title}"`).toBe(0);
    });
  });

  it('refuses to draw without its font, naming the package to install', () => {
    expect(() => drawMenu('/nonexistent/NotoSansCJK-Bold.ttc')).toThrow(/fonts-noto-cjk/);
    expect(existsSync(MENU_FONT_FILE)).toBe(true);
  });
});

describe('publishing the rich menu', () => {
  let api: FakeLineApi;
  let clients: RichMenuClients;
  const ours = () => [...api.richMenus.values()].filter((m) => m.request.name === MENU_NAME);

  beforeEach(async () => {
    api = await startFakeLineApi();
    clients = createRichMenuClients({ channelAccessToken: TEST_TOKEN, apiBaseUrl: api.url, dataApiBaseUrl: api.dataUrl });
  });
  afterEach(() => api.close());

  it('creates the menu, uploads its picture to the data host and makes it the default', async () => {
    const { richMenuId, replaced } = await publishRichMenu(clients, richMenuRequest(), png);
    expect(replaced).toEqual([]);
    const menu = api.richMenus.get(richMenuId)!;
    expect(menu.request).toEqual(richMenuRequest());
    expect(menu.image!.contentType).toBe('image/png');
    expect(menu.image!.bytes.equals(png)).toBe(true);
    expect(api.defaultRichMenuId()).toBe(richMenuId);
    const upload = api.calls.find((c) => c.path.endsWith('/content'))!;
    expect(upload.host).toBe('data');
    expect(upload.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(api.calls.filter((c) => c.host === 'data')).toEqual([upload]);
  });

  it('replaces the menu a previous run made, leaving exactly one', async () => {
    const first = await publishRichMenu(clients, richMenuRequest(), png);
    const second = await publishRichMenu(clients, richMenuRequest(), png);
    expect(second.replaced).toEqual([first.richMenuId]);
    expect(ours().map((m) => m.richMenuId)).toEqual([second.richMenuId]);
    expect(api.defaultRichMenuId()).toBe(second.richMenuId);
  });

  it('deletes only its own menus and unsets the default only when it was ours', async () => {
    const foreign = await clients.api.createRichMenu({ ...richMenuRequest(), name: 'made in another tool' });
    await publishRichMenu(clients, richMenuRequest(), png);
    const { removed, defaultUnset } = await removeRichMenus(clients, MENU_NAME);
    expect(removed).toHaveLength(1);
    expect(defaultUnset).toBe(true);
    expect(ours()).toEqual([]);
    expect([...api.richMenus.keys()]).toEqual([foreign.richMenuId]);
    expect(api.defaultRichMenuId()).toBeNull();
    expect(api.calls.some((c) => c.method === 'DELETE' && c.path === '/v2/bot/user/all/richmenu')).toBe(true);

    await clients.blob.setRichMenuImage(foreign.richMenuId, new Blob([new Uint8Array(png)], { type: 'image/png' }));
    await clients.api.setDefaultRichMenu(foreign.richMenuId);
    expect(await removeRichMenus(clients, MENU_NAME)).toEqual({ removed: [], defaultUnset: false });
    expect(api.defaultRichMenuId()).toBe(foreign.richMenuId);
  });

  it('keeps the old menu and leaves no half-made one when the upload fails', async () => {
    const first = await publishRichMenu(clients, richMenuRequest(), png);
    api.failNext('/content', 400);
    await expect(publishRichMenu(clients, richMenuRequest(), png)).rejects.toMatchObject({ status: 400 });
    expect(ours().map((m) => m.richMenuId)).toEqual([first.richMenuId]);
    expect(api.defaultRichMenuId()).toBe(first.richMenuId);
  });
});

describe('npm run richmenu', () => {
  let api: FakeLineApi;
  beforeAll(async () => {
    api = await startFakeLineApi();
  });
  afterAll(() => api.close());

  const run = (...args: string[]) =>
    promisify(execFile)('npm', ['run', '--silent', 'richmenu', '--', ...args], {
      env: {
        PATH: process.env.PATH,
        ...lineEnv(api.url),
        LINE_DATA_API_BASE_URL: api.dataUrl,
      },
    });

  it('creates the default menu, replaces it on a second run, and --delete takes it off', async () => {
    await run();
    const [first] = [...api.richMenus.keys()];
    expect(api.defaultRichMenuId()).toBe(first);
    expect(api.richMenus.get(first!)!.image).not.toBeNull();

    await run();
    expect(api.richMenus.size).toBe(1);
    expect(api.defaultRichMenuId()).not.toBe(first);
    expect(api.defaultRichMenuId()).toBe([...api.richMenus.keys()][0]);

    const { stdout } = await run('--delete');
    expect(api.richMenus.size).toBe(0);
    expect(api.defaultRichMenuId()).toBeNull();
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ msg: 'rich menu removed', defaultUnset: true });
  });

  it('--preview writes the picture without calling LINE', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'richmenu-')), 'menu.png');
    const before = api.attempts.length;
    await run(`--preview=${file}`);
    expect(readFileSync(file).equals(png)).toBe(true);
    expect(api.attempts.length).toBe(before);
  });

  it('fails with a non-zero exit and LINE status when LINE refuses', async () => {
    api.failNext('/v2/bot/richmenu/list', 401);
    await expect(run()).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('"status":401') });
  });
});

describe('a tap on the rich menu, through the running bot', () => {
  let api: FakeLineApi;
  let bot: Awaited<ReturnType<typeof startBot>>;
  beforeAll(async () => {
    api = await startFakeLineApi();
    bot = await startBot(api.url);
  });
  afterAll(async () => {
    await bot.app.close();
    await api.close();
  });

  // Button postbacks carry the session epoch and go stale after a reset; the menu's messages do not.
  it.each(MENU_AREAS.map((a) => [a.title, a] as const))('"%s" answers like its button, even after a reset', async (_title, area) => {
    const viaButton = await driver(bot.url, api, `Ubutton-${area.code}`).postback(encodePostback(area.code, 0));
    const menuUser = driver(bot.url, api, `Umenu-${area.code}`);
    await menuUser.say('最初から');
    const viaMenu = await menuUser.say(messageOf(area));
    expect(textOf(viaMenu)).toBe(textOf(viaButton));
  });
});
