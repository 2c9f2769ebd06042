"""native-load's output side: decide how each `sess.run` is called in TF2 and build that code.

`Resolver.resolve()` picks, per run, a signature call (signature keys in the TF1 code, or tensor
names that a migrated export maps to keys) or a function pruned from a TF1-format SavedModel, and
names the new variables. The `*_code` functions return source text that `native_load` parses
into nodes: generated code is plain TF2 (`tf.saved_model.load`, `loaded.signatures[key]`,
`.numpy()`, and `tf.cast(value, fn.inputs[i].dtype)` for the feeds of pruned functions), with no runtime
dependency on smmigrate.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from .._base import literal_str
from .._facts import ExportFact
from .._names import FreshNames
from .model import KeyMap, Refusal, Run, SigRef, Site, code_of
from .variables import read_name


def _identifier_key(value: str | None) -> bool:
    return value is not None and value.isidentifier()


def key_code(value: str | None, node: cst.BaseExpression | None) -> str:
    """A key as a string literal when its value is known (constants spelled as their value)."""
    if value is not None:
        return repr(value) if "'" in value else f'"{value}"'
    if node is None:
        raise ValueError("key_code needs the key's value or its expression")
    return code_of(node)


def matching_exports(facts, export_dir: cst.BaseExpression, value: str | None, filename: str) -> list[ExportFact]:
    """Exports of this run that write the directory this load reads (by value, else same text in the same file)."""
    text = code_of(export_dir)
    found = []
    # an export native-load re-writes as a re-export stands for native-save's refused fact of it
    reexports = {
        (f.path, f.export_dir, f.function) for f in facts if isinstance(f, ExportFact) and f.reason == "reexport"
    }
    for fact in facts:
        if not isinstance(fact, ExportFact):
            continue
        if fact.reason != "reexport" and (fact.path, fact.export_dir, fact.function) in reexports:
            continue
        if value is not None and fact.export_dir_value is not None:
            if fact.export_dir_value == value:
                found.append(fact)
        elif fact.export_dir == text and fact.path == filename:
            found.append(fact)
    return found


def _signature_for_names(export: ExportFact, feeds: list[str], fetches: list[str]):
    """The signature of a migrated export whose inputs/outputs carry all these TF1 names."""

    def norm(name: str) -> str:
        return name if ":" in name else f"{name}:0"

    candidates = []
    for sig in export.signatures:
        inputs = {norm(n): k for k, n in sig.inputs.items()}
        outputs = {norm(n): k for k, n in sig.outputs.items()}
        if all(norm(f) in inputs for f in feeds) and all(norm(f) in outputs for f in fetches):
            candidates.append(
                (
                    sig.key != "serving_default",
                    sig.key,
                    [inputs[norm(f)] for f in feeds],
                    [outputs[norm(f)] for f in fetches],
                )
            )
    return min(candidates) if candidates else None


def signature_call(run: Run, sig: SigRef) -> None:
    """`run` calls signature `sig`, its fetches and feeds keyed by their signature keys."""
    run.mode = "signature"
    run.sig = sig
    run.output_keys = [key_code(t.key_value, t.key) for t in run.fetches]
    run.input_keys = [(t.key_value, key_code(t.key_value, t.key)) for t, _ in run.feeds]


class Resolver:
    """Chooses signature calls or `prune` per run and allocates readable, unused variable names."""

    def __init__(
        self,
        site: Site,
        analyzer,
        facts,
        filename: str,
        taken: set[str],
        module_strings: dict[str, str],
        members: set[str] | None = None,
    ) -> None:
        self.site = site
        self.analyzer = analyzer
        self.names = FreshNames(taken)  # a copy: the caller merges `names.taken` once all is planned
        value = literal_str(site.export_dir)
        if value is None and isinstance(site.export_dir, cst.Name):
            value = module_strings.get(site.export_dir.value)
        self.exports = matching_exports(facts, site.export_dir, value, filename)
        # exports of this file migrated to TF2 whose directory is only known at run time (a parameter):
        # a load that no export matches may still read one of them
        self.unmatched_migrated = [
            f
            for f in facts
            if isinstance(f, ExportFact) and f.migrated and f.path == filename and f.export_dir_value is None
        ]
        self.notes: list[tuple[cst.CSTNode, str]] = []  # (node, message) for SM220
        # a session on `self`: the loaded object and signature functions become members too
        self.owner: str | None = analyzer.owner
        self.member_names = FreshNames(members if members is not None else set())
        self.variables: set[str] = analyzer.cm.tf1_variables()

    def fresh(self, base: str) -> str:
        return self.names.fresh(base)

    def fresh_member(self, base: str) -> str:
        """`self.<base>` (numbered past the class's attributes and methods) for a session on `self`."""
        if self.owner is None:
            return self.fresh(base)
        return f"{self.owner}.{self.member_names.fresh(base)}"

    def resolve(self) -> None:
        site = self.site
        site.loaded_var = self.fresh_member("loaded")
        for sig in site.sigs:
            if sig.var:
                sig.fn_var = sig.var
        for keymap in site.keymaps.values():
            self.signature_fn(keymap.sig)
        for _, sig, what in site.loop_edits:
            if not what.startswith("key:"):
                self.signature_fn(sig)
        for run in site.runs:
            # a local `sig` whose tensors other methods run: its function is kept on `self`
            for tensor in [*run.fetches, *(t for t, _ in run.feeds)]:
                used = tensor.sig
                if run.outside and used is not None and used.var and "." not in used.var and not used.stored:
                    used.stored = True
                    used.fn_var = self.fresh_member(self.fn_base(used))
        outputs = None  # one name serves every multi-fetch: each value is used by the next statement only
        for run in site.runs:
            self.resolve_run(run)
            if run.shape != "single":
                outputs = outputs or self.fresh("outputs")
                run.outputs_var = outputs

    def signature_fn(self, sig: SigRef) -> str:
        if sig.fn_var is None:
            sig.fn_var = self.fresh_member(self.fn_base(sig))
            self.site.new_sigs.append(sig)
        return sig.fn_var

    @staticmethod
    def fn_base(sig: SigRef) -> str:
        return f"{sig.key_value}_fn" if _identifier_key(sig.key_value) else "signature_fn"

    def resolve_run(self, run: Run) -> None:
        tensors = [*run.fetches, *(t for t, _ in run.feeds), *([run.splat_key] if run.splat_key else [])]
        sigs = {id(t.sig): t.sig for t in tensors if t.sig is not None}
        named = [t for t in tensors if t.sig is None]
        if sigs and named:
            raise Refusal(run.call, "SM212", "one `sess.run` mixes signature keys and hard-coded tensor names")
        if len(sigs) > 1:
            raise Refusal(run.call, "SM212", "one `sess.run` feeds or fetches tensors of two signatures")
        if sigs:
            signature_call(run, next(iter(sigs.values())))
            self.signature_fn(run.sig)  # type: ignore[arg-type]  # set just above
            return
        feeds = [self.analyzer.valid_name(t, run.call) for t, _ in run.feeds]
        fetches = [self.analyzer.valid_name(t, run.call) for t in run.fetches]
        migrated = [e for e in self.exports if e.migrated]
        if migrated and len(migrated) != len(self.exports):
            raise Refusal(
                run.call,
                "SM213",
                "this export directory is written both by code migrated to TF2 and by code that stays TF1",
            )
        if migrated and not feeds and run.shape in ("single", "list", "tuple"):
            # reads of variables the migrated export's tf.Module tracks, by their TF1 names
            attrs = {
                tuple(dict(e.variables).get(f[: -len(":0")]) if f.endswith(":0") else None for f in fetches)
                for e in migrated
            }
            if len(attrs) == 1 and None not in (only_attrs := attrs.pop()):
                run.mode = "variable"
                run.variables = [f"{self.site.loaded_var}.{a}" for a in only_attrs]
                return
        if migrated:
            found: set[tuple[str, tuple[str, ...], tuple[str, ...]] | None] = set()
            for export in migrated:
                match = _signature_for_names(export, feeds, fetches)
                found.add(None if match is None else (match[1], tuple(match[2]), tuple(match[3])))
            if len(found) != 1 or None in found:
                where = ", ".join(sorted({e.path for e in migrated}))
                raise Refusal(
                    run.call,
                    "SM214",
                    f"the export ({where}) is migrated to tf.saved_model.save, which keeps signature keys only, and "
                    f"no single signature has the tensors {', '.join(feeds + fetches)}",
                )
            only = found.pop()
            assert only is not None  # excluded above
            key, in_keys, out_keys = only
            run.mode = "signature"
            run.sig = self.sig_for_key(key)
            run.output_keys = [key_code(k, None) for k in out_keys]
            run.input_keys = [(k, key_code(k, None)) for k in in_keys]
            return
        if not self.exports and self.unmatched_migrated:
            where = ", ".join(
                f"`{f.export_dir}`" + (f" in {f.function}()" if f.function else "") for f in self.unmatched_migrated
            )
            raise Refusal(
                run.call,
                "SM217",
                f"this load fetches hard-coded tensor names, and this file's export to {where} is migrated to "
                "tf.saved_model.save with a directory known only at run time, so the load may read a TF2 "
                "SavedModel, which has no `.prune`",
            )
        run.mode = "prune"
        # a TF1 variable read: `loaded.variables` is empty and a reference variable cannot be pruned,
        # its `/read` identity can (variables.py)
        fetches = [read_name(name, self.variables) for name in fetches]
        unknown = [name for name in fetches if not feeds and "/read:" not in name]
        if unknown:
            raise Refusal(
                run.call,
                "SM203",
                f"`{unknown[0]}` is fetched with no feeds, as a variable is read, but no TF1 code in this module "
                "creates a variable of that name; `loaded.prune` cannot return a TF1 (reference) variable and "
                "`loaded.variables` is empty for TF1 SavedModels, so if it is a variable, fetch "
                f"`{unknown[0].rsplit(':', 1)[0]}/read:0` in the TF1 code and rerun",
            )
        spec = (tuple(feeds), tuple(fetches), run.shape)
        for var, f, fe, shape in self.site.prunes:
            if (tuple(f), tuple(fe), shape) == spec:
                run.pruned_var = var
                break
        else:
            run.pruned_var = self.fresh_member("pruned")
            self.site.prunes.append((run.pruned_var, feeds, fetches, run.shape))
        self.notes.append((run.call, ", ".join(feeds + fetches)))

    def sig_for_key(self, key: str) -> SigRef:
        for sig in self.site.sigs + self.site.new_sigs:
            if sig.key_value == key:
                self.signature_fn(sig)
                return sig
        sig = SigRef(key=cst.SimpleString(key_code(key, None)), key_value=key)
        self.site.sigs.append(sig)
        self.signature_fn(sig)
        return sig


# -- code --------------------------------------------------------------------------------------


def keymap_code(keymap: KeyMap) -> str:
    """A name map over the signature, now from each key to itself (the signature function's keys)."""
    fn, k = keymap.sig.fn_var, keymap.loop_var
    source = f"{fn}.structured_input_signature[1]" if keymap.is_input else f"{fn}.structured_outputs"
    if keymap.target is not None:  # the only input or output key, unpacked
        return f"{keymap.target} = list({source})"
    return f"{keymap.var} = {{{k}: {k} for {k} in {source}}}"


def load_code(site: Site, spell: Callable[[str], str]) -> list[str]:
    """The statements replacing `loader.load(...)`: the TF2 load, then functions it needs."""
    args = code_of(site.export_dir)
    if site.tags is not None:
        args += f", tags={code_of(site.tags)}"
    lines = [*site.config_code, f"{site.loaded_var} = {spell('saved_model.load')}({args})"]
    for sig in site.new_sigs:
        lines.append(f"{sig.fn_var} = {site.loaded_var}.signatures[{key_code(sig.key_value, sig.key)}]")
    for var, feeds, fetches, shape in site.prunes:
        fetch = f'"{fetches[0]}"' if shape == "single" else "[" + ", ".join(f'"{f}"' for f in fetches) + "]"
        feed = "[" + ", ".join(f'"{f}"' for f in feeds) + "]"
        lines.append(f"{var} = {site.loaded_var}.prune({feed}, {fetch})")
    return lines


def call_code(run: Run, spell: Callable[[str], str]) -> str:
    """The TF2 call that computes what `sess.run` fetched (tensors, not yet NumPy)."""
    # `tf.cast`, not `tf.constant(..., dtype=)`: it converts as a TF1 feed did (NumPy's astype) and is
    # the same function in TF1 and TF2, so a second run leaves it alone (`tf.constant` is not)
    cast = spell("cast")
    args = []
    if run.mode == "signature":
        # A signature function converts each keyword input to its TensorSpec's dtype itself (an int
        # list fed to a float32 input works, as `sess.run` did), so the values are passed as written.
        assert run.sig is not None  # set with mode "signature"
        fn = run.sig.fn_var
        for (value, key), (_, expr) in zip(run.input_keys, run.feeds, strict=True):
            args.append(f"{value}={code_of(expr)}" if _identifier_key(value) else f"**{{{key}: {code_of(expr)}}}")
        if run.splat is not None:  # `{feeds[k]: data[k] for k in feeds}`: keys are input keys now
            args.append(f"**{code_of(run.splat)}")
    else:
        # A pruned function takes tensors positionally, in feed order, with no conversion of its own.
        fn = run.pruned_var
        for i, (_, expr) in enumerate(run.feeds):
            args.append(f"{cast}({code_of(expr)}, {fn}.inputs[{i}].dtype)")
    return f"{fn}({', '.join(args)})"


def result_code(run: Run, spell: Callable[[str], str]) -> str:
    """What replaces `sess.run(...)`: NumPy values in the structure the fetches had."""
    if run.mode == "variable":  # a variable of a migrated export, read from the loaded object
        items = [f"{v}.numpy()" for v in run.variables]
        if run.shape == "single":
            return items[0]
        return "[" + ", ".join(items) + "]" if run.shape == "list" else "(" + ", ".join(items) + ",)"
    if run.shape == "single":
        index = f"[{run.output_keys[0]}]" if run.mode == "signature" else ""
        return f"{call_code(run, spell)}{index}.numpy()"
    out = run.outputs_var
    if run.shape == "keylist":  # a list of output names made over keys: the keys now
        assert run.keymap is not None  # set with shape "keylist"
        return f"[{out}[key].numpy() for key in {code_of(run.keymap)}]"
    if run.shape == "keymap":  # a name map's values are the output keys now
        assert run.keymap is not None  # set with shape "keymap"
        return f"{{key: {out}[value].numpy() for key, value in {code_of(run.keymap)}.items()}}"
    items = (
        [f"{out}[{k}].numpy()" for k in run.output_keys]
        if run.mode == "signature"
        else [f"{out}[{i}].numpy()" for i in range(len(run.fetches))]
    )
    if run.shape == "list":
        return "[" + ", ".join(items) + "]"
    if run.shape == "tuple":
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    return "{" + ", ".join(f"{code_of(k)}: {v}" for k, v in zip(run.dict_keys, items, strict=True)) + "}"
