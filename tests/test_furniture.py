"""Page furniture found by its shape (lint/furniture.py, the clutter pack's furniture rules)."""
import datetime as dt

import lint
from lint.document import parse
from lint.furniture import find_furniture, is_appeal, is_lone_label

DATE = dt.date(2025, 11, 22)

BODY_1 = "The council voted on Tuesday to close two branch libraries, officials said."
BODY_2 = "The closures take effect in March, and the board will meet again in April to set opening hours."


def pieces(text, path="page.txt"):
    doc = parse(text, path, "text" if path.endswith(".txt") else "markdown")
    return [(p.shape, doc.text[p.start:p.end]) for p in find_furniture(doc).pieces]


def findings(text, path="page.txt", rule_prefix=None):
    result = lint.check_text(text, date=DATE, path=path)
    assert result.error is None
    return [f for f in result.findings if rule_prefix is None or f.rule.startswith(rule_prefix)]


def test_navigation_run_is_one_piece_with_exact_span():
    menu = "Home\nNews\nSport\nWeather\nCulture"
    text = f"{menu}\nCouncil votes to close two libraries\n{BODY_1}\n{BODY_2}\n"
    # The headline right under the menu is longer than its items and the article starts
    # under it: it is not one of the menu's items.
    assert pieces(text) == [("navigation", menu)]
    f = [f for f in findings(text) if f.rule == "clutter.navigation-menu"]
    assert len(f) == 1 and (f[0].line, f[0].column, f[0].start) == (1, 1, 0)


def test_headline_and_subheads_between_paragraphs_are_not_furniture():
    text = (f"Libraries to close\n{BODY_1}\nWhat happens next\n{BODY_2}\n"
            "Who decides\nThe board's chair said residents would be consulted before any sale of the buildings.\n")
    assert pieces(text) == []
    assert findings(text, rule_prefix="clutter.") == []


def test_lists_in_the_article_are_not_furniture():
    introduced = ("The council has shortlisted three projects:\nA footbridge over the river\n"
                  "A cycle lane on Station Road\nLonger hours at the pool\n" + BODY_2 + "\n")
    between = (BODY_1 + "\nA footbridge over the river\nA cycle lane on Station Road\nLonger hours at the pool\n"
               + BODY_2 + "\n")
    table = (BODY_1 + "\nLibrary\nVisits\nNorth Road\n12,400\nEast Gate\n9,800\n" + BODY_2 + "\n")
    for text in (introduced, between, table):
        assert pieces(text) == [], text


def test_one_line_paragraph_of_copy_and_short_quote_are_not_furniture():
    text = f"{BODY_1}\n\"Not now,\" the mayor said.\nIt was over.\n{BODY_2}\n"
    assert pieces(text) == []


def test_lone_button_labels():
    text = f"{BODY_1}\nMaybe later\n{BODY_2}\nShare\n"
    assert [p for p in pieces(text)] == [("button", "Maybe later"), ("button", "Share")]
    assert is_lone_label("Not now") and is_lone_label("Sign in")
    assert not is_lone_label("Later")  # an everyday word alone can be a headline


def test_related_links_box_ends_where_the_article_resumes():
    box = ("Most read\nFerry service cut after storm damage\nCrews spent the weekend clearing the harbour wall.\n"
           "Hospital car park charges scrapped")
    text = f"{BODY_1}\n{box}\n{BODY_2}\nThe board's chair said residents would be consulted first.\n"
    assert pieces(text) == [("related-links", box)]


def test_comment_section_with_posts_and_handles():
    thread = ("48 comments\nriverside_reader says:\n3 hours ago\nThey never listen to residents.\nReply\n"
              "@parkwalker\n2 hours ago\nThe library is all we have here.\nReply")
    text = f"{BODY_1}\n{BODY_2}\n{thread}\n"
    assert pieces(text) == [("comments", thread)]


def test_comment_count_near_the_byline_does_not_start_a_thread():
    text = f"Libraries to close\nBy Jane Doe\n12 comments\n{BODY_1}\n{BODY_2}\n"
    assert [p for p in pieces(text) if p[0] == "comments"] == []


def test_footer_and_cookie_notice():
    text = (f"We use cookies to improve your experience. By continuing you agree to our use of cookies.\nAccept all\n"
            f"{BODY_1}\n{BODY_2}\nContact us\nPrivacy Policy\n© 2025 Riverside Media Group Ltd. All rights reserved.\n")
    found = pieces(text)
    assert found[0][0] == "cookie-notice" and found[0][1].endswith("Accept all")
    assert found[-1] == ("footer", "© 2025 Riverside Media Group Ltd. All rights reserved.")
    # Alone after the copy, a copyright line may be a wire service's notice: not a footer.
    assert pieces(f"{BODY_1}\n{BODY_2}\n© 2025 Riverside Wire Service. All rights reserved.\n") == []


def test_appeal_shape():
    assert is_appeal("If you value what we do, please make a small donation today.")
    assert is_appeal("Sign up for our free morning briefing and get the news in your inbox.")
    assert not is_appeal("If you want a library card, you can register at any branch.")
    assert not is_appeal("“We need our members to support our core goals,” the union leader said.")


APPEAL = ("Before you go\nWe rely on readers like you to keep our reporting free for everyone.\n"
          "Every gift helps us, whatever its size. Will you join us today?\n12,408 of 15,000 members\n"
          "Become a member\nNot now\n")


def test_appeal_block_is_one_finding_over_the_whole_block():
    text = f"{BODY_1}\n{APPEAL}{BODY_2}\n"
    found = findings(text, rule_prefix="clutter.")
    appeal = [f for f in found if f.rule == "clutter.reader-appeal"]
    assert len(appeal) == 1
    f = appeal[0]
    assert f.start == text.index("Before you go") and f.end == text.index(BODY_2)
    assert f.match == APPEAL and f.fix == ""
    # The phrase rules' findings inside the block are not repeated next to it.
    assert [g.rule for g in found] == ["clutter.reader-appeal"]


def test_fix_deletes_the_appeal_block_in_one_edit():
    text = f"{BODY_1}\n{APPEAL}{BODY_2}\n"
    fixed, applied = lint.fix_text(text, date=DATE, path="page.txt")
    assert fixed == f"{BODY_1}\n{BODY_2}\n"
    assert [a.rule for a in applied] == ["clutter.reader-appeal"]


def test_other_rules_do_not_proofread_furniture():
    box = "Most read\nMayor slams horrific plan\nCrews clear the harbour wall\nFerry service cut after storm"
    text = f"{BODY_1}\n{box}\n{BODY_2}\nThe board's chair said residents would be consulted first.\n"
    rules = {f.rule for f in findings(text)}
    assert "clutter.related-links" in rules
    assert not any(r.startswith("loaded-language.") for r in rules)
    # The same headline in the body is checked as usual.
    plain = findings(f"{BODY_1}\nMayor slams horrific plan\n{BODY_2}\n")
    assert any(f.rule.startswith("loaded-language.") for f in plain)


def test_markdown_draft_with_blank_lines_is_left_alone():
    text = f"# Libraries to close\n\n{BODY_1}\n\n## What happens next\n\n{BODY_2}\n"
    assert pieces(text, "draft.md") == []


def test_article_head_under_a_menu_is_the_articles_and_dates_it():
    text = ("Home\nNews\nSport\nWeather\nCouncil votes to close two libraries\nBy Jane Doe\nMarch 14, 2025\n"
            f"{BODY_1}\n{BODY_2}\n")
    assert pieces(text) == [("navigation", "Home\nNews\nSport\nWeather")]
    result = lint.check_text(text, path="page.txt")
    assert (result.date, result.date_source) == (dt.date(2025, 3, 14), "dateline")


def test_long_menu_between_paragraphs_is_still_a_menu():
    menu = "\n".join(["Money", "Personal Finance", "Retirement", "Tax Planning", "Credit & Debt", "Insurance",
                      "Savings", "Small Business", "Energy", "Climate Change", "Markets", "Bonds", "Retail"])
    text = f"{BODY_1}\n{menu}\n{BODY_2}\n"
    assert pieces(text) == [("navigation", menu)]


def test_a_widget_label_with_a_colon_does_not_introduce_a_list():
    links = "Mutual Funds:\nGrowth Fund\nIncome Fund\nIndex Fund"
    # The label is the widget's header and goes with it.
    assert pieces(f"{BODY_1}\n{BODY_2}\n{links}\n") == [("navigation", links)]


def test_comment_headers_in_brackets_and_ranked():
    posts = "riverreader\n2 days ago at 07:52\nThey never listen.\nRating: 12 Votes\nparkwalker\n2 days ago at 08:10\nAgreed."
    for head in ("[ 167 comments ]", "Top Rated Comments"):
        assert pieces(f"{BODY_1}\n{BODY_2}\n{head}\n{posts}\n") == [("comments", f"{head}\n{posts}")]


def test_paragraphs_between_ad_slots_are_copy():
    # An article broken up by ad markers: each paragraph sits alone between two labels, which
    # is not the shape of a teaser (a teaser sits under a headline).
    third = "Residents at the meeting asked why the smaller branch was chosen over the central one."
    text = (f"Libraries to close\n{BODY_1}\nAdvertisement\n{BODY_2}\nAdvertisement\nThe vote was close.\n"
            f"Advertisement\n{third}\nAdvertisement\n{BODY_1}\n")
    assert pieces(text) == [("button", "Advertisement")] * 4


def test_teasers_between_headlines_are_still_found():
    links = ("Most read\nFerry service cut after storm damage\nHarbour wall repairs begin\n"
             "Crews spent the weekend clearing debris from the harbour wall.\nHospital car park charges scrapped\n"
             "New ward opens\nThe ward has twenty beds and opens to patients next month.\nSchool run traffic plan")
    text = f"{BODY_1}\n{BODY_2}\n{links}\n"
    assert [p[0] for p in pieces(text)] == ["related-links"]


def test_sentence_broken_at_its_links_is_copy():
    # A page that puts each link of a sentence on a line of its own: the short lines are the
    # middle of one sentence, not a menu.
    text = ("Fares rise again\nBus fares in the city have risen faster than wages, and ridership is now lower than on the\n"
            "Central Line\nand\nRiver Line\nten years ago, the report found.\nWhat comes next\n" + BODY_2 + "\n")
    assert pieces(text) == []


def test_menu_under_a_widget_header_is_navigation_with_its_header():
    menu = "Our papers around the region:\nNorth Gazette\nValley Times\nCoast Herald\nSearch"
    text = f"{menu}\nTwo branch libraries to close in March\n{BODY_1}\n{BODY_2}\n"
    assert pieces(text) == [("navigation", menu)]


def test_list_introduced_by_a_sentence_of_the_article_is_not_a_menu():
    # The introducing line is a clause of the article, whatever is around it.
    text = ("Libraries to close\nIn this guide we look at three questions:\nWhere the books will go\n"
            "Who keeps the buildings\nWhen the vote takes place\n")
    assert pieces(text) == []
    short_intro = f"{BODY_1}\nThe options:\nSell the buildings\nLease them to a charity\nKeep them empty\n{BODY_2}\n"
    assert pieces(short_intro) == []


def test_short_line_between_two_pieces_of_furniture_goes_with_them():
    text = (f"{BODY_1}\n{BODY_2}\nShare\nFacebook\nEmail\nLink saved!\nMost read\nFerry service cut after storm damage\n"
            "Harbour wall repairs begin\nHospital car park charges scrapped\n")
    covered = " ".join(t for _, t in pieces(text))
    assert "Link saved!" in covered and BODY_2 not in covered


def test_subhead_between_ad_slots_is_copy():
    text = f"{BODY_1}\nAdvertisement\nWhat happens next\nAdvertisement\n{BODY_2}\n"
    assert pieces(text) == [("button", "Advertisement")] * 2


def test_patterned_list_of_the_article_ends_where_the_page_menu_starts():
    dates = ("June 9 -- Riverside Hall, Leeds\nJune 12 -- The Corn Exchange, Bath\nJune 15 -- Harbour Arena, Hull\n"
             "June 18 -- Castle Green, Taunton\nJune 21 -- The Old Market, Hove")
    menu = "Puzzles\nReader Services\nBack Issues\nPicture Desk\nVacancies\nSitemap"
    text = f"{BODY_1}\nThe tour dates are:\n{dates}\n{menu}\n"
    assert pieces(text) == [("navigation", menu)]
    # Two items of one pattern are not a list clear enough to split off: left alone.
    short = "Games in this review\nRiver Quest: The Lost Map\nRiver Quest: The Lost Map Review"
    assert pieces(f"{BODY_1}\nThe tour dates are:\n{short}\n{menu}\n") == []


def test_legal_text_under_a_copyright_line_is_not_the_article_around_a_menu():
    links = "Help\nWork for us\nAdvertise\nNewsletters\nOur apps\nAccessibility"
    text = (f"{BODY_1}\n{BODY_2}\n{links}\n© 2025 Example Media Inc. All rights reserved.\n"
            "Example Sports is a registered trademark of Example Broadcasting Inc., used under licence.\n")
    assert [p[0] for p in pieces(text)] == ["navigation", "footer"]


def test_live_updates_with_times_and_paragraphs_are_copy():
    # Entries of live coverage: a time and a subhead over paragraphs of copy.
    entry = ("10:32 a.m.\nCouncil opens the debate\n{0}\n{1}\n")
    text = "Library closures: live\n" + "".join(entry.format(BODY_1, BODY_2) for _ in range(3))
    assert [p for p in pieces(text) if p[0] != "button"] == []


def test_table_head_with_figures_under_it_is_copy():
    # A table pasted a cell per line: its head is a run of short labels, and its rows bring
    # figures and short notes that are not paragraphs.
    table = ("Branch\nLoans\nVisits\nChange\nNorth Road\n12,400\n31,000\n-4%\nFigures for the year to March.\n"
             "East Gate\n9,800\n22,500\n+2%\nOpened a new wing.\nHill Street\n4,100\n8,700\n-9%\nClosed in May.")
    text = f"Libraries to close\n{BODY_1}\n{table}\n{BODY_2}\n"
    assert pieces(text) == []


def test_ranked_most_read_list_is_still_found():
    box = ("Most read\n1\nFerry service cut after storm damage\n2\nHospital car park charges scrapped\n3\n"
           "School run traffic plan delayed\n4\nNew cycle lane opens on Station Road")
    text = f"{BODY_1}\n{BODY_2}\n{box}\nCopyright 2025 Example Media. All rights reserved.\nPrivacy Policy\n"
    covered = "\n".join(t for _, t in pieces(text))
    assert "Hospital car park charges scrapped" in covered and "New cycle lane" in covered


def test_dateline_place_under_the_date_line_is_the_articles():
    text = f"Home\nNews\nSport\nWeather\nNovember 18, 2025\nLeeds\n{BODY_1}\n{BODY_2}\n"
    assert pieces(text) == [("navigation", "Home\nNews\nSport\nWeather")]


def test_print_and_network_buttons_are_labels():
    from lint.furniture import is_ui_label
    for label in ("Print this article", "Share on Pinterest", "Share by Mail", "Email this story"):
        assert is_ui_label(label), label
    assert not is_ui_label("Print this article before the meeting")


def test_more_link_list_headers():
    for head in ("Popular", "Most read in Sport", "Recent posts", "Featured stories", "More:", "Also read:"):
        box = (f"{head}\nFerry service cut after storm damage\n"
               "Crews spent the weekend clearing the harbour wall.\nHospital car park charges scrapped")
        text = f"{BODY_1}\n{box}\n{BODY_2}\nThe board's chair said residents would be consulted first.\n"
        assert pieces(text) == [("related-links", box)], head
    # A subhead of the article that starts the same way is not a header: the article goes on.
    for subhead in ("Popular with families", "Popular"):
        text = f"{BODY_1}\n{subhead}\n{BODY_2}\nThe board's chair said residents would be consulted first.\n"
        assert pieces(text) == [], subhead


def test_comment_thread_titled_after_the_article():
    thread = ("3 thoughts on “Libraries to close”\nSam Reader\nNovember 18, 2025 at 3:17 pm\n"
              "This is a real loss for the east side of town.\nJo Walker\nNovember 18, 2025 at 5:02 pm\n"
              "Agreed, the branch was always busy on Saturdays.\nAlex Moor\nNovember 19, 2025 at 9:40 am\n"
              "Has anyone asked the council what happens to the building?")
    text = f"{BODY_1}\n{BODY_2}\n{thread}\n"
    assert pieces(text) == [("comments", thread)]
    # A sentence of the article that starts with a count is not a thread's title.
    line = "12 responses to the consultation asked the council to keep the branch open."
    assert pieces(f"{BODY_1}\n{line}\n{BODY_2}\n") == []


def test_headline_between_menu_and_share_bar_is_the_articles():
    menu = "Home\nNews\nSport\nWeather"
    text = f"{menu}\nCouncil votes to close two libraries\nShare\nFacebook\nTwitter\n{BODY_1}\n{BODY_2}\n"
    assert pieces(text) == [("navigation", menu), ("navigation", "Share\nFacebook\nTwitter")]
    text = f"{menu}\nCouncil votes to close two libraries\nBy Jane Doe\nAdvertisement\n{BODY_1}\n{BODY_2}\n"
    assert pieces(text) == [("navigation", menu), ("button", "Advertisement")]


def test_bare_numbers_and_lone_function_words_are_left_out_of_pieces():
    # A "most read" list numbers its headlines: the ranks are small numbers that an article
    # has too, so they split the list instead of going with it. So does a lone function word.
    ranked = ("Most Read\n1\nFerry timetable changes from Monday\n2\nHarbour car park to reopen\n"
              "3\nSchool wins regional chess final\n")
    text = f"{BODY_1}\n{BODY_2}\n{ranked}"
    got = pieces(text)
    assert [shape for shape, _ in got] == ["related-links"] * 4
    assert [span for _, span in got] == ["Most Read", "Ferry timetable changes from Monday",
                                         "Harbour car park to reopen", "School wins regional chess final"]
    menu = "Home\nNews\nby\nSport\nWeather\n"
    assert pieces(f"{menu}{BODY_1}\n{BODY_2}\n") == [("navigation", "Home\nNews"), ("navigation", "Sport\nWeather")]


def test_no_evidence_lines():
    from lint.furniture import no_evidence

    assert no_evidence("3") and no_evidence("148") and no_evidence(" the ") and no_evidence("and") and no_evidence("h")
    # Larger figures, amounts, symbols and words of content are evidence like any other line.
    for text in ("2019", "12,408", "$139", "•", "X", "Sport", "The", "news", "by Jane Roe"):
        assert not no_evidence(text), text


def test_a_block_keeps_its_numbers():
    # An appeal is one finding from its first line to its last, so --fix deletes it whole:
    # a bare number inside it (a countdown) does not split it as it splits a list.
    appeal = ("Will you chip in today? Readers like you keep our newsroom going.\n5\n"
              "Days to go\nDonate now")
    text = f"{BODY_1}\n{appeal}\n{BODY_2}\nThe board meets again in April, a spokesman said.\n"
    assert pieces(text) == [("appeal", appeal)]


def test_messages_count_lines_in_words():
    menu = "Home\nNews\n7\nSport\n12\nWeather\nCulture\n"
    got = [f.message for f in findings(f"{menu}{BODY_1}\n{BODY_2}\n", rule_prefix="clutter.navigation-menu")]
    assert got == ["a page's menu or link list (2 lines, starting 'Home'), not copy; delete it",
                   "a page's menu or link list (1 line, starting 'Sport'), not copy; delete it",
                   "a page's menu or link list (2 lines, starting 'Weather'), not copy; delete it"]


MENU = "Home\nNews\nSport\nWeather\nCulture"


def test_hard_wrapped_paragraphs_are_copy_not_a_menu():
    # A page whose paragraphs are broken every few dozen characters (its source was
    # hard-wrapped): the lines are short and most do not end like sentences, but each
    # sentence goes on in lower case on the next line.
    wrapped = ("The ferry company said the new timetable would\n"
               "start in the spring, once the harbour works are\n"
               "finished and the second berth has been tested\n"
               "by the port authority. Passengers with season\n"
               "tickets will keep their fares until the end of\n"
               "the year, a spokeswoman said.\n")
    text = f"{MENU}\nFerry timetable to change in spring\n{wrapped}{BODY_2}\n"
    assert pieces(text) == [("navigation", MENU)]


def test_code_in_the_article_is_not_a_menu():
    code = ("def total(prices):\n    subtotal = sum(prices)\n    return round(subtotal * 1.2, 2)\n"
            "<div class=\"total\">\n</div>\n")
    text = f"{BODY_1}\n{code}{BODY_2}\nThe script is short, and the council has published it in full online.\n"
    assert pieces(text) == []


def test_a_menu_with_lower_case_items_is_still_a_menu():
    # Items in lower case are not a sentence going on: each is a few words long.
    menu = "The Learning Network\ntools & services\nbooks and podcasts\ncrossword and games\nphoto archive"
    text = f"{BODY_1}\n{BODY_2}\n{menu}\n"
    assert [shape for shape, _ in pieces(text)] == ["navigation"]


def test_long_paragraphs_about_cookies_and_donating_things_are_copy():
    cookies = ("Most shopping sites you visit leave small files in your browser, and the advertising "
               "networks behind them read those cookies on every other site that carries their code, "
               "which lets them follow you from a recipe blog to a bank. Browsers that block third-party "
               "cookies by default cut most of that tracking, the researchers found.")
    donate = ("Once the cupboards are empty, sort what is left into three piles. You can donate the "
              "clothes, sell the furniture online or give the books to a school; whatever you keep "
              "should fit back in the space you cleared. Take a photo of the piles first, so that you "
              "remember how much there was before you start buying again.")
    text = f"{BODY_1}\n{cookies}\n{donate}\n{BODY_2}\n"
    assert pieces(text) == []
    # The banner and the appeal themselves are still found.
    banner = "We use cookies to improve your experience. By continuing you agree to our use of cookies."
    appeal = "If you value our reporting, please donate today to keep it free for everyone."
    assert [s for s, _ in pieces(f"{BODY_1}\n{BODY_2}\n{banner}\n{appeal}\n")] == ["cookie-notice", "appeal"]


def test_comments_button_above_the_byline_is_not_a_thread():
    text = ("Print Article\nComments\nStrikers walk out at the port\nBy Jane Doe\nMarch 18 at 12:22 PM\n"
            "Follow @janedoe\n" + f"{BODY_1}\n{BODY_2}\n")
    assert "comments" not in [s for s, _ in pieces(text)]


def test_table_of_figures_next_to_the_article_is_copy():
    # A fact box pasted a cell per line, under the last paragraph and over the page's footer
    # menu: the article is on one side only, but its figures make it a table, not a menu.
    table = "Turnout\n64.2%\nSeats won\n1,204\nVotes cast\n28,455\nCouncils held\n12.5%"
    footer = "About us\nContact\nCareers\nAdvertise"
    text = f"{BODY_1}\n{BODY_2}\n{table}\n{footer}\n"
    assert table not in [body for _, body in pieces(text)]
    assert not any(p[1].startswith("Turnout") for p in pieces(text))
    # The same shape among the page's menus, with no article next to it, is a widget.
    widget = "Trade-in prices\niPhone 8\n$151.00\niPhone X\n$229.00\niPhone 11\n$364.00"
    page = f"{MENU}\n{widget}\n{footer}\n"
    assert any("$229.00" in body for _, body in pieces(page))


def test_sentences_ending_in_reference_marks_are_sentences():
    notes = "The mill closed in 1987.[4]\nIt reopened as a museum.[5][6]\nEntry is free.[citation needed]"
    footer = "About us\nContact\nCareers\nAdvertise"
    text = f"{BODY_1}\n{BODY_2}\n{notes}\n{footer}\n"
    assert pieces(text) == [("navigation", footer)]


def test_table_of_contents_that_comes_back_as_subheads_is_the_articles():
    contents = "What the council decided\nWhere the money goes\nWho loses out"
    text = (f"{MENU}\nLibraries to close in spring\n{contents}\nWhat the council decided\n{BODY_1}\n"
            f"Where the money goes\n{BODY_2}\nWho loses out\n"
            "Readers in the two villages will have to travel to the town centre, the report said.\n")
    assert pieces(text) == [("navigation", MENU)]
    # A site's menu repeated in the footer is still a menu: its items are not subheads there.
    assert [s for s, _ in pieces(f"{MENU}\n{BODY_1}\n{BODY_2}\n{MENU}\n")] == ["navigation", "navigation"]


def test_link_list_ends_at_the_articles_photo():
    # "Up next" over one teaser, then the article's photo (caption, credit) and its first
    # paragraph with an ad slot after it: the list ends before the photo.
    text = (f"{MENU}\nUp Next\nWhy the ferry fares went up again\n"
            "The new library on Station Road, which opened last year.\nPhoto by Jane Doe/Reuters\n"
            f"{BODY_1}\nAdvertisement\nSponsored by a bank\n{BODY_2}\n"
            "The board will publish its plans in the autumn, after a public consultation.\n")
    found = pieces(text)
    assert ("related-links", "Up Next\nWhy the ferry fares went up again") in found
    assert not any(BODY_1 in body for _, body in found)


def test_a_donation_in_us_dollars_is_not_an_appeal_and_a_date_line_stays_the_articles():
    assert not is_appeal("In 2008 the chief executive donated US$1,000 to a campaign against the measure, "
                         "a gift that became public knowledge six years later and led to protests outside "
                         "the company's offices in three cities, and to his resignation within a fortnight.")
    text = (f"Ferry fares to rise\nFeb. 21, 2019\nGet our morning briefing in your inbox.\n{BODY_1}\n{BODY_2}\n")
    found = pieces(text)
    assert ("appeal", "Get our morning briefing in your inbox.") in found


def test_lower_case_items_that_start_alike_are_a_menu_not_a_broken_sentence():
    editions = ("Make a contribution\nSubscribe\nUK edition\nswitch to the United States edition\n"
                "switch to the Australia edition\nswitch to the International edition\nSearch jobs")
    text = f"{editions}\nFerry fares to rise in spring\n{BODY_1}\n{BODY_2}\n"
    found = pieces(text)
    assert any("switch to the Australia edition" in body for _, body in found), found
    assert not any(BODY_1 in body for _, body in found)
