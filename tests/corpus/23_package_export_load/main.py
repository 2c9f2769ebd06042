import numpy as np

from textmodel.export import export_model
from textmodel.serve import score

path = export_model("pkg_export/1")
out = score(path, np.array([[1, 2, 3, 4], [0, 0, 0, 0]], np.float32))
print("scores:", " ".join("%.4f" % s for s in out.ravel()))
