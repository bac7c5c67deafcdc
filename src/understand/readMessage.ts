/**
 * A message → its Reading: every part of it at once (numbers, links, scam signs, harm done, the question,
 * its details, the language). Facts that must be exact come from rules and parsers (numbers: libphonenumber,
 * links: linkify-it + tldts, scam signs: scamSigns.ts); the question comes from the classifier trained on
 * the project's examples, nudged by what the bot asked last.
 */
import type { Knowledge } from '../../data/schema.js';
import { HANDOVER_SIGNS, type CallReason, type FlowId, type Lang, type NoteId, type Reading, type Topic } from '../../flows/types.js';
import { foldForClassifier, withoutLinks } from './foldText.js';
import { createLinkReader, type LinkReader } from './links.js';
import { detectLanguage, normalizeText } from './normalizeText.js';
import type { NumberDirectory } from './phoneNumbers.js';
import { readAskedTime } from './askedTime.js';
import { readScamSigns } from './scamSigns.js';
import { readFollowUp, readNeed, readPrepTopic, readSituation, readChannelQuestion } from './slots.js';
import { trainTopicModel, type RankedTopic, type TopicModel } from './topicClassifier.js';

export interface MessageContext {
  /** The decision tree the user is in, if any: it makes that tree's questions likelier. */
  activeFlow: FlowId | null;
  previousLang: Lang;
  /** When the message was sent (epoch ms), for "18時ごろは?"; omitted where no time applies. */
  at?: number;
}

export interface MessageReader {
  read(text: string, ctx: MessageContext): Reading;
}

const RESET = /^(?:最初から|はじめから|初めから|リセット|やり直し|やりなおし|reset|restart|start over)[\s!！。.]*$/i;
const MENU = /^(?:メニュー|めにゅー|menu|help|ヘルプ|使い方|つかいかた|何ができる|なにができる|what can you do)[\s?？!！。.]*$/i;
const ACKNOWLEDGEMENT =
  /^(?:はい|うん|ええ|おけ|おk|ok|okay|k|了解|りょ|りょうかい|わかった|分かった|わかりました|分かりました|なるほど|ありがとう|ありがと|どうも|サンキュー|さんきゅ|thanks|thank you|thx|ty|got it|cool)(?:です|ございます|ね|よ|な)?[\s!！。.〜~ー👍🙏😊]*$/i;
// Hosts and URLs ("amazon.co.jp", "http://…") are Latin whatever language their sender writes.
const HOST_LIKE = /\S*[a-z0-9-]\.[a-z]{2,}\S*/gi;
// Full-width Latin only comes from a Japanese keyboard; NFKC would otherwise make it look like English.
const FULL_WIDTH_LATIN = /[Ａ-Ｚａ-ｚ]/;

const FLOW_TOPICS: Record<FlowId, Topic[]> = {
  callerIdentification: ['whoCalled', 'callReasons', 'shouldCallBack'],
  callbackDecision: ['shouldCallBack', 'callbackFailed', 'redelivery'],
  scamCheck: ['scamCheck', 'linkCheck'],
  supportChannel: ['supportContact', 'supportPhone', 'supportHours', 'fakeSupportNumber'],
  prepareCall: ['prepareCall', 'explainTips'],
};
/** How much likelier the current tree's questions are: enough to settle a close call, not to overrule. */
const CONTEXT_BOOST = 2;
/**
 * A short follow-up ("じゃあいつがいい?", "切っていいの?") has few characters for the classifier to go on:
 * where the conversation stands counts for more.
 */
const SHORT_FOLLOW_UP_BOOST = 6;
const SHORT_FOLLOW_UP_CHARS = 14;
/** Below this the bot says it is unsure and offers its best guesses as buttons. */
const MIN_CONFIDENCE = 0.3;
/** "どういたしまして" to a question the bot did not get would be worse than saying it did not get it. */
const SURE_SMALL_TALK = 0.7;
/** With a number in the message "who is it" is answered anyway; a second question this likely gets answered too. */
const SECOND_QUESTION = 0.25;
// Matched against the folded text, where katakana is already hiragana (ドライバー → どらいばー).
/** Still talking to them (or on hold), or being asked something at this very moment. */
const STILL_ON_CALL =
  /まだ(?:電話|通話|でんわ)(?:中|が?(?:つなが|繋が)|して|切って(?:ない|いない))|(?:今|いま)[^。]{0,20}(?:電話|通話)(?:が)?(?:つながって|繋がって)(?:る|いる|ます)|(?:今|いま)(?:も|まさに)?(?:電話|通話|でんわ)(?:中|してる|している|で(?:話|はな))|通話中|電話口|保留中|(?:今|いま)(?:まさに)?.{0,12}(?:聞かれて|言われて|求められて|急かされて|頼まれて)(?:る|い)|still on the (?:phone|line|call)|on the (?:phone|line) (?:with .{0,30} )?(?:right )?now|(?:they'?re|they are|he'?s|he is|she'?s|she is) (?:still )?on the line|haven'?t hung up|(?:are|is) asking (?:me )?(?:for|to) .{0,30}(?:right )?now/i;
const NOT_ORDERED = /何もない|なにもない|何も(?:入って|来て)(?:ない|いない)|使って(?:ない|いない)|利用して(?:ない|いない)|身に覚え|覚え(?:が|は)?(?:ない|ありません|なし)|おぼえ(?:が)?ない|心当たり(?:が|は)?(?:ない|ありません|なし)|こころあたり(?:が)?ない|(?:注文|頼ん|たのん|買っ|かっ)(?:て|で)?(?:ない|ません|へん)|注文(?:を)?してない|頼んだ覚え|ぎふと|ギフト|定期|didn'?t order|never ordered|not ordered|no order|nothing ordered|haven'?t ordered|did not order|gift|subscribe/i;
/** "カード会社の番号がわからない": where the number is. A carrier's own number: not in the vetted data. */
const NOTES: { note: NoteId; pattern: RegExp }[] = [
  { note: 'cardCompany', pattern: /カード会社.{0,12}(?:番号|電話|連絡先|窓口).{0,12}(?:わから|分から|知らな|どこ|調べ)|(?:card (?:company|issuer)|issuer|bank)'?s? (?:phone )?number|(?:number|contact) (?:of|for) (?:my|the) (?:card company|card issuer|bank)|how (?:do i|to) (?:call|contact|reach) (?:my|the) (?:card company|card issuer)/i },
  // Asking for a carrier's own number; only mentioning the carrier is the next note.
  { note: 'carrierNumber', pattern: /(?:ヤマト|やまと|クロネコ|佐川|さがわ|日本郵便|郵便局|ゆうパック|西濃|福山|yamato|kuroneko|sagawa|japan post).{0,20}(?:番号|電話番号|連絡先|number|phone).{0,12}(?:教えて|知りたい|何番|わから|分から|どこ|調べ|tell me|what is|what's|give me)/i },
  { note: 'otherCarriers', pattern: /ヤマト|やまと|クロネコ|くろねこ|佐川|さがわ|日本郵便|ゆうパック|amazon ?flex|アマゾンフレックス|yamato|kuroneko|sagawa|japan post/i },
  // "何も頼んでない/注文履歴に何もないのに電話": no parcel on its way means no reason to call back.
  { note: 'noOrderInTransit', pattern: /注文履歴(?:に|には|を見ても|見ても|みても|みたら|見たら)?[^。]{0,10}(?:何も|なにも|一つも|ひとつも|1個も|一個も)(?:ない|なかった|ありません|入って(?:ない|いない))|(?:配達中|配送中)(?:の荷物|のもの)?(?:が|は|も)?[^。]{0,4}(?:ない|なかった|ありません)|nothing (?:in|on) my order history|no (?:order|parcel|package|delivery)s? (?:on (?:its|the) way|in transit|coming|due)|(?:not|n'?t) expecting (?:a|any) (?:parcel|package|delivery)|haven'?t ordered anything/i },
  // The app shows a parcel on its way at the time of the call: the call was genuine.
  { note: 'orderMatches', pattern: /(?:配達中|配送中|本日到着予定)[^。]{0,6}(?:なって|だった|出て|表示|あった|ある)[^。]{0,30}(?:時間|とき|時刻|タイミング|ちょうど|電話|着信|本物)|(?:配達中|本日到着予定)(?:って|と)?(?:なってた|なってる|だった|出てた|出てる|になってた|になってる)[\s。!！]*$|(?:out for delivery|arriving today|配達中)[^.]{0,40}(?:same time|matches|just when|right when|came right)/i },
  { note: 'driverMap', pattern: /あと\s*[0-9０-９〇何]+\s*個|地図に(?:トラック|ドライバー|車)|(?:stops?|parcels?) away|on (?:the|a) map/i },
  { note: 'tollFree', pattern: /(?:電話代|通話料|通話代|料金|お金)[^。?？]{0,8}(?:かかる|とられ|取られ|発生|払う)|(?:cost|charge)s? (?:me )?(?:money|anything)|(?:will|would) i be charged|is it free to call|toll-?free\?/i },
  { note: 'notSales', pattern: /営業(?!時間|中|日)|勧誘|セールス|telemarket|sales call|marketing call|spam call/i },
  { note: 'nothingFound', pattern: /(?:メッセージセンター|家族|妻|夫|旦那|嫁|親|母|父|message cent(?:er|re)|family|wife|husband|parents)[^。?？.]{0,20}(?:何もない|なにもない|知らない|送ってない|誰も|だれも|nothing|no one|nobody|didn'?t send)/i },
  // "アマゾンって不在のときSMS送ってくる?": yes, from known senders, which can be faked too.
  { note: 'amazonTexts', pattern: /(?:アマゾン|あまぞん|amazon)(?:って|は|から|の)?[^。?？]{0,12}(?:sms|ＳＭＳ|ショートメール|しょーとめーる|メッセージ)[^。?？]{0,10}(?:送って|来る|くる|届く|送る|あるの|ある\?|ある？)|(?:sms|ショートメール)[^。?？]{0,10}(?:本物も|公式の?(?:番号|送信元))|送信元[^。?？]{0,8}(?:番号|どこ|一覧)|does amazon (?:send|text)|(?:official|real|genuine) (?:amazon )?(?:sms|text) (?:numbers?|senders?)|(?:sms|text)s? from (?:a )?foreign(?:-looking)? numbers?/i },
  { note: 'spamMail', pattern: /迷惑メール|スパムメール|怪しいメール|へんなメール|変なメール|spam (?:e-?mails?|mail)|phishing e-?mails?|junk mail/i },
  { note: 'whyNoNumber', pattern: /(?:なんで|なぜ|どうして)[^。?？]{0,15}(?:電話番号|番号)[^。?？]{0,10}(?:のせて|載せて|公開して|出して|書いて)(?:ない|ません|いない)|why (?:doesn'?t|does not|won'?t) amazon (?:\w+ )?(?:publish|list|give|show|have) (?:a |its |their )?(?:phone |support )?number|no (?:public )?phone number/i },
  // Many calls from the drivers' number: why they keep calling, and what to do.
  // Before repeatedCalls: "家族も知らない" is the end of the gift question, not a call.
  { note: 'repeatedCalls', pattern: /(?:何度も|何回も|毎日|しつこく|めっちゃ|頻繁に|何度か|さっきから|一日に[0-9何]+回|[0-9２-９]+回も?)(?:[^。]{0,10})?(?:電話|でんわ|かかって|着信|鳴る|くる|来る)|(?:keeps?|kept) (?:calling|ringing)|call(?:s|ed|ing)? (?:me )?(?:again and again|over and over|every day|many times|several times)|so many calls/i },
  { note: 'orderNumber', pattern: /注文番号(?:って|は|が)?[^。?？]{0,6}(?:どこ|わから|分から|どうやって|見つから|どれ)|where (?:do i find|is) (?:my |the )?order number/i },
  { note: 'languages', pattern: /(?:日本語|英語|中国語|韓国語|外国語|english|chinese|korean)(?:で|の|でも)?.{0,8}(?:対応|話せ|相談|サポート|できる|してもらえ|オペレーター|support|speak|help|available|operator)|(?:support|help|operator|speak|talk|service)[^.?]{0,12}\bin (?:english|chinese|korean)/i },
  { note: 'relayedNumber', pattern: /(?:私|わたし|自分|うち)の(?:電話)?番号(?:を|って)?(?:知って|しって|分かって|わかって|教え)|(?:個人|本人|自分)の(?:携帯|スマホ|電話)(?:じゃ|では|から)|なんで(?:いつも)?0120|なぜ0120|why (?:a |the )?(?:0120|toll-free)|know my (?:phone )?number|(?:their|his|her|own) (?:personal|own) (?:phone|mobile)/i },
];
function noteOf(words: string): NoteId | null {
  const note = NOTES.find((n) => n.pattern.test(words))?.note ?? null;
  // "何回かけても繋がらない" is the user calling, not being called.
  return note === 'repeatedCalls' && /かけ(?:ても|直|なお)|折り返|繋がらない|つながらない|no answer|doesn'?t pick up/i.test(words) ? null : note;
}

/** A reason named in the message: "オートロックだから?", "置き配にしてるのに", "住所の部屋番号を忘れた". */
const REASONS: { reason: CallReason; pattern: RegExp }[] = [
  { reason: 'autoLock', pattern: /オートロック|おーとろっく|インターホン(?:が)?(?:壊|故障|鳴ら|鳴って|聞こえ)|エントランス|auto-?lock|intercom|entrance|buzzer/i },
  { reason: 'dropOff', pattern: /置き配|おきはい|ガスメーター|宅配ボックス|宅配box|自転車の(?:カゴ|かご)|玄関前|ドアの前|置いて(?:いい|も)|drop-?off|leave it at|delivery box|meter box|doorstep|bike basket/i },
  { reason: 'address', pattern: /住所|番地|部屋番号|号室|建物名|マンション名|アパート名|表札|新築|引っ越|地図に|address|room number|apartment number|building name|nameplate|new building|just moved/i },
  { reason: 'notHome', pattern: /留守(?!電)|不在(?!着信|票|の(?:SMS|連絡|通知))|家にい(?:た|る|ました)|在宅|帰って|戻って|戻れ|何分で|待って(?:ます|る|くれ)|生鮮|冷凍|冷蔵|代引|置き配不可|nobody (?:was )?home|wasn'?t home|not home|be back|wait for me|fresh food|frozen|cash on delivery/i },
];
const SCRIPT_QUESTION = /(?:なんて|何て|何を|なにを|なに|何)(?:言えば|いえば|言う|話せば|伝えれば|言ったら)|何言えば|なに言えば|何伝えれば|what (?:do|should) i (?:say|tell)|what to say/i;
const DRIVER_ASKED = /聞かれ|きかれ|言われ|いわれ|確認され|確かめられ|って(?:電話|連絡)|と(?:電話|連絡)(?:が|で)|(?:電話|でんわ)で[^。]{0,12}(?:聞|確認|言)|asked (?:me )?(?:for|about|to confirm|whether|if)|wanted to (?:know|confirm|check)|said (?:he|she|they) (?:couldn'?t|could not|can'?t)/i;
// "出ていい?" asks whether to pick up; "出られなかった(けど大丈夫?)" says the call was missed.
const PICK_UP = /出(?:て|ても)(?:いい|大丈夫|平気|問題)|出る(?:べき|ほうが|方が)|出た(?:ほうが|方が)(?:いい)?|出るか出ないか|出る\?出ない|(?:出る|でる)[?？]|(?:鳴って|かかって)(?:る|きてる)[^。]{0,10}(?:出|でる)|should i (?:pick up|answer)|(?:can|may|do) i (?:pick (?:it )?up|answer)|is it (?:ok|okay|safe) to (?:answer|pick up)/i;
const MISSED = /出ないと|出なかったら|出なくても|(?:出|で)(?:られ|れ)?(?:なかった|ません?でした|れんかった|られへんかった|へんかった|んかった)|出そびれ|出損ね|気づかなかった|気付かなかった|取れなかった|取り損ね|無視しちゃった|無視してしまった|missed (?:the|a|their|his|her|it|an?)|couldn'?t (?:answer|pick up|get to)|didn'?t (?:answer|pick up|hear)/i;
const MANY_TRIES = /何回(?:も|か)?|何度(?:も)?|[0-9０-９]+回|ずっと(?:呼び出し|鳴って|繋がら|つながら)|さっきから|いくら(?:かけ|電話)|several times|many times|again and again|(?:tried|called) (?:\d+|many|several|a few|three|four|five|ten) times|keeps? (?:ringing|going to)/i;
const NEW_YEAR = /年末|年始|正月|お正月|三が日|元旦|元日|大晦日|大みそか|new year|(?<![\d/])1\/[1-3](?![\d/])|1月[1-3]日|12\/31/i;
/** Calling Amazon (out), not a call that came in: "今かけてもつながる?", "何時まで電話できる?". */
const CALLING_OUT = /(?:かけ|掛け)(?:る|て|たい|ても|れる|ようと|ると)|電話(?:する|したい|しても|できる|していい|って何時|は何時|何時|やって|つなが|繋が|受付)|つながる|繋がる|つながりやす|繋がりやす|やってる|受付|何時から|何時まで|混んで|空いて|すいて|call (?:them|amazon|customer)|\bopen\b|reach (?:them|amazon|someone)|get through/i;
/** "今電話できる?", "もう始まった?", "is it open now?": whether the phone line is open, whatever else is asked. */
const OPEN_NOW =
  /(?:今|いま|まだ|もう|今から|いまから|今日|きょう|今夜|ぎりぎり)[^。?？]{0,8}(?:電話|でんわ|予約|窓口|サポート|カスタマー)[^。?？]{0,6}(?:できる|できます|いける|つながる|繋がる|つながります|間に合う|やってる|やってます|始まった|はじまった|終わ|無理|大丈夫\?|大丈夫？)|(?:今|いま|まだ|もう)[^。?？]{0,4}(?:つながる|繋がる|やってる|やってます|始まった|受付(?:中|して))|電話(?:って|は|の受付|受付)?(?:何時|なんじ|[0-9０-９]+時から|[0-9０-９]+時まで)|(?:can|could) i (?:call|phone|ring|get a call ?back|talk to (?:someone|anyone|a person))[^.?]{0,20}(?:now|at|tonight|today|still|yet|anywhere)|(?:is|are) (?:it|they|the (?:phone )?line|support|customer service|the phone) (?:still )?open|phone (?:line )?(?:still )?open|\bcall(?:ing)? (?:ok|okay|at|around|after|before)\b|still open|open (?:now|yet|today)|what time (?:does|do|is)|(?:phone|support|customer service) hours/i;
/** "24時間つながる電話番号ある?": there is none; the hours answer says so, with the real hours. */
const ROUND_THE_CLOCK = /24時間(?:つながる|繋がる|対応|受付|電話|やって|の電話)|24[- ]?(?:hours?|\/7)[^.?]{0,20}(?:phone|number|line|call)/i;
/** Topics a missed-call or pick-up question is often mistaken for. */
const CALL_QUESTION_LIKE = new Set<Topic>(['whoCalled', 'silentCall', 'explainTips', 'prepareCall', 'callReasons', 'unorderedParcel', 'oddHours', 'none', 'shouldCallBack']);
/** "Is that OK?" after "I missed it": without it, a missed call is only the start of another question. */
const IS_IT_OK = /大丈夫|だいじょうぶ|問題|まずい|やばい|平気|どうなる|怒られ|いい[?？]|いいの|いいかな|\bproblem|\bok\b|okay|\bfine\b|matter|\bbad\b|what happens|in trouble/i;
const CALL_BACK_TROUBLE = /話し中|つながらない|繋がらない|no answer|nobody (?:answers|picks up)/i;
/** The user's own call not answered: the call-back-failed question, not the support hours. */
const NOBODY_ANSWERS = /話し中|つながらない|繋がらない|誰も出|だれも出|出ない(?!と|で|ほう|方|って|まま)|出てくれない|呼び出し音|no answer|nobody (?:answers|picks up|answered)|busy tone|doesn'?t pick up/i;
/** A number the user found ("検索したら…24時間受付って出てきた") is the fake-number question, not the hours. */
const FOUND_SOMEWHERE = /検索|ネット|知恵袋|サイト|出てきた|載って|のって|見つけ|広告|sns|twitter|インスタ|found|search|google|online|website|forum/i;
const REAL_DRIVER_ASKS = /(?:本物の|本当の)?(?:ドライバー|配達員|配達の人|宅配の人)(?:って|は|が)[^。?？]{0,15}(?:お金|カード|暗証|振込)[^。?？]{0,10}(?:聞いてくる|聞く|求める|請求する|言ってくる)|(?:real|genuine|actual) (?:amazon )?(?:driver|delivery)[^.?]{0,30}(?:ask|want|demand)[^.?]{0,15}(?:money|card|pin|payment)/i;
const SOMETHING_ELSE_RESET = /(?:パスワード|ぱすわーど|設定|アカウント|注文|ちゅうもん|スマホ|端末|ルーター|password|settings|account|order|phone|device)[^。]{0,6}(?:リセット|りせっと|キャンセル|きゃんせる|やり直|reset|cancel)/i;
const VERIFY = /(?:本物|本当|ほんもの)(?:か|かどうか)[^。?？]{0,8}(?:確かめ|確認|見分け|わかる|分かる|調べ)|how (?:do|can|could) i (?:know|tell|check|verify|be sure)|(?:fakes?|spoofs?) the number|so it'?s real|really (?:an? )?amazon|(?:is|was) it (?:really )?(?:real|legit|genuine)/i;
const BARE_CALL_REPORT = /^(?:さっき|いま|今|また)?(?:知らない番号から)?(?:電話|でんわ|着信)(?:が)?(?:きた|来た|あった|きました|来ました|ありました)[\s!！。.…]*$|^(?:i )?(?:got|had) a (?:call|missed call)[\s!.]*$/i;
const CALL_CAME_IN = /着信|かかってき|掛かってき|電話(?:が)?(?:きた|来た|あった|鳴った)|から(?:の)?電話|called me|rang me|missed call|call from|got a call/i;
/** Amazon's own support named: then calling is calling them, not the driver. */
const SUPPORT_WORDS = /カスタマー|サポート|問い合わせ|問合せ|窓口|チャット|あまぞんに|アマゾンに|amazonに|オペレーター|customer service|support|operator/i;
/** Booking Amazon's callback: "電話予約", "アプリからかけてもらえる?". */
const CALLBACK_BOOKING = /電話予約|折り返し(?:の)?(?:予約|依頼)|コールバック|(?:かけて|電話して|折り返して)(?:もらえる|くれる|もらう)|call ?back request|request a call|book a call|(?:call|ring) me back|get a call ?back|get them to call me/i;
const DELIVERY_WORDS = /配達|配送|どらいばー|荷物|宅配|driver|delivery|parcel|package/i;

export function createMessageReader(model: TopicModel, directory: NumberDirectory, links: LinkReader): MessageReader {
  return {
    read(raw, ctx) {
      const text = normalizeText(raw);
      // A link on its own says nothing about the user's language.
      const lang: Lang = FULL_WIDTH_LATIN.test(raw) ? 'ja' : detectLanguage(text.replace(HOST_LIKE, ' '), ctx.previousLang);
      const numbers = directory.identifyAll(text);
      const found = links.findLinks(text);
      const folded = foldForClassifier(text);
      const words = withoutLinks(text);
      const { signs, harmDone } = readScamSigns(words, folded, {
        hasLinks: found.length > 0,
        numbers,
        answeringWhatHappened: ctx.activeFlow === 'scamCheck',
        answeringDriverCall: ctx.activeFlow === 'callerIdentification' || ctx.activeFlow === 'callbackDecision',
      });
      const situation = readSituation(words, folded);
      const need = readNeed(words, folded);
      const prepTopic = readPrepTopic(words, folded);
      const unreadNumber = numbers.length === 0 && looksLikeAPhoneNumber(words);
      // "なんて言えばいい?" about calling a driver back is the call-back script, not how to explain to support.
      const scriptAsked = SCRIPT_QUESTION.test(words) && (ctx.activeFlow === 'callbackDecision' || ctx.activeFlow === 'callerIdentification' || CALL_BACK.test(folded));
      const base: Omit<Reading, "topic" | "alternatives"> = {
        lang, numbers, unreadNumber, links: found, signs, harmDone, situation, need, prepTopic, followUp: scriptAsked ? 'willCallBack' : readFollowUp(text), onCall: STILL_ON_CALL.test(words), note: noteOf(words),
        reason: REASONS.find((r) => r.pattern.test(words))?.reason ?? null,
        driverAsked: DRIVER_ASKED.test(words),
        callQuestion: MISSED.test(words) ? 'missed' : PICK_UP.test(words) ? 'pickUp' : null,
        manyTries: MANY_TRIES.test(words),
        newYear: NEW_YEAR.test(words),
        askedTime: ctx.at === undefined ? null : readAskedTime(words, ctx.at),
      };

      if (text.length === 0) return { ...base, topic: 'none', alternatives: [] };
      if (RESET.test(text)) return { ...base, topic: 'reset', alternatives: [] };
      if (MENU.test(text)) return { ...base, topic: 'menu', alternatives: [] };
      // "はい" or "ok" that the last reply offered nothing for, "hi", "thanks": nothing to act on. (A follow-up
      // the last reply did offer something for is resolved before the topic is looked at.)
      // Greetings are the 'hello' follow-up (slots.ts), so the greeting words live in one list.
      if (ACKNOWLEDGEMENT.test(text) || base.followUp === 'hello' || (base.followUp === 'willCallBack' && ctx.activeFlow === 'callbackDecision')) {
        return { ...base, topic: 'smallTalk', alternatives: [] };
      }

      // Questions about the channels themselves, unless the message reports a scam or a number.
      const channelQuestion = signs.length === 0 && !harmDone && numbers.length === 0 && found.length === 0 ? readChannelQuestion(words, folded) : null;
      if (channelQuestion) {
        const asked = { compare: null, emailReply: 'detailed', selfService: 'simple' } as const;
        return { ...base, need: asked[channelQuestion], topic: 'supportContact', alternatives: [] };
      }

      const ranked = boosted(model.rank(folded), ctx.activeFlow, words.length <= SHORT_FOLLOW_UP_CHARS && numbers.length === 0);
      const [best, ...rest] = ranked;
      const alternatives = rest.filter((r) => r.topic !== 'none' && r.topic !== 'smallTalk').slice(0, 3).map((r) => r.topic);
      const guessed = !best || best.p < MIN_CONFIDENCE || (best.topic === 'smallTalk' && best.p < SURE_SMALL_TALK) ? 'none' : best.topic;
      const topic = settleTopic(guessed, base, { flow: ctx.activeFlow, words: hasWords(folded), runnerUp: ranked[1], folded, text: words });
      return { ...base, topic, alternatives: topic === 'none' && best ? [best.topic, ...alternatives].filter((t) => t !== 'none').slice(0, 3) : alternatives };
    },
  };
}

type ReadingFacts = Omit<Reading, 'topic' | 'alternatives'>;
// Signs that someone tried to get money, data or control: whatever else the message asks, it is a scam report.
// Questions a scam report outranks; blocking, links and found-online numbers keep their own, more specific answer.
const OUTRANKED_BY_SCAM = new Set<Topic>([
  'whoCalled', 'callReasons', 'shouldCallBack', 'oddHours', 'silentCall', 'unorderedParcel', 'orderCheck', 'supportContact',
  'supportPhone', 'prepareCall', 'explainTips', 'menu', 'smallTalk', 'none',
]);

/**
 * What the exact parts of the reading say about the question, where they are surer than the classifier:
 * harm done and scam signs, the answer to the question the bot just asked, a number sent on its own.
 */
interface TopicClues {
  flow: FlowId | null;
  /** False when the message is only numbers, links and punctuation. */
  words: boolean;
  runnerUp: RankedTopic | undefined;
  folded: string;
  /** The message without its links, not folded (katakana kept). */
  text: string;
}

function settleTopic(guessed: Topic, r: ReadingFacts, clues: TopicClues): Topic {
  const { flow, runnerUp, folded } = clues;
  const cheated = r.signs.some((s) => HANDOVER_SIGNS.includes(s));
  const foundOnline = r.signs.includes('fakeSupportNumber');
  const asksWho = WHO_QUESTION.test(folded);
  const aboutDelivery = DELIVERY_WORDS.test(folded) || r.numbers.some((n) => n.role === 'deliveryDriver');
  if (r.harmDone) return 'scamCheck';
  // "Start over" is a command only about the conversation: "設定をリセット", "注文をキャンセル" are content.
  if (guessed === 'reset' && SOMETHING_ELSE_RESET.test(clues.text)) return 'none';
  // "本物か確かめたい", "how do I know it's really a driver?": the check is the order history, whatever the number.
  if (!cheated && !r.harmDone && VERIFY.test(clues.text) && !FOUND_SOMEWHERE.test(clues.text) && !SUPPORT_WORDS.test(clues.text)) return 'orderCheck';
  // "アマゾンに電話するとき何伝えればいい": what to say to support is how to explain it (the driver's script is the call-back tree's).
  if (SCRIPT_QUESTION.test(clues.text) && flow !== 'callbackDecision' && flow !== 'callerIdentification' && !CALL_BACK.test(folded) && !cheated) return 'explainTips';
  // "電話きた" and nothing else: whose number it was is the first thing to know.
  if (BARE_CALL_REPORT.test(clues.text) && r.numbers.length === 0) return 'whoCalled';
  // After a scam warning, "切った、何も言ってない" or "警察に言うべき?" continues that conversation: the
  // delivery-driver answers (silent calls, call back, why they call) would reassure the wrong caller.
  if (flow === 'scamCheck' && DELIVERY_SCRIPT.has(guessed) && r.numbers.length === 0) return 'scamCheck';
  if (!clues.words) return r.numbers.length > 0 || r.unreadNumber ? 'whoCalled' : r.links.length > 0 ? 'linkCheck' : 'none';
  // "0120-070-585から着信" asks nothing beyond the number itself.
  if ((r.numbers.length > 0 || r.unreadNumber) && folded.replace(CALL_REPORT_FILLER, '').replace(/[＃\s?!.,、。]/g, '') === '') return 'whoCalled';
  // Asked what the call is about, "ログインできなくなった" names the problem; only "how do I say it" is explainTips.
  if (flow === 'prepareCall' && r.prepTopic && (guessed !== 'explainTips' || !HOW_TO_SAY.test(folded))) return 'prepareCall';
  if (flow === 'supportChannel' && r.need && !cheated) return 'supportContact';
  // A situation answers "should I call back?" when the user is in that conversation, or when the classifier
  // itself hesitated between that and something else ("住所の入力が心配": why they call? call back?).
  const callbackLike =
    (CALLBACK_LIKE.has(guessed) && (runnerUp?.topic === 'shouldCallBack' || (aboutDelivery && guessed !== 'callReasons'))) ||
    // "今夜使うんだけど、今すぐかけ直せばまだ持ってきてもらえる?": calling back, with a reason, is the call-back question.
    (CALL_BACK.test(folded) && (guessed === 'redelivery' || guessed === 'whoCalled'));
  if (r.situation && !cheated && (flow === 'callbackDecision' || flow === 'callerIdentification' || callbackLike)) {
    return 'shouldCallBack';
  }
  // Calling Amazon is not calling a driver back: "今かけてもつながる?", "9時になったし電話予約しよ".
  const aboutTheDriver =
    r.numbers.some((n) => n.role !== 'officialSupport') || aboutDelivery || CALL_CAME_IN.test(clues.text) || CALL_BACK.test(folded) || NOBODY_ANSWERS.test(clues.text);
  if (!aboutTheDriver && !r.harmDone && (OPEN_NOW.test(clues.text) || (ROUND_THE_CLOCK.test(clues.text) && !FOUND_SOMEWHERE.test(clues.text)))) return 'supportHours';
  if (!cheated && (!aboutTheDriver || (CALL_BACK.test(folded) && !r.numbers.length && !aboutDelivery && !CALL_CAME_IN.test(clues.text))) && CALLBACK_BOOKING.test(clues.text)) return 'supportPhone';
  // "本物のドライバーってお金を聞いてくる?": what a real driver never asks is the scam question.
  if (!cheated && REAL_DRIVER_ASKS.test(clues.text)) return 'scamCheck';
  if (!cheated && !aboutTheDriver && (DRIVER_CALL_TOPICS.has(guessed) || guessed === 'none') && CALLING_OUT.test(clues.text)) return 'supportHours';
  if (!cheated && SUPPORT_WORDS.test(clues.text) && !r.numbers.length && guessed === 'oddHours' && !CALL_CAME_IN.test(clues.text)) return 'supportHours';
  // "出れなかったけど大丈夫?", "I missed it, is that a problem?": the call-back question, asked as missed or pick-up.
  const asksAboutTheCall = r.callQuestion === 'pickUp' || (r.callQuestion === 'missed' && IS_IT_OK.test(clues.text));
  if (asksAboutTheCall && !cheated && r.signs.length === 0 && !CALL_BACK_TROUBLE.test(clues.text) && CALL_QUESTION_LIKE.has(guessed)) return 'shouldCallBack';
  if ((NOBODY_ANSWERS.test(clues.text) || (r.manyTries && flow === 'callbackDecision')) && (flow === 'callbackDecision' || flow === 'callerIdentification' || CALL_BACK.test(folded))) return 'callbackFailed';
  if (ONE_RING.test(folded) && !cheated && guessed !== 'blockNumber') return 'silentCall';
  // "…から連絡が来た" is a call, not a parcel nobody ordered: that answer needs the order to be in doubt.
  if (guessed === 'unorderedParcel' && !NOT_ORDERED.test(folded)) {
    if (r.reason) return 'callReasons';
    if (r.numbers.length > 0) return 'whoCalled';
  }
  // "アプリのどこを見れば?": the how-to of the in-app check, even beside a pasted SMS or a number.
  if (IN_APP_HOW.test(folded) && !/再配達|redeliver/i.test(folded) && !cheated && IN_APP_LIKE.has(guessed)) return 'orderCheck';
  // "出ても大丈夫?" / "無視でいい?" ask whether to pick up or call back, whatever else the words resemble.
  const pickUpLike =
    PICK_UP_LIKE.has(guessed) || (guessed === 'oddHours' && !r.signs.includes('oddHours')) || (guessed === 'scamCheck' && r.signs.length === 0);
  if (ANSWER_OR_IGNORE.test(folded) && !SILENCE.test(folded) && !cheated && pickUpLike) return 'shouldCallBack';
  let topic = guessed;
  // With a number in the message "who is it" gets answered anyway; a likely second question is the real one.
  if (topic === 'whoCalled' && !asksWho && r.numbers.length > 0 && runnerUp && runnerUp.p >= SECOND_QUESTION && runnerUp.topic !== 'none') {
    topic = runnerUp.topic;
  }
  if (topic === 'whoCalled' && asksWho) return 'whoCalled';
  // "2am call from a number i dont know. kinda creepy": nobody asked who; the hour is what bothers them.
  if (topic === 'whoCalled' && r.signs.includes('oddHours')) return 'oddHours';
  if (cheated && (OUTRANKED_BY_SCAM.has(topic) || topic === 'fakeSupportNumber')) return 'scamCheck';
  // "…と言われました" alone makes the classifier think of scams; with no sign, link, number or word of doubt,
  // its second guess is the question ("あまぞんのでんわばんごうをおしえてください。…といわれました").
  const noScamInSight = r.signs.length === 0 && r.links.length === 0 && r.numbers.length === 0 && !SCAM_WORDS.test(folded);
  if (topic === 'scamCheck' && noScamInSight && flow !== 'scamCheck' && runnerUp && runnerUp.topic !== 'none') topic = runnerUp.topic;
  // A call at 3 a.m.: asking whether it is real is a scam question, asking who it was is "who called",
  // and "こんな時間に?" with nothing else wrong is about the hour.
  // No hour in the message at all: the classifier's "odd hours" is a guess from other words.
  if (topic === 'oddHours' && !r.signs.includes('oddHours') && !ANY_TIME.test(folded)) topic = r.numbers.length > 0 ? 'whoCalled' : (runnerUp?.topic ?? 'none');
  if (topic === 'oddHours' && ASKS_IF_FAKE.test(folded)) return 'scamCheck';
  if (topic === 'oddHours' && asksWho && !TIME_QUESTION.test(folded)) return 'whoCalled';
  // "Who calls at that hour??" asks about the hour, whichever support question its words resemble.
  if (r.signs.includes('oddHours') && TIME_QUESTION.test(folded) && !ASKS_IF_FAKE.test(folded) && HOUR_OUTRANKS.has(topic)) return 'oddHours';
  const onlyTheHour = r.signs.every((sign) => sign === 'oddHours' || sign === 'spoofedNumber');
  if (topic === 'scamCheck' && onlyTheHour && !ASKS_IF_FAKE.test(folded) && r.links.length === 0 && (r.signs.includes('oddHours') || TIME_QUESTION.test(folded))) {
    return 'oddHours';
  }
  if (foundOnline && !cheated && FOUND_ONLINE_LIKE.has(topic)) return 'fakeSupportNumber';
  // "…こちらへお電話ください 050-…ってメールきた。かけていいの?": no link to check, only the number it gives.
  if (topic === 'linkCheck' && foundOnline && !cheated && r.links.length === 0) return 'fakeSupportNumber';
  // Unsure what was asked, but the message reports threats or a faked caller ID: the scam check is the safe answer.
  if (topic === 'none' && r.signs.some((s) => s === 'urgency' || s === 'spoofedNumber')) return 'scamCheck';
  if (topic === 'fakeSupportNumber' && !foundOnline) {
    if (r.signs.includes('spoofedNumber')) return 'scamCheck';
    if (r.numbers.length > 0 && r.numbers.every((n) => n.role === 'deliveryDriver')) return 'whoCalled';
  }
  return topic;
}

/** The drivers' call topics that a question about calling Amazon out is often mistaken for. */
const DRIVER_CALL_TOPICS = new Set<Topic>(['oddHours', 'shouldCallBack', 'silentCall', 'redelivery', 'callbackFailed', 'callReasons']);
const HOW_TO_SAY = /説明|伝え|言い方|話し方|言えば|話せば|まとめ|順番|最初に|何から|要点|うまく|上手|explain|describe|say|word|tell them|put it/i;

// Words that only report a call ("さっき…から着信がありました", "missed call from …"), longest first.
const CALL_REPORT_FILLER =
  /かかってきました|かかってきた|ありました|きました|来ました|着信|電話|でんわ|さっき|先ほど|今日|から|あり|あった|きた|来た|です|ました|が|の|って|これ|この|番号|\b(?:i|got|had|a|missed|call|calls|called|me|from|this|number|just|today|earlier)\b/gi;

const DELIVERY_SCRIPT = new Set<Topic>(['silentCall', 'shouldCallBack', 'callbackFailed', 'callReasons', 'redelivery', 'whoCalled']);

// Questions that a support number found online or given by a stranger turns into "is that number real?".
const FOUND_ONLINE_LIKE = new Set<Topic>(['scamCheck', 'supportPhone', 'supportContact', 'whoCalled']);
const ONE_RING = /ワン切り|わん切り|ワンギリ|わんぎり|one ring|rang once|rings? once/i;
/** "Is it real / a scam?" asked about a call: what turns an odd-hour question into a scam question. */
const ASKS_IF_FAKE = /本物|ほんもの|偽物|にせもの|詐欺|さぎ|本当に|ほんとに|じゃないよね|ちゃうよね|\bfake\b|\bscam|\breal\b|\blegit/i;
const WHO_QUESTION = /誰|どこの|何者|(?:配達|あまぞん|amazon)(?:員|の人|のひと|の?どらいばー|関係|系)?(?:さん)?(?:ですか|やろか|かな|\s?\?)|\bwho\b/i;
const TIME_QUESTION = /こんな時間|時間に|遅すぎ|早すぎ|遅い|早い|普通|ふつう|ありえ|ある\s?\?|あるの|late|early|normal|(?:that|this|such an?|what an?) (?:hour|time)/i;

const CALL_BACK = /折り返|かけ直|かけなお|掛け直|call (?:them |him |her |it )?back|ring (?:them )?back/i;
// In the folded text: アプリ → あぷり, マイページ → まいぺーじ.
const IN_APP_HOW =
  /(?:あぷり|注文履歴|まいぺーじ|配送状況|注文状況|注文の状態)[^?。]{0,16}(?:どこ|どう(?:やって|すれば|したら)|見方|やり方|方法|分かる|わかる)|(?:どこ|どっから)(?:を|から)?(?:見|押|さわ|開)|\b(?:how|where)\b.{0,40}\b(?:my orders?|order status|order history|tracking|in the app)\b/i;
const IN_APP_LIKE = new Set<Topic>(['linkCheck', 'shouldCallBack', 'redelivery', 'supportContact', 'scamCheck', 'whoCalled', 'callReasons', 'none']);
const ANSWER_OR_IGNORE =
  /(?:出|で)(?:ても|たほうが|た方が|るべき|ないと|なくても|んでも)|(?:無視|むし|するー|スルー|放置|ほっと|しかと)(?:して|しても|しといて|で|でも)?(?:いい|ええ|大丈夫|平気|ok|よく|問題)|(?:pick up|answer it|ignore it|ignore them)/i;
const SILENCE = /無言|切れ|ワン切り|わん切り|鳴って|silent|hung up|rang once/i;
const PICK_UP_LIKE = new Set<Topic>(['silentCall', 'unorderedParcel', 'callReasons', 'whoCalled', 'none']);
const ANY_TIME = /時|夜|朝|晩|早|遅|深夜|夜中|night|morning|evening|late|early|\b(?:am|pm)\b|[0-9](?:am|pm)/i;
const SCAM_WORDS = /詐欺|怪し|あやし|偽|にせ|本物|ほんもの|騙|だま|やばい|危な|不審|変な|おかしい|scam|fake|suspicious|fraud|legit|\breal\b|phish/i;
const HOUR_OUTRANKS = new Set<Topic>(['callReasons', 'supportPhone', 'supportContact', 'supportHours', 'none']);

// What a "why I would (not) call back" message gets mistaken for when it does not say "call back".
const CALLBACK_LIKE = new Set<Topic>(['callReasons', 'oddHours', 'unorderedParcel', 'supportPhone', 'supportContact', 'none']);

// A leading 0 or + and 6–13 digits with phone separators: dates, prices and order numbers do not start that way.
const PHONE_SHAPED = /(?<![0-9])[+]?0[0-9]?(?:[-‐ー－\s()]?[0-9]){5,12}(?![0-9])/;
const looksLikeAPhoneNumber = (text: string) => PHONE_SHAPED.test(text);

/** Anything besides numbers, links and punctuation: "0120070585?" is a bare number, "0120070585 誰" is not. */
const hasWords = (folded: string) => /[\p{L}]/u.test(folded.replace(/ＵＲＬ|＃/g, ''));

function boosted(ranked: { topic: Topic; p: number }[], flow: FlowId | null, short: boolean) {
  if (!flow) return ranked;
  const favoured = new Set(FLOW_TOPICS[flow]);
  const boost = short ? SHORT_FOLLOW_UP_BOOST : CONTEXT_BOOST;
  const scaled = ranked.map((r) => ({ topic: r.topic, p: favoured.has(r.topic) ? r.p * boost : r.p }));
  const sum = scaled.reduce((a, r) => a + r.p, 0);
  return scaled.map((r) => ({ topic: r.topic, p: r.p / sum })).sort((a, b) => b.p - a.p);
}

/** The reader the bot runs with: the classifier trained on data/understanding/*.jsonl at start-up. */
export function createReaderFromKnowledge(knowledge: Knowledge, directory: NumberDirectory): MessageReader {
  const model = trainTopicModel(knowledge.training.map((e) => ({ text: foldForClassifier(normalizeText(e.text)), topic: e.topic })));
  return createMessageReader(model, directory, createLinkReader(knowledge.domains));
}
