"""native-load: a load block that adds ops on the loaded signature's outputs and exports the session again.

Converters load a SavedModel, put a head on it (a softmax, an argmax, a rescaling), check it with
`sess.run`, and export the session under new signatures:

    with tf.Graph().as_default() as graph, tf.Session(graph=graph) as sess:
        meta = tf.saved_model.loader.load(sess, [tag], src)
        sig = meta.signature_def["serving_default"]
        x = graph.get_tensor_by_name(sig.inputs["x"].name)
        logits = graph.get_tensor_by_name(sig.outputs["logits"].name)
        probs = tf.nn.softmax(logits)
        print(sess.run(probs, {x: batch}))
        tf.saved_model.simple_save(sess, dst, {"x": x}, {"probs": probs})

In TF2 the new ops become a Python function of the signature's inputs that calls the signature
function (`head`), run eagerly where `sess.run` ran and traced by one `tf.function` per exported
signature, whose `input_signature` is the loaded signature's own TensorSpecs; the loaded object is
tracked by the saved `tf.Module`, so its variables are written:

    loaded = tf.saved_model.load(src, tags=[tag])
    sig = loaded.signatures["serving_default"]

    def head(x):
        logits = sig(x=x)["logits"]
        probs = tf.nn.softmax(logits)
        return {"probs": probs}

    print(head(x=batch)["probs"].numpy())

    @tf.function(input_signature=[tf.TensorSpec.from_spec(sig.structured_input_signature[1]["x"], name="x")])
    def serving_default(x):
        outputs = head(x=x)
        return {"probs": outputs["probs"]}

    module = tf.Module()
    module.loaded = loaded
    tf.saved_model.save(module, dst, signatures={"serving_default": serving_default})

Only when the loaded directory is written by an export of this file that native-save migrates to
TF2 (project facts): TF 2.21 re-saves a TF1 SavedModel loaded with `tf.saved_model.load` without its
reference variables (the re-export then fails on load with "uninitialized value"; checked), and the
facts give the loaded signature's input keys, which `head` must all take. Predict signatures only
(simple_save, `predict_signature_def`), tagged `serve`; the new ops use TF names whose TF2 spelling
means the same (native-save's GRAPH_KEEP / GRAPH_RENAME tables) and read only the loaded signature's
outputs, other new tensors and Python values nothing rebinds after them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import libcst as cst

from .._base import literal_str
from .._walk import walk
from ..exports import tables as T
from ..exports.signatures import parse_export_parts
from ..exports.syntax import Refused, graph_refs, identifiers
from ..symbols import V2
from .emit import matching_exports
from .find import Analyzer
from .model import Names, Refusal, Run, SigRef, Site, Tensor, code_of


@dataclass
class Export:
    """One export of the session: the statement it replaces and what it writes."""

    stmt: cst.SimpleStatementLine
    call: cst.Call
    kind: str  # "simple_save" | "builder"
    export_dir: cst.BaseExpression
    signatures: list = field(default_factory=list)  # exports.signatures.SignatureSpec


class ReexportAnalyzer(Analyzer):
    """`Analyzer` that also takes new ops on the loaded tensors, and exports of the session."""

    def __init__(self, codemod, call: cst.Call, strings: dict[str, str]) -> None:
        super().__init__(codemod, call)
        self.strings = strings
        self.exports: list[Export] = []
        self.heads: list[cst.SimpleStatementLine] = []  # `probs = tf.nn.softmax(logits)`, in order
        self.builders: dict[str, tuple[cst.SimpleStatementLine, cst.BaseExpression]] = {}
        self.sig_defs: dict[str, cst.BaseExpression] = {}  # `sig_def = predict_signature_def(...)`
        self.infos: dict[str, cst.BaseExpression] = {}  # `x_info = build_tensor_info(x)` -> `x`
        self.head_of: dict[int, str] = {}  # id(Tensor) -> the variable naming a new tensor

    # -- statements -------------------------------------------------------------------------------
    def simple_binding(self, stmt: cst.BaseStatement) -> bool:
        if super().simple_binding(stmt):
            return True
        if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
            return False
        small = stmt.body[0]
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            return self.export_statement(stmt, small.value)
        if not (isinstance(small, cst.Assign) and len(small.targets) == 1):
            return False
        target = small.targets[0].target
        if not isinstance(target, cst.Name) or target.value in self.tracked:
            return False
        value = small.value
        rel = self.rel(value.func) if isinstance(value, cst.Call) else None
        if rel in T.BUILDERS and isinstance(value, cst.Call):
            args = [a for a in value.args if not a.star]
            if len(args) != 1 or len(value.args) != 1:
                raise Refusal(value, "SM209", "the SavedModelBuilder of the re-export takes more than its directory")
            self.builders[target.value] = (stmt, args[0].value)
            self.site.remove.add(stmt)
            return True
        if rel in T.SIGNATURE_FUNCS:
            self.sig_defs[target.value] = value
            self.site.remove.add(stmt)
            return True
        if rel in T.BUILD_TENSOR_INFO and isinstance(value, cst.Call) and len(value.args) == 1:
            self.infos[target.value] = value.args[0].value
            self.site.remove.add(stmt)
            return True
        return self.head_statement(stmt, target, value)

    def head_statement(self, stmt: cst.SimpleStatementLine, target: cst.Name, value: cst.BaseExpression) -> bool:
        """`probs = tf.nn.softmax(logits)`: a new tensor computed from loaded outputs or other new ones."""
        names = Names()
        walk(value, names)
        if any(self.tracked.get(n.value) == "session" for n in names.found):
            return False  # `d = sess.run(...)`: a run (find_runs), not a new op
        reads = [n for n in names.found if self.tracked.get(n.value) in ("tensor", "head")]
        if not reads:
            return False
        for name in reads:
            tensor = self.tensors.get(name.value)
            if tensor is not None and (tensor.sig is None or tensor.is_input):
                raise Refusal(
                    name,
                    "SM209",
                    f"the new op `{target.value}` reads `{name.value}`, "
                    + ("a signature input" if tensor.is_input else "a tensor looked up by a hard-coded name")
                    + "; only the loaded signature's outputs can feed new ops in a re-export",
                )
            self.use(name)
        for ref, resolved in graph_refs(self.cm, value):
            if resolved.rel not in T.GRAPH_KEEP and resolved.rel not in T.GRAPH_RENAME:
                raise Refusal(
                    ref,
                    "SM209",
                    f"`{code_of(ref)}` in the new op `{target.value}` has no TF2 equivalent smmigrate knows to "
                    "trace into a tf.function",
                )
        self.tracked[target.value] = "head"
        self.use(target)
        self.heads.append(stmt)
        return True

    def export_statement(self, stmt: cst.SimpleStatementLine, call: cst.Call) -> bool:
        func = call.func
        if self.rel(func) == T.SIMPLE_SAVE:
            self.exports.append(self.parse_export(stmt, call, "simple_save"))
            return True
        if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)):
            return False
        builder = self.builders.get(func.value.value)
        if builder is None:
            return False
        self.use(func.value)
        if func.attr.value == "add_meta_graph_and_variables":
            self.exports.append(self.parse_export(stmt, call, "builder"))
            return True
        if func.attr.value == "save" and not call.args:
            self.site.remove.add(stmt)
            return True
        return False

    def parse_export(self, stmt: cst.SimpleStatementLine, call: cst.Call, kind: str) -> Export:
        """The export's signatures, read by native-save's reader over this block's tensors."""
        export_dir: cst.BaseExpression | None = None
        if kind == "builder":
            assert isinstance(call.func, cst.Attribute) and isinstance(call.func.value, cst.Name)
            export_dir = self.builders[call.func.value.value][1]
        inputs = [k for k, t in self.tensors.items() if t.is_input and t.sig is not None]
        graph = {k for k, t in self.tensors.items() if not t.is_input and t.sig is not None}
        graph |= {k for k, role in self.tracked.items() if role == "head"}
        shim = SimpleNamespace(
            b=SimpleNamespace(
                placeholders={k: SimpleNamespace(dtype=None) for k in inputs},
                sess=next(k for k, role in self.tracked.items() if role == "session"),
                graph_name=None,
                tensor_names={},
                variables=[],
                steps=[],
                signatures_seen=None,
            ),
            graph_names=lambda: graph,
            init_ops={},
            assign_ops={},
            sigs=self.sig_defs,
            infos=self.infos,
            ran_assign=False,
            resources=None,
        )
        try:
            spec = parse_export_parts(_CodemodView(self.cm, self.strings), shim, kind, call, export_dir)
        except Refused as refused:
            raise Refusal(refused.node, "SM209", f"the re-export cannot be generated: {refused.message}") from None
        for sig in spec.signatures:
            if sig.method != T.PREDICT:
                raise Refusal(
                    sig.node,
                    "SM209",
                    f"the re-export's signature `{sig.key}` is not a predict signature (a classify or regress head "
                    "over a loaded model is not generated)",
                )
        names = Names()
        walk(call, names)
        for value in (*self.sig_defs.values(), *self.infos.values()):
            walk(value, names)
        for name in names.found:
            if name.value in self.tracked:
                self.use(name)
        return Export(stmt, call, kind, spec.export_dir, spec.signatures)

    def fetch(self, node: cst.BaseExpression) -> Tensor:
        if isinstance(node, cst.Name) and self.tracked.get(node.value) == "head":
            self.use(node)
            tensor = Tensor(name=node.value)
            self.head_of[id(tensor)] = node.value
            return tensor
        return super().fetch(node)


class _CodemodView:
    """What `exports.signatures` asks of native-save's codemod, answered by native-load's."""

    def __init__(self, codemod, strings: dict[str, str]) -> None:
        self._cm = codemod
        self.module_strings = strings

    @property
    def source_module(self) -> cst.Module:
        return self._cm.module_node

    def code(self, node: cst.CSTNode | None) -> str:
        return code_of(node) if node is not None else "(missing)"

    def __getattr__(self, name: str):
        return getattr(self._cm, name)


def loaded_input_keys(codemod, site: Site, sig: SigRef, strings: dict[str, str]) -> list[str]:
    """The input keys of the loaded signature, from the export of this file that writes the directory."""
    from ..native_save.dirs import parameter_dir

    value = literal_str(site.export_dir)
    if value is None and isinstance(site.export_dir, cst.Name):
        value = strings.get(site.export_dir.value)
        if value is None:
            view = SimpleNamespace(parent=codemod.parent, source_module=codemod.module_node, module_strings=strings)
            value = parameter_dir(view, site.export_dir)
    exports = matching_exports(codemod.project_facts, site.export_dir, value, codemod.filename)
    mine = [e for e in exports if e.path == codemod.filename]
    if not mine or len(mine) != len(exports) or not all(e.migrated for e in mine):
        raise Refusal(
            site.load_call,
            "SM209",
            "the block re-exports the loaded model with new ops, and the loaded directory is not written by an export "
            "of this file that is migrated to TF2 (TF 2.21 re-saves a TF1 SavedModel loaded with "
            "tf.saved_model.load without its variables); once the export writing it is migrated in this run, the "
            "re-export is too",
        )
    found = {
        tuple(sorted(s.inputs))
        for e in mine
        for s in e.signatures
        if sig.key_value is not None and s.key == sig.key_value
    }
    if len(found) != 1:
        raise Refusal(
            site.load_call,
            "SM209",
            f"the input keys of the loaded signature `{sig.key_value or code_of(sig.key)}` are not known from the "
            "export that writes it",
        )
    keys = list(found.pop())
    if not keys or not all(k.isidentifier() for k in keys):
        raise Refusal(site.load_call, "SM209", "the loaded signature's input keys are not Python identifiers")
    return keys


def head_renames(codemod, stmt: cst.CSTNode) -> str:
    """The statement's code with each TF name spelled as TF2 spells the same op (native-save's renames
    of graph code moved into a tf.function: the head is traced by one)."""
    from .._names import FreshNames
    from ..native_save.emit import Emitter
    from ..native_save.nodes import _Replace

    mapping = Emitter(_CodemodView(codemod, {}), None, FreshNames(set())).graph_renames(stmt)
    new = stmt.visit(_Replace(mapping)) if mapping else stmt
    assert isinstance(new, cst.SimpleStatementLine)
    return code_of(new.with_changes(leading_lines=())).strip()


def head_runs(runs: list[Run], a: ReexportAnalyzer, head: str, keys: list[str], fresh) -> None:
    """Every `sess.run` of the block calls `head` with the loaded signature's inputs."""
    var_of = {id(t): k for k, t in a.tensors.items()}
    outputs = None
    for run in runs:
        fed = {}
        for tensor, _ in run.feeds:
            if tensor.sig is None or not tensor.is_input or tensor.key_value is None:
                raise Refusal(run.call, "SM203", "a run of the re-export feeds something other than a signature input")
            fed[tensor.key_value] = tensor
        if sorted(fed) != sorted(keys) or run.splat is not None:
            raise Refusal(
                run.call,
                "SM203",
                f"this `sess.run` does not feed every input of the loaded signature ({', '.join(keys)}), which the "
                "signature function needs",
            )
        out = []
        for tensor in run.fetches:
            var = a.head_of.get(id(tensor)) or var_of.get(id(tensor))
            if var is None or (tensor.sig is not None and tensor.is_input):
                raise Refusal(run.call, "SM203", "a run of the re-export fetches a tensor with no variable of its own")
            out.append(f'"{var}"')
        run.mode = "signature"
        run.sig = SigRef(key=cst.Name(head), fn_var=head)
        run.output_keys = out
        run.input_keys = [(t.key_value, f'"{t.key_value}"') for t, _ in run.feeds]
        if run.shape != "single":
            outputs = outputs or fresh("outputs")
            run.outputs_var = outputs


def head_code(codemod, a: ReexportAnalyzer, sig_fn: str, head: str, keys: list[str], needed: list[str], fresh) -> str:
    """`def head(<input keys>): <loaded outputs>; <new ops>; return {name: tensor}`."""
    indent = codemod.module_node.default_indent
    used_outputs = [
        k
        for k, t in a.tensors.items()
        if t.sig is not None and not t.is_input and (k in needed or any(k in identifiers(s) for s in a.heads))
    ]
    call = f"{sig_fn}({', '.join(f'{k}={k}' for k in keys)})"
    body: list[str] = []
    if len(used_outputs) == 1:
        body.append(f'{used_outputs[0]} = {call}["{a.tensors[used_outputs[0]].key_value}"]')
    elif used_outputs:
        results = fresh("results")
        body.append(f"{results} = {call}")
        body += [f'{k} = {results}["{a.tensors[k].key_value}"]' for k in used_outputs]
    body += [head_renames(codemod, s) for s in a.heads]
    body.append("return {" + ", ".join(f'"{n}": {n}' for n in needed) + "}")
    lines = [f"def {head}({', '.join(keys)}):", *(indent + line for line in body)]
    return "\n".join(lines)


def export_code(
    codemod, export: Export, a: ReexportAnalyzer, loaded: str, sig_fn: str, head: str, keys: list[str], fresh
) -> list[str]:
    """One tf.function per signature over `head`, the module tracking the loaded object, the save."""
    indent = codemod.module_node.default_indent
    tf = lambda path: codemod.spell((V2, path))  # noqa: E731
    key_of = {k: t.key_value for k, t in a.tensors.items() if t.is_input}
    lines, functions = [], []
    outputs = fresh("outputs")  # a local of each function
    for sig in export.signatures:
        params = [key for key, _ in sig.inputs]
        loaded_keys = [key_of.get(var) for _, var in sig.inputs]
        if sorted(k for k in loaded_keys if k) != sorted(keys) or not all(p.isidentifier() for p in params):
            raise Refusal(
                sig.node,
                "SM209",
                f"the re-exported signature `{sig.key}` does not take every input of the loaded signature "
                f"({', '.join(keys)}) under keys that are Python identifiers",
            )
        specs = ", ".join(
            f'{tf("TensorSpec")}.from_spec({sig_fn}.structured_input_signature[1]["{lk}"], name="{p}")'
            for p, lk in zip(params, loaded_keys, strict=True)
        )
        name = fresh(f"{sig.key}_signature" if sig.key.isidentifier() else "signature")
        call = f"{head}({', '.join(f'{lk}={p}' for p, lk in zip(params, loaded_keys, strict=True))})"
        ret = "{" + ", ".join(f'"{key}": {outputs}["{var}"]' for key, var in sig.outputs) + "}"
        lines.append(
            "\n".join(
                [
                    f"@{tf('function')}(input_signature=[{specs}])",
                    f"def {name}({', '.join(params)}):",
                    f"{indent}{outputs} = {call}",
                    f"{indent}return {ret}",
                ]
            )
        )
        functions.append((sig.key, name))
    module = fresh("export_module")
    lines.append(f"{module} = {tf('Module')}()")
    lines.append(f"{module}.{loaded.rsplit('.', 1)[-1]} = {loaded}")
    signatures = "{" + ", ".join(f'"{key}": {fn}' for key, fn in functions) + "}"
    lines.append(f"{tf('saved_model.save')}({module}, {code_of(export.export_dir)}, signatures={signatures})")
    return lines
