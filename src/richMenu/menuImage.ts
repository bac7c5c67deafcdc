/**
 * Draws the rich menu picture: an SVG built from the layout, rendered to PNG by resvg with Noto Sans
 * CJK from the machine (Debian's fonts-noto-cjk). Nothing is downloaded; the same grid gives the tap
 * areas, so every tile lies exactly under its area.
 */
import { existsSync } from 'node:fs';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import { MENU_AREAS, MENU_SIZE, areaBounds, type IconName } from './menuLayout.js';

export const MENU_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';
const FONT_FAMILY = 'Noto Sans CJK JP';
const BACKGROUND = '#ffffff';
/** White space between tiles, half on each side of a shared edge. */
const GAP = 12;

// Icons are drawn in a 200×200 box, white on the tile colour.
const ICONS: Record<IconName, string> = {
  magnifier: `<circle cx="82" cy="82" r="56" fill="none" stroke-width="20"/><path d="M124 124 L178 178" stroke-width="28" stroke-linecap="round"/>`,
  callBack: `<path d="M165 170 V115 A55 55 0 0 0 110 60 H45" fill="none" stroke-width="20" stroke-linecap="round"/><path d="M80 20 L35 60 L80 100" fill="none" stroke-width="20" stroke-linecap="round" stroke-linejoin="round"/>`,
  warning: `<path d="M100 18 L188 176 H12 Z" fill="none" stroke-width="16" stroke-linejoin="round"/><path d="M100 78 V122" stroke-width="18" stroke-linecap="round"/><circle cx="100" cy="150" r="11" stroke="none" fill="#fff"/>`,
  speech: `<rect x="14" y="22" width="172" height="124" rx="30" fill="none" stroke-width="16"/><path d="M60 146 L48 188 L100 146" fill="none" stroke-width="16" stroke-linejoin="round"/><g stroke="none" fill="#fff"><circle cx="62" cy="84" r="12"/><circle cx="100" cy="84" r="12"/><circle cx="138" cy="84" r="12"/></g>`,
  checklist: `<rect x="30" y="14" width="140" height="176" rx="16" fill="none" stroke-width="14"/><path d="M54 70 L70 86 L94 58 M54 130 L70 146 L94 118" fill="none" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/><path d="M110 74 H146 M110 134 H146" stroke-width="12" stroke-linecap="round"/>`,
  question: `<circle cx="100" cy="100" r="84" fill="none" stroke-width="16"/><text x="100" y="146" text-anchor="middle" font-size="130" stroke="none" fill="#fff">?</text>`,
};

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function tile(index: number): string {
  const area = MENU_AREAS[index]!;
  const { x, y, width, height } = areaBounds(index);
  const cx = x + width / 2;
  const iconSize = 0.3 * height;
  const iconTop = y + 0.14 * height;
  return [
    `<rect x="${x + GAP / 2}" y="${y + GAP / 2}" width="${width - GAP}" height="${height - GAP}" rx="36" fill="${area.color}"/>`,
    `<g transform="translate(${cx - iconSize / 2} ${iconTop}) scale(${iconSize / 200})" stroke="#fff">${ICONS[area.icon]}</g>`,
    `<text x="${cx}" y="${y + 0.68 * height}" text-anchor="middle" font-size="100" fill="#fff">${escapeXml(area.title)}</text>`,
    `<text x="${cx}" y="${y + 0.84 * height}" text-anchor="middle" font-size="64" fill="#fff" fill-opacity="0.85">${escapeXml(area.hint)}</text>`,
  ].join('');
}

export function menuSvg(): string {
  const { width, height } = MENU_SIZE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" font-weight="700">`,
    `<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`,
    ...MENU_AREAS.map((_, i) => tile(i)),
    '</svg>',
  ].join('\n');
}

/** Renders the menu; `.asPng()` gives the bytes to upload. Fails, rather than drawing empty tiles, without the font. */
export function drawMenu(fontFile = MENU_FONT_FILE): RenderedImage {
  if (!existsSync(fontFile)) {
    throw new Error(`font not found: ${fontFile}. Install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk).`);
  }
  const resvg = new Resvg(menuSvg(), {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render();
}
