"""Demo content: badges."""
