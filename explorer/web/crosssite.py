"""Requests that change nothing may come from anywhere; any other (a POST to the API) only from the page
this server serves. A browser says where a request comes from in ``Origin`` and ``Sec-Fetch-Site``, and a
page elsewhere cannot forge either, so a page on another site, another port or a sandboxed frame cannot
get a request processed here (cross-site request forgery against the local server). Requests without
those headers (curl, scripts) are not from a page and pass.

Own origin: this server's scheme and the Host the request was sent to, the Host that
TrustedHostMiddleware has already limited to the names the server is bound to."""

from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import JSONResponse

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# "same-site" is another origin too: another port on the same host, or a sibling subdomain
OWN_FETCH_SITES = ("same-origin", "none")
DEFAULT_PORTS = {"http": 80, "https": 443}


class CrossSiteGuard:
    """ASGI middleware: 403, as JSON, for a request that changes something and comes from another origin."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            problem = foreign(Headers(scope=scope), scope.get("scheme", "http"))
            if problem:
                response = JSONResponse({"error": f"refused: {problem}"}, status_code=403)
                return await response(scope, receive, send)
        await self.app(scope, receive, send)


def foreign(headers: Headers, scheme: str) -> str | None:
    """Why a request with these headers comes from another origin; None when it comes from this one."""
    site = headers.get("sec-fetch-site")
    if site is not None and site.lower() not in OWN_FETCH_SITES:
        return f"the browser says this request comes from another site (Sec-Fetch-Site: {site})"
    origin = headers.get("origin")
    if origin is None:
        return None
    got = _address(origin)
    if got is None or got != _address(f"{scheme}://{headers.get('host', '')}"):
        return f"a page from {origin} may not use this server; only its own page may"
    return None


def _address(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an origin or a Host; None for "null" (a sandboxed frame, a file) or garbage."""
    try:
        parts = urlsplit(url.strip().lower())
        if not parts.hostname:
            return None
        return parts.scheme, parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme, 0)
    except ValueError:  # a port that is not a number
        return None
