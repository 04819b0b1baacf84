"""Text helpers shared by the rule kinds and the engine; none of them is a rule kind.

- :mod:`lint.text.lazyre`: regular expressions compiled on first use.
- :mod:`lint.text.matching`: word lists and regexes matched over a draft's prose.
- :mod:`lint.text.voice`: whose voice a word is in (attribution, speakers, names).
"""
