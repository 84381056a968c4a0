"""Prepare: page clean-up before recognition (geometry, orientation, resolution, cleanup, seals)."""
