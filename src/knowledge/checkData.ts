/**
 * Checks data files against their zod schemas and says where each problem is (file, line for JSON Lines,
 * field path) in words a person editing the file by hand can act on. Used at boot and by `npm run check-data`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { DATA_FILES, DATA_LINE_FOLDERS } from '../../data/schema.js';

export interface DataProblem {
  /** As the user would find it, e.g. data/numbers.json. */
  file: string;
  line?: number;
  /** The field, e.g. numbers[3].dial; absent when the problem is the file itself. */
  field?: string;
  message: string;
}

export function formatProblem(p: DataProblem): string {
  const where = p.line === undefined ? p.file : `${p.file} line ${p.line}`;
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

const fieldPath = (path: PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');

/** JSON.parse reports a character offset; people editing a file need the line. */
function syntaxProblem(file: string, text: string, err: unknown, line?: number): DataProblem {
  const message = err instanceof Error ? err.message : String(err);
  const offset = /at position (\d+)/.exec(message);
  const at = line ?? (offset ? text.slice(0, Number(offset[1])).split('\n').length : undefined);
  return { file, line: at, message: `not valid JSON (${message}); look for a missing comma, quote or bracket` };
}

function schemaProblems(file: string, issues: z.core.$ZodIssue[], line?: number): DataProblem[] {
  return issues.map((issue) => ({ file, line, field: fieldPath(issue.path) || undefined, message: issue.message }));
}

export type Checked<T> = { ok: true; data: T } | { ok: false; problems: DataProblem[] };

export function checkJson<T extends z.ZodType>(file: string, text: string, schema: T): Checked<z.infer<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [syntaxProblem(file, text, err)] };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: schemaProblems(file, parsed.error.issues) };
}

/** JSON Lines: one record per line, so each line is checked on its own and blank lines are allowed. */
export function checkJsonLines<T extends z.ZodType>(file: string, text: string, schema: T): { rows: z.infer<T>[]; problems: DataProblem[] } {
  const rows: z.infer<T>[] = [];
  const problems: DataProblem[] = [];
  text.split('\n').forEach((content, i) => {
    if (content.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch (err) {
      problems.push(syntaxProblem(file, content, err, i + 1));
      return;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else problems.push(...schemaProblems(file, parsed.error.issues, i + 1));
  });
  return { rows, problems };
}

/**
 * Every data file in `dir` (JSON at the top, JSON Lines in the folders named in `lineFolders`) against its
 * schema. A file without a schema is a problem too: nothing in data/ goes unchecked.
 */
export function checkDataFolder(
  dir: string,
  files: Readonly<Record<string, z.ZodType>> = DATA_FILES,
  lineFolders: Readonly<Record<string, z.ZodType>> = DATA_LINE_FOLDERS,
): DataProblem[] {
  const present = (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).sort();
  const problems: DataProblem[] = [];
  for (const name of Object.keys(files)) {
    if (!present.includes(name)) problems.push({ file: `data/${name}`, message: 'file is missing' });
  }
  for (const name of present) {
    const file = `data/${name}`;
    if (name.endsWith('.json')) {
      const schema = files[name];
      if (!schema) problems.push({ file, message: 'no schema for this file: add it to DATA_FILES in data/schema.ts' });
      else {
        const checked = checkJson(file, readFileSync(join(dir, name), 'utf8'), schema);
        if (!checked.ok) problems.push(...checked.problems);
      }
    } else if (name.endsWith('.jsonl')) {
      const schema = lineFolders[dirname(name)];
      if (!schema) problems.push({ file, message: 'no schema for this folder: add it to DATA_LINE_FOLDERS in data/schema.ts' });
      else problems.push(...checkJsonLines(file, readFileSync(join(dir, name), 'utf8'), schema).problems);
    }
  }
  return problems;
}
