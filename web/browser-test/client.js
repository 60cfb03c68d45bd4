// A single-page app on another origin, as a front-end developer would write it: urql with
// automatic persisted queries (hashes over GET), the token in the Authorization header.
// Bundled by esbuild from web/node_modules (web/package-lock.json); nothing from a CDN.
import { Client, fetchExchange, gql } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";

const params = new URLSearchParams(window.location.search);

const client = new Client({
  url: params.get("api"),
  exchanges: [
    persistedExchange({ preferGetForPersistedQueries: true, enableForMutation: true }),
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

load();
