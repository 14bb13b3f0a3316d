"""readout's knowledge base: countries, office holders, organisations; see build and lookup."""

from readout.kb.lookup import (
    KB,
    Entry,
    Match,
    Role,
    default_kb,
    default_kb_path,
    default_shared_dir,
)

__all__ = ["KB", "Entry", "Match", "Role", "default_kb", "default_kb_path", "default_shared_dir"]
