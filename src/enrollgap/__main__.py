"""The enrollgap command: ``enrollgap`` and ``python -m enrollgap`` start here."""

from __future__ import annotations

import sys


def main() -> None:
    """The console script's entry point."""
    try:
        from enrollgap.cli import main as command_line
    except KeyboardInterrupt:  # Ctrl-C while starting: no traceback
        sys.stderr.write("\n")
        sys.exit(130)
    command_line()


if __name__ == "__main__":
    main()
