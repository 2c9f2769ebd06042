"""whole-api: every TF1 API name gets its TF 2.21 spelling.

A TF 1.x program reaches the whole TF1 API as ``tf.X``; TF 2.21 keeps all of it as
``tf.compat.v1.X`` and exports some of the same objects under TF2 names (``tf.gfile.GFile`` is
``tf.io.gfile.GFile``, ``tf.FixedLenFeature`` is ``tf.io.FixedLenFeature``). The table of
spellings is generated from TF 2.21's own API metadata (`scripts/gen_tf1_api.py` →
`data/tf1_api.json`, read through `tf1_api`): a name TF 2.21 exports as the very same object gets
its TF2 name; any other name gets its ``tf.compat.v1`` spelling, which keeps TF1 behaviour exactly.
Names already spelled for TF2 or ``tf.compat.v1`` stay; ``tf.keras`` is left to the Keras codemods.
A name that TF 2.21 also has as ``tf.X``, as another object (``tf.Variable``, ``tf.constant``), is
re-spelled only in a module that also uses a TF1-only name (``tf.placeholder``, ``tf.log``): code
with none is TF2 code (written for TF 2, or migrated by an earlier run) and keeps its spellings.

It runs first, so the native codemods after it see one spelling, and it runs on every file that
imports TensorFlow, so it works on text with Python's `ast` (positions → splices) instead of a
libcst tree: the engine builds a CST only for files another codemod reacts to. Whether a module
still needs graph mode is decided last, by `compat-mode`.
"""

from __future__ import annotations

import ast
import re
from typing import ClassVar

from . import tf1_api
from ._base import SavedModelCodemod
from ._tfscope import ROOT, V1, SourceText, analyse, apply_edits, chain, head, relative

# left alone: Keras is its own migration; `saved_model.load` is TF2's loader unless called the TF1
# way, which compat-names decides from the call's arguments
_LEAVE_PREFIXES = ("keras", "compat", "estimator")
_LEAVE = {"saved_model.load"}
_PRIVATE = ("compat", "python", "core", "tools", "lite", "tsl", "xla", "_api", "keras", "contrib", "estimator")
_SWITCHES = {f"{V1}.disable_v2_behavior", f"{V1}.disable_eager_execution"}
_FROM_TF = re.compile(r"^from(\s+)(tensorflow(?:\s*\.\s*\w+)*)(\s+import\b)")


class WholeApi(SavedModelCodemod):
    NAME = "whole-api"
    DESCRIPTION = (
        "Give every TF1 API name its TF 2.21 spelling: the TF2 name of the same object where TF 2.21 has one "
        "(tf.gfile.GFile -> tf.io.gfile.GFile), else tf.compat.v1.* (generated from TF's own API metadata)."
    )
    CODES: ClassVar[dict[str, str]] = {}
    ORDER = 5  # first: the codemods after it see TF 2.21 spellings only
    TRIGGERS = ("tensorflow",)
    FILE_MARKERS = ("tensorflow",)
    TEXT_PASS = True

    def transform_text(self, code: str) -> str:
        found = analyse(code)
        scopes, text = found.scopes, found.text
        edits: list[tuple[int, int, str]] = []
        through_import: set[str] = set()  # names from `from tensorflow import X` whose uses need TF1's X
        reads = []
        evidence = False  # a TF1-only name (one TF 2.21 has not as `tf.X`): the module is TF1 code
        for node in found.names:
            base = head(node)
            if not isinstance(base, ast.Name):
                continue
            bound = scopes.resolve(base)
            if bound is None:
                continue
            full = scopes.resolve(node)
            rel, spelled_v1 = relative(full) if full else (None, False)
            if rel is None or rel.split(".")[0] in _LEAVE_PREFIXES or rel in _LEAVE:
                continue
            reads.append((node, base, bound, rel))
            # `tf.compat.v1.app.run` is already spelled for TF 2.21 (an earlier run's): no evidence
            tf1_only = spelling(rel) is not None and not tf1_api.ambiguous(rel) and not spelled_v1
            evidence = evidence or bound == V1 or tf1_only
        for node, base, bound, rel in reads:
            if not evidence and tf1_api.ambiguous(rel):
                continue  # `tf.Variable` in code with no TF1-only name: TF2 code (a migrated module) stays
            if bound != ROOT:
                # bound by `from tensorflow import saved_model`: its import is re-spelled instead
                if spelling(rel) is not None:
                    through_import.add(base.id)
                continue
            if isinstance(node, ast.Attribute):
                _rename(node, base.id, rel, text, edits)
        for stmt in found.imports:
            if isinstance(stmt, ast.ImportFrom):
                _respell_import_from(stmt, text, edits, through_import)
        _v1_aliases(found, edits)
        _default_session_runs(found, edits)
        return apply_edits(code, edits)

    def transform_module(self, module, *, fresh: bool = False, shared=None):
        import libcst as cst  # only for `python -m libcst.tool codemod`: the engine calls transform_text

        return cst.parse_module(self.transform_text(module.code))


def _v1_aliases(found, edits: list) -> None:
    """`import tensorflow.compat.v1 as tf` at module level: the module's TF1 names are spelled for
    `import tensorflow as tf` instead (what each TF1 name means is unchanged: its TF 2.21 name, or
    `tf.compat.v1.X`), so the codemods after this one see the spellings they know, and a module whose
    graph code all migrates ends with no `tf.compat.v1` import. With `import tensorflow as tf2`
    before it, the uses are spelled `tf2....` and the import goes. Done only when the module uses the
    name itself (a module that only defines it is a handle others import), every use is a dotted TF
    name (no bare `tf` passed around) and nothing rebinds it. An alias assigned in code
    (`tf1 = tf.compat.v1`) beside `import tensorflow as tf` is folded into `tf` the same way."""
    scopes, text, tree = found.scopes, found.text, found.tree
    tf_names = {n: p for n, p in scopes.module.bindings.items() if any(x.startswith(ROOT) for x in p)}
    if any(len(set(paths)) > 1 and {ROOT, V1} & set(paths) for paths in tf_names.values()):
        # a TensorFlow module name bound twice (`try: import ...v1 as tf / except: import tensorflow as
        # tf`, `tf = ...` later): which spelling later codemods pick is not stable, so nothing is folded.
        # Another TF name imported twice (`tag_constants` from two modules) does not matter here: a
        # second run, after compat-names merged them, would fold what this one left
        return
    # every other scope's bindings, also of scopes no name is read in (`def f(tf): import ...`)
    rebound = {name for scope in scopes.all if scope is not scopes.module for name in scope.bindings}
    for stmt in tree.body:
        target: str | None = None
        root: str | None = None
        if isinstance(stmt, ast.Import) and len(stmt.names) == 1 and stmt.names[0].name == V1 and stmt.names[0].asname:
            # `import tensorflow as tf` beside it: `tf1.X` becomes `tf.<spelling>` and the import goes
            before = {
                a.asname or a.name
                for earlier in tree.body[: tree.body.index(stmt)]
                if isinstance(earlier, ast.Import)
                for a in earlier.names
                if a.name == ROOT
            }
            roots = [n for n in before if scopes.module.bindings.get(n) == [ROOT] and n not in rebound]
            target, root = stmt.names[0].asname, (roots[0] if roots else None)
        elif (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and scopes.alias_of.get(id(stmt)) == V1
            and isinstance(base := head(stmt.value), ast.Name)
            and scopes.module.bindings.get(base.id) == [ROOT]
            and base.id not in rebound
        ):
            # `tf1 = tf.compat.v1` beside `import tensorflow as tf`, used by this module itself (so
            # not just a handle for others): `tf1.X` becomes `tf.<spelling>` and the line goes
            target, root = stmt.targets[0].id, base.id
        if target is None or target in rebound or scopes.module.bindings.get(target) != [V1]:
            continue
        uses = [n for n in found.names if getattr(head(n), "id", None) == target]
        other_tf = any(
            getattr(head(n), "id", None) != target and (scopes.resolve(n) or "").startswith(ROOT) for n in found.names
        )
        if isinstance(stmt, ast.Assign) and not uses:
            continue  # defined, not used: a handle other modules import (`from .compat import tf1`)
        if not other_tf and all(scopes.resolve(n) in _SWITCHES for n in uses):
            # a module whose only TensorFlow code is this name (a handle other modules import: `from
            # .compat import tf`), used at most by the graph-mode switch compat-mode adds: it stays.
            # An unused alias in a module with other TF code is folded all the same, so the names
            # later codemods spell through it never make a second run fold it
            continue
        if any(not isinstance(n, ast.Attribute) or scopes.resolve(head(n)) != V1 for n in uses):
            continue  # a bare use, or one the scopes cannot vouch for
        mine: list[tuple[int, int, str]] = []
        for node in uses:
            full = scopes.resolve(node)
            rel = full[len(V1) + 1 :] if full and full.startswith(V1 + ".") else None
            if rel is None:
                break
            new_root = root or target
            first = rel.split(".")[0]
            if first in ("keras", "estimator"):  # TF1's Keras and Estimator, not TF 2.21's
                prefix, spelled = first, f"compat.v1.{first}"
            elif rel == "saved_model.load" or rel.startswith("saved_model.load."):  # TF1's loader
                prefix, spelled = "saved_model.load", "compat.v1.saved_model.load"
            elif first == "compat":
                prefix, spelled = rel.split(".")[0], "compat"  # `tf.compat.as_bytes` is one object in both
            else:
                found_spelling = spelling(rel)
                prefix, spelled = found_spelling if found_spelling else (rel.split(".")[0], rel.split(".")[0])
            part = chain(node)[prefix.count(".") + 1]
            start, end = text.span(part)
            if text.code[start:end] != f"{target}.{prefix}":
                break  # split across lines or commented inside: the module keeps its alias
            mine.append((start, end, f"{new_root}.{spelled}"))
        else:
            start, end = text.span(stmt)
            if root is None:
                mine.append((start, end, f"import tensorflow as {target}"))
            else:
                removal = text.line_removal(stmt)
                if removal is None:
                    continue  # not alone on its line
                mine.append(removal)
            edits.extend(mine)


_SESSIONS = {f"{root}.{name}" for root in (ROOT, V1) for name in ("Session", "InteractiveSession")}


def _default_session_runs(found, edits: list) -> None:
    """Inside `with tf.Session(...) as sess:` the session is the default one, which `t.eval()` and
    `op.run()` use: they are spelled `sess.run(t)` / `sess.run(op)`, what they did, and what the native
    codemods read (`y.eval(feed_dict=f)` -> `sess.run(y, feed_dict=f)`). Only when the receiver is
    a TensorFlow value of this module (a TF call, `x.op` of one, or a name every assignment of which
    is one), the call passes at most a feed dict, and nothing in the block changes the default session
    (`with other.as_default():`, another session) or rebinds `sess`."""
    scopes, text = found.scopes, found.text
    tf_names = _tf_valued_names(found)

    def tf_value(node: ast.AST) -> bool:
        if isinstance(node, ast.Call):
            return (scopes.resolve(node.func) or "").startswith(ROOT + ".")
        if isinstance(node, ast.Attribute) and node.attr == "op":
            return tf_value(node.value)
        return isinstance(node, ast.Name) and node.id in tf_names

    for node in ast.walk(found.tree):
        if not isinstance(node, ast.With):
            continue
        sess = None
        for item in node.items:
            call = item.context_expr
            if (
                isinstance(call, ast.Call)
                and (scopes.resolve(call.func) or "") in _SESSIONS
                and isinstance(item.optional_vars, ast.Name)
            ):
                sess = item.optional_vars.id
        if sess is None:
            continue
        inner = list(_block_nodes(node.body))
        if any(_changes_default(n, sess, scopes) for n in inner):
            continue
        calls: list[ast.Call] = [
            n
            for n in inner
            if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr in ("eval", "run")
            and not (isinstance(n.func.value, ast.Name) and n.func.value.id == sess)
            and tf_value(n.func.value)
            and len(n.args) <= 1
            and not any(isinstance(a, ast.Starred) for a in n.args)
            and all(k.arg == "feed_dict" for k in n.keywords)
            and len(n.args) + len(n.keywords) <= 1
        ]
        ids = {id(c) for c in calls}
        inside = {id(sub) for c in calls for sub in ast.walk(c) if sub is not c and id(sub) in ids}
        for call in calls:
            if id(call) in inside or any(id(sub) in ids for sub in ast.walk(call) if sub is not call):
                continue  # `.eval()` inside another one's feed dict: both left as written
            # two edits around the receiver and the arguments, which keep their own renames
            start, end = text.span(call)
            assert isinstance(call.func, ast.Attribute)  # selected above
            receiver_end = text.span(call.func.value)[1]
            paren = text.code.find("(", receiver_end)
            edits.append((start, start, f"{sess}.run("))
            if call.args or call.keywords:
                edits.append((receiver_end, paren + 1, ", "))
            else:
                edits.append((receiver_end, end, ")"))


def _block_nodes(body: list):
    """The nodes of a block, not those of functions, lambdas or classes defined in it (they may run later)."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _changes_default(node: ast.AST, sess: str, scopes) -> bool:
    """A statement in the block that changes its default session or rebinds the session's name."""
    if isinstance(node, ast.With):
        for item in node.items:
            call = item.context_expr
            if isinstance(call, ast.Call) and (
                (isinstance(call.func, ast.Attribute) and call.func.attr == "as_default")
                or (scopes.resolve(call.func) or "") in _SESSIONS
            ):
                return True
    return isinstance(node, ast.Name) and node.id == sess and isinstance(node.ctx, ast.Store)


# Not `_names.binds`: this reads the stdlib `ast` tree `_tfscope` built, and keeps each binding's value.
def _tf_valued_names(found) -> set[str]:
    """Names every assignment of which (in any scope of the module) is a TensorFlow value: a TF call, or
    arithmetic and indexing over TF values (`y = tf.matmul(x, w) + b`)."""
    scopes = found.scopes
    bindings: dict[str, list[ast.AST | None]] = {}
    for node in ast.walk(found.tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    bindings.setdefault(target.id, []).append(node.value)
                else:
                    for sub in ast.walk(target):
                        if isinstance(sub, ast.Name):
                            bindings.setdefault(sub.id, []).append(None)  # unpacked: unknown
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.comprehension, ast.withitem, ast.NamedExpr)):
            bound = getattr(node, "target", None) or getattr(node, "optional_vars", None)
            for sub in ast.walk(bound) if bound is not None else ():
                if isinstance(sub, ast.Name):
                    bindings.setdefault(sub.id, []).append(None)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for arg in ast.walk(node.args):
                if isinstance(arg, ast.arg):
                    bindings.setdefault(arg.arg, []).append(None)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bindings.setdefault((alias.asname or alias.name).split(".")[0], []).append(None)

    known: set[str] = set()

    def value(node: ast.AST | None) -> bool:
        if isinstance(node, ast.Call):
            return (scopes.resolve(node.func) or "").startswith(ROOT + ".")
        if isinstance(node, ast.BinOp):
            return (value(node.left) or value(node.right)) and all(
                value(side) or isinstance(side, ast.Constant) for side in (node.left, node.right)
            )
        if isinstance(node, ast.UnaryOp):
            return value(node.operand)
        if isinstance(node, ast.Subscript):
            return value(node.value)
        return isinstance(node, ast.Name) and node.id in known

    changed = True
    while changed:
        changed = False
        for name, values in bindings.items():
            if name not in known and all(value(v) for v in values):
                known.add(name)
                changed = True
    return known


def v1_module_prefix(rel: str) -> str | None:
    """The longest prefix of `rel` that is a module TF 2.21 has only under tf.compat.v1."""
    parts = rel.split(".")
    modules = tf1_api.table()["modules"]
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if modules.get(prefix) == "v1":
            return prefix
    return None


def spelling(rel: str) -> tuple[str, str] | None:
    """(TF1-relative prefix of `rel` to replace, its TF 2.21 spelling after the root name), or None."""
    found = tf1_api.lookup(rel)
    if found is not None:
        prefix, target = found
        return prefix, target if target else f"compat.v1.{prefix}"
    module = v1_module_prefix(rel)
    if module is not None:
        return module, f"compat.v1.{module}"
    return None


def _rename(node: ast.Attribute, root: str, rel: str, text: SourceText, edits: list) -> None:
    found = spelling(rel)
    if found is None:
        return
    prefix, new = found
    target = chain(node)[prefix.count(".") + 1]
    start, end = text.span(target)
    if text.code[start:end] != f"{root}.{prefix}":
        return  # split across lines or with comments inside: left as is
    edits.append((start, end, f"{root}.{new}"))


def _respell_import_from(node: ast.ImportFrom, text: SourceText, edits: list, through: set[str]) -> None:
    """``from tensorflow[.sub] import X`` → ``from tensorflow.compat.v1[.sub] import X`` when X needs it."""
    module = node.module or ""
    if node.level or not (module == ROOT or module.startswith(ROOT + ".")):
        return
    sub = module[len(ROOT) + 1 :]
    if sub.split(".")[0] in _PRIVATE:
        return
    names = [a.name for a in node.names if a.name != "*"]
    rels = [f"{sub}.{n}" if sub else n for n in names]
    if any(r.split(".")[0] in _PRIVATE for r in rels):
        return
    needs = (
        (sub and v1_module_prefix(sub) is not None)
        or any(spelling(r) is not None for r in rels)
        or any((a.asname or a.name) in through for a in node.names)
    )
    if not needs:
        return
    start, end = text.span(node)
    match = _FROM_TF.match(text.code[start:end])
    if match is None:
        return
    a, b = match.span(2)
    edits.append((start + a, start + b, "tensorflow.compat.v1" + (f".{sub}" if sub else "")))


def __getattr__(name: str):
    if name == "WholeApiCommand":
        from ._base import libcst_command

        return libcst_command(WholeApi)
    raise AttributeError(name)
