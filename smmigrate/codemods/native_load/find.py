"""native-load's analysis: recognise one TF1 load block in full, or say precisely why not.

`Analyzer(codemod, call).run()` starts from a `loader.load(sess, tags, export_dir)` call and
returns a `Site` when every use of the session, its graph, the returned MetaGraphDef, the SignatureDefs
and the tensors looked up in the graph is one we know how to express in TF2; otherwise it raises
`Refusal` naming the first use it cannot prove. The trees are never modified here.
"""

from __future__ import annotations

import re

import libcst as cst
from libcst.metadata import PositionProvider

from .._base import literal_str
from .._names import local_names, mentions
from .._walk import walk
from .checks import Checks
from .derived import Derived
from .emit import key_code
from .members import Members
from .model import KEY_CONSTANTS, KeyMap, Names, Refusal, Run, SigRef, Site, Tensor, code_of
from .scaffold import Scaffold

LOAD_RELS = ("saved_model.loader.load", "saved_model.load")
_TENSOR_NAME = re.compile(r"^[A-Za-z0-9_.\-/>]+:\d+$")


class _Globals(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Global(self, node: cst.Global) -> None:
        self.names |= {item.name.value for item in node.names}


class Analyzer(Scaffold, Checks, Members, Derived):  # state and primitive helpers: AnalysisBase
    """One load call's analysis; `codemod` supplies TF name resolution and parents."""

    def __init__(self, codemod, call: cst.Call) -> None:
        self.cm = codemod
        self.call = call
        self.tracked: dict[str, str] = {}  # variable -> role (session, graph, meta_graph, signature, tensor)
        self.accounted: set[int] = set()  # ids of Name nodes whose use we understood
        self.sigs: dict[str, SigRef] = {}
        self.tensors: dict[str, Tensor] = {}
        self.inline_sigs: dict[str, SigRef] = {}
        self.keymaps: dict[str, KeyMap] = {}
        self.name_lists: dict[str, cst.List | cst.Tuple] = {}
        self.feed_maps: dict[str, Tensor] = {}  # dicts filled in loops, keyed by signature inputs
        self.key_lists: dict[str, SigRef] = {}  # lists of output names made by a comprehension over keys

    # -- entry -----------------------------------------------------------------------------
    def run(self) -> Site:
        call = self.call
        stmt = self.parent(self.parent(call))
        small = self.parent(call)
        if not isinstance(small, (cst.Assign, cst.Expr)) or small.value is not call:
            raise Refusal(call, "SM210", "its result is used inside a larger expression")
        if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
            raise Refusal(call, "SM210", "it shares its line with other statements")
        mg_var = None
        if isinstance(small, cst.Assign):
            if len(small.targets) != 1 or not isinstance(small.targets[0].target, cst.Name):
                raise Refusal(call, "SM210", "its result is unpacked or stored on an attribute")
            mg_var = small.targets[0].target.value
            self.use(small.targets[0].target)
        sess, tags, export_dir = self.load_args(call)
        site = Site(call, stmt, export_dir, tags)
        site.dropped_funcs.append(call.func)
        self.site = site
        self.use(sess)
        self.scope = self.enclosing_scope(stmt)
        if isinstance(sess, cst.Attribute) and self.enter_class(sess):
            pass  # `self.sess`: tracked as a member of the class (members.py)
        elif not isinstance(sess, cst.Name):
            raise Refusal(
                call,
                "SM202",
                f"the session `{code_of(sess)}` is kept on an object other than the `self` of a method, so code "
                "elsewhere may use it",
            )
        sess_key = self.key(sess)
        assert sess_key is not None  # a Name, or a member in member mode
        self.tracked[sess_key] = "session"
        if mg_var:
            self.tracked[mg_var] = "meta_graph"
        region = self.session_region(stmt, sess_key)
        self.scan_region(region, stmt)
        if isinstance(self.scope, cst.Module) and self.klass is None:
            self.scan_module_functions()
        if self.klass is not None:
            self.scan_other_methods()
        self.account_key_reads()
        self.check_unaccounted(self.span(region + [stmt, *self.site.flatten, *self.site.strip_items]))
        if self.klass is not None:
            self.check_members()
        for expr in (export_dir, tags):
            if expr is not None:
                self.check_no_tracked(expr, "SM205")
        site.sigs = list(self.sigs.values()) + list(self.inline_sigs.values())
        return site

    def session_region(self, stmt: cst.SimpleStatementLine, sess_key: str) -> list:
        """The statements the session serves (where it is created, up to the end of its block)."""
        block = self.parent(stmt)
        assert isinstance(block, (cst.IndentedBlock, cst.Module))  # a statement line's parent
        region = self.find_session(block, stmt, sess_key)
        if self.klass is not None:
            region += self.rest_of_method(stmt, region)
        return region

    def span(self, nodes: list) -> tuple[int, int]:
        """First and last line of the code the session serves."""
        positions = [self.cm.get_metadata(PositionProvider, n) for n in nodes]
        return min(p.start.line for p in positions), max(p.end.line for p in positions)

    def load_args(self, call: cst.Call):
        names = ["sess", "tags", "export_dir"]
        found: dict[str, cst.BaseExpression] = {}
        for i, arg in enumerate(call.args):
            if arg.star:
                raise Refusal(
                    arg, "SM204", f"the load call passes `{arg.star}{code_of(arg.value)}`, so its arguments are unknown"
                )
            if arg.keyword is None:
                if i >= 3:
                    raise Refusal(arg, "SM210", "the load call has extra positional arguments")
                found[names[i]] = arg.value
            elif arg.keyword.value in names:
                found[arg.keyword.value] = arg.value
            else:
                raise Refusal(
                    arg,
                    "SM210",
                    f"the load call passes `{arg.keyword.value}=` (import_scope and saver options change tensor "
                    "names and restore behaviour)",
                )
        if "sess" not in found or "export_dir" not in found:
            raise Refusal(call, "SM210", "the load call lacks its session or export directory")
        return found["sess"], found.get("tags"), found["export_dir"]

    def enclosing_scope(self, node: cst.CSTNode) -> cst.CSTNode:
        current: cst.CSTNode | None = node
        while current is not None and not isinstance(current, (cst.FunctionDef, cst.Module)):
            current = self.parent(current)
        assert current is not None  # the Module encloses every node
        return current

    # -- the region: statements the session serves -----------------------------------------
    def scan_region(self, region: list, load_stmt: cst.SimpleStatementLine | None) -> None:
        seen_load = load_stmt is None  # a helper the loaded session is passed into: all of it runs after
        arg_names = set[str]().union(*(mentions(e) for e in (self.site.export_dir, self.site.tags) if e is not None))
        loops: set[int] = set()  # `for` statements filling a dict over the signature's keys (derived.py)
        for i, stmt in enumerate(region):
            if stmt is load_stmt:
                seen_load = True
                continue
            if stmt in self.site.remove or id(stmt) in loops:
                continue
            if not seen_load:
                self.check_load_inputs(stmt, arg_names)
            if seen_load and i + 1 < len(region) and self.dict_loop(stmt, region[i + 1]):
                loops.add(id(region[i + 1]))
                continue
            if seen_load and self.simple_binding(stmt):
                continue
            if self.klass is not None and self.other_session(stmt):
                continue
            for run in self.find_runs(stmt):
                self.site.runs.append(self.analyze_run(run))
            self.check_graph_ops(stmt)

    def scan_module_functions(self) -> None:
        """Functions of the module running its module-level session (a service's request handler):
        their `sess.run` calls and `sess.close()` are part of the block. They read names the module
        binds once (a second binding or a `global` one is refused when the names are checked), and
        a call before the load failed in TF1 too: the session's graph was empty."""
        assert isinstance(self.scope, cst.Module)
        for top in self.scope.body:
            if not isinstance(top, cst.FunctionDef):
                continue
            globals_ = _Globals()
            walk(top, globals_)
            rebound = sorted(globals_.names & set(self.tracked))
            if rebound:
                raise Refusal(
                    top.name,
                    "SM202",
                    f"`{top.name.value}()` declares `global {rebound[0]}`, so it may rebind what the session block "
                    "made",
                )
            names = Names()  # the names it reads from the module (its own bindings left out)
            walk(top, names)
            if not any(n.value in self.tracked for n in names.found):
                continue
            if local_names(top) & set(self.tracked):
                continue  # a local of the same name: its uses of the module's are refused as unaccounted
            for stmt in top.body.body:
                if self.closes_session(stmt):
                    continue
                for run in self.find_runs(stmt):
                    self.site.runs.append(self.analyze_run(run))

    def closes_session(self, stmt: cst.CSTNode) -> bool:
        """`sess.close()`, recorded for removal."""
        if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
            return False
        small = stmt.body[0]
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call) and not small.value.args:
            func = small.value.func
            if (
                isinstance(func, cst.Attribute)
                and func.attr.value == "close"
                and self.is_tracked(func.value, "session")
            ):
                self.use(func.value)
                self.site.remove.add(stmt)
                return True
        return False

    def simple_binding(self, stmt: cst.BaseStatement) -> bool:
        """`sig = mg.signature_def[k]`, `t = graph.get_tensor_by_name(...)`, `sess.close()`."""
        if self.closes_session(stmt):
            return True
        if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
            return False
        small = stmt.body[0]
        if not (isinstance(small, cst.Assign) and len(small.targets) == 1):
            return False
        before = set(self.accounted)
        sole = self.sole_name_def(stmt)
        if sole is not None and sole[0].value not in self.tracked:
            sole_name, keymap = sole  # `(in_name,) = [t.name for t in sig.inputs.values()]`: a key now
            self.tensors[sole_name.value] = Tensor(sig=keymap.sig, key=sole_name, is_input=keymap.is_input)
            self.tracked[sole_name.value] = "tensor"
            self.use(sole_name)
            self.site.keymaps[stmt] = keymap
            return True
        self.accounted = before
        name = small.targets[0].target
        key = self.key(name)
        if key is None or key in self.tracked:
            return False
        value = small.value
        if (
            isinstance(value, cst.Attribute)
            and value.attr.value == "signature_def"
            and self.is_tracked(value.value, "meta_graph")
        ):  # the whole map, looked up later
            self.use(value.value)
            self.tracked[key] = "signature_map"
            self.use(name)
            self.site.remove.add(stmt)
            return True
        sig = self.signature_lookup(small.value)
        if sig is not None:
            sig.var = key
            self.sigs[key] = sig
            self.tracked[key] = "signature"
            self.use(name)
            self.site.sig_stmts[stmt] = sig
            return True
        tensor = self.tensor_lookup(small.value)
        if tensor is None and not isinstance(small.value, (cst.SimpleString, cst.ConcatenatedString)):
            # `input_name = sig.inputs["x"].name`, as in the TF migration guide's load example
            tensor = self.tensor_ref(small.value)
        if tensor is not None:
            self.tensors[key] = tensor
            self.tracked[key] = "tensor"
            self.use(name)
            self.site.remove.add(stmt)
            return True
        return self.derived_binding(stmt, name, key, small.value)

    def derived_binding(self, stmt: cst.SimpleStatementLine, name, key: str, value: cst.BaseExpression) -> bool:
        """A name map or a list of output names over the signature (derived.py)."""
        before = set(self.accounted)
        keymap = self.keymap_def(value)
        if keymap is not None:
            keymap.var = key
            self.keymaps[key] = keymap
            self.tracked[key] = "keymap"
            self.use(name)
            self.site.keymaps[stmt] = keymap
            return True
        self.accounted = set(before)
        key_list = self.key_list_def(value)
        if key_list is not None:  # `[sig.outputs[k].name for k in keys]`: the keys themselves in TF2
            sig, node, loop = key_list
            self.key_lists[key] = sig
            self.tracked[key] = "key_list"
            self.use(name)
            self.site.loop_edits.append((node, sig, f"key:{loop}"))
            return True
        self.accounted = set(before)
        names = self.name_list_def(value)
        if names is not None:
            assert isinstance(value, (cst.List, cst.Tuple))  # checked by name_list_def
            self.name_lists[key] = value
            self.tracked[key] = "name_list"
            self.use(name)
            self.site.remove.add(stmt)
            return True
        self.accounted = before
        return False

    def signature_lookup(self, node: cst.BaseExpression) -> SigRef | None:
        """`mg.signature_def[key]` -> a new SigRef (None when `node` is something else)."""
        if not (
            isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index)
        ):
            return None
        value = node.value
        if self.is_tracked(value, "signature_map"):  # `sigs = mg.signature_def`, then `sigs[key]`
            self.use(value)
        elif not (
            isinstance(value, cst.Attribute)
            and value.attr.value == "signature_def"
            and self.is_tracked(value.value, "meta_graph")
        ):
            return None
        else:
            self.use(value.value)
        key = node.slice[0].slice.value
        return SigRef(key=key, key_value=self.key_value(key))

    def key_value(self, key: cst.BaseExpression) -> str | None:
        value = literal_str(key)
        if value is not None:
            return value
        rel = self.rel(key)
        if rel is not None:
            return KEY_CONSTANTS.get(rel.rsplit(".", 1)[-1])
        return None

    def tensor_ref(self, node: cst.BaseExpression) -> Tensor | None:
        """`sig.outputs[k].name` / `sig.inputs[k].name` / `mg.signature_def[s].outputs[k].name` / "y:0",
        or `feeds[k]` of a name map over the signature."""
        item = self.keymap_item(node)
        if item is not None:
            return item
        text = literal_str(node)
        if text is not None:
            return Tensor(name=text)
        if not (isinstance(node, cst.Attribute) and node.attr.value == "name"):
            return None
        sub = node.value
        if not (isinstance(sub, cst.Subscript) and len(sub.slice) == 1 and isinstance(sub.slice[0].slice, cst.Index)):
            return None
        side = sub.value
        if not (isinstance(side, cst.Attribute) and side.attr.value in ("inputs", "outputs")):
            return None
        sig = None
        if self.is_tracked(side.value, "signature"):
            self.use(side.value)
            sig = self.sigs[self.key(side.value) or ""]
        else:
            inline = self.signature_lookup(side.value)
            if inline is not None:
                sig = self.inline_sigs.setdefault(code_of(inline.key), inline)
        if sig is None:
            return None
        key = sub.slice[0].slice.value
        return Tensor(sig=sig, key=key, key_value=self.key_value(key), is_input=side.attr.value == "inputs")

    def tensor_lookup(self, node: cst.BaseExpression) -> Tensor | None:
        """`<graph>.get_tensor_by_name(ref)` for the session's graph."""
        arg = self.lookup_arg(node)
        return None if arg is None else self.tensor_of(arg)  # a name written here or kept in a variable

    def lookup_arg(self, node: cst.BaseExpression) -> cst.BaseExpression | None:
        """`ref` of `<graph>.get_tensor_by_name(ref)` on the session's graph (its uses accounted)."""
        if not (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "get_tensor_by_name"
        ):
            return None
        if len(node.args) != 1 or node.args[0].keyword is not None or node.args[0].star:
            return None
        graph = node.func.value
        if isinstance(graph, cst.Attribute) and graph.attr.value == "graph" and self.is_tracked(graph.value, "session"):
            self.use(graph.value)
        elif self.graph_name(graph):
            pass
        elif not self.is_call(graph, "get_default_graph"):
            return None
        return node.args[0].value

    # -- sess.run ---------------------------------------------------------------------------
    def find_runs(self, stmt: cst.CSTNode) -> list:
        found = []
        analyzer = self

        class Finder(cst.CSTVisitor):
            # a nested function may run after the block, or before the load: never rewritten
            def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
                return False

            def visit_Lambda(self, node: cst.Lambda) -> bool:
                return False

            def visit_Call(self, node: cst.Call) -> None:
                func = node.func
                if (
                    isinstance(func, cst.Attribute)
                    and func.attr.value == "run"
                    and analyzer.is_tracked(func.value, "session")
                ):
                    found.append(node)

        walk(stmt, Finder())
        return found

    def tensor_of(self, node: cst.BaseExpression) -> Tensor | None:
        """A name bound to a tensor earlier in the block, or a tensor reference written in place."""
        key = self.key(node)
        if key is not None and key in self.tensors:
            self.use(node)
            return self.tensors[key]
        if isinstance(node, cst.Call):  # `graph.get_tensor_by_name(out_name)` written in place
            return self.tensor_lookup(node)
        return self.tensor_ref(node)

    def fetch(self, node: cst.BaseExpression) -> Tensor:
        tensor = self.tensor_of(node)
        if tensor is None:
            self.check_derived(node)
            if (
                isinstance(node, cst.Call)
                and isinstance(node.func, cst.Attribute)
                and node.func.attr.value == "get_tensor_by_name"
            ):
                raise Refusal(
                    node,
                    "SM203",
                    f"`{code_of(node)}` looks up a tensor name computed at run time, so the signature output it means "
                    "is unknown",
                )
            if isinstance(node, cst.Call):
                raise Refusal(
                    node,
                    "SM201",
                    f"the session also runs `{code_of(node)}`, an op that is not part of the loaded signatures",
                )
            raise Refusal(
                node,
                "SM203",
                f"the fetch `{code_of(node)}` is computed at run time, so the signature output it means is unknown",
            )
        if tensor.is_input:
            raise Refusal(node, "SM203", f"the fetch `{code_of(node)}` is a signature input")
        return tensor

    def analyze_run(self, call: cst.Call) -> Run:
        if isinstance(call.func, cst.Attribute):  # `sess.run`
            self.use(call.func.value)
        fetches = feed = None
        for i, arg in enumerate(call.args):
            if arg.star:
                raise Refusal(
                    arg,
                    "SM204",
                    f"`sess.run` gets `{arg.star}{code_of(arg.value)}`, so its fetches and feeds are unknown",
                )
            key = arg.keyword.value if arg.keyword else ("fetches", "feed_dict")[i] if i < 2 else "extra"
            if key == "fetches":
                fetches = arg.value
            elif key == "feed_dict":
                feed = arg.value
            else:
                raise Refusal(
                    arg,
                    "SM207",
                    f"`sess.run` is given `{code_of(arg).strip().rstrip(',')}` (run options and metadata have no "
                    "signature-call equivalent)",
                )
        if fetches is None:
            raise Refusal(call, "SM203", "`sess.run` has no fetches")
        fetch_key = self.key(fetches)
        if fetch_key is not None and self.tracked.get(fetch_key) == "name_list":
            self.use(fetches)  # `names = [sig.outputs["y"].name, ...]`, run here as written there
            fetches = self.name_lists[fetch_key]
        if fetch_key is not None and self.tracked.get(fetch_key) == "key_list":
            self.use(fetches)
            run = Run(call, "keylist", [Tensor(sig=self.key_lists[fetch_key], key=fetches)], keymap=fetches)
        elif fetch_key is not None and self.tracked.get(fetch_key) == "keymap":
            keymap = self.keymaps[fetch_key]
            self.check_keymap_fetch(fetches, keymap)
            self.use(fetches)
            run = Run(call, "keymap", [Tensor(sig=keymap.sig, key=fetches)], keymap=fetches)
        elif isinstance(fetches, (cst.List, cst.Tuple)):
            if any(isinstance(e, cst.StarredElement) for e in fetches.elements) or not fetches.elements:
                raise Refusal(fetches, "SM203", f"the fetches `{code_of(fetches)}` are built at run time")
            run = Run(
                call,
                "list" if isinstance(fetches, cst.List) else "tuple",
                [self.fetch(e.value) for e in fetches.elements],
            )
        elif isinstance(fetches, cst.Dict):
            items = [e for e in fetches.elements if isinstance(e, cst.DictElement)]
            if len(items) != len(fetches.elements) or not items:
                raise Refusal(fetches, "SM203", f"the fetches `{code_of(fetches)}` are built at run time")
            run = Run(call, "dict", [self.fetch(e.value) for e in items], [e.key for e in items])
        else:
            run = Run(call, "single", [self.fetch(fetches)])
        feed_key = self.key(feed) if feed is not None else None
        if feed_key is not None and self.tracked.get(feed_key) == "feed_map":
            self.use(feed)  # a dict filled in a loop over the signature's inputs, keyed by input key now
            run.splat = feed
            run.splat_key = self.feed_maps[feed_key]
        elif isinstance(feed, cst.DictComp):
            # `{feeds[k]: data[k] for k in feeds}` / `{sig.inputs[k].name: v for k, v in data.items()}`
            tensor = self.tensor_of(feed.key)
            if tensor is None or tensor.sig is None or not tensor.is_input:
                raise Refusal(
                    feed,
                    "SM203",
                    f"the feeds `{code_of(feed)}` are built at run time, and their keys are not signature inputs",
                )
            assert tensor.key is not None  # a signature tensor has its key
            input_key = cst.parse_expression(key_code(tensor.key_value, tensor.key))
            run.splat = feed.with_changes(key=input_key)  # the same comprehension over the input keys
            run.splat_key = tensor
        elif feed is not None:
            feeds = [e for e in feed.elements if isinstance(e, cst.DictElement)] if isinstance(feed, cst.Dict) else []
            if not isinstance(feed, cst.Dict) or len(feeds) != len(feed.elements):
                raise Refusal(
                    feed,
                    "SM203",
                    f"the feeds `{code_of(feed)}` are built at run time, so the signature inputs they mean are unknown",
                )
            for element in feeds:
                run.feeds.append((self.feed_key(element.key), element.value))
        if run.shape != "single":
            run.stmt = self.hoist_point(call)
        return run

    def feed_key(self, node: cst.BaseExpression) -> Tensor:
        tensor = self.tensor_of(node)
        if tensor is None:
            raise Refusal(
                node,
                "SM203",
                f"the feed key `{code_of(node)}` is computed at run time, so the signature input it means is unknown",
            )
        if tensor.sig is not None and not tensor.is_input:
            raise Refusal(node, "SM203", f"the feed key `{code_of(node)}` overrides a signature output")
        return tensor

    def hoist_point(self, call: cst.Call) -> cst.SimpleStatementLine:
        """Several fetches are computed by one call first: `sess.run` must be a whole statement value."""
        small = self.parent(call)
        stmt = self.parent(small)
        ok = isinstance(small, (cst.Assign, cst.AnnAssign, cst.Return, cst.Expr)) and small.value is call
        if not ok or not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
            raise Refusal(call, "SM208", "`sess.run` with several fetches sits inside a larger expression")
        return stmt

    def valid_name(self, tensor: Tensor, node: cst.CSTNode) -> str:
        if not _TENSOR_NAME.match(tensor.name or ""):
            raise Refusal(
                node,
                "SM203",
                f"`{tensor.name}` is not a tensor name of the form `op:index` (an operation fetch has no TF2 result)",
            )
        assert tensor.name is not None  # it matched above
        return tensor.name
