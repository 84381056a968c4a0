"""The `sohoa` command."""
