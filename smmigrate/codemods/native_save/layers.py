"""native-save: ``tf.layers.dense``, ``dropout`` and ``flatten`` in an export block, replayed with
the numbers and variable names TF1 gives them.

A dense layer becomes a kernel ``[in, units]`` and a bias ``[units]`` variable (named
``<scope>/dense/kernel``, ``dense_1/...`` for the next unnamed layer of that scope, or by the
layer's ``name=``) plus ``activation(tf.nn.bias_add(tf.matmul(x, kernel), bias))`` in the signature
function — TF1's computation for rank-2 inputs — when the block states the input's last dimension
(a placeholder's shape, an earlier layer's output) and the initializers are deterministic
(`variables.VariableScopes` replays those and the scopes). ``dropout`` at inference
(``training=False``, its default) is the identity, ``flatten`` TF1's reshape to ``[batch, -1]``.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .._base import literal_str
from ..exports import tables as T
from ..exports.syntax import Refused, assigned_names, bind_args
from ..symbols import V2
from .variables import BRIDGE, Init, NewVariable, ScopeExit, VariableScopes, is_none, literal_bool, make_call

_ZEROS = object()  # tf.layers' default bias initializer (zeros_initializer)


@dataclass
class LayerOutput:
    """What the block states about a layer's output: its static shape, as Python code per dimension
    (`"4"`, `"n_hidden"`, None when unknown), and its dtype."""

    dims: list[str | None]
    dtype: cst.BaseExpression
    statement: cst.CSTNode | None = None  # the computation that binds it


class Layers:
    """The tf.layers calls of one export block, over its `VariableScopes`."""

    def __init__(self, scopes: VariableScopes) -> None:
        self.scopes = scopes
        self.outputs: dict[str, LayerOutput] = {}  # layer outputs, by Python name

    def dense(self, target: str, call: cst.Call, position: int, statements, placeholders, computations, graph_names):
        """(new variables, eager expression) for `target = tf.layers.dense(...)`."""
        ref = self.scopes.cm.tf_symbol(call.func)
        args = bind_args(call, T.DENSE_PARAMS)
        for key in set(args) & {
            "kernel_regularizer",
            "bias_regularizer",
            "activity_regularizer",
            "kernel_constraint",
            "bias_constraint",
        }:
            if not is_none(args[key]):
                raise Refused(
                    args[key],
                    "SM319",
                    f"`{key}=` only matters for training, which native-save does not migrate; drop it and rerun, "
                    f"{BRIDGE}",
                )
        units = self.size(args.get("units"), graph_names, statements)
        if units is None:
            raise Refused(
                call,
                "SM319",
                "the layer's `units` is not an integer or a Python name the block leaves alone, so the kernel's "
                "shape is not known before the graph runs; write the number",
            )
        inputs = args.get("inputs")
        known = self.static(inputs, placeholders, computations, statements)
        if known is None or len(known.dims) != 2 or known.dims[1] is None:
            raise Refused(
                call,
                "SM319",
                f"the layer's input `{self.scopes.cm.code(inputs)}` is not a rank-2 placeholder with a known last "
                "dimension or the output of an earlier tf.layers call with one, so the kernel's shape is not known "
                f"before the graph runs; give the placeholder a shape like `[None, 4]` and feed the layer from it, "
                f"{BRIDGE}",
            )
        in_dim, dtype = known.dims[1], known.dtype
        assert isinstance(inputs, cst.Name)  # `static` knows only names
        activation = args.get("activation")
        if activation is not None and not is_none(activation):
            if not isinstance(activation, (cst.Name, cst.Attribute)):
                raise Refused(
                    activation, "SM319", "the activation is not a function name; define it with `def` and pass its name"
                )
        else:
            activation = None
        use_bias = True if args.get("use_bias") is None else literal_bool(args["use_bias"])
        if use_bias is None:
            raise Refused(call, "SM319", "`use_bias=` is not `True` or `False`; write the literal")
        reuse = self.scopes.reuse_of(args.get("reuse"), call)
        name = None
        if args.get("name") is not None and not is_none(args["name"]):
            name = literal_str(args["name"])
            if not name:
                raise Refused(call, "SM319", "the layer's `name=` is not a string literal; write the name")
        if name is None:
            name = "dense" if reuse else self.unique("dense")
        layer = self.scopes.full(name)
        self.scopes.counts[layer] = self.scopes.counts.get(layer, 0) + 1
        if not self.scopes.active:
            self.scopes.top_names.add(name.split("/")[0])
        reuse = reuse or self.scopes.stack[-1].reuse
        trainable = args.get("trainable")
        trainable = None if trainable is None or literal_bool(trainable) is True else trainable
        created: list[NewVariable] = []

        def variable(part: str, shape: cst.BaseExpression, initializer, what: str) -> str:
            full = f"{layer}/{part}"
            existing = self.scopes.reused(full, call, position, statements, reuse)
            if existing is not None:
                return existing  # a reused layer: its initializers do not run
            init = Init("zeros", None, call) if initializer is _ZEROS else self.layer_init(initializer, what, call)
            marker = f"_smmigrate_variable_{len(self.scopes.new)}"
            new = NewVariable(marker, full, self.scopes.initial_value(init, shape, dtype, ref), trainable)
            self.scopes.new.append(new)
            created.append(new)
            self.scopes.created(full, marker, position)
            return marker

        shape = cst.parse_expression(f"[{in_dim}, {units}]")
        what = f"the kernel initializer of `{layer}`"
        kernel = variable("kernel", shape, args.get("kernel_initializer"), what)
        out: cst.BaseExpression = make_call(self.scopes.tf("matmul", ref), inputs, cst.Name(kernel))
        if use_bias:
            what = f"the bias initializer of `{layer}`"
            bias = variable("bias", cst.parse_expression(f"[{units}]"), args.get("bias_initializer", _ZEROS), what)
            out = make_call(self.scopes.tf("nn.bias_add", ref), out, cst.Name(bias))
        if activation is not None:
            out = make_call(activation, out)
        return created, out, LayerOutput([None, units], dtype)

    def layer_init(self, node, what: str, call) -> Init:
        if node is None or is_none(node):
            init = self.scopes.stack[-1].initializer
            if init is None:
                raise self.scopes.random(call, what, "no initializer given: tf.layers uses glorot_uniform")
            return init
        return self.scopes.initializer(node, what)

    def unique(self, base: str) -> str:
        """TF1's name for an unnamed layer: `base`, `base_1`, ... unused in the current scope."""
        # not `FreshNames`: these are TF's graph names (numbered from 1, per scope), not Python identifiers
        if self.scopes.counts.get(self.scopes.full(base), 0) == 0:
            return base
        n = 1
        while self.scopes.counts.get(self.scopes.full(f"{base}_{n}"), 0) > 0:
            n += 1
        return f"{base}_{n}"

    def size(self, node, graph_names: set[str], statements) -> str | None:
        """Python code for a dimension: an integer, or a name (`n_hidden`, `FLAGS.units`) that is no
        graph value and that the block does not assign (so it means the same where the variable is
        made)."""
        if isinstance(node, cst.Integer):
            return node.value
        base = node
        while isinstance(base, cst.Attribute):
            base = base.value
        if not isinstance(base, cst.Name) or base.value in graph_names:
            return None
        if any(base.value in assigned_names(s) for s, _ in statements if not isinstance(s, ScopeExit)):
            return None
        return self.scopes.cm.code(node)

    def static(self, inputs, placeholders, computations, statements) -> LayerOutput | None:
        """The static shape and dtype of `inputs` when the block states them: a placeholder with a
        literal shape (its Python sizes left alone by the block), or an earlier layer's output."""
        if not isinstance(inputs, cst.Name):
            return None
        last = next((s for _, s in reversed(computations) if inputs.value in assigned_names(s)), None)
        out = self.outputs.get(inputs.value)
        if out is not None and last is out.statement:
            return out
        ph = placeholders.get(inputs.value)
        if last is None and ph is not None and isinstance(ph.shape, (cst.List, cst.Tuple)):
            dims = [e.value for e in ph.shape.elements]
            return LayerOutput([None if is_none(d) else self.size(d, set(), statements) for d in dims], ph.dtype)
        return None

    # -- layers without variables ----------------------------------------------------------------
    def shape_layer(self, rel: str, call: cst.Call, placeholders, computations, statements):
        """(eager expression, output) for `tf.layers.dropout` at inference (`training=False`, the
        default: the identity) and `tf.layers.flatten` (TF1's reshape to `[batch, -1]`)."""
        ref = self.scopes.cm.tf_symbol(call.func)
        if rel == "layers.dropout":
            args = bind_args(call, ("inputs", "rate", "noise_shape", "seed", "training", "name"))
            training = args.get("training")
            if training is not None and literal_bool(training) is not False:
                raise Refused(
                    training,
                    "SM310",
                    "`training=` is not `False`: the dropout may be active when the TF1 graph runs, which native-save "
                    f"does not replay; serving uses training=False, so drop it if the export never trains, {BRIDGE}",
                )
            inputs = args.get("inputs")
            known = self.static(inputs, placeholders, computations, statements)
            assert inputs is not None
            return make_call(self.scopes.tf("identity", ref), inputs), known and LayerOutput(known.dims, known.dtype)
        args = bind_args(call, ("inputs", "name", "data_format"))
        fmt = args.get("data_format")
        if fmt is not None and literal_str(fmt) != "channels_last":
            raise Refused(
                fmt,
                "SM310",
                '`data_format=` other than "channels_last" transposes before flattening; drop it or '
                f"use the session bridge, {BRIDGE}",
            )
        inputs = args.get("inputs")
        assert inputs is not None
        shape = f"[{self.scopes.cm.spell((V2, 'shape'), ref)}({self.scopes.cm.code(inputs)})[0], -1]"
        value = make_call(self.scopes.tf("reshape", ref), inputs, cst.parse_expression(shape))
        known = self.static(inputs, placeholders, computations, statements)
        if known is None or len(known.dims) < 2 or any(d is None for d in known.dims[1:]):
            return value, None
        sizes = [d for d in known.dims[1:] if d is not None]
        flat = str(_product(sizes)) if all(d.isdigit() for d in sizes) else " * ".join(sizes)
        return value, LayerOutput([None, flat], known.dtype)


def _product(sizes: list[str]) -> int:
    product = 1
    for size in sizes:
        product *= int(size)
    return product
