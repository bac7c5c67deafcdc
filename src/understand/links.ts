/**
 * Finds the links in a message and reads what their host says. Finding is linkify-it's (with the full TLD
 * list, so scheme-less hosts such as "amaz0n-jp.top/login" count); the registrable domain comes from the
 * Public Suffix List through tldts. What is ours: deciding whether a host merely imitates Amazon.
 */
import { LinkifyIt } from 'linkify-it';
import tlds from 'tlds' with { type: 'json' };
import { parse } from 'tldts';
import type { Knowledge } from '../../data/schema.js';
import type { ImitationReason, LinkFinding } from '../../flows/types.js';

export interface LinkReader {
  findLinks(normalizedText: string): LinkFinding[];
}

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyIP: true, fuzzyEmail: false }).tlds(tlds, false);

// linkify-it needs a boundary before a host; Japanese text glues URLs to kana ("詳細はhttps://…を確認"), and
// with the full TLD list it would swallow kana into the host. Spacing out every run of non-Japanese characters
// gives it clean edges (Latin look-alikes such as Cyrillic "а" stay inside their run, hence not just ASCII).
const NON_JAPANESE_RUN = /[^\s\u3000-\u30FF\u3400-\u9FFF\uFF00-\uFFEF]+/gu;
// Punctuation that NFKC turned into ASCII ("ご確認ください：host") would sit glued to the front of a host.
const LEADING_PUNCTUATION = /(?<=^|\s)[:;,.!?()[\]'"]+(?=\S)/g;
const MAX_LINKS = 5;

export function createLinkReader(domains: Knowledge['domains']): LinkReader {
  const official = new Set(domains.official.map((d) => d.domain));
  const shorteners = new Set(domains.shorteners.domains);
  const brands = domains.brands.map((b) => b.name);

  function judge(url: URL): LinkFinding {
    const host = url.hostname;
    const parsed = parse(host, { allowPrivateDomains: true });
    const verdict = (reason: ImitationReason): LinkFinding => ({ host, verdict: 'imitation', reason });
    if (parsed.isIp || host.startsWith('[')) return verdict('ipAddress');
    const domain = parsed.domain ?? host;
    if (official.has(domain)) return { host, verdict: 'amazon' };
    if (shorteners.has(domain)) return verdict('shortener');
    if (host.split('.').some((label) => label.startsWith('xn--'))) return verdict('punycode');
    const name = parsed.domainWithoutSuffix ?? domain;
    if (name.split('-').some((part) => brands.some((b) => looksLike(part, b)))) return verdict('lookalike');
    const elsewhere = `${parsed.subdomain ?? ''} ${url.pathname} ${url.search}`.toLowerCase();
    const words = elsewhere.split(/[^a-z0-9@|]+/);
    if (brands.some((b) => skeleton(elsewhere).includes(b) || words.some((w) => looksLike(w, b)))) return verdict('brandElsewhere');
    return { host, verdict: 'other' };
  }

  return {
    findLinks(text) {
      const spaced = text.replace(NON_JAPANESE_RUN, ' $& ').replace(LEADING_PUNCTUATION, '');
      const matches = linkify.match(spaced) ?? [];
      const found: LinkFinding[] = [];
      // "アドレスに amazon.co.jp って入ってる": a bare host quoted from a link pasted in the same message is
      // part of that link, not a second one (and must not earn an "Amazon's own site" verdict of its own).
      const quotesAnother = (text: string) => matches.some((other) => other.text !== text && other.text.includes(text));
      let coveredUntil = 0;
      for (const m of matches) {
        if (m.index < coveredUntil) continue;
        if (found.length === MAX_LINKS) break;
        // "http://amazon.co.jp@203.0.113.7/": linkify stops at the @, the browser goes to the host after it.
        const userInfoTrick = /^@\S+/.exec(spaced.slice(m.lastIndex));
        coveredUntil = m.lastIndex + (userInfoTrick?.[0].length ?? 0);
        if (m.schema === '' && !m.text.includes('/') && quotesAnother(m.text)) continue;
        try {
          // new URL applies UTS #46: full-width and Cyrillic look-alike hosts come out as ASCII or xn--.
          found.push(judge(new URL(m.url + (userInfoTrick?.[0] ?? ''))));
        } catch {
          found.push({ host: m.text.slice(0, 80), verdict: 'other' });
        }
      }
      return found;
    },
  };
}

/**
 * Folds the tricks that make a name read as a brand: digits for letters and letter pairs that look like
 * one letter. Exact brand after folding, or one edit away (amazom, arnazon → amazon), counts as a lookalike;
 * the brand itself spelled right under another suffix (amazon.xyz) counts too, as it is not on our list.
 */
function looksLike(part: string, brand: string): boolean {
  const folded = skeleton(part);
  if (folded === brand || folded.startsWith(brand) || folded.endsWith(brand)) return true;
  return brand.length >= 5 && editDistanceAtMostOne(folded, brand);
}

const FOLDS: [RegExp, string][] = [
  [/rn/g, 'm'], [/vv/g, 'w'], [/0/g, 'o'], [/[1il|]/g, 'l'], [/3/g, 'e'], [/4/g, 'a'], [/5/g, 's'], [/@/g, 'a'],
];

function skeleton(s: string): string {
  // "l" and "i" fold together; brands are folded the same way before comparison, via the brand list below.
  return FOLDS.reduce((acc, [re, to]) => acc.replace(re, to), s.toLowerCase()).replace(/l/g, 'i');
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (a.length < b.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
