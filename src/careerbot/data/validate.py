"""Load and check the data directories together; all problems reported at once."""

from __future__ import annotations

from pathlib import Path

from .articles import check_quotes
from .intents import IntentSet, build_intents
from .knowledge import TOPIC_TITLES, KnowledgeBase, build_knowledge
from .yamlio import DataError, Problem, bundled_dir, read_yaml_file, scan_yaml_files

__all__ = ["check_data", "load_data"]


def _documents(directory: Path, what: str, problems: list[Problem]) -> list:  # type: ignore[type-arg]
    if not directory.is_dir():
        reason = "is not a directory" if directory.exists() else "not found"
        problems.append(Problem(str(directory), 1, f"{what} directory {reason}"))
        return []
    files, scan_problems = scan_yaml_files(directory)
    problems.extend(scan_problems)
    if not files and not scan_problems:
        problems.append(Problem(str(directory), 1, f"no YAML files in the {what} directory"))
    return [read_yaml_file(f) for f in files]


def check_data(
    knowledge_dir: Path | str | None = None, intents_dir: Path | str | None = None,
    articles_dir: Path | str | None = None,
) -> tuple[KnowledgeBase | None, IntentSet | None, list[Problem]]:
    """Read and check both directories (default: the bundled data). Never raises for bad data.

    With ``articles_dir`` (the folder of the source articles, e.g. ``../shared/seeds``), every
    quote is also checked against its article's text (see :func:`careerbot.data.articles.check_quotes`).
    """
    kdir = Path(knowledge_dir) if knowledge_dir is not None else bundled_dir("knowledge")
    idir = Path(intents_dir) if intents_dir is not None else bundled_dir("intents")
    problems: list[Problem] = []
    kb, kproblems = build_knowledge(_documents(kdir, "knowledge", problems), str(kdir))
    problems.extend(kproblems)
    role_ids = set(kb.roles) if kb is not None else None
    intents, iproblems = build_intents(
        _documents(idir, "intents", problems), role_ids=role_ids, topics=set(TOPIC_TITLES)
    )
    problems.extend(iproblems)
    if articles_dir is not None and kb is not None:
        problems.extend(check_quotes(kb, articles_dir))
    return kb, intents, sorted(set(problems))


def load_data(
    knowledge_dir: Path | str | None = None, intents_dir: Path | str | None = None
) -> tuple[KnowledgeBase, IntentSet]:
    """Like :func:`check_data` but raises :class:`DataError` listing every problem."""
    kb, intents, problems = check_data(knowledge_dir, intents_dir)
    if problems or kb is None or intents is None:
        raise DataError(problems or [Problem("data", 1, "data could not be loaded")])
    return kb, intents
