"""Extraction stages, one module per record family."""
