// Opens HTML reports in headless Chromium and checks them as a colleague's browser would:
// the page renders (title, headings, one drawing per domain), nothing is loaded from outside
// the file, it fits a phone's width, it prints on A4, and axe-core finds no serious or critical
// accessibility violation. Called by scripts/report-check.sh; exits 1 on any failure.
//
// Usage: node report-check.mjs CHROMIUM OUT_DIR REPORT.html…

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [chromium, outDir, ...reports] = process.argv.slice(2);
let failures = 0;
const fail = (report, message) => {
  failures += 1;
  console.log(`FAIL ${report}: ${message}`);
};

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  for (const report of reports) {
    const url = pathToFileURL(resolve(report)).href;
    const page = await browser.newPage();
    const outside = [];
    const errors = [];
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const target = request.url().split("#")[0];
      if (target === url || target.startsWith("data:")) {
        request.continue();
      } else {
        outside.push(target);
        request.abort();
      }
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });

    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: "load" });
    const shape = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelector("h1")?.textContent ?? "",
      plots: document.querySelectorAll('svg[role="img"]').length,
      plotWidth: document.querySelector("svg.plot")?.getBoundingClientRect().width ?? 0,
      tables: document.querySelectorAll("table").length,
      scripts: document.querySelectorAll("script").length,
    }));
    if (!shape.lang) fail(report, "no lang attribute");
    if (!shape.h1.trim()) fail(report, "no title");
    if (shape.plots < 2) fail(report, `only ${shape.plots} drawings`);
    if (shape.plotWidth < 600) fail(report, `drawings are only ${shape.plotWidth}px wide on a desktop`);
    if (shape.scripts !== 0) fail(report, "the report has a script");
    await page.screenshot({ path: join(outDir, `${basename(report, ".html")}-desktop.png`) });

    // axe-core runs inside the page (added by this check, not part of the report).
    await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
    );
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    for (const violation of result.violations) {
      const nodes = violation.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
      console.log(`  axe ${violation.impact}: ${violation.id} (${violation.nodes.length}×) ${violation.help} — ${nodes}`);
    }
    for (const violation of serious) fail(report, `axe ${violation.impact}: ${violation.id}`);

    // A phone: the page itself must not scroll sideways (wide tables scroll in their own box).
    await page.setViewport({ width: 375, height: 812, deviceScaleFactor: 2, isMobile: true });
    const phone = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: window.innerWidth,
      plot: document.querySelector("svg.plot")?.getBoundingClientRect().width ?? 0,
    }));
    if (phone.page > phone.view + 1) fail(report, `on a phone the page is ${phone.page}px wide in ${phone.view}px`);
    if (phone.plot > phone.view) fail(report, `on a phone a drawing is ${phone.plot}px wide`);
    await page.screenshot({ path: join(outDir, `${basename(report, ".html")}-phone.png`) });

    // A4 print.
    const pdf = await page.pdf({ path: join(outDir, `${basename(report, ".html")}.pdf`), format: "A4", printBackground: true });
    const pages = (Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    if (pages < 2) fail(report, `prints on ${pages} page(s)`);

    if (outside.length > 0) fail(report, `loads from outside: ${[...new Set(outside)].join(", ")}`);
    if (errors.length > 0) fail(report, `page errors: ${errors.join("; ")}`);
    console.log(
      `${failures === 0 ? "ok" : "checked"} ${report}: lang=${shape.lang}, ${shape.plots} drawings, ${shape.tables} tables, ` +
        `${result.violations.length} axe findings (${serious.length} serious/critical), ${result.passes.length} rules passed, ` +
        `${pages} A4 pages, phone width ${phone.page}/${phone.view}px, ${outside.length} outside requests`,
    );
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
