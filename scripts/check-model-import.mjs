// "Opens cleanly in Camunda Modeler", checked without a browser.
//
// Parses every bpmn/**/*.bpmn with bpmn-moddle and every dmn/**/*.dmn with dmn-moddle, with the same moddle
// extensions Camunda Modeler loads for Camunda 7 (camunda-bpmn-moddle / camunda-dmn-moddle, modeler-moddle), through
// the same `fromXML` call its importers (bpmn-js / dmn-js) make. Any import warning fails the check: unknown element,
// unknown attribute, unresolved reference, duplicate id. On top of that it checks what moddle lets through but the
// Modeler needs to show the model:
//   BPMN  a diagram exists; every flow node, sequence flow, participant, lane and message flow has exactly one
//         BPMNShape/BPMNEdge
//   DMN   every decision, input data, knowledge source and business knowledge model has exactly one DMNShape;
//         every information/knowledge/authority requirement has an id and exactly one DMNEdge; every requirement
//         href ("#id") points at an element of this file of the right kind (moddle keeps hrefs as plain strings)
//
//   node scripts/check-model-import.mjs                      check every model; exit 1 on any finding
//   node scripts/check-model-import.mjs FILE...              check just these files
//   node scripts/check-model-import.mjs --expect-failure F:TEXT   self-test: pass only if checking F fails with a
//                                                                 finding that contains TEXT (repeatable)
//                                       --expect-pass F           ... and F passes (repeatable)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function bpmnModdle() {
  return new BpmnModdle({
    camunda: require('camunda-bpmn-moddle/resources/camunda.json'),
    modeler: require('modeler-moddle/resources/modeler.json')
  });
}

function dmnModdle() {
  return new DmnModdle({
    camunda: require('camunda-dmn-moddle/resources/camunda.json'),
    modeler: require('modeler-moddle/resources/dmn-modeler.json')
  });
}

function modelFiles(dir, extension) {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith(extension))
    .map((name) => relative(root, join(dir, name)))
    .sort();
}

// Depth-first walk over the semantic model (not the DI): visits every moddle element reachable through
// containment properties, never through references.
function walk(element, visit) {
  if (!element || typeof element !== 'object' || !element.$descriptor) {
    return;
  }
  visit(element);
  for (const property of element.$descriptor.properties) {
    if (property.isReference || property.isAttr) {
      continue;
    }
    const value = element.get(property.name);
    for (const child of Array.isArray(value) ? value : [ value ]) {
      walk(child, visit);
    }
  }
}

function diCounts(diagrams, diType, refName) {
  const counts = new Map();
  for (const diagram of diagrams) {
    walk(diagram, (di) => {
      if (di.$instanceOf(diType) && di[refName]) {
        counts.set(di[refName], (counts.get(di[refName]) ?? 0) + 1);
      }
    });
  }
  return counts;
}

function describe(element) {
  return `${element.$type} "${element.id ?? '(no id)'}"${element.name ? ` (${element.name})` : ''}`;
}

function requireExactlyOne(findings, element, counts, what) {
  const count = counts.get(element) ?? 0;
  if (count === 0) {
    findings.push(`${describe(element)} has no ${what}: the Modeler does not draw it`);
  } else if (count > 1) {
    findings.push(`${describe(element)} has ${count} ${what}s: the Modeler reports multiple DI elements`);
  }
}

function checkBpmnDi(definitions) {
  const findings = [];
  const diagrams = definitions.diagrams ?? [];
  if (diagrams.length === 0) {
    return [ 'no bpmndi:BPMNDiagram: the Modeler has nothing to display' ];
  }
  const shapes = diCounts(diagrams, 'bpmndi:BPMNShape', 'bpmnElement');
  const edges = diCounts(diagrams, 'bpmndi:BPMNEdge', 'bpmnElement');
  for (const rootElement of definitions.rootElements ?? []) {
    walk(rootElement, (element) => {
      if (element.$instanceOf('bpmn:FlowNode') || element.$instanceOf('bpmn:Participant')
          || element.$instanceOf('bpmn:Lane')) {
        requireExactlyOne(findings, element, shapes, 'BPMNShape');
      } else if (element.$instanceOf('bpmn:SequenceFlow') || element.$instanceOf('bpmn:MessageFlow')) {
        requireExactlyOne(findings, element, edges, 'BPMNEdge');
      }
    });
  }
  return findings;
}

const REQUIREMENT_TARGETS = {
  requiredDecision: [ 'dmn:Decision' ],
  requiredInput: [ 'dmn:InputData' ],
  requiredKnowledge: [ 'dmn:BusinessKnowledgeModel', 'dmn:DecisionService' ],
  requiredAuthority: [ 'dmn:KnowledgeSource', 'dmn:Decision', 'dmn:InputData' ]
};

function checkDmnDi(definitions, elementsById) {
  const findings = [];
  const diagrams = definitions.dmnDI?.diagrams ?? [];
  if (diagrams.length === 0) {
    findings.push('no dmndi:DMNDiagram: the Modeler cannot show the DRD');
  }
  const shapes = diCounts(diagrams, 'dmndi:DMNShape', 'dmnElementRef');
  const edges = diCounts(diagrams, 'dmndi:DMNEdge', 'dmnElementRef');
  for (const drgElement of definitions.drgElement ?? []) {
    if ([ 'dmn:Decision', 'dmn:InputData', 'dmn:KnowledgeSource', 'dmn:BusinessKnowledgeModel' ]
      .some((type) => drgElement.$instanceOf(type))) {
      requireExactlyOne(findings, drgElement, shapes, 'DMNShape');
    }
    const requirements = [
      ...(drgElement.informationRequirement ?? []),
      ...(drgElement.knowledgeRequirement ?? []),
      ...(drgElement.authorityRequirement ?? [])
    ];
    for (const requirement of requirements) {
      if (!requirement.id) {
        findings.push(`${requirement.$type} in ${describe(drgElement)} has no id, so no DMNEdge can refer to it`);
      } else {
        requireExactlyOne(findings, requirement, edges, 'DMNEdge');
      }
      for (const [ property, targetTypes ] of Object.entries(REQUIREMENT_TARGETS)) {
        const reference = requirement[property];
        if (!reference) {
          continue;
        }
        const href = reference.href ?? '';
        const target = href.startsWith('#') ? elementsById[href.slice(1)] : undefined;
        if (!target) {
          findings.push(`${requirement.$type} "${requirement.id}" in ${describe(drgElement)}: ${property} `
            + `href="${href}" does not resolve to an element of this file (dangling href)`);
        } else if (!targetTypes.some((type) => target.$instanceOf(type))) {
          findings.push(`${requirement.$type} "${requirement.id}" in ${describe(drgElement)}: ${property} `
            + `href="${href}" points at a ${target.$type}, expected ${targetTypes.join(' or ')}`);
        }
      }
    }
  }
  return findings;
}

async function checkFile(file) {
  const xml = readFileSync(join(root, file), 'utf8');
  const isDmn = file.endsWith('.dmn');
  if (!isDmn && !file.endsWith('.bpmn')) {
    return [ 'not a .bpmn or .dmn file' ];
  }
  const moddle = isDmn ? dmnModdle() : bpmnModdle();
  let result;
  try {
    result = await moddle.fromXML(xml, isDmn ? 'dmn:Definitions' : 'bpmn:Definitions');
  } catch (error) {
    return [ `import error: ${error.message}` ];
  }
  const findings = result.warnings.map((warning) => `import warning: ${warning.message.replace(/\s+/g, ' ')}`);
  const definitions = result.rootElement;
  findings.push(...(isDmn ? checkDmnDi(definitions, result.elementsById) : checkBpmnDi(definitions)));
  return findings;
}

async function checkAll(files) {
  if (files.length === 0) {
    console.log('no BPMN/DMN files - nothing to check');
    return 0;
  }
  let failed = 0;
  for (const file of files) {
    const findings = await checkFile(file);
    if (findings.length === 0) {
      console.log(`ok    ${file}`);
    } else {
      failed++;
      for (const finding of findings) {
        console.error(`FAIL  ${file}: ${finding}`);
      }
    }
  }
  console.log(`model import check: ${files.length - failed} of ${files.length} file(s) open cleanly`);
  return failed === 0 ? 0 : 1;
}

async function selfTest(expectations) {
  let failures = 0;
  for (const { file, text } of expectations) {
    const findings = await checkFile(file);
    if (text === undefined && findings.length > 0) {
      failures++;
      console.error(`import self-test FAILED: ${file} should open cleanly but:\n  ${findings.join('\n  ')}`);
    } else if (text !== undefined && !findings.some((finding) => finding.includes(text))) {
      failures++;
      console.error(`import self-test FAILED: ${file} should fail with "${text}" but got:\n  `
        + (findings.length ? findings.join('\n  ') : '(no findings)'));
    } else {
      console.log(`import self-test ok: ${file} ${text === undefined ? 'passes' : `fails with "${text}"`}`);
    }
  }
  console.log(failures === 0
    ? `import self-test: all ${expectations.length} expectations met`
    : `import self-test: ${failures} of ${expectations.length} expectations NOT met`);
  return failures === 0 ? 0 : 1;
}

const args = process.argv.slice(2);
const expectations = [];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--expect-pass') {
    expectations.push({ file: args[++i] });
  } else if (args[i] === '--expect-failure') {
    const spec = args[++i];
    const colon = spec.indexOf(':');
    expectations.push({ file: spec.slice(0, colon), text: spec.slice(colon + 1) });
  } else {
    files.push(args[i]);
  }
}

if (expectations.length > 0) {
  process.exitCode = await selfTest(expectations);
} else if (files.length > 0) {
  process.exitCode = await checkAll(files);
} else {
  process.exitCode = await checkAll([ ...modelFiles(join(root, 'bpmn'), '.bpmn'), ...modelFiles(join(root, 'dmn'), '.dmn') ]);
}
