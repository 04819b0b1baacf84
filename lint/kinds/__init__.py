"""Rule kinds: one module per kind. A kind is a :class:`lint.rule.Rule` subclass."""
