"""native-save: the config of each session a migrated export block made becomes `tf.config` calls,
where the config was made (`exports/session_config.py` reads the config and writes the calls)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from ..exports import tables as T
from ..exports.session_config import read_config, settings_code
from ..exports.syntax import tf_refs
from .block import _call_rel
from .inline import _all_params, _locals
from .nodes import _calls


@dataclass
class ConfigPlan:
    """What to do with one removed session's config: statements replaced or removed, and the
    statements to put before the block's TF2 code (a config written inside `tf.Session(...)`)."""

    replace: dict = field(default_factory=dict)  # id(statement) -> new statements
    remove: set = field(default_factory=set)
    before: list = field(default_factory=list)
    dropped: list = field(default_factory=list)  # statements whose TF imports may become unused
    unmapped: list = field(default_factory=list)  # `config=` values whose settings are not mapped (SM323)


def plan_configs(cm, block, body: Sequence[cst.BaseStatement], names, counts: dict[str, int], parse) -> ConfigPlan:
    """The config of each session the migrated `block` made, when it is understood (see module doc).
    `counts`: how often each identifier occurs in the scope of `body` (the module's for module code);
    `parse`: the emitter's parser of generated code."""
    plan = ConfigPlan()
    root = next((i for i, s in enumerate(body) if s is block.root), None)
    if root is None:
        return plan
    for stmt in block.region:
        for call in _calls(stmt):
            if _call_rel(cm, call) not in T.SESSIONS:
                continue
            config = next((a.value for a in call.args if a.keyword and a.keyword.value == "config"), None)
            if config is None:
                continue
            found = read_config(cm, config, body[:root], counts)
            if found is None and isinstance(config, cst.Name) and _module_global(cm, body, config.value):
                # `sess = tf.Session(config=CONFIG)` in a function, CONFIG made at module level
                module = cm.source_module.body
                found = read_config(cm, config, module, cm.module_counts)
            if found is None:
                plan.unmapped.append(config)
                continue
            settings, lines = found
            new = parse("".join(f"{line}\n" for line in settings_code(cm, settings, names.fresh)))
            if not lines:  # written inside `tf.Session(...)`: before the block's TF2 code
                plan.before.extend(new)
                continue
            first, *rest = lines
            if new:
                new[0] = new[0].with_changes(leading_lines=[*first.leading_lines, *new[0].leading_lines])
            plan.replace[id(first)] = new
            plan.remove.update(id(s) for s in rest)
            plan.dropped.extend(lines)
    return plan


def _module_global(cm, body, name: str) -> bool:
    """`name` in the block of a module-level function is the module's global: the function (whose
    body `body` is) neither takes it as a parameter nor binds it."""
    fn = next(
        (
            s
            for s in cm.source_module.body
            if isinstance(s, cst.FunctionDef) and isinstance(s.body, cst.IndentedBlock) and s.body.body is body
        ),
        None,
    )
    if fn is None:
        return False
    return name not in _locals([fn.body]) and name not in {p.name.value for p in _all_params(fn.params)}


def dropped_imports(cm, plan: ConfigPlan) -> None:
    """The TF imports only the removed config lines used (`from tensorflow import ConfigProto`) go."""
    for stmt in plan.dropped:
        for ref, resolved in tf_refs(cm, stmt):
            if resolved.base is None:
                cm.drop_import_of(ref)
