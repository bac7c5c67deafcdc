/**
 * Issues 14 and 15 end to end, over signed webhooks to the real server: the reply answers the question first,
 * stays short, says what the documents say, knows the hour, puts what stops harm first, and follows the
 * conversation. Assertions are on what reached the (fake) LINE API.
 */
import { describe, expect, it } from 'vitest';
import { OutgoingMessages } from '../src/line/lineLimits.js';
import { atJapanTime, daytimeInJapan } from './helpers/clock.js';
import { driver, lastOf, textOf, type SentMessage } from './helpers/conversationDriver.js';
import { useBotWithFakeLine } from './helpers/startBot.js';

const running = useBotWithFakeLine();
let users = 0;

const talk = (clock: () => number = daytimeInJapan) => driver(running.bot.url, running.api, `Ufirst${++users}`, clock);
const firstLine = (m: SentMessage[]) => (m[0]!.text ?? m[0]!.altText ?? '').split('\n')[0]!;
const buttons = (m: SentMessage[]) => lastOf(m).quickReply?.items.map((i) => i.action.label) ?? [];

describe('1. the first sentence answers the question asked', () => {
  it.each([
    ['0120-070-585から電話。着信拒否していい?', /^着信拒否はせず、「Amazon配送」として連絡先に登録/],
    ['0120070585って着信拒否してもいい？', /^着信拒否はせず/],
    ['0120-070-585から着信あったけど出なかった。大丈夫?', /^出られなくても大丈夫です/],
    ['0120-070-585 出ても大丈夫?', /^出て大丈夫です/],
    ['返品って電話しないとだめ?', /^📖 電話しなくても/],
    ['注文をキャンセルしたい', /^📖 電話しなくても/],
    ['電話とチャットとメール、どれがいい?', /^急ぎなら電話.*チャット\(24時間.*メール\(返事は1〜2営業日\)/],
    ['メールの返事ってどのくらいかかる?', /^✉️ .*1〜2営業日/],
    ['何時から何時まで電話できる?', /毎日9時〜21時/],
    ['Is it OK to block 0120-070-585?', /^Better not to block it/],
  ])('%s', async (text, first) => {
    const reply = await talk().say(text);
    expect(() => OutgoingMessages.parse(reply)).not.toThrow();
    expect(firstLine(reply)).toMatch(first);
  });

  it('whose number it is shrinks to one line when the question is about something else', async () => {
    const all = textOf(await talk().say('0120-070-585から電話。着信拒否していい?'));
    expect(all).toContain('📞 0120-070-585 はAmazonの委託配送ドライバーの番号です。');
    expect(all).not.toMatch(/オートロック/); // the four reasons are for "who is it / why"
  });
});

describe('2. short: one or two bubbles, at most six buttons, one line for desktop LINE', () => {
  it.each(['0120-070-585', 'カード番号を聞かれた', '今つながる?', 'Amazonに電話する前に何を用意すればいい?', 'who called me from 0120-070-585?'])('%s', async (text) => {
    const reply = await talk().say(text);
    expect(reply.length).toBeLessThanOrEqual(3);
    expect(buttons(reply).length).toBeGreaterThan(0);
    expect(buttons(reply).length).toBeLessThanOrEqual(6);
    const all = textOf(reply);
    expect(all).toMatch(/\((?:ボタンが出ないときは「|No buttons\? Type ")/);
    expect(all).not.toMatch(/数字を送っても選べます|Or reply with a number/);
  });
});

describe('3. what the documents say', () => {
  it('a driver confirming the building name or room number is a legitimate call, not a scam', async () => {
    for (const text of ['0120-070-585から建物名がわからないって電話。住所言っても大丈夫なやつ？', '配達の人に部屋番号聞かれた']) {
      const all = textOf(await talk().say(text));
      expect(all).toMatch(/正当/);
      expect(all).not.toMatch(/詐欺です/);
    }
  });
  it('big carriers may show their own numbers', async () => {
    expect(textOf(await talk().say('0120-070-585ってクロネコ？'))).toMatch(/ヤマト運輸や佐川急便.*(?:その会社|自社)の番号/);
  });
  it('the checklist is the six items of document 001', async () => {
    const card = (await talk().say('電話の前に何を準備すればいい?'))[0]!;
    for (const item of ['注文番号', 'アカウントの氏名', '登録メールアドレス', 'お届け先の住所', '商品名と注文日', 'どうしてほしいか']) expect(card.altText).toContain(item);
  });
  it('an address left unclear can end in a cancelled order', async () => {
    expect(textOf(await talk().say('住所の部屋番号入れ忘れたかも…0120-070-585から電話来てた'))).toMatch(/キャンセル扱い/);
  });
});

describe('4. the hour: what is open now, and what is likely near the edges', () => {
  it('after 21:00 the phone line is closed and the 24-hour chat (and e-mail) is offered', async () => {
    const all = textOf(await talk(atJapanTime(23, 30)).say('今つながる?'));
    expect(firstLine([{ type: 'text', text: all }])).toMatch(/受付時間外.*チャット\(24時間\)か、?メール/);
  });
  it('"今電話できる?" asks about the phone line, it does not say the user is on a call', async () => {
    const all = textOf(await talk(atJapanTime(14, 30)).say('アマゾンのカスタマーサービスに今電話できる？'));
    expect(all).toMatch(/^🕘 .*電話の受付中/);
    expect(all).not.toMatch(/話しながら|電話を切って/);
  });
  it('at 14:30 it is open, with the hours in the same sentence', async () => {
    expect(textOf(await talk(atJapanTime(14, 30)).say('今つながる?'))).toMatch(/^🕘 いま\(14:30・(?:平日|土日祝)\)は電話の受付中\(毎日9時〜21時/);
  });
  it('at 21:05 a driver may still answer: likely, not certain', async () => {
    const all = textOf(await talk(atJapanTime(21, 5)).say('0120-070-585から電話あった。折り返したほうがいい?'));
    expect(all).toMatch(/まだつながるかもしれない/);
    expect(all).not.toMatch(/まずつながりません/);
  });
  it('at 2:30 a call from the drivers\' number is most likely a wrong number or a robocall', async () => {
    expect(firstLine(await talk(atJapanTime(2, 30)).say('0120-070-585から着信'))).toMatch(/間違い電話か自動音声/);
  });
});

describe('5. harm happening now: what stops it comes first', () => {
  it.each([
    ['まだ電話つながってて、今暗証番号を聞かれてる', /^📵 「一度アプリで確認します」と言って、今すぐ電話を切ってください。これ以上、何も伝えないでください。/],
    ['いま電話中、ワンタイムパスワード教えてって言われてる', /^📵 .*今すぐ電話を切って/],
    ['今話してる人にアプリ入れて画面見せてくださいって言われてる', /^📵 .*画面は見せないでください。入れたアプリは削除してください。/],
    ["I'm on the phone with them right now and they want my PIN", /^📵 Say "I will check in the app" and hang up now/],
  ])('%s', async (text, first) => {
    expect(firstLine(await talk().say(text))).toMatch(first);
  });
  it('money already sent: it was a scam, the help lines, keep the slip', async () => {
    const all = textOf(await talk().say('母がアマゾンの未払いがあるって電話で言われて、もう振り込んじゃったみたい'));
    expect(firstLine([{ type: 'text', text: all }])).toMatch(/詐欺です/);
    for (const n of ['188', '#9110', '110']) expect(all).toContain(n);
    expect(all).toMatch(/控え/);
  });
  it('a card number given: the card company, whose number is on the back of the card', async () => {
    const u = talk();
    const all = textOf(await u.say('カード番号教えちゃった'));
    expect(all).toMatch(/カード会社.*裏面/);
    expect(textOf(await u.say('カード会社の番号がわからない'))).toMatch(/^カード会社の電話番号は、カードの裏面/);
  });
});

describe('follow-ups mean something where the user is (issue 15)', () => {
  it('"なんで?" explains the last answer instead of repeating it; "よくわからない" says it in one sentence', async () => {
    const u = talk();
    const answer = textOf(await u.say('0120070585って着信拒否していい？'));
    const why = textOf(await u.say('なんで?'));
    expect(why).not.toEqual(answer);
    expect(why).toMatch(/からです/);
    expect(textOf(await u.say('よくわからない'))).toMatch(/^かんたんに言うと:/);
  });
  it('"英語で" says the last answer in English, and the conversation stays in English', async () => {
    const u = talk();
    await u.say('電話でカード番号を聞かれた');
    expect(textOf(await u.say('英語で'))).toMatch(/scam/i);
    expect(textOf(await u.say('じゃあどうする?'))).not.toMatch(/[\u3040-\u30ff]{4}/);
  });
  it('a command word inside a sentence is content: "注文をキャンセルしたい" does not start over', async () => {
    const u = talk();
    await u.say('0120-070-585から着信');
    expect(textOf(await u.say('注文をキャンセルしたい'))).not.toMatch(/最初からやり直します/);
  });
  it('"電話きた" on its own asks for the number; many calls get their own answer', async () => {
    expect(textOf(await talk().say('電話きた'))).toMatch(/着信した番号を送ってください/);
    expect(textOf(await talk().say('0120-070-585からめっちゃ電話くる'))).toMatch(/何度もかかってくるのは/);
  });
  it('a carrier\'s own number is never invented', async () => {
    const all = textOf(await talk().say('ヤマトの再配達の電話番号教えて'));
    expect(all).toMatch(/データに入っていない/);
    expect(all).not.toMatch(/\d{2,4}-\d{2,4}-\d{3,4}/);
  });
});
