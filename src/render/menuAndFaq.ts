import type { UnrecognizedCause } from '../../flows/conversation.js';
import type { FaqTopic, Topic } from '../../flows/types.js';
import type { ActionCode } from '../understand/actionCodes.js';
import { draft, pick, type Draft, type RenderContext } from './draft.js';
import { actionForTopic } from './options.js';

const MENU_OPTIONS: ActionCode[] = [
  'caller:ask', 'callback:ask', 'scam:ask', 'support:ask', 'support:hours', 'prep:ask',
  'faq:unorderedParcel', 'faq:oddHours', 'faq:silentCall', 'faq:saveContact',
];

export function renderMenu(greeting: boolean, reset: boolean, rc: RenderContext): Draft {
  const t = pick(rc.lang);
  const intro = greeting
    ? t(
        '友だち追加ありがとうございます。知らない番号からの着信やAmazonへの問い合わせについて、次にどうすればいいかを一緒に整理します。',
        'Thanks for adding me. I help you work out what to do about an unknown caller or how to reach Amazon support.',
      )
    : reset
      ? t('最初からやり直します。', "Let's start over.")
      : '';
  return draft(MENU_OPTIONS, [intro, menuBody(rc)].filter(Boolean).join('\n\n'));
}

function menuBody(rc: RenderContext): string {
  return pick(rc.lang)(
    'できること:\n・着信番号が誰か調べる(番号をそのまま送ってください)\n・折り返すべきか判断する\n・詐欺かどうか確かめる\n・今つながる問い合わせ窓口を選ぶ\n・電話の前の準備リスト',
    'What I can do:\n・Tell you who a number belongs to (just send it)\n・Decide whether to call back\n・Check whether it is a scam\n・Pick the support channel that is open now\n・Give you a checklist before calling',
  );
}

export function renderFaq(topic: FaqTopic, rc: RenderContext): Draft {
  const entry = rc.knowledge.delivery.faq.find((f) => f.id === topic)!;
  const others = MENU_OPTIONS.filter((o) => o.startsWith('faq:') && o !== `faq:${topic}`);
  const next: ActionCode[] = topic === 'oddHours' ? ['scam:ask', 'scam:orders'] : ['caller:ask', 'scam:orders'];
  return draft([...next, ...others, 'menu'], entry[rc.lang]);
}

export function renderSmallTalk(greeting: boolean, rc: RenderContext): Draft {
  const t = pick(rc.lang);
  if (greeting) return draft(MENU_OPTIONS, `${t('こんにちは。', 'Hello!')}\n\n${menuBody(rc)}`);
  return draft(
    MENU_OPTIONS,
    t(
      'どういたしまして。ほかにも気になる着信やメッセージがあれば、番号や文面をそのまま送ってください。',
      'You are welcome. If another call or message worries you, just send me the number or paste the text.',
    ),
  );
}

export function renderFallback(cause: UnrecognizedCause, suggestions: Topic[], rc: RenderContext): Draft {
  const t = pick(rc.lang);
  const opening: Record<UnrecognizedCause, string> = {
    text: t('すみません、うまく読み取れませんでした。', "Sorry, I didn't quite get that."),
    empty: t('メッセージが空のようです。', 'That message looks empty.'),
    sticker: t('スタンプありがとうございます!', 'Thanks for the sticker!'),
    media: t('画像や音声の中身はまだ読み取れません。', "I can't read images or audio yet."),
    staleButton: t('そのボタンは以前の会話のものです。', 'That button belongs to an earlier conversation.'),
    badButton: t('そのボタンは処理できませんでした。', "I couldn't handle that button."),
    // Han characters make the reading Japanese; a Chinese reader may follow the English line better.
    otherLanguage: t('日本語か英語で送ってください。Please write in Japanese or English.', 'Please write in Japanese or English.'),
  };
  const guesses = suggestions.map(actionForTopic).filter((a): a is ActionCode => a !== null && a !== 'menu' && a !== 'reset');
  if (guesses.length > 0) {
    const hint = t('もしかして、このどれかですか?', 'Did you mean one of these?');
    return draft([...guesses, 'menu'], `${opening[cause]}\n${hint}`);
  }
  const hint = t(
    '着信番号をそのまま送るか、下のメニューから選んでください。',
    'Send me the number that called you, or pick from the menu below.',
  );
  return draft(MENU_OPTIONS, `${opening[cause]}\n${hint}`);
}
