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
import { checkJson, checkJsonLines, formatProblem } from './checkData.js';

const DATA_DIR = join(projectRoot, 'data');

function readValidated<T extends z.ZodType>(file: string, schema: T, dir: string): z.infer<T> {
  const checked = checkJson(`data/${file}`, readFileSync(`${dir}/${file}`, 'utf8'), schema);
  if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
  return checked.data;
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
  const { rows, problems } = checkJsonLines(`data/${file}`, readFileSync(`${dir}/${file}`, 'utf8'), TrainingExample);
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  return rows;
}
