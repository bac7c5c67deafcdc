/**
 * The machines step through flows/pureTransition.ts, which reuses one inert actor scope per machine
 * instead of building one per call as xstate's pure functions do. Any sequence of the machines' events
 * must give the same snapshots (value, context, status) and the same actions as xstate's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as xstate from 'xstate';
import { createConversation } from '../flows/conversation.js';
import { initialTransition, transition } from '../flows/pureTransition.js';
import { triageMachine } from '../flows/triage.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { machineEvents } from './helpers/machineEvents.js';

const { machines } = createConversation(loadKnowledge());
const all: Record<keyof typeof machineEvents, xstate.AnyStateMachine> = { triage: triageMachine, ...machines };
const seen = (s: xstate.AnyMachineSnapshot) => ({ value: s.value, context: s.context, status: s.status });

describe.each(Object.keys(machineEvents) as (keyof typeof machineEvents)[])('%s machine', (name) => {
  const machine = all[name];
  const events = machineEvents[name] as readonly xstate.EventFromLogic<typeof machine>[];

  it('steps as xstate.transition does, event after event', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 12 }), (sequence) => {
        let [ours, ourActions] = initialTransition(machine);
        let [theirs, theirActions] = xstate.initialTransition(machine);
        expect(seen(ours)).toEqual(seen(theirs));
        expect(ourActions.length).toBe(theirActions.length);
        for (const event of sequence) {
          [ours, ourActions] = transition(machine, ours, event);
          [theirs, theirActions] = xstate.transition(machine, theirs, event);
          expect(seen(ours)).toEqual(seen(theirs));
          expect(ourActions.map((a) => a.type)).toEqual(theirActions.map((a) => a.type));
        }
      }),
      { numRuns: 300 },
    );
  });
});
