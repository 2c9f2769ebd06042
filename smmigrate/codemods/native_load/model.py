"""The values native-load's analysis produces and its emitter consumes (no libcst visiting here).

A `Site` is one TF1 load block understood end to end: the `loader.load` call, the session and
graph scaffolding to drop, the `signature_def` lookups, and every `sess.run` over the loaded
graph (`Run`), each fetch and feed resolved to a `Tensor` (a signature input/output key, or a
hard-coded TF1 tensor name). Anything the analysis cannot account for raises `Refusal`. Also the
small libcst helpers every `_load_*` module shares (`code_of`, `literal_str`, `Names`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from .._base import Refused
from .._names import local_names
from .._walk import walk

# The TF1 SignatureDef keys the constants stand for, so `sig.inputs[REGRESS_INPUTS]` can become a
# keyword argument `inputs=...` of the TF2 signature function.
KEY_CONSTANTS = {
    "CLASSIFY_INPUTS": "inputs",
    "CLASSIFY_OUTPUT_CLASSES": "classes",
    "CLASSIFY_OUTPUT_SCORES": "scores",
    "REGRESS_INPUTS": "inputs",
    "REGRESS_OUTPUTS": "outputs",
    "PREDICT_INPUTS": "inputs",
    "PREDICT_OUTPUTS": "outputs",
    "DEFAULT_SERVING_SIGNATURE_DEF_KEY": "serving_default",
}


# The block cannot be migrated safely: the codemods' one refusal type, under native-load's name.
Refusal = Refused


@dataclass
class SigRef:
    """One signature of the loaded model: the user's SignatureDef variable or an inline key."""

    key: cst.BaseExpression  # the signature key expression, as written
    var: str | None = None  # `sig` in `sig = meta_graph.signature_def[key]`
    key_value: str | None = None  # the key's string value when known
    fn_var: str | None = None  # the variable holding `loaded.signatures[key]` in the output
    stored: bool = False  # `sig = ...` becomes `self.<fn_var> = ...` (its runs are in other methods)


@dataclass
class Tensor:
    """A fetch or feed: signature key (`sig` + `key`) or a hard-coded TF1 tensor `name`."""

    sig: SigRef | None = None
    key: cst.BaseExpression | None = None
    key_value: str | None = None
    name: str | None = None  # "y:0"
    is_input: bool = False


@dataclass
class KeyMap:
    """`feeds = {k: v.name for k, v in sig.inputs.items()}`: signature key -> tensor name, in TF2 -> key."""

    sig: SigRef
    is_input: bool
    loop_var: str  # the comprehension's key variable, reused by the TF2 comprehension
    var: str = ""
    target: str | None = None  # `(in_name,)` for `(in_name,) = [t.name for t in sig.inputs.values()]`


@dataclass
class Run:
    """One `sess.run(fetches, feed_dict)` over the loaded graph."""

    call: cst.Call
    shape: str  # "single" | "list" | "tuple" | "dict" | "keymap" | "keylist"
    fetches: list[Tensor]
    dict_keys: list[cst.BaseExpression] = field(default_factory=list)
    feeds: list[tuple[Tensor, cst.BaseExpression]] = field(default_factory=list)
    stmt: cst.SimpleStatementLine | None = None  # where a multi-fetch result is computed first
    outside: bool = False  # in another method of the class than the load (a session on `self`)
    keymap: cst.BaseExpression | None = None  # shape "keymap"/"keylist": the name map or key list fetched whole
    splat: cst.BaseExpression | None = None  # `feed_dict={feeds[k]: data[k] for k in feeds}`, or a filled map
    splat_key: Tensor | None = None  # its key, `feeds[k]`
    # filled in when the run is resolved to a signature call or a pruned function
    mode: str = ""  # "signature" | "prune" | "variable"
    variables: list[str] = field(default_factory=list)  # mode "variable": `loaded.<attr>` per fetch
    sig: SigRef | None = None
    output_keys: list[str] = field(default_factory=list)  # each key as code
    input_keys: list[tuple[str | None, str]] = field(default_factory=list)  # (value, code) per feed
    pruned_var: str | None = None
    outputs_var: str | None = None


@dataclass
class Site:
    """One migratable load block."""

    load_call: cst.Call
    load_stmt: cst.SimpleStatementLine
    export_dir: cst.BaseExpression
    tags: cst.BaseExpression | None
    loaded_var: str = "loaded"
    remove: set = field(default_factory=set)  # statements that only served the session / graph
    flatten: set = field(default_factory=set)  # `with` statements whose items are all scaffolding
    strip_items: dict = field(default_factory=dict)  # `with` -> items to drop (others stay)
    sig_stmts: dict = field(default_factory=dict)  # `sig = mg.signature_def[k]` statement -> SigRef
    keymaps: dict = field(default_factory=dict)  # name-map statement -> KeyMap (rewritten over keys)
    sigs: list[SigRef] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    new_sigs: list[SigRef] = field(default_factory=list)  # signature functions we must introduce
    # (var, feed names, fetch names, fetch shape) per pruned function
    prunes: list[tuple[str, list[str], list[str], str]] = field(default_factory=list)
    dropped_funcs: list[cst.BaseExpression] = field(default_factory=list)  # imports maybe unused now
    config_code: list[str] = field(default_factory=list)  # tf.config calls for the session's config=
    # loops filling a dict over the signature's keys: (node, signature, what replaces it) with what
    # "key:<var>" (the loop's key variable), "inputs" or "outputs" (the signature function's specs)
    loop_edits: list = field(default_factory=list)


def code_of(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


# Not `_names.mentions`: the `Name` nodes themselves (refusals point at them), without nested functions' own.
class Names(cst.CSTVisitor):
    """Every `Name` node used as a variable (not `.attr`, not a keyword) in a scope.

    Inside a nested function, names that function binds itself are its own variables and are not
    reported (a helper with its own `sess`); names it only reads are the scope's (a closure over
    the session) and are."""

    def __init__(self, root: cst.CSTNode | None = None) -> None:
        self.found: list[cst.Name] = []
        self._own: list[set[str]] = []
        self._root = root  # the scope itself: its own bindings are what we track

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if node is self._root:
            self._own.append(set())
            return
        self._own.append(local_names(node))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._own.pop()

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        walk(node.value, self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        walk(node.value, self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        if not any(node.value in own for own in self._own):
            self.found.append(node)
