"""`python -m transcribe.bench`: the same as `transcribe bench`."""

from transcribe.bench.cli import main

main()
