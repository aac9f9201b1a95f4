// cytoscape.json drawn by Cytoscape.js in headless chromium (npm
// cytoscape's dist/cytoscape.min.js, served from node_modules on
// 127.0.0.1): no error, no outside request, one node per entity and one
// edge per tie, each where timeline.json says, laid out on the screen.
//
//     node cytoscape.js OUTDIR SCREENSHOT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const {browserTest, fail} = require('./harness');

const [out, shots] = process.argv.slice(2);
const dist = path.join(__dirname, 'node_modules/cytoscape/dist');
if (!fs.existsSync(path.join(dist, 'cytoscape.min.js')))
  fail('the npm package cytoscape is missing: run .ci/setup ' +
       '(it runs npm ci --prefix tests/browser)');
const data = JSON.parse(fs.readFileSync(path.join(out, 'cytoscape.json'), 'utf8'));
const tl = JSON.parse(fs.readFileSync(path.join(out, 'timeline.json'), 'utf8'));
const els = data.elements;
const fileNodes = Array.isArray(els) ? els.filter((e) => e.group === 'nodes').length
                                     : els.nodes.length;
const fileEdges = Array.isArray(els) ? els.filter((e) => e.group === 'edges').length
                                     : els.edges.length;

const root = fs.mkdtempSync(path.join(path.resolve(out), 'www-'));
fs.symlinkSync(dist, path.join(root, 'cy'));
fs.copyFileSync(path.join(out, 'cytoscape.json'), path.join(root, 'data.json'));
process.on('exit', () => fs.rmSync(root, {recursive: true, force: true}));

const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>cytoscape.json</title>
<script src="cy/cytoscape.min.js"></script>
<style>html, body { margin: 0; height: 100%; } #cy { width: 100%; height: 100%; }</style>
</head><body><div id="cy"></div>
<script>
fetch('data.json').then(function (r) { return r.json(); }).then(function (d) {
  window.cy = cytoscape({
    container: document.getElementById('cy'), elements: d.elements,
    style: [{selector: 'node', style: {label: 'data(label)', 'font-size': 9}},
            {selector: 'edge', style: {width: 1, 'line-color': '#999'}}],
    layout: {name: 'cose', animate: false, randomize: false}
  });
  window.cyReady = true;
});
</script></body></html>
`;

browserTest({
  name: 'cytoscape', shots, root, html,
  waitFor: () => window.cyReady === true,
  check: async (page) => {
    const problems = [];
    const seen = await page.evaluate(() => {
      const cy = window.cy;
      const w = cy.width(), h = cy.height();
      return {
        nodes: cy.nodes().length, edges: cy.edges().length,
        ids: cy.nodes().map((n) => n.id()),
        ends: cy.edges().map((e) => [e.id(), e.source().id(), e.target().id()]),
        onScreen: cy.nodes().filter((n) => {
          const p = n.renderedPosition();
          return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
        }).length,
        canvas: document.querySelectorAll('#cy canvas').length,
      };
    });
    const want = (what, got, n) => {
      if (got !== n)
        problems.push(`${what}: ${got}, want ${n}`);
    };
    want('nodes, against cytoscape.json', seen.nodes, fileNodes);
    want('edges, against cytoscape.json', seen.edges, fileEdges);
    want('nodes, against timeline.json entities', seen.nodes, tl.entities.length);
    want('edges, against timeline.json edges + relations', seen.edges,
         tl.edges.length + tl.relations.length);
    want('nodes drawn inside the view', seen.onScreen, seen.nodes);
    if (seen.canvas === 0)
      problems.push('Cytoscape.js drew no canvas');
    const ids = new Set(seen.ids);
    for (const e of tl.entities)
      if (!ids.has(e.id))
        problems.push(`no node ${e.id}`);
    const ends = new Map(seen.ends.map(([id, s, t]) => [id, `${s} ${t}`]));
    for (const r of tl.edges.concat(tl.relations))
      if (ends.get(r.id) !== `${r.source} ${r.target}`)
        problems.push(`edge ${r.id}: ${ends.get(r.id) || 'missing'}`);
    console.log(`cytoscape: ${seen.nodes} nodes, ${seen.edges} edges, ` +
                `${seen.onScreen} on screen`);
    return problems;
  },
});
