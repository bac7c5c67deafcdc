/** `npm run diagrams`: rewrites docs/flows/ from the machines, removing diagrams of machines that are gone. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGRAM_DIR, flowDiagramFiles } from './flowDiagrams.js';

const files = flowDiagramFiles();
mkdirSync(DIAGRAM_DIR, { recursive: true });
for (const stale of readdirSync(DIAGRAM_DIR)) {
  if (stale.endsWith('.md') && !files.some((f) => f.name === stale)) rmSync(join(DIAGRAM_DIR, stale));
}
for (const file of files) writeFileSync(join(DIAGRAM_DIR, file.name), file.content);
console.log(`wrote ${files.length} diagrams to docs/flows/: ${files.map((f) => f.name).join(', ')}`);
