"""native-save, step 2: write the TF2 statements that replace an analysed export block.

Shape of the result (the TF migration guide's hand-written target): the block's variable
statements run eagerly; one ``@tf.function(input_signature=[tf.TensorSpec(...)])`` per signature,
whose parameters are the placeholders' Python names (so the moved graph code reads unchanged)
and whose body is only the computation that signature's outputs need; then a `tf.Module`
tracking the variables and functions, `tf.saved_model.save(..., signatures={...})`, and — for
classify/regress signatures — TF's own `MethodNameUpdater`, because TF2 saving writes every
signature as predict.
"""

from __future__ import annotations

from collections import Counter

import libcst as cst

from .._names import FreshNames as Names
from ..exports import tables as T
from ..exports.syntax import Refused, all_names, assigned_names, bind_args, graph_refs, identifiers, names_used
from ..symbols import ROOT_MODULE, V1, V1_MODULE, V2
from .nodes import _calls, _q, _Replace
from .replay_emit import ReplayEmitter
from .tables import emit_resource
from .variables import variable_in_graph_code

# tf.Module attributes a variable must not shadow
_MODULE_ATTRS = {
    "name",
    "name_scope",
    "variables",
    "trainable_variables",
    "non_trainable_variables",
    "submodules",
    "with_name_scope",
}


def module_attr(var: str) -> str:
    """The attribute of the saved tf.Module that tracks the variable bound to `var`."""
    return var if var not in _MODULE_ATTRS else f"{var}_variable"


class Emitter(ReplayEmitter):
    def __init__(self, cm, block, names: Names, top_level: bool = False) -> None:
        self.cm, self.b, self.names = cm, block, names
        self.blank = 2 if top_level else 1  # blank lines around a generated def (PEP 8)
        self.tf = lambda path, ns=V2: cm.spell((ns, path))
        self.indent = cm.source_module.default_indent

    def code(self, node) -> str:
        return self.cm.source_module.code_for_node(node)

    # -- renames ---------------------------------------------------------------------------------
    def graph_renames(self, node) -> dict:
        mapping: dict[int, cst.BaseExpression] = {}
        for ref, resolved in graph_refs(self.cm, node):
            rel = resolved.rel
            if rel in T.GRAPH_KEEP:
                self._tf2_spelling(ref, rel, resolved, mapping)
                self._keepdims(node, ref, mapping)
                continue
            if rel in T.GRAPH_RENAME:
                mapping[id(ref)] = cst.parse_expression(self.cm.spell((V2, T.GRAPH_RENAME[rel]), resolved))
            elif rel in T.GRAPH_CALLS:
                mapping.update(self._whole_call(node, ref, rel))
            elif (why := variable_in_graph_code(ref, rel, self.code(ref))) is not None:
                raise why
            elif rel.startswith(("train.Saver", "train.import_meta_graph", "train.init_from_checkpoint")):
                raise Refused(
                    ref,
                    "SM302",
                    f"`{self.code(ref)}` restores a checkpoint into the graph; export the restored session with "
                    "`smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by "
                    "hand",
                )
            elif rel.startswith("train."):
                raise Refused(
                    ref,
                    "SM303",
                    f"`{self.code(ref)}` is training code; export the trained session with "
                    "`smmigrate.export_session(sess, export_dir, ...)` (session bridge) after training, or write "
                    "the tf.Module by hand",
                )
            else:
                raise Refused(
                    ref,
                    "SM310",
                    f"`{self.code(ref)}` has no known TF2 equivalent for graph code moved into a tf.function "
                    "(stateful, graph-only or not yet in smmigrate's table); export with "
                    "`smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by "
                    "hand",
                )
        return mapping

    def _keepdims(self, node, ref, mapping: dict) -> None:
        """TF1's reductions (and `tf.norm`) also took `keep_dims=`, which TF2's do not: `keepdims=`."""
        call = next((c for c in _calls(node) if c.func is ref), None)
        for arg in call.args if call is not None else ():
            if arg.keyword is not None and arg.keyword.value == "keep_dims":
                mapping[id(arg.keyword)] = cst.Name("keepdims")

    def _whole_call(self, node, ref, rel: str) -> dict:
        """`tf.losses.mean_squared_error(t, p)`, `tf.nn.xw_plus_b(x, w, b)` -> their TF2 computation
        (see tables.GRAPH_CALLS)."""
        params, allowed = T.GRAPH_CALLS[rel]
        required = [p for p in allowed if p != "name"]
        call = next((c for c in _calls(node) if c.func is ref), None)
        args = bind_args(call, params) if call is not None else {}
        if call is None or not set(required) <= set(args) <= set(allowed):
            shown = ", ".join(required)
            others = [p for p in params if p not in allowed]
            without = ", ".join(others[:-1]) + f" or {others[-1]}" if len(others) > 1 else "".join(others)
            raise Refused(
                ref,
                "SM310",
                f"`{self.code(ref)}` is migrated only as `{self.code(ref)}({shown}"
                + (", name=...)" if "name" in allowed else ")")
                + (f"` (no {without})" if without else "` (with every argument given)")
                + "; drop those arguments, or export with "
                "`smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
            )
        tf = self.tf

        def rebuild(updated: cst.Call) -> cst.BaseExpression:
            new = {k: self.code(v).strip() for k, v in bind_args(updated, params).items()}
            if rel == "nn.xw_plus_b":
                name = f", name={new['name']}" if "name" in new else ""
                return cst.parse_expression(
                    f"{tf('nn.bias_add')}({tf('matmul')}({new['x']}, {new['weights']}), {new['biases']}{name})"
                )
            labels, predictions = (f"{tf('cast')}({new[k]}, {tf('float32')})" for k in ("labels", "predictions"))
            return cst.parse_expression(
                f"{tf('reduce_mean')}({tf('math.squared_difference')}({predictions}, {labels}))"
            )

        return {id(call): rebuild}

    def _tf2_spelling(self, ref, rel: str, resolved, mapping: dict) -> None:
        """A kept name spelled `tf.compat.v1.X` (whole-api spells TF1 names that way when TF2's `X` is
        another object) gets its TF2 spelling: GRAPH_KEEP lists names whose TF2 `X` means the same for
        the way TF1 code called them, and the eager variable is TF2's `tf.Variable`."""
        if resolved.base_module == ROOT_MODULE and resolved.qualified == {f"{V1_MODULE}.{rel}"}:
            mapping[id(ref)] = cst.parse_expression(self.cm.spell((V2, rel), resolved))

    def variable_renames(self, node) -> dict:
        mapping: dict[int, cst.BaseExpression] = {}
        for ref, resolved in graph_refs(self.cm, node):
            rel = resolved.rel
            if rel == T.VARIABLE or rel in T.GRAPH_KEEP:
                self._tf2_spelling(ref, rel, resolved, mapping)
                continue
            if rel in T.GRAPH_RENAME:
                mapping[id(ref)] = cst.parse_expression(self.cm.spell((V2, T.GRAPH_RENAME[rel]), resolved))
            elif rel.startswith(T.EAGER_V1_PREFIXES) or rel.endswith(T.EAGER_V1_SUFFIX):
                mapping[id(ref)] = cst.parse_expression(self.cm.spell((V1, rel), resolved))
            else:
                raise Refused(
                    ref,
                    "SM319",
                    f"`{self.code(ref)}` in a variable definition has no known eager TF2 equivalent; compute the "
                    "initial value in Python, or use the session bridge",
                )
        return mapping

    # -- signatures ------------------------------------------------------------------------------
    def _slice(self, needed: set, limit: int) -> tuple[list, set]:
        """The computations before position `limit` that `needed` depends on, and the names left
        (placeholders, variables, Python values)."""
        chosen = []
        for position, small in reversed(self.b.computations):
            if position > limit:
                continue
            defs = assigned_names(small)
            if defs & needed:
                chosen.append(small)
                needed = (needed - defs) | names_used(small)
        return chosen[::-1], needed

    def slice_for(self, sig) -> list:
        chosen, needed = self._slice({name for _, name in sig.outputs}, self.b.export_position)
        inputs = {name for _, name in sig.inputs}
        if needed & set(self.b.pipeline):
            raise Refused(
                sig.node,
                "SM309",
                f"signature `{sig.key}` computes its outputs from `{sorted(needed & set(self.b.pipeline))[0]}`, an "
                "element of a tf.data iterator (the batches training reads), which a served model has no way to pull; "
                "serve from placeholders, or export with `smmigrate.export_session(sess, export_dir, ...)`",
            )
        missing = sorted((needed & set(self.b.placeholders)) - inputs)
        if missing:
            raise Refused(
                sig.node,
                "SM309",
                f"signature `{sig.key}` computes its outputs from placeholder `{missing[0]}`, which is not one of "
                "its inputs; add it to the inputs",
            )
        return chosen

    def function_def(self, sig, fn: str, renames: dict) -> str:
        outputs = ", ".join(f"{_q(k)}: {v}" for k, v in sig.outputs)
        body = self._lines(self.slice_for(sig), renames)
        return self._tf_function(fn, list(sig.inputs), body + [f"return {{{outputs}}}"])

    def _lines(self, statements, renames: dict) -> list[str]:
        out = []
        for small in statements:
            new = small.visit(_Replace(renames)) if renames else small
            out.append(self.code(new.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)).strip())
        return out

    def _tf_function(self, fn: str, inputs: list, body: list[str]) -> str:
        """`@tf.function(input_signature=...)` over `inputs`, (spec name, placeholder) pairs."""
        if any(name not in self.b.placeholders for _, name in inputs):  # batches of an input pipeline
            params = ", ".join(name for _, name in inputs)
            i = self.indent
            return f"@{self.tf('function')}\ndef {fn}({params}):\n" + "".join(f"{i}{line}\n" for line in body)
        specs = []
        for key, name in inputs:
            ph = self.b.placeholders[name]
            shape = self.code(ph.shape) if ph.shape is not None else "None"
            specs.append(f"{self.tf('TensorSpec')}(shape={shape}, dtype={self.code(ph.dtype)}, name={_q(key)})")
        i = self.indent
        if len(specs) == 1:
            head = f"@{self.tf('function')}(input_signature=[{specs[0]}])\n"
        elif not specs:
            head = f"@{self.tf('function')}(input_signature=[])\n"
        else:
            joined = "".join(f"{i}{i}{s},\n" for s in specs)
            head = f"@{self.tf('function')}(\n{i}input_signature=[\n{joined}{i}]\n)\n"
        params = ", ".join(name for _, name in inputs)
        return f"{head}def {fn}({params}):\n" + "".join(f"{i}{line}\n" for line in body)

    # -- the whole block -------------------------------------------------------------------------
    def emit(self) -> list:
        b = self.b
        sigs = b.export.signatures
        renames = {}
        for _, small in b.computations:
            renames.update(self.graph_renames(small))
        self.renames = renames
        # a generated name may reuse one that only the dropped TF1 statements bound (`classify = ...`)
        dropped = set().union(*(assigned_names(s) for s in b.dropped)) - set(b.placeholders)
        kept = set().union(
            *(identifiers(s.node[0]) for s in b.steps if s.kind in ("keep", "var", "feed", "resource")),
            *(identifiers(s) for _, s in b.computations),
        )
        self.names.free &= dropped - kept
        fns = {sig.key: self.names.fresh(sig.key) for sig in sigs}
        # variables a layer creates get fresh names; the graph code refers to them by marker
        self.markers = {s.node.marker: self.names.fresh(s.node.tf1_name) for s in b.steps if s.kind == "newvar"}
        for _, small in b.computations:
            renames.update(self.marker_renames(small))
        self.tracked: list[str] = []  # what the module tracks, in creation order (aliases once)
        self.untrainable: set[str] = set()  # tracked variables made with `trainable=False`
        self.resources: list[str] = []  # tracked lookup tables and assets (tables.py)
        self.optimizer_names: dict[int, str] = {}
        out: list = []
        sources: list[int] = []  # for each statement of `out`, the position of the step it comes from
        defined = False
        for step in b.steps:
            sources.extend([step.at] * (len(out) - len(sources)))
            needs_fns = step.kind == "export" or any(self.signature_for(ev) for ev in step.evals)
            start = len(out)
            if needs_fns and not defined:
                defs = [self.parse(self.function_def(s, fns[s.key], renames))[0] for s in sigs]
                # a blank line around nested function definitions, as formatters do
                defs = [_blank_before(d, self.blank) if out or i else d for i, d in enumerate(defs)]
                out.extend(defs)
                defined = True
                start = len(out)
            if step.kind == "keep":
                stmt, defs = self.keep(step, fns)
                defs = [_blank_before(d, self.blank) if out or i else d for i, d in enumerate(defs)]
                out.extend(defs)
                if defs:
                    start = len(out)
                out.append(stmt)
            elif step.kind == "var":
                small, line = step.node
                if defined:
                    raise Refused(
                        small,
                        "SM319",
                        "a variable is created after the block first evaluates or exports the graph; create "
                        "variables first",
                    )
                mapping = {**self.variable_renames(small), **self.marker_renames(small)}
                out.append(self._line(small.visit(_Replace(mapping)), line))
                value = small.value if isinstance(small, cst.Assign) else None
                if not (isinstance(value, cst.Name) and (value.value in b.variables or value.value in self.markers)):
                    self.tracked.extend(assigned_names(small))  # `w2 = w` (a reused variable) is tracked once
                    if isinstance(value, cst.Call) and any(
                        a.keyword and a.keyword.value == "trainable" and _false(a.value) for a in value.args
                    ):
                        self.untrainable.update(assigned_names(small))
            elif step.kind == "newvar":
                new = step.node
                if defined:
                    raise Refused(
                        b.root,
                        "SM319",
                        f"`{new.tf1_name}` is created after the block first evaluates or exports the graph; "
                        "create variables first",
                    )
                name = self.markers[new.marker]
                value = new.value.visit(_Replace(self.variable_renames(new.value)))
                trainable = f", trainable={self.code(new.trainable)}" if new.trainable is not None else ""
                out.extend(
                    self.parse(
                        f"{name} = {self.tf('Variable')}({self.code(value)}, name={_q(new.tf1_name)}{trainable})\n"
                    )
                )
                self.tracked.append(name)
                if new.trainable is not None and _false(new.trainable):
                    self.untrainable.add(name)
            elif step.kind == "resource":
                out.append(emit_resource(self, step, defined))
            elif step.kind == "feed":
                small, line = step.node
                out.append(self._line(small.visit(_Replace(_feed_keys(small.value))), line))
            elif step.kind == "optimizer":
                out.extend(self.parse(self.optimizer(step.node)))
            elif step.kind == "assign":
                var, method, value = step.node
                mapping = self.variable_renames(value)
                defs = []
                for ev in step.evals:
                    expr, new_defs = self.evaluate(ev, fns)
                    mapping[id(ev.call)] = cst.parse_expression(expr)
                    defs.extend(new_defs)
                if defs:
                    out.extend(_blank_before(d, self.blank) if out or i else d for i, d in enumerate(defs))
                    start = len(out)
                renamed = value.visit(_Replace(mapping))
                out.extend(self.parse(f"{var}.{method}({self.code(renamed)})\n"))
            elif step.kind == "restore":
                path, held = step.node
                reader = self.names.fresh("reader")
                lines = [f"{reader} = {self.tf('train.load_checkpoint')}({self.code(path)})\n"]
                lines += [f"{var}.assign({reader}.get_tensor({_q(name)}))\n" for var, name in held]
                out.extend(self.parse("".join(lines)))
            elif step.kind == "export":
                out.extend(self.export(fns))
            if start < len(out) and start > 0 and isinstance(out[start - 1], cst.FunctionDef):
                out[start] = _blank_before(out[start], self.blank)
            sources.extend([step.at] * (len(out) - len(sources)))
        return self.carry_comments(out, sources)

    def carry_comments(self, out: list, sources: list[int]) -> list:
        """Comment lines above statements the TF2 code drops (`sess = tf.Session()`) stay, above the
        first statement written for what came after them (a notebook's cell markers are such lines)."""
        emitted = Counter(line.comment.value for stmt in out for line in stmt.leading_lines if line.comment)
        region = _region_lines(self.b.region)
        seen: set[int] = set()
        lost: list[tuple[int, cst.EmptyLine]] = []
        for position, (_, line) in enumerate(self.b.statements):
            if id(line) in seen or id(line) not in region or line is self.b.root:
                continue  # the root's own lines are moved by the codemod
            seen.add(id(line))
            for empty in line.leading_lines:
                if empty.comment is None:
                    continue
                if emitted[empty.comment.value]:
                    emitted[empty.comment.value] -= 1
                else:
                    lost.append((position, empty))
        for position, empty in reversed(lost):
            at = next((i for i, source in enumerate(sources) if source >= position), None)
            if at is not None:  # after the blank lines that set a definition apart
                lines = list(out[at].leading_lines)
                blank = next((i for i, line in enumerate(lines) if line.comment is not None), len(lines))
                out[at] = out[at].with_changes(leading_lines=[*lines[:blank], empty, *lines[blank:]])
        return out

    def keep(self, step, fns):
        small, line = step.node
        mapping = self.variable_lists(small)
        if assigned_names(small) & self.b.datasets:  # TF2's tf.data.Dataset, not tf.compat.v1's
            for ref, resolved in graph_refs(self.cm, small):
                if resolved.rel in T.DATASET_SOURCES:
                    self._tf2_spelling(ref, resolved.rel, resolved, mapping)
        if isinstance(small, cst.BaseCompoundStatement):
            for feed in self.b.inner_feeds:
                mapping.update(_feed_keys(feed))
        defs: list = []
        for ev in step.evals:
            expr, new_defs = self.evaluate(ev, fns)
            mapping[id(ev.call)] = cst.parse_expression(expr)
            defs.extend(new_defs)
        if mapping:
            small = small.visit(_Replace(mapping))
        if isinstance(small, cst.BaseCompoundStatement):
            return small, defs
        return self._line(small, line), defs

    def export(self, fns) -> list:
        b, tf = self.b, self.tf
        export_dir = b.export.export_dir
        text = []
        if isinstance(export_dir, (cst.Name, cst.SimpleString, cst.Attribute)):
            path = self.code(export_dir)
        else:
            path = self.names.fresh("export_path")
            text.append(f"{path} = {self.code(export_dir)}\n")
        module = self.names.fresh("module")
        text.append(f"{module} = {tf('Module')}()\n")
        for var in [*self.tracked, *self.resources]:
            text.append(f"{module}.{module_attr(var)} = {var}\n")
        for fn in fns.values():
            text.append(f"{module}.{fn} = {fn}\n")
        entries = [f"{_q(k)}: {fn}" for k, fn in fns.items()]
        if len(entries) == 1:
            text.append(f"{tf('saved_model.save')}({module}, {path}, signatures={{{entries[0]}}})\n")
        else:
            i = self.indent
            text.append(
                f"{tf('saved_model.save')}(\n{i}{module},\n{i}{path},\n{i}signatures={{\n"
                + "".join(f"{i}{i}{e},\n" for e in entries)
                + f"{i}}},\n)\n"
            )
        special = [s for s in b.export.signatures if s.method != T.PREDICT]
        if special:
            updater = self.names.fresh("method_names")
            text.append(
                "# tf.saved_model.save writes every signature as predict: restore the TF1 method names\n"
                f"{updater} = {tf('saved_model.signature_def_utils.MethodNameUpdater', V1)}({path})\n"
            )
            for s in special:
                text.append(
                    f"{updater}.replace_method_name({_q(s.key)}, {_q(s.method)}, tags=[{tf('saved_model.SERVING')}])\n"
                )
            fingerprint = self.names.fresh("fingerprint")
            text.append(
                f"{updater}.save()\n"
                "# fingerprint.pb still describes the file before the method names changed; TF reads it\n"
                "# only for telemetry and loads fine without it, so remove it rather than keep a stale one\n"
                f'{fingerprint} = {tf("io.gfile.join")}({path}, "fingerprint.pb")\n'
                f"if {tf('io.gfile.exists')}({fingerprint}):\n{self.indent}{tf('io.gfile.remove')}({fingerprint})\n"
            )
        if b.sig_map_kept is not None:  # the program reads the map's keys later: the same keys
            text.append(f"{b.sig_map_kept} = {{{', '.join(entries)}}}\n")
        if b.save_result is not None:
            # what TF1's `builder.save()` returned: the path of saved_model.pb, as bytes
            text.append(
                f'{b.save_result} = {tf("io.gfile.join")}({tf("compat.as_bytes")}({path}), b"saved_model.pb")\n'
            )
        return self.parse("".join(text))

    def variable_lists(self, node) -> dict:
        """`tf.global_variables()` / `tf.trainable_variables()` read in the block: the variables it
        has made so far, in creation order (TF2's `v.name` is TF1's: `dense/kernel:0`)."""
        mapping: dict[int, cst.BaseExpression] = {}
        for call in _calls(node):
            resolved = self.cm.tf_symbol(call.func) if not call.args else None
            if resolved is not None and resolved.rel in T.VARIABLE_LISTS:
                trainable_only = T.VARIABLE_LISTS[resolved.rel]
                names = [v for v in self.tracked if not (trainable_only and v in self.untrainable)]
                mapping[id(call)] = cst.parse_expression("[" + ", ".join(names) + "]")
        return mapping

    def marker_renames(self, node) -> dict:
        return {id(n): n.with_changes(value=self.markers[n.value]) for n in all_names(node) if n.value in self.markers}

    def parse(self, text: str) -> list:
        return list(cst.parse_module(text, config=self.cm.source_module.config_for_parsing).body)

    def _line(self, small, line):
        small = small.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        if len(line.body) == 1:
            return line.with_changes(body=[small])
        return cst.SimpleStatementLine(body=[small])


def _region_lines(stmts) -> set[int]:
    """ids of the statement lines of a region, looking into its with-blocks."""
    found: set[int] = set()
    for stmt in stmts:
        found.add(id(stmt))
        if isinstance(stmt, cst.With) and isinstance(stmt.body, cst.IndentedBlock):
            found |= _region_lines(stmt.body.body)
    return found


def _feed_keys(feed: cst.Dict) -> dict:
    """`{x: batch}` -> `{"x": batch}`: the generated functions' parameters are the placeholders' names."""
    return {
        id(e.key): cst.SimpleString(_q(e.key.value))
        for e in feed.elements
        if isinstance(e, cst.DictElement) and isinstance(e.key, cst.Name)
    }


def _blank_before(stmt, count: int = 1):
    have = 0
    for line in stmt.leading_lines:
        if line.comment:
            break
        have += 1
    if have >= count:
        return stmt
    return stmt.with_changes(leading_lines=[*[cst.EmptyLine(indent=False)] * (count - have), *stmt.leading_lines])


def _false(node) -> bool:
    return isinstance(node, cst.Name) and node.value == "False"
