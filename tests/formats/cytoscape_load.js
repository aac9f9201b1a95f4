// Load cytoscape.json into Cytoscape.js, headless, as a web page would,
// and compare what it built with timeline.json: one node per entity,
// one edge per co-mention or relation, labels intact, a layout that runs.
//
//     node cytoscape_load.js cytoscape.json timeline.json
'use strict';
const fs = require('fs');

let cytoscape;
try {
  cytoscape = require('cytoscape');
} catch (e) {
  console.error('cytoscape_load: the npm package cytoscape is missing: ' +
                'run .ci/setup (npm ci --prefix tests/formats)');
  process.exit(2);
}

const [cyPath, tlPath] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(cyPath, 'utf8'));
const tl = JSON.parse(fs.readFileSync(tlPath, 'utf8'));
const problems = [];

// Cytoscape.js throws on an edge whose ends are not nodes.
let cy;
try {
  cy = cytoscape({headless: true, styleEnabled: false,
                  elements: data.elements});
} catch (e) {
  console.log(`${cyPath}: cytoscape refused it: ${e.message}`);
  process.exit(1);
}
const want = {nodes: tl.entities.length,
              edges: tl.edges.length + tl.relations.length};
if (cy.nodes().length !== want.nodes)
  problems.push(`${cy.nodes().length} nodes, want ${want.nodes}`);
if (cy.edges().length !== want.edges)
  problems.push(`${cy.edges().length} edges, want ${want.edges}`);
for (const e of tl.entities) {
  const n = cy.getElementById(e.id);
  if (n.empty() || !n.isNode())
    problems.push(`no node ${e.id}`);
  else if (n.data('label') !== e.name)
    problems.push(`node ${e.id}: label ${JSON.stringify(n.data('label'))}`);
}
for (const r of tl.edges.concat(tl.relations)) {
  const e = cy.getElementById(r.id);
  if (e.empty() || !e.isEdge())
    problems.push(`no edge ${r.id}`);
  else if (e.source().id() !== r.source || e.target().id() !== r.target)
    problems.push(`edge ${r.id}: wrong ends`);
}
cy.layout({name: 'grid'}).run();
for (const n of cy.nodes())
  if (!Number.isFinite(n.position('x')) || !Number.isFinite(n.position('y')))
    problems.push(`node ${n.id()}: no position after layout`);

for (const p of problems)
  console.log(`${cyPath}: ${p}`);
console.log(`${cyPath}: cytoscape ${cytoscape.version || ''} built ` +
            `${cy.nodes().length} nodes and ${cy.edges().length} edges` +
            (problems.length ? `, ${problems.length} problems` : ''));
process.exit(problems.length ? 1 : 0);
