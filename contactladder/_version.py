"""The version of contactladder, importable without loading the package's heavier modules."""

__version__ = "0.1.0"
