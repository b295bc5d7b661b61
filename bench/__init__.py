"""Benchmarks: `make bench` prints a table of medians."""
