"""Import a (rewritten) sample module and call its load function on an existing export.

argv: module_path function export_dir value_literal label; prints `label repr(result) type`,
the line the sample itself prints, so the two runs compare line for line.
"""
import ast
import importlib.util
import sys

path, function, export_dir, value, label = sys.argv[1:6]
spec = importlib.util.spec_from_file_location("rewritten_sample", path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
result = getattr(module, function)(export_dir, ast.literal_eval(value))
print(label, repr(result), type(result).__name__)
