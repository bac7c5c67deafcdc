/** 日本語の文面。答えを最初の一文に、続けて理由と次の一歩を短く。 */
import type { Messages } from './types.js';

const lines = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n');
const paras = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n\n');
const bullets = (items: readonly string[]) => items.map((i) => `・${i}`).join('\n');
const numbered = (items: readonly string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n');
const hours = (h: { from: number; to: number }) => `${h.from}時〜${h.to}時`;

export const ja = {
  typeToChoose: ({ labels }) => `(ボタンが出ないときは「${labels.join('」「')}」と送ってください)`,
  list: { bullets: ({ items }) => bullets(items), numbered: ({ items }) => numbered(items) },
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
    deliveryWindow: {
      edge: (h) => `🕘 配達の電話はふつう${hours(h)}ですが、繁忙期は少し前後します。今の時間でも、まだつながるかもしれません。`,
      night: (h) => `🌙 今は配達の時間(おおむね${hours(h)})の外なので、折り返してもまずつながりません。朝になったらアプリの注文履歴で確かめてください。`,
    },
    states: {
      deliveryDriver: ({ dial, window, hours: h }) => ({
        headline: `📞 ${dial} はAmazonの委託配送ドライバーの番号です。`,
        body: lines(
          `📞 ${dial} はAmazonの委託配送ドライバーの番号で、詐欺ではないのが普通です(Amazonのカスタマーサービスではありません)。`,
          '用件はたいてい留守・住所の確認・オートロック・置き配の場所のどれかで、荷物を持ち帰る前の急ぎの連絡です。フリーダイヤルなので折り返しても通話料はかかりません。',
          window === 'within' && '今日受け取りたい・住所が不安なら折り返し、急がないならアプリで再配達を頼めば大丈夫です。',
          window === 'edge' && `配達の電話はふつう${hours(h)}ですが、少し前後することもあるので、今ならまだつながるかもしれません。`,
          window === 'night' && `🌙 今は配達の時間(おおむね${hours(h)})の外なので、折り返してもまずつながりません。朝、アプリの注文履歴で確かめてください。`,
          'お金やカード番号の話が出たら、すぐ切ってください(番号は偽装もできます)。',
        ),
      }),
      callReasons: ({ dial, reasons, numberKnown, otherCarriers }) => ({
        headline: `${dial} からの電話は、配達で確かめたいことがあるときです。`,
        body: lines(
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
      awaitingNumber: () => ({
        headline: '着信した番号を送ってください。',
        body: '着信した番号を送ってください(例:0120-070-585)。ハイフンなし・全角でも読めます。番号が分からないときは、アプリの注文履歴に配達中の荷物があるかで、配達の電話だったか分かります。',
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
      askingSituation: () => ({
        headline: '急ぎでなければ、折り返さなくて大丈夫です。',
        body: lines(
          '急ぎでなければ、出られなくても折り返さなくても大丈夫です。不在票かアプリの通知が来るので、都合のよいときにアプリで再配達を頼めます。',
          '今日受け取りたいときと、住所の入力に不安があるときは折り返してください。',
        ),
      }),
      adviseCallBack: ({ why, script }) => ({
        headline: '✅ 折り返してください。',
        body: lines(`✅ 折り返してください。${why}`, `早いほどドライバーが近くにいます。「${script}」と名乗れば話が早いです。`),
      }),
      callingBack: ({ script }) => ({
        headline: '☎️ 折り返すなら早めに。',
        body: lines(
          `☎️ 折り返すなら早めに。「${script}」と名乗れば通じます。`,
          '出なくても、運転中や配達中のことが多いだけです。かけ続けず、アプリで再配達を頼めば大丈夫です。',
        ),
      }),
      adviseApp: ({ why }) => ({
        headline: '📱 折り返さなくて大丈夫です。',
        body: lines(
          `📱 折り返さなくて大丈夫です。${why}`,
          '出られなかったときは不在票か「お届けできませんでした」という通知が来るので、都合のよいときにアプリで再配達を頼んでください。',
        ),
      }),
      tryAgainLater: ({ why }) => ({
        headline: '☎️ つながらないのはよくあることです。',
        body: lines(`☎️ つながらないのはよくあることです。${why}`, '少し時間をおいて、もう一度だけかけてみてください。'),
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
    hangUpNow: '📵 今すぐ電話を切ってください。これ以上、何も伝えないでください。',
    remoteApp: '📵 すぐ電話を切り、画面は見せないでください。入れたアプリは削除してください。',
    itWasAScam: '⚠️ それは詐欺です。',
    reported: ({ signs }) => bullets(signs),
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
      keepEvidence: '振込の控えや、買ったギフトカードとレシートは捨てずに取っておいてください。相談のときに使います。',
      password: '🔑 Amazonのパスワードを今すぐ変えてください(リンクからではなく、自分で開いた公式アプリかサイトで)。そのあと注文履歴に覚えのない注文がないか見てください。',
      lines: ({ lines: l }) => `🆘 ひとりで抱えずに相談してください:${l.map((h) => `${h.name} ${h.dial}`).join('、')}。`,
      report: ({ where }) => `フィッシングは${where}に報告できます。`,
    },
    states: {
      askingWhatHappened: () => ({
        headline: '何があったか教えてください。',
        body: '何があったか教えてください。言われたことをそのまま書いてくれれば判断します(例:「カード番号を聞かれた」)。',
      }),
      scamConfirmed: ({ signs, giftCard }) => ({
        headline: '⚠️ それは詐欺のサインです。',
        body: lines(
          '⚠️ それは詐欺です。電話ならすぐ切り、SMSならリンクを押さず返信もしないでください。',
          bullets(signs),
          giftCard
            ? 'ギフトカードで払えと言われたら、それだけで詐欺です。'
            : '本物のドライバーやAmazonが、電話やSMSでお金やカード番号を聞くことはありません。',
          '迷ったら「一度アプリで確認します」と言って切り、アプリの注文履歴で確かめてください。',
        ),
      }),
      suspicious: ({ signs }) => ({
        headline: '⚠️ その連絡だけで信用しないでください。',
        body: lines(
          '⚠️ その連絡だけで信用しないでください。着信表示やSMSの送り主は偽装できます。',
          bullets(signs),
          'SMSのリンクは押さず、知らない番号に折り返さず、自分でアプリを開いて注文履歴で確かめてください。',
        ),
      }),
      verifyingInApp: ({ steps }) => ({
        headline: '🔍 本物かどうかは、アプリの注文履歴で確かめられます。',
        body: lines('🔍 本物かどうかは、アプリの注文履歴で確かめるのがいちばん確実です。', numbered(steps)),
      }),
      linkWarning: ({ lines: l }) => ({
        headline: '🔗 そのリンクは開かないでください。',
        body: lines(
          '🔗 そのリンクは開かないでください。',
          ...l,
          '荷物のことなら、自分でAmazonアプリを開いて注文履歴を見れば本当か分かります。',
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
      open: ({ clock, weekend, crowd }) =>
        `いま(${clock}・${weekend ? '土日祝' : '平日'})は受付中で、${{ busy: '混みやすい時間です', normal: 'ふつうの混み具合です', quiet: '比較的すいています' }[crowd]}。`,
      closed: ({ clock, weekend }) => `いま(${clock}・${weekend ? '土日祝' : '平日'})は受付時間外です。チャットなら24時間使えます(メールも送れます)。`,
      quiet: ({ weekday, weekend }) => `すいているのは平日${weekday}、土日祝${weekend}です。`,
      nextQuiet: ({ when, from, to }) => (when === 'now' ? '' : `次にすいているのは${when === 'today' ? '今日' : '明日'}の${from}時〜${to}時です。`),
      range: (h) => hours(h),
      everyDay: (h) => `電話の受付は毎日${hours(h)}です(土日祝も同じ)。`,
    },
    states: {
      choosingNeed: (h) => ({
        headline: '窓口は用件で選びます。',
        body: lines(
          `急ぎなら電話(折り返し・毎日${hours(h)})、夜や声を出せないときはチャット(24時間)、写真や長い説明はメール(返事は1〜2営業日)。`,
          '返品・パスワード変更・配送追跡などはヘルプページで自分でできて、いちばん早いです。',
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
              '💬 チャットは24時間使えます。アプリ/サイトの「カスタマーサービス」で内容を選び、チャットを選んでください。',
              `まず自動案内、必要なら担当者につながり、やり取りは記録に残ります。電話(折り返し)は毎日${from}時〜${to}時です。`,
            )
          : lines(
              `💬 電話は今は受付時間外(毎日${from}時〜${to}時)なので、急ぎならチャットを使ってください。チャットは24時間です。`,
              'メールでも送れます(返事は1〜2営業日)。',
            ),
      }),
      recommendEmail: () => ({
        headline: '✉️ メールの返事は1〜2営業日が目安です。',
        body: lines(
          '✉️ メールの返事は1〜2営業日が目安です。写真や資料を添付したいとき、長く説明したいときに向いています。',
          'ヘルプページで内容を選んで書いて送ります。急ぎなら電話かチャットも使ってください。',
        ),
      }),
      recommendSelfService: () => ({
        headline: '📖 電話しなくても、アプリやヘルプページで自分でできます。',
        body: lines(
          '📖 電話しなくても、アプリやヘルプページで自分でできます(注文履歴・返品や返金・パスワード変更・配送追跡)。24時間使えて、いちばん早い方法です。',
          '解決しなければ、チャットか電話(折り返し)に進んでください。',
        ),
      }),
      specialRoute: ({ name, how }) => ({ headline: `⭐ ${name}:${how.split('。')[0]}。`, body: `⭐ ${name}:${how}` }),
      phoneHoursNow: ({ status, quiet, next, extra }) => ({
        headline: `🕘 ${status}`,
        body: lines(`🕘 ${status}`, quiet, next, ...extra),
      }),
      callbackSteps: ({ from, to, steps, official }) => ({
        headline: '☎️ Amazonには、アプリ/サイトから折り返しを頼みます。',
        body: lines(
          `☎️ Amazonには、こちらからかけるのではなく、アプリ/サイトから折り返しを頼みます(受付は毎日${from}時〜${to}時)。`,
          numbered(steps),
          `番号を案内されるなら、正規は ${official.join(' と ')} だけです。ネットで見つけた番号にはかけないでください。`,
        ),
      }),
      fakeNumberSigns: ({ signs }) => ({
        headline: '🚫 ネットで見つけた「Amazonサポート」の番号にはかけないでください。',
        body: lines(
          '🚫 ネットで見つけた「Amazonサポート」の番号にはかけないでください。偽物が増えていて、個人情報やカード情報を取られたり、高い通話料を請求されたりします。',
          bullets(signs),
          '確実なのは、公式アプリ/サイトから折り返しを頼むことです。',
        ),
      }),
    },
  },
  prepare: {
    commonTitle: '📝 電話の前に用意するもの',
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
  faqHeadline: {
    unorderedParcel: '注文していなくても、ギフトや定期おトク便かもしれません。',
    oddHours: '配達の電話はふつう8時〜21時です。',
    silentCall: '無言やワン切りは、たいてい誤操作か電波のせいです。',
    saveContact: '着信拒否はおすすめしません。',
  },
} satisfies Messages;
