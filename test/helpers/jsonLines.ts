/** Every line of every `*.jsonl` file in a folder, parsed, with where it came from: the corpora's shared reader. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readJsonLines(dir: string): { file: string; line: number; value: unknown }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .flatMap((text, i) => (text.trim() ? [{ file, line: i + 1, value: JSON.parse(text) as unknown }] : [])),
    );
}
