"""The web app: one page (static HTML, CSS and JavaScript shipped in the package, no CDN) over the JSON
API in routes.py. Nothing is stored on the server: the page keeps the answers and sends them with each
request, so nothing outlives the process."""

from collections.abc import Callable
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.schemas import SchemaGenerator
from starlette.staticfiles import StaticFiles

from .. import ExplorerError, __version__, load_knowledge
from . import ask_routes, browse_routes, lab_routes, routes
from .crosssite import CrossSiteGuard
from .payload import WebInputError

# Scripts, styles, images and requests only from this server; no inline script or style, no frames, no
# plugins. The page builds every element with textContent, so a finding typed as HTML stays text. The one
# hash is cytoscape's own one-line <style> (".__________cytoscape_container { position: relative; }").
CYTOSCAPE_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; script-src 'self'; style-src 'self' {CYTOSCAPE_STYLE}; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}
# The shipped scripts and styles hold nothing of the person's: the browser may keep them but asks each time
# whether they changed (ETag), so an upgrade is seen at once and a page load does not fetch and compile the
# 430-KB graph library again. Pages and answers, which show findings, are never stored.
STATIC_CACHE = "no-cache"

SCHEMAS = SchemaGenerator(
    {
        "openapi": "3.0.0",
        "info": {
            "title": "symptom-explorer",
            "version": __version__,
            "description": "Educational, non-diagnostic. The same JSON as the command line's --format json.",
        },
    }
)


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every response (STATIC_CACHE under /static/)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        own = dict(SECURITY_HEADERS)
        if scope["path"].startswith("/static/"):
            own["cache-control"] = STATIC_CACHE

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1") not in own]
                headers += [(k.encode(), v.encode()) for k, v in own.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# what every POST may answer besides its own responses (payload.py, crosssite.py)
POST_RESPONSES = {
    400: {"description": "Not valid JSON (NaN and Infinity are not JSON; the body must be UTF-8)"},
    403: {"description": "Sent from a page on another origin (Origin or Sec-Fetch-Site)"},
    413: {"description": "Body too large"},
    415: {"description": "Not sent as Content-Type: application/json"},
    422: {"description": "A field of the wrong type or length, an unknown key or a key given twice"},
}


def openapi(request):
    schema = SCHEMAS.get_schema(routes=request.app.routes)
    for operations in schema.get("paths", {}).values():
        if "post" in operations:
            own = operations["post"].setdefault("responses", {})
            own.update({status: text for status, text in POST_RESPONSES.items() if status not in own})
    return JSONResponse(schema)


def index(request):
    page = resources.files("explorer.web").joinpath("static", "index.html").read_bytes()
    return Response(page, media_type="text/html; charset=utf-8")


async def not_found(request, exc):
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": f"no such endpoint: {request.url.path}"}, status_code=404)
    return Response("Not found", status_code=404, media_type="text/plain; charset=utf-8")


async def client_gone(request, exc: ClientDisconnect):
    """A client that left before sending its whole body: nobody is there to answer, and nothing to log."""
    return Response(status_code=400)


async def method_not_allowed(request, exc):
    """A wrong method: JSON under /api/ (what a script expects), with the Allow header either way."""
    headers = getattr(exc, "headers", None) or {}
    if request.url.path.startswith("/api/"):
        allowed = headers.get("Allow", "")
        message = f"{request.method} is not allowed on {request.url.path}" + (f"; use {allowed}" if allowed else "")
        return JSONResponse({"error": message}, status_code=405, headers=headers)
    return Response("Method not allowed", status_code=405, media_type="text/plain; charset=utf-8", headers=headers)


API_ROUTES = [
    Route("/api/explore", routes.api_explore, methods=["POST"]),
    Route("/api/what-if", routes.api_what_if, methods=["POST"]),
    Route("/api/parse", routes.api_parse, methods=["POST"]),
    Route("/api/questionnaire", ask_routes.api_questionnaire, methods=["POST"]),
    Route("/api/questionnaire/load", ask_routes.api_questionnaire_load, methods=["POST"]),
    Route("/api/symptoms", browse_routes.api_symptoms, methods=["GET"]),
    Route("/api/conditions", browse_routes.api_conditions, methods=["GET"]),
    Route("/api/conditions/{query}", browse_routes.api_condition, methods=["GET"]),
    Route("/api/compare", browse_routes.api_compare, methods=["GET"]),
    Route("/api/rules", browse_routes.api_rules, methods=["GET"]),
    Route("/api/network", browse_routes.api_network, methods=["GET"]),
    Route("/api/network/path", routes.api_network_path, methods=["POST"]),
    Route("/api/cases", browse_routes.api_cases, methods=["GET"]),
    Route("/api/lab/vocabulary", lab_routes.api_lab_vocabulary, methods=["GET"]),
    Route("/api/lab/validate", lab_routes.api_lab_validate, methods=["POST"]),
    Route("/api/lab/run", lab_routes.api_lab_run, methods=["POST"]),
    Route("/api/lab/try", lab_routes.api_lab_try, methods=["POST"]),
]


LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def create_app(kb=None, allowed_hosts=("*",)) -> Starlette:
    """The ASGI app over knowledge base ``kb`` (the built-in one by default). ``allowed_hosts``: the Host
    headers answered; `serve` on 127.0.0.1 passes LOCAL_HOSTS, so a web page elsewhere cannot reach the
    local server through a name of its own (DNS rebinding)."""
    static = StaticFiles(directory=str(resources.files("explorer.web").joinpath("static")))
    # Starlette types a handler as taking any exception; each of ours takes the kind it is registered for.
    handlers: dict[Any, Callable[..., Any]] = {
        WebInputError: routes.input_error,
        lab_routes.PackProblems: lab_routes.pack_problems,
        ClientDisconnect: client_gone,
        ExplorerError: routes.explorer_error,
        404: not_found,
        405: method_not_allowed,
    }
    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            *API_ROUTES,
            Route("/api/openapi.json", openapi, methods=["GET"], include_in_schema=False),
            Mount("/static", static, name="static"),
        ],
        exception_handlers=handlers,
    )
    app.state.kb = kb or load_knowledge()
    app.add_middleware(CrossSiteGuard)  # inside TrustedHostMiddleware: it compares Origin with a checked Host
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app
