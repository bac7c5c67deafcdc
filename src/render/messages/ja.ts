/** 日本語の文面。答えを最初の一文に、続けて理由と次の一歩を短く。 */
import type { Messages } from './types.js';

const lines = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n');
const paras = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n\n');
const bullets = (items: readonly string[]) => items.map((i) => `・${i}`).join('\n');
const numbered = (items: readonly string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n');
const hours = (h: { from: number; to: number }) => `${h.from}時〜${h.to}時`;

export const ja = {
  typeToChoose: ({ labels }) => `(ボタンが出ないときは「${labels.join('」「')}」と送ってください)`,
  caller: {
    known: ({ dial, owner, note, tollFree }) => `📞 ${dial} は「${owner}」の番号です。${note}${tollFree ? 'フリーダイヤルなので、かけても通話料はかかりません。' : ''}`,
    unvetted: ({ display, kind }) => `📞 ${display}: ${kind}`,
    kinds: {
    tollFree: 'フリーダイヤル(0120・0800)の番号です。受ける側が通話料を払う番号で、企業が発信にも使います。番号だけでは会社は分かりません。',
      naviDial: 'ナビダイヤル(0570)です。かけた側に通話料がかかり、携帯のかけ放題も対象外です。',
      ipPhone: 'IP電話(050)の番号です。誰でも安く持てる番号なので、相手を確かめてから対応してください。',
      // 番号の頭は区切って並べる:つなげると電話番号の形になり、番号ガードに隠される。
      mobile: '携帯電話(060・070・080・090)の番号です。個人や配達員の携帯のこともあります。',
      other: '特殊な番号です。心当たりがなければ折り返さないでください。',
      fixedLine: ({ prefix, area }) => (prefix && area ? `固定電話(${prefix}:${area})。` : '固定電話の番号です。'),
      international: ({ country }) => `海外の番号(${country})。`,
    },
    besideScamWarning: ({ dial, owner }) => `📞 表示が ${dial}(${owner})でも、着信表示は偽装できるので、番号だけでは本物と言えません。`,
    states: {
      deliveryDriver: ({ dial, window, hours: h }) => ({
        headline: `📞 ${dial} はAmazonの委託配送ドライバーの番号です。`,
        body: window === 'night'
          ? lines(
              `📞 ${dial} はAmazonの委託配送ドライバーの番号ですが、配達の電話はふつう${hours(h)}なので、深夜の着信なら間違い電話か自動音声の可能性が高く、折り返さないでください。`,
              '番号は偽装もできるので、朝になったらアプリの注文履歴で配達中の荷物があるか確かめてください。本物のドライバーが電話でお金やカード番号を聞くことはありません。',
            )
          : lines(
          `📞 ${dial} はAmazonの委託配送ドライバーの番号で、詐欺ではないのが普通です(Amazonのカスタマーサービスではありません)。`,
          '用件はたいてい留守・住所の確認・オートロック・置き配の場所のどれかで、荷物を持ち帰る前の急ぎの連絡です。フリーダイヤルなので折り返しても通話料はかかりません。',
          window === 'within' && '今日受け取りたい・住所が不安なら折り返し、急がないならアプリで再配達を頼めば大丈夫です。',
          window === 'edge' && `配達の電話はふつう${hours(h)}ですが、少し前後することもあるので、今ならまだつながるかもしれません。`,
          '本物のドライバーが電話でお金やカード番号を聞くことはないので、その話が出たらすぐ切ってください(番号は偽装もできます)。心配なら、アプリの注文履歴で配達中の荷物があるか確かめられます。',
        ),
      }),
      callReasons: ({ dial, reasons, numberKnown, otherCarriers, named }) => ({
        headline: named ? named.split('。')[0]! + '。' : `${dial} からの電話は、配達で確かめたいことがあるときです。`,
        body: named ? lines(named, 'よくある確認の電話で、詐欺ではないのが普通です。お金やカード番号の話が出たら切ってください。') : lines(
          `${dial}(Amazonの委託配送ドライバー)からの電話${numberKnown ? 'は' : 'なら'}、配達の現場で人の判断が要るときです。よくある理由は4つ:`,
          bullets(reasons),
          '荷物を持ち帰る前の最後の連絡であることが多く、急ぎです。',
          otherCarriers,
          !numberKnown && '別の番号だった・番号が分からないときは、折り返す前にアプリの注文履歴で配達中の荷物があるか確かめてください。',
        ),
      }),
      officialSupport: ({ identity }) => ({
        headline: identity.split('\n')[0]!,
        body: identity,
      }),
      officialSmsSender: ({ identity }) => ({
        headline: identity.split('\n')[0]!,
        body: lines(identity, 'Amazonは不在のあとにSMSを送ることがあり、海外からの送信に見える番号のこともあります。'),
      }),
      internationalNumber: ({ identity }) => ({
        headline: `${identity}心当たりのない海外からの連絡は、詐欺によく使われます。`,
        body: lines(
          `${identity}心当たりのない海外からの着信やSMSは、詐欺によく使われます。折り返さず、リンクも開かないでください。`,
          'Amazonの配送SMSが海外の番号から届くこともあるので、荷物のことならアプリの注文履歴で確かめてください。',
        ),
      }),
      unknownNumber: ({ identity }) => ({
        headline: identity,
        body: lines(identity, '確認済みの番号一覧にないので、どこの会社かは言えません。荷物を待っているなら、折り返す前にアプリの注文履歴で確かめてください。'),
      }),
      numberNotRead: () => ({
        headline: '送ってもらった数字は、電話番号としては桁が合いません。',
        body: '送ってもらった数字は、電話番号としては桁が合いません(1桁足りない・多いなど)。着信履歴の番号を、そのままもう一度送ってください。',
      }),
      awaitingNumber: ({ dial }) => ({
        headline: '着信した番号を送ってください。',
        body: `着信した番号を送ってください(例:${dial})。ハイフンなし・全角でも読めます。番号が分からないときは、アプリの注文履歴に配達中の荷物があるかで、配達の電話だったか分かります。`,
      }),
    },
  },
  callback: {
    night: ({ from, to, addressWhy }) =>
      lines(
        `🌙 今は配達の時間(おおむね${from}時〜${to}時)の外なので、折り返してもドライバーにはまずつながりません。`,
        '朝になったらアプリの注文履歴で配送状況を見て、必要なら再配達を頼んでください。',
        addressWhy && `${addressWhy}朝いちばんに確かめてください。`,
      ),
    edge: ({ from, to }) =>
      `🕘 配達の電話はふつう${from}時〜${to}時で、繁忙期は少し前後します。今ならまだつながるかもしれないので、一度だけかけてみて、だめならアプリで再配達を頼んでください。`,
    states: {
      askingSituation: ({ asked, dial }) => ({
        headline: { pickUp: '出て大丈夫です。', missed: '出られなくても大丈夫です。', callBack: '急ぎでなければ、折り返さなくて大丈夫です。' }[asked],
        body: lines(
          {
            pickUp: `出て大丈夫です。${dial}はAmazonの委託配送ドライバーで、詐欺ではないのが普通です。お金やカード番号の話が出たら、すぐ切ってください。`,
            missed: '出られなくても大丈夫です。不在票か「お届けできませんでした」という通知が来るので、都合のよいときにアプリで再配達を頼めます。',
            callBack: '急ぎでなければ、折り返さなくて大丈夫です。不在票かアプリの通知が来るので、都合のよいときにアプリで再配達を頼めます。',
          }[asked],
          asked === 'pickUp' ? '出られなくても、不在票かアプリの通知が来て、あとで再配達を頼めます。' : '今日受け取りたいときと、住所の入力に不安があるときは折り返してください。',
        ),
      }),
      adviseCallBack: ({ lead, why, script }) => ({
        headline: `✅ ${lead}`,
        body: lines(`✅ ${lead}${why}`, `早いほどドライバーが近くにいます。「${script}」と名乗れば話が早いです。`),
      }),
      callingBack: ({ script }) => ({
        headline: '☎️ 折り返すなら早めに。',
        body: lines(
          `☎️ 折り返すなら早めに。「${script}」と名乗れば通じます。`,
          '出なくても、運転中や配達中のことが多いだけです。かけ続けず、アプリで再配達を頼めば大丈夫です。',
        ),
      }),
      adviseApp: ({ lead, why }) => ({
        headline: `📱 ${lead}`,
        body: lines(`📱 ${lead}${why}`, '出られなかったときは不在票か「お届けできませんでした」という通知が来ます。電話しなくても、配送の手続きはアプリで済みます。'),
      }),
      tryAgainLater: ({ why }) => ({
        headline: '☎️ つながらないのはよくあることです。',
        body: lines(`☎️ つながらないのはよくあることです。${why}`, '少し時間をおいて、もう一度だけかけてみてください。それでもだめなら、かけ続けずにアプリの配送状況を見て、困ったらカスタマーサービスに相談してください。'),
      }),
      switchToApp: ({ why }) => ({
        headline: 'もうかけなくて大丈夫です。',
        body: lines(
          `何度かけてもつながらないなら、もうかけなくて大丈夫です。${why}`,
          'つながればラッキーくらいに考えて、アプリの配送状況を見るか再配達を頼み、それでも困ったらカスタマーサービスに相談してください。',
        ),
      }),
      redeliveryRoute: ({ steps }) => ({
        headline: '📦 再配達はアプリから頼めます。',
        body: lines('📦 再配達は電話しなくても、アプリかサイトから頼めます。', numbered(steps)),
      }),
    },
  },
  scam: {
    hangUpNow: '📵 「一度アプリで確認します」と言って、今すぐ電話を切ってください。これ以上、何も伝えないでください。',
    remoteApp: '📵 「一度アプリで確認します」と言ってすぐ電話を切り、画面は見せないでください。入れたアプリは削除してください。',
    itWasAScam: '⚠️ それは詐欺です。',
    link: {
      amazon: ({ host }) => `・${host}:Amazonのドメインに見えても、SMSやメールの送り主は偽装できます。リンクからではなくアプリで確かめてください。`,
      other: ({ host }) => `・${host}:Amazonの公式ドメインではありません。Amazonを名乗っているなら偽物です。`,
      imitation: ({ host, reason }) =>
        `・${host}:⚠️ Amazonのサイトではありません(${{
          lookalike: 'Amazonに似せたつづりの別のドメイン',
          brandElsewhere: 'Amazonの名前を別のドメインの中に入れている',
          punycode: '見た目の似た別の文字を使ったドメイン',
          shortener: '短縮URLで行き先を隠している',
          ipAddress: 'ドメイン名のない数字だけのアドレス',
        }[reason]})。`,
    },
    help: {
      card: '💳 すぐカード会社に連絡してカードを止めてください。窓口の番号はカードの裏面か、カード会社のアプリや利用明細に書いてあります。',
      officialRoute: 'Amazonに知らせるなら、検索した番号ではなく、公式アプリの「カスタマーサービス」から連絡してください。',
      keepEvidence: '振込の控えや、買ったギフトカードとレシートは捨てずに取っておいてください。相談のときに使います。',
      password: '🔑 Amazonのパスワードを今すぐ変えてください(リンクからではなく、自分で開いた公式アプリかサイトで)。そのあと注文履歴に覚えのない注文がないか見てください。',
      lines: ({ lines: l }) => `🆘 ひとりで抱えずに相談してください:${l.map((h) => `${h.name} ${h.dial}`).join('、')}。`,
      report: ({ where }) => `フィッシングは${where}に報告できます。`,
    },
    states: {
      askingWhatHappened: () => ({
        headline: '電話だけでは決められないので、何を言われたか教えてください。',
        body: lines(
          '本物のドライバーやAmazonが電話でお金やカード番号を聞くことはないので、その話が出たら詐欺です。',
          '本物かどうかは、アプリの注文履歴に配達中の荷物があるかでも確かめられます。何を言われたか、そのまま書いてくれれば判断します(例:「カード番号を聞かれた」)。',
        ),
      }),
      scamConfirmed: ({ verdict, signs, giftCard }) => ({
        headline: `⚠️ ${verdict || 'それは詐欺です。'}`,
        body: lines(
          `⚠️ ${verdict || 'それは詐欺です。'}電話ならすぐ切り、SMSならリンクを押さず返信もしないでください。`,
          signs.length > 0 && bullets(signs),
          giftCard
            ? 'ギフトカードで払えと言われたら、それだけで詐欺です。'
            : '本物のドライバーやAmazonが、電話やSMSでお金やカード番号を聞くことはありません。',
          '迷ったら「一度アプリで確認します」と言って切り、アプリの注文履歴で確かめてください。',
        ),
      }),
      suspicious: ({ verdict, signs }) => ({
        headline: `⚠️ ${verdict || 'その連絡だけで信用しないでください。'}`,
        body: lines(
          `⚠️ ${verdict || 'その連絡だけで信用しないでください。'}`,
          '着信表示やSMSの送り主は偽装できるので、その連絡だけで信用しないでください。',
          signs.length > 0 && bullets(signs),
          'SMSのリンクは押さず、知らない番号に折り返さず、自分でアプリを開いて注文履歴で確かめてください。電話なら「一度アプリで確認します」と言って切ってください。',
        ),
      }),
      verifyingInApp: ({ steps }) => ({
        headline: '🔍 注文や配送状況は、アプリの「マイページ」→「注文履歴」で確かめられます。',
        body: lines('🔍 注文や配送状況は、アプリの「マイページ」→「注文履歴」で確かめられます。電話やSMSが本物かどうかも、これがいちばん確実です。', numbered(steps)),
      }),
      linkWarning: ({ lines: l }) => ({
        headline: '🔗 そのリンクは開かないでください。',
        body: lines(
          '🔗 そのリンクは開かないでください。',
          ...l,
          '「不在のため持ち帰りました、こちらから確認を」という偽のSMSがたくさん出回っています。荷物のことなら、自分でAmazonアプリを開いて注文履歴を見れば本当か分かります。',
        ),
      }),
      gettingHelp: ({ first, lines: helpLines, passwordToo, report }) => ({
        headline: '🆘 すぐに手を打ちましょう。',
        body: paras(lines(...first), lines(helpLines, passwordToo && 'Amazonのパスワードも変えておきましょう。', report)),
      }),
    },
  },
  support: {
    hours: {
      now: ({ clock, weekend }) => `いま(${clock}・${weekend ? '土日祝' : '平日'})`,
      at: ({ hour, weekday, weekend }) => `${'日月火水木金土'[weekday]}曜${hour}時ごろ(${weekend ? '土日祝' : '平日'})`,
      open: ({ from, to, when, later, weekend, crowd, busy, quiet, peak }) =>
        `${when}は電話の${later ? '受付時間内' : '受付中'}(毎日${from}時〜${to}時・土日祝も同じ)で、${
          {
            busy: `混みやすい時間です(${weekend ? '土日祝' : '平日'}${busy}${peak ? '、月曜・土曜の午前と連休明けは特に混みます' : ''})。すいているのは${quiet}です。`,
            normal: `ふつうの混み具合です(すいているのは${quiet}で、月曜・土曜の午前と連休明けは特に混みます)。`,
            quiet: `比較的すいている時間です(${quiet})。`,
          }[crowd]
        }`,
      closed: ({ from, to, when }) => `${when}は電話の受付時間外(毎日${from}時〜${to}時・土日祝も同じ)なので、チャット(24時間)かメールを使ってください。`,
      newYear: (h) => `年末年始は電話の受付時間がふだん(毎日${hours(h)})と違うことがあるので、アプリの「カスタマーサービス」で確かめてください。`,
      nextQuiet: ({ when, from, to }) => (when === 'now' ? '' : `次にすいているのは${when === 'today' ? '今日' : '明日'}の${from}時〜${to}時です。`),
      range: (h) => hours(h),
    },
    states: {
      choosingNeed: (h) => ({
        headline: '窓口は用件で選びます。',
        body: lines(
          `急ぎなら電話(毎日${hours(h)}・アプリ/サイトから折り返しを頼む)、夜や声を出せないときはチャット(24時間・自動案内から担当者へ)、写真や長い説明はメール(返事は1〜2営業日)。`,
          '返品・パスワード変更・配送追跡などは、まずヘルプページで自分でできて、いちばん早いです(24時間)。',
        ),
      }),
      recommendPhone: ({ status }) => ({
        headline: '☎️ 急ぎなら、今は電話がおすすめです。',
        body: lines(`☎️ 急ぎなら、今は電話がおすすめです。${status}`, '番号にかけるのではなく、アプリ/サイトの「カスタマーサービス」から折り返しを頼むと、数分でかかってきます。'),
      }),
      recommendChat: ({ from, to, asked }) => ({
        headline: asked ? '💬 チャットは24時間使えます。' : '💬 電話は今は受付時間外なので、チャットを使ってください。',
        body: asked
          ? lines(
              '💬 チャットは24時間使えて、やり取りも記録に残ります。アプリ/サイトの「カスタマーサービス」で内容を選び、チャットを選んでください。',
              `まず自動案内、必要なら担当者につながります。電話(折り返し)は毎日${from}時〜${to}時です。`,
            )
          : lines(
              `💬 電話は今は受付時間外(毎日${from}時〜${to}時)なので、急ぎならチャットを使ってください。チャットは24時間です。`,
              'メールでも送れます(返事は1〜2営業日)。',
            ),
      }),
      recommendEmail: () => ({
        headline: '✉️ メールは写真や長い説明に向いていて、返事は1〜2営業日が目安です。',
        body: lines(
          '✉️ メールは写真や資料を添付したいときや長く説明したいときに向いていて、返事は1〜2営業日が目安です。',
          'ヘルプページで内容を選んで書いて送ります。急ぎなら電話かチャットも使ってください。',
        ),
      }),
      recommendSelfService: () => ({
        headline: '📖 電話しなくても、アプリやヘルプページで自分でできます。',
        body: lines(
          '📖 電話しなくても、アプリやヘルプページで自分でできます(注文履歴・返品や返金・パスワード変更・配送追跡)。24時間使えて、いちばん早い方法です。',
          '解決しなければ、チャット(24時間・自動案内から担当者へ。注文や返品、アカウントの相談も)か電話(折り返し)に進んでください。',
        ),
      }),
      specialRoute: ({ name, how }) => ({ headline: `⭐ ${name}:${how.split('。')[0]}。`, body: `⭐ ${name}:${how}` }),
      phoneHoursNow: ({ status, next }) => ({
        headline: `🕘 ${status}`,
        body: lines(`🕘 ${status}`, next, '電話は番号にかけるのではなく、アプリ/サイトの「カスタマーサービス」から折り返しを頼みます。夜や早朝はチャットが24時間使えます。「24時間電話受付」をうたう番号は偽物なので、かけないでください。'),
      }),
      callbackSteps: ({ from, to, steps, official }) => ({
        headline: '☎️ Amazonには、アプリ/サイトから折り返しを頼みます。',
        body: lines(
          `☎️ Amazonには、こちらからかけるのではなく、アプリ/サイトから折り返しを頼むと、数分でオペレーターからかかってきます(受付は毎日${from}時〜${to}時)。`,
          numbered(steps),
          `番号を案内されるなら、正規は ${official.join(' と ')} だけです。ネットで見つけた番号にはかけないでください。`,
        ),
      }),
      fakeNumberSigns: ({ signs, official }) => ({
        headline: `🚫 Amazonの正規の番号は0120か011で始まる${official.join('と')}だけなので、知恵袋やSNSに載っている番号や、検索で出てきた番号、SMSで届いた番号にはかけないでください。`,
        body: lines(
          `🚫 Amazonの正規の番号は0120か011で始まる${official.join('と')}だけなので、知恵袋やSNSに載っている番号や、検索で出てきた番号、SMSで届いた番号にはかけないでください。`,
          '偽物が増えていて、かけると個人情報やカード情報を取られたり、高い通話料を請求されたりします。見分け方:',
          bullets(signs),
          '確実なのは、公式アプリ/サイトから折り返しを頼むことです。',
        ),
      }),
    },
  },
  prepare: {
    commonTitle: '📝 電話の前に用意するもの',
    keepNotes: 'メモや画面のスクリーンショットを残しておくと、かけ直すときも話が早いです。',
    topicTitle: ({ topic }) => `📝 ${topic}の相談の前に用意するもの`,
    states: {
      commonChecklist: () => ({ headline: '📝 電話の前に、注文番号などを手元に。', body: '' }),
      checklist: () => ({ headline: '📝 電話の前に、注文番号などを手元に。', body: '' }),
      explainTips: ({ tips }) => ({
        headline: '🗣️ 最初に注文番号、用件は一言で。',
        body: lines('🗣️ 伝え方のコツ', numbered(tips), 'メモや画面のスクリーンショットを残しておくと、かけ直すときも楽です。'),
      }),
    },
  },
  menu: {
    welcome: '友だち追加ありがとうございます。知らない番号からの着信や、Amazonへの問い合わせで迷ったときに、次にどうするかを一緒に決めます。',
    reset: '最初からやり直します。',
    body: 'できること:着信番号が誰か(番号をそのまま送ってください)、折り返すべきか、詐欺かどうか、今つながる窓口、電話の前の準備。',
    hello: 'こんにちは。',
    thanks: 'どういたしまして。ほかにも気になる着信やメッセージがあれば、番号や文面をそのまま送ってください。',
  },
  fallback: {
    text: 'すみません、うまく読み取れませんでした。',
    empty: 'メッセージが空のようです。',
    sticker: 'スタンプありがとうございます!',
    media: '画像や音声の中身はまだ読み取れません。',
    staleButton: 'そのボタンは以前の会話のものです。',
    badButton: 'そのボタンは処理できませんでした。',
    // 漢字だけの文は日本語と読まれるので、中国語の読み手には英語の一文が通じやすい。
    otherLanguage: '日本語か英語で送ってください。Please write in Japanese or English.',
    didYouMean: 'もしかして、このどれかですか?',
    sendNumber: '着信番号をそのまま送るか、知りたいことを書いてください。',
  },
  followUp: {
    why: {
      'callerIdentification.deliveryDriver': '配達の途中で、ドライバーがその場で確かめたいことがあるからです。Amazonのシステム経由の番号なので、ドライバーはあなたの番号を知らずにかけられます。',
      'callerIdentification.callReasons': '一度持ち帰ると再配達の段取りが難しくなるので、その場で渡せるならそうしたいからです。',
      'callerIdentification.unknownNumber': '確認済みの番号一覧にない番号の持ち主を推測で言うと、詐欺の番号を本物と思わせてしまうおそれがあるからです。',
      'callerIdentification.internationalNumber': '海外の番号は、詐欺のSMSや電話によく使われるからです。本物の配送連絡なら、アプリの注文履歴にも出ています。',
      'callbackDecision.askingSituation': '出られなかった荷物は不在票かアプリの通知で知らされ、再配達はアプリで頼めるからです。電話しなくても荷物は届きます。',
      'callbackDecision.adviseApp': '出られなかった荷物は不在票かアプリの通知で知らされ、再配達はアプリで頼めるからです。電話しなくても荷物は届きます。',
      'callbackDecision.adviseCallBack': '電話をかけてきたばかりのドライバーは、まだ近くで荷物を持っています。折り返せばその場で届けてもらえる見込みが高く、住所の問題なら電話でしか解決しないこともあるからです。',
      'callbackDecision.callingBack': 'ドライバーは電話のあとも近くを回っているので、早いほど戻ってきてもらいやすいからです。',
      'callbackDecision.tryAgainLater': 'ドライバーは運転中や配達中で手がふさがっていることが多いからです。少しおけば出られることがあります。',
      'callbackDecision.switchToApp': 'かけ続けるとドライバーの仕事の邪魔になり、あなたの時間もなくなるからです。アプリなら電話なしで手続きできます。',
      'callbackDecision.redeliveryRoute': '今の配送の仕組みは、電話をしなくてもアプリやサイトで完結するように作られているからです。',
      'scamCheck.scamConfirmed': '本物のドライバーやAmazonは、電話やSMSでお金やカード番号、暗証番号を求めないからです。聞いてきた時点で、正規の手順から外れています。',
      'scamCheck.suspicious': '着信表示やSMSの送り主は、特別なソフトや回線で偽装できるからです。番号が本物でも、相手が本物とは限りません。',
      'scamCheck.linkWarning': '偽のSMSのリンクは本物そっくりの偽サイトにつながり、入れたIDやカード番号が盗まれるからです。自分で開いた公式アプリなら、偽サイトに行くことはありません。',
      'scamCheck.verifyingInApp': '注文履歴はAmazon自身の記録なので、電話やSMSと違って偽装できないからです。配達中の荷物がなければ、その電話は配達の連絡ではありません。',
      'scamCheck.gettingHelp': '早く止めるほど、お金や情報の被害を小さくできるからです。',
      'supportChannel.callbackSteps': 'Amazonは、なりすましや情報漏れを防ぐため電話番号を公開せず、ログインして本人確認をした人にだけ折り返すからです。',
      'supportChannel.fakeNumberSigns': 'Amazonはサポートの電話番号を公開していないので、ネットで見つかる番号は古いか偽物だからです。かけると情報を取られたり、高い通話料がかかったりします。',
      'supportChannel.phoneHoursNow': '月曜や連休明けの午前は問い合わせが集中し、平日の14時〜16時ごろは比較的すいているからです。',
      'supportChannel.recommendChat': 'チャットは24時間使えて、声を出せない場所でも相談でき、やり取りが記録に残るからです。',
      'supportChannel.recommendEmail': 'メールなら長い説明や写真を添えられますが、返事に1〜2営業日かかるからです。',
      'supportChannel.recommendSelfService': '返品や返金、パスワード変更、配送の追跡は、アプリやヘルプページで手続きできるように作られていて、24時間いちばん早いからです。',
      'supportChannel.recommendPhone': '急ぎのことは、電話ならその場で担当者と話して決められるからです。',
      'prepareCall.commonChecklist': '注文番号と登録情報があれば、担当者がすぐにあなたの注文を見つけられ、話が早く済むからです。',
      'prepareCall.checklist': '注文番号と登録情報があれば、担当者がすぐにあなたの注文を見つけられ、話が早く済むからです。',
      'faq.saveContact': '着信拒否すると困るのは、住所が分からないときなど、ドライバーが電話でしか確かめられないことがあるからです。つながらないと荷物は返送され、注文がキャンセルになることもあります。',
      'faq.silentCall': 'ドライバーは専用の端末を操作しながら荷物を運んでいて、タッチパネルの誤発信が意外と多いからです。',
      'faq.oddHours': '配達は朝8時から夜21時ごろまでなので、深夜の電話は配達の連絡ではないからです。',
      'faq.unorderedParcel': '家族や友人があなた宛てにギフトを送ったり、前に設定した定期おトク便が届く時期だったりすることがあるからです。',
    },
    noReason: ({ headline }) => `いちばん大事なのはこれです:${headline}`,
    simpler: ({ headline }) => `かんたんに言うと:${headline}`,
  },
  notes: {
    cardCompany: ({ driver, official, senders }) => 'カード会社の電話番号は、カードの裏面に書いてあります。カード会社のアプリや、利用明細・ウェブの会員ページでも確かめられます。ネットで検索した番号にはかけないでください。',
    orderMatches: ({ driver, official, senders }) => 'アプリで配達中になっていて、着信の時刻とも合うなら、その電話は本物の配達の連絡です。折り返すか、アプリで受け取り方を選んでください。',
    amazonTexts: ({ driver, official, senders }) => `Amazonは不在のときなどにSMSを送ることがありますが、送信元も偽装できるので、リンクは押さずに公式アプリの注文履歴で確かめてください。使われる送信元は${senders.join('、')}など、海外からに見える番号のこともあります。`,
    spamMail: ({ driver, official, senders }) => 'Amazonを名乗る迷惑メールは開かずに無視し、念のためアカウントのセキュリティ設定(パスワードなど)を見直してください。本物の連絡かどうかは、公式アプリの注文履歴やメッセージセンターで確かめられます。',
    whyNoNumber: ({ driver, official, senders }) => 'Amazonは、なりすましや情報漏れを防ぐために電話番号を公開せず、ログインして本人確認をした人にだけ折り返します。電話したいときは、アプリ/サイトの「カスタマーサービス」から折り返しを頼んでください。',
    whileOnCall: () => '話しながらでも、スピーカーにしてアプリの注文履歴で配達中の荷物があるか確かめられます。お金やカード番号、暗証番号の話が出たら、「一度アプリで確認します」と言ってすぐ切ってください。',
    tollFree: ({ driver }) => `${driver}(Amazonの委託配送ドライバー)はフリーダイヤルなので、折り返しても通話料はかかりません。`,
    notSales: ({ driver }) => `${driver}からの電話が営業や勧誘であることはまずなく、配達で確かめたいことがあるときの事務的な連絡です。`,
    nothingFound: () => 'メッセージセンターにも家族にも心当たりがないなら、間違い電話の可能性が高いので、無視してかまいません。',
    driverMap: () => 'それはアプリの配送状況で、新しいアプリではドライバーの位置が地図に出たり「あと〇個で到着」と表示されたりします。その時間に電話があったなら、本物の配達の連絡です。',
    noOrderInTransit: ({ driver, official, senders }) => '注文履歴に配達中の荷物がないなら、間違い電話か詐欺の疑いがあるので、折り返さなくて大丈夫です。家族からのギフトや定期おトク便のこともあるので、気になるならアプリのメッセージセンターも見てください。',
    repeatedCalls: ({ driver, official, senders }) => '何度もかかってくるのは、荷物が届けられず急いでいるからのことが多いです。アプリの注文履歴で配達中の荷物と状況を確かめ、番号は「Amazon配送」と登録しておくと安心です。注文履歴に何もないのに続くなら、間違い電話か詐欺の疑いがあるので折り返さないでください。',
    languages: ({ driver, official, senders }) => 'Amazonのカスタマーサービスは、英語・中国語・韓国語などでも電話やチャットで相談できます。アプリの「カスタマーサービス」から始めてください。',
    relayedNumber: ({ driver, official, senders }) => `ドライバーはあなたの電話番号を知らされず、配送アプリからAmazonのシステム経由でかけてくるので、${driver}と表示されます。個人の携帯からかけているのではありません。`,
    otherCarriers: ({ driver, official, senders }) => `ヤマト運輸や佐川急便などの大手が運ぶときは、その会社の番号で表示されることがあります。${driver}は、Amazonが手配した配送業者や個人ドライバー(Amazon Flexなど)がかけてくる番号です。`,
    carrierNumber: ({ driver, official, senders }) => 'その会社の番号は、確かめたデータに入っていないのでお伝えできません。不在票に書かれた番号か、その会社の公式サイトで確かめてください。Amazonの荷物なら、アプリから再配達も頼めます。',
  },
  notices: {
    overCap: 'メッセージが多すぎます。少し待ってからもう一度送ってください。',
    apology: 'ごめんなさい、このメッセージはうまく扱えませんでした。言い方を変えて送るか、下のメニューから選んでください(「メニュー」と送っても出ます)。',
  },
  faqAtTheEdge: (h) => `繁忙期や渋滞で配達の時間は少し前後するので、${h.from}時前や${h.to}時過ぎに配達の電話がかかってくることはあります(ふつうは${hours(h)})。`,
  faqHeadline: {
    unorderedParcel: '注文していなくても、ギフトや定期おトク便かもしれません。',
    oddHours: '配達の電話はふつう8時〜21時です。',
    silentCall: '無言やワン切りは、たいてい誤操作か電波のせいです。',
    saveContact: '着信拒否はおすすめしません。',
  },
} satisfies Messages;
