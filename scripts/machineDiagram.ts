/**
 * An XState machine → a Mermaid `stateDiagram-v2`, read from the machine's own definition so the
 * picture can never drift from the code. Arrows read like UML: `EVENT [guard] / action`.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

type Transition = AnyStateNode['transitions'] extends Map<string, (infer T)[]> ? T : never;

/** An arrow, and the path of the state whose box it must be written in. */
interface Arrow {
  box: string;
  line: string;
}

/** Mermaid ids are global to a diagram, so states are named by their path. */
const idOf = (node: AnyStateNode) => (node.path.length === 0 ? 'machine' : node.path.join('_'));

/**
 * Transitions a parent defines apply in every one of its states. Mermaid cannot draw an arrow from a
 * box to what is inside it, so they start from a dashed "any state" node inside the parent instead.
 */
const anyStateIdOf = (node: AnyStateNode) => `${idOf(node)}_anyState`;

const hasChildren = (node: AnyStateNode) => node.type === 'compound';
const childrenOf = (node: AnyStateNode) => Object.values(node.states) as AnyStateNode[];

function nameOf(item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item === 'function') return item.name || 'inline';
  const { type, params } = item as { type: string; params?: Record<string, unknown> };
  if (!params || typeof params !== 'object') return type;
  return `${type} ${Object.entries(params).map(([k, v]) => `${k}=${String(v)}`).join(' ')}`;
}

function eventName(eventType: string): string {
  if (eventType === '') return 'always'; // taken as soon as its guard holds; the first that holds wins
  if (eventType.startsWith('xstate.done.state.')) return 'onDone';
  if (eventType.startsWith('xstate.after.')) return `after ${eventType.split('.')[2]}`;
  return eventType;
}

function label(t: Transition, rank: number | null): string {
  let text = eventName(t.eventType);
  if (rank !== null) text += ` (${rank})`;
  if (t.guard) text += ` [${nameOf(t.guard)}]`;
  else if (rank !== null) text += ' [else]';
  if (t.actions.length > 0) text += ` / ${t.actions.map(nameOf).join(', ')}`;
  return text;
}

/**
 * Mermaid places a state in the last box that mentions it, so an arrow is written in the innermost box
 * holding both of its ends.
 */
function boxOf(from: string[], to: string[]): string {
  let shared = 0;
  while (shared < from.length && shared < to.length && from[shared] === to[shared]) shared++;
  return from.slice(0, Math.min(shared, from.length - 1, to.length - 1)).join('.');
}

function arrowsFrom(node: AnyStateNode): Arrow[] {
  const [from, fromPath] = hasChildren(node) ? [anyStateIdOf(node), [...node.path, '*']] : [idOf(node), node.path];
  const groups = [...(node.always ? [node.always] : []), ...node.transitions.values()];
  return groups.flatMap((candidates) =>
    candidates.flatMap((t, i) => {
      const rank = candidates.length > 1 ? i + 1 : null;
      // A transition without a target stays where it is and only runs its actions.
      const targets = t.target?.length ? t.target : [node];
      return targets.map((target) => ({
        box: boxOf(fromPath, target.path),
        line: `${from} --> ${idOf(target)} : ${label(t, rank)}`,
      }));
    }),
  );
}

const allStates = (node: AnyStateNode): AnyStateNode[] => [node, ...childrenOf(node).flatMap(allStates)];

export function machineDiagram(machine: AnyStateMachine): string {
  const states = allStates(machine.root);
  const unsupported = states.find((node) => node.type === 'parallel' || node.type === 'history');
  if (unsupported) {
    throw new Error(`${unsupported.id}: ${unsupported.type} states are not drawn yet; teach scripts/machineDiagram.ts to draw them`);
  }
  const arrows = states.flatMap(arrowsFrom);
  const anyStates: string[] = [];

  function body(node: AnyStateNode): string[] {
    const lines = [`[*] --> ${idOf(node.initial.target[0]!)}`];
    for (const child of childrenOf(node)) lines.push(...declare(child));
    if (node.transitions.size > 0 || node.always?.length) {
      lines.push(`state "any state" as ${anyStateIdOf(node)}`);
      anyStates.push(anyStateIdOf(node));
    }
    const box = node.path.join('.');
    lines.push(...arrows.filter((a) => a.box === box).map((a) => a.line));
    return lines.map((line) => '  ' + line);
  }

  function declare(node: AnyStateNode): string[] {
    const id = idOf(node);
    const alias = id === node.key ? [] : [`state "${node.key}" as ${id}`];
    if (node.type === 'final') return [...alias, `${id} --> [*]`];
    if (hasChildren(node)) return [...alias, `state ${id} {`, ...body(node), '}'];
    return alias.length ? alias : [id];
  }

  return [
    'stateDiagram-v2',
    ...body(machine.root),
    '  classDef anyState fill:none,stroke-dasharray:4 4',
    ...anyStates.map((id) => `  class ${id} anyState`),
  ].join('\n') + '\n';
}
