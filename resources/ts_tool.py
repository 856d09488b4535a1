"""Collect every user-visible string and keep the zh_CN ``.ts`` files in step.

    python -m resources.ts_tool            # add new strings as "unfinished"
    python -m resources.ts_tool --check    # exit 1 when any string lacks a translation

What counts as a user-visible string (found by reading the source, not by
running it):

* ``self.tr("...")`` inside a class: context = the class name (Qt's rule);
* ``translate("Context", "...")`` (``QCoreApplication.translate`` and
  friends): the literal context;
* ``_t("...")`` in a module that sets ``TR_CONTEXT = "..."`` (or imports
  ``_t`` from a project module that does): that context;
* ``MESSAGES = {code: "..."}`` in ``lending``: context ``Reason``;
* ``TR_STRINGS = ("...", ...)`` with ``TR_CONTEXT``: strings a module builds
  from data (enum labels and the like).

Each area writes its own file (see ``_area``) so that people working on
different parts do not edit the same file.
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from resources import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("lending", "db", "reports", "desktop", "resources")
LANGUAGE = "zh_CN"

Key = tuple[str, str]  # (context, source)


def _area(path: Path) -> str:
    """Which .ts file a source file's strings go to.

    ``main.py`` -> ``cli``; ``lending/*`` and ``db/*`` -> one file each;
    elsewhere the second path part too (``reports/pdf/x.py`` ->
    ``reports_pdf``, ``desktop/login.py`` -> ``desktop_login``).
    """
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[0] == "main":
        return "cli"
    if parts[0] in ("lending", "db") or len(parts) == 1:
        return parts[0]
    return f"{parts[0]}_{parts[1]}"


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _imported_context(module: str) -> str | None:
    """The literal ``TR_CONTEXT`` of a project module (``a.b`` -> ``ROOT/a/b.py``)."""
    path = ROOT.joinpath(*module.split(".")).with_suffix(".py")
    if not path.is_file():
        return None
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "TR_CONTEXT" for t in node.targets
        ):
            return _literal(node.value)
    return None


def strings_in(path: Path) -> list[Key]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_context: str | None = None
    for node in tree.body:
        raw = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        if any(isinstance(t, ast.Name) and t.id == "TR_CONTEXT" for t in raw):
            module_context = _literal(node.value)  # type: ignore[union-attr,arg-type]
        if (  # from desktop.pages.texts import _t: the context of the module it comes from
            isinstance(node, ast.ImportFrom)
            and node.module
            and any(a.name in ("_t", "TR_CONTEXT") and a.asname is None for a in node.names)
        ):
            module_context = _imported_context(node.module)
    found: list[Key] = []

    def visit(node: ast.AST, cls: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            args = node.args
            if name == "tr" and isinstance(func, ast.Attribute) and args and cls:
                text = _literal(args[0])
                if text is not None:
                    found.append((cls, text))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                ctx, text = _literal(args[0]), _literal(args[1])
                if ctx is not None and text is not None:
                    found.append((ctx, text))
            elif name == "_t" and args and module_context:
                text = _literal(args[0])
                if text is not None:
                    found.append((module_context, text))
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            raw = node.targets if isinstance(node, ast.Assign) else [node.target]
            targets = {t.id for t in raw if isinstance(t, ast.Name)}
            if "MESSAGES" in targets and isinstance(node.value, ast.Dict):
                for value in node.value.values:
                    text = _literal(value) if value is not None else None
                    if text is not None:
                        found.append(("Reason", text))
            if (
                "TR_STRINGS" in targets
                and module_context
                and isinstance(node.value, (ast.Tuple, ast.List))
            ):
                for elt in node.value.elts:
                    text = _literal(elt)
                    if text is not None:
                        found.append((module_context, text))
        for child in ast.iter_child_nodes(node):
            visit(child, cls)

    visit(tree, None)
    return found


def collect() -> dict[str, dict[Key, None]]:
    """area -> ordered set of (context, source)."""
    files = [ROOT / "main.py"]
    for folder in SOURCE_DIRS:
        files.extend(sorted((ROOT / folder).rglob("*.py")))
    areas: dict[str, dict[Key, None]] = defaultdict(dict)
    for path in files:
        if "migrations" in path.parts:
            continue
        for key in strings_in(path):
            areas[_area(path)][key] = None
    return areas


def read_ts(path: Path) -> dict[Key, str | None]:
    """(context, source) -> translation, or None when unfinished."""
    table: dict[Key, str | None] = {}
    if not path.exists():
        return table
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            node = message.find("translation")
            done = node is not None and bool(node.text) and node.get("type") is None
            table[(name, message.findtext("source", ""))] = (
                node.text if done and node is not None else None
            )
    return table


def write_ts(path: Path, entries: dict[Key, str | None]) -> None:
    root = ET.Element("TS", version="2.1", language=LANGUAGE)
    by_context: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for (context, source), translation in entries.items():
        by_context[context].append((source, translation))
    for context in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source, translation in sorted(by_context[context]):
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            node = ET.SubElement(message, "translation")
            if translation:
                node.text = translation
            else:
                node.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def missing() -> list[tuple[str, str, str]]:
    """(area, context, source) for every string without a finished translation."""
    gaps = []
    for area, keys in collect().items():
        table = read_ts(TRANSLATIONS / LANGUAGE / f"{area}.ts")
        gaps.extend((area, c, s) for (c, s) in keys if not table.get((c, s)))
    return gaps


def update() -> None:
    for area, keys in collect().items():
        path = TRANSLATIONS / LANGUAGE / f"{area}.ts"
        table = read_ts(path)
        merged = {key: table.get(key) for key in keys}  # drops strings no longer used
        write_ts(path, merged)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        gaps = missing()
        for area, context, source in gaps:
            print(f"{area}.ts [{context}] {source}")
        return 1 if gaps else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
