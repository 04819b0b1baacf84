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


def test_british_speech_in_straight_single_quotes():
    text = ("Outside the court, Mr Hale said: 'They were cowards, and the board's lawyer sneered at us.'\n\n"
            "'It is over,' he added. 'We will appeal.'\n\n"
            "The board's lawyer did not reply, and the hearing's 'rules' stay as they were.\n")
    doc = parse(text, "a.md")
    for word in ("cowards", "sneered", "It is over", "appeal"):
        assert doc.in_quote(text.index(word)), word
    # an apostrophe inside the quotation does not close it
    assert doc.in_quote(text.index("lawyer sneered"))
    for word in ("he added", "did not reply", "stay as"):
        assert not doc.in_quote(text.index(word)), word


def test_single_quote_speech_keeps_elisions_inside_the_quote():
    text = "He said: 'We 'll see, and I won't rush it 'cause it's hard.' Then he left.\n"
    doc = parse(text, "a.md")
    assert doc.in_quote(text.index("rush"))
    assert doc.in_quote(text.index("hard"))
    assert not doc.in_quote(text.index("Then he left"))


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


# ---------------------------------------------------------------- text pasted one paragraph per line
PASTED = ("Council votes to close two libraries\n"
          "Residents say the branches are the only public rooms left in their wards.\n"
          "By Jane Doe, Local Government Reporter\n"
          "Updated 14 March 2025, 9:30 GMT\n"
          "The council voted on Tuesday to close two branch libraries. The vote was 7-4.\n"
          "The library on North Road has been open since 1962 (Photo: John Roe)\n"
          "Photo: John Roe/Reuters\n"
          "What happens next\n"
          "The closures take effect in March, the library board said.\n"
          "Jane Doe is a reporter covering local government for the Riverside Gazette.\n")


def test_pasted_text_is_read_one_paragraph_per_line_with_exact_offsets():
    doc = parse(PASTED, "page.txt", "text")
    assert doc.per_line
    lines = PASTED.splitlines()
    assert len(doc.blocks) == len(lines)
    for block, line in zip(doc.blocks, lines):
        assert doc.text[block.start:block.end] == line
    body = doc.text.index("The council voted")
    assert [doc.text[s.start:s.end] for s in doc.sentences if s.start >= body][:2] == [
        "The council voted on Tuesday to close two branch libraries.", "The vote was 7-4."]


def test_article_parts_are_recognised():
    doc = parse(PASTED, "page.txt", "text")
    assert [b.kind for b in doc.blocks] == ["heading", "standfirst", "byline", "dateline", "paragraph", "caption",
                                            "credit", "heading", "paragraph", "bio"]
    assert [doc.text[b.start:b.end][:16] for b in doc.body_blocks] == ["The council vote", "The closures tak"]


def test_readability_judges_body_paragraphs_only():
    from lint.readability import document_stats

    stats = document_stats(parse(PASTED, "page.txt", "text"))
    assert stats.paragraphs == 2
    assert stats.words == len("The council voted on Tuesday to close two branch libraries. The vote was 7-4."
                              " The closures take effect in March, the library board said.".split())
    # Read as one paragraph, the same text was one 90-word "paragraph" (the old behaviour).
    assert stats.longest_paragraph_words < 20


def test_hard_wrapped_plain_text_keeps_its_paragraphs():
    text = ("The council voted on Tuesday to close two of the branch libraries in the\n"
            "north of the city, officials said, after a debate that ran for five hours\n"
            "and drew dozens of residents to the chamber.\n\n"
            "The closures take effect in March.\n")
    doc = parse(text, "wrapped.txt", "text")
    assert not doc.per_line
    assert [b.kind for b in doc.paragraphs] == ["paragraph", "paragraph"]
    assert doc.text[doc.blocks[0].start:doc.blocks[0].end].endswith("to the chamber.")


def test_markdown_keeps_its_rules_unless_it_is_a_paste_without_blank_lines():
    md = "The council voted on Tuesday.\nIt closes two libraries.\n\nThe closures take effect in March.\n"
    doc = parse(md, "a.md")
    assert not doc.per_line and len(doc.blocks) == 2
    pasted = "Council votes to close libraries\nThe council voted on Tuesday.\nThe closures take effect in March.\n"
    doc = parse(pasted, "<stdin>")
    assert doc.per_line and [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]


def test_byline_and_dateline_shapes():
    from lint.parts import is_byline, is_dateline

    assert is_byline("By Jane Doe and John Roe | Reuters")
    assert not is_byline("By the end of the year, prices had doubled.")
    assert not is_byline("By 2030 the city wants every bus to be electric")
    assert is_dateline("Nov. 19, 2019 8:03 am ET") and is_dateline("Updated 3 hours ago")
    assert not is_dateline("March 3 is the deadline for entries")
