"""``python -m vaarta …`` runs the command line, the same as the ``vaarta`` command."""

import sys

from vaarta.cli import main

if __name__ == "__main__":
    sys.exit(main())
