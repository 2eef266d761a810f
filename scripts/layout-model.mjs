// Adds diagram interchange (BPMNDI) to BPMN files that lack it, in place:
//   npm run layout -- bpmn/my-process.bpmn
// bpmn-auto-layout lays out the first process only and replaces any existing DI; review the result in
// Camunda Modeler (and tidy it) before committing.
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run layout -- <file.bpmn> [...]');
  process.exit(2);
}
for (const file of files) {
  const laidOut = await layoutProcess(readFileSync(file, 'utf8'));
  writeFileSync(file, laidOut.endsWith('\n') ? laidOut : `${laidOut}\n`, 'utf8');
  console.log(`laid out ${file}`);
}
