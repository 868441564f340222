"""python -m enrollgap: the same as the enrollgap command."""

from enrollgap.cli import main

if __name__ == "__main__":
    main()
