// report.html opened as a reader opens it (file://) in headless chromium:
// no error, no request at all, as many events and entities drawn as
// timeline.json holds, and the graph inlined with graph.svg's nodes.
//
//     node report.js OUTDIR SCREENSHOT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const {pathToFileURL} = require('url');
const {browserTest} = require('./harness');

const [out, shots] = process.argv.slice(2);
const tl = JSON.parse(fs.readFileSync(path.join(out, 'timeline.json'), 'utf8'));
const svg = fs.readFileSync(path.join(out, 'graph.svg'), 'utf8');
const svgNodes = (svg.match(/<g id="[^"]*" class="node">/g) || []).length;

browserTest({
  name: 'report', shots, fullPage: true,
  url: pathToFileURL(path.resolve(out, 'report.html')).href,
  check: async (page) => {
    const problems = [];
    const seen = await page.evaluate(() => {
      const visible = (el) => el.getClientRects().length > 0;
      const svg = document.querySelector('figure.graph svg');
      const nodes = svg ? [...svg.querySelectorAll('g.node')] : [];
      return {
        events: [...document.querySelectorAll('li.event')].filter(visible).length,
        entities: [...document.querySelectorAll('tr.entity')].filter(visible).length,
        docs: document.querySelectorAll('tr.doc').length,
        svg: !!svg,
        svgBox: svg ? svg.getBoundingClientRect().width *
                      svg.getBoundingClientRect().height : 0,
        nodes: nodes.length,
        nodeIds: nodes.map((n) => n.id),
        missingRows: nodes.filter((n) => !document.getElementById('e-' + n.id))
                          .map((n) => n.id),
        filters: document.querySelectorAll('div.filter input').length,
        notShown: document.body.textContent.includes('The graph is not shown'),
      };
    });
    const want = (what, got, n) => {
      if (got !== n)
        problems.push(`${what}: ${got} drawn, want ${n}`);
    };
    want('events', seen.events, tl.events.length);
    want('entities', seen.entities, tl.entities.length);
    want('articles', seen.docs, tl.documents.length);
    if (!seen.svg || seen.notShown)
      problems.push('the graph SVG is not on the page');
    if (seen.svgBox <= 0)
      problems.push('the graph SVG takes no room');
    if (svgNodes === 0)
      problems.push('graph.svg has no nodes to compare with');
    want('graph nodes', seen.nodes, svgNodes);
    if (seen.missingRows.length)
      problems.push(`graph nodes without an entity row: ${seen.missingRows}`);
    // report.js ran (its hash is in the page's CSP): the filter boxes.
    want('filter boxes', seen.filters, 2);
    // ...and a click on a node leads to the entity's row.
    if (seen.nodeIds.length) {
      const id = seen.nodeIds[0];
      await page.click(`figure.graph g.node[id="${id}"]`, {force: true});
      const hash = await page.evaluate(() => decodeURIComponent(location.hash));
      if (hash !== `#e-${id}`)
        problems.push(`clicking node ${id} went to "${hash}"`);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    console.log(`report: ${seen.events} events, ${seen.entities} entities, ` +
                `${seen.docs} articles, ${seen.nodes} graph nodes`);
    return problems;
  },
});
