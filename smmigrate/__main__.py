"""`python -m smmigrate` is the `smmigrate` command."""

import sys

from .cli import main

sys.exit(main())
