/**
 * Scam signs and harm already done, as readable rules. These must not be guessed by a model: missing
 * "I already gave them my card number" is the worst mistake the bot can make, so every rule here is
 * explicit, and the corpus test holds their recall at 100 %.
 *
 * Japanese verbs are matched by stem plus a completed-action ending, so one rule covers 教えた /
 * 教えちゃった / 教えてしまいました / 教えてもうた, and not 教えない / 教えたら / 教えたほうがいい.
 */
import type { IdentifiedNumber, ScamSignId } from '../../flows/types.js';
import { DOUBT, DRIVER, has, HELP_LINE, SUPPORT_DESK, type MessageForms } from './lexicon.js';

export interface ScamReading {
  signs: ScamSignId[];
  harmDone: boolean;
}

/** What the rest of the reading already knows and the rules below take into account. */
export interface ScamFacts {
  hasLinks: boolean;
  numbers: readonly IdentifiedNumber[];
  /** The bot has just asked what happened, so "card number and PIN" on its own means "they asked for it". */
  answeringWhatHappened: boolean;
  /** The conversation is about a driver's call, so "住所も聞かれた" means the driver asked. */
  answeringDriverCall?: boolean;
}

// After a verb stem: past, ～ちゃった, ～てしまった, ～てもうた (Kansai), polite past, ～でた; not ～たら/～たい/～たほうが.
const DONE = String.raw`(?:た(?!ら(?!し)|[いりほ方く]|か(?!も))|だ(?![らいりほ方])|ちゃ(?!ん)|ちま|じゃ(?:っ|い)|てしま|でしま|てしも|でしも|てもう|でもう|でた|まし(?!ょ))`;
const HANDED_OVER_STEMS = [
  '払っ', '(?<!未)払い', 'はらっ', '振り込み', '振込み', 'ふりこみ', 'サインインし', '触らせ', 'さわらせ', 'やっ', '支払っ', '振り込ん', '振込ん', '振りこん', 'ふりこん', '振込', '送金し', '送っ', 'おくっ',
  '教え', 'おしえ', '伝え', 'つたえ', '言っ', 'いっ', '言い', 'いい', '言う', 'ゆう', '話し', '答え', 'こたえ', '入れ', 'いれ',
  'インストールし', 'いんすとーるし', 'ダウンロードし', 'だうんろーどし', '入力し', 'にゅうりょくし', '打ち込ん', '打っ',
  '渡し', '読み上げ', 'よみあげ', '読ん', 'よん', '登録し', '載せ', '許可し', '送信し', 'ログインし',
  '貼っ', '見せ', 'みせ', '撮っ', '聞かせ', '共有し', '操作し', '打ち込み', '押し', 'プッシュし', 'アップし', 'アップロードし',
  'あっぷし', '映し', '写し', '移し', 'うつし', '振込し', '答えてしま', '登録してしま',
];
// Buying is harm only when what was bought is what scammers ask for: gift cards, prepaid cards, codes.
const BOUGHT_CARDS = new RegExp(`(?:ギフト|アマギフ|あまぎふ|プリペイド|(?<![あア])プリカ|電子マネー|カード|券|コード|itunes|google ?play|円分|万円)[^。!?]{0,20}(?:買っ|購入し)${DONE}|(?:買っ|購入し)${DONE}[^。!?]{0,12}(?:ギフト|カード|券|コード)`, 'i');
const HANDED_OVER = new RegExp(`(?:${HANDED_OVER_STEMS.join('|')})${DONE}|(?:入れ|いれ|インストールし|ダウンロードし)て(?:た(?!ら(?!し))|ました)`);
// Made to do it (入れさせられた, 買わされた): the hand-over happened even though the verb is passive.
const MADE_TO = /(?:入れ|いれ|インストール|ダウンロード|買わ|払わ|振り込ま|教え|言わ|操作|送ら|おくら|読ま|押さ|見せ|打た|入力)(?:させられ|され|さされ)(?!ない|そう|る)|言われるが?まま|いわれるが?まま|言うが?まま/;
// What only follows a hand-over: money gone, the account or the phone in someone else's hands.
const CONSEQUENCE =
  /勝手に(?:操作|動|ログイン)|操作され(?:た|て(?!ない)|ちゃ)|(?:送金|引き出|振り込ま|振込ま)され(?:た|て(?!ない)|ちゃ)|お金(?:が)?(?:減っ|へっ|なくな|引き出さ|抜かれ)|[0-9]+万?円?(?:が)?(?:なくなっ|消え|減っ)|もう(?:お金)?戻らない|money (?:is )?gone|took (?:my )?money|(?:hacked|locked out of) my account/;
// What makes handing over harmful: money, payment or identity data, control of the phone, a phishing page.
const SENSITIVE =
  /カード|かーど|クレカ|番号|ばんごう|ナンバー|暗証|パスワード|ぱすわーど|pin|コード|こーど|口座|お金|金|円|万|ギフト|アマギフ|プリペイド|電子マネー|アプリ|あぷり|遠隔|リモート|画面|情報|生年月日|誕生日|住所|認証|ワンタイム|ログイン|id|メアド|アドレス|paypay|銀行|ケタ|桁|名前|免許|写真|身分証|学生証|保険証|住民票|通帳|anydesk|teamviewer|quicksupport|パソコン/i;
const EN_HARMED =
  /(?<!(?:unless|if|should|whether|before|what if) )\b(?:already|just|i|we|mom|dad|(?:my|our) (?:mother|father|mom|mum|dad|wife|husband|partner|grandma|grandmother|grandpa|grandfather|granny|nan|aunt|uncle|son|daughter|parents?|sister|brother|friend|neighbou?r|elderly \w+))\s+(?:have\s+|had\s+|went (?:ahead )?and\s+|(?:opened it|clicked it) and\s+|just\.{0,3}\s*)?(?:paid|gave|given|told|sent|installed|entered|typed|read (?:it|them|out|the|her|his|my)|bought|transferred|wired|shared|logged in(?:to)?|put in|downloaded|uploaded|let (?:him|her|them|a|an|the)|said it|did (?:it|that|what)|moved)\b|\bi(?:'ve| have) (?:paid|given|told|sent|installed|entered|typed|bought|shared)\b|\band (?:typed|entered|put in|gave|paid)\b|(?:made|had|got) me (?:to )?(?:install|pay|buy|give|send|log|read|share|open|type|enter)|\blost [0-9]|\bi let them\b|(?:^|[.!?]\s*)(?:sent|gave|paid|told|installed|entered|typed|bought|transferred|wired)\s+(?:them|him|her|it|my|the|a)\b/i;
const EN_SENSITIVE = /card|code|password|pin\b|money|yen|gift|app\b|details|info|bank|account|paid|transfer|email|licen[cs]e|passport|photo|remote|teamviewer|anydesk|install|birth|maiden|social security|ssn|screen|laptop|computer|\bpc\b|\bid\b|numbers/i;
// "Told them no", "told her I'd call Amazon myself", "stopped him before he sent it": said and did nothing.
const EN_REFUSED = /(?:\b(?:i|we) |(?:^|[.!?]\s*))told (?:him|her|them|the \w+) (?:no\b|i'?d|i would|i will|i'?ll|that i (?:would|will|won'?t))|\b(?:haven'?t|have not|hasn'?t|didn'?t|did not|never) (?:yet )?(?:sent|given|gave|read|shared|handed|told|paid)\b.{0,30}\b(?:codes?|numbers?|them|it|anything)|stopped (?:him|her|them) before/i;

// The user weighing whether to hand it over ("言っていい?", "should I give…"): someone must have asked for it.
const WEIGHING =
  /べき|ていい|てもいい|た方がいい|たほうがいい|(?:入れ|いれ|インストールし|ダウンロードし)ようと|(?:言い|教え|伝え|払い|入れ)そうに|\balmost (?:read|gave|told|typed|entered|sent|paid|downloaded|installed|wired|transferred)|going to (?:wire|pay|send|transfer|give)|should i (?:give|tell|send|pay|read|share|enter)/i;
// Money, card and identity words are only a sign when someone asked for them ("カード番号を聞かれた").
const ASKED =
  /求め|要求|言われ|いわれ|ゆわれ|言って(?:た|き|る)|いって(?:た|き|る)|言うから|(?:聞|き|訊)かれ(?:た|て|ちゃ|まし|とる)|(?:買|払|言|教|送|入)(?:え|れ|ろ)って|(?:教え|言っ|伝え|払っ|入れ)て?(?:たら|ても)|(?:て|で)って|(?:必要|要る|いる)って|円(?:だ)?って|聞いてく|きいてく|unless i|asks? me|asking (?:me|for)|verify (?:by|with)|(?:if|when) they ask|(?:they|he|she|it|and) needs? my|if i (?:had )?(?:give|gave|given|tell|told|pay|paid)|聞いてき|きいてき|払え|払って(?:と|って|ください|くれ)|教えて(?:と|って)|教えろ|おしえて(?:と|って)|おしえろ|言え|いえって|入力(?:して|しろ|させ|を求)|促さ|案内さ|指示さ|送って(?:と|って|ください|くれ)|頼まれ|迫られ|脅さ|確認させて|(?:たい|ください|下さい)(?:って|と(?:言|い))|必要(?:です|だ)|って(?:言|い)?われ|」(?:って|と)|留守電|るすでん|自動音声|録音|voicemail|recorded|robocall|だって|とか言|ってきた|asked|told me|tell them|demand|wanted|wants? (?:my|me|the|your)|saying|kept (?:saying|telling)|request|insisted|make me|needed my|said i (?:had|have|need)|says|said|to (?:pay|send|give|enter|confirm|verify|buy)|(?:言わ|いわ|教え|おしえ|払わ|はらわ|入れ|いれ|買わ)ないと/i;

const CREDIT_CARD = /クレジット|クレカ|デビット|キャッシュカード|銀行カード|セキュリティ(?:ー)?コード|有効期限|裏の(?:番号|3桁)|cvv|credit|debit|expiry|security code/i;
// Not a gift or prepaid card's number: that is the giftCard sign, and there is no card company to call.
const NOT_GIFT = '(?<!ギフト|プリペイド|アマゾン|アップル|グーグル|iTunes|ぎふと)';
const CARD = new RegExp(String.raw`${NOT_GIFT}カード(?:の)?番号|カードの?情報|カードの名義|クレカ情報|銀行カード|キャッシュカード|debit card|かーど(?:の)?ばんごう|${NOT_GIFT}カード.{0,12}番号|クレジット|くれじっと|クレカ|セキュリティ(?:ー)?コード|有効期限|カード情報|カードの(?:裏|確認)|裏の(?:番号|3桁)|(?<!gift |prepaid |itunes |apple )card (?:number|details|info)|credit card|cvv|security code|digits on the back|with my card|by card|カードで(?:払|支払)`, 'i');
/** `needsAsked`: the words are a sign only when someone asked for it; `orWeighing`: or the user is weighing handing it over. */
const SIGN_RULES: { sign: ScamSignId; pattern: RegExp; needsAsked?: boolean; orWeighing?: boolean }[] = [
  { sign: 'giftCard', pattern: /ギフト(?:カード|券|コード)|ぎふと|アマギフ|あまぎふ|プリペイド|ぷりぺ|(?<![あア])(?:プリカ|ぷりか)|電子マネー|でんしまねー|ウェブマネー|webmoney|itunes|グーグルプレイ|ぐーぐるぷれい|google ?play|アップル(?:の)?(?:カード|ギフト)|apple (?:gift|card)|バニラ|コンビニで.{0,12}(?:カード|コード|買)|カード\s?[0-9一二三四五]+\s?(?:枚|まい)|(?:アマゾン|あまぞん|アップル|グーグル)の?カード.{0,12}(?:買|購入)|gift ?cards?|gift codes?|prepaid card|steam card/i },
  { sign: 'remoteApp', pattern: /遠隔|リモート|りもーと|anydesk|teamviewer|quicksupport|quick support|画面が勝手|勝手に(?:動|操作)|(?:スマホ|携帯|パソコン|pc)に.{0,6}(?:入れ|いれ|インストール)|(?:パソコン|pc|スマホ)(?:を)?(?:触ら|さわら|操作さ)せ|remote access|share (?:my|the|your) screen|airdroid|rustdesk|supremo|splashtop|画面(?:を)?共有|画面(?:を)?(?:見せ|みせ|見られ|みられ)|勝手に操作|remote|screen ?shar|control (?:my|the) (?:phone|pc|computer)/i },
  // Installing an app is a sign when someone told them to (or it is done); "アプリ入れてない" on its own is not.
  { sign: 'remoteApp', pattern: /アプリ.{0,12}(?:入れ|いれ|インストール|ダウンロード|だうんろーど)|(?:入れ|インストール|ダウンロード).{0,8}アプリ|install|download(?:ed)? (?:an |this |the |a |their )?app/i, needsAsked: true, orWeighing: true },
  { sign: 'cardNumber', pattern: CARD, needsAsked: true, orWeighing: true },
  { sign: 'cardNumber', pattern: /(?:カード|クレカ)(?:で)?(?:払い|払って|支払い?)(?:に|を|って)/, needsAsked: true },
  // Moving the talk to LINE or another app takes it off Amazon's channels: fishing for contact and data.
  { sign: 'personalData', pattern: /LINE(?:を)?(?:追加|交換|教え)|ライン(?:を)?(?:追加|交換|教え)|友だち追加|友達追加|add (?:me|them|him) on (?:line|whatsapp)/i, needsAsked: true },
  { sign: 'personalData', pattern: /個人情報|個人番号|本人確認|パスポート|ぱすぽーと|(?<!ギフト|ぎふと|アマギフ|あまぎふ|ギフト券の|ギフトカードの)コード|verify (?:my|your) identity|identity verification|身分証|学生証|保険証|勤務先|家族の名前|名義|銀行名|名前と住所|住所と名前|通帳|残高|ログイン画面|暗証|パスワード|ぱすわーど|パスコード|ワンタイム|認証(?:コード|番号)|確認コード|(?:sms|ショートメール|スマホ|携帯)(?:に|で)?(?:届いた|来た|きた)?(?:の)?(?:コード|番号)|口座|マイナンバー|免許証|生年月日|誕生日|ログイン(?:情報|id)|メアド|メールアドレス|[0-9]+(?:ケタ|桁)|[0-9]-digit|住所.{0,6}(?:電話番号|生年月日|聞|きか)|ネットバンキング|銀行アプリ|password|\bpin\b|bank|one[- ]time|verification code|\botp\b|code (?:that )?(?:came|sent|i got) (?:by|via|in) (?:sms|text)|code.{0,20}text(?:ed)? me|personal (?:data|details|information|info)|date of birth|birthday|driver'?s licen[cs]e|passport|id card|photo of my|social security|my number card|login details|my email and/i, needsAsked: true, orWeighing: true },
  { sign: 'moneyDemand', pattern: /(?<!二重)請求(?!書)|督促|atm|払わ(?:ん|な)(?:かったら|いと)|未払|未納|滞納|延滞|払われて(?:い)?(?:ない|ません)|手数料|払え|払って|はらえ|はらって|振り込め|ふりこめ|振り込んで|(?:支|し)?(?:払|はら)わ(?:ないと|なければ|なきゃ)|振り込ま(?:ないと|なければ)|支払(?:い)?(?:情報|方法)(?:を|の|に)?(?:更新|確認|変更|問題)|confirm (?:my |your )?payment|payment (?:method|info|details)|支払(?:い|う)?(?:が|を)?(?:確認でき|滞|遅れ|でき|完了)|解約料|違約金|will be charged|if i (?:don'?t|didn'?t|do not) pay|unless i pay|you owe|i owe|unpaid|overdue|late fee|cancellation fee|pay (?:a |the )?fee|must pay/i },
  { sign: 'moneyDemand', pattern: /保管料|再配達料|代金|振込|振り込|ふりこ|支払|料金|請求|引き落と|charged|お金|送金|[0-9,]+円|[0-9]+万|money|pay\b|payment|transfer|fee|\byen\b|refund/i, needsAsked: true, orWeighing: true },
  { sign: 'urgency', pattern: /凍結|延滞金|(?:アカウント|口座)が危な|危険な状態|secure['"’]? (?:my|your|the) account|at risk|fraud|差し押さ|差押|乗っ取|違法|罰金|最終通告|最終警告|犯罪|戻りません|戻らない|あと[0-9]+分|on hold|stay on the line|tell anyone|口止め|誰にも(?:言う|話す|相談する)な|誰にも言わないで|切らずに|切らないで|電話を切るな|コンビニ(?:に|へ)?(?:行け|行って)|\bsue\b|police|hacked|compromised|停止|止まる|止められ|ロックされ|(?:アカウント|口座).{0,6}ロック|使えなくな|消える|消され|削除され|永久|裁判|訴え|訴訟|法的|逮捕|警察に(?:通報|届け)|不正|怒鳴|どなら|脅|急かさ|せかさ|急げ|大変なことに|手続きしないと|suspend|frozen|freeze|locked|closed|legal action|lawsuit|court|arrest|collections?\b|pressur|or (?:else|lose)|unusual sign-?in|expire/i },
  // Time pressure is a sign when the caller or the message applies it, not when the user is in a hurry.
  { sign: 'urgency', pattern: /[0-9]+時間以内|本日中|今日中|今日の[0-9]+時まで|期限|至急|今すぐ|いますぐ|すぐに(?:払|振|連絡|確認|手続)|急がないと|急いでください|急いで(?:と|って)|処分され|破棄され|返送され(?:ます|る)(?:よ|って|と)|right now|immediately|within [0-9]+ hours|today unless|tonight|hurry|be disposed|destroyed/i, needsAsked: true },
  { sign: 'spoofedNumber', pattern: /偽装|装っ|装う|よそお|なりすまし|成りすまし|(?:番号|ばんごう)(?:は|が|も)?.{0,24}(?:同じ|おなじ|一緒|いっしょ)|(?:アマゾン|あまぞん|amazon).{0,10}(?:って|と)(?:出|で)(?:る|た|て)|(?:名前|なまえ)(?:が|で)(?:出|で)|の名前で(?:着信|電話)|着信表示(?:が|は)|表示(?:が|は)?(?:アマゾン|amazon)|ほんものっぽ|(?:着信)?番号は(?:正しい|本物|合って)のに|本物っぽ|本物そう|公式っぽ|(?:着信|表示|画面)(?:画面|表示)?(?:に|で|は|が)?.{0,8}(?:アマゾン|amazon|0120).{0,6}(?:って|と)?(?:出|で|表示)|(?:アマゾン|amazon)(?:って|と)(?:着信|表示)|表示されたのに|表示(?:は|が|で)?[「『"]?(?:アマゾン|amazon)|[「『"](?:アマゾン|amazon)[」』"](?:で|と|って)?(?:着信|表示|出)|(?:アマゾン|amazon)って表示|送信者(?:名)?(?:が|は|に|の)?.{0,4}(?:アマゾン|amazon)|(?:アマゾン|amazon)[」』"]?(?:と|って)?(?:sms|ＳＭＳ)?の?送信者|spoof|caller ?id|looked (?:real|legit|official)|looks (?:real|legit|official)|(?:screen|display) (?:showed|said)/i },
  { sign: 'fakeSupportNumber', pattern: /(?:ネット|検索|ぐぐ|ググ|グーグル|google|yahoo|知恵袋|掲示板|まとめ|サイト|ブログ|sns|ツイッター|twitter|facebook|インスタ|youtube|コメ欄|dm|広告|ページ|ホームページ)(?:で|に|の|から)?.{0,40}(?:見つけ|みつけ|調べ|しらべ|載って|のって|出て|でて|書いて|かいて|あった|教え|おしえ|教わ|おそわ|聞い)|(?:先輩|友達|知人|知らん人|知らない人)(?:が|に|から)?.{0,40}(?:教え|おしえ|教わ|おそわ|聞い)|(?:番号|ばんごう)を?(?:教えて|おしえて)(?:くれ|もら)|(?:番号|ばんごう)(?:って|が)?(?:ネットに)?(?:いっぱい|たくさん)|(?:言われた|いわれた|教えられた|案内された|教えてもらった|おしえてもらった|教わった|おそわった)(?:.{0,12})?(?:番号|ばんごう)|(?:に|へ)(?:かけて|電話して|折り返して)(?:くれ|ください|って)|found (?:it |this |a |the )?(?:number )?(?:online|on google|on a site)|found .{0,30} on (?:a |the )?(?:forum|site|website|blog|google|twitter|facebook|reddit)|googled|search result|searched|search(?:ed)? for|first ad|an ad\b|advert|a website|from a (?:yahoo|facebook|post|site|forum|blog)|gave me .{0,30}(?:number|hotline|line)|(?:refund|support) hotline/i },
];

const SMS_WORDS = /sms|ショートメ|しょーとめ|ｓｍｓ|メッセージ|めっせーじ|メール|めーる|text(?:ed)?|message/i;
const RECEIVED = /きた|来た|きて|来て|あった|届い|とどい|来ました|きました|入ってた|received|got|came/i;
const LINK_WORDS = /リンク|りんく|ﾘﾝｸ|url|http|link|サイト|(?:sms|メール|メッセージ)の(?:ページ|画面)/i;
// 1–4 a.m. (the documents' odd hours), written as 深夜/夜中, 2時半, 午前3時, 朝4時ごろ, 5時前 (= in the 4 o'clock hour), 3am.
const ODD_HOURS =
  /深夜|夜中|真夜中|(?<![0-9午後昼夕])(?:午前|朝|夜)?(?:の)?[1-4]時(?!間)|(?<![0-9])5時前|(?<![0-9])[1-4]じ(?:ごろ|頃|くらい|ぐらい|すぎ|過ぎ|半)|[1-4](?::[0-9]{2})? ?a\.?m\b|[1-4](?::[0-9]{2})? at night|middle of the night|[1-4] in the morning/i;

const ROLE_WORDS = /アマゾン|あまぞん|amazon|ｱﾏｿﾞﾝ/i;
// "Someone from Amazon" said it: with a number that is not Amazon's, the caller ID is what lies.
const CLAIMED_AMAZON = /(?:アマゾン|あまぞん|amazon)(?:の|を|って|と|です|と名乗|って名乗|名乗|から)|(?:名乗|なのっ)/i;
const ANSWERED = /出たら|でたら|出ると|出てみたら|answered|picked up/i;
const NOT_A_DRIVER = /セキュリティ|security|fraud|不正|サポート|support|カスタマー|customer service|請求|billing|アカウント|account|press [0-9]|[0-9]番を押/i;
// The number was handed to the user to call (in an SMS, a voicemail, a search result) ...
const GIVEN_TO_CALL = /(?:に|へ)お?(?:かけ|掛け|電話|でんわ|折り返|おりかえ|連絡|れんらく)|ご?連絡(?:ください|下さい|なき|がない)|お電話(?:ください|下さい)|窓口|問い合わせ先|(?:call|ring|contact) (?:this|the|that|them|back on|us)|number to call/i;
// ... or it is the number that rang: "＃ から", 着信, 留守電, "missed call from".
const RANG_US = /＃\s?から|から(?:の)?(?:着信|電話|でんわ)|着信|留守電|るすでん|かかってき|(?:called|rang|calling) me|missed call|call from/i;
const CHEATING_SIGNS: ScamSignId[] = ['cardNumber', 'personalData', 'moneyDemand', 'giftCard', 'remoteApp', 'urgency'];

export function readScamSigns(message: MessageForms, facts: ScamFacts): ScamReading {
  const { text, folded } = message;
  const either = (re: RegExp) => re.test(text) || re.test(folded);
  const harmDone = readHarm(text, facts.answeringWhatHappened);
  // A message that arrived by SMS or with a link is itself the request: its money words need no "they asked".
  const received = facts.hasLinks || (either(SMS_WORDS) && either(RECEIVED));
  // A page behind a link asks for what it shows: "カード番号入れる画面" needs no one to say "they asked".
  const asked = facts.answeringWhatHappened || received || either(LINK_WORDS) || either(ASKED);
  const weighing = either(WEIGHING);
  const signs = new Set<ScamSignId>(
    SIGN_RULES.filter((r) => either(r.pattern) && (!r.needsAsked || asked || harmDone || (r.orWeighing && weighing))).map((r) => r.sign),
  );
  if (harmDone && either(/払|はら|振り?込|ふりこ|送金|paid|transfer|wired/i)) signs.add('moneyDemand');
  // Something was handed over, we cannot tell what ("番号教えたって"): treat it as personal data.
  // "詐欺にあったかも" names no hand-over: no sign is made up, and the reply asks nothing it cannot know.
  const onlySaysScammed = SCAMMED.test(text) && !HANDED_OVER.test(text) && !MADE_TO.test(text) && !PAID.test(text) && !EN_HARMED.test(text);
  if (harmDone && !onlySaysScammed && !CHEATING_SIGNS.some((s) => signs.has(s))) signs.add('personalData');
  // "ギフトカード…カードの番号を読み上げた": the card is the gift card, unless a credit card is named as such.
  if (signs.has('giftCard') && !either(CREDIT_CARD)) signs.delete('cardNumber');
  // Being told to buy gift cards is being told to pay.
  if (signs.has('giftCard')) signs.add('moneyDemand');
  if (received || either(LINK_WORDS)) signs.add('smsLink');
  if (either(ODD_HOURS)) signs.add('oddHours');
  for (const sign of numberSigns(message, facts.numbers, signs)) signs.add(sign);
  // A driver confirming the address, building or room number is reason 2 of document 000, not data fishing.
  // What was said stays said (harmDone), but it is no sign: the plan answers it with that reason.
  const fromTheDriver = has(message, DRIVER) || facts.numbers.some((n) => n.role === 'deliveryDriver') || facts.answeringDriverCall === true;
  if (fromTheDriver && ADDRESS_WORDS.test(text) && !NOT_JUST_THE_ADDRESS.test(text) && !IMPERSONATION.test(text)) signs.delete('personalData');
  return { signs: [...signs], harmDone };
}

/** What the numbers in the message add: a real Amazon number doing what Amazon never does, or a stranger's "support line". */
function numberSigns(message: MessageForms, numbers: readonly IdentifiedNumber[], signs: Set<ScamSignId>): ScamSignId[] {
  const either = (re: RegExp) => re.test(message.text) || re.test(message.folded);
  const found: ScamSignId[] = [];
  // Amazon's own support line can be asked about without any doubt about who is calling.
  const cheating = CHEATING_SIGNS.some((s) => signs.has(s));
  const vetted = numbers.some((n) => n.vettedId !== undefined && (n.role !== 'officialSupport' || cheating));
  const strangers = numbers.filter((n) => n.vettedId === undefined);
  if (vetted && (cheating || signs.has('oddHours') || signs.has('smsLink') || has(message, DOUBT))) found.push('spoofedNumber');
  if (strangers.length > 0 && either(CLAIMED_AMAZON)) found.push('spoofedNumber');
  // A stranger's "Amazon support" number is a fake support line when the user was given it to call; when it is
  // the number that rang, the caller ID is what lies.
  const claimsSupport =
    (strangers.length > 0 && has(message, SUPPORT_DESK, HELP_LINE) && (either(ROLE_WORDS) || has(message, DOUBT))) ||
    // Amazon's support has no navi-dial or unlisted free-dial line: one "from Amazon" is someone else's.
    (strangers.some((n) => n.kind === 'naviDial' || n.kind === 'tollFree') && either(ROLE_WORDS));
  if (claimsSupport) found.push(either(GIVEN_TO_CALL) || !either(RANG_US) ? 'fakeSupportNumber' : 'spoofedNumber');
  // "至急こちらへお電話ください 050-…" in a text message: the number is the bait.
  if (strangers.length > 0 && signs.has('smsLink') && either(GIVEN_TO_CALL)) found.push('fakeSupportNumber');
  // The drivers' line introducing itself as Amazon's security or billing team is someone borrowing its number.
  if (numbers.some((n) => n.role === 'deliveryDriver') && either(NOT_A_DRIVER) && either(ANSWERED)) found.push('spoofedNumber');
  return found;
}

// Paying for one's own order is not harm: "カードで払ったのに注文が確定しない" is a support question.
const OWN_PURCHASE = /(?:払|支払)っ?た(?:のに|けど|が).{0,12}(?:注文|商品|届|確定|反映|キャンセル)|(?:注文|購入|買い物|商品).{0,8}(?:代金|代)?(?:を)?(?:払|支払)っ?た/;
// "Bought the cards but have not sent the codes yet": the bot still warns, but nothing is lost yet.
const NOT_HANDED_OVER_YET = /まだ.{0,12}(?:送って|教えて|言って|伝えて|払って|入れて|入力して|渡して|読み上げて|わたして)(?:ない|ません|へん)/;
// "詐欺にあったかも" / "I think I've been scammed": the user says harm is done, whatever was handed over.
const SCAMMED =
  /詐欺に(?:あ|遭)っ(?:た|ちゃ|て(?:しま|もう))|(?:騙|だま)され(?:た|ちゃ|て(?:しま|もう))|被害に(?:あ|遭)っ(?:た|ちゃ)|(?:\bi(?:'ve| have)?|\bwe(?:'ve| have)?|\bmy \w+(?: has| have)?) (?:been |got |was |were )?(?:scammed|defrauded|conned|ripped off)|\bfell for (?:a|the|it|this|that)\b/i;
// "リンク押しちゃった", "I pressed the link already": the fake page may have what was typed in, or be about to.
const LINK_FOLLOWED =
  /(?:リンク|りんく|URL|url)(?:を)?(?:押|お|踏|ふ|開|ひら|タップ|クリック)(?:し)?(?:ちゃ(?:った|いました)|てしま(?:った|いました)|てもう(?:た)|た(?!ら|ほう|方)|ました)|(?:already |just )?(?:pressed|clicked|tapped|opened|followed) (?:the |that |a )?link(?! (?:yet|before))/i;
// "押しちゃったけど何も入力してない": the page was seen, nothing given; the link warning, not the help after harm.
const NOTHING_ENTERED = /(?:何も|なにも|なんも)(?:入力|入れ|いれ|教え|おしえ|打|書)(?:て|って)?(?:ない|いない|ません|へん)|didn'?t (?:enter|type|give|put in) anything|entered nothing|nothing entered/i;
const ADDRESS_WORDS = /住所|建物名|マンション名|アパート名|部屋番号|号室|番地|表札|address|building name|room number|apartment number/i;
// Someone who only claims to be a driver, or whom the user doubts, is not the driver of reason 2.
const IMPERSONATION = /名乗|なのる|なりすま|成りすま|偽物|偽の|にせ|装|知らない番号|claim(?:ed|ing)? to be|pretend|unknown number/i;
const NOT_JUST_THE_ADDRESS = /カード|かーど|クレカ|暗証|パスワード|ぱすわーど|口座|お金|振込|振り込|円|ギフト|コード|認証|ワンタイム|生年月日|マイナンバー|免許|card|password|\bpin\b|bank|money|code|transfer|birth/i;
const ONLY_A_NAME = /(?:名前|なまえ|氏名)(?:だけ|のみ)|only (?:gave |told them |said )?my name/i;
// Money verbs need no other sensitive word: "もう払っちゃった" is harm on its own.
const PAID = new RegExp(`(?:払っ|(?<!未)払い|はらっ|振り込ん|振込ん|振込|ふりこん|送金し)${DONE}`);

/** `afterScamQuestion`: the bot just asked what happened, so "もう教えてしまいました" needs no object to be harm. */
function readHarm(text: string, afterScamQuestion: boolean): boolean {
  const harmed = EN_HARMED.exec(text);
  // An app installed stays installed, whatever was refused after it.
  if (harmed && EN_SENSITIVE.test(text) && (/install|download|let /i.test(harmed[0]) || !EN_REFUSED.test(text))) return true;
  if (OWN_PURCHASE.test(text) && !ASKED.test(text)) return false;
  if (NOT_HANDED_OVER_YET.test(text) || ONLY_A_NAME.test(text)) return false;
  if (PAID.test(text) || SCAMMED.test(text) || (LINK_FOLLOWED.test(text) && !NOTHING_ENTERED.test(text))) return true;
  // Not the folded text: there ツイッター becomes ついったー, which holds 'いった' (said).
  const handedOver = HANDED_OVER.test(text) || MADE_TO.test(text);
  return CONSEQUENCE.test(text) || BOUGHT_CARDS.test(text) || (handedOver && (SENSITIVE.test(text) || afterScamQuestion));
}
