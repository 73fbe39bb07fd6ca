"""Demo content: profiles."""
