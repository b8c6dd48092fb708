// Renders pages of the built docs site in headless Chromium at a desktop
// and a phone width and fails when a page scrolls sideways
// (document.documentElement.scrollWidth > innerWidth) or logs a console
// error. It serves the site over HTTP itself, as a host would, and writes
// a screenshot of every page and width to --shots, which it names.
//
//   node conformance/site-check.mjs --site SITE_DIR --shots DIR page.html ...
//
// Chromium: the one in CHROMIUM, else /usr/bin/chromium (Debian: chromium).

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import puppeteer from "puppeteer-core";

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0 || i + 1 >= args.length) throw new Error(`${name} is required`);
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const site = path.resolve(opt("--site"));
const shots = path.resolve(opt("--shots"));
const pages = args;
const widths = [1280, 390];
fs.mkdirSync(shots, { recursive: true });

const types = { ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png" };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (p.endsWith("/")) p += "index.html";
  const file = path.join(site, path.normalize(p));
  if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // Without the background-networking flags Chromium keeps dialling hosts
  // a closed network refuses; none of them is needed to render a page.
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const problems = [];
try {
  for (const p of pages) {
    for (const width of widths) {
      const page = await browser.newPage();
      const errors = [];
      page.on("console", (m) => {
        // Fonts and icons from the web are not there offline; anything else is a fault.
        if (m.type() === "error" && !/fonts\.g(oogle|static)|ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED)/.test(m.text() + (m.location().url || ""))) {
          errors.push(m.text());
        }
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.setViewport({ width, height: 900 });
      await page.goto(base + p, { waitUntil: "load" });
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      const shot = path.join(shots, `${p.replace(/[\\/]/g, "_").replace(/\.html$/, "")}-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      if (scroll > inner) problems.push(`${p} at ${width} px scrolls sideways: scrollWidth ${scroll} > innerWidth ${inner} (${shot})`);
      for (const e of errors) problems.push(`${p} at ${width} px: console error: ${e}`);
      console.log(`site-check: ${p} at ${width} px: scrollWidth ${scroll}, ${errors.length} console errors`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`site-check: screenshots in ${shots}`);
for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
