"""newslint: an editorial error and bias linter for news copy.

Plugins write ``from lint import hookimpl``.
"""
from .hookspecs import hookimpl

__version__ = "0.1.0"
__all__ = ["hookimpl", "__version__"]
