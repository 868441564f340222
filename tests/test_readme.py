"""The README and docs/ stay true: the Quick start, and every example shown with its output."""

import re
import shlex
from pathlib import Path

import pytest

from conftest import run

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text()
PAGES = {path.name: path.read_text() for path in sorted((ROOT / "docs").glob("*.md"))}


def page(name: str) -> str:
    return PAGES[name]


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1]
    block = section.split("```", 2)[1]
    return [line for line in block.splitlines()[1:] if line.strip() and not line.startswith("#")]


def test_quick_start_has_two_commands_install_and_run_then_install_and_test():
    first, second = quick_start_commands()
    assert first.startswith("pip install . && enrollgap report ")
    assert second == "pip install -e '.[test]' && python -m pytest"


def test_quick_start_report_runs():
    first = quick_start_commands()[0]
    args = shlex.split(first.split("&& enrollgap ", 1)[1])
    result = run(*args)
    assert result.exit_code == 0, result
    assert "17.029" in result.stdout and "Rp 260,3 miliar" in result.stdout


def test_ci_runs_exactly_the_test_command_of_the_quick_start():
    ci = (ROOT / ".ci" / "run").read_text()
    assert f"\n{quick_start_commands()[1]}\n" in ci


def test_every_page_the_readme_links_to_exists():
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        assert (ROOT / target).exists(), target
        assert not target.startswith(".."), target


def console_examples(text: str):
    """(command, expected output) for console blocks shown in full (no '...')."""
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        if "..." in block:
            continue
        parts = re.split(r"^\$ ", block, flags=re.M)[1:]
        for part in parts:
            command, _, output = part.partition("\n")
            yield command, output


@pytest.mark.parametrize("name", ["README.md", *PAGES])
def test_console_examples_print_what_the_page_shows(name):
    examples = list(console_examples(README if name == "README.md" else page(name)))
    if name == "README.md":
        assert len(examples) >= 2
    for command, expected in examples:
        args = shlex.split(command)
        assert args[0] == "enrollgap"
        result = run(*args[1:])
        assert (result.stdout + result.stderr) == expected, command


def test_the_error_example_is_what_enrollgap_prints():
    shown = re.search(r"^enrollgap: error: rows\.csv:90002:2: (.*)$", page("output.md"), re.M).group(1)
    text = "sector,enrolled,potential\n" + "a,1,2\n" * 90000 + "a,oops,2\n"
    result = run("report", "-", input=text)
    assert result.stderr == f"enrollgap: error: <stdin>:90002:2: {shown}\n"


def test_the_python_api_example_gives_what_its_comments_say():
    block = re.search(r"^# Python API.*?```python\n(.*?)```", page("python.md"), re.S | re.M).group(1)
    namespace: dict = {}
    statements, checks = [], []
    for line in block.splitlines():
        code, _, comment = line.partition("  # ")
        if comment and not code.lstrip().startswith(("from ", "import ")) and "=" not in code.split("(")[0]:
            checks.append((code.strip(), comment.split(":")[0].strip()))
        else:
            statements.append(line)
    exec("\n".join(statements), namespace)
    assert len(checks) == 4
    for expression, expected in checks:
        assert eval(expression, namespace) == eval(expected, namespace), expression


def test_the_workbook_example_prints_the_notes_the_readme_shows(tmp_path, monkeypatch):
    from test_exports import workbook

    monkeypatch.chdir(tmp_path)
    workbook(tmp_path / "kec.xlsx")
    section = page("input.md").split("## Real exports", 1)[1]
    shown = re.search(r"```\n(enrollgap: note: .*?)```", section, re.S).group(1)
    result = run("report", "kec.xlsx", "--locale", "id", "-f", "json")
    assert result.stderr == shown
    assert result.json()["total"]["enrolled"] == 2614


def test_the_years_examples_are_what_enrollgap_prints(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "panel.csv").write_text(
        "tahun,sektor,peserta,potensi\n2022,Petani,1204,38500\n2023,Petani,1900,38900\n2024,Petani,2950,39300\n"
        "2022,Nelayan,410,9800\n2023,Nelayan,415,9800\n2024,Nelayan,430,9900\n"
    )
    section = page("years.md")
    report_row = re.search(r"^│ Petani .*$", section, re.M).group(0)
    table = run("report", "panel.csv", env={"COLUMNS": "200"}).stdout
    petani = next(line for line in table.splitlines() if line.startswith("│ Petani"))
    shown = [cell.strip() for cell in report_row.split("│") if cell.strip() and cell.strip() != "..."]
    assert all(cell in petani for cell in shown), (shown, petani)
    pace = run("project", "panel.csv", "--target", "10", "--by", "2027").stdout
    for sentence in re.findall(r"^At the observed .*$", section, re.M):
        assert sentence in pace


def test_the_money_examples_print_what_the_readme_shows():
    section = page("money.md")
    block = re.search(r"```console\n(.*?)```", section, re.S).group(1)
    for part in re.split(r"^\$ ", block, flags=re.M)[1:]:
        command, _, output = part.partition("\n")
        expected = [line for line in output.splitlines() if line != "..."]
        result = run(*shlex.split(command)[1:])
        assert result.exit_code == 0, result
        for line in expected:
            assert line in result.stdout, line
