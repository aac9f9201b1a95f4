// timelinejs.json loaded into TimelineJS 3 itself (npm
// @knight-lab/timelinejs, its dist served from node_modules on
// 127.0.0.1) in headless chromium: no error, no outside request, one
// slide per event plus the title slide, every headline shown.
//
//     node timelinejs.js OUTDIR SCREENSHOT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const {browserTest, fail} = require('./harness');

const [out, shots] = process.argv.slice(2);
const dist = path.join(__dirname, 'node_modules/@knight-lab/timelinejs/dist');
if (!fs.existsSync(path.join(dist, 'js/timeline.js')))
  fail('the npm package @knight-lab/timelinejs is missing: run .ci/setup ' +
       '(it runs npm ci --prefix tests/browser)');
const data = JSON.parse(fs.readFileSync(path.join(out, 'timelinejs.json'), 'utf8'));
const slides = data.events.length + (data.title ? 1 : 0);

// The page and TimelineJS side by side under one served root.
const root = fs.mkdtempSync(path.join(path.resolve(out), 'www-'));
fs.symlinkSync(dist, path.join(root, 'tl'));
fs.copyFileSync(path.join(out, 'timelinejs.json'), path.join(root, 'data.json'));
process.on('exit', () => fs.rmSync(root, {recursive: true, force: true}));

const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>timelinejs.json</title>
<link rel="stylesheet" href="tl/css/timeline.css">
<script src="tl/js/timeline.js"></script>
<style>html, body { margin: 0; height: 100%; } #timeline { height: 640px; }</style>
</head><body><div id="timeline"></div>
<script>
// font: null, or TimelineJS fetches its default font from Google.
fetch('data.json').then(function (r) { return r.json(); }).then(function (d) {
  window.tl = new TL.Timeline('timeline', d, {script_path: new URL('tl/js/', location.href).href,
                                              language: 'en', font: null});
  window.tl.on('loaded', function () { window.tlLoaded = true; });
});
</script></body></html>
`;

browserTest({
  name: 'timelinejs', shots, root, html,
  waitFor: () => document.querySelectorAll('.tl-slide').length > 0 &&
                 document.querySelectorAll('.tl-timemarker').length > 0,
  check: async (page) => {
    const problems = [];
    const seen = await page.evaluate(() => ({
      slides: document.querySelectorAll('.tl-slide').length,
      titleSlide: document.querySelectorAll('.tl-slide-titleslide').length,
      markers: document.querySelectorAll('.tl-timemarker').length,
      headlines: [...document.querySelectorAll('.tl-slide .tl-headline')]
                     .map((h) => h.textContent.trim()),
      loaded: !!window.tlLoaded,
    }));
    if (seen.slides !== slides)
      problems.push(`${seen.slides} slides, want ${slides} ` +
                    `(${data.events.length} events + title)`);
    if (data.title && seen.titleSlide !== 1)
      problems.push(`${seen.titleSlide} title slides, want 1`);
    if (seen.markers !== data.events.length)
      problems.push(`${seen.markers} time markers, want ${data.events.length}`);
    for (const ev of data.events) {
      const want = ev.text.headline.replace(/<[^>]*>/g, '').trim();
      if (!seen.headlines.some((h) => h === want))
        problems.push(`no slide headed "${want}"`);
    }
    // Go to the first event, so the screenshot shows one.
    await page.evaluate(() => window.tl.goTo(1));
    await page.waitForTimeout(800);
    console.log(`timelinejs: ${seen.slides} slides (${seen.titleSlide} title), ` +
                `${seen.markers} markers, loaded event ${seen.loaded}`);
    return problems;
  },
});
