"""Synthetic Swedish sample meetings with ground truth (see samples/README.md)."""
