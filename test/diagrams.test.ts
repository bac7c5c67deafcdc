import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMachine, setup } from 'xstate';
import { DIAGRAM_DIR, flowDiagramFiles } from '../scripts/flowDiagrams.js';
import { machineDiagram } from '../scripts/machineDiagram.js';

describe('committed flow diagrams', () => {
  const files = flowDiagramFiles();

  it('has one diagram per machine and nothing else', () => {
    const committed = existsSync(DIAGRAM_DIR) ? readdirSync(DIAGRAM_DIR).filter((f) => f.endsWith('.md')).sort() : [];
    expect(committed, 'docs/flows/ does not match the machines: run npm run diagrams').toEqual(files.map((f) => f.name).sort());
  });

  it.each(files.map((f) => [f.name, f.content]))('docs/flows/%s is what the machine produces', (name, content) => {
    const path = join(DIAGRAM_DIR, name);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
    expect(committed, `docs/flows/${name} differs from the machine: run npm run diagrams`).toBe(content);
  });
});

describe('machineDiagram', () => {
  const door = setup({
    guards: { isLocked: () => false, hasKey: (_: unknown, params: { key: string }) => params.key !== '' },
    actions: { ring: () => {} },
  }).createMachine({
    id: 'door',
    initial: 'closed',
    on: { RESET: '.closed' },
    states: {
      closed: {
        on: {
          OPEN: [{ guard: 'isLocked', target: 'closed', actions: 'ring' }, { guard: { type: 'hasKey', params: { key: 'brass' } }, target: 'open' }, { target: 'closed' }],
        },
      },
      open: {
        initial: 'ajar',
        on: { CLOSE: 'closed' },
        onDone: 'shut',
        states: { ajar: { on: { PUSH: 'wide' }, after: { 5000: 'wide' } }, wide: { always: { target: 'done' } }, done: { type: 'final' } },
      },
      shut: { type: 'final' },
    },
  });
  const lines = machineDiagram(door).split('\n').map((l) => l.trim());

  it('draws initial and final states', () => {
    expect(lines).toContain('[*] --> closed');
    expect(lines).toContain('shut --> [*]');
  });

  it('labels arrows with event, guard order, guard parameters, else and actions', () => {
    expect(lines).toContain('closed --> closed : OPEN (1) [isLocked] / ring');
    expect(lines).toContain('closed --> open : OPEN (2) [hasKey key=brass]');
    expect(lines).toContain('closed --> closed : OPEN (3) [else]');
  });

  it('nests child states in their parent, named by path, with the arrows between them inside', () => {
    const box = lines.slice(lines.indexOf('state open {'), lines.indexOf('}') + 1);
    expect(box).toEqual(expect.arrayContaining(['[*] --> open_ajar', 'state "ajar" as open_ajar', 'open_ajar --> open_wide : PUSH', 'open_ajar --> open_wide : after 5000', 'open_wide --> open_done : always', 'open_done --> [*]']));
    // An arrow leaving the box is written outside it, or Mermaid would pull its target into the box.
    expect(box.some((l) => l.includes('--> closed'))).toBe(false);
    expect(lines).toContain('open_anyState --> closed : CLOSE');
    expect(lines).toContain('open_anyState --> shut : onDone');
  });

  it("draws the machine's own transitions from a dashed 'any state' node", () => {
    expect(lines).toContain('state "any state" as machine_anyState');
    expect(lines).toContain('machine_anyState --> closed : RESET');
    expect(lines).toContain('class machine_anyState anyState');
  });

  it('refuses machines it cannot draw yet instead of drawing them wrong', () => {
    const parallel = createMachine({ id: 'p', type: 'parallel', states: { a: {}, b: {} } });
    expect(() => machineDiagram(parallel)).toThrow(/parallel states are not drawn yet/);
  });
});
