// The README's graphql-ws client (keep `after` up to date so every retry resumes), printing
// one JSON line per thing that happens, for tests/test_live_js.py.
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [url, token, accountId] = process.argv.slice(2);
const say = (line) => console.log(JSON.stringify(line));
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
  retryAttempts: Infinity,
  shouldRetry: () => true, // also when the server is down for a moment (connection refused)
  retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
  on: {
    connected: () => say({ connected: true }),
    closed: (event) => say({ closed: event.code }),
  },
});

const payload = {
  query: `subscription($id: ID!, $after: String) {
    accountChanged(accountId: $id, after: $after) { cursor kind nodeId }
  }`,
  variables: { id: accountId, after: null },
};
client.subscribe(payload, {
  next: ({ data, errors }) => {
    if (errors) return say({ errors });
    payload.variables.after = data.accountChanged.cursor;
    say({ event: data.accountChanged });
  },
  error: (error) => say({ error: String(error) }),
  complete: () => say({ complete: true }),
});
process.stdin.on("end", () => process.exit(0)); // the test closes stdin when done
process.stdin.resume();
