"""The advisor's layout: answer modules take structured input only, files stay small, wording is one
read-only template table and user text never reaches ``str.format``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from careerbot.skills.wording import ADVISOR_TEMPLATES, say

SRC = Path(__file__).resolve().parent.parent / "src" / "careerbot"
ANSWER_MODULES = ["recommend", "gap", "path", "postings", "tables", "facts", "compare"]
NEW_MODULES = [
    *(f"skills/{m}.py" for m in [*ANSWER_MODULES, "advisor", "wording", "cite", "data_types"]),
    "nlu/said.py", "nlu/postings_query.py", "nlu/keys.py", "nlu/kbwords.py", "nlu/role_split.py",
]


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


@pytest.mark.parametrize("module", ANSWER_MODULES)
def test_answer_modules_never_read_what_people_type(module: str) -> None:
    names = imported_names(SRC / "skills" / f"{module}.py")
    readers = {"SaidReader", "PostingsQueryReader", "RoleFinder", "Speller", "IntentMatcher"}
    assert not {n.rsplit(".", 1)[-1] for n in names} & readers


#: Files allowed over the limit: none (the last three, matcher, data/knowledge and ui/chat, were split).
LONGER: frozenset[str] = frozenset()
EVERY_MODULE = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("path", [p for p in EVERY_MODULE if p not in LONGER])
def test_files_stay_small(path: str) -> None:
    assert len((SRC / path).read_text(encoding="utf-8").splitlines()) <= 500


@pytest.mark.parametrize("path", NEW_MODULES)
def test_no_str_format(path: str) -> None:
    tree = ast.parse((SRC / path).read_text(encoding="utf-8"))
    calls = [
        n for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("format", "format_map")
    ]
    assert calls == []


def test_wording_is_read_only_and_safe() -> None:
    with pytest.raises(TypeError):
        ADVISOR_TEMPLATES["rec_one"] = ADVISOR_TEMPLATES["rec_two"]  # type: ignore[index]
    text = say("rec_one", mentioned="${best} {0} %s", best="Data Engineer")
    assert text == "Based on what you mentioned (${best} {0} %s), the best fit is the Data Engineer role."
    assert say("post_no_place", places="Paris").startswith("No featured posting$which is in Paris")
    assert say("post_unknown_place", places="Paris").startswith("The articles don't say anything about jobs in Paris")
