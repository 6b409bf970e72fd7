"""`python -m tests.harness.ckan install`: prepare the CKAN virtualenv (fast when done)."""

import argparse
import sys

from ..processes import ServiceError
from .install import install


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.harness.ckan")
    parser.add_argument("command", choices=["install"])
    parser.parse_args(argv)
    try:
        install(log=lambda message: print(message, file=sys.stderr, flush=True))
    except ServiceError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
