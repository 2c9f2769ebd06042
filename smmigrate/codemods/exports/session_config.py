"""The config of a session a native rewrite removes (`tf.Session(config=config)`), for native-save
and native-load.

TF1 applied a session's `ConfigProto` when it made the session; TF2 has no session, and sets the
same things process-wide through `tf.config`. Once a native rewrite has removed the session, its
config is dead code (a `tf.compat.v1.ConfigProto` nothing reads), and what it asked for — thread
pools, GPU memory growth, device placement logging — is silently lost. `read_config` reads what a
session's config asks for and which lines only made it; `settings_code` writes the `tf.config` calls
asking for the same (native-save puts them where the config was made, native-load before the load):

- ``intra_op_parallelism_threads`` / ``inter_op_parallelism_threads`` ->
  ``tf.config.threading.set_intra_op_parallelism_threads(n)`` / ``set_inter_op_...``;
- ``gpu_options.allow_growth = True`` (also ``gpu_options=tf.GPUOptions(allow_growth=True)``) ->
  ``tf.config.experimental.set_memory_growth(gpu, True)`` for every GPU;
- ``device_count={"GPU": 0}`` -> ``tf.config.set_visible_devices([], "GPU")``;
- ``log_device_placement=True`` -> ``tf.debugging.set_log_device_placement(True)``;
- ``allow_soft_placement=False`` -> ``tf.config.set_soft_device_placement(False)``.

Values TF2 has as its default (soft placement on, no logging, 0 threads = TensorFlow's choice, no
memory growth) need no call. The thread, memory and device calls raise `RuntimeError` once
TensorFlow's runtime has started; TF1 likewise applied them only with the process's first session
(its thread pools and GPU allocator are process-wide), so they sit in ``try: ... except
RuntimeError: pass``. A config with any other field, a value that is not a literal, or a name used
anywhere else is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from ..symbols import V2
from .syntax import call_rel

CONFIG = "ConfigProto"
GPU_OPTIONS = "GPUOptions"
_THREADS = ("intra_op_parallelism_threads", "inter_op_parallelism_threads")
_FLAGS = ("allow_soft_placement", "log_device_placement")


@dataclass
class _Settings:
    values: dict = field(default_factory=dict)  # field ("gpu_options.allow_growth" for the nested one) -> value

    def set(self, key: str, value: cst.BaseExpression) -> bool:
        """Record `key = value` when both are understood."""
        if key in _THREADS and isinstance(value, cst.Integer):
            self.values[key] = int(value.value, 0)
        elif key in (*_FLAGS, "gpu_options.allow_growth") and _bool(value) is not None:
            self.values[key] = _bool(value)
        elif key == "device_count" and _gpu_count(value) == 0:
            self.values[key] = 0
        else:
            return False
        return True


def read_config(
    cm, config: cst.BaseExpression, before: Sequence[cst.BaseStatement], counts: dict[str, int]
) -> tuple[_Settings, list[cst.SimpleStatementLine]] | None:
    """The settings a session's `config=` asks for, and the lines before the session that only made
    the config (they go): `tf.ConfigProto(...)` written in the call (no lines), or a name bound by
    `config = tf.ConfigProto(...)` and set by `config.x.y = v` lines, used nowhere else (`counts`:
    every occurrence of each identifier in the scope). None when anything is not understood."""
    if isinstance(config, cst.Call):
        found: list = []
        settings = _proto(cm, config, before, counts, found)
        return (settings, found) if settings is not None else None
    if isinstance(config, cst.Name):
        return _named(cm, config.value, before, counts)
    return None


def _named(cm, name: str, before: Sequence[cst.BaseStatement], counts) -> tuple[_Settings, list] | None:
    settings: _Settings | None = None
    lines: list[cst.SimpleStatementLine] = []
    uses = 1  # `config=config` in the session
    found: list[cst.SimpleStatementLine] = []  # the GPUOptions line `gpu_options=` names, if any
    for stmt in before:
        if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
            continue
        small = stmt.body[0]
        if not (isinstance(small, cst.Assign) and len(small.targets) == 1):
            continue
        target = small.targets[0].target
        if isinstance(target, cst.Name) and target.value == name:
            if settings is not None or call_rel(cm, small.value) != CONFIG:
                return None  # bound twice, or to something else
            settings = _proto(cm, small.value, before, counts, found)
            if settings is None:
                return None
            lines.append(stmt)
            uses += 1
        elif settings is not None and (key := _attribute_path(target, name)) is not None:
            if not settings.set(key, small.value):
                return None
            lines.append(stmt)
            uses += 1
    if settings is None or counts.get(name) != uses:
        return None
    return settings, [*found, *lines]


def _proto(cm, call: cst.BaseExpression, before, counts, found: list) -> _Settings | None:
    """The settings of `tf.ConfigProto(key=literal, ...)`; `gpu_options=` may be a `tf.GPUOptions`
    call or a name bound to one just for this (its line is added to `found`)."""
    if not isinstance(call, cst.Call) or call_rel(cm, call) != CONFIG:
        return None
    settings = _Settings()
    for arg in call.args:
        if arg.keyword is None or arg.star:
            return None
        key = arg.keyword.value
        if key != "gpu_options":
            if not settings.set(key, arg.value):
                return None
            continue
        options = arg.value
        if isinstance(options, cst.Name):
            line = _gpu_options_line(cm, options.value, before, counts)
            if line is None:
                return None
            found.append(line)
            assign = line.body[0]
            assert isinstance(assign, cst.Assign)  # what _gpu_options_line finds
            options = assign.value
        if not isinstance(options, cst.Call) or call_rel(cm, options) != GPU_OPTIONS:
            return None
        for inner in options.args:
            if (
                inner.keyword is None
                or inner.star
                or not settings.set(f"gpu_options.{inner.keyword.value}", inner.value)
            ):
                return None
    return settings


def _gpu_options_line(cm, name: str, before, counts) -> cst.SimpleStatementLine | None:
    """`gpu_options = tf.GPUOptions(...)`, the only binding and use of `gpu_options` but the config's."""
    if counts.get(name) != 2:
        return None
    for stmt in before:
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
            small = stmt.body[0]
            if (
                isinstance(small, cst.Assign)
                and len(small.targets) == 1
                and isinstance(small.targets[0].target, cst.Name)
                and small.targets[0].target.value == name
                and call_rel(cm, small.value) == GPU_OPTIONS
            ):
                return stmt
    return None


def _attribute_path(target: cst.BaseExpression, name: str) -> str | None:
    """ "gpu_options.allow_growth" for `config.gpu_options.allow_growth` when `config` is `name`."""
    parts: list[str] = []
    while isinstance(target, cst.Attribute):
        parts.append(target.attr.value)
        target = target.value
    if not (isinstance(target, cst.Name) and target.value == name and parts):
        return None
    return ".".join(reversed(parts))


def _bool(value: cst.BaseExpression) -> bool | None:
    if isinstance(value, cst.Name) and value.value in ("True", "False"):
        return value.value == "True"
    return None


def _gpu_count(value: cst.BaseExpression) -> int | None:
    """0 for `{"GPU": 0}` (the usual way to keep a TF1 session off the GPUs)."""
    if isinstance(value, cst.Dict) and len(value.elements) == 1:
        element = value.elements[0]
        key = element.key if isinstance(element, cst.DictElement) else None
        if (
            isinstance(key, cst.SimpleString)
            and key.evaluated_value == "GPU"
            and isinstance(element.value, cst.Integer)
        ):
            return int(element.value.value, 0)
    return None


def settings_code(cm, settings: _Settings, fresh) -> list[str]:
    """The statements (source text, one string each) asking for `settings`; none for TF2's defaults."""

    def tf(path: str) -> str:
        return cm.spell((V2, path))

    values = settings.values
    indent = cm.source_module.default_indent if getattr(cm, "source_module", None) is not None else "    "
    guarded: list[str] = []  # calls that raise once the runtime has started
    plain: list[str] = []
    for key in _THREADS:
        if values.get(key):
            guarded.append(f"{tf('config.threading.set_' + key)}({values[key]})")
    if values.get("gpu_options.allow_growth"):
        gpu = fresh("gpu")
        guarded.append(f'for {gpu} in {tf("config.list_physical_devices")}("GPU"):')
        guarded.append(f"{indent}{tf('config.experimental.set_memory_growth')}({gpu}, True)")
    if values.get("device_count") == 0:
        guarded.append(f'{tf("config.set_visible_devices")}([], "GPU")')
    if values.get("log_device_placement"):
        plain.append(f"{tf('debugging.set_log_device_placement')}(True)")
    if values.get("allow_soft_placement") is False:
        plain.append(f"{tf('config.set_soft_device_placement')}(False)")
    out: list[str] = []
    if guarded:
        out.append(
            "try:  # what the removed ConfigProto asked for (TF2 takes it only before the first op runs)\n"
            + "".join(f"{indent}{line}\n" for line in guarded)
            + f"except RuntimeError:\n{indent}pass"
        )
    return out + plain
