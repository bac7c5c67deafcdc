/**
 * The bot's named word lists, each declared once, each tied to the form of the text it is matched against:
 * `text` is the message as normalised (NFKC, katakana kept), `folded` the classifier's form (katakana made
 * hiragana, common kana words given their kanji: でんわ → 電話), `either` tries both. A list declared for the
 * folded form with katakana or a kana word in it can never match; test/lexicon.test.ts catches that.
 * The grammar of scam reports (verb stems + endings) stays in scamSigns.ts: it is a rule, not a word list.
 */

export type TextForm = 'text' | 'folded' | 'either';
export interface WordList {
  readonly form: TextForm;
  readonly pattern: RegExp;
}
/** One message in both forms; a list picks the form it was written for. */
export interface MessageForms {
  readonly text: string;
  readonly folded: string;
}

const inText = (pattern: RegExp): WordList => ({ form: 'text', pattern });
const inFolded = (pattern: RegExp): WordList => ({ form: 'folded', pattern });
const inEither = (pattern: RegExp): WordList => ({ form: 'either', pattern });

export function has(message: MessageForms, ...lists: WordList[]): boolean {
  return lists.some(({ form, pattern }) =>
    form === 'text' ? pattern.test(message.text) : form === 'folded' ? pattern.test(message.folded) : pattern.test(message.text) || pattern.test(message.folded),
  );
}

export const RESET = inText(/^(?:最初から|はじめから|初めから|リセット|やり直し|やりなおし|reset|restart|start over)[\s!！。.]*$/i);
export const MENU = inText(/^(?:メニュー|めにゅー|menu|help|ヘルプ|使い方|つかいかた|何ができる|なにができる|what can you do)[\s?？!！。.]*$/i);
export const ACKNOWLEDGEMENT = inText(/^(?:はい|うん|ええ|おけ|おk|ok|okay|k|了解|りょ|りょうかい|わかった|分かった|わかりました|分かりました|なるほど|ありがとう|ありがと|どうも|サンキュー|さんきゅ|thanks|thank you|thx|ty|got it|cool)(?:です|ございます|ね|よ|な)?[\s!！。.〜~ー👍🙏😊]*$/i);
// Matched against the folded text, where katakana is already hiragana (ドライバー → どらいばー).
/** Still talking to them (or on hold), or being asked something at this very moment. */
export const STILL_ON_CALL = inText(/まだ(?:電話|通話|でんわ)(?:中|が?(?:つなが|繋が)|して|切って(?:ない|いない))|(?:今|いま)[^。]{0,20}(?:電話|通話)(?:が)?(?:つながって|繋がって)(?:る|いる|ます)|(?:今|いま)(?:も|まさに)?(?:電話|通話|でんわ)(?:中|してる|している|で(?:話|はな))|通話中|電話口|保留中|(?:今|いま)(?:まさに)?.{0,12}(?:聞かれて|言われて|求められて|急かされて|頼まれて)(?:る|い)|still on the (?:phone|line|call)|on the (?:phone|line) (?:with .{0,30} )?(?:right )?now|(?:they'?re|they are|he'?s|he is|she'?s|she is) (?:still )?on the line|haven'?t hung up|(?:are|is) asking (?:me )?(?:for|to) .{0,30}(?:right )?now/i);
export const SCRIPT_QUESTION = inText(/(?:何と|なんと)(?:言|い)(?:って|えば|ったら|う)|(?:なんて|何て|何を|なにを|なに|何)(?:言えば|いえば|言う|話せば|伝えれば|言ったら)|何言えば|なに言えば|何伝えれば|what (?:do|should) i (?:say|tell)|what to say/i);
export const DRIVER_ASKED = inText(/聞かれ|きかれ|言われ|いわれ|確認され|確かめられ|って(?:電話|連絡)|と(?:電話|連絡)(?:が|で)|(?:電話|でんわ)で[^。]{0,12}(?:聞|確認|言)|asked (?:me )?(?:for|about|to confirm|whether|if)|wanted to (?:know|confirm|check)|said (?:he|she|they) (?:couldn'?t|could not|can'?t)/i);
// "出ていい?" asks whether to pick up; "出られなかった(けど大丈夫?)" says the call was missed.
export const PICK_UP = inText(/出(?:て|ても)(?:いい|大丈夫|平気|問題)|出る(?:べき|ほうが|方が)|出た(?:ほうが|方が)(?:いい)?|出るか出ないか|出る\?出ない|(?:出る|でる)[?？]|(?:鳴って|かかって)(?:る|きてる)[^。]{0,10}(?:出|でる)|should i (?:pick up|answer)|(?:can|may|do) i (?:pick (?:it )?up|answer)|is it (?:ok|okay|safe) to (?:answer|pick up)/i);
export const MISSED = inText(/出ないと|出なかったら|出なくても|(?:出|で)(?:られ|れ)?(?:なかった|ません?でした|れんかった|られへんかった|へんかった|んかった)|出そびれ|出損ね|気づかなかった|気付かなかった|取れなかった|取り損ね|無視しちゃった|無視してしまった|missed (?:the|a|their|his|her|it|an?)|couldn'?t (?:answer|pick up|get to)|didn'?t (?:answer|pick up|hear)/i);
export const MANY_TRIES = inText(/何回(?:も|か)?|何度(?:も)?|[0-9０-９]+回|ずっと(?:呼び出し|鳴って|繋がら|つながら)|さっきから|いくら(?:かけ|電話)|several times|many times|again and again|(?:tried|called) (?:\d+|many|several|a few|three|four|five|ten) times|keeps? (?:ringing|going to)/i);
export const NEW_YEAR = inText(/年末|年始|正月|お正月|三が日|元旦|元日|大晦日|大みそか|new year|(?<![\d/])1\/[1-3](?![\d/])|1月[1-3]日|12\/31/i);
/** Calling Amazon (out), not a call that came in: "今かけてもつながる?", "何時まで電話できる?". */
export const CALLING_OUT = inText(/(?:かけ|掛け)(?:る|て|たい|ても|れる|ようと|ると)|電話(?:する|したい|しても|できる|していい|って何時|は何時|何時|やって|つなが|繋が|受付)|つながる|繋がる|つながりやす|繋がりやす|やってる|受付|何時から|何時まで|混んで|空いて|すいて|call (?:them|amazon|customer)|\bopen\b|reach (?:them|amazon|someone)|get through/i);
/** "今電話できる?", "もう始まった?", "is it open now?": whether the phone line is open, whatever else is asked. */
export const OPEN_NOW = inText(/(?:今|いま|まだ|もう|今から|いまから|今日|きょう|今夜|ぎりぎり)[^。?？]{0,8}(?:電話|でんわ|予約|窓口|サポート|カスタマー)[^。?？]{0,6}(?:できる|できます|いける|つながる|繋がる|つながります|間に合う|やってる|やってます|始まった|はじまった|終わ|無理|大丈夫\?)|(?:今|いま|まだ|もう)[^。?？]{0,4}(?:つながる|繋がる|やってる|やってます|始まった|受付(?:中|して))|電話(?:って|は|の受付|受付)?(?:何時|なんじ|[0-9０-９]+時から|[0-9０-９]+時まで)|(?:can|could) i (?:call|phone|ring|get a call ?back|talk to (?:someone|anyone|a person))[^.?]{0,20}(?:now|at|tonight|today|still|yet|anywhere)|(?:is|are) (?:it|they|the (?:phone )?line|support|customer service|the phone) (?:still )?open|phone (?:line )?(?:still )?open|\bcall(?:ing)? (?:ok|okay|at|around|after|before)\b|still open|open (?:now|yet|today)|what time (?:does|do|is)|(?:phone|support|customer service) hours/i);
/** "24時間つながる電話番号ある?": there is none; the hours answer says so, with the real hours. */
export const ROUND_THE_CLOCK = inText(/24時間(?:つながる|繋がる|対応|受付|電話|やって|の電話)|24[- ]?(?:hours?|\/7)[^.?]{0,20}(?:phone|number|line|call)/i);
/** "Is that OK?" after "I missed it": without it, a missed call is only the start of another question. */
export const IS_IT_OK = inText(/大丈夫|だいじょうぶ|問題|まずい|やばい|平気|どうなる|怒られ|いい[?？]|いいの|いいかな|\bproblem|\bok\b|okay|\bfine\b|matter|\bbad\b|what happens|in trouble/i);
/** The user's own call not answered: the call-back-failed question, not the support hours. */
export const NOBODY_ANSWERS = inText(/話し中|つながらない|繋がらない|つながりません|繋がりません|誰も出|だれも出|出ない(?!と|で|ほう|方|って|まま)|出てくれない|呼び出し音|no answer|nobody (?:answers|picks up|answered)|busy tone|doesn'?t pick up/i);
/** A number the user found ("検索したら…24時間受付って出てきた") is the fake-number question, not the hours. */
export const FOUND_SOMEWHERE = inText(/検索|ネット|知恵袋|サイト|出てきた|載って|のって|見つけ|広告|sns|twitter|インスタ|found|search|google|online|website|forum/i);
export const REAL_DRIVER_ASKS = inText(/(?:本物の|本当の)?(?:ドライバー|配達員|配達の人|宅配の人)(?:って|は|が)[^。?？]{0,15}(?:お金|カード|暗証|振込)[^。?？]{0,10}(?:聞いてくる|聞く|求める|請求する|言ってくる)|(?:real|genuine|actual) (?:amazon )?(?:driver|delivery)[^.?]{0,30}(?:ask|want|demand)[^.?]{0,15}(?:money|card|pin|payment)/i);
export const SOMETHING_ELSE_RESET = inText(/(?:パスワード|ぱすわーど|設定|アカウント|注文|ちゅうもん|スマホ|端末|ルーター|password|settings|account|order|phone|device)[^。]{0,6}(?:リセット|りせっと|キャンセル|きゃんせる|やり直|reset|cancel)/i);
export const VERIFY = inText(/(?:本当に|ほんとに)(?:配達|配送|ドライバー|荷物|宅配)[^。?？]{0,6}か(?:どうか)?[^。?？]{0,6}(?:確かめ|確認|見分け|調べ)|(?:本物|本当|ほんもの)(?:か|かどうか)[^。?？]{0,8}(?:確かめ|確認|見分け|わかる|分かる|調べ)|how (?:do|can|could) i (?:know|tell|check|verify|be sure)|(?:fakes?|spoofs?) the number|so it'?s real|really (?:an? )?amazon|(?:is|was) it (?:really )?(?:real|legit|genuine)/i);
export const BARE_CALL_REPORT = inText(/^(?:さっき|いま|今|また)?(?:知らない番号から)?(?:電話|でんわ|着信)(?:が)?(?:きた|来た|あった|きました|来ました|ありました)[\s!！。.…]*$|^(?:i )?(?:got|had) a (?:call|missed call)[\s!.]*$/i);
export const CALL_CAME_IN = inText(/着信|かかってき|掛かってき|電話(?:が)?(?:きた|来た|あった|鳴った)|(?<!今|いま|これ|それ|あと|後|明日|朝)から(?:の)?電話|called me|rang me|missed call|call from|got a call/i);
/** Booking Amazon's callback: "電話予約", "アプリからかけてもらえる?". */
export const CALLBACK_BOOKING = inText(/電話予約|折り返し(?:の)?(?:予約|依頼)|折り返し(?:を)?(?:頼|たの|お願い)|コールバック|(?:かけて|電話して|折り返して)(?:もらえる|くれる|もらう)|call ?back request|request a call|book a call|(?:call|ring) me back|get a call ?back|get them to call me/i);
export const NOT_ORDERED = inFolded(/注文(?:を)?して(?:へん|ません|いません|いない)|何もない|なにもない|何も(?:入って|来て)(?:ない|いない)|使って(?:ない|いない)|利用して(?:ない|いない)|身に覚え|覚え(?:が|は)?(?:ない|ありません|なし)|心当たり(?:が|は)?(?:ない|ありません|なし)|(?:注文|頼ん|たのん|買っ|かっ)(?:て|で)?(?:ない|ません|へん)|注文(?:を)?してない|頼んだ覚え|ぎふと|定期|didn'?t order|never ordered|not ordered|no order|nothing ordered|haven'?t ordered|did not order|gift|subscribe/i);
export const CALL_BACK = inFolded(/折り返|かけ直|かけなお|掛け直|call (?:them |him |her |it )?back|ring (?:them )?back/i);
export const ONE_RING = inFolded(/わん切り|わんぎり|one ring|rang once|rings? once/i);
// In the folded text: アプリ → あぷり, マイページ → まいぺーじ.
export const IN_APP_HOW = inFolded(/(?:あぷり|注文履歴|まいぺーじ|配送状況|注文状況|注文の状態)[^?。]{0,16}(?:どこ|どう(?:やって|すれば|したら)|見方|やり方|方法|分かる|わかる)|(?:どこ|どっから)(?:を|から)?(?:見|押|さわ|開)|\b(?:how|where)\b.{0,40}\b(?:my orders?|order status|order history|tracking|in the app)\b/i);
export const ANSWER_OR_IGNORE = inFolded(/(?:出|で)(?:ても|たほうが|た方が|るべき|ないと|なくても|んでも)|(?:無視|むし|するー|放置|ほっと|しかと)(?:して|しても|しといて|で|でも)?(?:いい|ええ|大丈夫|平気|ok|よく|問題)|(?:pick up|answer it|ignore it|ignore them)/i);
export const ANY_TIME = inFolded(/時|夜|朝|晩|早|遅|深夜|夜中|night|morning|evening|late|early|\b(?:am|pm)\b|[0-9](?:am|pm)/i);
export const TIME_QUESTION = inFolded(/こんな時間|時間に|遅すぎ|早すぎ|遅い|早い|普通|ふつう|ありえ|ある\s?\?|あるの|late|early|normal|(?:that|this|such an?|what an?) (?:hour|time)/i);
export const HOW_TO_SAY = inFolded(/説明|伝え|言い方|話し方|言えば|話せば|まとめ|順番|最初に|何から|要点|うまく|上手|explain|describe|say|word|tell them|put it/i);
export const WHO_QUESTION = inFolded(/誰|どこの|何者|(?:配達|あまぞん|amazon)(?:員|の人|のひと|の?どらいばー|関係|系)?(?:さん)?(?:ですか|やろか|かな|\s?\?)|\bwho\b/i);
// Words that only report a call ("さっき…から着信がありました", "missed call from …"), longest first.
export const CALL_REPORT_FILLER = inFolded(/それとは別に|ところで|かかってきました|かかってきた|ありました|あったんだけど|あってん|きました|来ました|着信|電話|さっき|先ほど|今日|昨日|きのう|から|ってなに|って何|それと|てか|あと|ねえ|は|あり|あった|きた|来た|です|ました|が|の|って|これ|この|番号|\b(?:i|got|had|a|missed|call|calls|called|me|from|this|number|just|today|earlier)\b/gi);

// Lists that more than one reader uses, and the pieces the overlapping lists were made of.
/** "Is it really them?": doubt about who is calling or writing. */
export const DOUBT = inEither(/本物|ほんもの|偽物|にせもの|本当|ほんと|信じ|信用|じゃないよね|ちゃうよね|really|real\b|fake|legit/i);
/** The word "scam" itself. */
export const NAMES_A_SCAM = inEither(/詐欺|さぎ|scam|fraud/i);
/** Unease without the word: 怪しい, やばい, "suspicious". */
export const UNEASE = inFolded(/怪し|あやし|偽|にせ|騙|だま|やばい|危な|不審|変な|おかしい|suspicious|phish/i);
/** With ONE_RING: a call that said nothing, or rang and stopped. */
export const SILENT_CALL = inFolded(/無言|切れ|鳴って|silent|hung up/i);
/** Someone from the delivery: whose call reason 2 (the address) is legitimate. */
export const DRIVER = inEither(/配達|配送|宅配|ドライバー|どらいばー|運転手|driver|delivery|courier/i);
/** With DRIVER: anything about a delivery. */
export const PARCEL = inFolded(/荷物|parcel|package/i);
/** Amazon's customer service, however it is named. */
export const SUPPORT_DESK = inEither(/サポート|さぽーと|カスタマー|かすたまー|窓口|問い合わせ|といあわせ|問合せ|customer service|support/i);
/** With SUPPORT_DESK: the user means contacting Amazon, so calling is calling them, not a driver. */
export const CONTACTING_AMAZON = inText(/チャット|あまぞんに|アマゾンに|amazonに|オペレーター|operator/i);
/** With SUPPORT_DESK: what a caller or a message claiming to be a help line says. */
export const HELP_LINE = inEither(/センター|ヘルプ|help|hotline|helpline|cs\b/i);
/** Amazon's own devices: a special support route, and a checklist of its own. */
export const DEVICE = inEither(/kindle|キンドル|きんどる|fire ?(?:tv|stick|タブレット|hd)?\b|ファイヤ|ファイア|ふぁいあ|ふぁいや|echo|エコー|えこー|アレクサ|あれくさ|alexa|端末|デバイス|タブレット|device|tablet/i);
/** Calling Amazon itself ("アマゾンに電話したい", "amazonさ電話"), as against a call from a driver. */
export const CALLING_AMAZON = inText(/(?:アマゾン|あまぞん|amazon)(?:に|さ|へ)(?:は|も)?[^。、から]{0,4}(?:電話|でんわ)|(?:アマゾン|あまぞん|amazon)(?:に|さ|へ|の)?(?:サポート|カスタマー(?:サービス)?)?(?:って|は)?[、,\s]?(?:電話|でんわ|phone|call)|(?:電話|でんわ)(?:する|したい|しよう)[^。]{0,6}(?:アマゾン|amazon)|(?:call|phone|ring) amazon/i);
/** With CALLING_AMAZON: when, which makes it the hours question. */
export const A_TIME = inText(/今|いま|まだ|もう|何時|朝|昼|夜|晩|曜|時|やって|間に合|now|today|tonight|morning|evening|open/i);
/** "折り返さなあかん?", "should I call back?": asking whether to, not reporting that it failed. */
export const SHOULD_I = inText(/べき|ほうがいい|方がいい|いい[?？]|いいの|あかん|なきゃ|ないと|必要|要る|いる[?？]|should|do i (?:need|have) to|must i/i);
