"""The document model: prose mask, exact positions, blocks, sentences and quotations."""
from lint.document import DocumentError, decode, parse

import pytest


def prose_of(doc, needle):
    i = doc.text.index(needle)
    return doc.prose[i:i + len(needle)]


def test_front_matter_is_metadata_not_prose():
    doc = parse("---\ntitle: Dictator\ndate: 2025-11-22\n---\nBody text.\n", "a.md")
    assert doc.metadata["title"] == "Dictator"
    assert "Dictator" not in doc.prose
    assert doc.prose.index("Body") == doc.text.index("Body")


def test_bad_front_matter_names_the_line():
    with pytest.raises(DocumentError, match=r"a.md:3: bad front matter"):
        parse("---\ntitle: ok\nbad: [unclosed\n---\nBody.\n", "a.md")


def test_code_urls_links_html_are_masked_but_offsets_kept():
    text = ("See [the report](https://example.com/r) and `inline code` here.\n\n"
            "```\nfenced teh code\n```\n\n<span class=\"x\">Tagged</span> visit https://a.example/b?c=d now."
            " <!-- a comment --> Mail ed@example.org.\n")
    doc = parse(text, "a.md")
    assert len(doc.prose) == len(text)
    assert "https" not in doc.prose and "inline code" not in doc.prose
    assert "fenced" not in doc.prose and "span" not in doc.prose and "comment" not in doc.prose
    assert "ed@example" not in doc.prose
    assert prose_of(doc, "the report") == "the report"
    assert prose_of(doc, "Tagged") == "Tagged"


def test_markdown_markup_is_masked():
    doc = parse("## A *bold* claim\n\n> quoted line\n\n- item one\n", "a.md")
    assert "#" not in doc.prose and ">" not in doc.prose and "*" not in doc.prose and "-" not in doc.prose
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "blockquote", "list-item"]


def test_positions_with_crlf_bom_tabs_and_emoji():
    raw = "\ufeffFirst line 😀\r\n\tSecond\tline word\r\nThird\n".encode("utf-8")
    text = decode(raw, "x.md")
    assert not text.startswith("\ufeff")
    doc = parse(text, "x.md")
    assert doc.line_col(text.index("word")) == (2, 14)
    assert doc.line_col(text.index("Third")) == (3, 1)
    assert doc.line_col(text.index("😀")) == (1, 12)
    assert doc.line_col(text.index("😀") + 1) == (1, 13)  # one code point, not two UTF-16 units


def test_binary_and_non_utf8_are_clear_errors():
    with pytest.raises(DocumentError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "img.md")
    with pytest.raises(DocumentError, match=r"bad.txt:2: not valid UTF-8"):
        decode("line one\ncaf\xe9\n".encode("latin-1"), "bad.txt")


def test_sentences_respect_abbreviations_and_initials():
    doc = parse("Mr. Smith met Gen. Jones in the U.S. capital on Nov. 3. John F. Kennedy was not there. "
                "Was it late? Yes.\n", "a.md")
    sentences = [doc.text[s.start:s.end] for s in doc.sentences]
    assert sentences == ["Mr. Smith met Gen. Jones in the U.S. capital on Nov. 3.",
                         "John F. Kennedy was not there.", "Was it late?", "Yes."]


def test_straight_and_curly_quotes():
    doc = parse('He said "the plan is a disaster" and left. She called it “a triumph” today.\n', "a.md")
    quotes = [doc.text[q.start:q.end] for q in doc.quotes]
    assert quotes == ['"the plan is a disaster"', "“a triumph”"]
    assert doc.in_quote(doc.text.index("disaster"))
    assert not doc.in_quote(doc.text.index("left"))


def test_newspaper_multi_paragraph_quote():
    text = ('"The first paragraph of the quote has no closing mark.\n\n'
            '"The second one does not either.\n\n'
            '"The last one closes it," she said. Then the narrative resumes.\n')
    doc = parse(text, "a.md")
    for word in ("first", "second", "last"):
        assert doc.in_quote(text.index(word)), word
    assert not doc.in_quote(text.index("narrative"))
    assert not doc.in_quote(text.index("she said"))


def test_apostrophes_are_not_quotes_but_headline_single_quotes_are():
    doc = parse("# Minister 'will not resign' over leak\n\nThe minister's aides didn't comment.\n", "a.md")
    assert doc.in_quote(doc.text.index("will not"))
    assert not doc.in_quote(doc.text.index("aides"))


def test_blockquote_and_heading_contexts():
    doc = parse("# Headline words\n\n> Quoted block words\n\nBody words.\n", "a.md")
    assert "headings" in doc.contexts(doc.text.index("Headline"))
    assert "blockquotes" in doc.contexts(doc.text.index("Quoted"))
    assert doc.contexts(doc.text.index("Body")) == frozenset()


def test_comment_thread_runs_to_the_end():
    doc = parse("Story text.\n\n12 comments\n\nWhat a terrible mayor.\n", "a.txt", "text")
    assert "comments" in doc.contexts(doc.text.index("terrible"))
    assert "comments" not in doc.contexts(doc.text.index("Story"))


def test_plain_text_title_is_a_heading_and_markup_is_kept():
    doc = parse("Council votes on budget\n\nThe *council* voted.\n", "a.txt", "text")
    assert doc.blocks[0].kind == "heading"
    assert "*council*" in doc.prose


def test_empty_document():
    doc = parse("", "empty.md")
    assert doc.blocks == [] and doc.sentences == [] and doc.line_col(0) == (1, 1)
