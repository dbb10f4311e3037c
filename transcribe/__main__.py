"""`python -m transcribe …` runs the same command line as the `transcribe` script."""

from transcribe.cli import main

if __name__ == "__main__":
    main()
