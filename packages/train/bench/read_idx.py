"""The four Fashion-MNIST IDX files for the PyTorch bench scripts (pytorch-epoch.py, pytorch-suite.py)."""
import gzip, os

import numpy as np


def read_idx(directory, stem, offset):
    """The bytes after an IDX file's header (offset 16 for images, 8 for labels), .gz or raw."""
    for name in (stem + ".gz", stem):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as f:
                return np.frombuffer(f.read(), np.uint8, offset=offset)
    raise SystemExit(f"{stem} not found in {directory}")
