"""Delete files: ``remove_files.py PATH...``. Run before the exports are loaded, so a SavedModel
that still reads a file from its original place (an asset not carried along) fails to load."""
import os
import sys

for path in sys.argv[1:]:
    os.remove(path)
    print("removed:", os.path.basename(path))
