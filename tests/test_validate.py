"""Loading and validation: valid data loads; each kind of broken file is reported as path:line."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerbot import CareerBot, DataError
from careerbot.data.validate import check_data
from careerbot.data.yamlio import parse_yaml

from .conftest import ROOT


def test_bundled_data_is_valid() -> None:
    kb, intents, problems = check_data()
    assert problems == []
    assert kb is not None and intents is not None
    assert set(kb.roles) == {
        "data_engineer", "ml_engineer", "ml_software_engineer", "ml_research_engineer", "data_science_engineer",
    }
    assert len(kb.sources) == 4


@pytest.fixture
def data_copy(tmp_path: Path) -> tuple[Path, Path]:
    k = tmp_path / "knowledge"
    i = tmp_path / "intents"
    shutil.copytree(ROOT / "knowledge", k)
    shutil.copytree(ROOT / "intents", i)
    return k, i


def _problems(k: Path, i: Path) -> list[str]:
    _, _, problems = check_data(k, i)
    return [str(p) for p in problems]


BROKEN = {
    "syntax": ("knowledge/roles/data_engineer.yaml", "id: data_engineer\nname: [unclosed\n", "syntax error"),
    "empty": ("knowledge/roles/data_engineer.yaml", "", "empty"),
    "control byte": ("knowledge/roles/data_engineer.yaml", "id: data_engineer\nname: Data\x07 Engineer\n",
                     "2: file contains the control character #x0007"),
    "binary": ("knowledge/roles/data_engineer.yaml", b"\x00\x01\x02PK\x03\x04", "binary"),
    "not utf8": ("intents/topics.yaml", b"version: '1'\nnlu: \xff\xfe\n", "UTF-8"),
    "wrong shape": ("knowledge/sources.yaml", "sources: just a string\n", "must be a non-empty list"),
    "alias bomb": (
        "intents/bomb.yaml",
        'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
        "aliases",
    ),
}


def _break(data_copy: tuple[Path, Path], kind: str) -> tuple[Path, str]:
    """Write the broken file of ``kind`` into the copied data; returns its path and the expected words."""
    rel, content, needle = BROKEN[kind]
    target = data_copy[0].parent / rel
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return target, needle


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_file_is_reported_with_path_and_line(data_copy: tuple[Path, Path], kind: str) -> None:
    target, needle = _break(data_copy, kind)
    problems = _problems(*data_copy)
    assert problems, kind
    hits = [p for p in problems if p.startswith(f"{target}:") and needle in p]
    assert hits, problems
    # path:line: message
    line, _, message = hits[0][len(f"{target}:"):].partition(": ")
    assert line.isdigit() and int(line) >= 1 and message


def test_unknown_role_id_in_intents(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    (i / "extra.yaml").write_text(
        'version: "1"\nnlu:\n  - intent: ask_extra\n    examples: |\n      - hello [DE](data_enginer)\n',
        encoding="utf-8",
    )
    problems = _problems(k, i)
    assert any(p.startswith(f"{i / 'extra.yaml'}:5:") and "data_enginer" in p for p in problems), problems


def test_duplicate_ids_are_reported(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    shutil.copy(k / "roles" / "ml_engineer.yaml", k / "roles" / "copy.yaml")
    (i / "dup.yaml").write_text(
        'version: "1"\nnlu:\n  - intent: greet\n    examples: |\n      - hi\n', encoding="utf-8"
    )
    problems = _problems(k, i)
    assert any("duplicate role id 'ml_engineer'" in p for p in problems), problems
    assert any("duplicate intent 'greet'" in p and p.startswith(str(i)) for p in problems), problems


def test_unknown_source_and_missing_topic(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    path = k / "roles" / "data_science_engineer.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[mle_vs_dse]", "[nowhere]", 1), encoding="utf-8")
    problems = _problems(k, i)
    assert any(p.startswith(str(path)) and "unknown source id 'nowhere'" in p for p in problems)


def test_all_problems_are_collected(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    (k / "roles" / "ml_engineer.yaml").write_text("", encoding="utf-8")
    (i / "topics.yaml").write_text("nlu: [\n", encoding="utf-8")
    problems = _problems(k, i)
    files = {p.split(":")[0] for p in problems}
    assert str(k / "roles" / "ml_engineer.yaml") in files and str(i / "topics.yaml") in files


def test_careerbot_constructor_raises_dataerror(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    (k / "sources.yaml").write_text("sources: [\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        CareerBot(knowledge_dir=k, intents_dir=i)
    assert str(k / "sources.yaml") in str(info.value)
    assert all(p.line >= 1 for p in info.value.problems)


def test_other_data_loads(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    bot = CareerBot(knowledge_dir=k, intents_dir=i)
    assert bot.ask("what tools does a data engineer use?").roles == ("data_engineer",)


def test_python_tags_are_not_constructed() -> None:
    doc = parse_yaml("x: !!python/object/apply:os.system ['echo hi']\n", "t.yaml")
    assert doc.data is None and "constructor" in doc.problems[0].message


def test_duplicate_keys_are_problems() -> None:
    doc = parse_yaml("id: a\nname: b\nid: c\n", "t.yaml")
    assert [str(p) for p in doc.problems] == ["t.yaml:3: duplicate key 'id'"]


def test_synonyms_are_checked(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    (i / "syn.yaml").write_text(
        'version: "1"\nnlu:\n  - synonym: engineer\n    examples: |\n      - two words\n'
        '  - synonym: science\n    examples: |\n      - eng\n',
        encoding="utf-8",
    )
    problems = _problems(k, i)
    assert any("must be one word" in p for p in problems), problems
    assert any("'eng' is a synonym of two words" in p for p in problems), problems


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_validate_command_rejects_each_broken_kind(data_copy: tuple[Path, Path], kind: str) -> None:
    import io
    import re

    from careerbot.ui.cli import Environment, ExitStatus, main

    target, _ = _break(data_copy, kind)
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={})
    code = main(["validate", "--knowledge", str(data_copy[0]), "--intents", str(data_copy[1])], env)
    assert code == ExitStatus.ERROR
    lines = out.getvalue().splitlines()
    assert lines and all(re.match(r"^.+:\d+: .+$", line) for line in lines)
    assert any(line.startswith(f"{target}:") for line in lines)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    # The same data refused by the library, with the same problems.
    with pytest.raises(DataError) as info:
        CareerBot(knowledge_dir=data_copy[0], intents_dir=data_copy[1])
    assert str(target) in str(info.value)


# --- Loading problems found by a reliability probe (issue 10) ---


def test_control_byte_is_reported_at_its_line_in_one_line() -> None:
    doc = parse_yaml("a: 1\nb: 2\nc: x\x07y\n", "t.yaml")
    assert len(doc.problems) == 1
    problem = doc.problems[0]
    assert problem.line == 3 and "\n" not in problem.message
    assert "control character" in problem.message


def test_duplicate_posting_id_is_reported_at_the_posting(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    path = k / "postings.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: allora_labs_research_engineer", "id: cere_network_lead_developer_ai"),
                    encoding="utf-8")
    problems = _problems(k, i)
    hits = [p for p in problems if "duplicate posting id 'cere_network_lead_developer_ai'" in p]
    assert len(hits) == 1 and hits[0].startswith(f"{path}:") and f"first defined at {path}:" in hits[0], problems


def test_no_role_files_names_the_directory(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    shutil.rmtree(k / "roles")
    problems = _problems(k, i)
    assert any(p.startswith(f"{k}:1: no role files found") for p in problems), problems
    assert not any(p.startswith("knowledge:") for p in problems), problems


def test_unreadable_folder_is_reported_with_its_path_and_cause(
    data_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    k, i = data_copy
    locked = k / "roles"
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    problems = _problems(k, i)
    assert f"{locked}:1: cannot read directory: Permission denied" in problems, problems


def test_a_folder_symlink_loop_is_reported_and_linked_folders_are_read(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    (k / "roles" / "again").symlink_to("..", target_is_directory=True)
    problems = _problems(k, i)
    assert problems == [f"{k / 'roles' / 'again'}:1: symlink loop: the folder link leads back to {k.resolve()}"]
    (k / "roles" / "again").unlink()
    shutil.move(str(k / "roles"), str(k.parent / "elsewhere"))
    (k / "roles").symlink_to(k.parent / "elsewhere", target_is_directory=True)
    assert _problems(k, i) == []


@pytest.mark.parametrize("kind", ["symlink loop", "dangling symlink", "folder", "fifo"])
def test_entries_named_like_yaml_that_are_not_files_are_reported(data_copy: tuple[Path, Path], kind: str) -> None:
    import os

    from careerbot.ui.cli import Environment, ExitStatus, main

    k, i = data_copy
    target = k / "roles" / "extra.yaml"
    if kind == "symlink loop":
        target.symlink_to(target.name)
        needle = "symlink loop"
    elif kind == "dangling symlink":
        target.symlink_to("nowhere.yaml")
        needle = "dangling symlink"
    elif kind == "folder":
        target.mkdir()
        needle = "is a folder"
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        os.mkfifo(target)
        needle = "FIFO"
    problems = _problems(k, i)
    assert any(p.startswith(f"{target}:1: ") and needle in p for p in problems), problems
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={})
    assert main(["validate", "--knowledge", str(k), "--intents", str(i)], env) == ExitStatus.ERROR


@pytest.mark.parametrize("date", ["2023-13-45", "2023-02-30", "Dec. 6, 2023", "2023-1-5"])
def test_impossible_source_date_is_rejected(data_copy: tuple[Path, Path], date: str) -> None:
    k, i = data_copy
    path = k / "sources.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"2023-12-06"', f'"{date}"'), encoding="utf-8")
    problems = _problems(k, i)
    assert any(p.startswith(f"{path}:") and "not a real ISO date" in p and date in p for p in problems), problems


def test_one_broken_role_file_is_not_buried_under_follow_on_problems(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    path = k / "roles" / "ml_engineer.yaml"
    path.write_text("id: ml_engineer\nname: [unclosed\n", encoding="utf-8")
    problems = _problems(k, i)
    assert problems and all(p.startswith(f"{path}:") for p in problems), problems


# --- Named things, points and quotes ---

SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles (../shared/seeds) are not here")
def test_every_shipped_quote_is_verbatim_in_its_article() -> None:
    from careerbot.ui.cli import Environment, ExitStatus, main

    _, _, problems = check_data(articles_dir=SEEDS)
    assert problems == []
    out = io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=io.StringIO(), environ={})
    assert main(["validate", "--articles", str(SEEDS)], env) == ExitStatus.OK, out.getvalue()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles (../shared/seeds) are not here")
def test_a_quote_not_in_its_article_is_reported_at_its_line(data_copy: tuple[Path, Path]) -> None:
    from careerbot.ui.cli import Environment, ExitStatus, main

    k, i = data_copy
    path = k / "roles" / "data_engineer.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(n for n, line in enumerate(lines) if '"Ensuring data quality and consistency."' in line)
    lines[index] = lines[index].replace("quality and consistency", "quality and speed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=io.StringIO(), environ={})
    code = main(["validate", "--knowledge", str(k), "--intents", str(i), "--articles", str(SEEDS)], env)
    assert code == ExitStatus.ERROR
    assert out.getvalue().startswith(f"{path}:{index + 1}: quote not found in 000_fbb5d9d1bf1053c5.txt"), out.getvalue()


def test_quotes_are_compared_after_fixing_mojibake_and_whitespace(tmp_path: Path, data_copy: tuple[Path, Path]) -> None:
    from careerbot.data.articles import clean_text

    assert clean_text("A bachelor\u0e42\u20ac\u2122s degree  in\n Computer Science") == "A bachelor's degree in Computer Science"
    assert clean_text("4 min read \u0e22\u00b7 Dec. 6, 2023") == "4 min read \u00b7 Dec. 6, 2023"
    assert clean_text("\u00e2\u20ac\u2122") == "'"
    k, i = data_copy
    (tmp_path / "arts").mkdir()
    _, _, problems = check_data(k, i, tmp_path / "arts")
    assert problems and all("cannot read the article" in p.message for p in problems), problems
    assert {p.path for p in problems} == {str(tmp_path / "arts" / f) for f in (
        "000_fbb5d9d1bf1053c5.txt", "001_83fa882edc5fdc6a.txt", "002_3dbff80adbe6cf2d.txt", "003_c4287596e660e3ad.txt")}


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


SCHEMA_BREAKS = {
    "unknown thing": ("roles/data_engineer.yaml", "    - thing: kafka\n", "    - thing: kafkaa\n", "unknown thing id 'kafkaa'"),
    "duplicate link": ("roles/data_engineer.yaml", "    - thing: kafka\n", "    - thing: hadoop\n", "linked twice under 'tools'"),
    "empty quotes": ("roles/ml_engineer.yaml", "      quotes:\n        - {source: mle_vs_de, text: \"Selecting",
                     "      quotes: []\n      old:\n        - {source: mle_vs_de, text: \"Selecting", "needs 'quotes'"),
    "empty quote text": ("roles/ml_engineer.yaml", 'text: "Monitoring and maintaining model performance over time."}',
                         'text: ""}', "'text' must be a non-empty string"),
    "old facts key": ("roles/ml_engineer.yaml", "points:\n", "facts:\n", "'facts' was replaced"),
    "unknown kind": ("things.yaml", "category: databases, kind: tool}", "category: databases, kind: gadget}", "kind 'gadget'"),
    "spelling clash": ("things.yaml", "aliases: [Hadoop]", "aliases: [Spark]", "also a spelling of"),
    "source not quoted": ("roles/data_engineer.yaml", "      sources: [mle_vs_de]\n      quotes:\n        - {source: mle_vs_de, text: \"Data engineers rely",
                          "      sources: [mle_vs_de, de_vs_mlre]\n      quotes:\n        - {source: mle_vs_de, text: \"Data engineers rely",
                          "lists source 'de_vs_mlre' but quotes nothing from it"),
    "label not in quote": ("roles/data_engineer.yaml", 'label: "Databases"}', 'label: "Data stores"}', "is not in its quote"),
    "vs outside differences": ("roles/ml_engineer.yaml", "  projects:\n    - text:", "  projects:\n    - vs: data_engineer\n      text:",
                               "'vs' (the other role) is required in 'differences'"),
    "silent and covered": ("roles/data_engineer.yaml", "silent:\n  industries:",
                           "silent:\n  definition: {note: \"x\", sources: [mle_vs_de]}\n  industries:",
                           "also recorded under 'silent'"),
    "source not on the role": ("roles/ml_research_engineer.yaml", "- {source: de_vs_mlre, text: \"Robotics\"}",
                               "- {source: mle_vs_dse, text: \"Robotics\"}", "that source covers only"),
    "duplicate point": ("roles/data_science_engineer.yaml", '- text: "Ensuring data quality and integrity."',
                        '- text: "Building and maintaining data pipelines and ETL processes."', "duplicate responsibilities point"),
}


@pytest.mark.parametrize("kind", sorted(SCHEMA_BREAKS))
def test_schema_problems_are_reported_with_path_and_line(data_copy: tuple[Path, Path], kind: str) -> None:
    k, i = data_copy
    rel, old, new, needle = SCHEMA_BREAKS[kind]
    _edit(k / rel, old, new)
    problems = _problems(k, i)
    hits = [p for p in problems if needle in p]
    assert hits and all(p.startswith(f"{k / rel}:") for p in hits), problems
    line = hits[0][len(f"{k / rel}:"):].partition(":")[0]
    assert line.isdigit() and int(line) > 1, hits


def test_a_thing_nothing_links_is_reported(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    _edit(k / "things.yaml", "things:\n", "things:\n  - {id: cobol, name: COBOL, aliases: [], category: programming languages, kind: language}\n")
    problems = _problems(k, i)
    assert any(p.startswith(f"{k / 'things.yaml'}:") and "'cobol' is not linked" in p for p in problems), problems


@pytest.mark.parametrize("name", ["sources.yaml", "things.yaml"])
def test_a_broken_sources_or_things_file_is_reported_once(data_copy: tuple[Path, Path], name: str) -> None:
    k, i = data_copy
    (k / name).write_text(name.split(".")[0] + ": [\n", encoding="utf-8")
    problems = _problems(k, i)
    assert len(problems) == 1 and problems[0].startswith(f"{k / name}:2: YAML syntax error"), problems


def test_a_missing_things_file_is_one_problem(data_copy: tuple[Path, Path]) -> None:
    k, i = data_copy
    (k / "things.yaml").unlink()
    assert _problems(k, i) == [f"{k}:1: no things file found: role files link named things, expected a YAML "
                               "file with a top-level 'things:' list (things.yaml)"]


SCALARS = "a: 1\nb: 2.5\nc: true\nd: null\ne: ~\nf:\nh: 2023-01-01\ni: hello world\nj: \"3\"\nk: 0x10\nl: .inf\n" \
          "m: [1, x, 'y', \"z\"]\nn: |\n  block\no: >\n  folded\np: no\nq: '2023-01-01'\nr: -7\ns: 1e3\n"


def test_the_fast_loader_reads_scalars_exactly_as_safe_load() -> None:
    import yaml

    assert parse_yaml(SCALARS, "t.yaml").data == yaml.safe_load(SCALARS)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=10),
                       st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=False), st.booleans(),
                                 st.none(), st.lists(st.text(max_size=10), max_size=3)), max_size=6))
def test_the_fast_loader_round_trips_what_safe_dump_writes(data: dict[str, object]) -> None:
    import yaml

    for style in (None, '"'):
        text = yaml.safe_dump(data, default_style=style, allow_unicode=True)
        doc = parse_yaml(text, "t.yaml")
        assert doc.data == (yaml.safe_load(text) or None) or not data
