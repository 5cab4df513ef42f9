"""What the catalogue covers and what innovators ask for: coverage and demand analytics."""
