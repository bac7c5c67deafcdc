import type { PrepareCallState } from '../../flows/conversation.js';
import type { PrepareCallContext } from '../../flows/prepareCall.js';
import type { OutgoingMessage } from '../line/lineLimits.js';
import { SCRIPT } from './callbackDecision.js';
import { draft, messagesFor, type Draft, type RenderContext } from './draft.js';

export function renderPrepareCall(state: PrepareCallState, ctx: PrepareCallContext, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).prepare;
  const { checklists } = rc.knowledge;
  switch (state) {
    case 'checklist': {
      const topic = checklists.topics.find((x) => x.id === ctx.topic) ?? checklists.topics[0]!;
      // The topic's own items first, then the bot's own advice for it; the common list fills in what the topic
      // does not already ask for.
      const head = (item: string) => item.split(/[(（]/)[0]!.trim();
      const own = [...topic.items[rc.lang], ...(topic.ownAdvice?.[rc.lang] ?? [])];
      const items = [...own, ...checklists.common[rc.lang].filter((c) => !own.some((i) => head(i) === head(c)))];
      return {
        headline: m.states.checklist().headline,
        messages: [checklistFlex(m.topicTitle({ topic: topic[rc.lang] }), items, m.keepNotes)],
        options: ['prep:explain', 'support:steps', 'support:hours', 'menu'],
      };
    }
    case 'explainTips':
      return draft(['prep:ask', 'support:steps', 'menu'], m.states.explainTips({ tips: checklists.explainTips[rc.lang], script: SCRIPT[rc.lang] }));
    case 'commonChecklist':
      // Asked "what do I prepare?": the list every call needs, at once; the topic buttons refine it.
      return {
        headline: m.states.commonChecklist().headline,
        messages: [checklistFlex(m.commonTitle, checklists.common[rc.lang], m.keepNotes)],
        options: ['prep:topic:delivery', 'prep:topic:returnRefund', 'prep:topic:account', 'prep:explain', 'support:steps', 'menu'],
      };
    default:
      return state satisfies never;
  }
}

/** A checklist is one card: it reads better on phones, and altText carries the whole list for notifications and old clients. */
function checklistFlex(title: string, items: readonly string[], footnote: string): OutgoingMessage {
  const plain = `${title}\n${items.map((i) => `☐ ${i}`).join('\n')}\n${footnote}`;
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
          { type: 'text', text: footnote, wrap: true, size: 'xs', color: '#666666' },
        ],
      },
    },
  };
}
