"""contactladder: contacts between parents and professionals on the rungs of the contact ladder."""

__version__ = "0.1.0"
