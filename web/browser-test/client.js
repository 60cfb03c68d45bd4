// A single-page app on another origin, as a front-end developer would write it: urql with
// automatic persisted queries (hashes over GET), the token in the Authorization header, and
// live updates over graphql-ws (the token in connection_init's payload).
// Bundled by esbuild from web/node_modules (web/package-lock.json); nothing from a CDN.
import { Client, fetchExchange, gql, subscriptionExchange } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";
import { createClient as createWsClient } from "graphql-ws";

const params = new URLSearchParams(window.location.search);

const live = createWsClient({
  url: params.get("api").replace(/^http/, "ws"),
  connectionParams: { Authorization: `Bearer ${params.get("token")}` },
  keepAlive: 1000, // a dropped connection shows within a second or two
  shouldRetry: () => true, // a server restart closes with 1012: come back
});

const client = new Client({
  url: params.get("api"),
  exchanges: [
    persistedExchange({ preferGetForPersistedQueries: true, enableForMutation: true }),
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: live.subscribe(request, sink) }),
      }),
    }),
    fetchExchange,
  ],
  fetchOptions: () => ({ headers: { Authorization: `Bearer ${params.get("token")}` } }),
  requestPolicy: "network-only",
});

const PICTURE = gql`
  query AccountPicture($id: ID!) {
    account(id: $id) {
      name
      contacts { nodes { firstName lastName } }
      businessPlans(rootOnly: true) {
        totalCount
        edges {
          via
          node {
            id
            name
            status
            revenueTarget { amount currency }
            wonRevenue { amount currency }
            subPlans { nodes { name status } }
          }
        }
      }
    }
  }
`;

const SUBMIT = gql`
  mutation SubmitPlan($input: ChangeBusinessPlanStatusInput!) {
    changeBusinessPlanStatus(input: $input) {
      businessPlan { id status }
      userErrors { field message code }
    }
  }
`;

const ACCOUNT_CHANGED = gql`
  subscription AccountChanged($id: ID!) {
    accountChanged(accountId: $id) { kind nodeId changedBy { name } }
  }
`;

const PLAN_STATUS_CHANGED = gql`
  subscription PlanStatusChanged($id: ID!) {
    businessPlanStatusChanged(accountId: $id) {
      businessPlan { id name status }
      change { to }
    }
  }
`;

function show(id, text) {
  document.getElementById(id).textContent = text;
}

function planItem(edge) {
  const item = document.createElement("li");
  item.dataset.planId = edge.node.id;
  const label = document.createElement("span");
  label.className = "plan";
  label.textContent = `${edge.node.name} (${edge.via})`;
  const status = document.createElement("span");
  status.className = "status";
  status.textContent = edge.node.status;
  item.append(label, " ", status);
  if (edge.node.status === "DRAFT") {
    const button = document.createElement("button");
    button.textContent = "Submit";
    button.addEventListener("click", () => submit(edge.node.id, status, button));
    item.append(" ", button);
  }
  return item;
}

async function load() {
  const result = await client.query(PICTURE, { id: params.get("account") }).toPromise();
  if (result.error) return show("message", `Error: ${result.error.message}`);
  const account = result.data.account;
  show("account", account.name);
  document.getElementById("plans").replaceChildren(...account.businessPlans.edges.map(planItem));
  show("message", `${account.businessPlans.totalCount} plans`);
}

async function submit(planId, status, button) {
  button.disabled = true;
  const input = { id: planId, status: "SUBMITTED" };
  const result = await client.mutation(SUBMIT, { input }).toPromise();
  const payload = result.data && result.data.changeBusinessPlanStatus;
  if (result.error || payload.userErrors.length) {
    return show("message", `Refused: ${result.error ? result.error.message : payload.userErrors[0].message}`);
  }
  status.textContent = payload.businessPlan.status;
  show("message", "Submitted");
}

function listen() {
  const id = params.get("account");
  client.subscription(ACCOUNT_CHANGED, { id }).subscribe((result) => {
    if (result.error) return show("message", `Live error: ${result.error.message}`);
    const event = result.data.accountChanged;
    const item = document.createElement("li");
    item.dataset.kind = event.kind;
    item.dataset.nodeId = event.nodeId;
    item.textContent = `${event.kind} ${event.nodeId} by ${event.changedBy ? event.changedBy.name : "?"}`;
    document.getElementById("events").append(item);
  });
  client.subscription(PLAN_STATUS_CHANGED, { id }).subscribe((result) => {
    if (result.error) return show("message", `Live error: ${result.error.message}`);
    const { businessPlan, change } = result.data.businessPlanStatusChanged;
    const item = document.createElement("li");
    item.dataset.planId = businessPlan.id;
    item.textContent = `${businessPlan.name} is now ${change.to}`;
    document.getElementById("moves").append(item);
    const status = document.querySelector(`#plans li[data-plan-id="${businessPlan.id}"] .status`);
    if (status) status.textContent = businessPlan.status;
  });
}

listen();
load();
