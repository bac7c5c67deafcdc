/** Reads data/*.json once at boot and refuses to start on a file that does not match its schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  AreaCodesFile,
  ChecklistsFile,
  DeliveryFile,
  NumbersFile,
  ScamFile,
  SupportFile,
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
  };
}
