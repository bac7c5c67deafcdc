/**
 * End to end, issue #3's scenarios: the real server with the real Botkit controller and @line/bot-sdk
 * client, signed webhooks in, and assertions on what reached the (fake) LINE API.
 */
import { daytimeInJapan } from './helpers/clock.js';
import { describe, expect, it } from 'vitest';
import { OutgoingMessages, graphemeCount } from '../src/line/lineLimits.js';
import { allowedDigitForms, digitsOf } from '../src/render/phoneGuard.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { normalizeText } from '../src/understand/normalizeText.js';
import { createNumberDirectory } from '../src/understand/phoneNumbers.js';
import { startBot, useBotWithFakeLine } from './helpers/startBot.js';
import { driver, lastOf, textOf } from './helpers/conversationDriver.js';

/** Every number users typed in this suite: the only unvetted numbers the bot may echo. */
const typedByUsers = new Set<string>();
const knowledge = loadKnowledge();
const directory = createNumberDirectory(knowledge);

const running = useBotWithFakeLine();

function user(id: string) {
  const d = driver(running.bot.url, running.api, id, daytimeInJapan);
  return {
    ...d,
    say: (text: string) => {
      for (const n of directory.identifyAll(normalizeText(text))) typedByUsers.add(n.e164);
      return d.say(text);
    },
  };
}

describe('1. who called me?', () => {
  it.each([
    '0120-070-585から電話があった、誰?',
    '0120070585',
    '０１２０－０７０－５８５',
    '０１２０ー０７０ー５８５から着信',
    '0120 070 585',
    '+81 120 070 585',
    '+81-120-070-585 who is this?',
  ])('identifies the delivery-driver number written as %s', async (text) => {
    const messages = await user(`Ucaller${digitsOf(text)}${text.length}`).say(text);
    const all = textOf(messages);
    expect(all).toMatch(/Amazon.*(委託配送ドライバー|contracted delivery driver)/);
    // the four reasons a driver calls
    expect(all).toMatch(/留守|nobody answered/);
    expect(all).toMatch(/住所|address/);
    expect(all).toMatch(/オートロック|auto-lock/);
    expect(all).toMatch(/置き配|drop-off/);
    // The four call-back situations are one tap away from "who called".
    expect(lastOf(messages).quickReply!.items.map((i) => i.action.label)).toContain(/[a-z]/i.test(text.replace(/\d|\+/g, '')) && /who/.test(text) ? 'I want it today' : '今日中に受け取りたい');
  });

  it('answers about several numbers in one message, and about the SMS sender dialled with 010', async () => {
    const all = textOf(await user('Umulti').say('0120-999-373と010-852-6451-5445と03-1234-5678から連絡が来た'));
    expect(all).toContain('0120-999-373');
    expect(all).toContain('Amazonカスタマーサービス');
    expect(all).toContain('010-852-6451-5445');
    expect(all).toContain('配送SMSの送信元');
    expect(all).toMatch(/03-1234-5678: 固定電話\(03:東京23区\)/);
  });

  it.each([
    ['0570-012-345', /ナビダイヤル/],
    ['050-1234-5678', /IP電話/],
    ['090-1111-2222', /携帯電話/],
    ['06-6123-4567', /大阪/],
    ['0800-123-4567', /フリーダイヤル/],
  ])('describes unknown %s by its kind and never names a company', async (number, kind) => {
    const all = textOf(await user(`Uunknown${number}`).say(`${number}から電話`));
    expect(all).toMatch(kind);
    expect(all).toContain(number);
    expect(all).not.toMatch(/Amazonの委託|カスタマーサービス\(正規/);
    expect(all).toMatch(/断定しません|一覧にない/);
  });

  it('flags an unknown international number, naming its country', async () => {
    const all = textOf(await user('Uintl').say('+44 20 7946 0958 からSMSが来た'));
    expect(all).toMatch(/海外の番号\(イギリス\)/);
    expect(all).toMatch(/詐欺/);
  });
});

describe('2. call back or use the app?', () => {
  it('goes from the caller answer to the decision table by quick reply', async () => {
    const u = user('Ucallback');
    const first = await u.say('0120-070-585');
    expect(lastOf(first).quickReply!.items.map((i) => i.action.label)).toEqual(
      expect.arrayContaining(['今日中に受け取りたい', '住所が心配', '忙しい・急がない', '電話は苦手']),
    );
    expect(textOf(await u.tap(lastOf(first), '今日中に受け取りたい'))).toMatch(/折り返してください/);
  });

  it.each([
    ['住所の入力が心配', /折り返してください/],
    ['忙しいし急いでない', /折り返さ(?:なくて|ず)/],
    ['電話が苦手なので折り返したくない', /折り返さ(?:なくて|ず)/],
    ['今日中に受け取りたい', /折り返してください/],
  ])('decides from free text "%s"', async (text, expected) => {
    expect(textOf(await user(`Ufree${text}`).say(text))).toMatch(expected);
  });

  it('when the callback does not connect: try once more, then switch to the app and its redelivery steps', async () => {
    const u = user('Unoconnect');
    expect(textOf(await u.say('今日中に受け取りたい'))).toMatch(/折り返し/);
    expect(textOf(await u.say('折り返したけど繋がらない'))).toMatch(/もう一度だけ/);
    const switched = textOf(await u.say('また繋がらない'));
    expect(switched).toMatch(/もうかけなくて大丈夫/);
    expect(switched).toMatch(/アプリの配送状況/);
    expect(textOf(await u.say('再配達の方法は?'))).toMatch(/再配達は電話しなくても/);
  });
});

describe('3. is this a scam?', () => {
  it.each([
    ['カード番号を聞かれた', 'クレジットカード番号を聞かれた'],
    ['ギフトカードで払えと言われた', 'ギフトカードで払うよう言われた'],
    ['リモート操作のアプリを入れてと言われた', '遠隔操作アプリを入れるよう言われた'],
    ['未払いの料金があると請求された', 'お金の支払いや振込を求められた'],
    ['個人情報を聞かれた', '個人情報やパスワードを聞かれた'],
  ])('says plainly that "%s" is a scam, leading with the verdict on that very sign', async (text, sign) => {
    const all = textOf(await user(`Uscam${text}`).say(text));
    expect(all).toMatch(/詐欺(?:です|の手口)/);
    const reported = knowledge.scam.signs.find((s) => s.ja === sign)!;
    expect(all).toContain(reported.verdict.ja);
  });

  it('treats an SMS with a link and a 3 a.m. call as caution, with the order-history check step by step', async () => {
    const u = user('Ucaution');
    const sms = await u.say('SMSにリンクがついていた');
    expect(textOf(sms)).toMatch(/信用しないで/);
    const steps = textOf(await u.tap(lastOf(sms), 'アプリで確かめる手順'));
    expect(steps).toMatch(/1\. .*切る/);
    expect(steps).toMatch(/注文履歴/);
    expect(steps).toMatch(/5\. /);
    expect(textOf(await u.say('深夜3時に電話がきた'))).toMatch(/間違い電話か自動音声/);
  });

  it('after harm is done, points to 188, #9110, 110 and the card company', async () => {
    const all = textOf(await user('Uharmed').say('カード番号を教えてしまった'));
    for (const n of ['188', '#9110', '110']) expect(all).toContain(n);
    expect(all).toMatch(/カード会社/);
  });

  it('someone who read out gift-card codes gets the help lines, not a card company they have nothing to stop at', async () => {
    const all = textOf(await user('Ugiftcard').say('アマギフ5万円分買ってコード読み上げちゃった'));
    for (const n of ['188', '#9110']) expect(all).toContain(n);
    expect(all).not.toMatch(/カード会社/);
  });
});

describe('4. which support channel, and when? (clock fixed)', () => {
  // 2026-11-24 is a Tuesday; 2026-11-23 is 勤労感謝の日, a public holiday.
  const jst = (iso: string) => Date.parse(`${iso}+09:00`);
  async function withClock<T>(iso: string, userId: string, talk: (u: ReturnType<typeof driver>) => Promise<T>): Promise<T> {
    const fixed = jst(iso);
    const clockBot = await startBot(running.api.url, {}, () => fixed + 1000);
    try {
      return await talk(driver(clockBot.url, running.api, userId, () => fixed));
    } finally {
      await clockBot.app.close();
    }
  }
  const at = (iso: string, userId: string, text: string) => withClock(iso, userId, async (u) => textOf(await u.say(text)));

  it('weekday 14:00: open and usually quiet', async () => {
    expect(await at('2026-11-24T14:05:00', 'Uclock1', '今つながる?')).toMatch(/14:05.*平日.*受付中.*すいて/);
  });
  it('weekday 10:00: open but busy, quieter hours suggested', async () => {
    const text = await at('2026-11-24T10:00:00', 'Uclock2', 'サポートの受付時間は?');
    expect(text).toMatch(/混みやすい/);
    expect(text).toMatch(/14時〜16時/);
  });
  it('holiday morning counts as a weekend day', async () => {
    expect(await at('2026-11-23T10:00:00', 'Uclock3', '今つながる?')).toMatch(/土日祝.*混みやすい/);
  });
  it('23:00: phone closed, urgent needs go to the 24h chat', async () => {
    expect(await at('2026-11-24T23:00:00', 'Uclock4', '今つながる?')).toMatch(/受付時間外/);
    expect(await at('2026-11-24T23:00:00', 'Uclock5', '急ぎでカスタマーサービスに問い合わせたい')).toMatch(/チャット/);
  });
  it('urgent during opening hours: the phone callback route, with its steps', async () => {
    await withClock('2026-11-24T15:00:00', 'Usupport', async (u) => {
      const menu = await u.say('カスタマーサービスに問い合わせたい');
      expect(textOf(menu)).toMatch(/チャット\(24時間/);
      const phone = await u.tap(lastOf(menu), '急いでいる');
      expect(textOf(phone)).toMatch(/今は電話がおすすめ/);
      const steps = await u.tap(lastOf(phone), '折り返し電話の頼み方');
      expect(textOf(steps)).toMatch(/カスタマーサービス.*\n.*\n.*電話で問い合わせる/);
    });
  });
  it.each([
    ['プライム会員の窓口は?', /本人確認/],
    ['Amazonビジネスの問い合わせ', /管理画面/],
    ['Kindleのサポートに問い合わせたい', /シリアル番号/],
    ['偽の番号の見分け方', /知恵袋/],
  ])('%s', async (text, expected) => {
    expect(textOf(await user(`Uspecial${text}`).say(text))).toMatch(expected);
  });
});

describe('5. what to prepare before calling', () => {
  it('asks for the problem, then sends a Flex checklist with a plain-text fallback and the explain tips', async () => {
    const u = user('Uprep');
    const ask = await u.say('Amazonに電話する前に何を用意すればいい?');
    expect(lastOf(ask).quickReply!.items.map((i) => i.action.label)).toEqual(expect.arrayContaining(['配送', '返品・返金', 'アカウント']));
    const checklist = await u.tap(lastOf(ask), '返品・返金');
    expect(checklist[0]!.type).toBe('flex');
    expect(checklist[0]!.altText).toMatch(/注文番号[\s\S]*返品したい理由/);
    const tips = textOf(await u.tap(lastOf(checklist), '上手な伝え方'));
    expect(tips).toMatch(/注文番号/);
    expect(tips).toMatch(/日時は具体的/);
    expect(tips).toMatch(/どうしてほしいか/);
  });
  it('picks the device checklist from free text', async () => {
    expect(textOf(await user('Uprep2').say('Kindleの件で電話する前に準備するものは?'))).toMatch(/シリアル番号/);
  });
});

describe('6. everything around it', () => {
  it('greets new friends with the menu', async () => {
    const messages = await user('Ufollow').follow();
    expect(textOf(messages)).toMatch(/友だち追加ありがとう/);
    expect(lastOf(messages).quickReply!.items.length).toBeGreaterThanOrEqual(6);
  });
  it.each(['メニュー', 'help'])('"%s" shows the menu', async (text) => {
    expect(textOf(await user(`Umenu${text}`).say(text))).toMatch(/できること|What I can do/);
  });
  it('"最初から" resets, and buttons from before the reset are recognised as stale', async () => {
    const u = user('Ureset');
    const old = await u.say('折り返すべき?');
    expect(textOf(await u.say('最初から'))).toMatch(/最初からやり直します/);
    expect(textOf(await u.tap(lastOf(old), '今日中に受け取りたい'))).toMatch(/以前の会話/);
  });
  it.each([
    ['注文してないのに電話が来た', /ギフト/],
    ['深夜2時に着信', /間違い電話か自動音声/],
    ['無言電話だった', /誤操作/],
    ['この番号は着信拒否していい?', /連絡先に登録/],
  ])('FAQ: %s', async (text, expected) => {
    expect(textOf(await user(`Ufaq${text}`).say(text))).toMatch(expected);
  });
  it('stickers, images and unknown text get a helpful answer with the menu', async () => {
    const u = user('Uodd');
    for (const messages of [await u.sticker(), await u.image()]) {
      expect(textOf(messages)).toMatch(/メニュー|着信番号/);
      expect(lastOf(messages).quickReply!.items.length).toBeGreaterThan(3);
    }
    // Text it cannot read gets its closest guesses, or the menu when it has none.
    const unread = await u.say('あいうえお');
    expect(textOf(unread)).toMatch(/もしかして|メニュー|着信番号/);
    expect(lastOf(unread).quickReply!.items.length).toBeGreaterThanOrEqual(2);
  });
  it('answers in English to English', async () => {
    const u = user('Uenglish');
    expect(textOf(await u.say('Who called me from 0120-070-585?'))).toMatch(/contracted delivery driver/);
    expect(textOf(await u.say('They asked for my credit card number'))).toMatch(/is a scam/);
  });
  it('a desktop user (no quick replies) is told what to type, and typing a label picks that button', async () => {
    const u = user('Udesktop');
    const menu = await u.say('メニュー');
    expect(textOf(menu)).toMatch(/ボタンが出ないときは「誰からの電話\?」「メニュー」と送ってください/);
    expect(textOf(await u.say('詐欺かも?'))).toMatch(/何を言われたか/);
    // The option number still works for those used to it, though the reply no longer lists the numbers.
    expect(textOf(await u.say('2'))).toMatch(/詐欺/);
  });
});

describe('every reply that reached LINE', () => {
  it('respects LINE limits and never carries an unvetted phone number', () => {
    const replies = running.api.calls.filter((c) => c.path.endsWith('/reply') || c.path.endsWith('/push'));
    expect(replies.length).toBeGreaterThan(40);
    const allowed = allowedDigitForms([...directory.vettedE164, ...typedByUsers]);
    for (const call of replies) {
      const messages = OutgoingMessages.parse(call.body.messages);
      for (const m of messages) {
        for (const item of m.quickReply?.items ?? []) expect(graphemeCount(item.action.label)).toBeLessThanOrEqual(20);
        const text = m.type === 'text' ? m.text : m.altText;
        for (const run of text.match(/\+?\d[\d\-\s()]{6,}\d/g) ?? []) expect(allowed, `unvetted number ${run}`).toContain(digitsOf(run));
      }
    }
  });
});
