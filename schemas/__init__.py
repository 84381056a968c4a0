"""Pydantic models of everything that crosses a boundary (API, tasks, CLI JSON)."""
