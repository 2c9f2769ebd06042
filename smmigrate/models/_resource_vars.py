"""The variable rewrite behind the graph adapter: TF1 variables and tables become captured resources.

`resource_graph(graph_def, ...)` turns reference variables (`Variable`, `VariableV2`), resource
variables (`VarHandleOp`) and lookup tables (`HashTableV2`, ...) into placeholders of type
DT_RESOURCE, which the importer maps onto eager variables and tables that the adapter owns, and
rewrites their consumers to resource ops. That single rewrite is what makes reference variables
restorable, readable, trainable and exportable in TF2 (the migration guide's recipe cannot restore
them at all). Only protobuf is used here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._graphio import input_parts

REF_VARIABLE_OPS = {"Variable", "VariableV2"}
RESOURCE_VARIABLE_OPS = {"VarHandleOp"}
# Ops creating lookup tables. The V2 ones become captured resources owned by the adapter (like
# variables): TF2 gives every function its own copy of an in-graph table once a SavedModel is
# loaded (shared names get a per-function suffix), so a table initialized by the init function would
# be empty in the serving functions. Tables we cannot create eagerly keep a unique shared name.
CAPTURED_TABLE_OPS = {"HashTableV2", "MutableHashTableV2", "MutableHashTableOfTensorsV2"}
TABLE_OPS = CAPTURED_TABLE_OPS | {
    "HashTable",
    "MutableHashTable",
    "MutableHashTableOfTensors",
    "MutableDenseHashTable",
    "MutableDenseHashTableV2",
}
# Old graphs use ref-typed (V1) tables; their V2 twins take a resource handle and the same inputs.
_V1_TABLE_OPS = {
    "HashTable": "HashTableV2",
    "MutableHashTable": "MutableHashTableV2",
    "MutableHashTableOfTensors": "MutableHashTableOfTensorsV2",
    "LookupTableFind": "LookupTableFindV2",
    "LookupTableInsert": "LookupTableInsertV2",
    "LookupTableSize": "LookupTableSizeV2",
    "LookupTableExport": "LookupTableExportV2",
    "LookupTableImport": "LookupTableImportV2",
    "InitializeTable": "InitializeTableV2",
    "InitializeTableFromTextFile": "InitializeTableFromTextFileV2",
}
# Reference-variable ops that have a resource-variable counterpart with the same inputs.
_REF_TO_RESOURCE = {
    "Assign": "AssignVariableOp",
    "AssignAdd": "AssignAddVariableOp",
    "AssignSub": "AssignSubVariableOp",
    "IsVariableInitialized": "VarIsInitializedOp",
    "CountUpTo": "ResourceCountUpTo",
}


@dataclass
class VariableNode:
    name: str
    dtype: int  # DataType enum
    shape: Any  # TensorShapeProto
    is_ref: bool


@dataclass
class RewriteResult:
    graph_def: Any  # GraphDef
    variables: dict = field(default_factory=dict)  # name -> VariableNode, in graph order
    tables: dict = field(default_factory=dict)  # name -> original NodeDef of a captured table
    dropped: dict = field(default_factory=dict)  # node name -> why it could not be converted
    # A fetch of a reference tensor ("counter:0", an assignment's "incr:0") -> the tensor that reads
    # the variable's value (after the assignment): what a TF1 Session returned for that fetch.
    ref_fetches: dict = field(default_factory=dict)


def resource_graph(graph_def, table_suffix: str, op_has_ref_input) -> RewriteResult:
    """Rewrite variables into DT_RESOURCE placeholders (mapped to eager variables at import).

    Reference-variable consumers become their resource counterparts: `Identity` (the `/read`
    snapshot) -> `ReadVariableOp`, `Assign*` -> `Assign*VariableOp`, `Apply*`/`Scatter*` ->
    `ResourceApply*`/`ResourceScatter*` when TensorFlow has them; other readers get a
    `ReadVariableOp`. A node that cannot be converted is removed with everything depending on it
    (recorded in `dropped`, so asking for it later gives a precise error). Table ops get a unique
    shared name. `op_has_ref_input(op_type, input_index)` says whether an input is a ref input.
    """
    from tensorflow.core.framework import graph_pb2, node_def_pb2, types_pb2

    out = graph_pb2.GraphDef()
    out.versions.CopyFrom(graph_def.versions)
    out.library.CopyFrom(graph_def.library)
    result = RewriteResult(out)
    for node in graph_def.node:
        if node.op in REF_VARIABLE_OPS or node.op in RESOURCE_VARIABLE_OPS:
            result.variables[node.name] = VariableNode(
                node.name, node.attr["dtype"].type, node.attr["shape"].shape, node.op in REF_VARIABLE_OPS
            )
    for node in graph_def.node:
        if _V1_TABLE_OPS.get(node.op, node.op) in CAPTURED_TABLE_OPS:
            table = node_def_pb2.NodeDef()
            table.CopyFrom(node)
            table.op = _V1_TABLE_OPS.get(node.op, node.op)
            result.tables[node.name] = table
    captured = set(result.variables) | set(result.tables)
    ref_vars = {n for n, v in result.variables.items() if v.is_ref}
    existing = {node.name for node in graph_def.node}
    extra_reads: dict[str, Any] = {}  # var name -> ReadVariableOp NodeDef added for plain readers

    def read_node_for(var: str):
        if var not in extra_reads:
            name = f"{var}/_smm_value"
            while name in existing:
                name += "_"
            existing.add(name)
            n = node_def_pb2.NodeDef(name=name, op="ReadVariableOp", input=[var])
            n.attr["dtype"].type = result.variables[var].dtype
            extra_reads[var] = n
        return extra_reads[var].name

    value_aliases: dict[str, str] = {}  # "assign:0" -> read node name, for consumers of Assign's output
    new_nodes = []
    for node in graph_def.node:
        new = node_def_pb2.NodeDef()
        new.CopyFrom(node)
        if node.op in _V1_TABLE_OPS:
            new.op = _V1_TABLE_OPS[node.op]
        if node.name in captured:
            # The variable or table itself: a resource placeholder; input_map replaces it with a capture.
            new.op = "Placeholder"
            new.ClearField("input")
            new.attr.clear()
            new.attr["dtype"].type = types_pb2.DT_RESOURCE
            new_nodes.append(new)
            continue
        if node.op in TABLE_OPS:
            base = node.attr["shared_name"].s.decode() if "shared_name" in node.attr else ""
            new.attr["shared_name"].s = f"{base or node.name}{table_suffix}".encode()
        # Control dependencies on a variable's creation mean nothing once it is a capture, and a
        # control input on a placeholder would fail at run time.
        inputs = []
        for inp in node.input:
            src, idx = input_parts(inp)
            if idx == -1 and src in captured:
                continue
            inputs.append(inp)
        del new.input[:]
        new.input.extend(inputs)
        ref_positions = [
            i for i, inp in enumerate(new.input) if input_parts(inp)[1] == 0 and input_parts(inp)[0] in ref_vars
        ]
        if not ref_positions:
            new_nodes.append(new)
            continue
        var = input_parts(new.input[ref_positions[0]])[0]
        dtype = result.variables[var].dtype
        if node.op == "Identity" and len(ref_positions) == 1 and ref_positions[0] == 0:
            new.op = "ReadVariableOp"
            new.attr.clear()
            new.attr["dtype"].type = dtype
        elif node.op in _REF_TO_RESOURCE and ref_positions == [0]:
            new.op = _REF_TO_RESOURCE[node.op]
            keep = {"AssignVariableOp": ("validate_shape",), "ResourceCountUpTo": ("limit",)}.get(new.op, ())
            kept = {k: node.attr[k] for k in keep if k in node.attr}
            new.attr.clear()
            for k, v in kept.items():
                new.attr[k].CopyFrom(v)
            if new.op == "ResourceCountUpTo":
                new.attr["T"].CopyFrom(node.attr["T"])
            elif new.op != "VarIsInitializedOp":
                new.attr["dtype"].type = dtype
            if new.op in ("AssignVariableOp", "AssignAddVariableOp", "AssignSubVariableOp"):
                # These have no output; readers of the old output ref read the variable after it.
                value_aliases[f"{node.name}:0"] = node.name
        elif (
            ref_positions == [0]
            and (node.op.startswith("Apply") or node.op.startswith("Scatter"))
            and op_has_ref_input("Resource" + node.op, None)
        ):
            new.op = "Resource" + node.op
            if "T" in node.attr and node.op.startswith("Scatter"):
                new.attr["dtype"].CopyFrom(node.attr["T"])
                del new.attr["T"]
            value_aliases[f"{node.name}:0"] = node.name
        else:
            converted = True
            for i in ref_positions:
                if op_has_ref_input(node.op, i):
                    converted = False
                    break
                new.input[i] = read_node_for(input_parts(new.input[i])[0])
            if not converted:
                result.dropped[node.name] = f"op {node.op} updates reference variable {var} in place"
                continue
        new_nodes.append(new)

    # Consumers of an assignment's output read the variable after the assignment instead.
    alias_reads = {}
    by_name = {n.name: n for n in new_nodes}
    for key, assign in value_aliases.items():
        var = input_parts(by_name[assign].input[0])[0]
        name = f"{assign}/_smm_value"
        r = node_def_pb2.NodeDef(name=name, op="ReadVariableOp", input=[var, f"^{assign}"])
        r.attr["dtype"].type = result.variables[var].dtype
        alias_reads[key] = r
    used_alias = set(alias_reads)  # every one: a signature may fetch an assignment's value
    for n in new_nodes:
        for i, inp in enumerate(n.input):
            src, idx = input_parts(inp)
            key = f"{src}:{idx}"
            if idx == 0 and key in alias_reads:
                n.input[i] = alias_reads[key].name
                used_alias.add(key)

    # Remove dropped nodes and everything that depends on them, so the import succeeds.
    if result.dropped:
        changed = True
        while changed:
            changed = False
            for n in new_nodes:
                if n.name in result.dropped:
                    continue
                for inp in n.input:
                    src = input_parts(inp)[0]
                    if src in result.dropped:
                        result.dropped[n.name] = f"depends on {src}, which was dropped ({result.dropped[src]})"
                        changed = True
                        break
        new_nodes = [n for n in new_nodes if n.name not in result.dropped]
    for var in sorted(ref_vars):
        result.ref_fetches[f"{var}:0"] = f"{read_node_for(var)}:0"
    used_alias = {k for k in used_alias if value_aliases[k] not in result.dropped}
    for key in used_alias:
        result.ref_fetches[key] = f"{alias_reads[key].name}:0"
    out.node.extend(new_nodes)
    out.node.extend(extra_reads.values())
    out.node.extend(alias_reads[k] for k in sorted(used_alias))
    return result
