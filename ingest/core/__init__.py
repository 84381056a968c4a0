"""Core of the pipeline library: settings, the error tree, status and mode enums, the dispatcher protocol."""
