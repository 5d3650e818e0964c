"""``taxcalc serve``: the HTTP service (needs the extra ``taxcalc-cn[server]``: FastAPI and uvicorn).

Safe by default: it binds 127.0.0.1; a body is at most 1 MiB (413 beyond); a request
is answered within 10 s (503 beyond); a bearer token (``TAXCALC_SERVICE_TOKEN`` or
``--token-file``), when given, is asked of every request, and must be given to bind to
an address other than a loopback one.  See docs/service.md.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import InvalidInput
from . import HAND_WRITTEN
from .common import add_law_options, add_output_options

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    from ..service.settings import MAX_BODY, TIME_LIMIT, TOKEN_ENV

    p: argparse.ArgumentParser = sub.add_parser(
        "serve", help=HAND_WRITTEN["serve"][0], description=HAND_WRITTEN["serve"][1],
        epilog="The routes and their schemas: GET /openapi.json.  Client examples in Java, C# and Python: "
        "docs/service.md.  --json and --lang are accepted as on every command; the service answers JSON.  "
        "--known-on and --what-if are query parameters of each request (known_on=DATE, what_if=KEY=VALUE), "
        "not options of the service.",
    )
    p.add_argument("--host", default="127.0.0.1",
                   help="the address to bind (default: 127.0.0.1); any other than a loopback address needs a token")
    p.add_argument("--port", default="8000", help="the port (default: 8000; 0 for any free one)")
    p.add_argument("--max-body", metavar="BYTES", default=str(MAX_BODY),
                   help=f"the largest request body, in bytes (default: {MAX_BODY}); larger ones are answered 413")
    p.add_argument("--time-limit", metavar="SECONDS", default=f"{TIME_LIMIT:g}",
                   help=f"the longest a request may take (default: {TIME_LIMIT:g}); longer ones are answered 503")
    p.add_argument("--token-file", metavar="FILE",
                   help=f"a file whose first line is the bearer token every request must give (default: the "
                        f"environment variable {TOKEN_ENV}, if set)")
    p.add_argument("--access-log", action="store_true", help="log every request on stderr")
    add_law_options(p)
    add_output_options(p)
    p.set_defaults(func=run)


def _number(text: str, option: str, kind: type[int] | type[float]) -> Any:
    try:
        return kind(text)
    except ValueError:
        raise InvalidInput(option, f"{text!r} is not a {'whole number' if kind is int else 'number'}") from None


def run(args: argparse.Namespace) -> str:
    """Serve until interrupted (Ctrl-C or SIGTERM); the process then ends with status 0."""
    from ..service.settings import Settings, check, read_token

    for given, option in ((args.known_on, "--known-on"), (args.what_if, "--what-if")):
        if given:
            raise InvalidInput(option, f"is given with each request, as the query parameter "
                                       f"{option[2:].replace('-', '_')}; the service serves the law as enacted")
    settings = check(Settings(host=args.host, port=_number(args.port, "--port", int),
                              max_body=_number(args.max_body, "--max-body", int),
                              time_limit=_number(args.time_limit, "--time-limit", float),
                              token=read_token(args.token_file)))
    try:
        import uvicorn

        from ..service.app import create_app
    except ImportError as exc:
        raise InvalidInput("serve", f"needs the server extra ({exc.name} is not installed): "
                                    "pip install 'taxcalc-cn[server]'") from None
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, access_log=args.access_log,
                log_level="info", server_header=False, timeout_graceful_shutdown=5)
    raise SystemExit(0)  # nothing to print: the service has stopped
