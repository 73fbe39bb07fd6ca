"""What this app shows on a person's profile page (registered with ``community``)."""
