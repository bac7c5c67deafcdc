/**
 * Details a message names besides its question: a question with one short answer of its own (a note:
 * "where is my card company's number?") and the reason for a driver's call it mentions ("オートロックだから?").
 * Matched against the message as written (katakana kept), first match wins.
 */
import type { CallReason, NoteId } from '../../../flows/types.js';
import { CALL_BACK, CALLING_OUT, has, NOBODY_ANSWERS, type MessageForms } from '../lexicon.js';

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
  { note: 'relayedNumber', pattern: /(?:私|わたし|自分|うち|こっち|こちら|俺|僕)の(?:電話)?番号(?:を|って)?(?:知って|しって|分かって|わかって|教え)|(?:個人|本人|自分)の(?:携帯|スマホ|電話)(?:じゃ|では|から)|なんで(?:いつも)?0120|なぜ0120|why (?:a |the )?(?:0120|toll-free)|know my (?:phone )?number|(?:their|his|her|own) (?:personal|own) (?:phone|mobile)/i },
];
export function noteOf(message: MessageForms): NoteId | null {
  const note = NOTES.find((n) => n.pattern.test(message.text))?.note ?? null;
  // "何回かけても繋がらない" is the user calling, not being called.
  return note === 'repeatedCalls' && has(message, CALLING_OUT, CALL_BACK, NOBODY_ANSWERS) ? null : note;
}

/** A reason named in the message: "オートロックだから?", "置き配にしてるのに", "住所の部屋番号を忘れた". */
const REASONS: { reason: CallReason; pattern: RegExp }[] = [
  { reason: 'autoLock', pattern: /オートロック|おーとろっく|インターホン(?:が)?(?:壊|故障|鳴ら|鳴って|聞こえ)|エントランス|auto-?lock|intercom|entrance|buzzer/i },
  { reason: 'dropOff', pattern: /置き配|おきはい|ガスメーター|宅配ボックス|宅配box|自転車の(?:カゴ|かご)|玄関前|ドアの前|置いて(?:いい|も)|drop-?off|leave it at|delivery box|meter box|doorstep|bike basket/i },
  { reason: 'address', pattern: /住所|番地|部屋番号|号室|建物名|マンション名|アパート名|表札|新築|引っ越|地図に|address|room number|apartment number|building name|nameplate|new building|just moved/i },
  { reason: 'notHome', pattern: /留守(?!電)|不在(?!着信|票|の(?:SMS|連絡|通知))|家にい(?:た|る|ました)|在宅|帰って|戻って|戻れ|何分で|待って(?:ます|る|くれ)|生鮮|冷凍|冷蔵|代引|置き配不可|nobody (?:was )?home|wasn'?t home|not home|be back|wait for me|fresh food|frozen|cash on delivery/i },
];

export const reasonOf = (words: string): CallReason | null => REASONS.find((r) => r.pattern.test(words))?.reason ?? null;
