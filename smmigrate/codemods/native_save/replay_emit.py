"""native-save, step 2 (continued): the TF2 code of replayed `sess.run` evaluations and training.

Mixed into `emit.Emitter`. An evaluation becomes a call of the signature function when it fetches
one signature output fed exactly that signature's inputs, `v.numpy()` for variables, and
otherwise a small `@tf.function` of its own (`evaluate`: the fed placeholders as parameters, only
the computations the fetches need); the result is converted to NumPy in the fetch's structure.
A training step (`train_step`) runs the loss under `tf.GradientTape`, takes the gradients of the
trained variables and applies them with the optimizer `tables.OPTIMIZERS` says reaches TF1's
weights (Keras' SGD for GradientDescent, TF1's own optimizer used eagerly for the others).
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from ..exports import tables as T
from ..exports.syntax import Refused, assigned_names, bind_args
from ..symbols import V1
from .nodes import _calls, _q, _Replace


class ReplayEmitter:
    """The evaluation and training half of `emit.Emitter` (which provides what is declared here)."""

    cm: Any
    b: Any
    names: Any
    indent: str
    renames: dict
    optimizer_names: dict[int, str]
    tf: Any

    def code(self, node) -> str:
        raise NotImplementedError

    def parse(self, text: str) -> list:
        raise NotImplementedError

    def _slice(self, needed: set, limit: int) -> tuple[list, set]:
        raise NotImplementedError

    def _lines(self, statements, renames: dict) -> list[str]:
        raise NotImplementedError

    def _tf_function(self, fn: str, inputs: list, body: list[str]) -> str:
        raise NotImplementedError

    # -- sess.run evaluations ----------------------------------------------------------------------
    def signature_for(self, ev):
        """(signature, output key) when `ev` fetches one signature output fed exactly that signature's
        inputs, with the same computation as the export sees."""
        if ev.train is not None or not isinstance(ev.fetch, cst.Name) or ev.fetch.value in self.b.variables:
            return None
        fetch = ev.fetch.value
        if self._slice({fetch}, ev.position)[0] != self._slice({fetch}, self.b.export_position)[0]:
            return None  # the name is computed again before the export
        for sig in self.b.export.signatures:
            inputs = {name for _, name in sig.inputs}
            for key, name in sig.outputs:
                if name == fetch and set(ev.feeds) == inputs:
                    return sig, key
        return None

    def _call_args(self, ev) -> str:
        pulls = []  # the next element of each input pipeline the evaluation reads, first
        for iterator in ev.pulls:
            single = next(entry[2] for entry in self.b.pipeline.values() if entry[0] == iterator)
            pulls.append(f"next({iterator})" if single else f"*next({iterator})")
        if ev.spread is not None:
            return ", ".join([*pulls, f"**{ev.spread}"])
        return ", ".join([*pulls, *(f"{p}={self.code(v)}" for p, v in ev.feeds.items())])

    def evaluate(self, ev, fns) -> tuple[str, list]:
        """The expression replacing `sess.run(...)` (NumPy values in the fetch's structure), and the
        functions it calls that must be defined before the statement."""
        b = self.b
        if ev.train is None and not ev.feeds and ev.spread is None and set(ev.leaves) <= set(b.variables):
            leaves = _leaf_nodes(ev.fetch)
            mapping = {id(n): cst.parse_expression(f"{n.value}.numpy()") for n in leaves}
            return self.code(ev.fetch.visit(_Replace(mapping))), []
        found = self.signature_for(ev)
        if found is not None:
            sig, key = found
            return f"{fns[sig.key]}({self._call_args(ev)})[{_q(key)}].numpy()", []
        if ev.train is not None:
            fn, source = self.train_function(ev)
        else:
            fn, source = self.probe_function(ev)
        return self.result(ev, f"{fn}({self._call_args(ev)})"), self.parse(source)

    def _returns(self, ev) -> str | None:
        """What the generated function returns: the fetch, the train op as None (or only the one
        tensor fetched with the train op)."""
        tensors = [leaf for leaf in ev.leaves if leaf != ev.train]
        if ev.train is not None and len(tensors) <= 1 and len(ev.leaves) == len(tensors) + 1:
            return tensors[0] if tensors else None
        mapping = {id(n): cst.Name("None") for n in _leaf_nodes(ev.fetch) if n.value == ev.train}
        return self.code(ev.fetch.visit(_Replace(mapping)) if mapping else ev.fetch).strip()

    def result(self, ev, call: str) -> str:
        fetch, tensors = ev.fetch, [leaf for leaf in ev.leaves if leaf != ev.train]
        if isinstance(fetch, cst.Name):
            if ev.train is not None:
                return call
            kind = self._structure(fetch.value, ev.position)
            key, t = self.item_names()
            if kind is cst.Dict:
                return f"{{{key}: {t}.numpy() for {key}, {t} in {call}.items()}}"
            if kind is cst.List:
                return f"[{t}.numpy() for {t} in {call}]"
            if kind is cst.Tuple:
                return f"tuple({t}.numpy() for {t} in {call})"
            return f"{call}.numpy()"
        nested = next((leaf for leaf in ev.leaves if self._structure(leaf, ev.position)), None)
        if nested is not None:
            raise Refused(
                ev.call,
                "SM321",
                f"`sess.run` fetches `{nested}`, itself a list or dict of tensors, inside a list, tuple or dict; "
                "fetch it in its own `sess.run`",
            )
        if ev.train is not None and not tensors:  # `[train_op]`: the step returns None, as TF1's run
            mapping = {id(n): cst.parse_expression(call) for n in _leaf_nodes(fetch)}
            return self.code(fetch.visit(_Replace(mapping))).strip()
        if ev.train is not None and len(tensors) == 1 and len(ev.leaves) == 2:
            mapping = {
                id(n): cst.Name("None") if n.value == ev.train else cst.parse_expression(f"{call}.numpy()")
                for n in _leaf_nodes(fetch)
            }
            return self.code(fetch.visit(_Replace(mapping))).strip()
        t = self.item_names()[1]
        value = f"{t} if {t} is None else {t}.numpy()" if ev.train is not None else f"{t}.numpy()"
        if isinstance(fetch, cst.Dict):
            return f"{{{self.item_names()[0]}: {value} for {self.item_names()[0]}, {t} in {call}.items()}}"
        if isinstance(fetch, cst.Tuple):
            return f"tuple({value} for {t} in {call})"
        return f"[{value} for {t} in {call}]"

    def item_names(self) -> tuple[str, str]:
        """(key, value) names of the comprehensions turning results into NumPy values."""
        if not hasattr(self, "_items"):
            self._items = (self.names.fresh("key"), self.names.fresh("result"))
        return self._items

    def _structure(self, name: str, position: int) -> type | None:
        """cst.Dict / cst.List / cst.Tuple when `name` holds such a display of tensors, else None."""
        for at, small in reversed(self.b.computations):
            if at < position and name in assigned_names(small):
                if len(small.targets) != 1 or not isinstance(small.targets[0].target, cst.Name):
                    return None
                value = small.value
                if isinstance(value, (cst.Dict, cst.DictComp)):
                    return cst.Dict
                if isinstance(value, (cst.List, cst.ListComp)):
                    return cst.List
                return cst.Tuple if isinstance(value, cst.Tuple) else None
        return None

    def _needed(self, ev, wanted: set) -> tuple[list, list]:
        """The computations `wanted` needs at `ev`, and the function's inputs (every fed placeholder)."""
        chosen, left = self._slice(wanted, ev.position)
        missing = sorted((left & set(self.b.placeholders)) - set(ev.feeds))
        if missing:
            raise Refused(
                ev.call,
                "SM321",
                f"`sess.run` needs placeholder `{missing[0]}`, which its feed_dict does not feed (TF1 fails there "
                "too); feed it",
            )
        pipeline = self.b.pipeline
        ev.pulls = list(dict.fromkeys(pipeline[name][0] for name in pipeline if name in left))
        element = [name for it in ev.pulls for name in next(e[1] for e in pipeline.values() if e[0] == it)]
        return chosen, [(name, name) for name in element] + [(name, name) for name in ev.feeds]

    def probe_function(self, ev) -> tuple[str, str]:
        tensors = {leaf for leaf in ev.leaves if leaf not in self.b.variables}
        chosen, inputs = self._needed(ev, tensors)
        fn = self.names.fresh("evaluate")
        body = self._lines(chosen, self.renames) + [f"return {self._returns(ev)}"]
        return fn, self._tf_function(fn, inputs, body)

    def train_function(self, ev) -> tuple[str, str]:
        b, i = self.b, self.indent
        training = b.trainings[ev.train]
        tensors = {leaf for leaf in ev.leaves if leaf != ev.train}
        forward = self._slice({training.loss}, ev.position)[0]
        computed = {training.loss}.union(*(assigned_names(s) for s in forward))
        if tensors - computed:
            raise Refused(
                ev.call,
                "SM303",
                f"`sess.run` fetches `{sorted(tensors - computed)[0]}` with the train op, but the loss does not "
                "depend on it, so TF1 computes it before or after the update in no fixed order; fetch it in its "
                "own `sess.run`",
            )
        makers = getattr(self.cm, "graph_functions", {})  # functions of the module making variables
        for call in (c for small in forward for c in _calls(small)):
            if isinstance(call.func, cst.Name) and call.func.value in makers:
                raise Refused(
                    call,
                    "SM303",
                    f"the loss is computed through `{call.func.value}(...)`, a function of this program that makes "
                    "variables: they are not seen, so they could not be trained; build the model in the block, or "
                    "export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
                )
        chosen, inputs = self._needed(ev, {training.loss})
        variables = training.var_list
        fn = self.names.fresh("train_step")
        tape, grads, vars_ = self.names.fresh("tape"), self.names.fresh("gradients"), self.names.fresh("variables")
        optimizer = self.optimizer_names[id(training.optimizer)]
        body = [f"with {self.tf('GradientTape')}() as {tape}:"]
        body += [i + line for line in self._lines(chosen, self.renames)]
        body += [
            f"{vars_} = [{', '.join(variables)}]",
            f"{grads} = {tape}.gradient({training.loss}, {vars_})",
            f"{optimizer}.apply_gradients([(g, v) for g, v in zip({grads}, {vars_}) if g is not None])",
        ]
        if training.global_step is not None:  # TF1's apply_gradients(global_step=) adds 1 after the update
            body.append(f"{training.global_step}.assign_add(1)")
        returns = self._returns(ev)
        if returns is not None:
            body.append(f"return {returns}")
        return fn, self._tf_function(fn, inputs, body)

    def optimizer(self, spec) -> str:
        """The TF2 optimizer object replacing a TF1 one (see tables.OPTIMIZERS for why these)."""
        name = spec.name or self.names.fresh("optimizer")
        self.optimizer_names[id(spec)] = name
        args = bind_args(spec.call, T.OPTIMIZERS[spec.kind])
        if spec.kind == "train.GradientDescentOptimizer":
            return f"{name} = {self.tf('keras.optimizers.SGD')}(learning_rate={self.code(args['learning_rate'])})\n"
        call = spec.call.with_changes(func=cst.parse_expression(self.tf(spec.kind, V1)))
        return f"{name} = {self.code(call)}\n"


def _leaf_nodes(fetch) -> list[cst.Name]:
    if isinstance(fetch, cst.Name):
        return [fetch]
    if isinstance(fetch, cst.Dict):
        return [e.value for e in fetch.elements if isinstance(e, cst.DictElement) and isinstance(e.value, cst.Name)]
    return [e.value for e in fetch.elements if isinstance(e.value, cst.Name)]
