"""The smallest click program that does what `enrollgap report -s a 1 2 -f json` does:
a command with the same short options, exact coverage with Fraction, JSON out.

bench.py times it as a second start-up floor: what any click tool with exact
arithmetic and JSON pays on this machine before a line of its own logic.
"""

import json
import sys
from fractions import Fraction

import click


@click.group()
@click.version_option("0", "--version")
def cli():
    pass


@cli.command()
@click.option("-s", "--sector", nargs=3, multiple=True)
@click.option("-f", "--format", "fmt", default="table")
def report(sector, fmt):
    rows = [(name, int(enrolled), int(potential)) for name, enrolled, potential in sector]
    groups = [
        {"sector": n, "enrolled": e, "potential": p, "coverage_pct": float(Fraction(100 * e, p))} for n, e, p in rows
    ]
    sys.stdout.write(json.dumps({"groups": groups}) + "\n")


if __name__ == "__main__":
    cli()
