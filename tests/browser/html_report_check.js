#!/usr/bin/env node
// Opens a ccscan HTML report in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core from tests/tools) and checks what an auditor relies on:
//   - no console errors or page errors, no request leaves file:// (the report is self-contained);
//   - the control matrix and the findings are present;
//   - choosing a filter hides findings, and a control link filters to that control;
//   - screenshots (screen and print media) land in OUTDIR for a human to look at.
// Usage: node html_report_check.js REPORT.html OUTDIR   (exit 0 ok, 1 check failed, 2 setup error)
"use strict";
const path = require("path");
const fs = require("fs");

const [report, outdir] = process.argv.slice(2);
if (!report || !outdir) {
  console.error("usage: html_report_check.js REPORT.html OUTDIR");
  process.exit(2);
}
let chromium;
try {
  ({ chromium } = require(path.join(__dirname, "..", "tools", "node_modules", "playwright-core")));
} catch (e) {
  console.error("playwright-core missing: run `npm ci` in tests/tools");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!fs.existsSync(executablePath)) {
  console.error(`chromium not found at ${executablePath}: apt-get install -y chromium`);
  process.exit(2);
}

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
}

async function visibleFindings(page) {
  return page.$$eval("article.finding", (els) => els.filter((e) => !e.hidden).length);
}

async function main() {
  fs.mkdirSync(outdir, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(require("os").tmpdir(), "ccscan-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  const errors = [];
  const external = [];
  context.on("request", (req) => {
    if (!req.url().startsWith("file://") && !req.url().startsWith("data:")) external.push(req.url());
  });
  const page = await context.newPage();
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto("file://" + path.resolve(report), { waitUntil: "load" });

  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  check(external.length === 0, `requests outside file://: ${external.join(", ")}`);
  const controls = await page.$$eval("table.matrix tr.control", (rows) => rows.length);
  check(controls > 0, "control matrix has no rows");
  const total = await page.$$eval("article.finding", (els) => els.length);
  check(total > 0, "no findings rendered");
  check((await visibleFindings(page)) === total, "not every finding is visible before filtering");
  const count = await page.textContent("#f-count");
  check(count.includes(`${total} of ${total}`), `filter count reads '${count}'`);
  await page.screenshot({ path: path.join(outdir, "report-top.png") });
  await page.screenshot({ path: path.join(outdir, "report-full.png"), fullPage: true });

  // A severity filter hides the other findings.
  const critical = await page.$$eval("article.finding.critical", (els) => els.length);
  await page.selectOption("#f-severity", "critical");
  check((await visibleFindings(page)) === critical && critical < total, "severity filter did not hide findings");
  await page.locator("#findings").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(outdir, "report-filtered.png") });
  await page.click("#f-reset");
  check((await visibleFindings(page)) === total, "reset did not show every finding again");

  // A control link in the matrix filters the findings to that control.
  const link = await page.$("a.control-link");
  if (link) {
    const control = await link.getAttribute("data-control");
    await link.click();
    const shown = await page.$$eval("article.finding", (els, c) =>
      els.filter((e) => !e.hidden).every((e) => (" " + e.dataset.controls + " ").includes(" " + c + " ")), control);
    check(shown && (await visibleFindings(page)) > 0, `control link ${control} did not filter findings`);
    check(!(await page.isHidden("#f-control-chip")), "control filter chip not shown");
  }

  // Hostile text must be text: no alert dialogs, no injected script elements.
  const scripts = await page.$$eval("script", (els) => els.length);
  check(scripts === 1, `expected only the report's own script, found ${scripts}`);

  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: path.join(outdir, "report-print.png"), fullPage: true });
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

main().then(() => {
  if (failures.length) {
    console.error("HTML report check failed:\n- " + failures.join("\n- "));
    process.exit(1);
  }
  console.log(`HTML report check passed; screenshots in ${outdir}`);
}, (err) => {
  console.error(String(err && err.stack || err));
  process.exit(2);
});
