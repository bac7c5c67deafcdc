/**
 * The details a question carries (why the user would or would not call back, what kind of support problem,
 * what the call is about) and the short replies that only mean something after the bot's last question.
 * Each is a closed set with a few readable patterns; the topic itself comes from the classifier.
 */
import type { CallbackSituation, FollowUp, PrepTopic, SupportNeed } from '../../flows/types.js';
import { DEVICE } from './lexicon.js';

type Rule<T> = { value: T; pattern: RegExp };

const first = <T>(rules: Rule<T>[], text: string, folded: string): T | null =>
  rules.find((r) => r.pattern.test(text) || r.pattern.test(folded))?.value ?? null;

const SITUATIONS: Rule<CallbackSituation>[] = [
  { value: 'wantsToday', pattern: /今日中|今日(?:もう|また)?(?:一回|いっかい|もっかい|もう一度)?(?:来て|きて|持って|届け)|今日(?:の|は)?(?:うちに|中に)?(?:受け取|欲し|ほし|使|届|必要|いる)|今夜(?:使|必要)|当日|急いで(?:受け取|欲し|ほし)|すぐ(?:に)?(?:欲し|ほし|受け取)|待ってた荷物|楽しみに|(?:need|want|get) (?:it|the (?:parcel|package)) today|today.{0,4}(?:欲し|ほし)|by tonight|for tonight|asap.*(?:parcel|package)|need (?:it|the (?:parcel|package)) (?:now|today|tonight)|(?:want|need|get) (?:my|the|this) (?:package|parcel|delivery|order|stuff|item)s? (?:today|tonight|now)|(?:need|want) (?:it|them) (?:by )?(?:today|tonight)/i },
  { value: 'addressWorry', pattern: /住所|番地|部屋番号|号室|建物名|マンション名|表札|(?:家|うち)(?:が|の場所が)?(?:分かりにく|わかりにく|見つけにく)|引っ越|address|apartment number|room number|building name/i },
  { value: 'dislikesPhone', pattern: /(?:電話|話す|しゃべる|喋る)(?:で話す)?(?:の|こと)?(?:が|は|って)?(?:ほんとに|本当に|ほんま|すごく|ちょっと|めっちゃ|とても|かなり)?(?:苦手|怖|こわ|嫌|いや|無理|しんど|ストレス|緊張|億劫|面倒)|(?:scared|afraid|nervous|anxious) (?:to|of|about|when)? ?(?:talk|speak|call|phon)|(?:知らない人|他人)と(?:話|しゃべ)|話したくな|しゃべりたくな|出たくな|かけたくな|人見知り|コミュ障|(?:hate|dislike|don'?t like|afraid of|scared of|anxious about|nervous about|avoid) (?:the )?(?:phone|calls|calling|talking|speaking)|phone anxiety|rather not (?:call|talk|phone|speak)|don'?t want to (?:call|talk|speak)/i },
  { value: 'busy', pattern: /忙し|日中(?:は)?(?:家に)?いな|昼間(?:は)?(?:家に)?いな|meetings?|nothing urgent|いそがし|急いで(?:い)?な|急ぎ(?:じゃ|では)な|急がな|後で|あとで|のちほど|仕事中|会議|授業中|運転中|手が離せな|出られな|それどころじゃ|明日でいい|いつでもいい|今度でいい|busy|not urgent|no rush|later|at work|in a meeting|driving|can'?t (?:talk|answer) (?:now|right now)|whenever/i },
];

const NEEDS: Rule<SupportNeed>[] = [
  { value: 'prime', pattern: /プライム|ぷらいむ|prime/i },
  { value: 'business', pattern: /ビジネス|法人|会社(?:で|用|の)|請求書|領収書|経費|business|invoice|receipt for (?:my|the) company/i },
  { value: 'device', pattern: DEVICE.pattern },
  { value: 'detailed', pattern: /send (?:amazon |them )?an? e-?mail|e-?mail (?:them|amazon)|メールで(?:問い合わせ|送|相談)|写真|しゃしん|画像|添付|資料|スクショ|証拠|詳しく(?:説明|書)|長く|長文|文章で|ちゃんと説明|photo|picture|screenshot|attach|document|evidence|long (?:story|explanation)|in detail|in writing/i },
  // Asking for the chat (where it is, or wanting it instead of a call); not "チャットは苦手".
  { value: 'chat', pattern: /(?<!電話も|でんわも)(?:チャット|ちゃっと)(?!も|は苦手|が苦手|だと|じゃ)|\bchat\b(?! is hard)/i },
  { value: 'simple', pattern: /パスワード(?:を)?(?:変え|変更|忘れ)|ぱすわーど|追跡|どこにある|どこまで来|配送状況|荷物の状況|自分で|自己解決|ヘルプページ|簡単な|change (?:my )?password|reset (?:my )?password|track(?:ing)?|where is my|myself|on my own|help page|simple/i },
  { value: 'urgent', pattern: /急ぎ|今日中|薬|today|medicine|急いで|いそいで|すぐ(?:に)?(?:話|連絡|解決|つなが)|至急|今すぐ|大至急|困って(?:る|います)|urgent|asap|right now|immediately|quickly/i },
];

const PREP_TOPICS: Rule<PrepTopic>[] = [
  { value: 'returnRefund', pattern: /返品|へんぴん|返金|へんきん|交換|壊れて|破損|違う(?:商品|もの)|間違った商品|不良|return|refund|exchange|broken|damaged|wrong item/i },
  { value: 'account', pattern: /アカウント|メアド|メールアドレス|登録情報|email address|あかうんと|ログイン|ろぐいん|パスワード|ぱすわーど|乗っ取|サインイン|二段階|account|log ?in|sign ?in|password|hacked/i },
  { value: 'payment', pattern: /支払|払っ|払い|代引|請求|決済|引き落と|二重|カード(?:の)?(?:明細|請求)|料金|課金|payment|charge|billing|billed|double charged/i },
  { value: 'device', pattern: DEVICE.pattern },
  { value: 'delivery', pattern: /配送|配達|届かない|届いてない|届いていない|こない|来ない|荷物|にもつ|不在|置き配|delivery|deliver|parcel|package|hasn'?t arrived|not arrived/i },
];

/**
 * Questions about the channels themselves, which the classifier spreads over several topics: "phone, chat or
 * e-mail, which is best?", "how long does an e-mail reply take?", and everyday tasks people think need a call
 * ("must I phone for a return?"), which the app and help pages do on their own.
 */
export type ChannelQuestion = 'compare' | 'emailReply' | 'selfService';
const CHANNELS = [/電話|でんわ|phone|\bcall/i, /チャット|ちゃっと|\bchat/i, /メール|めーる|e-?mail|\bmail/i];
const WHICH = /どれ|どっち|どちら|何が|なにが|一番|いちばん|おすすめ|which|better|best|recommend|should i use|\bvs\.?\b|versus/i;
const EMAIL_REPLY = /(?:メール|めーる|e-?mail|\bmail).{0,30}(?:返事|へんじ|返信|へんしん|回答|かいとう|返って|時間|じかん|かかる|何日|どれくらい|どのくらい|どれぐらい|どのぐらい|reply|answer|response|respond|hear back|take|takes)|(?:返事|返信|reply|response).{0,12}(?:メール|めーる|e-?mail)/i;
const HOW_LONG = /何日|なんにち|どのくらい|どのぐらい|どれくらい|どれぐらい|いつ|かかる|遅い|how long|how many days|when|days|slow/i;
const TASKS = /返品|へんぴん|返金|へんきん|キャンセル|きゃんせる|解約|かいやく|パスワード|ぱすわーど|\breturn|refund|cancel|password/i;
const MUST_CALL_OR_HOW = /電話(?:しないと|しなきゃ|が必要|は必要|必要|するしか|しかない|で(?:しか|ないと)|すべき|したほうが|した方が|しなくて)|でんわ(?:しないと|しなきゃ|必要)|(?:だめ|ダメ|いけない)(?:\?|？|なの|ですか)?$|どうすれば|どうやって|やり方|方法|手続き|どこから|どこで|(?:have|need) to (?:call|phone|ring)|must i (?:call|phone)|do i (?:have|need) to (?:call|phone)|how (?:do|can) i|where do i/i;
/** Cancelling an order is done in the order history, whatever else the message says around it. */
const CANCEL_ORDER = /注文(?:を|の)?(?:キャンセル|きゃんせる|取り消)|(?:キャンセル|きゃんせる)(?:したい|する)[^。]{0,10}注文|cancel (?:my|an|the|this) order/i;
const PREPARING = /準備|用意|じゅんび|よういする|伝え方|説明|prepare|ready|explain/i;

/** In the support tree "返事はいつ来る?" can only be about the e-mail. */
const A_REPLY = /返事|へんじ|返信|回答|\breply\b|hear back|get back to me/i;

export function readChannelQuestion(text: string, folded: string, inSupport = false): ChannelQuestion | null {
  const t = `${text}\n${folded}`;
  if ((EMAIL_REPLY.test(t) || (inSupport && A_REPLY.test(t))) && HOW_LONG.test(t)) return 'emailReply';
  if (CHANNELS.filter((c) => c.test(t)).length >= 2 && WHICH.test(t)) return 'compare';
  if (((TASKS.test(t) && MUST_CALL_OR_HOW.test(text)) || CANCEL_ORDER.test(t)) && !PREPARING.test(t)) return 'selfService';
  return null;
}

export const readSituation = (text: string, folded: string) => first(SITUATIONS, text, folded);
export const readNeed = (text: string, folded: string) => first(NEEDS, text, folded);
export const readPrepTopic = (text: string, folded: string) => first(PREP_TOPICS, text, folded);

// Only whole short messages count: "はい" is a follow-up, "はい、0120…から着信が" is not.
const FOLLOW_UPS: Rule<FollowUp>[] = [
  { value: 'hello', pattern: /^(?:こんにちは|こんにちわ|こんばんは|こんばんわ|おはよう(?:ございます)?|はじめまして|初めまして|もしもし|hi|hello|hey|hiya|good (?:morning|afternoon|evening))(?:です|ね|よ|な)?[\s!！。.〜~ー👍🙏😊👋]*$/i },
  { value: 'how', pattern: /^(?:(?:え|えっ|ええ|じゃ(?:あ)?|では|で|なら|それ)[、,\s]*)?(?:どうやって|どうやって(?:確認|確かめ|見)(?:る|れば|するの|すればいい|んの)?|やり方(?:は)?|方法(?:は)?|どこ(?:を)?見(?:れば|たら)(?:いい)?|how|how do i (?:check|do (?:that|it)|see)|how\?|where do i (?:check|look))[\s?？!]*$/i },
  { value: 'why', pattern: /^(?:(?:え|えっ|ええ|へえ|ふーん|で|じゃ(?:あ)?|それって|それ)[、,\s]*)?(?:なぜ|なんで|何で|どうして|なんでや|なんで\?|理由は|why|why\?|how come|why is that|why so)[\s?？!]*$/i },
  { value: 'willCallBack', pattern: /^(?:じゃ(?:あ)?|では|なら|ほな|ほんなら|そんなら|んじゃ|したら|よし|ok|おk|了解|わかった|分かった|それなら)?[\s、,]*(?:(?:折り返|おりかえ|かけ直|かけなお|掛け直)(?:す|します|しま[ー〜~]?す|そう|そうかな|してみる|してみます|しとく|しときます|すね|すわ|するわ|する)|電話(?:してみる|してみます|する|します|するわ)|かけてみ(?:る|ます)|かけます)[\s!！。.、〜~ねよかなわー]{0,6}$|^(?:ok |okay |alright |then )?i(?:'ll| will) call (?:them |him |her |it )?back[.! ]*$/i },
  { value: 'whatNow', pattern: /^(?:じゃ(?:あ)?|では|なら|で|それで|ほな)?[\s、,]*(?:どうする|どうすれば(?:いい)?|どうしたら(?:いい)?|どうしよう|何をすれば(?:いい)?|なにすれば(?:いい)?|次は|つぎは)(?:の|ん)?(?:\?|？|ですか|かな|？)*[\s?？!]*$|^(?:so |ok |okay |and |then )?(?:what now|what next|now what|then what|what should i do(?: now| next)?|what do i do(?: now| next)?|so what do i do)[\s?？!.]*$/i },
  { value: 'dontUnderstand', pattern: /^(?:よく|ちょっと|いまいち|全然|ぜんぜん)?(?:わからない|分からない|わかんない|わかりません|分かりません|意味がわからない|意味が分からない|むずかしい|難しい|どういうこと|どういう意味)(?:です)?[\s?？!。.…]*$|^(?:i )?(?:don'?t|do not) (?:get it|understand)[\s?？!.]*$|^(?:what do you mean|i'?m confused|confused|too complicated)[\s?？!.]*$/i },
  { value: 'toEnglish', pattern: /^(?:英語で|えいごで|英語でお願いします?|英語にして|in english(?: please)?|english(?: please)?|can you (?:speak|write|answer) (?:in )?english\??)[\s?？!。.]*$/i },
  { value: 'toJapanese', pattern: /^(?:日本語で|にほんごで|日本語でお願いします?|日本語にして|in japanese(?: please)?|japanese(?: please)?)[\s?？!。.]*$/i },
  { value: 'yes', pattern: /^(?:はい|うん|ええ|そう|そうです|そうだよ|そうなの|そうそう|お願い(?:します)?|おねがい|頼む|たのむ|ok|okay|yes|yeah|yep|sure|please|y)[\s!！。.?？]*$/i },
  { value: 'no', pattern: /^(?:いいえ|いや|ううん|違う|ちがう|違います|no|nope|nah|not really)[\s!！。.]*$/i },
];

/**
 * Follow-ups said with a few more words ("英語でお願い、夫に見せたい", "よくわからん、もっと簡単に",
 * "なんで無視でいいの?", "yes please", "ほなどないしたらええの"). They are read as follow-ups only when the
 * message is short and names nothing else (no number, link, scam sign or note: the caller says `plain`).
 */
const LOOSE_MAX_CHARS = 60;
const NOT_ABOUT_SUPPORT_LANGUAGES = /対応|オペレーター|サポート|窓口|話せ|相談|support|operator|speak|talk to|available|service/i;
const LOOSE_FOLLOW_UPS: Rule<FollowUp>[] = [
  { value: 'toEnglish', pattern: /(?:英語|えいご)(?:で|に(?:して|訳)|版)|英訳|\bin english\b|^english\b|\benglish (?:please|pls|version)|translate (?:it |that |this )?(?:in)?to english/i },
  { value: 'toJapanese', pattern: /(?:日本語|にほんご)(?:で|に(?:して|戻)|のセリフ|版)|和訳|日本語訳|\bin japanese\b|^japanese\b|\bjapanese (?:please|pls|version)|translate (?:it |that |this )?(?:in)?to japanese/i },
  {
    value: 'dontUnderstand',
    pattern:
      /(?<![がはをのもか])(?:わから|分から|わかん|わがん|わがら|わかりま|分かりま)(?:ない|ん|へん|ね|ません|ない)|意味(?:が)?(?:不明|わから|分から)|いみわから|どういうこと|どゆこと|どういう意味|むず(?:い|かし)|難し|ややこし|もっと(?:簡単|かんたん|やさし|優し|わかりやす|分かりやす|短く)|(?:簡単|かんたん)に(?:言|教え|して)|短く|^つまり(?:なに|何|どういうこと)?[?？]?$|^(?:は|え|ん|へ)[?？]+|confus|(?:don'?t|do not) (?:get|follow|understand)|what do you mean|what does (?:that|it) mean|i'?m lost|simpler|short version|too (?:long|much|complicated)|plain english|^huh\b|わかりにく|分かりにく|ピンとこ|ぴんとこ|ちんぷんかんぷん|頭に入らな|要するに|一言で|ひとことで|もう一(?:回|度)説明|もう少し(?:詳しく|わかりやす|分かりやす)|\bunclear\b|not clear|come again|explain (?:it |that )?again|in simple (?:words|terms)|^what\?+$|^eh\??$|^\?{2,}$/i,
  },
  { value: 'why', pattern: /^(?:(?:え|えっ|でも|ほんま(?:に)?|本当に|じゃあ|で|それ)[、,?？!\s]*)*(?:なんで|なぜ|何で|どうして|なして|理由は|why\b|how come|how so|how can you (?:be sure|tell|know))/i },
  {
    value: 'whatNow',
    pattern:
      /(?:どう|どない|どげん|どがん|どぎゃん)(?:す|し)(?:る|れば|たら|よ|っぺ|ましょう|よう)|どうしとけば|\bwhat now\b|\bnow what\b|what (?:do|should|can) i do|what'?s (?:my|the) (?:options?|next step)|次(?:は|どう)|何(?:を)?すれば|なにすれば|anything (?:else )?i can do|^(?:で|ほんで|それで|それから|and then|then what|what next)[?？]+$/i,
  },
  { value: 'no', pattern: /^(?:いや|ううん|いいえ|いらない|いらん|no|nah|nope)(?:[、,\s.!！。]*(?:いい|ええ|大丈夫|結構|もういい|もう大丈夫|いいや|ええわ|いいわ|平気|不要|いらない|not now|no need|thanks|thank you|thx|i'?m (?:good|fine|ok)|that'?s (?:ok|fine|all)|i know how))+(?:です)?[\s!！。.〜~わよ]*$/i },
  {
    value: 'yes',
    pattern: /^(?:はい|うん|ええ|おう|んだ|んだんだ|せや|そや|yes|yeah|yep|sure|ok(?:ay)?|おけ|お願い|おねがい|頼む|たのむ)(?:[、,\s!！。.]*(?:お願い(?:します)?|おねがい(?:します)?|教えて(?:けろ|ください|くれ|や)?|頼むわ?|たのむわ?|please|pls|sure|go ahead|do it|それで|見せて|わ))*[\s!！。.〜~]*$/i,
  },
];

/**
 * "やっぱり日本語で。折り返す必要ある?", "日本語に戻して。チャットは?": a question asked beside the language
 * request is the question to answer, in that language; "英語で教えて、夫に見せたい" asks nothing new.
 * Returns the message without the request when what is left ends as a question.
 */
export function questionBesideLanguageRequest(text: string): string | null {
  const request = LOOSE_FOLLOW_UPS.find((r) => (r.value === 'toEnglish' || r.value === 'toJapanese') && r.pattern.test(text));
  if (!request) return null;
  const rest = text.replace(request.pattern, ' ').trim();
  return /[?？]\s*$/.test(rest) && /[\p{L}]{2}/u.test(rest) ? rest : null;
}

export function readFollowUp(text: string, plain: boolean): FollowUp | null {
  const whole = first(FOLLOW_UPS, text, text);
  if (whole || !plain || text.length > LOOSE_MAX_CHARS) return whole;
  const loose = first(LOOSE_FOLLOW_UPS, text, text);
  return (loose === 'toEnglish' || loose === 'toJapanese') && NOT_ABOUT_SUPPORT_LANGUAGES.test(text) ? null : loose;
}
