"""native-save: lookup tables and asset files of an export block, as TF2 resources tracked by the module.

TF1 builds a table in the graph (`tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer(...),
default)`, `StaticVocabularyTable(TextFileInitializer(vocab, ...), buckets)`), fills it when
`tf.tables_initializer()` runs, and a SavedModel runs that initializer again on load through
`main_op=`/`legacy_init_op=`. A TF2 table fills itself when it is made and again when its SavedModel
is loaded, so the table statement runs eagerly before the tf.functions (which capture it), the module
tracks it, and a table-only init op has nothing left to do. A vocabulary file exported through
`assets_collection=` (a ``tf.constant(path)`` added to ``GraphKeys.ASSET_FILEPATHS``) becomes a
`tf.saved_model.Asset` tracked by the module: the SavedModel carries a copy under ``assets/`` and the
loaded table reads that copy. Anything else about tables or assets is refused with the reason.
"""

from __future__ import annotations

from typing import cast

import libcst as cst

from .._base import literal_str
from ..exports import tables as T
from ..exports.syntax import Refused, assigned_names, bind_args, graph_refs, names_used
from ..symbols import V2
from .block import Step, _call_rel
from .nodes import _calls, _Replace


class Resources:
    """The tables and assets one block makes, found while `plan._Analysis` reads its statements."""

    def __init__(self, analysis) -> None:
        self.a = analysis
        self.cm = analysis.cm
        self.tables: list[str] = []  # tracked by the module, in creation order
        self.parts: set[str] = set()  # initializers bound to names (`init = KeyValueTensorInitializer(...)`)
        self.assets: dict[str, cst.BaseExpression] = {}  # asset name -> its path expression
        self.asset_lists: set[str] = set()  # `assets = tf.get_collection(tf.GraphKeys.ASSET_FILEPATHS)`
        self._wanted: set[str] | None = None  # names the block exports as assets (read once, ahead)

    def names(self) -> set[str]:
        return set(self.tables) | self.parts | set(self.assets) | self.asset_lists

    # -- statements -----------------------------------------------------------------------------
    def statement(self, small, line) -> bool:
        """Handle `small` when it makes a table, an initializer, an asset, an asset listing, or a
        group of initializers; False for anything else."""
        if isinstance(small, cst.Expr) and self._collection_add(small.value):
            return True
        if not (
            isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name)
        ):
            return False
        name, value = small.targets[0].target.value, small.value
        rel = _call_rel(self.cm, value)
        if name in self.wanted():
            self._asset(name, small, line, rel)
            return True
        if rel is not None and _table_kind(rel) is not None:
            self._table(name, small, line, rel)
            return True
        if rel == T.GET_COLLECTION and isinstance(value, cst.Call) and self._asset_key(value, "key"):
            self.asset_lists.add(name)
            self.a.b.dropped.append(small)
            return True
        if rel == T.GROUP and isinstance(value, cst.Call) and (kind := self._group(value)) is not None:
            self.a.init_ops[name] = kind
            self.a.b.dropped.append(small)
            return True
        return False

    def _table(self, name: str, small: cst.Assign, line, rel: str) -> None:
        graph = self.a.graph_names() - self.names()
        used = sorted(names_used(small.value) & graph)
        if used:
            raise Refused(
                small.value,
                "SM319",
                f"the lookup table's contents depend on graph value `{used[0]}`; TF2 makes the table once, eagerly, "
                "before the tf.function — build its keys and values from Python values or constants, or use the "
                "session bridge",
            )
        if rel in T.TABLE_HELPERS:
            _check_helper(self.cm, rel, small.value)
        elif rel == T.CONTRIB_LOOKUP + "HashTable" and "shared_name" in bind_args(
            cast(cst.Call, small.value), ("initializer", "default_value", "shared_name", "name")
        ):
            raise Refused(
                small.value,
                "SM310",
                "`shared_name=` shares the table between sessions, which TF2 tables do not do; drop it (one session "
                "exports here), or use the session bridge",
            )
        for ref, resolved in graph_refs(self.cm, small.value):
            if not _table_symbol(resolved.rel):
                raise Refused(
                    ref,
                    "SM310",
                    f"`{self.cm.code(ref)}` in a lookup table's definition has no known eager TF2 equivalent "
                    "(native-save migrates StaticHashTable / StaticVocabularyTable over KeyValueTensorInitializer / "
                    "TextFileInitializer with constant contents); use the session bridge or write the tf.Module by "
                    "hand",
                )
        tracked = _table_kind(rel) == "table"
        if tracked:
            self.tables.append(name)
        else:
            self.parts.add(name)
        self.a.b.dropped.append(small)
        self.a.b.steps.append(Step("resource", (small, line, None, tracked)))

    def _asset(self, name: str, small: cst.Assign, line, rel: str | None) -> None:
        value = small.value
        args = bind_args(value, T.CONSTANT_PARAMS) if isinstance(value, cst.Call) and rel == "constant" else None
        dtype = args.get("dtype") if args is not None else None
        if (
            args is None
            or "value" not in args
            or set(args) - {"value", "dtype", "name"}
            or (dtype is not None and _rel(self.cm, dtype) not in ("string", "dtypes.string"))
        ):
            raise Refused(
                value,
                "SM314",
                f"asset `{name}` (added to ASSET_FILEPATHS or listed in `assets_collection=`) is not "
                "`tf.constant(<path>)` (a string path, optionally `dtype=tf.string`, `name=`); bind the path that way "
                "so it can become a `tf.saved_model.Asset` tracked by the module, or add the asset by hand",
            )
        path = args["value"]
        used = sorted(names_used(path) & self.a.graph_names())
        if used or graph_refs(self.cm, path):
            raise Refused(
                path,
                "SM314",
                f"the path of asset `{name}` is computed in the graph (`{self.cm.code(path)}`); compute it in Python "
                "so it can become a `tf.saved_model.Asset`, or add the asset by hand",
            )
        self.assets[name] = path
        self.a.b.dropped.append(small)
        self.a.b.steps.append(Step("resource", (small, line, path, True)))

    def _collection_add(self, call) -> bool:
        """`tf.add_to_collection(tf.GraphKeys.ASSET_FILEPATHS, asset)` on an asset made before it."""
        if _call_rel(self.cm, call) not in T.ADD_TO_COLLECTION or not self._asset_key(call, "name"):
            return False
        target = bind_args(call, ("name", "value")).get("value")
        if not (isinstance(target, cst.Name) and target.value in self.assets):
            raise Refused(
                call,
                "SM314",
                f"`{self.cm.code(call)}` adds something other than an asset path made before it in this block by "
                "`name = tf.constant(<path>)`; bind the path that way first, or add the asset by hand",
            )
        self.a.b.dropped.append(call)
        return True

    def _asset_key(self, call: cst.Call, param: str) -> bool:
        params = ("key", "scope") if param == "key" else ("name", "value")
        key = bind_args(call, params).get(param)
        return key is not None and (_rel(self.cm, key) == T.ASSET_KEY or literal_str(key) == T.ASSET_KEY_VALUE)

    def _group(self, call: cst.Call) -> str | None:
        """What `tf.group(init, ...)` of initializers amounts to at load time: the first member that is
        not load-time safe, else a safe one; None when a member is not an initializer."""
        kinds = []
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == "name" and not arg.star:
                continue
            if arg.keyword is not None or arg.star:
                return None
            value = arg.value
            rel = _call_rel(self.cm, value)
            if rel in T.INITIALIZERS:
                kinds.append(rel)
            elif isinstance(value, cst.Name) and value.value in self.a.init_ops:
                kinds.append(self.a.init_ops[value.value])
            else:
                return None
        if not kinds:
            return None
        return next((k for k in kinds if k not in T.LOAD_TIME_SAFE), kinds[0])

    def wanted(self) -> set[str]:
        """Names the block exports as assets: added to ASSET_FILEPATHS, or listed in `assets_collection=`."""
        if self._wanted is None:
            self._wanted = set()
            for small, _ in self.a.b.statements:
                if not isinstance(small, cst.BaseSmallStatement):
                    continue  # compounds are refused or kept whole; scope exits are markers
                for call in _calls(small):
                    if _call_rel(self.cm, call) in T.ADD_TO_COLLECTION and self._asset_key(call, "name"):
                        target = bind_args(call, ("name", "value")).get("value")
                        if isinstance(target, cst.Name):
                            self._wanted.add(target.value)
                    elif (
                        isinstance(call.func, cst.Attribute) and call.func.attr.value == "add_meta_graph_and_variables"
                    ):
                        listed = bind_args(call, T.ADD_META_GRAPH_PARAMS).get("assets_collection")
                        if isinstance(listed, (cst.List, cst.Tuple)):
                            self._wanted.update(e.value.value for e in listed.elements if isinstance(e.value, cst.Name))
        return self._wanted

    # -- checks used elsewhere ------------------------------------------------------------------
    def check_computation(self, small) -> None:
        """Graph code may look tables up; it may not make them or read an asset's path."""
        for ref, resolved in graph_refs(self.cm, small):
            if _table_kind(resolved.rel) is not None:
                raise Refused(
                    ref,
                    "SM310",
                    f"`{self.cm.code(ref)}` makes a lookup table inside a graph expression; bind the table to a name "
                    "first (`table = tf.lookup.StaticHashTable(...)`) so TF2 makes it once, eagerly, and the module "
                    "tracks it — then rerun",
                )
        used = sorted(names_used(small) & set(self.assets))
        if used:
            raise Refused(
                small,
                "SM314",
                f"graph code reads asset path `{used[0]}`; after a TF2 export the asset lives in the SavedModel's "
                "assets/ folder, so the value would differ — use the asset only in table initializers, or use the "
                "session bridge",
            )

    def is_initializer(self, item) -> bool:
        """`table.initializer` / `table.init` fetched by `sess.run`."""
        return (
            isinstance(item, cst.Attribute)
            and item.attr.value in ("initializer", "init")
            and isinstance(item.value, cst.Name)
            and item.value.value in self.tables
        )

    def assets_refusal(self, node: cst.BaseExpression) -> str | None:
        """Why `assets_collection=node` cannot be migrated (None when it can)."""
        if isinstance(node, cst.Name) and node.value == "None":
            return None
        if isinstance(node, cst.Call) and _call_rel(self.cm, node) == T.GET_COLLECTION and self._asset_key(node, "key"):
            return None
        if isinstance(node, cst.Name) and node.value in self.asset_lists:
            return None
        if (
            isinstance(node, (cst.List, cst.Tuple))
            and node.elements
            and all(isinstance(e.value, cst.Name) and e.value.value in self.assets for e in node.elements)
        ):
            return None
        return (
            f"`assets_collection=` is `{self.cm.code(node)}`, not `tf.get_collection(tf.GraphKeys.ASSET_FILEPATHS)` "
            "or a list of asset paths made in this block by `name = tf.constant(<path>)`; write it that way "
            "(native-save then tracks each file as a `tf.saved_model.Asset` on the module) or add the assets by hand"
        )


def _rel(cm, node) -> str | None:
    resolved = cm.tf_symbol(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
    return resolved.rel if resolved is not None else None


def table_path(rel: str) -> str | None:
    """The TF2 path of a TF1 table class, initializer or TextFileIndex member (core or contrib spelling)."""
    if rel.startswith(T.CONTRIB_LOOKUP):
        rel = "lookup." + rel[len(T.CONTRIB_LOOKUP) :]
        rel = T.CONTRIB_TABLE_RENAME.get(rel, rel)
    if rel in T.TABLE_CLASSES or rel in T.TABLE_PARTS or rel.startswith(T.TABLE_INDEX + "."):
        return rel
    return None


def _table_kind(rel: str) -> str | None:
    """ "table" (tracked by the module), "part" (an initializer), or None for anything else."""
    if rel in T.TABLE_HELPERS:
        return "table"
    path = table_path(rel)
    if path in T.TABLE_CLASSES:
        return "table"
    return "part" if path in T.TABLE_PARTS else None


def _table_symbol(rel: str) -> bool:
    return rel in T.TABLE_HELPERS or table_path(rel) is not None or rel in T.GRAPH_KEEP or rel in T.GRAPH_RENAME


def _int_literal(node) -> int | None:
    if isinstance(node, cst.Integer):
        return int(node.value, 0)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = _int_literal(node.expression)
        return -inner if inner is not None else None
    return None


def _check_helper(cm, rel: str, call) -> None:
    """Refuse the helper calls whose TF2 table would not look up the same (see `_helper_table`)."""
    args = bind_args(call, T.TABLE_HELPERS[rel])
    short = rel.rsplit(".", 1)[-1]

    def refuse(node, why: str) -> None:
        raise Refused(
            node if node is not None else call,
            "SM310",
            f"`{short}` {why}; native-save rewrites it as the TF2 table it builds only in its plain form — "
            "write that table (`tf.lookup.StaticHashTable` / `StaticVocabularyTable`) yourself, or use the session "
            "bridge",
        )

    first = "vocabulary_file" if "vocabulary_file" in T.TABLE_HELPERS[rel] else "mapping"
    if first not in args:
        refuse(call, f"has no `{first}`")
    if "hasher_spec" in args:
        refuse(args["hasher_spec"], "uses a custom `hasher_spec`, which TF2's StaticVocabularyTable does not take")
    dtype = args.get("key_dtype", args.get("dtype"))
    if dtype is not None and _rel(cm, dtype) not in ("string", "dtypes.string"):
        refuse(dtype, "has integer keys here (TF1 casts them to int64 and hashes their text)")
    buckets = args.get("num_oov_buckets")
    count = _int_literal(buckets) if buckets is not None else 0
    if count is None or count < 0:
        refuse(buckets, "has `num_oov_buckets` that is not a literal count, so the TF2 table kind cannot be chosen")
    default = args.get("default_value")
    if count and default is not None and not ((_int_literal(default) or 0) < 0):
        # TF1's IdTableWithHashBuckets hashes every id equal to the default, a vocabulary id included
        refuse(default, "has hash buckets with a `default_value` that is not a negative literal")
    mapping = args.get("mapping")
    if mapping is not None and not (
        isinstance(mapping, (cst.Name, cst.List, cst.Tuple)) or _call_rel(cm, mapping) == "constant"
    ):
        refuse(mapping, "takes its `mapping` from an expression that the TF2 code would have to evaluate twice")


def _helper_table(em, name: str, rel: str, call, mapping: dict) -> str:
    """`name = <the TF2 table a contrib index_* helper builds>` (core's lookup_ops.py:
    index_table_from_file, index_to_string_table_from_file, index_table_from_tensor,
    index_to_string_table_from_tensor), one argument a line when it would be long."""
    args = {
        k: em.code(v.visit(_Replace(mapping)) if mapping else v).strip()
        for k, v in bind_args(call, T.TABLE_HELPERS[rel]).items()
    }
    tf = em.tf
    whole, number = tf("lookup.TextFileIndex.WHOLE_LINE"), tf("lookup.TextFileIndex.LINE_NUMBER")
    extra = [f"{k}={args[k]}" for k in ("vocab_size", "delimiter") if k in args]
    if rel.endswith("index_table_from_file"):
        init = tf("lookup.TextFileInitializer")
        init_args = [args["vocabulary_file"], tf("string"), args.get("key_column_index", whole), tf("int64")]
        init_args += [args.get("value_column_index", number), *extra]
    elif rel.endswith("index_to_string_table_from_file"):
        init = tf("lookup.TextFileInitializer")
        init_args = [args["vocabulary_file"], tf("int64"), args.get("key_column_index", number), tf("string")]
        init_args += [args.get("value_column_index", whole), *extra]
    else:
        ids = f"{tf('range')}({tf('size')}({args['mapping']}, out_type={tf('int64')}))"
        init = tf("lookup.KeyValueTensorInitializer")
        if rel.endswith("index_table_from_tensor"):
            init_args = [args["mapping"], ids, tf("string"), tf("int64")]
        else:
            init_args = [ids, args["mapping"], tf("int64"), tf("string")]
    buckets = args.get("num_oov_buckets", "0")
    if _int_literal(cst.parse_expression(buckets)):
        table, last = tf("lookup.StaticVocabularyTable"), buckets
    else:
        table, last = tf("lookup.StaticHashTable"), args.get("default_value", '"UNK"' if "to_string" in rel else "-1")
    line = f"{name} = {table}({init}({', '.join(init_args)}), {last})\n"
    if len(line) <= 100:
        return line
    i = em.indent
    return f"{name} = {table}(\n{i}{init}(\n" + "".join(f"{i}{i}{a},\n" for a in init_args) + f"{i}),\n{i}{last},\n)\n"


# -- emission -----------------------------------------------------------------------------------------
def emit_resource(em, step, defined: bool) -> cst.BaseStatement:
    """The eager TF2 statement of a table, initializer or asset step; tables and assets are tracked."""
    small, line, path, tracked = step.node
    name = next(iter(assigned_names(small)))
    if defined:
        raise Refused(
            small,
            "SM319",
            f"`{name}` (a lookup table or asset) is made after the block first evaluates or exports the graph; make "
            "tables and assets first, with the variables",
        )
    if path is not None:  # an asset: `name = tf.constant(path)` -> `name = tf.saved_model.Asset(path)`
        mapping = _renames(em, path)
        new_path = path.visit(_Replace(mapping)) if mapping else path
        value = cst.Call(func=em.cm.expr(em.tf("saved_model.Asset")), args=[cst.Arg(new_path)])
        new = small.with_changes(value=value)
    elif (rel := _call_rel(em.cm, small.value)) in T.TABLE_HELPERS:
        text = _helper_table(em, name, rel, small.value, _renames(em, small.value))
        if tracked:
            em.resources.append(name)
        return em.parse(text)[0].with_changes(leading_lines=line.leading_lines)
    else:
        new = small.visit(_Replace(_renames(em, small.value)))
    if tracked:
        em.resources.append(name)
    return em._line(new, line)


def _renames(em, node) -> dict:
    """TF1 table names -> TF2 spellings (the V2 classes); constants and dtypes as in graph code."""
    mapping: dict[int, cst.BaseExpression] = {}
    for ref, resolved in graph_refs(em.cm, node):
        rel = resolved.rel
        if (path := table_path(rel)) is not None:
            mapping[id(ref)] = cst.parse_expression(em.cm.spell((V2, path), resolved))
        elif rel in T.GRAPH_RENAME:
            mapping[id(ref)] = cst.parse_expression(em.cm.spell((V2, T.GRAPH_RENAME[rel]), resolved))
        elif rel in T.GRAPH_KEEP:
            em._tf2_spelling(ref, rel, resolved, mapping)
    return mapping
