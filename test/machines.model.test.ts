/**
 * Model-based coverage of every machine with xstate/graph: the traversal must reach every resting
 * state and take every declared transition (each guarded branch included), and every shortest path
 * replayed on a live actor must land where the graph says.
 */
import { describe, expect, it } from 'vitest';
import { createActor, type AnyStateMachine } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { createConversation } from '../flows/conversation.js';
import { triageMachine } from '../flows/triage.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { machineEvents, serializeState } from './helpers/machineEvents.js';

const { machines } = createConversation(loadKnowledge());
const all: Record<keyof typeof machineEvents, AnyStateMachine> = { triage: triageMachine, ...machines };

interface Edge {
  source: string;
  event: string;
  target: string;
}

function declaredEdges(machine: AnyStateMachine): Edge[] {
  const nodes = [machine.root, ...Object.values(machine.root.states)] as any[];
  const edges: Edge[] = [];
  for (const node of nodes) {
    for (const [event, defs] of node.transitions as Map<string, any[]>) {
      for (const def of defs) edges.push({ source: node.key, event, target: def.target?.[0]?.key ?? node.key });
    }
    for (const def of node.always ?? []) edges.push({ source: node.key, event: 'always', target: def.target[0].key });
  }
  return edges;
}

const transient = (machine: AnyStateMachine) =>
  new Set(Object.entries(machine.root.states).filter(([, n]: any) => (n.always ?? []).length > 0).map(([k]) => k));

describe.each(Object.keys(machineEvents) as (keyof typeof machineEvents)[])('%s machine', (name) => {
  const machine = all[name];
  const events = machineEvents[name] as readonly any[];
  const steps = adjacencyMapToArray(getAdjacencyMap(machine, { events, serializeState })) as any[];

  it('reaches every resting state', () => {
    const restingStates = Object.keys(machine.root.states).filter((k) => !transient(machine).has(k));
    const reached = new Set(steps.flatMap((s) => [String(s.state.value), String(s.nextState.value)]));
    expect([...reached].sort()).toEqual(restingStates.sort());
  });

  it('takes every declared transition, each guarded branch included', () => {
    const passThrough = transient(machine);
    const taken = new Set<string>();
    const key = (e: Edge) => `${e.source} --${e.event}--> ${e.target}`;
    const declared = declaredEdges(machine);
    for (const step of steps) {
      const from = String(step.state.value);
      const to = String(step.nextState.value);
      for (const edge of declared) {
        if (edge.event !== step.event.type || (edge.source !== from && edge.source !== machine.root.key)) continue;
        if (edge.target === to) taken.add(key(edge));
        if (passThrough.has(edge.target)) {
          const onward = declared.find((d) => d.source === edge.target && d.event === 'always' && d.target === to);
          if (onward) {
            taken.add(key(edge));
            taken.add(key(onward));
          }
        }
      }
    }
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.map(key).filter((k) => !taken.has(k))).toEqual([]);
  });

  it('agrees with a live actor on every shortest path', () => {
    const paths = getShortestPaths(machine, { events, serializeState });
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) {
      const actor = createActor(machine).start();
      for (const step of path.steps.slice(1)) actor.send(step.event);
      expect(actor.getSnapshot().value).toEqual(path.state.value);
      actor.stop();
    }
  });
});
