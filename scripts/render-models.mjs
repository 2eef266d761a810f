// Renders the models as pictures for the docs (a tool run by hand, not part of CI):
//   bpmn/<name>.bpmn  ->  docs/img/<name>.png + docs/img/<name>.svg                (the process diagram)
//   dmn/<name>.dmn    ->  docs/img/<name>.png + docs/img/<name>.svg                (the DRD)
//                         docs/img/<name>--<decision-id>.png                       (each decision table / literal expression)
//
//   npm run render                     render every model
//   npm run render -- dmn/x.dmn ...    render just these
//
// Needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium; override with CHROMIUM=/path).
// bpmn-js / dmn-js come from node_modules and are served to the headless browser by a throwaway static server on
// 127.0.0.1; nothing is fetched from anywhere else, and Playwright never downloads a browser.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'img');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PAD = 20;
const WATERMARK = 50; // extra room at the bottom of diagrams for the bpmn.io watermark (kept visible, per its license)
const SCALE = 2;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="/node_modules/bpmn-js/dist/assets/diagram-js.css">
<link rel="stylesheet" href="/node_modules/bpmn-js/dist/assets/bpmn-js.css">
<link rel="stylesheet" href="/node_modules/bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css">
<link rel="stylesheet" href="/node_modules/dmn-js/dist/assets/dmn-js-shared.css">
<link rel="stylesheet" href="/node_modules/dmn-js/dist/assets/dmn-js-drd.css">
<link rel="stylesheet" href="/node_modules/dmn-js/dist/assets/dmn-js-decision-table.css">
<link rel="stylesheet" href="/node_modules/dmn-js/dist/assets/dmn-js-literal-expression.css">
<link rel="stylesheet" href="/node_modules/dmn-js/dist/assets/dmn-font/css/dmn-embedded.css">
<style>
  html, body { margin: 0; background: white; font-family: Arial, sans-serif; }
  #canvas { width: 2400px; height: 1600px; background: white; }
  /* tables: room under the table for the bpmn.io watermark, which must stay visible and not overlap content */
  #canvas.table { position: relative; height: auto; width: max-content; min-width: 600px; padding: 8px 8px 52px 8px; }
  /* editor chrome that would cover the picture: the definitions name box on the DRD, the "View DRD" button */
  .dmn-definitions, .view-drd { display: none !important; }
</style>
<script src="/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script>
<script src="/node_modules/dmn-js/dist/dmn-viewer.production.min.js"></script>
</head><body><div id="canvas"></div></body></html>`;

const MIME = { '.js': 'text/javascript', '.css': 'text/css', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject', '.svg': 'image/svg+xml' };

function startServer() {
  const modules = join(root, 'node_modules');
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    const file = resolve(root, '.' + path);
    if (!file.startsWith(modules + sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

function modelFiles() {
  return [ [ 'bpmn', '.bpmn' ], [ 'dmn', '.dmn' ] ].flatMap(([ dir, extension ]) => existsSync(join(root, dir))
    ? readdirSync(join(root, dir), { recursive: true }).filter((name) => name.endsWith(extension))
      .map((name) => join(dir, name)).sort()
    : []);
}

// In the page: size the canvas to the diagram's bounding box (plus padding) so the screenshot has no empty space.
async function fitDiagram(page) {
  await page.evaluate(({ pad, bottom }) => {
    const canvas = window.activeViewer.get('canvas');
    const inner = canvas.viewbox().inner;
    const container = document.getElementById('canvas');
    container.style.width = `${Math.ceil(inner.width + 2 * pad)}px`;
    container.style.height = `${Math.ceil(inner.height + pad + bottom)}px`;
    canvas.resized();
    canvas.viewbox({ x: inner.x - pad, y: inner.y - pad, width: inner.width + 2 * pad, height: inner.height + pad + bottom });
  }, { pad: PAD, bottom: WATERMARK });
}

// The viewers give arrow-head markers random ids; number them instead so re-rendering an unchanged model leaves
// the committed SVG unchanged.
function stableMarkerIds(svg) {
  const ids = [ ...new Set([ ...svg.matchAll(/<marker id="([^"]+)"/g) ].map((match) => match[1])) ];
  return ids.reduce((text, id, index) => text.split(id).join(`marker-${index + 1}`), svg);
}

async function saveDiagram(page, base) {
  await fitDiagram(page);
  const { svg } = await page.evaluate(() => window.activeViewer.saveSVG());
  writeFileSync(join(outDir, `${base}.svg`), stableMarkerIds(svg));
  await page.locator('#canvas').screenshot({ path: join(outDir, `${base}.png`) });
  return [ `${base}.png`, `${base}.svg` ];
}

async function renderBpmn(page, xml, base) {
  await page.evaluate(async (xml) => {
    document.getElementById('canvas').className = '';
    window.activeViewer = new window.BpmnJS({ container: '#canvas' });
    const { warnings } = await window.activeViewer.importXML(xml);
    window.importWarnings = warnings.map((warning) => warning.message);
  }, xml);
  return saveDiagram(page, base);
}

async function renderDmn(page, xml, base) {
  const views = await page.evaluate(async (xml) => {
    document.getElementById('canvas').className = '';
    window.dmnJS = new window.DmnJS({ container: '#canvas' });
    const { warnings } = await window.dmnJS.importXML(xml);
    window.importWarnings = warnings.map((warning) => warning.message);
    return window.dmnJS.getViews().map((view) => ({ type: view.type, id: view.element.id }));
  }, xml);
  const written = [];
  const drd = views.find((view) => view.type === 'drd');
  if (drd) {
    await page.evaluate(async (id) => {
      const dmnJS = window.dmnJS;
      await dmnJS.open(dmnJS.getViews().find((view) => view.element.id === id));
      window.activeViewer = dmnJS.getActiveViewer();
    }, drd.id);
    written.push(...await saveDiagram(page, base));
  }
  for (const view of views.filter((candidate) => candidate.type !== 'drd')) {
    await page.evaluate(async (id) => {
      const dmnJS = window.dmnJS;
      const container = document.getElementById('canvas');
      container.className = 'table';
      container.style.width = '';
      container.style.height = '';
      await dmnJS.open(dmnJS.getViews().find((candidate) => candidate.element.id === id));
      // The table viewers pin the watermark to the table's own corner, over the last rows: re-home it (unchanged,
      // still visible) to the corner of the padded container, below the table.
      for (const watermark of container.querySelectorAll('.bjs-powered-by')) {
        container.appendChild(watermark);
      }
    }, view.id);
    const name = `${base}--${view.id}.png`;
    await page.locator('#canvas').screenshot({ path: join(outDir, name) });
    written.push(name);
  }
  return written;
}

async function main() {
  const files = process.argv.length > 2 ? process.argv.slice(2).map((file) => relative(root, resolve(file))) : modelFiles();
  if (files.length === 0) {
    console.log('no models in bpmn/ or dmn/ - nothing to render');
    return 0;
  }
  if (!existsSync(executablePath)) {
    console.error(`Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM=/path)`);
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath,
    args: [ '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync' ]
  });
  let failed = 0;
  try {
    const page = await browser.newPage({ deviceScaleFactor: SCALE, viewport: { width: 2400, height: 1600 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    for (const file of files) {
      const base = basename(file, extname(file));
      // Drop this model's old pictures first, so a renamed or removed decision leaves no stale image behind.
      for (const old of readdirSync(outDir).filter((name) => name.startsWith(`${base}.`) || name.startsWith(`${base}--`))) {
        rmSync(join(outDir, old));
      }
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      try {
        const xml = readFileSync(join(root, file), 'utf8');
        const written = file.endsWith('.dmn') ? await renderDmn(page, xml, base) : await renderBpmn(page, xml, base);
        const warnings = await page.evaluate(() => window.importWarnings);
        for (const warning of warnings) {
          console.warn(`warning ${file}: ${warning}`);
        }
        console.log(`${file} -> ${written.map((name) => `docs/img/${name}`).join(', ')}`);
      } catch (error) {
        failed++;
        console.error(`FAILED ${file}: ${error.message}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
