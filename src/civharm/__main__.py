"""``python -m civharm`` runs the command line, as the ``civharm`` script does."""

from civharm.cli import main

main()
