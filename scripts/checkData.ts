/** `npm run check-data`: every file in data/ against its schema in data/schema.ts; exit code 1 on any problem. */
import { join } from 'node:path';
import { checkDataFolder, formatProblem } from '../src/knowledge/checkData.js';
import { projectRoot } from '../src/paths.js';

const problems = checkDataFolder(process.argv[2] ?? join(projectRoot, 'data'));
if (problems.length === 0) {
  console.log('check-data: every data file matches its schema');
} else {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`check-data: ${problems.length} problem${problems.length === 1 ? '' : 's'}; see data/schema.ts for what each field must hold`);
  process.exitCode = 1;
}
