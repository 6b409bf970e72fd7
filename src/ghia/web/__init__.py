"""The web interface: the public catalogue and the staff workspace."""
