import type { PrepareCallContext } from '../../flows/prepareCall.js';
import type { OutgoingMessage } from './lineLimits.js';
import { draft, numbered, pick, text, type Draft, type RenderContext } from './draft.js';

export function renderPrepareCall(state: string, ctx: PrepareCallContext, rc: RenderContext): Draft {
  const t = pick(rc.lang);
  const { checklists } = rc.knowledge;
  switch (state) {
    case 'checklist': {
      const topic = checklists.topics.find((x) => x.id === ctx.topic) ?? checklists.topics[0]!;
      // The common list starts with the order number; a topic that already asks for it keeps its own wording.
      const head = (item: string) => item.split(/[(（]/)[0]!.trim();
      const items = [...topic.items[rc.lang], ...checklists.common[rc.lang].filter((c) => !topic.items[rc.lang].some((i) => head(i) === head(c)))];
      const title = t(`📝 ${topic.ja}の相談の前に用意するもの`, `📝 Have these ready (${topic.en})`);
      const plain = `${title}\n${items.map((i) => `☐ ${i}`).join('\n')}`;
      return {
        messages: [
          checklistFlex(title, items, plain),
          text(t('そろったら、伝え方のコツも見ておきましょう。', 'Once you have them, look at how to explain the problem.')),
        ],
        options: ['prep:explain', 'support:steps', 'support:hours', 'menu'],
      };
    }
    case 'explainTips':
      return draft(
        ['prep:ask', 'support:steps', 'menu'],
        t(`🗣️ 伝え方のコツ\n${numbered(checklists.explainTips.ja)}`, `🗣️ How to explain it well\n${numbered(checklists.explainTips.en)}`),
      );
    default: {
      // Asked "what do I prepare?": the list every call needs, at once; the topic buttons refine it.
      const title = t('📝 電話の前に用意しておくもの', '📝 Have these ready before you call');
      const items = checklists.common[rc.lang];
      return {
        messages: [
          checklistFlex(title, items, `${title}\n${items.map((i) => `☐ ${i}`).join('\n')}`),
          text(t('何についての相談か選ぶと、それに合わせたリストにします。', 'Tell me what it is about and I will tailor the list.')),
        ],
        options: ['prep:topic:delivery', 'prep:topic:returnRefund', 'prep:topic:account', 'prep:topic:payment', 'prep:topic:device', 'prep:explain', 'support:steps', 'menu'],
      };
    }
  }
}

/** A Flex bubble reads better on phones; altText carries the full list for notifications and old clients. */
function checklistFlex(title: string, items: string[], plain: string): OutgoingMessage {
  return {
    type: 'flex',
    altText: plain.slice(0, 1500),
    contents: {
      type: 'bubble',
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [
          { type: 'text', text: title, weight: 'bold', wrap: true },
          ...items.map((item) => ({ type: 'text', text: `☐ ${item}`, wrap: true, size: 'sm' })),
        ],
      },
    },
  };
}
