"""GraphiQL from the server itself: its files come from web/ (pinned by web/package-lock.json).

No other site is contacted: the page's Content-Security-Policy allows only this origin.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response

from schema.http_cache import matches

WEB = Path(__file__).resolve().parents[1] / "web"
# The only files served under /graphiql/assets/: a fixed map, so no path reaches elsewhere.
ASSETS = {
    "react.production.min.js": "node_modules/react/umd/react.production.min.js",
    "react-dom.production.min.js": "node_modules/react-dom/umd/react-dom.production.min.js",
    "graphql-ws.min.js": "node_modules/graphql-ws/umd/graphql-ws.min.js",
    "graphiql.min.js": "node_modules/graphiql/graphiql.min.js",
    "graphiql.min.css": "node_modules/graphiql/graphiql.min.css",
    "plangraph-graphiql.js": "graphiql/plangraph-graphiql.js",
    "plangraph-graphiql.css": "graphiql/plangraph-graphiql.css",
}
# GraphiQL sets inline styles and ships its fonts as data: URLs; nothing else is let in.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
PAGE_HEADERS = {"content-security-policy": CONTENT_SECURITY_POLICY, "cache-control": "no-cache"}

NOT_INSTALLED = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GraphiQL is not installed</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>GraphiQL is not installed</h1>
<p>The server serves GraphiQL from its own <code>web/</code> folder, and its files are not
there yet. Install them with npm (it comes with Node.js, e.g. <code>apt-get install npm</code>):</p>
<pre>cd web &amp;&amp; npm ci</pre>
<p><code>./dev demo</code> does this by itself when npm is installed. Then reload this page.</p>
<p>The API works without it: <code>POST /graphql</code> with your token.</p>
</body></html>
"""


class GraphiQL:
    """The GraphiQL page and its assets, or a page saying how to install them."""

    def __init__(self, web: Path = WEB) -> None:
        self.web = web

    def installed(self) -> bool:
        return all((self.web / path).is_file() for path in ASSETS.values())

    def page(self) -> Response:
        if not self.installed():
            return HTMLResponse(NOT_INSTALLED, 200, headers=PAGE_HEADERS)
        html = (self.web / "graphiql" / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(html, headers=PAGE_HEADERS)

    async def asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        path = self.web / ASSETS[name] if name in ASSETS else None
        if path is None or not path.is_file():
            return PlainTextResponse("Not found", 404)
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'  # changes when npm ci replaces it
        if matches(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers={"etag": etag})
        return FileResponse(path, headers={"cache-control": "no-cache", "etag": etag})
