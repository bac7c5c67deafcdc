import type { ScamCheckContext } from '../../flows/scamCheck.js';
import { HANDOVER_SIGNS, type LinkFinding } from '../../flows/types.js';
import { bullets, draft, numbered, pick, type Draft, type RenderContext } from './draft.js';

export function renderScamCheck(state: string, ctx: ScamCheckContext, rc: RenderContext): Draft {
  const t = pick(rc.lang);
  const { scam } = rc.knowledge;
  const reported = scam.signs.filter((s) => ctx.signs.includes(s.id)).map((s) => s[rc.lang]);
  const facts = bullets(scam.facts.map((f) => f[rc.lang]));
  const steps = numbered(scam.orderHistorySteps[rc.lang]);
  switch (state) {
    case 'scamConfirmed':
      return draft(
        ['scam:harmed', 'scam:orders', 'menu'],
        t(
          `⚠️ それは詐欺のサインです。電話ならすぐに切り、メッセージならリンクを押さず返信もしないでください。何も払わず、何も教えないこと。\n${bullets(reported)}\n\n${facts}`,
          `⚠️ That is a scam sign. On a call, hang up now; in a text, do not tap the link or reply. Pay nothing and tell them nothing.\n${bullets(reported)}\n\n${facts}`,
        ),
      );
    case 'suspicious':
      return draft(
        ['scam:orders', 'scam:harmed', 'menu'],
        t(
          `⚠️ 注意が必要です。その連絡だけを信じず、自分でアプリを開いて確かめてください。\n${bullets(reported)}\n\nSMSのリンクは押さない・知らない番号に折り返さない、が基本です。`,
          `⚠️ Be careful. Do not trust that contact on its own; open the app yourself and check.\n${bullets(reported)}\n\nThe rule: never tap links in texts and never call back numbers you do not know.`,
        ),
      );
    case 'verifyingInApp':
      return draft(
        ['callback:ask', 'scam:harmed', 'menu'],
        t(
          `🔍 注文と配送状況は、アプリの注文履歴で自分で確かめられます。電話やSMSが本物かどうかも、これがいちばん確実です。\n${steps}`,
          `🔍 Your orders and their delivery status are in your order history; it is also the surest way to tell whether a call or text is real.\n${steps}`,
        ),
      );
    case 'linkWarning':
      return draft(
        ['scam:orders', 'scam:harmed', 'menu'],
        t(
          `🔗 リンクは開かないでください。\n${ctx.links.map((l) => linkLine(l, rc)).join('\n')}\n\n荷物や注文のことなら、リンクからではなく、自分でAmazonアプリを開いて注文履歴を見れば本当かどうか分かります。\n${steps}`,
          `🔗 Do not open the link.\n${ctx.links.map((l) => linkLine(l, rc)).join('\n')}\n\nIf it is about a parcel or an order, open the Amazon app yourself (not through the link) and look at your order history:\n${steps}`,
        ),
      );
    case 'gettingHelp': {
      const lines = rc.knowledge.numbers.helpLines.map((h) => `・${h.name[rc.lang]} ${h.dial}: ${h.use[rc.lang]}`).join('\n');
      // Someone who read out gift-card codes has no card to stop: the card line only when a card may be involved.
      const handedOver = ctx.signs.filter((s) => HANDOVER_SIGNS.includes(s));
      const cardGiven = handedOver.includes('cardNumber');
      const card = handedOver.length === 0 || cardGiven ? `${scam.cardCompanyAdvice[rc.lang]}\n` : '';
      // Gift-card codes cannot be stopped like a card; what helps is saying plainly it was a scam and keeping the evidence.
      const giftCards = handedOver.includes('giftCard')
        ? t(
            '⚠️ ギフトカードで支払わせるのは詐欺の手口です。買ったカードとレシートは捨てずに、相談するときに手元に置いてください。\n\n',
            '⚠️ Being made to pay with gift cards is a scam. Keep the cards and the receipts; have them at hand when you call for help.\n\n',
          )
        : '';
      // A password typed into a fake page is used within minutes: changing it comes before the phone calls.
      const account = ctx.signs.includes('personalData') || ctx.signs.includes('smsLink')
        ? t(
            '🔑 まず、Amazonのパスワードを今すぐ変えてください(リンクからではなく、自分で開いた公式アプリかサイトで)。そのあと注文履歴を開き、身に覚えのない注文がないか確かめてください。\n\n',
            '🔑 First, change your Amazon password now (in the official app or site you open yourself, not through the link). Then open your order history and look for orders you did not make.\n\n',
          )
        : '';
      return draft(
        ['scam:orders', 'menu'],
        t(
          // A card number typed into a page is used at once: stopping the card comes first of all.
          `${cardGiven ? `💳 ${card}\n` : ''}${giftCards}${account}🆘 ひとりで抱えず、今すぐ相談してください。\n${lines}\n\n${cardGiven ? '' : card}${account ? '' : 'Amazonのパスワードも変えておきましょう。'}フィッシングの報告先は${scam.phishingReport.ja}です。`,
          `${cardGiven ? `💳 ${card}\n` : ''}${giftCards}${account}🆘 Get help now; you are not alone in this.\n${lines}\n\n${cardGiven ? '' : card}${account ? '' : 'Change your Amazon password too. '}Phishing can be reported to ${scam.phishingReport.en}.`,
        ),
      );
    }
    default:
      return draft(
        [
          'scam:sign:moneyDemand', 'scam:sign:cardNumber', 'scam:sign:giftCard', 'scam:sign:remoteApp',
          'scam:sign:personalData', 'scam:sign:smsLink', 'scam:sign:spoofedNumber', 'scam:sign:oddHours',
          'scam:sign:fakeSupportNumber', 'scam:nothing', 'scam:harmed', 'menu',
        ],
        t(
          '何があったか教えてください。当てはまるものを選ぶか、言われたことをそのまま書いてください(例:「カード番号を聞かれた」)。',
          'Tell me what happened: pick what fits, or write what they said (for example "they asked for my card number").',
        ),
      );
  }
}

/**
 * One line per link. The host is "defanged" (amazon[.]co[.]jp) so that LINE does not turn it back into a
 * tappable link. No verdict ever says "safe": even Amazon's own domain in a text can be a forged sender.
 */
function linkLine(link: LinkFinding, rc: RenderContext): string {
  const t = pick(rc.lang);
  const host = link.host.replaceAll('.', '[.]');
  if (link.verdict === 'amazon') {
    return t(
      `・${host}: Amazonのドメインに見えますが、SMSやメールの送り主は偽装できます。リンクからではなくアプリから確かめてください。`,
      `・${host}: looks like an Amazon domain, but the sender of a text or e-mail can be forged. Check in the app, not through the link.`,
    );
  }
  if (link.verdict === 'other') {
    return t(
      `・${host}: Amazonの公式ドメインではありません。Amazonを名乗っているなら偽物です。`,
      `・${host}: not one of Amazon's domains. If the message claims to be Amazon, it is fake.`,
    );
  }
  const why = {
    lookalike: t('Amazonに似せたつづりの別のドメインです', 'a different domain spelled to look like Amazon'),
    brandElsewhere: t('Amazonの名前を別のドメインの中に入れています', "it puts Amazon's name inside someone else's domain"),
    punycode: t('見た目の似た別の文字を使ったドメインです', 'the domain uses look-alike characters'),
    shortener: t('短縮URLで本当の行き先を隠しています', 'a link shortener hides where it really goes'),
    ipAddress: t('ドメイン名のない数字だけのアドレスです', 'a bare numeric address with no domain name'),
  }[link.reason ?? 'lookalike'];
  return t(`・${host}: ⚠️ Amazonのサイトではありません(${why})。`, `・${host}: ⚠️ this is not Amazon's site (${why}).`);
}
