"""`serve`: the explorer in a browser. The web framework is imported here, inside the command, so that
`match` and the other commands start no slower for it."""

import errno
import socket
import sys
import threading
import webbrowser

import click

from .app import EXIT_USAGE, cli, knowledge_option, rules_option

LOCAL = "127.0.0.1"


@cli.command()
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option(
    "--host",
    default=LOCAL,
    show_default=True,
    help="Address to listen on. Anything but 127.0.0.1 opens it to the network.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@knowledge_option
@rules_option
def serve(port, host, open_browser, kb):
    """Start the web app (explore, reasoning, questionnaire, rules, cases) and print its address.

    Everything it needs ships in the package; it works offline and keeps nothing after it stops.
    """
    try:
        import uvicorn

        from ..web.app import LOCAL_HOSTS, create_app
        from ..web.serverlog import bounded_server_log
    except ImportError as exc:
        click.echo(f"symptom-explorer: serve needs the web extra ({exc.name} is missing):", err=True)
        click.echo('  pip install "symptom-explorer[web]"', err=True)
        sys.exit(EXIT_USAGE)
    if host != LOCAL:
        click.echo(
            f"Warning: listening on {host}: anyone who can reach this machine on that network can use it.", err=True
        )
    sock = _bind(host, port)
    address = f"http://{host if ':' not in host else f'[{host}]'}:{sock.getsockname()[1]}/"
    click.echo(f"symptom-explorer is running at {address}  (Ctrl-C to stop)")
    click.echo("Educational only, not a diagnosis.")
    if kb.pack is not None:
        click.echo(f"Serving the built-in knowledge plus a rule pack. {kb.pack.note}")
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(address,)).start()
    app = create_app(kb, allowed_hosts=LOCAL_HOSTS if host == LOCAL else ("*",))
    # log_config=None: uvicorn's own handler writes tracebacks to stderr from the event loop, and blocks it
    # when nobody reads stderr; bounded_server_log writes one short line per event from a thread instead
    config = uvicorn.Config(app, log_level="warning", access_log=False, log_config=None)
    try:
        with bounded_server_log():
            uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn shuts down cleanly on Ctrl-C, then passes the signal on: stopping is not an error
    click.echo("Stopped.")


def _bind(host: str, port: int) -> socket.socket:
    """Bind before starting the server, so a taken port or a bad address is one clear message."""
    try:
        family, kind, proto = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][:3]
        # proto must say TCP: asyncio sets TCP_NODELAY only on such sockets, and without it every answer
        # after the first on a kept-alive connection waits ~40 ms for a delayed ACK
        sock = socket.socket(family, kind, proto or socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            message = f"port {port} is already in use on {host}; choose another with --port N (0 picks a free one)"
        else:
            message = f"cannot listen on {host}:{port}: {exc.strerror or exc}"
        click.echo(f"symptom-explorer: {message}", err=True)
        sys.exit(EXIT_USAGE)
    return sock
