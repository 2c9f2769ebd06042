"""native-load's view of the session and graph scaffolding around a load (a mixin of `Analyzer`).

Finds where the session passed to `loader.load` is created — `with tf.Session(...) as sess:`
(with `graph=tf.Graph()`, a graph variable, or inside `with tf.Graph().as_default():`) or a plain
`sess = tf.Session(...)` in the same block — and records which `with` items, `with` statements
and `g = tf.Graph()` / `sess.close()` statements only served the session and can go. A session
with a config, a target, a graph made elsewhere, or created anywhere else is refused.
"""

from __future__ import annotations

from collections import Counter

import libcst as cst

from .._names import FreshNames, local_names, param_names
from ..exports.session_config import read_config, settings_code
from ..exports.syntax import name_nodes, tf_refs
from .base import AnalysisBase
from .model import Refusal, code_of


class Scaffold(AnalysisBase):
    """Session/graph methods of `Analyzer` (which supplies `site`, `tracked`, `use`, `is_call`, ...)."""

    def session_call(self, node: cst.CSTNode) -> cst.Call | None:
        return node if self.is_call(node, "Session") else None

    def graph_default(self, node: cst.BaseExpression) -> bool:
        """`tf.Graph().as_default()` or `g.as_default()` for a tracked graph `g`."""
        if not (isinstance(node, cst.Call) and not node.args and isinstance(node.func, cst.Attribute)):
            return False
        if node.func.attr.value != "as_default":
            return False
        target = node.func.value
        if self.graph_name(target):
            return True
        return self.is_call(target, "Graph") and not target.args

    def check_session_args(self, call: cst.Call) -> None:
        site = self.site
        site.dropped_funcs.append(call.func)
        for arg in call.args:
            config = arg.keyword is not None and arg.keyword.value == "config" and not arg.star
            if config and self.session_config(call, arg.value):
                continue
            if arg.keyword is not None and arg.keyword.value == "graph" and not arg.star:
                value = arg.value
                if self.is_call(value, "Graph") and not value.args:
                    site.dropped_funcs.append(value.func)
                    continue
                if self.graph_name(value) or self.entered_graph(call, value):
                    continue
            what = code_of(arg).strip().rstrip(",")
            if arg.keyword is not None and arg.keyword.value == "graph" and not arg.star:
                raise Refusal(
                    arg,
                    "SM216",
                    f"the session runs in the graph `{code_of(arg.value)}`, which is made outside the session's "
                    "block (a parameter, an attribute or a call), so other code may build ops in it or read it",
                )
            if arg.keyword is not None and arg.keyword.value == "config" and not arg.star:
                raise Refusal(
                    arg,
                    "SM206",
                    f"the session is created with `{what}`, which sets something smmigrate does not map to "
                    "`tf.config` (it maps literal thread counts, `gpu_options.allow_growth`, "
                    '`device_count={"GPU": 0}`, `log_device_placement`, `allow_soft_placement` of a config '
                    "used only by this session)",
                )
            raise Refusal(arg, "SM206", f"the session is created with `{what}`, which has no per-call TF2 equivalent")

    def session_config(self, call: cst.Call, value: cst.BaseExpression) -> bool:
        """`config=` of the session: understood (`native_save.config.read_config`), its lines go and
        the `tf.config` calls asking for the same come before the TF2 load."""
        before: list[list] = []  # earlier statements of each enclosing block, innermost first
        child: cst.CSTNode | None = call
        node = self.parent(call)
        while node is not None:
            if isinstance(node, (cst.IndentedBlock, cst.Module)):
                body: list[cst.CSTNode] = list(node.body)
                before.append(body[: body.index(child)] if child in body else [])
            if node is self.scope:
                break
            child, node = node, self.parent(node)
        counts = Counter(name.value for name in name_nodes(self.scope))
        found = read_config(self.cm, value, [s for level in reversed(before) for s in level], counts)
        if found is None:
            return False
        settings, lines = found
        taken = {n.value for n in name_nodes(self.cm.module_node)}
        self.site.config_code = settings_code(self.cm, settings, FreshNames(taken).fresh)
        self.site.remove.update(lines)
        for line in lines:
            self.site.dropped_funcs.extend(ref for ref, _ in tf_refs(self.cm, line))
        self.use(value)
        return True

    def entered_graph(self, node: cst.CSTNode, value: cst.BaseExpression) -> bool:
        """`g` of an enclosing `with tf.Graph().as_default() as g:` (now tracked as the graph)."""
        key = self.key(value)
        current = self.parent(node)
        while key is not None and current is not None and current is not self.scope:
            if isinstance(current, cst.With):
                for item in current.items:
                    asname = item.asname.name if item.asname else None
                    if self.key(asname) == key and self.graph_default(item.item):
                        self.tracked[key] = "graph"
                        self.use(value)
                        return True
            current = self.parent(current)
        return False

    def collect_graph_candidates(self, stmt: cst.CSTNode) -> None:
        """`g = tf.Graph()` statements before `stmt` (in its block and enclosing blocks of the scope)."""
        self.graph_candidates: dict[str, tuple] = {}
        child, node = stmt, self.parent(stmt)
        while node is not None:
            if isinstance(node, (cst.IndentedBlock, cst.Module)):
                body: list[cst.CSTNode] = list(node.body)
                for prior in body[: body.index(child)] if child in body else []:
                    if (
                        isinstance(prior, cst.SimpleStatementLine)
                        and len(prior.body) == 1
                        and isinstance(prior.body[0], cst.Assign)
                    ):
                        assign = prior.body[0]
                        target = assign.targets[0].target if len(assign.targets) == 1 else None
                        key = self.key(target)
                        if key is not None and self.is_call(assign.value, "Graph") and not assign.value.args:
                            self.graph_candidates.setdefault(key, (prior, target, assign.value.func))
            if node is self.scope:
                break
            child, node = node, self.parent(node)

    def graph_name(self, node: cst.BaseExpression) -> bool:
        """A tracked graph variable, or a `g = tf.Graph()` candidate that now becomes one."""
        if self.is_tracked(node, "graph"):
            self.use(node)
            return True
        key = self.key(node)
        if key is not None and key in self.graph_candidates and key not in self.tracked:
            stmt, target, func = self.graph_candidates[key]
            self.tracked[key] = "graph"
            self.use(node)
            self.use(target)
            self.site.remove.add(stmt)
            self.site.dropped_funcs.append(func)
            return True
        return False

    def find_session(self, block: cst.IndentedBlock | cst.Module, stmt: cst.SimpleStatementLine, sess: str) -> list:
        """Locate where `sess` is created; returns the statements of the region it serves."""
        owner = self.parent(block) if isinstance(block, cst.IndentedBlock) else None
        body = list(block.body)
        self.collect_graph_candidates(stmt)
        if isinstance(owner, cst.With) and self.with_items(owner, sess):
            return self.outer_graph_with(owner, body)
        found = self.plain_session(body, body.index(stmt), sess)
        if found is not None:
            # `with graph.as_default():` around `sess = tf.Session()`: the graph goes, so does the `with`
            graph_block = isinstance(owner, cst.With) and self.graph_with(owner)
            return body if graph_block else body[found:]
        if isinstance(owner, cst.With) and self.enters_graph(owner):
            # `sess = tf.Session(graph=graph)` first, then `with graph.as_default():` around the load
            outer_block = self.parent(owner)
            outer = list(outer_block.body) if isinstance(outer_block, (cst.IndentedBlock, cst.Module)) else []
            at = outer.index(owner) if owner in outer else -1
            found = self.plain_session(outer, at, sess) if at >= 0 else None
            if found is not None and self.graph_with(owner):
                return outer[found:at] + body + outer[at + 1 :]
            # `with tf.Session(graph=graph) as sess:` around `with graph.as_default():`
            session_with = self.parent(outer_block) if isinstance(outer_block, cst.IndentedBlock) else None
            if (
                found is None
                and isinstance(session_with, cst.With)
                and self.with_items(session_with, sess)
                and self.graph_with(owner)
            ):
                return outer[:at] + body + outer[at + 1 :]
        raise Refusal(self.call, "SM202", self.session_elsewhere(sess))

    def session_elsewhere(self, sess: str) -> str:
        """Why the session of the load is not one this block creates, as precisely as we can say it."""
        scope = self.scope
        if "." in sess and isinstance(scope, cst.FunctionDef):  # a member: `self.sess`
            return (
                f"the session `{sess}` is not created by `{sess} = tf.Session(...)` in `{scope.name.value}()` before "
                "the load, in the same block"
            )
        if isinstance(scope, cst.FunctionDef):
            if sess in param_names(scope.params):
                return (
                    f"the session `{sess}` is a parameter of `{scope.name.value}()`: its callers create it and may use "
                    "it for more than this load (sessions passed into helpers are not migrated)"
                )
            if sess not in local_names(scope):
                return f"the session `{sess}` is a global variable, so other functions may use it"
        return (
            f"the session `{sess}` is not created by `tf.Session()` in the block of the load or in a `with` around it"
        )

    def plain_session(self, body: list, index: int, sess: str) -> int | None:
        """The index of `sess = tf.Session(...)` before `body[index]`, recorded for removal."""
        for i in range(index - 1, -1, -1):
            prior = body[i]
            if not (
                isinstance(prior, cst.SimpleStatementLine)
                and len(prior.body) == 1
                and isinstance(prior.body[0], cst.Assign)
            ):
                continue
            assign = prior.body[0]
            targets = [t.target for t in assign.targets]
            if len(targets) == 1 and self.key(targets[0]) == sess:
                session = self.session_call(assign.value)
                if session is None:
                    raise Refusal(
                        assign.value,
                        "SM202",
                        f"the session `{sess}` comes from `{code_of(assign.value)}`, not from tf.Session()",
                    )
                self.check_session_args(session)
                self.use(targets[0])
                self.site.remove.add(prior)
                return i
        return None

    @staticmethod
    def enters_graph(owner: cst.With) -> bool:
        """Some item of `owner` is an `X.as_default()` call (checked properly by `graph_with`)."""
        return any(
            isinstance(item.item, cst.Call)
            and not item.item.args
            and isinstance(item.item.func, cst.Attribute)
            and item.item.func.attr.value == "as_default"
            for item in owner.items
        )

    def graph_with(self, owner: cst.With) -> bool:
        """Drops the `with` items of `owner` that enter the session's graph; False when it has none."""
        drop = []
        for item in owner.items:
            if self.graph_default(item.item):
                asname = item.asname.name if item.asname else None
                if isinstance(asname, cst.Name):
                    self.tracked[asname.value] = "graph"
                    self.use(asname)
                drop.append(item)
        if drop:
            self.strip(owner, drop)
        return bool(drop)

    def with_items(self, owner: cst.With, sess: str) -> bool:
        """True when `owner` creates `sess`; records which of its items are scaffolding."""
        session_item, session_call, session_name = None, None, None
        for item in owner.items:
            asname = item.asname.name if item.asname else None
            if isinstance(asname, cst.Name) and asname.value == sess and self.session_call(item.item):
                session_item, session_call, session_name = item, item.item, asname
        if session_item is None or not isinstance(session_call, cst.Call):
            return False
        self.use(session_name)
        drop = []
        for item in owner.items:
            asname = item.asname.name if item.asname else None
            if item is session_item:
                drop.append(item)
            elif self.graph_default(item.item):
                if isinstance(asname, cst.Name):
                    self.tracked[asname.value] = "graph"
                    self.use(asname)
                drop.append(item)
        self.check_session_args(session_call)
        self.strip(owner, drop)
        return True

    def strip(self, owner: cst.With, drop: list) -> None:
        if len(drop) == len(owner.items):
            self.site.flatten.add(owner)
        else:
            self.site.strip_items[owner] = drop

    def outer_graph_with(self, owner: cst.With, body: list) -> list:
        """A session `with` directly inside `with tf.Graph().as_default():` drops that one too."""
        block = self.parent(owner)
        outer = self.parent(block) if isinstance(block, cst.IndentedBlock) else None
        if isinstance(block, cst.IndentedBlock) and isinstance(outer, cst.With) and owner in self.site.flatten:
            drop = []
            for item in outer.items:
                if self.graph_default(item.item):
                    asname = item.asname.name if item.asname else None
                    if isinstance(asname, cst.Name):
                        self.tracked[asname.value] = "graph"
                        self.use(asname)
                    drop.append(item)
            if drop:
                self.strip(outer, drop)
                return [s for s in block.body if s is not owner] + body
        return body
