/**
 * The rich menu, defined once: the picture (menuImage.ts) and the tap areas sent to LINE are both
 * computed from this grid, so what the user sees and what they tap cannot drift apart.
 *
 * A tap sends the quick-reply label of an existing action code as an ordinary message. Not a
 * postback: button postbacks carry the session epoch, and a menu that stays on screen for months
 * would turn "stale" at the user's first reset.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { ActionCode } from '../buttons/actionCodes.js';
import { labelOf } from '../render/options.js';

/** LINE's large rich menu size; the image must be exactly this. */
export const MENU_SIZE = { width: 2500, height: 1686 } as const;
const COLUMNS = 3;
const ROWS = 2;

/** How our menus are recognised in the channel's list, so a new run replaces them and nothing else. */
export const MENU_NAME = 'line-support-triage-bot: main menu';
const CHAT_BAR_TEXT = 'メニュー';

export type IconName = 'magnifier' | 'callBack' | 'warning' | 'speech' | 'checklist' | 'question';

export interface MenuArea {
  /** The existing action this area stands for; its Japanese button label is what the tap sends. */
  code: ActionCode;
  title: string;
  hint: string;
  icon: IconName;
  /** Tile colour; text and icon are drawn in white on it. */
  color: string;
}

/** Row by row, left to right. */
export const MENU_AREAS: readonly MenuArea[] = [
  { code: 'caller:ask', title: '番号を調べる', hint: '誰からの電話?', icon: 'magnifier', color: '#1f6f8b' },
  { code: 'callback:ask', title: '折り返すべき?', hint: 'かけ直す前に', icon: 'callBack', color: '#2e7d5b' },
  { code: 'scam:ask', title: '詐欺かも?', hint: '怪しい電話・SMS', icon: 'warning', color: '#b3452c' },
  { code: 'support:ask', title: '問い合わせ窓口', hint: '電話・チャット・メール', icon: 'speech', color: '#5b4a9e' },
  { code: 'prep:ask', title: '電話の前の準備', hint: '手元に用意するもの', icon: 'checklist', color: '#a06a12' },
  { code: 'menu', title: '使い方', hint: 'できること一覧', icon: 'question', color: '#4a5560' },
];

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Cell `index` of the grid; edges are rounded once, so neighbouring cells share them exactly. */
export function areaBounds(index: number): Bounds {
  const col = index % COLUMNS;
  const row = Math.floor(index / COLUMNS);
  const edge = (i: number, cells: number, length: number) => Math.round((i * length) / cells);
  const x = edge(col, COLUMNS, MENU_SIZE.width);
  const y = edge(row, ROWS, MENU_SIZE.height);
  return { x, y, width: edge(col + 1, COLUMNS, MENU_SIZE.width) - x, height: edge(row + 1, ROWS, MENU_SIZE.height) - y };
}

/** What a tap on the area sends: the same words as the chat's button for that action. */
export const messageOf = (area: MenuArea) => labelOf(area.code, 'ja');

export function richMenuRequest(): messagingApi.RichMenuRequest & { name: string } {
  return {
    size: MENU_SIZE,
    selected: true,
    name: MENU_NAME,
    chatBarText: CHAT_BAR_TEXT,
    areas: MENU_AREAS.map((area, i) => ({
      bounds: areaBounds(i),
      action: { type: 'message', label: area.title, text: messageOf(area) },
    })),
  };
}
