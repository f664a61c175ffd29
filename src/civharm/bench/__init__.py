"""Benchmarks: scripts that measure civharm against public data and print their figures.

Each benchmark is a module here exposing a click command registered under ``civharm bench``;
results go into BENCHMARKS.md by hand, with the command, date and machine. None is a unit test.
"""
