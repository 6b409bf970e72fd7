"""Ghia's pure tabular engine: read, infer, validate, scan, clean and write tables.

No Django here: the web and the command line both call these functions.
"""
