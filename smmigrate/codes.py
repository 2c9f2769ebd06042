"""Every diagnostic code smmigrate reports, in one table: its title, what to do, and its severity.

This table is the one source for a code's text. The codemods' ``CODES`` dicts derive from it
(`codes_of`), the summary line of ``rewrite`` counts only the codes that mean manual work, and the
"Diagnostic codes" tables of README.md and docs/guide.md are generated from it by
``python docs/gen_codes.py`` (tests/test_codes.py fails when they are stale, or when a codemod
declares a code that is not here).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # the file could not be processed; it is left byte-identical
    MANUAL = "manual work"  # a site left unchanged: the user writes it by hand (or changes it and reruns)
    NOTE = "note"  # the site was rewritten; something the user should know about the result


@dataclass(frozen=True)
class Code:
    code: str  # "SMnnn"
    codemod: str | None  # the codemod that reports it; None for file-level codes of the engine
    severity: Severity
    title: str  # what happened (shown by --list-codemods and in the docs' "meaning" column)
    todo: str  # what to do about it


_TABLE = (
    # -- files (the engine, whatever the codemod) -------------------------------------------------------
    Code(
        "SM001",
        None,
        Severity.ERROR,
        "the file cannot be read or decoded",
        "fix its permissions, or add a PEP 263 coding cookie",
    ),
    Code(
        "SM002",
        None,
        Severity.ERROR,
        "the file does not parse as Python 3; left unchanged",
        "fix the syntax (Python 2 code needs `2to3` first) or `--exclude` it",
    ),
    Code(
        "SM003",
        None,
        Severity.ERROR,
        "the rewritten code would not parse (a bug); left unchanged",
        "nothing to do on your side; please report it with the file",
    ),
    Code(
        "SM004",
        None,
        Severity.ERROR,
        "a notebook is not valid JSON / nbformat, or a rewrite would move code across cells or drop magics",
        "fix the notebook, or migrate that cell by hand",
    ),
    Code(
        "SM005",
        None,
        Severity.ERROR,
        "a codemod failed on this file (a bug); left unchanged",
        "please report it with the file",
    ),
    Code(
        "SM006",
        None,
        Severity.ERROR,
        "the file is nested too deeply to rewrite safely (beyond Python's recursion limit)",
        "split the expression, or `--exclude` the file",
    ),
    Code(
        "SM007",
        None,
        Severity.ERROR,
        "a codemod's change would leave a name undefined here (its binding was removed while a use stayed, or it used a name nothing binds; a bug); that change is not applied to the file",
        "the other codemods' changes are kept; migrate the site by hand and please report it with the file",
    ),
    # -- compat-mode ------------------------------------------------------------------------------------
    Code(
        "SM102",
        "compat-mode",
        Severity.MANUAL,
        "a TF1 name TensorFlow 2.21 no longer has (`tf.contrib.*`, `tf.estimator.*`, removed modules)",
        "use the replacement the message names (from TensorFlow's own upgrade tables), or port the code by hand",
    ),
    Code(
        "SM120",
        "compat-mode",
        Severity.NOTE,
        "the module runs in TF1 compatibility mode; the message names the first lines of TF1 graph code that keep it there",
        "migrate those lines to TF2 to make it native; nothing to do for it to run",
    ),
    Code(
        "SM121",
        "compat-mode",
        Severity.MANUAL,
        "a native rewrite (native-load / native-save / keras-session / keras-save / keras-load) was withheld because the module stays "
        "in compatibility mode",
        "migrate the module's other graph code (its SM120 note), then rerun",
    ),
    Code(
        "SM122",
        "compat-mode",
        Severity.MANUAL,
        "a compatibility-mode module and a module holding eager TF2 code import each other",
        "migrate the compatibility-mode module, or keep the other one's TF1 code",
    ),
    Code(
        "SM123",
        "compat-mode",
        Severity.MANUAL,
        "a module keeps TF1 graph code but imports TensorFlow only inside functions (or under a name smmigrate cannot "
        "use)",
        "add `import tensorflow as tf` and `tf.compat.v1.disable_v2_behavior()` at its top",
    ),
    Code(
        "SM124",
        "compat-mode",
        Severity.MANUAL,
        "`tf.compat.v1.layers` / `nn.rnn_cell`, and `tf.keras` in a compatibility-mode module, are served by Keras 2 only "
        "on TF 2.21",
        "`pip install tf_keras`, or move to Keras 3 layers",
    ),
    # -- compat-names -----------------------------------------------------------------------------------
    Code(
        "SM101",
        "compat-names",
        Severity.MANUAL,
        "a SavedModel name whose base smmigrate cannot resolve to TensorFlow by import (`tf = try_import_tf()`, a "
        "parameter, a relative or non-TensorFlow import, an attribute such as `self.tf`, an unbound name)",
        "if it is TensorFlow, bind it with `import tensorflow as tf` (or `tensorflow.compat.v1`) in that module and "
        "rerun; otherwise nothing to do",
    ),
    # -- native-load ------------------------------------------------------------------------------------
    Code(
        "SM201",
        "native-load",
        Severity.MANUAL,
        "the loaded session also runs other ops, or is used for something else (`sess.graph`, other calls, exported "
        "again with no new ops)",
        "run those ops as TF2 code and use `loaded = tf.saved_model.load(export_dir, tags=...)` with `loaded.signatures[key](**inputs)` for the model",
    ),
    Code(
        "SM202",
        "native-load",
        Severity.MANUAL,
        "the session is stored, returned, closed over, created elsewhere, or passed into functions smmigrate cannot "
        "follow (another module's, a method, helpers other modules may call, helpers running hard-coded names)",
        "pass the export directory instead of the session, then `loaded = tf.saved_model.load(export_dir, tags=...)` and call `loaded.signatures[key](**inputs)` where the session was used",
    ),
    Code(
        "SM203",
        "native-load",
        Severity.MANUAL,
        "fetches/feeds that do not map to signature outputs/inputs (built at run time, an op or a variable no TF1 "
        "code here creates fetched by name, a signature input fetched, a signature output fed, no fetches)",
        "call the signature function with keyword inputs, `loaded.signatures[key](**{input_key: value})`, and index its result dict by output key",
    ),
    Code(
        "SM204",
        "native-load",
        Severity.MANUAL,
        "`*args`/`**kwargs` in the load or `sess.run` call",
        "spell the arguments out, or write `loaded = tf.saved_model.load(export_dir, tags=...)` and `loaded.signatures[key](...)` by hand",
    ),
    Code(
        "SM205",
        "native-load",
        Severity.MANUAL,
        "tags or export directory only known inside the session",
        "compute the tags and the export directory before loading: `loaded = tf.saved_model.load(export_dir, tags=tags)`",
    ),
    Code(
        "SM206",
        "native-load",
        Severity.MANUAL,
        "session created with a `target`, or a `config` whose settings smmigrate does not map to `tf.config` (a field such as `per_process_gpu_memory_fraction`, a value that is not a literal, a config used elsewhere)",
        "configure threads and devices with `tf.config` (e.g. `tf.config.threading.set_intra_op_parallelism_threads`) and load with `tf.saved_model.load(export_dir, tags=...)`",
    ),
    Code(
        "SM207",
        "native-load",
        Severity.MANUAL,
        "`sess.run` with run options or run metadata",
        "drop the run options (profile with `tf.profiler` instead) and call `loaded.signatures[key](**inputs)`",
    ),
    Code(
        "SM208",
        "native-load",
        Severity.MANUAL,
        "several fetches inside a larger expression",
        "compute `outputs = loaded.signatures[key](**inputs)` in its own statement and use `outputs[output_key].numpy()`",
    ),
    Code(
        "SM209",
        "native-load",
        Severity.MANUAL,
        "graph ops built in the session block, or applied to a loaded tensor, other than a re-export with a head "
        "that smmigrate generates (new ops on the loaded signature's outputs, predict signatures, a base exported "
        "by this file in TF2)",
        "compute on the signature's outputs in TF2 instead: `y = loaded.signatures[key](x=x)['y']`, then apply TF2 ops to `y`",
    ),
    Code(
        "SM210",
        "native-load",
        Severity.MANUAL,
        "a load call form `native-load` does not rewrite (`import_scope=`, load used inside an expression)",
        "write `loaded = tf.saved_model.load(export_dir, tags=...)` and `loaded.signatures[key](**inputs)` by hand",
    ),
    Code(
        "SM211",
        "native-load",
        Severity.MANUAL,
        "the MetaGraphDef/SignatureDef (or tensor names read from it) is used beyond key lookups",
        "read what the SignatureDef told you from `loaded.signatures[key].structured_input_signature` / `.structured_outputs`",
    ),
    Code(
        "SM212",
        "native-load",
        Severity.MANUAL,
        "one `sess.run` spans two signatures or mixes keys and tensor names",
        "call each signature separately: `loaded.signatures[key](**inputs)[output_key]`",
    ),
    Code(
        "SM213",
        "native-load",
        Severity.MANUAL,
        "an export directory written by both TF1 and TF2 code",
        "give the TF1 and the TF2 exports different directories, or migrate both",
    ),
    Code(
        "SM214",
        "native-load",
        Severity.MANUAL,
        "a hard-coded tensor name that no signature of the migrated export has",
        "fetch by signature key: `loaded.signatures[key](**{input_key: value})[output_key]`",
    ),
    Code(
        "SM215",
        "native-load",
        Severity.MANUAL,
        "the module imports TensorFlow only as `tensorflow.compat.v1`, whose `saved_model.load` is the TF1 loader",
        "run whole-api too (it folds that import into `import tensorflow as tf`), or add `import tensorflow as tf` "
        "yourself, then rerun; or write `tf.saved_model.load` + `loaded.signatures[key]` by hand",
    ),
    Code(
        "SM216",
        "native-load",
        Severity.MANUAL,
        "the session's graph comes from elsewhere (`graph=` a parameter, attribute or call) or is also used outside the "
        "session",
        "`tf.saved_model.load(export_dir, tags=...)` needs no graph: drop `graph=` and keep the graph's other uses "
        "apart from the model, then rerun; or write `loaded.signatures[key](**inputs)` by hand",
    ),
    Code(
        "SM217",
        "native-load",
        Severity.MANUAL,
        "hard-coded tensor names loaded from a directory a migrated export of this file may write",
        "give that export its directory as a literal or module constant (or pass its function the same one "
        "in every call) so the two can be matched, or fetch by signature key",
    ),
    Code(
        "SM220",
        "native-load",
        Severity.NOTE,
        "rewritten with `loaded.prune` (needs a TF1-format SavedModel)",
        "switch to signatures if that model is re-saved with TF2",
    ),
    Code(
        "SM221",
        "native-load",
        Severity.NOTE,
        'public functions of a script (a module with an `if __name__ == "__main__":` block) changed their parameters '
        "or results: the session they took or returned is gone, and no file of this run imports the script",
        "if code outside this run calls them with a session, make them private and rerun, or keep that code in TF1",
    ),
    # -- native-save ------------------------------------------------------------------------------------
    Code(
        "SM301",
        "native-save",
        Severity.MANUAL,
        "the exported graph/session is not built in the export block",
        "`smmigrate.export_session(sess, export_dir, ...)` (the `session-bridge` codemod writes it when it can) or a hand-written `tf.Module`",
    ),
    Code(
        "SM302",
        "native-save",
        Severity.MANUAL,
        "the export block saves a checkpoint from the session (tf.train.Saver), or restores one with a saver native-save does not read (`var_list`, a saver made elsewhere, `import_meta_graph`, `init_from_checkpoint`)",
        "session bridge: `smmigrate.export_session`",
    ),
    Code(
        "SM303",
        "native-save",
        Severity.MANUAL,
        "the block trains in a way native-save does not replay eagerly (another optimizer, tf.gradients, "
        "several train ops), or runs other ops before exporting (run options, variables re-initialized after "
        "an assign)",
        "session bridge after training",
    ),
    Code(
        "SM304",
        "native-save",
        Severity.MANUAL,
        "a second MetaGraph (`add_meta_graph`); TF2 writes one, tagged serve",
        "export it separately, or keep that export on TF1",
    ),
    Code(
        "SM305",
        "native-save",
        Severity.MANUAL,
        "export tags other than exactly `[SERVING]`, or tags not written as literals / TF tag constants",
        "keep it on TF1, or re-tag it for serving; tags that are SERVING: write `[tf.saved_model.SERVING]`",
    ),
    Code(
        "SM306",
        "native-save",
        Severity.MANUAL,
        "`*args`/`**kwargs` in a call native-save must read (the export, a signature, a placeholder, a variable)",
        "spell the arguments out, then rerun",
    ),
    Code(
        "SM307",
        "native-save",
        Severity.MANUAL,
        "control flow or another `with` inside the export block (or its graph bound to something other than a name)",
        "make the block straight-line, or use the session bridge",
    ),
    Code(
        "SM308",
        "native-save",
        Severity.MANUAL,
        "signatures not written as literal signature-def calls",
        "write the signature map inline",
    ),
    Code(
        "SM309",
        "native-save",
        Severity.MANUAL,
        "a signature tensor that is not a placeholder or tensor of the export block (or an output computed from a "
        "placeholder that is not one of its inputs), a helper of the module (or of another module of the run) that "
        "creates variables and cannot be inlined (the reason is named), or a function of a project module the run does "
        "not read",
        "session bridge",
    ),
    Code(
        "SM310",
        "native-save",
        Severity.MANUAL,
        "graph code uses a TF symbol with no known TF2 equivalent",
        "session bridge, or a hand-written module",
    ),
    Code(
        "SM311",
        "native-save",
        Severity.MANUAL,
        "a graph value used outside `sess.run`, or a statement that cannot move",
        "move it after the migration",
    ),
    Code(
        "SM313",
        "native-save",
        Severity.MANUAL,
        "`save(as_text=True)` (TF2 writes only a binary `saved_model.pb`)",
        "drop `as_text`",
    ),
    Code(
        "SM314",
        "native-save",
        Severity.MANUAL,
        "`assets_collection=` holding something other than asset paths bound as `tf.constant(<path>)` in the "
        "export block (then tracked as `tf.saved_model.Asset`), or graph code reading an asset's path",
        "bind each path as `name = tf.constant(path)`, or track the assets as `tf.saved_model.Asset` by hand",
    ),
    Code(
        "SM315",
        "native-save",
        Severity.MANUAL,
        "a main_op/legacy_init_op beyond table/local initializers (`main_op()` or a global initializer "
        "re-initializes the block's variables on load: refused after assigns or training)",
        "use `None` or `tf.tables_initializer()`, or a hand-written module",
    ),
    Code(
        "SM316",
        "native-save",
        Severity.MANUAL,
        "a classify/regress signature that breaks its contract",
        "fix the signature, or declare it predict",
    ),
    Code(
        "SM317",
        "native-save",
        Severity.MANUAL,
        "a placeholder form native-save cannot read",
        "pass a dtype; one input key per placeholder",
    ),
    Code(
        "SM318",
        "native-save",
        Severity.MANUAL,
        "an export native-save cannot follow (the Builder's `add_meta_graph_and_variables` + `save()` incomplete or "
        "out of order, two exports in one block, a custom `saver=`, more arguments than the TF1 API takes)",
        "one complete export per block: `Builder(dir)`, `add_meta_graph_and_variables(...)`, `save()` (or one "
        "`simple_save`)",
    ),
    Code(
        "SM319",
        "native-save",
        Severity.MANUAL,
        "a variable or lookup-table definition or assign that cannot run eagerly with the same values or in the "
        "block's order (random initializers, table contents from graph tensors)",
        "compute the values in Python first, or use a constant/zeros/ones initializer",
    ),
    Code(
        "SM321",
        "native-save",
        Severity.MANUAL,
        "a `sess.run` evaluation that cannot be replayed eagerly (fetch or feed not understood)",
        "fetch tensor names, feed placeholders",
    ),
    Code(
        "SM322",
        "native-save",
        Severity.MANUAL,
        "a signature key that is not a literal or TF constant (directly, a name assigned one once, or a string "
        "constant of the module or of a module of the run): computed at run time",
        "use a literal or a TF constant",
    ),
    Code(
        "SM323",
        "native-save",
        Severity.NOTE,
        "the migrated export's session had a `config=` with settings smmigrate does not map to `tf.config` (a GPU "
        "memory fraction, a computed value, a config used elsewhere): with the session gone they no longer apply",
        "ask `tf.config` for them at the program's start (e.g. `tf.config.set_logical_device_configuration(gpu, "
        "[tf.config.LogicalDeviceConfiguration(memory_limit=...)])` for a memory limit), or delete the config",
    ),
    Code(
        "SM324",
        "native-save",
        Severity.NOTE,
        "a graph-building function of this module was removed: every call of it in the run (in other modules of "
        "the package) now has its statements inlined into a native TF2 export, and nothing else in the run uses it",
        "code outside the run that still calls it: build the model with the rewritten export's tf.Module, or keep "
        "that code in TF1",
    ),
    # -- session-bridge ---------------------------------------------------------------------------------
    Code(
        "SM401",
        "session-bridge",
        Severity.MANUAL,
        "tags other than exactly `[SERVING]`, or not written as literals / TF tag constants: the bridge writes one "
        "MetaGraph tagged serve",
        "keep this export on TF1, or re-tag it for serving; tags that are SERVING: write `[tf.saved_model.SERVING]`",
    ),
    Code(
        "SM402",
        "session-bridge",
        Severity.MANUAL,
        "the Builder adds a second MetaGraph (`add_meta_graph`)",
        "export it separately, or keep this export on TF1",
    ),
    Code(
        "SM403",
        "session-bridge",
        Severity.MANUAL,
        "an export the bridge cannot follow (not `Builder` / `add_meta_graph_and_variables` / `save` in order in one "
        "block, the builder used elsewhere, or more arguments than the TF1 API takes)",
        "keep those three statements together, each on its own, then rerun; or call `smmigrate.export_session` by hand",
    ),
    Code(
        "SM404",
        "session-bridge",
        Severity.MANUAL,
        "the export directory is computed inside `Builder(...)`, or rebound before the export",
        "bind it to a name first (`export_dir = ...`) and pass that, then rerun",
    ),
    Code(
        "SM405",
        "session-bridge",
        Severity.MANUAL,
        "`*args`/`**kwargs` in an export call",
        "spell the arguments out, then rerun",
    ),
    Code(
        "SM406",
        "session-bridge",
        Severity.NOTE,
        "an export native-save analysed and refused is bridged instead (the note carries native-save's reason)",
        "the program runs and writes a TF2 SavedModel; fix what native-save names for a native rewrite, then rerun",
    ),
    # -- keras-save -------------------------------------------------------------------------------------
    Code(
        "SM601",
        "keras-save",
        Severity.MANUAL,
        "a Keras save whose path format (folder, `.keras`, `.h5`) is computed, or a reloaded checkpoint whose "
        "paths cannot take a `.keras` suffix as written",
        "`model.export(path)` for a serving SavedModel, or a `.keras` path for a checkpoint",
    ),
    Code(
        "SM602",
        "keras-save",
        Severity.MANUAL,
        "`save_format` Keras 3 rejects, with a path that cannot carry the format",
        "give the path the suffix (`.h5`/`.keras`) and drop `save_format`",
    ),
    Code(
        "SM603",
        "keras-save",
        Severity.MANUAL,
        "arguments `model.export` has no equivalent for (`options=` without signatures, `*args`)",
        "`model.export(dir)` or `tf.saved_model.save(model, dir, signatures=..., options=...)` by hand",
    ),
    Code(
        "SM604",
        "keras-save",
        Severity.MANUAL,
        "`tf.contrib.saved_model.save_keras_model` wrote into a timestamped sub-folder",
        "`model.export(os.path.join(path, str(int(time.time()))))` by hand",
    ),
    Code(
        "SM605",
        "keras-save",
        Severity.NOTE,
        "rewritten to `model.export`; a single output is now keyed `output_0`, unnamed inputs `keras_tensor_N`",
        "name the `Input` layers and return a dict if serving clients use the Keras 2 keys",
    ),
    Code(
        "SM606",
        "keras-save",
        Severity.NOTE,
        "the folder is reloaded to keep training, so both paths became `.keras`",
        "subclassed models and custom layers need `get_config` and registration to reload",
    ),
    # -- keras-load -------------------------------------------------------------------------------------
    Code(
        "SM621",
        "keras-load",
        Severity.MANUAL,
        "`load_model` of a computed path, with `options=` or extra arguments",
        '`keras.layers.TFSMLayer(dir, call_endpoint="serving_default")` for a SavedModel folder',
    ),
    Code(
        "SM622",
        "keras-load",
        Severity.MANUAL,
        "the loaded model is not assigned to a name in its own statement",
        "assign it, then rerun",
    ),
    Code(
        "SM623",
        "keras-load",
        Severity.MANUAL,
        "the loaded SavedModel keeps training (`fit`, `compile`, `evaluate`)",
        "save it as `.keras` and load that file",
    ),
    Code(
        "SM624",
        "keras-load",
        Severity.MANUAL,
        "the loaded model is used beyond `y = m.predict(x)` / `y = m(x)`",
        "call the `TFSMLayer` by hand; it returns a dict of outputs",
    ),
    Code(
        "SM625",
        "keras-load",
        Severity.MANUAL,
        "`predict` with several inputs",
        '`tf.saved_model.load(dir).signatures["serving_default"](**inputs)`',
    ),
    Code(
        "SM626",
        "keras-load",
        Severity.NOTE,
        "loaded with `TFSMLayer`; results are the only output, or a dict by output name",
        "index the dict where Keras 2 returned a list",
    ),
    # -- keras-session ----------------------------------------------------------------------------------
    Code(
        "SM700",
        "keras-session",
        Severity.MANUAL,
        "the Keras backend session export (`get_session()` + `simple_save` of `model.input`/`model.output`) or "
        "`set_learning_phase` is left as TF1 Keras code: the session is used for more, the signature is not the "
        "model's own tensors under identifier keys, or the learning phase is not 0, not at module level before "
        "the layers, or the module builds layers that train differently (Dropout, BatchNormalization)",
        "export with `tf.saved_model.save` of a `tf.Module` tracking the model, its `tf.function` calling "
        "`model(x, training=False)`; the module stays on Keras 2 (tf_keras) until then",
    ),
    Code(
        "SM701",
        "keras-session",
        Severity.MANUAL,
        "a Keras optimizer with `decay=`, which Keras 3 ignores (Keras 2 divided the learning rate by "
        "`1 + decay * iterations`)",
        "`learning_rate=tf.keras.optimizers.schedules.InverseTimeDecay(lr, decay_steps=1, decay_rate=decay)`",
    ),
    # -- contrib-predictor ------------------------------------------------------------------------------
    Code(
        "SM641",
        "contrib-predictor",
        Severity.MANUAL,
        "the predictor is not assigned alone to a name, is rebound, passed on, stored, or used beyond calls with one "
        "feed dict",
        "`loaded.signatures[key](**feed)` with `.numpy()` on each output",
    ),
    Code(
        "SM642",
        "contrib-predictor",
        Severity.MANUAL,
        "`signature_def=`, `graph=`, `config=`, `*args` or unknown arguments in `from_saved_model`, or no export "
        "directory",
        "`tf.saved_model.load(dir, tags=...)` and pick the signature by key",
    ),
    Code(
        "SM643",
        "contrib-predictor",
        Severity.MANUAL,
        "`from_estimator` / `from_contrib_estimator` (Estimator removed in TF 2.16)",
        "export with `tf.saved_model.save` (or `smmigrate upgrade` an existing export), then load it",
    ),
    Code(
        "SM644",
        "contrib-predictor",
        Severity.MANUAL,
        "the module runs in graph mode or imports only `tensorflow.compat.v1`",
        "migrate the module to TF2 first, then rerun",
    ),
    # -- estimator-export -------------------------------------------------------------------------------
    Code(
        "SM660",
        "estimator-export",
        Severity.MANUAL,
        "Estimator `export_saved_model` / `export_savedmodel`",
        "a `tf.Module` export with `tf.saved_model.save(..., signatures=...)`; `smmigrate upgrade` for exports already written",
    ),
    Code(
        "SM661",
        "estimator-export",
        Severity.MANUAL,
        "`build_raw_serving_input_receiver_fn`",
        "`@tf.function(input_signature=[tf.TensorSpec(...), ...])` on the export function",
    ),
    Code(
        "SM662",
        "estimator-export",
        Severity.MANUAL,
        "`build_parsing_serving_input_receiver_fn`",
        "a string `input_signature` and `tf.io.parse_example` inside; `smmigrate method-names` for classify/regress",
    ),
    Code(
        "SM663",
        "estimator-export",
        Severity.MANUAL,
        "`export_outputs`, `PredictOutput` / `ClassificationOutput` / `RegressionOutput`",
        "one signature per output; `smmigrate method-names` for classify/regress",
    ),
    Code(
        "SM664",
        "estimator-export",
        Severity.MANUAL,
        "`ServingInputReceiver` / `TensorServingInputReceiver`",
        "the receiver tensors become the export function's `input_signature`",
    ),
    # -- hub-module -------------------------------------------------------------------------------------
    Code(
        "SM680",
        "hub-module",
        Severity.MANUAL,
        "`hub.Module` (a TF1 Hub module needs graph mode)",
        "`hub.load(handle)` + `.signatures[name](**inputs)`, or `hub.KerasLayer`",
    ),
    Code(
        "SM681",
        "hub-module",
        Severity.MANUAL,
        "TF1 Hub module creation (`load_module_spec`, `create_module_spec`, `add_signature`, `ModuleSpec`)",
        "export a TF2 SavedModel that `hub.load` reads",
    ),
)

CODES: dict[str, Code] = {entry.code: entry for entry in _TABLE}


def codes_of(codemod: str | None) -> dict[str, str]:
    """``{code: title}`` of one codemod (None: the engine's file-level codes), for its ``CODES``."""
    return {c.code: c.title for c in _TABLE if c.codemod == codemod}


def severity(code: str) -> Severity:
    """The severity of `code`; a code missing from the table counts as manual work."""
    entry = CODES.get(code)
    return entry.severity if entry is not None else Severity.MANUAL
