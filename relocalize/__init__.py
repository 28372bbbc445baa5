"""relocalize: turn globally negated claims into sentence-local negations."""

from relocalize.api import Relocalizer, fix, fix_batch
from relocalize.options import Options
from relocalize.provenance import PROVENANCE_TYPE, Provenance

__version__ = "0.1.0"
__all__ = ["PROVENANCE_TYPE", "Options", "Provenance", "Relocalizer", "__version__", "fix", "fix_batch"]
