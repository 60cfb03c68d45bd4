// GraphiQL for plangraph: queries and mutations over HTTP POST, subscriptions over
// graphql-ws (graphql-transport-ws) on the same /graphql path. The token typed into the
// Headers tab goes in each request's Authorization header, and in connection_init's payload.
(function () {
  "use strict";
  var httpUrl = window.location.origin + "/graphql";
  var wsUrl = httpUrl.replace(/^http/, "ws");
  var wsClient = null;
  var wsAuthorization = null;

  function authorizationOf(headers) {
    for (var name in headers || {}) {
      if (name.toLowerCase() === "authorization") return String(headers[name]);
    }
    return "";
  }

  function isSubscription(params) {
    var text = String(params.query || "").replace(/#[^\n]*/g, "");
    var name = params.operationName;
    if (name) return new RegExp("\\bsubscription\\s+" + name + "\\b").test(text);
    return /^\s*subscription\b/.test(text);
  }

  function subscriptionClient(authorization) {
    if (wsClient === null || wsAuthorization !== authorization) {
      if (wsClient !== null) wsClient.dispose();
      wsAuthorization = authorization;
      wsClient = graphqlWs.createClient({
        url: wsUrl,
        lazy: true,
        keepAlive: 3000, // a ping every 3 s: a dropped socket shows at once, proxies keep it open
        connectionParams: authorization ? { Authorization: authorization } : {},
      });
    }
    return wsClient;
  }

  function fetcher(params, options) {
    var headers = (options && options.headers) || {};
    if (isSubscription(params)) {
      var client = subscriptionClient(authorizationOf(headers));
      return {
        subscribe: function (observer) {
          var dispose = client.subscribe(params, {
            next: function (value) { observer.next(value); },
            error: function (error) { observer.error(error); },
            complete: function () { observer.complete(); },
          });
          return { unsubscribe: dispose };
        },
      };
    }
    var sent = { "content-type": "application/json", accept: "application/json" };
    for (var name in headers) sent[name] = headers[name];
    return fetch(httpUrl, {
      method: "POST",
      headers: sent,
      body: JSON.stringify(params),
    }).then(function (response) { return response.json(); });
  }

  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultHeaders: '{\n  "Authorization": "Bearer <paste your API token here>"\n}',
      defaultEditorToolsVisibility: "headers",
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultQuery: "# Paste your token into the Headers tab below, then run:\n{\n  viewer {\n    name\n    email\n  }\n}\n",
    })
  );
})();
