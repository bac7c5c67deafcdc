/** The rule-based parts of understanding: links, scam signs and harm, details, follow-ups, language, buttons. */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { decodePostback, encodePostback } from '../src/buttons/actionCodes.js';
import { allActionCodes } from '../src/render/options.js';
import { foldForClassifier } from '../src/understand/foldText.js';
import { createLinkReader } from '../src/understand/links.js';
import { detectLanguage, normalizeText } from '../src/understand/normalizeText.js';
import { createNumberDirectory } from '../src/understand/phoneNumbers.js';
import { createReaderFromKnowledge } from '../src/understand/readMessage.js';
import { readScamSigns } from '../src/understand/scamSigns.js';
import { readFollowUp, readNeed, readPrepTopic, readSituation } from '../src/understand/slots.js';

const knowledge = loadKnowledge();
const links = createLinkReader(knowledge.domains);
const scam = (text: string) => {
  const t = normalizeText(text);
  return readScamSigns({ text: t, folded: foldForClassifier(t) }, { hasLinks: links.findLinks(t).length > 0, numbers: [], answeringWhatHappened: false });
};
const slot = <T>(read: (t: string, f: string) => T) => (text: string) => read(normalizeText(text), foldForClassifier(normalizeText(text)));

describe('links', () => {
  it.each([
    ['詳細はhttps://amaz0n-jp.top/trackを確認', 'amaz0n-jp.top', 'imitation', 'lookalike'],
    ['http://amazon.co.jp.secure-login.xyz/a', 'amazon.co.jp.secure-login.xyz', 'imitation', 'brandElsewhere'],
    ['example.com/amazon/login', 'example.com', 'imitation', 'brandElsewhere'],
    ['bit.ly/3abc', 'bit.ly', 'imitation', 'shortener'],
    ['http://192.0.2.1/x', '192.0.2.1', 'imitation', 'ipAddress'],
    ['https://аmazon.co.jp/', 'xn--mazon-3ve.co.jp', 'imitation', 'punycode'],
    ['arnazon.co.jp/ap', 'arnazon.co.jp', 'imitation', 'lookalike'],
    ['amazom.co.jp', 'amazom.co.jp', 'imitation', 'lookalike'],
    ['https://www.amazon.co.jp/gp/css', 'www.amazon.co.jp', 'amazon', undefined],
    ['https://ｗｗｗ．ａｍａｚｏｎ．ｃｏ．ｊｐ/', 'www.amazon.co.jp', 'amazon', undefined],
    ['https://example.org/news', 'example.org', 'other', undefined],
  ])('%s → %s is %s', (text, host, verdict, reason) => {
    expect(links.findLinks(normalizeText(text))).toEqual([{ host, verdict, ...(reason ? { reason } : {}) }]);
  });

  it('a bare host quoted from the pasted link is part of that link, not a second (genuine) one', () => {
    for (const text of ['https://www.amazon.co.jp.secure-signin.jp/ap これ amazon.co.jp って入ってるし本物?', 'http://amazon.co.jp@203.0.113.77/login amazon.co.jp って書いてある']) {
      expect(links.findLinks(normalizeText(text)).map((l) => l.verdict)).toEqual(['imitation']);
    }
    expect(links.findLinks(normalizeText('amazon.co.jp と amazon-jp.top どっちが本物?')).map((l) => l.verdict)).toEqual(['amazon', 'imitation']);
  });

  it('finds no link in ordinary text, file names or version numbers', () => {
    for (const text of ['0120-070-585から電話', 'ファイル.txtを見て', 'ver1.2です', 'e.g. this']) expect(links.findLinks(normalizeText(text))).toEqual([]);
  });
});

describe('scam signs and harm already done', () => {
  it.each([
    'カード番号を伝えてしまいました',
    'カード番号伝えちゃった',
    'カード番号を教えた',
    'パスワード言っちゃったかも',
    'アマギフのコード読み上げてしもた',
    'アプリ入れてもうた',
    '5万円振り込んでしまった',
    'I already gave them my card number',
    "i've paid them with gift cards",
    // Family members, made-to forms, things shown or uploaded, money moved by someone else.
    '父が言われるままに銀行のアプリに暗証番号を打ち込みました',
    'スマホの画面で通帳を映してしまった',
    '免許証の写真をアップしちゃった',
    'コンビニで買ったカードの番号を写真で送らされた',
    '電話の後で口座から30万円送金されてた',
    '言われてアプリを入れてた',
    'my uncle let them into his computer for the refund',
    'the caller had me read the numbers on the back of the cards',
    "My aunt installed the app they said to, but she didn't give them the code",
    'コンビニでアマギフ3万円分買っちゃった',
  ])('"%s" is harm done', (text) => {
    expect(scam(text).harmDone).toBe(true);
  });

  it.each([
    'カード番号は教えてない', 'カード番号を教えたほうがいい?', '教えたらどうなる?', 'I did not give them anything', '荷物を受け取った',
    'ギフトカードは買ったけどまだ渡してない',
    'アマゾンで買ったやつ、アプリのどこで見ればいいかわからなかった', 'メールからじゃなくてアプリから注文を見たい', 'もしパスワード入れてたらやばかった?', '遠隔操作されるアプリって聞いたので入れなかった',
    'Amazonのサポートってツイッターで番号を教えられた、これ本物?', 'I bought the cards but have not sent them the codes yet',
    'they wanted my bank PIN, I told them no', 'asked for my CVV. told her i would call Amazon myself',
  ])(
    '"%s" is not harm done',
    (text) => {
      expect(scam(text).harmDone).toBe(false);
    },
  );

  it('money, card and identity words count only when someone asked for them', () => {
    expect(scam('カード番号を聞かれた').signs).toContain('cardNumber');
    expect(scam('カードの明細を見たい').signs).not.toContain('cardNumber');
    // Weighing whether to hand it over means someone asked; weighing a call back does not make one's own hurry a threat.
    expect(scam('電話の人にマイナンバー言っていいの?').signs).toContain('personalData');
    expect(scam('should i give the one-time code to the guy on the phone?').signs).toContain('personalData');
    expect(scam('今日中に受け取りたいので折り返すべきですか').signs).not.toContain('urgency');
    expect(scam('アカウントが凍結されると言われてギフトカードで払えと要求された').signs).toEqual(expect.arrayContaining(['giftCard', 'urgency', 'moneyDemand']));
  });

  it('a pasted link is an SMS-link sign; a 3 a.m. call is an odd-hours sign', () => {
    expect(scam('不在通知 http://amaz0n.top/x').signs).toContain('smsLink');
    expect(scam('夜中の3時に電話が来た').signs).toContain('oddHours');
  });
});

describe('details and follow-ups', () => {
  it('reads the call-back situation, support need and checklist topic in many phrasings', () => {
    expect(slot(readSituation)('急いでないので後でいい')).toBe('busy');
    expect(slot(readSituation)('知らない人と話すのが怖い')).toBe('dislikesPhone');
    expect(slot(readSituation)('きょうじゅうにほしい')).toBe('wantsToday');
    expect(slot(readNeed)('写真を添付したい')).toBe('detailed');
    expect(slot(readNeed)('Kindleが動かない')).toBe('device');
    expect(slot(readPrepTopic)('返金の前に準備するものは?')).toBe('returnRefund');
  });

  it('knows a bare follow-up from a message that merely starts like one', () => {
    expect(readFollowUp('なんで?', true)).toBe('why');
    expect(readFollowUp('はい', true)).toBe('yes');
    expect(readFollowUp('じゃあ折り返す', true)).toBe('willCallBack');
    expect(readFollowUp('どうやって確認するの?', true)).toBe('how');
    expect(readFollowUp('How?', true)).toBe('how');
    expect(readFollowUp("ok I'll call them back", true)).toBe('willCallBack');
    expect(readFollowUp('はい、0120-070-585から着信がありました', false)).toBeNull();
    expect(readFollowUp('折り返すべき?', true)).toBeNull();
  });

  it('reads a follow-up said with a few more words, when the message names nothing else', () => {
    expect(readFollowUp('英語でお願いします(海外の同僚に送るので)', true)).toBe('toEnglish');
    expect(readFollowUp('can you write that in japanese so i can show her', true)).toBe('toJapanese');
    expect(readFollowUp('よくわからん、もっと簡単に言うて', true)).toBe('dontUnderstand');
    expect(readFollowUp('huh? i don\'t follow', true)).toBe('dontUnderstand');
    expect(readFollowUp('なんで無視でいいの', true)).toBe('why');
    expect(readFollowUp('yes please', true)).toBe('yes');
    expect(readFollowUp('ほなどないしたらええの', true)).toBe('whatNow');
    expect(readFollowUp('要するに?', true)).toBe('dontUnderstand');
    expect(readFollowUp('なして?', true)).toBe('why');
    expect(readFollowUp('英訳して', true)).toBe('toEnglish');
    expect(readFollowUp('いや、不要です', true)).toBe('no');
    // A question about the support's languages is a question, not a request to switch.
    expect(readFollowUp('英語で対応してもらえる?', true)).toBeNull();
    // "注文番号がわからない" says what the user is missing, not that the answer was unclear.
    expect(readFollowUp('注文番号がわからない', true)).toBeNull();
    expect(readFollowUp('なんで0120070585から電話くるの', false)).toBeNull();
  });
});

describe('language', () => {
  it('Japanese when kana or kanji appear, English for Latin words, otherwise unchanged', () => {
    expect(detectLanguage('Amazonに電話', 'en')).toBe('ja');
    expect(detectLanguage('who called me', 'ja')).toBe('en');
    expect(detectLanguage('😱 090', 'en')).toBe('en');
  });
});

describe('postback payloads', () => {
  it('are written for every code as URLSearchParams writes them', () => {
    for (const code of allActionCodes()) for (const epoch of [0, 7, 12345]) expect(encodePostback(code, epoch)).toBe(new URLSearchParams({ a: code, e: String(epoch) }).toString());
  });

  it('round-trips a code and rejects stale or forged ones', () => {
    const data = encodePostback('callback:situation:busy', 3);
    expect(decodePostback(data, 3)).toEqual({ ok: true, code: 'callback:situation:busy' });
    expect(decodePostback(data, 4)).toEqual({ ok: false, reason: 'stale' });
    expect(decodePostback('a=callback:situation:sleepy&e=3', 3)).toEqual({ ok: false, reason: 'invalid' });
    expect(decodePostback('x'.repeat(400), 3)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('settling the question asked', () => {
  const directory = createNumberDirectory(knowledge);
  const reader = createReaderFromKnowledge(knowledge, directory);
  const read = (text: string, activeFlow: Parameters<typeof reader.read>[1]['activeFlow'] = null) => reader.read(text, { activeFlow, previousLang: 'ja' });

  it('a stranger\'s "Amazon support" number is a fake support line when given to call, a spoofed caller when it rang', () => {
    expect(read('SMSに書いてあった0570-01-2345に電話してって。アマゾンのサポートらしい').signs).toContain('fakeSupportNumber');
    const rang = read('0570-01-2345から着信、アマゾンのサポートですって');
    expect(rang.signs).toContain('spoofedNumber');
    expect(rang.signs).not.toContain('fakeSupportNumber');
  });

  it('a caller who asked for card data makes it a scam report, even when a number was "given"', () => {
    expect(read('0120-070-585からでんわきて、カード番号確認させてくださいって言われたんだけどこれ本物の番号？').topic).toBe('scamCheck');
  });

  it('"ok" and greetings are small talk; "I need my package" is not a caller asking for data', () => {
    for (const text of ['はい', 'おけ', 'hi', 'ありがとうございます!', 'ok👍']) expect(read(text).topic).toBe('smallTalk');
    expect(read('わかった、かけてみる', 'callbackDecision').topic).toBe('smallTalk');
    expect(read('missed the amazon driver call. i really need my package today. call back?').signs).toEqual([]);
  });

  it('unsure of the question but told of threats or a faked caller ID: the scam check; a number to call with no link: is that number real', () => {
    expect(read('電話の人に誰にも言うなって口止めされた、切らずにコンビニ行けって').topic).toBe('scamCheck');
    expect(read('SMSに「至急こちらへお電話ください 050-1234-5678」って。かけていいの?').topic).toBe('fakeSupportNumber');
  });

  it('"出ても大丈夫?" and "無視でいい?" ask whether to pick up or call back, unless the call was silent', () => {
    for (const text of ['でても だいじょうぶですか', 'さっきの配達の電話、ガン無視でよくない?', 'can I just ignore it?']) expect(read(text).topic, text).toBe('shouldCallBack');
    expect(read('出たら無言で切れた').topic).toBe('silentCall');
  });

  it('a night call nobody asked "who" about is about the hour; naming the problem while choosing a checklist picks it', () => {
    expect(read('2am call from a number i dont know. kinda creepy').topic).toBe('oddHours');
    expect(read('夜中の2時に知らない番号から着信。0120070585って出てた。怖いんだけど').topic).toBe('oddHours');
    // Katakana is folded to hiragana before these questions are looked for.
    expect(read('深夜2時に+852 6123 4567から電話。出なかったけどアマゾン関係？').topic).toBe('whoCalled');
    expect(read('Phone rang at 3:40am, number +852 5123 4478. Who calls at that hour??').topic).toBe('oddHours');
    expect(read('ログインできなくなった', 'prepareCall').topic).toBe('prepareCall');
    expect(read('どう説明すればうまく伝わる?', 'prepareCall').topic).toBe('explainTips');
  });
});
