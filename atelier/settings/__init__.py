"""Settings modules: ``base`` holds everything shared, the others only what differs."""
