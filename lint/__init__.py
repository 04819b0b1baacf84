"""newslint: an editorial error and bias linter for news copy.

Plugins write ``from lint import hookimpl``. Newsroom code calls ``lint.check_text``,
``lint.check_file``, ``lint.check_paths``, ``lint.fix_text`` and ``lint.text_stats``
(see :mod:`lint.api`); they are imported on first use, so ``import lint`` stays cheap.
"""
from .hookspecs import hookimpl

__version__ = "0.1.0"
_API = ("check_text", "check_file", "check_paths", "fix_text", "text_stats")
__all__ = ["hookimpl", "__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
