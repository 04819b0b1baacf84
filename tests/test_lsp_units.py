"""The language server's pure parts: position conversion and the vocabulary edit."""
from __future__ import annotations

import pytest

from lint.lsp.positions import UTF8, UTF16, UTF32, LineIndex, units
from lint.lsp.vocabulary import VocabularyError, add_word, added

TEXT = "a😀b\r\nxé🎉z\rq\n"


@pytest.mark.parametrize("encoding, expected", [
    (UTF16, [(0, 0), (0, 1), (0, 3), (0, 4), (0, 4), (1, 0), (1, 1), (1, 2), (1, 4), (1, 5), (2, 0), (2, 1), (3, 0)]),
    (UTF8, [(0, 0), (0, 1), (0, 5), (0, 6), (0, 6), (1, 0), (1, 1), (1, 3), (1, 7), (1, 8), (2, 0), (2, 1), (3, 0)]),
    (UTF32, [(0, 0), (0, 1), (0, 2), (0, 3), (0, 3), (1, 0), (1, 1), (1, 2), (1, 3), (1, 4), (2, 0), (2, 1), (3, 0)]),
])
def test_offsets_to_positions_and_back(encoding, expected):
    index = LineIndex(TEXT, encoding)
    assert [index.position(i) for i in range(len(TEXT) + 1)] == expected
    # every position maps back to its offset (the one inside CRLF maps to the line's end)
    assert [index.offset(*index.position(i)) for i in range(len(TEXT) + 1)] == [0, 1, 2, 3, 3, 5, 6, 7, 8, 9, 10, 11, 12]


def test_positions_past_a_line_or_the_text_are_clamped():
    index = LineIndex(TEXT, UTF16)
    assert index.offset(0, 99) == 3 and index.offset(99, 0) == len(TEXT) and index.offset(-1, 4) == 0
    assert index.offset(0, 2) == 2  # inside the surrogate pair: the emoji's end, never half of it


def test_units():
    assert (units("😀é", UTF16), units("😀é", UTF8), units("😀é", UTF32)) == (3, 6, 2)


def test_a_word_joins_a_block_list_keeping_comments_and_order():
    text = "# ours\npacks: [house]\nvocabulary:\n  - Zelenskyy   # our spelling\n  - Kyiv\n\n# dates\ndate: 2025-01-01\n"
    assert added(text, "Sánchez") == (
        "# ours\npacks: [house]\nvocabulary:\n  - Zelenskyy   # our spelling\n  - Kyiv\n  - Sánchez\n\n# dates\ndate: 2025-01-01\n")


def test_flow_lists_new_lists_and_quoting():
    assert added("vocabulary: [Kyiv]\n", "no") == 'vocabulary: [Kyiv, "no"]\n'
    assert added("vocabulary: []\nlanguage: en-GB\n", "Kyiv") == "vocabulary: [Kyiv]\nlanguage: en-GB\n"
    assert added("language: en-GB", "C#") == 'language: en-GB\nvocabulary:\n  - "C#"\n'
    assert added("vocabulary:\n- Kyiv\r\n", "Odesa") == "vocabulary:\n- Kyiv\r\n- Odesa\r\n"


def test_add_word_writes_a_file_that_parses_and_refuses_what_it_cannot_edit(tmp_path):
    cfg = tmp_path / ".newslint.yaml"
    add_word(cfg, "Zelenskyy")  # no config yet: a new one
    assert cfg.read_text(encoding="utf-8") == "vocabulary:\n  - Zelenskyy\n"
    add_word(cfg, "Zelenskyy")  # already there: unchanged
    assert cfg.read_text(encoding="utf-8") == "vocabulary:\n  - Zelenskyy\n"
    cfg.write_text("vocabulary: words.txt\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="word file"):
        add_word(cfg, "Kyiv")
    cfg.write_text("vocabulary: [Kyiv,\n  Odesa]\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="by hand"):
        add_word(cfg, "Lviv")
    assert cfg.read_text(encoding="utf-8") == "vocabulary: [Kyiv,\n  Odesa]\n"
    assert [p.name for p in tmp_path.iterdir()] == [".newslint.yaml"]  # no temporary file left behind
