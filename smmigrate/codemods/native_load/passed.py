"""native-load across functions: a session made by the caller and passed into helpers of the module.

Serving scripts often create one session and hand it to a helper that loads the model and returns
a SignatureDef, then to helpers that run it:

    def load_model(sess, path):
        meta_graph = tf.saved_model.loader.load(sess, [SERVING], path)
        return meta_graph.signature_def["serving_default"]

    def predict(sess, signature, batch):
        x = sess.graph.get_tensor_by_name(signature.inputs["x"].name)
        y = sess.graph.get_tensor_by_name(signature.outputs["y"].name)
        return sess.run(y, feed_dict={x: batch})

    sess = tf.Session(graph=tf.Graph())
    signature = load_model(sess, path)
    print(predict(sess, signature, batch))
    sess.close()

In TF2 the session goes and the signature is a function: `load_model(path)` returns
`loaded.signatures["serving_default"]`, `predict(signature, batch)`
calls it, and the callers stop passing the session. Each helper's body is analysed as a load block
(`Analyzer`), with the session and the SignatureDef as its parameters; the group is rewritten only
when every use of the session, in every caller, and of the returned SignatureDef is understood, and
when no code outside the module can call the helpers with a session (their parameters change): the
helpers are private (`_load`) or the module creates the session at module level, so importing it
runs the program.

A signature function outliving its loaded object failed on TF 2.0-2.8 (tensorflow#34253, #46708); on
TF 2.21 it keeps working after the object is collected, for TF1- and TF2-written SavedModels, with
variables and lookup tables (checked; the execution test collects it before the call).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from .._base import is_main_guard
from .._keras import scope_of
from .._walk import walk
from .find import Analyzer
from .model import Names, Refusal, Run, SigRef, Site, code_of


@dataclass
class Origin:
    """Where a caller creates the session it passes: what goes, and the `tf.config` calls left in its place."""

    site: Site  # remove / flatten / strip / config_code / dropped_funcs of the caller's scaffolding
    session_stmt: cst.SimpleStatementLine | None  # `sess = tf.Session(...)` (None: a `with` item)
    scope: cst.CSTNode  # the caller: a function or the module


def _main_guarded(module: cst.Module) -> bool:
    """The module has a top-level `if __name__ == "__main__":` block: it is run as a script."""
    return any(is_main_guard(stmt) for stmt in module.body)


@dataclass
class Passed:
    """A load helper, the helpers its session is passed into, and their callers, understood together."""

    load: Site
    analyzer: Analyzer
    returns: dict = field(default_factory=dict)  # `return mg.signature_def[k]` statement -> SigRef
    helpers: list[tuple[Site, Analyzer]] = field(default_factory=list)  # run helpers (signature calls only)
    script_names: list[str] = field(default_factory=list)  # public functions of a script changed (SM221)
    params: dict = field(default_factory=dict)  # helper FunctionDef -> session parameter to drop
    args: dict = field(default_factory=dict)  # call of a helper -> index of the session argument to drop
    origins: list[Origin] = field(default_factory=list)


def session_parameter(codemod, call: cst.Call) -> tuple[cst.FunctionDef, str] | None:
    """(function, parameter) when the load's session is a parameter of the function around it."""
    sess, node = _session_and_function(codemod, call)
    if sess is None or node is None:
        return None
    if any(p.name.value == sess.value for p in (*node.params.params, *node.params.kwonly_params)):
        return node, sess.value
    return None


def _session_and_function(codemod, call: cst.Call) -> tuple[cst.Name | None, cst.FunctionDef | None]:
    """The load's session when it is a plain name, and the function the load is in (not a lambda's)."""
    sess = _argument(call, 0, "sess")
    node = scope_of(codemod, call)
    return (sess if isinstance(sess, cst.Name) else None), (node if isinstance(node, cst.FunctionDef) else None)


def _argument(call: cst.Call, index: int, keyword: str) -> cst.BaseExpression | None:
    for i, arg in enumerate(call.args):
        if arg.star:
            return None
        if (arg.keyword is None and i == index) or (arg.keyword is not None and arg.keyword.value == keyword):
            return arg.value
    return None


class HelperAnalyzer(Analyzer):
    """`Analyzer` for a helper whose session (and SignatureDefs) are parameters: its whole body is the region."""

    returns: dict

    def session_region(self, stmt: cst.SimpleStatementLine, sess_key: str) -> list:
        func = self.scope
        assert isinstance(func, cst.FunctionDef)  # `session_parameter` found it
        if self.parent(stmt) is not func.body:
            raise Refusal(
                self.call,
                "SM202",
                f"the load into the session parameter `{sess_key}` of `{func.name.value}()` sits inside a nested "
                "block of the function",
            )
        return list(func.body.body)

    def scaffolding_site(self) -> Site:
        """A Site used only as the container of another function's changes (runs, removals, config);
        its load call and statement are the loading helper's and are not recorded from it."""
        return Site(self.call, self.parent(self.parent(self.call)), cst.Name("None"), None)  # type: ignore[arg-type]

    def run_helper(self, func: cst.FunctionDef, sess: str, signatures: list[str]) -> Site:
        """The runs of a helper the loaded session and its SignatureDefs are passed into."""
        return self.run_region(func, list(func.body.body), sess, signatures)

    def run_region(self, scope: cst.CSTNode, region: list, sess: str, signatures: list[str], also=()) -> Site:
        """The runs in `region` of `scope`, where `sess` holds the loaded session and `signatures` its
        SignatureDefs (signature functions in TF2); `also` are statements the span must include."""
        self.scope = scope
        self.site = self.scaffolding_site()
        self.tracked[sess] = "session"
        for name in signatures:
            self.sigs[name] = SigRef(key=cst.Name(name), var=name, fn_var=name)
            self.tracked[name] = "signature"
        self.scan_region(region, None)
        self.account_key_reads()
        self.check_unaccounted(self.span([*region, *also]) if region or also else (0, 0))
        return self.site

    def simple_binding(self, stmt: cst.BaseStatement) -> bool:
        """Also `return mg.signature_def[key]` / `return sig`: the caller gets the signature function."""
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Return):
            value = stmt.body[0].value
            if value is not None and self.is_tracked(value, "signature"):
                self.use(value)
                self.returns[stmt] = None  # `sig = loaded.signatures[key]` already: returned as it is
                return True
            sig = self.signature_lookup(value) if value is not None else None
            if sig is not None:
                self.returns[stmt] = sig
                return True
        return super().simple_binding(stmt)


class PassedPlanner:
    """Plans one load into a session parameter: the helper, the callers, the helpers the session reaches."""

    def __init__(self, codemod, call: cst.Call, func: cst.FunctionDef, param: str) -> None:
        self.script_names: list[str] = []  # public functions of a script whose signature changes (SM221)
        self.cm = codemod
        self.call = call
        self.func = func
        self.param = param
        self.module = codemod.module_node
        self.functions: dict[str, list[cst.FunctionDef]] = {}
        for stmt in self.module.body:
            if isinstance(stmt, cst.FunctionDef):
                self.functions.setdefault(stmt.name.value, []).append(stmt)

    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self.cm.get_metadata(cst.metadata.ParentNodeProvider, node, None)

    def refuse(self, node: cst.CSTNode, reason: str, code: str = "SM202") -> Refusal:
        return Refusal(node, code, reason)

    # -- entry -----------------------------------------------------------------------------
    def plan(self) -> Passed:
        func, name = self.func, self.func.name.value
        self.check_helper(func, self.param)
        analyzer = HelperAnalyzer(self.cm, self.call)
        analyzer.returns = {}
        site = analyzer.run()
        passed = Passed(site, analyzer, analyzer.returns)
        passed.params[func] = self.param
        calls = self.callers(func)
        self.check_private([name], calls)
        if not calls:
            raise self.refuse(
                self.call,
                f"the session `{self.param}` is a parameter of `{name}()`, which nothing in this module calls: its "
                "callers elsewhere create the session and may use it for more than this load",
            )
        helpers: dict[str, tuple[cst.FunctionDef, str, set[str]]] = {}  # name -> (def, session param, signature params)
        planned: set[int] = set()
        for call in calls:
            self.plan_caller(call, passed, helpers, planned)
        self.check_private([name, *helpers], calls)
        for helper, sess, signatures in helpers.values():
            for call in self.callers(helper):
                if id(call) not in planned:
                    raise self.refuse(
                        call,
                        f"`{helper.name.value}()` is also called here with a session that no load helper of this "
                        "module fills",
                    )
            run_analyzer = HelperAnalyzer(self.cm, self.call)
            run_analyzer.returns = {}
            run_site = run_analyzer.run_helper(helper, sess, sorted(signatures))
            if run_analyzer.returns:
                raise self.refuse(helper, f"`{helper.name.value}()` returns the SignatureDef it was given")
            passed.helpers.append((run_site, run_analyzer))
            passed.params[helper] = sess
        passed.script_names = self.script_names
        return passed

    def check_private(self, names: list[str], calls: list[cst.Call], returned: bool = False) -> None:
        """Other modules cannot call the helpers: they are private, or every call of them is at module
        level (importing the module runs the program)."""
        if all(n.startswith("_") for n in names):
            return
        if all(isinstance(self.scope_of(call), cst.Module) for call in calls):
            return
        if _main_guarded(self.module):  # a script: the engine checks that no file of the run imports it
            self.script_names = [n for n in names if not n.startswith("_")]
            return
        which = ", ".join(f"`{n}()`" for n in names)
        them = "them" if len(names) > 1 else "it"
        if returned:
            change = (
                f"{which} returns the session, which the TF2 form replaces with the loaded object, and other modules "
                f"may call {them} and run the session (public, and called inside a function)"
            )
        else:
            change = (
                f"the session is passed into {which}, whose parameters the TF2 form changes, and other modules may "
                f"call {them} with a session (public, and the session is made inside a function)"
            )
        raise self.refuse(
            self.call,
            f"{change}; if only this module calls {them}, make {them} private (`_{names[0]}`) and rerun",
        )

    def scope_of(self, node: cst.CSTNode) -> cst.CSTNode:
        return scope_of(self.cm, node)

    # -- the functions ---------------------------------------------------------------------------
    def check_helper(self, func: cst.FunctionDef, param: str) -> None:
        name = func.name.value
        if self.parent(func) is not self.module:
            raise self.refuse(
                func.name,
                f"the session `{param}` is a parameter of `{name}()`, a method or nested function, whose callers "
                "smmigrate does not follow",
            )
        if len(self.functions.get(name, [])) != 1:
            raise self.refuse(func.name, f"`{name}()` is defined more than once in this module")
        if func.decorators:
            raise self.refuse(func.name, f"`{name}()` is decorated, so what calls it with the session is unknown")
        found = [p for p in func.params.params if p.name.value == param]
        if not found or found[0].default is not None:
            raise self.refuse(
                func.name,
                f"the session `{param}` of `{name}()` is keyword-only or has a default, so callers may not pass it",
            )

    def callers(self, func: cst.FunctionDef) -> list[cst.Call]:
        """Every call of `func` in the module; its name may be used for nothing else."""
        name = func.name.value
        found = []
        for node in _names(self.module, name):
            if node is func.name:
                continue
            parent = self.parent(node)
            if isinstance(parent, cst.Call) and parent.func is node:
                found.append(parent)
            else:
                raise self.refuse(
                    node,
                    f"`{name}()` takes the session as a parameter and its name is also used here as a value, so "
                    "its callers are unknown",
                )
        return found

    def param_index(self, func: cst.FunctionDef, param: str) -> int:
        return [p.name.value for p in func.params.params].index(param)

    def arg_of(self, call: cst.Call, func: cst.FunctionDef, param: str) -> int | None:
        """The index in `call.args` of the argument that `param` of `func` receives."""
        position = self.param_index(func, param)
        for i, arg in enumerate(call.args):
            if arg.star:
                raise self.refuse(
                    arg,
                    f"`{code_of(call.func)}(...)` gets `{arg.star}{code_of(arg.value)}`, so its arguments are unknown",
                )
            if (arg.keyword is None and i == position) or (arg.keyword is not None and arg.keyword.value == param):
                return i
        return None

    # -- a caller: the session's creation and every use of it and of the SignatureDef ------------
    def plan_caller(self, call: cst.Call, passed: Passed, helpers: dict, planned: set[int]) -> None:
        func = self.func
        at = self.arg_of(call, func, self.param)
        if at is None:
            raise self.refuse(call, f"this call of `{func.name.value}()` does not pass the session")
        sess = call.args[at].value
        if not isinstance(sess, cst.Name):
            raise self.refuse(
                sess, f"the session `{code_of(sess)}` passed to `{func.name.value}()` is not a variable of the caller"
            )
        origin = HelperAnalyzer(self.cm, self.call)
        origin.returns = {}
        scope = origin.enclosing_scope(call)
        origin.scope = scope
        site = origin.scaffolding_site()
        origin.site = site
        origin.tracked[sess.value] = "session"
        names = Names(scope)
        walk(scope, names)
        uses = [n for n in names.found if n.value == sess.value]
        bindings = [n for n in uses if origin.is_binding(n)]
        if len(bindings) != 1:
            raise self.refuse(
                sess,
                f"the session `{sess.value}` passed to `{func.name.value}()` is "
                + ("bound more than once in its scope" if bindings else "not created in the caller's scope"),
            )
        session_stmt = self.create(origin, bindings[0], sess.value, func)
        passed.origins.append(Origin(site, session_stmt, scope))
        loads = 0
        result: str | None = None
        for use in uses:
            if use is bindings[0] or id(use) in origin.accounted:
                continue
            parent = self.parent(use)
            grand = self.parent(parent) if parent is not None else None
            if isinstance(parent, cst.Arg) and isinstance(grand, cst.Call) and isinstance(grand.func, cst.Name):
                target = grand.func.value
                if grand is call:
                    loads += 1
                    # a SignatureDef returned: where it goes is followed (other results stay as they are)
                    result = self.result_name(call) if passed.returns else None
                elif target == func.name.value:
                    raise self.refuse(use, f"the session `{sess.value}` is loaded into twice")
                elif len(self.functions.get(target, [])) == 1:
                    helper = self.functions[target][0]
                    index = list(grand.args).index(parent)
                    param = self.param_at(helper, grand, index)
                    if param is None:
                        raise origin.unaccounted(use, "session")
                    self.check_helper(helper, param)
                    known = helpers.setdefault(target, (helper, param, set()))
                    if known[1] != param:
                        raise self.refuse(use, f"`{target}()` gets the session in two different parameters")
                    passed.args[grand] = index
                    planned.add(id(grand))
                else:
                    raise origin.unaccounted(use, "session")
                origin.use(use)
                if grand is call:
                    passed.args[call] = at
                    planned.add(id(call))
                continue
            if isinstance(parent, cst.Attribute) and origin.closes_session(self.statement_of(use)):
                continue
            raise origin.unaccounted(use, "session")
        if loads != 1:
            raise self.refuse(call, f"the session `{sess.value}` is not passed to this call of `{func.name.value}()`")
        self.signature_uses(scope, names, result, helpers, passed, call)

    def statement_of(self, node: cst.CSTNode) -> cst.CSTNode:
        current: cst.CSTNode | None = node
        while current is not None and not isinstance(current, cst.SimpleStatementLine):
            current = self.parent(current)
        return current if current is not None else node

    def param_at(self, helper: cst.FunctionDef, call: cst.Call, index: int) -> str | None:
        arg = call.args[index]
        names = [p.name.value for p in helper.params.params]
        if arg.keyword is not None:
            return arg.keyword.value if arg.keyword.value in names else None
        return names[index] if index < len(names) else None

    def create(self, origin: HelperAnalyzer, binding: cst.Name, sess: str, func: cst.FunctionDef):
        """Record the removal of the session's creation; the statement when it is `sess = tf.Session(...)`."""
        parent = self.parent(binding)
        if isinstance(parent, cst.AssignTarget):
            assign = self.parent(parent)
            stmt = self.parent(assign) if assign is not None else None
            if (
                isinstance(assign, cst.Assign)
                and len(assign.targets) == 1
                and isinstance(stmt, cst.SimpleStatementLine)
                and len(stmt.body) == 1
            ):
                session = origin.session_call(assign.value)
                if session is None:
                    raise self.refuse(
                        assign.value,
                        f"the session `{sess}` passed to `{func.name.value}()` comes from `{code_of(assign.value)}`, "
                        "not from tf.Session()",
                    )
                origin.collect_graph_candidates(stmt)
                origin.check_session_args(session)
                origin.use(binding)
                origin.site.remove.add(stmt)
                return stmt
        if isinstance(parent, cst.AsName):
            item = self.parent(parent)
            owner = self.parent(item) if item is not None else None
            if isinstance(owner, cst.With):
                origin.collect_graph_candidates(owner)
                if origin.with_items(owner, sess):
                    if origin.site.config_code:
                        raise self.refuse(
                            owner,
                            f"the session `{sess}` is made with `config=` in a `with` statement; make it with "
                            f"`{sess} = tf.Session(config=...)` on its own line",
                            "SM206",
                        )
                    return None
        if isinstance(parent, cst.Param):
            raise self.refuse(
                binding,
                f"the session `{sess}` passed to `{func.name.value}()` is itself a parameter of its caller",
            )
        raise self.refuse(binding, f"the session `{sess}` passed to `{func.name.value}()` is not made by tf.Session()")

    def result_name(self, call: cst.Call) -> str | None:
        parent = self.parent(call)
        if isinstance(parent, cst.Expr):
            return None
        if (
            isinstance(parent, cst.Assign)
            and len(parent.targets) == 1
            and isinstance(parent.targets[0].target, cst.Name)
            and isinstance(self.parent(parent), cst.SimpleStatementLine)
        ):
            return parent.targets[0].target.value
        raise self.refuse(
            call, f"the SignatureDef `{code_of(call.func)}()` returns is used inside a larger expression", "SM211"
        )

    def signature_uses(self, scope, names: Names, result: str | None, helpers: dict, passed: Passed, call) -> None:
        """The returned SignatureDef (a signature function now) only goes into the session's helpers."""
        if result is None:
            return
        uses = [n for n in names.found if n.value == result]
        binding = self.parent(call)  # `result = load(sess, ...)`
        for use in uses:
            parent = self.parent(use)
            if isinstance(parent, cst.AssignTarget) and self.parent(parent) is binding:
                continue
            grand = self.parent(parent) if parent is not None else None
            if (
                isinstance(parent, cst.Arg)
                and isinstance(grand, cst.Call)
                and grand in passed.args
                and grand is not call
                and isinstance(grand.func, cst.Name)
                and grand.func.value in helpers
            ):
                helper, _, signatures = helpers[grand.func.value]
                param = self.param_at(helper, grand, list(grand.args).index(parent))
                if param is not None:
                    signatures.add(param)
                    continue
            raise self.refuse(
                use,
                f"the SignatureDef `{result}` that `{code_of(call.func)}()` returns is used here for more than being "
                "passed into the helpers the session goes to (it is a signature function in TF2)",
                "SM211",
            )


def _names(module: cst.Module, name: str) -> list[cst.Name]:
    from ..exports.syntax import name_nodes

    return [n for n in name_nodes(module) if n.value == name]


def signature_run(run: Run, helper: str, returned: bool = False) -> None:
    """A helper's run calls the signature function it was given (no loaded object to prune there)."""
    from .emit import signature_call

    tensors = [*run.fetches, *(t for t, _ in run.feeds), *([run.splat_key] if run.splat_key else [])]
    sigs = {id(t.sig): t.sig for t in tensors if t.sig is not None}
    if any(t.sig is None for t in tensors):
        who = (
            f"the caller of `{helper}()`, which returns the session, runs"
            if returned
            else f"the session goes into `{helper}()`, which runs"
        )
        raise Refusal(
            run.call,
            "SM202",
            f"{who} hard-coded tensor names: they need the loaded object's `.prune`, which is not followed across "
            "functions",
        )
    if len(sigs) != 1:
        raise Refusal(run.call, "SM212", "one `sess.run` feeds or fetches tensors of two signatures")
    signature_call(run, next(iter(sigs.values())))


# -- a session returned by the function that made it and loaded into it ---------------------------


def returned_session(codemod, call: cst.Call) -> tuple[cst.FunctionDef, str, cst.Return] | None:
    """(function, session, its return) when the load's session is returned in a tuple by the function
    around the load (`return sess, meta.signature_def[key]`), its only return."""
    sess, node = _session_and_function(codemod, call)
    if sess is None or node is None:
        return None
    returns = _Returns()
    walk(node.body, returns)
    if len(returns.found) != 1:
        return None
    value = returns.found[0].value
    if isinstance(value, cst.Tuple) and any(
        isinstance(e.value, cst.Name) and e.value.value == sess.value for e in value.elements
    ):
        return node, sess.value, returns.found[0]
    return None


class _Returns(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: list[cst.Return] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_Return(self, node: cst.Return) -> None:
        self.found.append(node)


@dataclass
class Returned:
    """A function making, loading and returning a session (with its SignatureDefs), and its callers."""

    load: Site
    analyzer: Analyzer
    returns: tuple  # (return statement, [("loaded" | "signature" | "value", SigRef | None, element)])
    callers: list[tuple[Site, Analyzer, str]] = field(default_factory=list)  # (site, analyzer, caller name)
    script_names: list[str] = field(default_factory=list)  # public functions of a script changed (SM221)


class ReturnAnalyzer(Analyzer):
    """`Analyzer` of the loading function: its `return sess, sig` hands the loaded object on."""

    def __init__(self, codemod, call: cst.Call, ret: cst.Return) -> None:
        super().__init__(codemod, call)
        self.ret = ret
        self.elements: list[tuple[str, SigRef | None, cst.BaseExpression]] = []

    def simple_binding(self, stmt: cst.BaseStatement) -> bool:
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and stmt.body[0] is self.ret:
            value = self.ret.value
            assert isinstance(value, cst.Tuple)  # returned_session checked it
            for element in value.elements:
                if isinstance(element, cst.StarredElement):
                    raise Refusal(element, "SM202", "the returned tuple unpacks `*` into the caller's names")
                expr = element.value
                if self.is_tracked(expr, "session"):
                    self.use(expr)
                    self.elements.append(("loaded", None, expr))
                    continue
                if self.is_tracked(expr, "signature"):
                    self.use(expr)
                    self.elements.append(("signature", None, expr))
                    continue
                sig = self.signature_lookup(expr)
                if sig is not None:
                    self.elements.append(("signature", sig, expr))
                    continue
                names = Names()
                walk(expr, names)
                if any(n.value in self.tracked for n in names.found):
                    return False  # something else of the graph is returned: refused as unaccounted
                self.elements.append(("value", None, expr))
            return True
        return super().simple_binding(stmt)


class ReturnedPlanner(PassedPlanner):
    """Plans a loading function that returns its session, and every caller that runs it."""

    def __init__(self, codemod, call: cst.Call, func: cst.FunctionDef, sess: str, ret: cst.Return) -> None:
        super().__init__(codemod, call, func, sess)
        self.ret = ret

    def plan(self) -> Returned:  # type: ignore[override]
        func, name = self.func, self.func.name.value
        if self.parent(func) is not self.module or len(self.functions.get(name, [])) != 1 or func.decorators:
            raise self.refuse(
                self.call,
                f"the session `{self.param}` is returned by `{name}()`, which is not a plain function of this module "
                "defined once, so its callers are not followed",
            )
        analyzer = ReturnAnalyzer(self.cm, self.call, self.ret)
        site = analyzer.run()
        if not analyzer.elements:
            raise self.refuse(self.ret, f"the session `{self.param}` is returned by `{name}()` in a form not followed")
        calls = self.callers(func)
        if not calls:
            raise self.refuse(
                self.ret,
                f"the session `{self.param}` is returned by `{name}()`, which nothing in this module calls: its "
                "callers elsewhere run it",
            )
        self.check_private([name], calls, returned=True)
        returned = Returned(site, analyzer, (self.parent(self.ret), analyzer.elements))
        for call in calls:
            returned.callers.append(self.plan_caller_of_return(call, analyzer.elements))
        returned.script_names = self.script_names
        return returned

    def plan_caller_of_return(self, call: cst.Call, elements: list) -> tuple[Site, Analyzer, str]:
        name = self.func.name.value
        assign = self.parent(call)
        stmt = self.parent(assign) if assign is not None else None
        block = self.parent(stmt) if stmt is not None else None
        targets = (
            assign.targets[0].target
            if isinstance(assign, cst.Assign) and len(assign.targets) == 1 and assign.value is call
            else None
        )
        names = (
            [
                e.value.value if isinstance(e.value, cst.Name) and isinstance(e, cst.Element) else None
                for e in targets.elements
            ]
            if isinstance(targets, (cst.Tuple, cst.List))
            else []
        )
        if (
            len(names) != len(elements)
            or None in names
            or not isinstance(stmt, cst.SimpleStatementLine)
            or len(stmt.body) != 1
            or not isinstance(block, (cst.IndentedBlock, cst.Module))
        ):
            raise self.refuse(
                call,
                f"the session `{name}()` returns is not unpacked into names of their own in a statement of its own "
                f"(`a, b = {name}(...)`)",
            )
        sess = next(n for n, (kind, _, _) in zip(names, elements, strict=True) if kind == "loaded" and n is not None)
        signatures = [n for n, (kind, _, _) in zip(names, elements, strict=True) if kind == "signature"]
        analyzer = HelperAnalyzer(self.cm, self.call)
        analyzer.returns = {}
        scope = self.scope_of(call)
        assert scope is not None
        body = list(block.body)
        region = body[body.index(stmt) + 1 :]
        assert isinstance(targets, (cst.Tuple, cst.List))
        for element in targets.elements:  # the caller's names for what is returned: bound here
            analyzer.use(element.value)
        site = analyzer.run_region(scope, region, sess, [n for n in signatures if n is not None], also=[stmt])
        if analyzer.returns:
            raise self.refuse(call, f"the caller of `{name}()` returns the SignatureDef it was given")
        caller = scope.name.value if isinstance(scope, cst.FunctionDef) else "<module>"
        return site, analyzer, caller
