"""Support Navigator: which support a health innovator in the Leeds City Region should go to next."""

__version__ = "0.1.0"
