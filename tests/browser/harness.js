// The browser tests' one harness: Debian's chromium, headless, driven by
// playwright-core (npm; it never downloads a browser).  browserTest()
// opens a page with a fresh profile, serves files only from 127.0.0.1 or
// file://, blocks and records every other request, collects console
// errors and uncaught page errors, runs the test's check, and keeps a
// screenshot.  Any error, outside request or failed check fails the test.
//
//     const {browserTest} = require('./harness');
//     browserTest({name, url | html, root, check: async (page, ctx) => [...]});
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.NG_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
              '--no-first-run', '--disable-background-networking',
              '--disable-component-update', '--disable-sync'];

function fail(msg) {
  console.log(`FAIL: ${msg}`);
  process.exit(1);
}

function loadPlaywright() {
  try {
    return require('playwright-core');
  } catch (e) {
    fail('the npm package playwright-core is missing: run .ci/setup ' +
         '(it runs npm ci --prefix tests/browser)');
  }
}

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript',
               '.css': 'text/css', '.json': 'application/json',
               '.svg': 'image/svg+xml', '.png': 'image/png',
               '.woff': 'font/woff', '.woff2': 'font/woff2',
               '.ttf': 'font/ttf', '.map': 'application/json'};

// A static file server for root on 127.0.0.1 at a free port; nothing
// outside root is served.
function serve(root) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.resolve(root, '.' + rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {'Content-Type': TYPES[path.extname(file)] ||
                                          'application/octet-stream'});
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// opts: name (screenshot name), shots (screenshot folder), and either url
// (file:// or a path under root, served over http) or html (written to
// root/NAME.html and served); check(page, ctx) returns a list of problems.
async function browserTest(opts) {
  const {chromium} = loadPlaywright();
  if (!fs.existsSync(CHROMIUM))
    fail(`${CHROMIUM} is missing: install the Debian package chromium ` +
         '(.ci/setup does)');
  const started = Date.now();
  const problems = [];
  const outside = [];
  const errors = [];
  let server = null, base = null;

  if (opts.root) {
    server = await serve(opts.root);
    base = `http://127.0.0.1:${server.address().port}/`;
  }
  let url = opts.url;
  if (opts.html) {
    fs.writeFileSync(path.join(opts.root, `${opts.name}.html`), opts.html);
    url = `${opts.name}.html`;
  }
  if (!/^file:\/\//.test(url))
    url = base + url;
  const local = (u) => u.startsWith('file://') || u.startsWith('data:') ||
                       u.startsWith('blob:') || u === 'about:blank' ||
                       (base !== null && u.startsWith(base));

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ng-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS,
      viewport: {width: 1280, height: 900}, offline: false,
    });
  } catch (e) {
    fs.rmSync(profile, {recursive: true, force: true});
    fail(`chromium (${CHROMIUM}) did not start: ` +
         `${e.message.split('\n').slice(0, 6).join(' | ')}`);
  }
  try {
    // Nothing leaves the machine: other requests are recorded and cut.
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (local(u))
        return route.continue();
      if (!outside.includes(u))
        outside.push(u);
      return route.abort('blockedbyclient');
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error')
        errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!local(r.url()) && !outside.includes(r.url()))
        outside.push(r.url());
    });

    const res = await page.goto(url, {waitUntil: 'load'});
    if (res && !res.ok())
      problems.push(`${url}: HTTP ${res.status()}`);
    if (opts.waitFor)
      await page.waitForFunction(opts.waitFor, null, {timeout: 15000})
          .catch((e) => problems.push(`never ready: ${e.message.split('\n')[0]}`));
    await page.waitForTimeout(300); // late errors and requests
    problems.push(...(await opts.check(page, {base, url})));

    fs.mkdirSync(opts.shots, {recursive: true});
    const shot = path.join(path.resolve(opts.shots), `${opts.name}.png`);
    await page.screenshot({path: shot, fullPage: !!opts.fullPage});
    console.log(`screenshot: ${shot}`);
  } catch (e) {
    problems.push(`harness: ${e.message.split('\n')[0]}`);
  } finally {
    await context.close().catch(() => {});
    if (server)
      server.close();
    fs.rmSync(profile, {recursive: true, force: true});
  }

  for (const e of errors)
    problems.push(e);
  for (const u of outside)
    problems.push(`request outside the machine: ${u}`);
  for (const p of problems)
    console.log(`FAIL: ${opts.name}: ${p}`);
  console.log(`${opts.name}: ${problems.length ? problems.length +
              ' problems' : 'ok'} in ${((Date.now() - started) / 1000)
              .toFixed(1)} s (${url})`);
  process.exit(problems.length ? 1 : 0);
}

module.exports = {browserTest, fail};
