/** Reads data/*.json once at boot and refuses to start on a file that does not match its schema. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  AreaCodesFile,
  ChecklistsFile,
  DeliveryFile,
  DomainsFile,
  NumbersFile,
  ScamFile,
  SupportFile,
  TrainingExample,
  type Knowledge,
} from '../../data/schema.js';
import { projectRoot } from '../paths.js';

const DATA_DIR = join(projectRoot, 'data');

function readValidated<T extends z.ZodType>(file: string, schema: T, dir: string): z.infer<T> {
  const raw = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`data/${file} is invalid:\n${problems}`);
  }
  return parsed.data;
}

export function loadKnowledge(dir: string = DATA_DIR): Knowledge {
  return {
    numbers: readValidated('numbers.json', NumbersFile, dir),
    areaCodes: readValidated('area-codes.json', AreaCodesFile, dir),
    delivery: readValidated('delivery.json', DeliveryFile, dir),
    scam: readValidated('scam.json', ScamFile, dir),
    support: readValidated('support.json', SupportFile, dir),
    checklists: readValidated('checklists.json', ChecklistsFile, dir),
    domains: readValidated('domains.json', DomainsFile, dir),
    training: readTrainingExamples(dir),
  };
}

/**
 * Every data/understanding/*.jsonl file. JSON Lines, so that each example is one line to add or review;
 * every line is validated on its own.
 */
function readTrainingExamples(dir: string): TrainingExample[] {
  const files = readdirSync(`${dir}/understanding`).filter((f) => f.endsWith('.jsonl')).sort();
  return files.flatMap((f) => readTrainingFile(`understanding/${f}`, dir));
}

function readTrainingFile(file: string, dir: string): TrainingExample[] {
  const lines = readFileSync(`${dir}/${file}`, 'utf8').split('\n');
  const problems: string[] = [];
  const examples: TrainingExample[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      problems.push(`  line ${i + 1}: not valid JSON`);
      return;
    }
    const parsed = TrainingExample.safeParse(raw);
    if (parsed.success) examples.push(parsed.data);
    else problems.push(...parsed.error.issues.map((issue) => `  line ${i + 1} ${issue.path.join('.')}: ${issue.message}`));
  });
  if (problems.length > 0) throw new Error(`data/${file} is invalid:\n${problems.join('\n')}`);
  return examples;
}
