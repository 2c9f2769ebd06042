"""native-save: graph-building helpers of other modules of the run, inlined like the module's own.

A package keeps its graph in one module and exports from another (`score = model.inference(x)` in
`export.py`, `def inference(x)` with its `tf.get_variable`s in `model.py`). The rewrite of each file
sees one module, so the modules tell each other through project facts (`codemods/_facts.py`):

- every module offers its graph-building functions (`HelperFact`: the `def`'s code, the module-level
  names it reads and how they are bound, or why it cannot be inlined);
- an export calling one through an import of its module (`model.inference(...)`, or `inference(...)`
  after `from .model import inference`) inlines it as it inlines the module's own helpers
  (`inline.py`); the module-level names the function reads are spelled the caller's way: an import
  the caller binds too by its own name (`tf`), anything else through the module (`model.NUM_FEATURES`);
- once every file is rewritten, a function every call of which in the run was inlined goes from its
  module (`InlinedHelper`, made by the engine): a TF1 graph-building function has no TF2 counterpart
  (its variables would be new at every call), and left there it would keep its module — and every
  module linked to it by imports — in TF1 compatibility mode. An SM324 note names the callers.
"""

from __future__ import annotations

import os
from typing import cast

import libcst as cst

from .._facts import ConstantsFact, HelperFact, InlinedHelper, RunFiles, module_files, same_file
from .._names import dotted_name
from ..exports.syntax import identifiers
from .inline import Helper, _Substitute, all_nodes, helper_of


def offered(cm, exporting: set[str]) -> list[object]:
    """The planned module's graph-building functions, as facts for the other modules of the run
    (not those holding an export: an export is inlined only into its own module's blocks)."""
    out: list[object] = []
    for name, fn in cm.graph_functions.items():
        if name in exporting:
            continue
        helper = cm.helpers.get(name)
        reason = cm.helper_problems.get(name)
        if helper is None and reason is None:
            reason = "it cannot be inlined"
        read = identifiers(fn.body) | set().union(
            *(identifiers(d) for d in (helper.defaults if helper else {}).values())
        )
        local = helper.locals if helper is not None else set()
        bound = sorted(n for n in read - local if cm.names.binding_count(n) > 0)
        out.append(
            HelperFact(
                path=cm.filename,
                name=name,
                source=cm.source_module.code_for_node(fn),
                globals=tuple((n, cm.names.imported_path(n)) for n in bound),
                reason=reason,
            )
        )
    return out


def package_helpers(cm, module: cst.Module) -> tuple[dict[str, Helper], dict[str, str], set[str]]:
    """The helpers of other modules this module calls through its imports: ({key: Helper},
    {key: why it cannot be inlined}, keys of every graph-building one). Keys are how calls spell
    them: `model.inference` (module imported) or `inference` (function imported)."""
    helpers: dict[str, Helper] = {}
    problems: dict[str, str] = {}
    makers: set[str] = set()
    index = _by_file(cm.project_facts, HelperFact, cm.filename)
    for small, bound, module_form, offered_here in _imports(cm, module, _finder(index) if index else None):
        if cm.names.binding_count(bound) != 1 or cm.names.uncertain:
            continue  # bound twice (or star imports): which object a call reaches is not known
        for fact in offered_here:
            if not module_form and fact.name != _imported_name(small, bound):
                continue
            key = f"{bound}.{fact.name}" if module_form else bound
            makers.add(key)
            helper, why = _helper(cm, fact, bound if module_form else None)
            if helper is None:
                problems[key] = f"{why} (in {shown_path(cm.filename, fact.path)})"
            else:
                helpers[key] = helper
    return helpers, problems, makers


def unread_imports(cm, module: cst.Module) -> dict[str, tuple[bool, str]]:
    """Names this module binds to a module (True) or function (False) of the project — a relative
    import, or a module file beside this one — that this run does not read: what their functions do
    is unknown here ({bound name: (module?, the file as shown in messages)})."""
    read = {os.path.normpath(os.path.abspath(p)) for f in cm.project_facts if isinstance(f, RunFiles) for p in f.paths}
    read.add(os.path.normpath(os.path.abspath(cm.filename)))

    def local(candidates: list[str]) -> list[tuple[str, bool]]:
        # the importer's own folder (relative imports name only that root): (file, read by the run?)
        for candidate in candidates[:2]:
            full = os.path.normpath(os.path.abspath(candidate))
            if os.path.isfile(full):
                return [(candidate, full in read)]
        return []

    return {
        bound: (module_form, shown_path(cm.filename, found[0][0]))
        for _, bound, module_form, found in _imports(cm, module, local)
        if not found[0][1]
    }


def imported_strings(cm, module: cst.Module) -> dict[str, str]:
    """String constants of other modules of the run this module imports (`ConstantsFact`), keyed as
    the module spells them: `config.SIGNATURE_KEY` (module imported) or `SIGNATURE_KEY` (imported by name)."""
    out: dict[str, str] = {}
    index = _by_file(cm.project_facts, ConstantsFact, cm.filename)
    for small, bound, module_form, found in _imports(cm, module, _finder(index) if index else None):
        if cm.names.binding_count(bound) != 1 or cm.names.uncertain:
            continue
        strings = dict(found[0].strings)
        if module_form:
            out.update({f"{bound}.{name}": value for name, value in strings.items()})
        elif (name := _imported_name(small, bound)) in strings:
            out[bound] = strings[name]
    return out


def relevant(cm, module: cst.Module) -> tuple:
    """The facts of the run that can change this module's plan: the helpers and constants of the
    modules it imports, and the engine's word on its own functions (a plan made with the same ones
    is still valid)."""
    out: list = [f for f in cm.project_facts if isinstance(f, InlinedHelper) and same_file(f.path, cm.filename)]
    helpers = _by_file(cm.project_facts, HelperFact, cm.filename)
    constants = _by_file(cm.project_facts, ConstantsFact, cm.filename)
    both = {p: [*helpers.get(p, ()), *constants.get(p, ())] for p in {*helpers, *constants}}
    for _, _, _, found in _imports(cm, module, _finder(both) if both else None):
        out.extend(found)
    return tuple(out)


def _imports(cm, module: cst.Module, of_file):
    """(import statement, the name it binds, True when that names a module, what `of_file` says of
    the module's file) for each module-level import `of_file` knows something about."""
    if of_file is None:
        return
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                for bound, module_form, found in _imported(cm, small, of_file):
                    yield small, bound, module_form, found


_INDEX: dict[tuple[int, type], tuple[object, dict[str, list]]] = {}


def _by_file(facts, kind: type, here: str) -> dict[str, list]:
    """The run's facts of `kind` by the absolute path of their module (without `here`'s); indexed
    once per fact list (each file's codemods get the same list)."""
    key = (id(facts), kind)
    cached = _INDEX.get(key)
    if cached is None or cached[0] is not facts:
        index: dict[str, list] = {}
        for fact in facts:
            if isinstance(fact, kind) and isinstance(fact, (HelperFact, ConstantsFact)):
                index.setdefault(os.path.normpath(os.path.abspath(fact.path)), []).append(fact)
        if len(_INDEX) > 16:
            _INDEX.clear()
        cached = _INDEX[key] = (facts, index)
    index = cached[1]
    mine = os.path.normpath(os.path.abspath(here))
    return {p: f for p, f in index.items() if p != mine} if mine in index else index


def _finder(index: dict[str, list]):
    def of_file(candidates: list[str]) -> list:
        for candidate in candidates:
            found = index.get(os.path.normpath(os.path.abspath(candidate)))
            if found:
                return found
        return []

    return of_file


def _imported(cm, small, of_file) -> list[tuple[str, bool, list]]:
    """(the name `small` binds, True when it names a module, that file's facts) per import."""
    out: list[tuple[str, bool, list]] = []
    if isinstance(small, cst.Import):
        for alias in small.names:
            dotted = dotted_name(alias.name) or ""
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            elif "." not in dotted:
                bound = dotted  # `import model` (a sibling script's module)
            else:
                continue  # `import pkg.model` binds `pkg`: `pkg.model.f(...)` is not followed
            found = of_file(module_files(cm.filename, dotted, 0))
            if found:
                out.append((bound, True, found))
    elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
        level = len(small.relative)
        base = dotted_name(small.module) if small.module is not None else ""
        if base is None:
            return out
        for alias in small.names:
            name = dotted_name(alias.name) or ""
            bound = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else name
            submodule = of_file(module_files(cm.filename, f"{base}.{name}" if base else name, level))
            if submodule:
                out.append((bound, True, submodule))
                continue
            owner = of_file(module_files(cm.filename, base, level)) if base or level else []
            if owner:
                out.append((bound, False, owner))
    return out


def _imported_name(small, bound: str) -> str | None:
    for alias in small.names:
        name = dotted_name(alias.name)
        if (alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else name) == bound:
            return name
    return None


def _helper(cm, fact: HelperFact, module: str | None) -> tuple[Helper | None, str]:
    """The Helper of another module's function, its module-level names spelled the caller's way."""
    if fact.reason is not None:
        return None, fact.reason
    mapping: dict[str, cst.BaseExpression] = {}
    for name, path in fact.globals:
        if path is not None:  # an import there: the same import here, under any name
            mine = _bound_to(cm, name, path)
            if mine is None:
                return None, f"it reads `{name}`, its module's import of `{path}`, which this module does not import"
            if mine != name:
                mapping[name] = cst.Name(mine)
        elif module is not None:  # a constant or function of its module: reached through the module
            mapping[name] = cst.Attribute(value=cst.Name(module), attr=cst.Name(name))
        else:
            return None, (
                f"it reads `{name}` of its module, which this module did not import; import the module "
                f"(`from ... import {_module_name(fact)}`) and call `{_module_name(fact)}.{fact.name}(...)`"
            )
    try:
        parsed: cst.BaseStatement = cst.parse_statement(fact.source)
    except cst.ParserSyntaxError:
        return None, "its code could not be read"
    if mapping:
        parsed = cast(cst.BaseStatement, parsed.visit(_Substitute(mapping, {}, [])))
    if not isinstance(parsed, cst.FunctionDef):
        return None, "it is not a plain function"
    fn = parsed
    helper, why = helper_of(cm, fn)
    if helper is None:
        return None, why
    helper.foreign = fact.path
    helper.nodes = all_nodes(helper.fn)
    return helper, ""


def _bound_to(cm, name: str, path: str) -> str | None:
    """A name this module binds, once, to the import `path` (`name` itself first)."""
    if cm.names.imported_path(name) == path:
        return name
    for other, paths in cm.names.bindings.items():
        if paths == [path] and not cm.names.uncertain:
            return other
    return None


def _module_name(fact: HelperFact) -> str:
    base = fact.path.replace("\\", "/").rsplit("/", 1)[-1]
    return base[: -len(".py")] if base.endswith(".py") else base


def shown_path(here: str, path: str) -> str:
    """`path` as the module at `here` would name it in a message (relative to its folder)."""
    return os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(here)))


class _References(cst.CSTVisitor):
    def __init__(self, keys: set[str]) -> None:
        self.keys = keys
        self.found: dict[str, tuple[int, cst.CSTNode]] = {}

    def _count(self, key: str, node: cst.CSTNode) -> None:
        count, first = self.found.get(key, (0, node))
        self.found[key] = (count + 1, first)

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        key = dotted_name(node)
        if key in self.keys:
            self._count(key, node)
            return False
        return True

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.keys:
            self._count(node.value, node)


def references(module: cst.Module, keys: set[str]) -> dict[str, tuple[int, cst.CSTNode]]:
    """key -> (how often `module` mentions it outside its imports, the first mention): `model.inference`
    as a dotted name, `inference` as a name."""
    visitor = _References(keys)
    module.visit(visitor)
    return visitor.found


def removed_helpers(cm, module: cst.Module) -> list[tuple[cst.FunctionDef, InlinedHelper]]:
    """This module's functions the engine says every call of which in the run was inlined elsewhere
    (`InlinedHelper`), and that nothing in this module uses: they go (SM324)."""
    facts = {f.name: f for f in cm.project_facts if isinstance(f, InlinedHelper) and same_file(f.path, cm.filename)}
    out: list[tuple[cst.FunctionDef, InlinedHelper]] = []
    if not facts:
        return out
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value in facts:
            name = stmt.name.value
            inside = identifiers(stmt.body)
            if cm.module_counts.get(name, 0) == 1 and name not in inside:
                out.append((stmt, facts[name]))
    return out
