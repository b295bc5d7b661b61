"""Signed content bundles: build on a staff PC, verify before anything is installed."""
