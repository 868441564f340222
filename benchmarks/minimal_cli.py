"""The smallest click program that does what `enrollgap report -s a 1 2` does:
a command with the same short options, exact coverage with Fraction, JSON out
(-f json) or a rich table (the default).

bench.py times it as the start-up floor: what any click tool with exact
arithmetic and JSON or rich pays on this machine before a line of its own logic.
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
    if fmt == "json":
        sys.stdout.write(json.dumps({"groups": groups}) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for name in ("Sector", "Enrolled", "Potential", "Coverage"):
        table.add_column(name)
    for group in groups:
        table.add_row(group["sector"], str(group["enrolled"]), str(group["potential"]), f"{group['coverage_pct']:.2f}%")
    Console().print(table)


if __name__ == "__main__":
    cli()
