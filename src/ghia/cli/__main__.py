import sys

from ghia.cli import main

sys.exit(main())
