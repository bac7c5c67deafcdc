import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATA_FILES, DATA_LINE_FOLDERS } from '../data/schema.js';
import { checkDataFolder, formatProblem } from '../src/knowledge/checkData.js';
import { projectRoot } from '../src/paths.js';

const DATA = join(projectRoot, 'data');
let copy: string;

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'check-data-'));
  cpSync(DATA, copy, { recursive: true });
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

/** Edits one JSON data file of the copy as a person would, through its parsed form. */
function edit(file: string, change: (json: any) => void) {
  const json = JSON.parse(readFileSync(join(copy, file), 'utf8'));
  change(json);
  writeFileSync(join(copy, file), JSON.stringify(json, null, 2));
}

describe('check-data', () => {
  it('finds nothing wrong with the committed data', () => {
    expect(checkDataFolder(DATA).map(formatProblem)).toEqual([]);
  });

  it('names the file and the field of each problem', () => {
    edit('numbers.json', (j) => {
      j.numbers[1].dial = '0120 999 373';
      delete j.numbers[2].owner.en;
    });
    edit('support.json', (j) => (j.phone.hours.from = 8.5));
    expect(checkDataFolder(copy).map(formatProblem)).toEqual([
      expect.stringMatching(/^data\/numbers\.json: numbers\[1\]\.dial: write the number as dialled in Japan/),
      expect.stringMatching(/^data\/numbers\.json: numbers\[2\]\.owner\.en: /),
      expect.stringMatching(/^data\/support\.json: phone\.hours\.from: /),
    ]);
  });

  it('gives the line of a JSON syntax error', () => {
    const lines = readFileSync(join(copy, 'delivery.json'), 'utf8').split('\n');
    const commaLine = lines.findIndex((l, i) => i > 2 && l.trimEnd().endsWith(','));
    lines[commaLine] = lines[commaLine]!.trimEnd().slice(0, -1);
    writeFileSync(join(copy, 'delivery.json'), lines.join('\n'));
    const [problem, ...rest] = checkDataFolder(copy);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'data/delivery.json', message: expect.stringContaining('not valid JSON') });
    // JSON.parse notices a missing comma where the next value starts: this line or the next.
    expect(problem!.line! - (commaLine + 1)).toBeGreaterThanOrEqual(0);
    expect(problem!.line! - (commaLine + 1)).toBeLessThanOrEqual(1);
  });

  it('flags a data file without a schema and a missing one', () => {
    writeFileSync(join(copy, 'numbers-extra.json'), '{}');
    rmSync(join(copy, 'scam.json'));
    expect(checkDataFolder(copy).map(formatProblem).sort()).toEqual([
      'data/numbers-extra.json: no schema for this file: add it to DATA_FILES in data/schema.ts',
      'data/scam.json: file is missing',
    ]);
  });

  it('checks JSON Lines line by line, with the line number', () => {
    mkdirSync(join(copy, 'examples'));
    writeFileSync(join(copy, 'examples/a.jsonl'), ['{"text":"ok","lang":"ja"}', '', '{"text":"","lang":"ja"}', '{"text":"x","lang":"fr"}', '{oops'].join('\n'));
    const lineSchema = z.object({ text: z.string().min(1), lang: z.enum(['ja', 'en']) });
    const problems = checkDataFolder(copy, DATA_FILES, { ...DATA_LINE_FOLDERS, examples: lineSchema });
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['data/examples/a.jsonl', 3, 'text'],
      ['data/examples/a.jsonl', 4, 'lang'],
      ['data/examples/a.jsonl', 5, undefined],
    ]);
    expect(formatProblem(problems[0]!)).toMatch(/^data\/examples\/a\.jsonl line 3: text: /);
  });

  it('npm run check-data exits 1 and prints file and field for a broken copy', () => {
    edit('checklists.json', (j) => (j.topics[0].id = 'groceries'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/checkData.ts', copy], { cwd: projectRoot, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('data/checklists.json: topics[0].id: ');
  });
});
