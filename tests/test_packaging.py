"""`pip install .` must ship the data: the wheel carries intents/, knowledge/ and the web page."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        check=True, capture_output=True, text=True,
    )
    return next(out.glob("careerbot-*.whl"))


def test_wheel_contains_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for role in (ROOT / "knowledge" / "roles").glob("*.yaml"):
        assert f"careerbot/_data/knowledge/roles/{role.name}" in names
    for intent_file in (ROOT / "intents").glob("*.yaml"):
        assert f"careerbot/_data/intents/{intent_file.name}" in names
    assert "careerbot/_data/knowledge/sources.yaml" in names
    assert "careerbot/ui/web/index.html" in names and "careerbot/py.typed" in names


def test_installed_wheel_answers_from_any_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", "import careerbot.ui.cli, sys; sys.exit(careerbot.ui.cli.main(['ask', 'what tools does a data engineer use?']))"],
        cwd=elsewhere, capture_output=True, text=True, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "Airflow" in proc.stdout
    assert str(target) in subprocess.run(
        [sys.executable, "-c", "import careerbot.data.yamlio as y; print(y.bundled_dir('knowledge'))"],
        cwd=elsewhere, capture_output=True, text=True, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    ).stdout
