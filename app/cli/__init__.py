"""The command line, `mgraph`: each module registers its commands on the groups in `common`."""

import sys

from app.cli import data, ingest, keys, server  # noqa: F401  (registers their commands)
from app.cli.common import cli


def main() -> None:
    try:
        cli()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
