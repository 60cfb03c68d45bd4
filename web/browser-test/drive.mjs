// Drives Debian's Chromium with playwright-core through the browser scenarios and prints
// one JSON line of what the pages showed; tests/test_browser.py checks it.
//   node drive.mjs <client page URL> <plan id to submit> <GraphiQL URL> <token> <query file>
//                  <subscription file> <plan id that the GraphiQL scenario submits over HTTP>
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [clientUrl, planId, graphiqlUrl, token, queryFile, subscriptionFile, otherPlanId] =
  process.argv.slice(2);
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const TIMEOUT = 60_000;

// Every websocket frame of a page, in order: what was sent, what came back.
function watchSockets(page) {
  const frames = [];
  const typeOf = (payload) => { try { return JSON.parse(payload).type; } catch { return "?"; } };
  page.on("websocket", (socket) => {
    frames.push({ url: socket.url(), type: "open" });
    socket.on("framesent", (f) => frames.push({ url: socket.url(), type: typeOf(f.payload), sent: true, payload: f.payload }));
    socket.on("framereceived", (f) => frames.push({ url: socket.url(), type: typeOf(f.payload), payload: f.payload }));
    socket.on("close", () => frames.push({ url: socket.url(), type: "close" }));
  });
  return frames;
}

// The server answers a ping only once the subscriptions sent before it are live (README,
// "Start"); the clients' keep-alive pings serve as that proof, so nothing is timed here.
function subscriptionsLive(frames, count) {
  let subscribes = 0;
  let pinged = false;
  for (const frame of frames) {
    if (frame.sent && frame.type === "subscribe") { subscribes += 1; pinged = false; }
    else if (frame.sent && frame.type === "ping" && subscribes >= count) pinged = true;
    else if (!frame.sent && frame.type === "pong" && pinged) return true;
  }
  return false;
}

async function waitUntil(check, what) {
  const deadline = Date.now() + TIMEOUT;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function sentInits(frames) {
  return frames.filter((f) => f.sent && f.type === "connection_init").map((f) => ({ url: f.url, payload: JSON.parse(f.payload).payload }));
}

async function clientScenario(context) {
  const page = await context.newPage();
  const seen = { requests: [], problems: [] };
  const frames = watchSockets(page);
  page.on("request", (r) => seen.requests.push(`${r.method()} ${r.url()}`));
  page.on("pageerror", (e) => seen.problems.push(e.message));
  await page.goto(clientUrl);
  await page.waitForFunction(() => document.querySelector("#message").textContent !== "", null, { timeout: TIMEOUT });
  seen.account = await page.textContent("#account");
  seen.loaded = await page.textContent("#message");
  await waitUntil(() => subscriptionsLive(frames, 2), "the page's two subscriptions to be live");
  const item = page.locator(`#plans li[data-plan-id="${planId}"]`);
  seen.before = await item.locator(".status").textContent();
  await item.locator("button").click();
  await page.waitForFunction(
    (id) => document.querySelector(`#plans li[data-plan-id="${id}"] .status`).textContent !== "DRAFT" ||
      document.querySelector("#message").textContent.startsWith("Refused"),
    planId, { timeout: TIMEOUT },
  );
  seen.after = await item.locator(".status").textContent();
  seen.message = await page.textContent("#message");
  // The live events for the submitted plan, on the page.
  await page.waitForSelector(`#events li[data-kind="STATUS_CHANGED"][data-node-id="${planId}"]`, { timeout: TIMEOUT });
  await page.waitForSelector(`#moves li[data-plan-id="${planId}"]`, { timeout: TIMEOUT });
  seen.events = await page.$$eval("#events li", (items) => items.map((i) => ({ kind: i.dataset.kind, nodeId: i.dataset.nodeId, text: i.textContent })));
  seen.moves = await page.$$eval("#moves li", (items) => items.map((i) => ({ planId: i.dataset.planId, text: i.textContent })));
  seen.sockets = sentInits(frames);
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

// A subscription typed into GraphiQL gets the event of a status change made over HTTP.
async function graphiqlSubscriptionScenario(context) {
  const page = await context.newPage();
  const seen = { requests: [], problems: [] };
  const frames = watchSockets(page);
  page.on("request", (r) => seen.requests.push(`${r.method()} ${r.url()}`));
  page.on("pageerror", (e) => seen.problems.push(e.message));
  page.on("console", (m) => { if (m.text().includes("Content Security Policy")) seen.problems.push(m.text()); });
  await page.goto(graphiqlUrl);
  await page.waitForSelector(".graphiql-query-editor .CodeMirror", { timeout: TIMEOUT });
  await setEditor(page, ".graphiql-editor-tool", JSON.stringify({ Authorization: `Bearer ${token}` }));
  await setEditor(page, ".graphiql-query-editor", readFileSync(subscriptionFile, "utf8"));
  await page.click(".graphiql-execute-button");
  await waitUntil(() => subscriptionsLive(frames, 1), "GraphiQL's subscription to be live");
  const answer = await fetch(graphiqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: "mutation($input: ChangeBusinessPlanStatusInput!) { changeBusinessPlanStatus(input: $input) { businessPlan { status } userErrors { message } } }",
      variables: { input: { id: otherPlanId, status: "SUBMITTED" } },
    }),
  });
  seen.mutation = await answer.json();
  await page.waitForFunction(
    () => (document.querySelector(".graphiql-response .CodeMirror")?.CodeMirror?.getValue() ?? "").includes("STATUS_CHANGED"),
    null, { timeout: TIMEOUT },
  );
  seen.response = await page.evaluate(() => document.querySelector(".graphiql-response .CodeMirror").CodeMirror.getValue());
  seen.visible = await page.locator(".graphiql-response").innerText();
  seen.sockets = sentInits(frames);
  await page.close();
  return seen;
}

// The same page from an origin not on PLANGRAPH_CORS_ORIGINS (127.0.0.1 instead of localhost):
// the browser keeps the HTTP answers from it and the server refuses its websocket handshake.
async function strangerScenario(context) {
  const page = await context.newPage();
  const seen = { socketErrors: [] };
  const frames = watchSockets(page);
  page.on("websocket", (socket) => socket.on("socketerror", (e) => seen.socketErrors.push(String(e))));
  const stranger = new URL(clientUrl);
  stranger.hostname = "127.0.0.1";
  await page.goto(stranger.toString());
  await page.waitForFunction(() => document.querySelector("#message").textContent !== "", null, { timeout: TIMEOUT });
  seen.message = await page.textContent("#message");
  await waitUntil(() => frames.some((f) => f.type === "close"), "the refused socket to close");
  seen.received = frames.filter((f) => f.payload !== undefined && !f.sent).map((f) => f.payload);
  seen.opened = frames.filter((f) => f.type === "open").length;
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
  const graphiqlLive = await graphiqlSubscriptionScenario(context);
  const stranger = await strangerScenario(context);
  console.log(JSON.stringify({ client, graphiql, graphiqlLive, stranger }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
