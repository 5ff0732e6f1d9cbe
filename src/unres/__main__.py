"""``python -m unres``: the command line."""

import sys

from unres.cli import main

sys.exit(main())
