"""native-save, step 1b: read the export call itself — simple_save or Builder — and its signatures.

Signature defs may be written inline or bound to names earlier in the block
(`predict_signature_def`, `classification_signature_def`, `regression_signature_def`,
`build_signature_def` with `build_tensor_info`). Keys, tags and method names must be literals or
TensorFlow's own constants, because they decide what the TF2 code generates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import Assignment, ScopeProvider

from .._base import literal_str
from .._names import dotted_name
from . import tables as T
from .syntax import Refused, bind_args


@dataclass
class SignatureSpec:
    key: str
    method: str
    node: cst.CSTNode  # where the signature is written (reported with its refusals)
    inputs: list = field(default_factory=list)  # (input key, placeholder name)
    outputs: list = field(default_factory=list)  # (output key, python name of the tensor)


@dataclass
class ExportSpec:
    kind: str  # "simple_save" | "builder"
    export_dir: cst.BaseExpression
    signatures: list
    node: cst.Call


def constant_value(cm, node) -> str | None:
    """A string literal, a TF constant (DEFAULT_SERVING_SIGNATURE_DEF_KEY, SERVING, ...), a
    module-level string constant, or a name assigned one of the first two once where it is read
    (`key = tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY`)."""
    value = literal_str(node)
    if value is not None:
        return value
    if isinstance(node, (cst.Name, cst.Attribute)):
        resolved = cm.tf_symbol(node)
        if resolved is not None:
            return T.CONSTANTS.get(resolved.rel)
        if isinstance(node, cst.Name):
            found = cm.module_strings.get(node.value)
            assigned = _assigned_once(cm, node) if found is None else None
            if assigned is not None and not isinstance(assigned, cst.Name):  # one step: no chains, no cycles
                found = constant_value(cm, assigned)
            return found
        return cm.module_strings.get(dotted_name(node))  # another module's constant (`config.KEY`)
    return None


def _assigned_once(cm, name: cst.Name) -> cst.BaseExpression | None:
    """`value` when the only binding of `name` where it is read is one `name = value` statement."""
    scope = cm.get_metadata(ScopeProvider, name, None)
    bindings = list(scope[name.value]) if scope is not None else []
    if len(bindings) != 1 or not isinstance(bindings[0], Assignment):
        return None
    target = cm.parent(bindings[0].node)
    assign = cm.parent(target) if isinstance(target, cst.AssignTarget) else None
    if isinstance(assign, cst.Assign) and len(assign.targets) == 1 and assign.targets[0].target is bindings[0].node:
        return assign.value
    return None


def tag_values(cm, tags: cst.BaseExpression | None) -> list[str | None] | None:
    """The tag strings of an export's `tags` argument, written as a list of literals or TF constants,
    directly or through names assigned once (`tag = tf.saved_model.tag_constants.SERVING`); None for
    a tag list that is not written out, None items for tags that are not constants."""
    if isinstance(tags, cst.Name):
        tags = _assigned_once(cm, tags)
    if not isinstance(tags, (cst.List, cst.Tuple, cst.Set)):
        return None
    return [constant_value(cm, element.value) for element in tags.elements]


def tags_not_serving(cm, tags: cst.BaseExpression | None) -> str | None:
    """Why `tags` are not provably exactly [SERVING] (None when they are)."""
    values = tag_values(cm, tags)
    if values == ["serve"]:
        return None
    shown = cm.code(tags) if tags is not None else "none"
    if values is None or None in values:
        return (
            f"tags `{shown}` are not a list of string literals or TensorFlow tag constants (written out, or names "
            "assigned one of them once), so they cannot be checked to be exactly [SERVING] (write them as "
            "`[tf.saved_model.SERVING]` if they are)"
        )
    return f"tags `{shown}` are {values}, not exactly [SERVING]"


def _block_variables(a) -> list[str]:
    """The variables the block makes (`tf.Variable`/`get_variable` names, then layer variables)."""
    return [*a.b.variables, *(s.node.tf1_name for s in a.b.steps if s.kind == "newvar")]


def _load_time_kind(cm, a, node) -> str | None:
    """What an init op amounts to at load time: the TF1-relative path of its first member that TF2
    cannot drop (a `tf.group` is read member by member, a name bound in the block by what it was
    bound to), else of a droppable one; None for `None`, "?" for anything that is not an initializer."""
    if node is None or (isinstance(node, cst.Name) and node.value == "None"):
        return None
    if isinstance(node, cst.Name) and node.value in a.init_ops:
        return a.init_ops[node.value]
    resolved = cm.tf_symbol(node.func) if isinstance(node, cst.Call) else None
    rel = resolved.rel if resolved else None
    if rel == T.GROUP:
        kinds = [
            _load_time_kind(cm, a, arg.value) if not arg.keyword and not arg.star else "?"
            for arg in node.args
            if not (arg.keyword is not None and arg.keyword.value == "name")
        ]
        return next((k for k in kinds if not _droppable(a, k)), kinds[0] if kinds else None)
    if rel in T.INITIALIZERS:
        return rel
    return "?"


def _droppable(a, kind: str | None) -> bool:
    """An init op TF2 needs nothing for: none, table/local initializers, or — in a block without
    variables — any initializer (`main_op()` there only fills the tables); also any initializer when
    nothing assigned or trained the variables before the export: re-run on load, it gives them the
    values the TF2 export holds (random initial values are refused elsewhere)."""
    if kind is None or kind in T.LOAD_TIME_SAFE:
        return True
    unchanged = not getattr(a, "ran_assign", True)
    return kind in T.INITIALIZERS and (not _block_variables(a) or unchanged)


def _init_like(cm, a, node) -> bool:
    return _droppable(a, _load_time_kind(cm, a, node))


def _init_refusal(cm, a, param: str, value) -> str:
    """The SM315 message for `param=value`, naming what it would do at load time."""
    kind = _load_time_kind(cm, a, value)
    head = f"`{param}=` runs `{cm.code(value)}` at load time"
    if kind in T.INITIALIZERS:  # not droppable: the block has variables
        found = _block_variables(a)
        names = ", ".join(f"`{v}`" for v in found[:3]) + (", ..." if len(found) > 3 else "")
        return (
            f"{head}, which re-runs the initializers of the block's variables ({names}) after the restore — the TF1 "
            "model serves their initial values, whatever was assigned or trained before the export — and TF2's "
            "tf.saved_model.save has no load-time hook to do the same; pass `tf.tables_initializer()` or None if "
            "that was not intended (TF2 tables fill themselves on load), or write the tf.Module by hand"
        )
    return (
        f"{head}, which TF2's tf.saved_model.save has no hook for (TF2 tables fill themselves on load, so only "
        "table and local-variable initializers, alone or in `tf.group`, can be dropped); use "
        "`tf.tables_initializer()` or None if nothing else needs to run on load, or write the tf.Module by hand"
    )


def _tensor_dict(cm, a, node, what: str, inputs: bool, infos: bool) -> list:
    if not isinstance(node, cst.Dict):
        raise Refused(
            node,
            "SM308",
            f"the signature's {what} are not a literal dict; write `{{'key': tensor, ...}}` in the call so the TF2 "
            "signature can be generated",
        )
    out = []
    for el in node.elements:
        if not isinstance(el, cst.DictElement):
            raise Refused(el, "SM308", f"`**` in the signature's {what} hides its keys; write the keys out")
        key = constant_value(cm, el.key)
        if key is None:
            raise Refused(
                el.key,
                "SM322",
                f"signature {what} key `{cm.code(el.key)}` is not a literal or TensorFlow constant (written out, a "
                "name assigned one of them once, or a string constant of this module or of a module of this run "
                "bound once); write the key as a string literal (or such a constant) so the TF2 signature can be named",
            )
        out.append((key, _tensor(cm, a, el.value, key, inputs, infos)))
    return out


def _tensor(cm, a, node, key: str, inputs: bool, infos: bool) -> str:
    if infos:
        if isinstance(node, cst.Name) and node.value in a.infos:
            node = a.infos[node.value]
        elif isinstance(node, cst.Call) and (r := cm.tf_symbol(node.func)) and r.rel in T.BUILD_TENSOR_INFO:
            node = bind_args(node, ("tensor",)).get("tensor")
        else:
            raise Refused(node, "SM309", f"`{key}` is not `build_tensor_info(<tensor of this block>)`")
    node = _by_tensor_name(cm, a, node)
    if isinstance(node, cst.Name):
        if inputs and node.value in a.b.placeholders:
            return node.value
        if (
            not inputs
            and node.value in a.graph_names()
            and node.value not in set(a.init_ops) | set(a.assign_ops) | set(a.sigs)
        ):
            return node.value
    kind = "a tf.placeholder created in this block" if inputs else "a tensor computed in this block"
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "get_tensor_by_name"
    ):
        raise Refused(
            node,
            "SM309",
            f"signature {'input' if inputs else 'output'} `{key}` is `{cm.code(node)}`; native-save reads a lookup by "
            "name only as `sess.graph.`, `<graph>.` (the block's own graph variable) or "
            '`tf.get_default_graph().get_tensor_by_name("<literal>")` of a name this block gives exactly one '
            "tensor — write it that way, or use the tensor's Python name",
        )
    raise Refused(
        node,
        "SM309",
        f"signature {'input' if inputs else 'output'} `{key}` is `{cm.code(node)}`, which is not {kind} (graph built "
        "elsewhere?); export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the "
        "tf.Module by hand",
    )


def _by_tensor_name(cm, a, node):
    """`sess.graph.get_tensor_by_name("y:0")` (or `graph.`, `tf.get_default_graph().`) for a tensor
    of this block whose TF1 name is known: the Python name bound to it; else `node` unchanged."""
    if not (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "get_tensor_by_name"
        and len(node.args) == 1
        and not node.args[0].keyword
        and not node.args[0].star
    ):
        return node
    graph = node.func.value
    sess, graph_name = a.b.sess, a.b.graph_name
    of_block = (
        (
            isinstance(graph, cst.Attribute)
            and graph.attr.value == "graph"
            and isinstance(graph.value, cst.Name)
            and graph.value.value == sess
        )
        or (isinstance(graph, cst.Name) and graph_name is not None and graph.value == graph_name)
        or (
            isinstance(graph, cst.Call)
            and not graph.args
            and (r := cm.tf_symbol(graph.func)) is not None
            and r.rel == "get_default_graph"
        )
    )
    wanted = literal_str(node.args[0].value)
    if not of_block or wanted is None:
        return node
    found = [name for name, tensor in a.b.tensor_names.items() if tensor == wanted]
    return cst.Name(found[0]) if len(found) == 1 else node


def parse_signature(cm, a, key: str, node) -> SignatureSpec:
    if isinstance(node, cst.Name) and node.value in a.sigs:
        node = a.sigs[node.value]
    resolved = cm.tf_symbol(node.func) if isinstance(node, cst.Call) else None
    if resolved is None or resolved.rel not in T.SIGNATURE_FUNCS:
        raise Refused(
            node,
            "SM308",
            f"signature `{key}` is not a signature-def call of this block "
            "(predict/classification/regression/build_signature_def)",
        )
    method, params = T.SIGNATURE_FUNCS[resolved.rel]
    args = bind_args(node, params)
    sig = SignatureSpec(key, method or "", node=node)
    if method == T.PREDICT:
        sig.inputs = _tensor_dict(cm, a, args.get("inputs"), "inputs", True, False)
        sig.outputs = _tensor_dict(cm, a, args.get("outputs"), "outputs", False, False)
    elif method in (T.CLASSIFY, T.REGRESS):
        sig.inputs = [("inputs", _tensor(cm, a, args.get("examples"), "inputs", True, False))]
        named = [("classes", "classes"), ("scores", "scores")] if method == T.CLASSIFY else [("outputs", "predictions")]
        for out_key, param in named:
            value = args.get(param)
            if value is not None and not (isinstance(value, cst.Name) and value.value == "None"):
                sig.outputs.append((out_key, _tensor(cm, a, value, out_key, False, False)))
    else:
        sig.inputs = _tensor_dict(cm, a, args.get("inputs"), "inputs", True, True)
        sig.outputs = _tensor_dict(cm, a, args.get("outputs"), "outputs", False, True)
        sig.method = constant_value(cm, args.get("method_name")) or ""
        if not sig.method:
            raise Refused(
                node, "SM308", f"signature `{key}`'s method_name is not a literal or signature_constants.*_METHOD_NAME"
            )
    _check_inputs(sig)
    _check_contract(cm, a, sig)
    return sig


def _check_inputs(sig: SignatureSpec) -> None:
    names = [name for _, name in sig.inputs]
    if len(set(names)) != len(names):
        raise Refused(
            sig.node,
            "SM317",
            f"signature `{sig.key}` feeds one placeholder under two input keys; a tf.function cannot take the same "
            "argument twice — keep one key",
        )


def _check_contract(cm, a, sig: SignatureSpec) -> None:
    if sig.method not in (T.CLASSIFY, T.REGRESS):
        return
    wanted = {"classes", "scores"} if sig.method == T.CLASSIFY else {"outputs"}
    ok = [k for k, _ in sig.inputs] == ["inputs"] and sig.outputs and {k for k, _ in sig.outputs} <= wanted
    if ok:
        dtype = a.b.placeholders[sig.inputs[0][1]].dtype
        resolved = cm.tf_symbol(dtype) if isinstance(dtype, (cst.Name, cst.Attribute)) else None
        ok = (resolved is not None and resolved.rel in ("string", "dtypes.string")) or literal_str(dtype) == "string"
    if not ok:
        kind = "classify" if sig.method == T.CLASSIFY else "regress"
        raise Refused(
            sig.node,
            "SM316",
            f"signature `{sig.key}` declares method {sig.method} but breaks the {kind} contract (one tf.string input "
            f"keyed `inputs` holding serialized tf.Example; outputs {sorted(wanted)}); TensorFlow Serving would "
            "reject it — fix the signature or declare it as predict",
        )


def parse_export_parts(cm, a, kind: str, call: cst.Call, export_dir) -> ExportSpec:
    if kind == "simple_save":
        args = bind_args(call, T.SIMPLE_SAVE_PARAMS)
        session, export_dir = args.get("session"), args.get("export_dir")
        init = {"legacy_init_op": args.get("legacy_init_op")}
    else:
        args = bind_args(call, T.ADD_META_GRAPH_PARAMS)
        session = args.get("sess")
        init = {k: args.get(k) for k in ("legacy_init_op", "main_op", "init_op")}
    if kind == "builder":
        sigs = _signature_map(cm, a, args.get("signature_def_map"), call)
    else:
        sig = SignatureSpec("serving_default", T.PREDICT, node=call)
        sig.inputs = _tensor_dict(cm, a, args.get("inputs"), "inputs", True, False)
        sig.outputs = _tensor_dict(cm, a, args.get("outputs"), "outputs", False, False)
        _check_inputs(sig)
        sigs = [sig]
    a.b.signatures_seen = sigs  # facts for native-load, even if a later check refuses
    if not (isinstance(session, cst.Name) and session.value == a.b.sess):
        raise Refused(
            call,
            "SM301",
            "the export does not use the session of this block; use `smmigrate.export_session(sess, export_dir, "
            "...)` (session bridge) or write the tf.Module by hand",
        )
    for name, value in init.items():
        if value is not None and not _init_like(cm, a, value):
            raise Refused(value, "SM315", _init_refusal(cm, a, name, value))
    if kind == "simple_save":
        return ExportSpec(kind, export_dir, sigs, call)
    assets = args.get("assets_collection")
    resources = getattr(a, "resources", None)  # native-save's tables and assets (native_save/tables.py)
    if assets is not None and not (isinstance(assets, cst.Name) and assets.value == "None"):
        why = resources.assets_refusal(assets) if resources is not None else None
        if resources is None or why is not None:
            raise Refused(
                assets,
                "SM314",
                why
                or "`assets_collection=` exports asset files; in TF2 they must be tracked as `tf.saved_model.Asset` "
                "on the module — add them by hand (or use the session bridge)",
            )
    if args.get("saver") is not None:
        raise Refused(
            args["saver"], "SM318", "a custom `saver=` decides which variables are written; write the tf.Module by hand"
        )
    tags = args.get("tags")
    why = tags_not_serving(cm, tags)
    if why is not None:
        raise Refused(
            tags or call,
            "SM305",
            f"{why}; tf.saved_model.save writes one MetaGraph tagged `serve` only — keep this export on TF1 (compat "
            "renames applied) or re-tag it for serving",
        )
    return ExportSpec(kind, export_dir, sigs, call)


def _signature_map(cm, a, sig_map, call) -> list:
    if isinstance(sig_map, cst.Name) and sig_map.value == getattr(a, "sig_map_name", None):
        sig_map = a.assembled() or sig_map  # `m = {}` + `m[key] = sig` statements before the call
    if not isinstance(sig_map, cst.Dict):
        raise Refused(
            sig_map or call,
            "SM308",
            "signature_def_map is not a literal dict in the call (built elsewhere or decided by control flow); write "
            "`{key: signature_def, ...}` inline so the signatures are known",
        )
    sigs = []
    for el in sig_map.elements:
        if not isinstance(el, cst.DictElement):
            raise Refused(el, "SM308", "`**` in signature_def_map hides its keys; write the keys out")
        key = constant_value(cm, el.key)
        if key is None:
            raise Refused(
                el.key,
                "SM322",
                f"signature key `{cm.code(el.key)}` is not a literal or TensorFlow constant (written out, a name "
                "assigned one of them once, or a string constant of this module or of a module of this run bound "
                "once); write the key as a string literal (or such a constant) so the TF2 signature can be named",
            )
        sigs.append(parse_signature(cm, a, key, el.value))
    if not sigs:
        raise Refused(call, "SM308", "the export has no signatures; a TF2 SavedModel without signatures serves nothing")
    return sigs
