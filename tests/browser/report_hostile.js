// report.html of articles written to break out of it: titles, text, ids
// and URLs holding </style>, <script>, event handlers, javascript: links.
// Opened in headless chromium, nothing of it may run, load or become an
// element; the words must still be there, as words.
//
//     node report_hostile.js OUTDIR SCREENSHOT_DIR   (NG_BIN: newsgraph)
'use strict';
const fs = require('fs');
const path = require('path');
const {spawnSync} = require('child_process');
const {pathToFileURL} = require('url');
const {browserTest, fail} = require('./harness');

const [out, shots] = process.argv.slice(2);
const dir = path.join(out, 'hostile');
const inp = path.join(dir, 'in');
fs.mkdirSync(inp, {recursive: true});
const docs = [
  {id: '"><script>window.pwned="id"</script>',
   title: '</title></style><script>window.pwned="title"</script>',
   url: 'javascript:window.pwned="url"', published: '2021-02-15',
   text: 'Elon Musk said "<img src=x onerror=window.pwned=\'img\'>" on Monday ' +
         'in Moscow. </style><script>window.pwned="text"</script> Vladimir ' +
         'Putin met Tesla on Sunday \' onmouseover=\'window.pwned="attr"\' x="'},
  {id: 'ok', title: 'A fine <b>title</b> & more', published: '2021-02-16',
   url: 'https://example.org/a?b="><script>window.pwned="href"</script>',
   text: 'Dmitry Peskov of the Kremlin said on Tuesday that Vladimir Putin ' +
         'would talk to <a href="javascript:window.pwned=1">Elon Musk</a>.'},
];
fs.writeFileSync(path.join(inp, 'hostile.jsonl'),
                 docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
fs.writeFileSync(path.join(inp, 'hostile.html'),
  '<html><head><title>&lt;/style&gt;&lt;script&gt;window.pwned="html"' +
  '&lt;/script&gt;</title><meta property="og:url" content="javascript:' +
  'window.pwned=\'og\'"><meta property="article:published_time" ' +
  'content="2021-02-17"></head><body><article><p>Kremlin spokesman Dmitry ' +
  'Peskov said on Wednesday: &lt;svg onload=window.pwned="svg"&gt;.</p>' +
  '<p>Elon Musk replied on Thursday.</p></article></body></html>');
const run = spawnSync(process.env.NG_BIN, ['-q', '-o', path.join(dir, 'out'), inp],
                      {encoding: 'utf8'});
if (run.status !== 0)
  fail(`newsgraph on the hostile articles exited ${run.status}: ${run.stderr}`);
const tl = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'timeline.json'), 'utf8'));

browserTest({
  name: 'report-hostile', shots, fullPage: true,
  url: pathToFileURL(path.join(dir, 'out', 'report.html')).href,
  check: async (page) => {
    const problems = [];
    const seen = await page.evaluate(() => ({
      pwned: typeof window.pwned,
      scripts: document.scripts.length,
      styles: document.querySelectorAll('style').length,
      handlers: [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((a) => /^on/i.test(a.name))).length,
      strangers: document.querySelectorAll('img, iframe, object, embed, form, ' +
                                           'foreignObject, article, a[href^="javascript"]').length,
      badLinks: [...document.querySelectorAll('[href]')]
        .map((el) => el.getAttribute('href'))
        .filter((u) => !/^(#|https?:\/\/|[a-z]+\.(svg|dot|json)$|data:,$)/.test(u)),
      events: document.querySelectorAll('li.event').length,
      docs: document.querySelectorAll('tr.doc').length,
      text: document.body.innerText,
    }));
    if (seen.pwned !== 'undefined')
      problems.push(`a script ran: window.pwned = ${seen.pwned}`);
    if (seen.scripts !== 1 || seen.styles !== 1)
      problems.push(`${seen.scripts} scripts, ${seen.styles} styles; want 1 and 1`);
    if (seen.handlers)
      problems.push(`${seen.handlers} elements with event handlers`);
    if (seen.strangers)
      problems.push(`${seen.strangers} elements the report never writes`);
    if (seen.badLinks.length)
      problems.push(`links that are not http(s): ${seen.badLinks}`);
    if (seen.events !== tl.events.length)
      problems.push(`events: ${seen.events} drawn, want ${tl.events.length}`);
    if (seen.docs !== tl.documents.length)
      problems.push(`articles: ${seen.docs} listed, want ${tl.documents.length}`);
    for (const words of ['</title></style><script>window.pwned="title"</script>',
                         'A fine <b>title</b> & more'])
      if (!seen.text.includes(words))
        problems.push(`the words ${JSON.stringify(words)} are not shown`);
    console.log(`report-hostile: ${seen.events} events, ${seen.docs} articles`);
    return problems;
  },
});
