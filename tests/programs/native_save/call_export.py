"""Run one export function of a program: ``call_export.py SCRIPT FUNCTION EXPORT_DIR``.

Lets the execution tests run only the saving half of samples that also load back (the loading
half belongs to native-load), the same way for TF1 originals and their TF2 rewrites.
"""
import importlib.util
import sys
from pathlib import Path

script, function, export_dir = sys.argv[1:4]
spec = importlib.util.spec_from_file_location(f"export_{abs(hash(script))}", script)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
getattr(module, function)(export_dir)
print("exported:", Path(export_dir).name)
