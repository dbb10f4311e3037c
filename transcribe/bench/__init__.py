"""The benchmark, kept apart from the product: `transcribe bench` and its sections.

`core` runs the pipeline on the sample meetings and owns the section registry; `cli` is the
command, which loads every section module (agenda alignment, LLM grounding, noise curve, speakers
on real voices, uncertainty marks); each of those adds one part of the JSON report.
"""
