"""The version, in a module of its own: the package root imports the public API for type checkers, so a
module that needs the version (the knowledge cache's key) takes it from here, not from the root."""

__version__ = "0.1.0"
