"""native-load's view of a session kept on an object (a mixin of `Analyzer`): serving clients.

A client class creates its session in one method (usually `__init__`), loads the SavedModel into
it, keeps the signature or its tensor names on `self`, and runs the session in other methods:

    self.sess = tf.Session(graph=self.graph)
    tf.saved_model.loader.load(self.sess, tags, export_dir)
    ...
    def predict(self, batch):
        return self.sess.run(self.output_name, feed_dict={self.input_name: batch})

The members (`self.sess`, `self.graph`, `self.input_name`, ...) are tracked like variables, keyed
`self.attr`. The block is rewritten only when every use of them in the class is understood: the
load method's own statements, `self.sess.run(...)` and `self.sess.close()` in the other methods,
and no use from outside the class (an instance's `p.sess`, a subclass) that the rewrite would break.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from .._names import mentions
from .._walk import walk
from .base import AnalysisBase
from .model import Names, Refusal, Run, code_of

# builtins that reach an attribute by its name
_ATTR_FUNCTIONS = frozenset({"getattr", "hasattr", "setattr", "delattr"})


class Members(AnalysisBase):
    """Member-session methods of `Analyzer` (which supplies `find_runs`, `analyze_run`, ...)."""

    if TYPE_CHECKING:  # supplied by the other parts of `Analyzer`

        def closes_session(self, stmt: cst.CSTNode) -> bool: ...
        def find_runs(self, stmt: cst.CSTNode) -> list: ...
        def analyze_run(self, call: cst.Call) -> Run: ...
        def check_graph_ops(self, stmt: cst.CSTNode) -> None: ...
        def nested_function(self, node: cst.CSTNode) -> str | None: ...

    def enter_class(self, sess: cst.Attribute) -> bool:
        """Member mode when `sess` is `self.attr` in a plain method; False when it is anything else."""
        func = self.scope
        block = self.parent(func)
        klass = self.parent(block)
        if not (isinstance(func, cst.FunctionDef) and isinstance(klass, cst.ClassDef)):
            return False
        params = func.params.params
        if func.decorators or not params or not isinstance(sess.value, cst.Name):
            return False
        if sess.value.value != params[0].name.value:
            return False
        self.klass, self.owner = klass, params[0].name.value
        owners = set()
        for method in self.methods():
            if method.params.params:
                owners.add(method.params.params[0].name.value)
        self.owners = frozenset(owners)
        return True

    def rest_of_method(self, stmt: cst.CSTNode, region: list) -> list:
        """The load method's statements after the one holding the load (`self.signature = ...` after
        `with self.graph.as_default(): ...`): the members outlive the block that made them."""
        top: cst.CSTNode | None = stmt
        while top is not None and self.parent(top) is not getattr(self.scope, "body", None):
            top = self.parent(top)
        assert isinstance(self.scope, cst.FunctionDef) and top is not None
        body = list(self.scope.body.body)
        return [s for s in body[body.index(top) + 1 :] if s not in region]

    def other_session(self, stmt: cst.CSTNode) -> bool:
        """`self.other = tf.Session(...)` or a load into it: another model of the class, its own site."""
        if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
            return False
        small = stmt.body[0]
        value = small.value if isinstance(small, (cst.Assign, cst.Expr)) else None
        if not isinstance(value, cst.Call):
            return False
        names = Names()
        walk(stmt, names)
        if any(name.value in self.tracked for name in names.found):
            return False  # it reads or rebinds a name of this site
        first = value.args[0].value if value.args else None
        if isinstance(small, cst.Assign) and len(small.targets) == 1 and self.is_call(value, "Session"):
            key = self.key(small.targets[0].target)
            return key is not None and "." in key and key not in self.tracked
        if self.rel(value.func) in ("saved_model.loader.load", "saved_model.load") and first is not None:
            key = self.key(first)
            return key is not None and "." in key and key not in self.tracked
        return False

    def methods(self) -> list[cst.FunctionDef]:
        assert self.klass is not None
        return [s for s in self.klass.body.body if isinstance(s, cst.FunctionDef)]

    def scan_other_methods(self) -> None:
        """`self.sess.run(...)` and `self.sess.close()` in the class's other methods."""
        self.foreign = True
        for method in self.methods():
            if method is self.scope:
                continue
            for stmt in method.body.body:
                if self.closes_session(stmt):
                    continue
                runs = self.find_runs(stmt)
                for run in runs:
                    analyzed = self.analyze_run(run)
                    analyzed.outside = True
                    self.site.runs.append(analyzed)
                if runs:
                    self.check_graph_ops(stmt)
        self.foreign = False

    def check_members(self) -> None:
        """Every use of a tracked member in the class was understood, and nothing outside uses it."""
        assert self.klass is not None
        analyzer = self
        found: list[cst.Attribute] = []

        class Finder(cst.CSTVisitor):
            def visit_Attribute(self, node: cst.Attribute) -> None:
                key = analyzer.key(node)
                if key is not None and "." in key and key in analyzer.tracked:
                    found.append(node)

        walk(self.klass, Finder())
        self.all_names = mentions(self.klass)  # new local names (`outputs`) avoid every name of the class
        for node in found:
            if id(node) not in self.accounted:
                raise self.unaccounted_member(node, self.tracked[self.key(node) or ""])
        self.check_member_strings()
        self.check_outside_uses()

    def check_member_strings(self) -> None:
        """`hasattr(self, "sess")`, `getattr(self, "graph")`: a member named by a string may be read."""
        assert self.klass is not None
        members = {key.split(".", 1)[1] for key in self.tracked if "." in key}
        analyzer = self

        class Finder(cst.CSTVisitor):
            def visit_Call(self, node: cst.Call) -> None:
                if isinstance(node.func, cst.Name) and node.func.value in _ATTR_FUNCTIONS and len(node.args) > 1:
                    name = node.args[1].value
                    if isinstance(name, cst.SimpleString):
                        self.check(name)

            def check(self, node: cst.SimpleString) -> None:
                if node.evaluated_value in members:
                    raise Refusal(
                        node,
                        "SM202",
                        f"the member `{analyzer.owner}.{node.evaluated_value}` is named by the string "
                        f"{node.value} in `{analyzer.method_of(node)}`, so it may be read or set",
                    )

        walk(self.klass, Finder())

    def unaccounted_member(self, node: cst.Attribute, role: str) -> Refusal:
        what = f"the {role.replace('_', ' ')} `{code_of(node)}`"
        method = self.method_of(node)
        nested = self.nested_function(node)
        parent = self.parent(node)
        if nested is not None:
            return Refusal(node, "SM202", f"{what} is used inside `{nested}`, which may run at any time")
        if isinstance(parent, cst.AssignTarget) or (isinstance(parent, cst.AugAssign) and parent.target is node):
            return Refusal(node, "SM202", f"{what} is assigned again in `{method}`, so it may hold another object")
        if role == "session":
            grand = self.parent(parent)
            if isinstance(parent, cst.Arg) and isinstance(grand, cst.Call):
                return Refusal(
                    node,
                    "SM202",
                    f"{what} is passed to `{code_of(grand.func)}(...)` in `{method}`, which may run anything in it",
                )
            if isinstance(parent, cst.Attribute) and parent.value is node:
                return Refusal(parent, "SM201", f"the session is also used as `{code_of(parent)}` in `{method}`")
            if isinstance(parent, (cst.Return, cst.Yield)):
                return Refusal(node, "SM202", f"{what} is returned to the caller of `{method}`")
            return Refusal(node, "SM201", f"{what} is used for something else in `{method}`")
        code = {"graph": "SM209", "tensor": "SM209"}.get(role, "SM211")
        return Refusal(node, code, f"{what} is used in `{method}` for more than the loaded signature")

    def method_of(self, node: cst.CSTNode) -> str:
        current = self.parent(node)
        while current is not None and current is not self.klass:
            if isinstance(current, cst.FunctionDef) and self.parent(self.parent(current)) is self.klass:
                return f"{current.name.value}()"
            current = self.parent(current)
        return "the class body"

    def check_outside_uses(self) -> None:
        """Instances whose members are read outside the class, and subclasses, keep the members alive."""
        assert self.klass is not None
        name = self.klass.name.value
        members = {key.split(".", 1)[1]: role for key, role in self.tracked.items() if "." in key}
        module = self.cm.module_node
        instances: set[str] = set()
        for stmt in cst.ensure_type(module, cst.Module).body:
            if isinstance(stmt, cst.ClassDef) and stmt is not self.klass:
                for base in stmt.bases:
                    if isinstance(base.value, cst.Name) and base.value.value == name:
                        raise Refusal(
                            base.value,
                            "SM202",
                            f"the class `{name}` keeps its session in `{self.owner}.{self.session_member}` and is "
                            f"subclassed by `{stmt.name.value}`, whose methods may use it",
                        )
        klass = self.klass

        class Finder(cst.CSTVisitor):
            def visit_ClassDef(self, node: cst.ClassDef) -> bool:
                return node is not klass

            def visit_Assign(self, node: cst.Assign) -> None:
                call = node.value
                if isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value == name:
                    for target in node.targets:
                        if isinstance(target.target, cst.Name):
                            instances.add(target.target.value)

        walk(module, Finder())
        uses: list[cst.Attribute] = []

        class Uses(cst.CSTVisitor):
            def visit_ClassDef(self, node: cst.ClassDef) -> bool:
                return node is not klass

            def visit_Attribute(self, node: cst.Attribute) -> None:
                value = node.value
                instance = isinstance(value, cst.Name) and value.value in instances
                made_here = (
                    isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == name
                )
                if (instance or made_here) and node.attr.value in members:
                    uses.append(node)

        walk(module, Uses())
        if uses:
            node = uses[0]
            role = members[node.attr.value].replace("_", " ")
            raise Refusal(
                node,
                "SM202",
                f"`{code_of(node)}` reads the {role} `{self.owner}.{node.attr.value}` from outside the class `{name}`",
            )

    def member_names(self) -> set[str]:
        """Attributes the class's methods use on `self`, and its own names (new members avoid them)."""
        assert self.klass is not None
        analyzer, names = self, set()

        class Finder(cst.CSTVisitor):
            def visit_Attribute(self, node: cst.Attribute) -> None:
                if isinstance(node.value, cst.Name) and node.value.value in analyzer.owners:
                    names.add(node.attr.value)

        walk(self.klass, Finder())
        for stmt in self.klass.body.body:
            if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                names.add(stmt.name.value)
        return names

    @property
    def session_member(self) -> str:
        return next(key.split(".", 1)[1] for key, role in self.tracked.items() if role == "session")
