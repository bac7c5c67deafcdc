/**
 * xstate's pure `transition` and `initialTransition`, without what they cost per call: each builds an
 * inert actor, whose constructor computes the machine's whole initial snapshot, and a fresh actor
 * system (so that invoked actors with a systemId do not collide; these machines invoke and spawn
 * nothing). Stepping the machines made 30 % of all the bot's garbage, half of it that; a transition
 * took 7–8 µs, ~3 µs here. Here each machine gets one inert scope, made once.
 *
 * Same contract as xstate's: nothing is executed; the actions a step would run are returned.
 */
import { createActor, type AnyActorLogic, type AnyActorScope, type EventFromLogic, type ExecutableActionsFrom, type SnapshotFrom } from 'xstate';

type Actions<T extends AnyActorLogic> = ExecutableActionsFrom<T>[];

const scopes = new WeakMap<AnyActorLogic, { scope: AnyActorScope; collect(into: unknown[]): void }>();

function scopeOf(logic: AnyActorLogic) {
  let known = scopes.get(logic);
  if (!known) {
    const self = createActor(logic);
    let collected: unknown[] = [];
    // The same fields as xstate's own inert scope (createInertActorScope in xstate.esm.js).
    const scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: (action: unknown) => void collected.push(action),
    } as unknown as AnyActorScope;
    known = { scope, collect: (into) => (collected = into) };
    scopes.set(logic, known);
  }
  return known;
}

export function transition<T extends AnyActorLogic>(logic: T, snapshot: SnapshotFrom<T>, event: EventFromLogic<T>): [SnapshotFrom<T>, Actions<T>] {
  const { scope, collect } = scopeOf(logic);
  const actions: Actions<T> = [];
  collect(actions);
  return [logic.transition(snapshot, event, scope) as SnapshotFrom<T>, actions];
}

export function initialTransition<T extends AnyActorLogic>(logic: T): [SnapshotFrom<T>, Actions<T>] {
  const { scope, collect } = scopeOf(logic);
  const actions: Actions<T> = [];
  collect(actions);
  return [logic.getInitialSnapshot(scope, undefined) as SnapshotFrom<T>, actions];
}
