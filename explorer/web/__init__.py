"""The explorer in a browser (`symptom-explorer serve`): a Starlette app over the public core. Imported
only by the serve command, so the other commands never load the web framework."""

from .app import create_app

__all__ = ["create_app"]
