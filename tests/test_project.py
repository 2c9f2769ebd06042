"""The project's own promises: README commands are what CI runs; every diagnostic code and
codemod is documented; `import smmigrate` stays TensorFlow-free."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def _readme_commands() -> list[str]:
    head = README.split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", head, flags=re.S)


def test_readme_opens_with_exactly_two_commands():
    commands = _readme_commands()
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    assert "samples/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert _readme_commands()[1] in ci.splitlines()


def test_every_codemod_and_code_is_documented():
    from smmigrate.codemods import REGISTRY
    from smmigrate.diagnostics import CODES

    for name in REGISTRY:
        assert f"| `{name}` |" in README, f"codemod {name} missing from README"
    for code in CODES:
        assert f"| {code} |" in README, f"diagnostic {code} missing from README"


def test_import_smmigrate_is_tensorflow_free():
    code = (
        "import sys, smmigrate, smmigrate.cli, smmigrate.rewrite, smmigrate.codemods\n"
        "smmigrate.cli.build_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'tensorflow'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_public_names_are_all_listed():
    import smmigrate

    assert sorted(smmigrate.__all__) == sorted([*smmigrate._LAZY, "__version__"])


def test_pre_commit_hooks_run_real_commands():
    import shlex

    import yaml  # libcst depends on PyYAML

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"smmigrate-check", "smmigrate-rewrite"}
    from smmigrate.cli import build_parser

    parser = build_parser()
    for hook in hooks:
        argv = shlex.split(hook["entry"])
        assert argv[0] == "smmigrate"
        args = parser.parse_args([*argv[1:], "some_file.py"])  # pre-commit appends the file names
        assert args.command == "rewrite"
        assert f"id: {hook['id']}" in README or hook["id"] in README


def test_ci_gates_what_pre_commit_checks():
    """The project's pre-commit hooks and .ci/run run the same format, lint and type checks."""
    import yaml  # libcst depends on PyYAML

    ci = (ROOT / ".ci" / "run").read_text()
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    entries = {hook["id"]: hook["entry"] for repo in config["repos"] for hook in repo["hooks"]}
    assert set(entries) == {"ruff-format", "ruff", "mypy"}
    for gate in (".venv/bin/ruff format --check .", ".venv/bin/ruff check .", ".venv/bin/mypy"):
        assert f" {gate}" in ci
    assert entries["ruff-format"].startswith(".venv/bin/ruff format")
    assert entries["ruff"].startswith(".venv/bin/ruff check")
    assert entries["mypy"] == ".venv/bin/mypy"
    for check in ("docs/gen_catalogue.py --check", "docs/gen_codes.py --check"):
        assert check in ci
    requirements = (ROOT / "requirements-dev.txt").read_text()
    for tool in ("ruff", "mypy", "pytest-cov"):
        assert re.search(rf"^{tool}==\S+$", requirements, re.M), f"{tool} is not pinned in requirements-dev.txt"


def test_version_has_one_source(capsys):
    """`--version` and `smmigrate.__version__` read the package metadata, which comes from pyproject.toml."""
    import importlib.metadata
    import tomllib

    import smmigrate
    from smmigrate.cli import main

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert importlib.metadata.version("smmigrate") == declared == smmigrate.__version__
    try:
        main(["--version"])
    except SystemExit as exit:
        assert exit.code == 0
    assert capsys.readouterr().out == f"smmigrate {declared}\n"
    sources = [p for p in (ROOT / "smmigrate").rglob("*.py") if f'"{declared}"' in p.read_text(encoding="utf-8")]
    assert not sources, f"version spelled out in {sources}"


def test_exit_codes_are_the_enum(tmp_path, capsys):
    from smmigrate.cli import ExitCode, main

    f = tmp_path / "a.py"
    f.write_text("import tensorflow as tf\nT = tf.saved_model.tag_constants.SERVING\n")
    results = [main(["rewrite", "--check", str(f)]), main(["rewrite", str(tmp_path / "missing.py")])]
    f.write_text("x = 1\n")
    results.append(main(["rewrite", str(f)]))
    assert results == [ExitCode.CHANGED, ExitCode.ERROR, ExitCode.OK]
    assert all(type(r) is ExitCode for r in results)


def test_license_and_typing_marker_match_the_metadata():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["license"] == "Apache-2.0"
    license_text = (ROOT / "LICENSE").read_text()
    assert "Apache License" in license_text and "Version 2.0, January 2004" in license_text
    assert "END OF TERMS AND CONDITIONS" in license_text  # the full text, not a stub
    assert (ROOT / "smmigrate" / "py.typed").is_file()
    assert "py.typed" in project["tool"]["setuptools"]["package-data"]["smmigrate"]
    assert "Typing :: Typed" in project["project"]["classifiers"]
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert "## Unreleased" in changelog and f"## {project['project']['version']}" in changelog


def test_commands_needing_tensorflow_say_how_to_get_it(tmp_path):
    # a Python where `tensorflow` cannot be found: commands that need it fail in one line, exit 2
    code = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name.split('.')[0] == 'tensorflow' else real(name, *a)\n"
        "class Block:\n"
        "    def find_spec(self, name, *a):\n"
        "        if name.split('.')[0] == 'tensorflow':\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from smmigrate.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    graph = ROOT / "samples" / "guide_multiply" / "multiply.pb"
    for argv in (["wrap-metagraph", str(graph), "--out", str(tmp_path / "out")], ["verify", str(graph), str(graph)]):
        proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True)
        assert proc.returncode == 2, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "pip install 'smmigrate[tf]'" in lines[0], proc.stderr
        assert not (tmp_path / "out").exists()
