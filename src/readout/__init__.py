"""readout: source-linked records of who met whom, who said what to whom, and which figures."""

from readout.model import SCHEMA, Record

__all__ = ["SCHEMA", "Record", "__version__"]
__version__ = "0.1.0"
