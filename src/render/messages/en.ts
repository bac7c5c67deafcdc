/** English copy: the answer in the first sentence, then the reason and the next step, briefly. */
import type { Messages } from './types.js';

const lines = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n');
const paras = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n\n');
const bullets = (items: readonly string[]) => items.map((i) => `・${i}`).join('\n');
const numbered = (items: readonly string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n');
const hours = (h: { from: number; to: number }) => `${h.from}:00–${h.to}:00`;

export const en = {
  typeToChoose: ({ labels }) => `(No buttons? Type "${labels.join('" or "')}".)`,
  caller: {
    known: ({ dial, owner, note, tollFree }) => `📞 ${dial} is ${owner}. ${note}${tollFree ? ' It is toll-free: calling it back costs you nothing.' : ''}`,
    unvetted: ({ display, kind }) => `📞 ${display}: ${kind}`,
    kinds: {
    tollFree: 'a toll-free number (0120 or 0800): the receiving company pays, and companies also call out from them. The number alone does not tell which company.',
      naviDial: 'a navi-dial number (0570): the caller pays, and flat-rate mobile plans do not cover it.',
      ipPhone: 'an IP phone number (050). Anyone can get one cheaply, so confirm who it is before engaging.',
      // The prefixes are listed with separators the phone guard does not join into one dialable run.
      mobile: 'a mobile number (060, 070, 080, 090): could be a person, or a courier on their own phone.',
      other: 'an unusual number; if you do not recognise it, do not call back.',
      fixedLine: ({ prefix, area }) => (prefix && area ? `a fixed line (${prefix}: ${area}).` : 'a fixed-line number.'),
      international: ({ country }) => `an international number (${country}).`,
    },
    besideScamWarning: ({ dial, owner }) => `📞 Even if the screen showed ${dial} (${owner}), caller ID can be faked, so the number proves nothing.`,
    states: {
      deliveryDriver: ({ dial, window, hours: h }) => ({
        headline: `📞 ${dial} is an Amazon contracted delivery driver.`,
        body: window === 'night'
          ? lines(
              `📞 ${dial} is Amazon's contracted delivery drivers, but they normally call ${hours(h)}: a call in the middle of the night is most likely a wrong number or a robocall, so do not call back.`,
              'Caller ID can be faked, so in the morning check the order history in the app for a parcel on its way. Real drivers never ask for money or card numbers by phone.',
            )
          : lines(
          `📞 ${dial} is an Amazon contracted delivery driver, and normally not a scam (it is not Amazon customer service).`,
          'They call when a delivery is stuck (nobody answered the door, an address to confirm, an auto-lock, an unusable drop-off spot), often as a last try before taking the parcel back. Calling back is toll-free.',
          window === 'within' && 'Whether to call back depends: want it today, or unsure of your address? Call back. Not in a hurry? Just arrange redelivery in the app later.',
          window === 'edge' && `Drivers normally call ${hours(h)}, with some margin, so one may still answer now.`,
          'Real drivers never ask for money or card numbers by phone, so if that comes up, hang up (caller ID can be faked, so the number alone proves nothing). If in doubt, check the order history in the app for a parcel on its way.',
        ),
      }),
      callReasons: ({ dial, reasons, numberKnown, otherCarriers, named }) => ({
        headline: named ? named.split('. ')[0]! + '.' : `A call from ${dial} means a driver needs something to deliver your parcel.`,
        body: named ? lines(named, 'It is a routine delivery call, normally not a scam; if money or card numbers come up, hang up.') : lines(
          `${numberKnown ? 'When' : 'If'} the call came from ${dial} (Amazon's contracted delivery drivers), a driver needs a decision on the spot. The four usual reasons:`,
          bullets(reasons),
          'It is often their last try before taking the parcel back, so it is urgent.',
          otherCarriers,
          !numberKnown && 'If it was another number, or you do not know it, check the order history in the app for a parcel on its way before calling anyone back.',
        ),
      }),
      officialSupport: ({ identity }) => ({ headline: identity.split('\n')[0]!, body: identity }),
      officialSmsSender: ({ identity }) => ({
        headline: identity.split('\n')[0]!,
        body: lines(identity, 'Amazon may text you after a missed delivery, sometimes from numbers that look foreign.'),
      }),
      internationalNumber: ({ identity }) => ({
        headline: `${identity} Unexpected contact from abroad is a common scam tool.`,
        body: lines(
          `${identity} Unexpected calls or texts from abroad are a common scam tool: do not call back and do not open links.`,
          "Amazon's delivery texts can come from foreign-looking numbers too, so for a parcel, check the order history in the app.",
        ),
      }),
      unknownNumber: ({ identity }) => ({
        headline: identity,
        body: lines(identity, 'It is not in my vetted list, so I will not guess whose it is. If you are expecting a parcel, check the order history in the app before calling back.'),
      }),
      numberNotRead: () => ({
        headline: 'The digits you sent do not make a phone number.',
        body: 'The digits you sent do not make a phone number (one too few or too many?). Please send the number from your call history again, exactly as shown.',
      }),
      awaitingNumber: ({ dial, hours: h }) => ({
        headline: 'Send me the number that called you.',
        body: `Send me the number that called you; any format works. An Amazon delivery call normally comes from ${dial} (Amazon's contracted delivery drivers), between ${h.from}:00 and ${h.to}:00. If you do not know it, the order history in the app shows whether a parcel is on its way, which tells you whether it was a delivery call.`,
      }),
    },
  },
  callback: {
    night: ({ from, to, addressWhy }) =>
      lines(
        `🌙 Drivers work roughly ${from}:00–${to}:00, so a driver is very unlikely to answer now. A call in the middle of the night is most likely a wrong number or a robocall.`,
        'In the morning, check the order history in the app and arrange redelivery if needed.',
        addressWhy && `${addressWhy} Check first thing in the morning.`,
      ),
    edge: ({ from, to }) =>
      `🕘 Drivers normally call ${from}:00–${to}:00, a little earlier or later in busy seasons, so one may still answer: try once, and if not, arrange redelivery in the app.`,
    states: {
      askingSituation: ({ asked, dial, hours: h }) => ({
        headline: { pickUp: 'Yes, you can answer it.', missed: 'Missing it is fine.', callBack: 'If it is not urgent, you do not need to call back.' }[asked],
        body: lines(
          {
            pickUp: `Yes, you can answer it: ${dial} is Amazon's contracted delivery drivers, normally not a scam. If money or card numbers come up, hang up.`,
            missed: 'Missing it is fine (whether to call back depends on how urgent the parcel is), and ignoring it is fine too: a slip or a "delivery attempted" notice follows, and you can arrange redelivery in the app when it suits you, no call needed.',
            callBack: 'If it is not urgent, you do not need to call back (ignoring it is fine): a slip or an app notice follows, and you can arrange redelivery in the app when it suits you.',
          }[asked],
          asked === 'pickUp' && 'If you miss it, a slip or an app notice follows and you can arrange redelivery in the app later.',
          `Want it today? Call back while the driver is still nearby. Unsure of your address? Call back too: if the address stays unclear, the parcel goes back to Amazon and the order may be cancelled (drivers call ${hours(h)}).`,
          'Not sure? Check the order history in the app for the delivery status.',
        ),
      }),
      adviseCallBack: ({ lead, why, script }) => ({
        headline: `✅ ${lead}`,
        body: lines(`✅ ${lead} ${why}`, `The sooner the better: the driver is still close. Say "${script}" and they will know.`),
      }),
      callingBack: ({ script }) => ({
        headline: '☎️ Call back soon.',
        body: lines(
          `☎️ Call back soon, and say "${script}".`,
          'If nobody answers they are probably driving or at a door: do not keep redialling, just arrange redelivery in the app.',
        ),
      }),
      adviseApp: ({ lead, why }) => ({
        headline: `📱 ${lead}`,
        body: lines(`📱 ${lead} ${why}`, 'A missed delivery leaves a slip or a "delivery attempted" notice; the app handles the rest, no call needed.'),
      }),
      tryAgainLater: ({ why }) => ({
        headline: '☎️ That happens a lot.',
        body: lines(`☎️ That happens a lot. ${why}`, 'Wait a little and try once more; if it still fails, stop calling, check the delivery status in the app, and ask customer service if you are stuck.'),
      }),
      switchToApp: ({ why }) => ({
        headline: 'You can stop calling.',
        body: lines(
          `You have tried enough: you can stop calling. ${why}`,
          'Count it as luck if it connects; otherwise check the delivery status in the app or arrange redelivery, and ask customer service if you are still stuck.',
        ),
      }),
      redeliveryRoute: ({ steps }) => ({
        headline: '📦 Arrange redelivery in the app.',
        body: lines('📦 You can arrange redelivery in the app or on the website, no call needed (missing the driver, or ignoring the call, is fine: a slip or a "delivery attempted" notice follows):', numbered(steps)),
      }),
    },
  },
  scam: {
    hangUpNow: '📵 Say "I will check in the app" and hang up now; tell them nothing more.',
    remoteApp: '📵 Say "I will check in the app", hang up now and do not show them your screen. Delete the app they had you install.',
    itWasAScam: '⚠️ That was a scam.',
    link: {
      amazon: ({ host }) => `・${host}: looks like an Amazon domain, but the sender of a text or e-mail can be forged. Check in the app, not through the link.`,
      other: ({ host }) => `・${host}: not one of Amazon's domains. If the message claims to be Amazon, it is fake.`,
      imitation: ({ host, reason }) =>
        `・${host}: ⚠️ not one of Amazon's official domains (${{
          lookalike: 'a different domain spelled to look like Amazon',
          brandElsewhere: "it puts Amazon's name inside someone else's domain",
          punycode: 'the domain uses look-alike characters',
          shortener: 'a link shortener hides where it really goes',
          ipAddress: 'a bare numeric address with no domain name',
        }[reason]}).`,
    },
    help: {
      card: "💳 Call your card company now and have the card stopped. Their number is on the back of the card, or in the card company's app or statement.",
      fakeSms: 'Fake "missed delivery" texts are everywhere, and their links lead to fake sites.',
      officialRoute: (h) => `Never dial a number found by searching. To reach Amazon, request a callback under Customer Service in the official app (phone daily ${hours(h)}, chat 24 hours). `,
      keepEvidence: 'Keep the transfer slip, or the gift cards and their receipts: you will need them when you report it.',
      password: '🔑 Change your Amazon password now (in the official app or site you open yourself, not through the link), then look for orders you did not make.',
      lines: ({ lines: l }) => `🆘 Get help; you are not alone in this: ${l.map((h) => `${h.name} ${h.dial}`).join(', ')}.`,
      report: ({ where }) => `Phishing can be reported to ${where}.`,
    },
    states: {
      askingWhatHappened: ({ driver }) => ({
        headline: 'A call alone does not tell; tell me what they said.',
        body: lines(
          `A call from ${driver} (Amazon's contracted delivery drivers) is normally not a scam. But the number can be faked, so if money, card numbers or personal details come up, it is a scam: real drivers and Amazon never ask for them.`,
          'If the order history in the app shows a parcel out for delivery and the timing matches the call, it was real. Tell me what they said or asked for, and I will tell you what it means (for example "they asked for my card number").',
        ),
      }),
      scamConfirmed: ({ verdict, signs }) => ({
        headline: `⚠️ ${verdict || 'That is a scam.'}`,
        body: lines(
          `⚠️ ${verdict || 'That is a scam.'} On a call, hang up now; in a text, do not tap the link or reply.`,
          signs.length > 0 && bullets(signs),
          'Real drivers and Amazon never ask for money, card numbers or personal details by phone or text.',
          'If in doubt, say "I will check in the app" and hang up, then look at your order history.',
        ),
      }),
      suspicious: ({ verdict, signs, text }) => ({
        headline: `⚠️ ${verdict || 'Do not trust that contact on its own.'}`,
        body: lines(
          `⚠️ ${verdict || 'Do not trust that contact on its own.'}`,
          'Even if the screen showed "Amazon" or a familiar number, caller ID can be faked, and text senders can be faked too, so do not trust that contact on its own.',
          signs.length > 0 && bullets(signs),
          text && 'Amazon does text after a missed delivery, but check it in the official app you open yourself, not through the link (that way no phishing site can catch you). For an e-mail, ignore it even if it seems to come from an official Amazon domain (amazon[.]co[.]jp), and review your account security settings.',
          'Do not call back unknown numbers. On a call, say "I will check in the app" and hang up.',
        ),
      }),
      verifyingInApp: ({ steps }) => ({
        headline: '🔍 Your orders and their delivery status are in the order history in the app.',
        body: lines('🔍 Your orders and their delivery status are in the order history in the app; it is also the surest check of whether a call or text is real:', numbered(steps)),
      }),
      linkWarning: ({ lines: l }) => ({
        headline: '🔗 Do not tap the link.',
        body: lines('🔗 Do not tap the link.', ...l, 'Fake texts like "we could not deliver, check here" are everywhere. If it is about a parcel, open the Amazon app yourself and look at your order history.'),
      }),
      gettingHelp: ({ first, lines: helpLines, passwordToo, report, unknownWhat }) => ({
        headline: '🆘 Act now.',
        body: unknownWhat
          ? paras(helpLines, lines(...first, passwordToo && 'Change your Amazon password too.', report))
          : paras(lines(...first), lines(helpLines, passwordToo && 'Change your Amazon password too.', report)),
      }),
    },
  },
  support: {
    offerCallbackSteps: 'Want the steps to have Amazon call you back?',
    hours: {
      now: ({ clock, weekend }) => `It is ${clock} in Japan (${weekend ? 'weekend/holiday' : 'weekday'}), and`,
      at: ({ hour, weekday, weekend }) => `Around ${hour}:00 on ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][weekday]} (${weekend ? 'weekend/holiday' : 'weekday'})`,
      open: ({ from, to, when, later, weekend, crowd, busy, quiet, peak }) =>
        `${when} the phone line is ${later ? 'within its hours' : 'open'} (daily ${from}:00–${to}:00, weekends included) and ${
          {
            busy: `it is a busy time (${weekend ? 'weekends/holidays' : 'weekdays'} ${busy}; ${peak ? 'Monday and Saturday mornings are worst, and ' : ''}the day after a long holiday is busy too), quietest ${quiet}.`,
            normal: `moderately busy (quietest ${quiet}; Monday and Saturday mornings and the day after a long holiday are worst).`,
            quiet: `usually quiet now (${quiet}).`,
          }[crowd]
        }`,
      closed: ({ from, to, when }) => `${when} the phone line is closed (daily ${from}:00–${to}:00, weekends included), so use chat, open 24 hours, or e-mail (reply in 1–2 business days).`,
      newYear: (h) => `Over the New Year holidays the phone hours can differ from the usual daily ${hours(h)}, so check under Customer Service in the app.`,
      nextQuiet: ({ when, from, to }) => (when === 'now' ? '' : `Next quiet time: ${when} ${from}:00–${to}:00.`),
      range: (h) => hours(h),
      quietRanges: ({ weekday, weekend }) => `weekdays ${weekday}, weekends ${weekend}`,
    },
    states: {
      choosingNeed: (h) => ({
        headline: 'Pick the channel by what you need.',
        body: lines(
          `Urgent: phone (daily ${hours(h)}): request a callback under Customer Service in the official app or site, never dial a number found online. At night or where you cannot talk: chat (24 hours; an automatic guide, then a person). Photos or a long story: e-mail (reply in 1–2 business days).`,
          'Returns, password changes and tracking you can do yourself on the help pages first, 24 hours and fastest of all.',
        ),
      }),
      recommendPhone: ({ status }) => ({
        headline: '☎️ For something urgent, phone is best right now.',
        body: lines(`☎️ For something urgent, phone is best right now. ${status}`, 'You do not dial a number: request a callback under Customer Service in the app or on the site, and they ring within minutes. E-mail is slow, so for something urgent use phone or the chat, which is open 24 hours.'),
      }),
      recommendChat: ({ from, to, asked }) => ({
        headline: asked ? '💬 Chat is open 24 hours.' : '💬 The phone line is closed now: use chat.',
        body: asked
          ? lines(
              '💬 Chat is open 24 hours, works when the phone line is busy or you cannot talk, and keeps a record of what was said: under Customer Service in the app or on the site, pick the topic, then choose chat.',
              `An automatic guide first, then a person if needed. Phone callbacks run daily ${from}:00–${to}:00.`,
            )
          : lines(`💬 The phone line is closed now (daily ${from}:00–${to}:00), so for something urgent use chat, open 24 hours.`, 'You can also e-mail (reply in 1–2 business days).'),
      }),
      recommendEmail: () => ({
        headline: '✉️ E-mail suits photos and long explanations; expect a reply in 1–2 business days.',
        body: lines(
          '✉️ E-mail suits long explanations and attaching photos or documents; expect a reply in 1–2 business days.',
          'Send it from the help pages after picking the topic; if it is urgent, use phone or chat as well.',
        ),
      }),
      recommendSelfService: () => ({
        headline: '📖 You can do this yourself in the app or on the help pages, no call needed.',
        body: lines(
          '📖 You can do this yourself in the app or on the help pages, no call needed (order history, returns and refunds, password changes, tracking). They are open 24 hours and the fastest way. The best channel depends on what you need; cancelling an order starts here too.',
          'If that does not solve it, move on to chat (24 hours; an automatic guide, then a person; orders, returns and account questions too) or a phone callback.',
        ),
      }),
      specialRoute: ({ name, how }) => ({ headline: `⭐ ${name}: ${how.split('. ')[0]}.`, body: `⭐ ${name}: ${how}` }),
      phoneHoursNow: ({ status, next }) => ({
        headline: `🕘 ${status}`,
        body: lines(`🕘 ${status}`, next, 'You do not dial a number: request a callback under Customer Service in the app or on the site. At night or early morning, chat is open 24 hours. A number advertised as a "24-hour phone line" is fake: do not call it.'),
      }),
      callbackSteps: ({ from, to, steps, official }) => ({
        headline: '☎️ You do not dial Amazon: you request a callback in the app or on the site.',
        body: lines(
          `☎️ You do not dial Amazon: request a callback in the app or on the site and an operator rings you within minutes (staffed daily ${from}:00–${to}:00).`,
          numbered(steps),
          'Outside phone hours, or where you cannot talk, chat is open 24 hours.',
          `If you are given a number, the only genuine ones are ${official.join(' and ')}. Do not call numbers found online.`,
        ),
      }),
      fakeNumberSigns: ({ signs, official }) => {
        const lead = `🚫 Amazon's genuine numbers start with 0120 or 011 (they are ${official.join(' and ')}), so do not call an "Amazon support" number from Q&A sites, social media, a search or a text.`;
        return {
        headline: lead,
        body: lines(
          lead,
          'Numbers found online are often old or unofficial (an old main number may no longer be answered), and fakes are spreading; calling one can cost you your personal or card data, or high call charges. Signs of a fake:',
          bullets(signs),
          'The safe route is a callback requested in the official app or site.',
        ),
        };
      },
    },
  },
  prepare: {
    commonTitle: '📝 Have these ready before you call',
    keepNotes: 'The identity check asks for the order number, delivery details and member details. Keep notes and screenshots: they help if you have to call again.',
    topicTitle: ({ topic }) => `📝 Have these ready (${topic})`,
    states: {
      commonChecklist: () => ({ headline: '📝 Before calling, have your order number and account details at hand.', body: '' }),
      checklist: () => ({ headline: '📝 Before calling, have your order number and account details at hand.', body: '' }),
      explainTips: ({ tips, script }) => ({
        headline: '🗣️ Start with the order number, then say what you need in one line.',
        body: lines('🗣️ How to explain it well: order number first, then what you need in one line', numbered(tips), 'Keep notes and screenshots: they help if you have to call again.', `Calling a driver back? "${script}" is enough. Ending a doubtful call? "I will check in the app" is enough.`),
      }),
    },
  },
  menu: {
    welcome: 'Thanks for adding me. I help you decide what to do about an unknown caller, or how to reach Amazon support.',
    reset: "Let's start over.",
    body: 'What I can do: tell you whose number it is (just send it), whether to call back, whether it is a scam, which support channel is open now, and what to prepare before calling.',
    hello: 'Hello!',
    thanks: 'You are welcome. If another call or message worries you, just send me the number or paste the text.',
    declined: 'All right. If another call or message worries you, just send me the number or paste the text.',
  },
  fallback: {
    text: "Sorry, I didn't quite get that.",
    empty: 'That message looks empty.',
    sticker: 'Thanks for the sticker!',
    media: "I can't read images or audio yet.",
    staleButton: 'That button belongs to an earlier conversation.',
    badButton: "I couldn't handle that button.",
    otherLanguage: 'Please write in Japanese or English.',
    didYouMean: 'Did you mean one of these?',
    sendNumber: 'Send me the number that called you, or tell me what you want to know.',
  },
  followUp: {
    why: {
      'callerIdentification.deliveryDriver': "A driver on the round needs to settle something on the spot. The number runs through Amazon's system, so the driver can call you without knowing your number.",
      'callerIdentification.callReasons': 'Once a parcel goes back, rearranging the delivery is hard (harder still in busy seasons), so if they know when you are back, drivers would rather wait and hand it over there and then.',
      'callerIdentification.unknownNumber': 'Guessing who owns a number that is not in my vetted list could make a scam number look genuine.',
      'callerIdentification.officialSmsSender': 'Text senders can be faked, so a text from one of Amazon\'s numbers is not proof on its own. The order history in the official app you open yourself is the sure check, not the link.',
      'callerIdentification.internationalNumber': 'Foreign numbers are a common tool of scam calls and texts. A real delivery contact also shows in the order history in the app.',
      'callbackDecision.askingSituation': 'A missed delivery leaves a slip or an app notice, and redelivery can be arranged in the app: the parcel comes without any call.',
      'callbackDecision.adviseApp': 'A missed delivery leaves a slip or an app notice, and redelivery can be arranged in the app: the parcel comes without any call.',
      'callbackDecision.adviseCallBack': 'A driver who just called is still nearby with your parcel, so calling back makes delivery today likely. An address problem may only be solved by phone, and a parcel whose address stays unclear is returned to Amazon.',
      'callbackDecision.callingBack': 'Drivers keep working the area after calling, so the sooner you ring, the easier it is for them to come back.',
      'callbackDecision.tryAgainLater': 'Drivers are often driving or carrying parcels; a little later they may be free to answer.',
      'callbackDecision.switchToApp': 'Redialling keeps the driver from working and costs you time; the app does the same without a call.',
      'callbackDecision.redeliveryRoute': 'Delivery today is designed to work without a phone call, through the app or the website.',
      'scamCheck.scamConfirmed': 'Real drivers and Amazon never ask for money or card numbers by phone or text. Asking for personal details or PINs is outside their normal procedure.',
      'scamCheck.suspicious': 'Caller ID and text senders can be faked with special software or lines: a genuine number does not prove a genuine caller.',
      'scamCheck.linkWarning': 'Links in fake texts lead to look-alike sites that steal the login or card details you type in. Opening the official app yourself avoids phishing sites altogether.',
      'scamCheck.verifyingInApp': "The order history is Amazon's own record, which a caller cannot fake. No parcel on its way means the call was not a delivery call.",
      'scamCheck.gettingHelp': 'Real drivers and Amazon never ask for money or card numbers, so what you gave may be misused. The sooner you act, the less money or data is lost.',
      'supportChannel.callbackSteps': 'Amazon does not publish a phone number, to protect privacy, stop impostors and fraud, and confirm who you are through your login; that is why the call is a callback you request in the app or on the site.',
      'supportChannel.fakeNumberSigns': 'Amazon does not publish a support number, to protect your data and prevent fraud, so numbers on forums, Q&A sites, social media or in search results, and numbers sent out of the blue by SMS or e-mail, are old or fake, and there are more and more of them; calling them can cost you your data or high call charges.',
      'supportChannel.phoneHoursNow': 'The line is open daily 9:00–21:00; mornings, especially Mondays and the day after a long holiday, are busy because most people call then, and weekday afternoons around 14:00–16:00 are quieter.',
      'supportChannel.recommendChat': 'Chat is open 24 hours, works where you cannot talk, and keeps a record of what was said.',
      'supportChannel.recommendEmail': 'E-mail takes long explanations and photos, but a reply takes 1–2 business days.',
      'supportChannel.recommendSelfService': 'Returns, refunds, password changes and tracking are built to be done in the app or on the help pages, 24 hours, fastest of all.',
      'supportChannel.recommendPhone': 'For something urgent, a call lets you settle it with a person there and then. An e-mail reply takes 1–2 business days, so when it is urgent use the phone or the chat.',
      'prepareCall.commonChecklist': 'With the order number and account details the agent finds your order at once, and the call is short.',
      'prepareCall.checklist': 'With the order number and account details the agent finds your order at once, and the call is short.',
      'prepareCall.explainTips': 'With the order number and your account details the agent finds your order at once; returns, deliveries and account questions all start there.',
      'faq.saveContact': 'Better not to block it: sometimes a driver can only sort out an address by phone, and if the call cannot reach you, the parcel goes back to Amazon and the order may be cancelled.',
      'faq.silentCall': 'Drivers work a handset while carrying parcels, so a slip on the touch screen, or a weak signal in a lift or deep inside a building, can make a call that says nothing. A pocket mis-dial that the driver notices and hangs up looks like a one-ring call.',
      'faq.oddHours': 'Drivers call when a human decision is needed and they cannot deliver without reaching you: nobody answered the intercom, the address cannot be found. Deliveries run from about 8:00 to 21:00 (a little earlier or later in busy seasons), so a call at 2 or 3 a.m. is not a delivery call.',
      'faq.unorderedParcel': 'If neither your order history nor your family knows of a parcel, it is most likely a wrong number or a scam, and there is no need to call back. A real delivery leaves a slip or an app notice.',
    },
    noReason: ({ headline }) => `The main point: ${headline}`,
    simpler: ({ headline, next }) => `In short: ${headline}${next ? `\n${next}` : ''}`,
  },
  notes: {
    cardCompany: () => "Your card company's number is on the back of the card; it is also in the card company's app and on your statement or its member website. Do not call a number you found by searching: use the one on the card or the card company's official site.",
    orderMatches: () => 'If the app shows a parcel out for delivery and the time matches the call, the call was a genuine delivery call: call back, or choose how to receive it in the app.',
    amazonTexts: ({ senders }) => `Yes, Amazon may send an SMS after a missed delivery, from ${senders.join(', ')} and other numbers, some of which look foreign. The sender can be faked too, though: do not tap the link, check the order history in the official app you open yourself.`,
    spamMail: () => 'Ignore spam e-mails claiming to be Amazon without opening them, never call a number an e-mail sends you out of the blue, and review your account security settings (your password, for instance). Whether a message is genuine shows in the order history and the message centre of the official app.',
    whyNoNumber: () => 'Amazon does not publish a phone number, to protect privacy, prevent fraud and confirm who you are through your login. To talk to them, request a callback under Customer Service in the app or on the site.',
    whileOnCall: () => '📵 If anything feels off, say "I will check in the app" and hang up; that is fine. You can also check while you talk: put the call on speaker and open the order history in the app for a parcel on its way. If they pressure you, or ask for money, card numbers, a PIN or other personal details, hang up at once: real drivers and Amazon never ask for money or card numbers.',
    tollFree: ({ driver }) => `${driver} (Amazon's contracted delivery drivers) is toll-free: calling it back costs you nothing.`,
    notSales: ({ driver }) => `${driver} is Amazon's contracted delivery drivers, and it is not a sales call: sales calls from it are very unlikely. It is a routine, usually urgent delivery matter.`,
    nothingFound: () => 'If neither the message centre nor your family knows of a parcel, it is probably a wrong number, and you can ignore it. If no order is on its way in your order history, there is no need to call back either.',
    driverMap: () => 'That is the delivery status in the app: newer versions show the driver on a map or "N stops away". If it matches the call, the call was genuine and the driver is close by.',
    noOrderInTransit: () => 'If your order history shows no parcel on its way, it was probably a wrong number or a scam, and you do not need to call back. A gift from family or a Subscribe & Save delivery can also explain it: the message centre in the app shows those.',
    repeatedCalls: ({ driver }) => `Repeated calls usually mean one of Amazon's contracted delivery drivers (${driver}) is stuck with your parcel and in a hurry, often on a last try before taking it back. Check the order history in the app for a parcel on its way, and save the number as "Amazon delivery". If no order is on its way and the calls go on, it may be a wrong number or a scam: do not call back.`,
    orderNumber: () => 'The order number is in your order history in the app or on the site: open the order and it is shown there. Have it at hand before you call.',
    languages: () => 'Yes: support is available in English, Chinese, Korean and more, by phone or chat. Start from Customer Service in the app.',
    relayedNumber: ({ driver }) => `The driver is not given your phone number: they call from the delivery app through Amazon's system, which is why ${driver} (the number of Amazon's contracted delivery drivers) shows, not a personal mobile.`,
    otherCarriers: ({ driver }) => `${driver} is Amazon's contracted delivery drivers: the delivery firms and independent drivers (Amazon Flex, for example) that Amazon arranges itself. When a big carrier such as Yamato or Sagawa delivers, its own number may show. Either way, the order history in the app shows the parcel on its way.`,
    carrierNumber: () => "That company's number is not in my vetted data, so I will not give one. Use the number on the missed-delivery slip or the company's official website; for an Amazon parcel you can also arrange redelivery in the app.",
  },
  notices: {
    overCap: 'Too many messages at once. Please wait a little and send it again.',
    apology: 'Sorry, something went wrong with that message. Please send it in other words, or pick from the menu below (or send "menu").',
  },
  faqAtTheEdge: (h) => `In busy seasons or traffic deliveries run a little earlier or later, so a driver's call just before ${h.from}:00 or after ${h.to}:00 does happen (normally ${hours(h)}).`,
  faqHeadline: {
    unorderedParcel: 'Even without an order, it may be a gift or a Subscribe & Save delivery.',
    oddHours: 'Drivers normally call between 8:00 and 21:00.',
    silentCall: 'A silent call or single ring is usually a mis-tap or a weak signal.',
    saveContact: 'Better not to block it.',
  },
} satisfies Messages;
