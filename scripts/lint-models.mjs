// Lints BPMN models with the bpmnlint CLI and the repo's .bpmnlintrc
// (bpmnlint:recommended + camunda-compat for Camunda 7.24, camunda-bpmn-moddle for camunda:* attributes).
//
//   node scripts/lint-models.mjs                        lint every bpmn/**/*.bpmn; exit 1 on any error
//   node scripts/lint-models.mjs --expect-failure F:R   self-test: pass only if linting file F fails
//                                                       and the output names rule R (repeatable)
//                                --expect-pass F        ... and file F (a conforming model) passes
//
// The self-test exists so that a lint that silently stops failing (broken config, plugin not loaded,
// rule renamed) breaks the build instead of waving every model through.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bpmnlint = createRequire(import.meta.url).resolve('bpmnlint/bin/bpmnlint.js');

function bpmnFiles(dir) {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.bpmn'))
    .map((name) => relative(root, join(dir, name)))
    .sort();
}

function runBpmnlint(files, capture) {
  const result = spawnSync(process.execPath, [ bpmnlint, ...files ], {
    cwd: root,
    encoding: 'utf8',
    stdio: capture ? 'pipe' : 'inherit',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }
  });
  if (result.error) {
    throw result.error;
  }
  return result;
}

function lintModels() {
  const files = bpmnFiles(join(root, 'bpmn'));
  if (files.length === 0) {
    console.log('no BPMN files in bpmn/ - nothing to lint');
    return 0;
  }
  console.log(`bpmnlint (.bpmnlintrc) over ${files.length} file(s): ${files.join(' ')}`);
  const { status } = runBpmnlint(files, false);
  if (status === 0) {
    console.log('bpmnlint: no errors');
  }
  return status ?? 1;
}

function selfTest(expectations) {
  let failures = 0;
  for (const { file, rule } of expectations) {
    const { status, stdout, stderr } = runBpmnlint([ file ], true);
    const output = `${stdout}${stderr}`;
    if (!rule) {
      if (status === 0) {
        console.log(`lint self-test ok: ${file} accepted`);
      } else {
        console.error(`lint self-test FAILED: bpmnlint rejected ${file}, which follows the conventions:\n${output}`);
        failures++;
      }
    } else if (status === 0) {
      console.error(`lint self-test FAILED: bpmnlint accepted ${file}, which must fail with ${rule}`);
      failures++;
    } else if (!output.includes(rule)) {
      console.error(`lint self-test FAILED: bpmnlint rejected ${file}, but not with ${rule}:\n${output}`);
      failures++;
    } else {
      console.log(`lint self-test ok: ${file} rejected with ${rule}`);
    }
  }
  return failures === 0 ? 0 : 1;
}

const args = process.argv.slice(2);
if (args.length === 0) {
  process.exit(lintModels());
}
const expectations = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--expect-failure' && args[i + 1]?.includes(':')) {
    const [ file, rule ] = args[++i].split(':');
    expectations.push({ file, rule });
  } else if (args[i] === '--expect-pass' && args[i + 1]) {
    expectations.push({ file: args[++i] });
  } else {
    console.error(`usage: lint-models.mjs [--expect-failure <file.bpmn>:<rule> | --expect-pass <file.bpmn> ...] (got ${args[i]})`);
    process.exit(2);
  }
}
process.exit(selfTest(expectations));
