"""Ghia (ღია): the open-data management system of a municipality."""

__version__ = "0.1.0"
