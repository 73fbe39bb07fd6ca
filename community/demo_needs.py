"""Demo content: needs."""
