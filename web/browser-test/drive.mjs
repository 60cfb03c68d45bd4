// Drives Debian's Chromium with playwright-core through the two browser scenarios and prints
// one JSON line of what the pages showed; tests/test_browser.py checks it.
//   node drive.mjs <client page URL> <plan id to submit> <GraphiQL URL> <token> <query file>
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [clientUrl, planId, graphiqlUrl, token, queryFile] = process.argv.slice(2);
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const TIMEOUT = 60_000;

async function clientScenario(context) {
  const page = await context.newPage();
  const seen = { requests: [], problems: [] };
  page.on("request", (r) => seen.requests.push(`${r.method()} ${r.url()}`));
  page.on("pageerror", (e) => seen.problems.push(e.message));
  await page.goto(clientUrl);
  await page.waitForFunction(() => document.querySelector("#message").textContent !== "", null, { timeout: TIMEOUT });
  seen.account = await page.textContent("#account");
  seen.loaded = await page.textContent("#message");
  const item = page.locator(`li[data-plan-id="${planId}"]`);
  seen.before = await item.locator(".status").textContent();
  await item.locator("button").click();
  await page.waitForFunction(
    (id) => document.querySelector(`li[data-plan-id="${id}"] .status`).textContent !== "DRAFT" ||
      document.querySelector("#message").textContent.startsWith("Refused"),
    planId, { timeout: TIMEOUT },
  );
  seen.after = await item.locator(".status").textContent();
  seen.message = await page.textContent("#message");
  // A refresh: the document is known now, so the picture comes back for its hash alone.
  seen.firstVisit = seen.requests.splice(0);
  await page.reload();
  await page.waitForFunction(() => document.querySelector("#message").textContent !== "", null, { timeout: TIMEOUT });
  seen.afterRefresh = await item.locator(".status").textContent();
  await page.close();
  return seen;
}

async function setEditor(page, selector, text) {
  await page.locator(`${selector} .CodeMirror >> visible=true`).first().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);  // typed as input, so no brackets are auto-closed
}

async function graphiqlScenario(context) {
  const page = await context.newPage();
  const seen = { requests: [], problems: [] };
  page.on("request", (r) => seen.requests.push(`${r.method()} ${r.url()}`));
  page.on("pageerror", (e) => seen.problems.push(e.message));
  page.on("console", (m) => { if (m.text().includes("Content Security Policy")) seen.problems.push(m.text()); });
  await page.goto(graphiqlUrl);
  await page.waitForSelector(".graphiql-query-editor .CodeMirror", { timeout: TIMEOUT });
  await setEditor(page, ".graphiql-editor-tool", JSON.stringify({ Authorization: `Bearer ${token}` }));
  await setEditor(page, ".graphiql-query-editor", readFileSync(queryFile, "utf8"));
  await page.click(".graphiql-execute-button");
  await page.waitForFunction(
    () => (document.querySelector(".graphiql-response .CodeMirror")?.CodeMirror?.getValue() ?? "").includes('"data"'),
    null, { timeout: TIMEOUT },
  );
  seen.response = await page.evaluate(() => document.querySelector(".graphiql-response .CodeMirror").CodeMirror.getValue());
  seen.visible = await page.locator(".graphiql-response").innerText();
  await page.close();
  return seen;
}

// A fresh profile each run (Playwright passes it to Chromium as --user-data-dir).
const profile = mkdtempSync(join(tmpdir(), "plangraph-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: FLAGS,
  timeout: TIMEOUT,
});
try {
  const client = await clientScenario(context);
  const graphiql = await graphiqlScenario(context);
  console.log(JSON.stringify({ client, graphiql }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
