"""Inputs: readers, document structure, transcript turns."""
