"""newslint's embedded speller for news copy.

- :mod:`.tokens` — the words of news text worth checking (and what is not a word);
- :mod:`.lexicon`, :mod:`.table`, :mod:`.keys` — the word list with frequencies, looked up
  in place without an index built at start-up;
- :mod:`.speller`, :mod:`.distance` — candidates and their noisy-channel ranking;
- :mod:`.misspellings` — known misspellings; :mod:`.variants` — British/American pairs;
- :mod:`.checker` — :class:`~.checker.SpellChecker`, the verdict on every word.

The rule kinds are :mod:`lint.kinds.spelling` and the grammar kinds (:mod:`lint.kinds.a_an`, ...); the
optional LanguageTool integration in :mod:`lint.languagetool`. Submodules are imported
on demand, so importing this package costs nothing.
"""
