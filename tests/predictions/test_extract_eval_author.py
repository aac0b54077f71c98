"""The evaluation's author check (``benchmarks/extract_eval.py``: ``author_right``, ``names``), on hand-made labels.

The labels, the candidates' authors and the expected verdicts are written for this file by hand, from the check's
definition in the module docstring of ``benchmarks/extract_eval.py``; none is copied from the labelled set.
"""

from __future__ import annotations

from typing import Any

from benchmarks.extract_eval import Label, author_right, names, score_text


def _label(author: str | None, words: str | None) -> dict[str, Any]:
    return {"author": author, "author_words": words}


def test_null_author_words_want_no_other_speaker_or_the_labelled_one() -> None:
    label = _label("Acme Research (Quarterly Outlook)", None)
    assert author_right(None, label)  # the text's own voice stands
    assert author_right("Acme Research", label)  # or the extractor names the text's author itself
    assert not author_right("Jane Doe", label)  # someone else
    assert not author_right("The oil price", label)  # a noun phrase read as a speaker


def test_a_name_in_author_words_must_be_named() -> None:
    label = _label("Paul Jones, chief economist at Northbank", "Paul Jones")
    assert author_right("Paul Jones", label)
    assert author_right("Mr. Jones", label)  # the title goes, the surname is among the name's words
    assert author_right("Mr Jones's", label)  # and a possessive
    assert not author_right(None, label)  # the text's voice is not Mr Jones
    assert not author_right("Northbank", label)  # who he works for is cut off the author's head at the comma
    assert not author_right("Paul Smith", label)


def test_groups_and_their_quantifiers() -> None:
    label = _label("FOMC participants", "most participants")
    assert author_right("Participants", label)
    assert author_right("Some participants", label)  # the quantifier differs, the group is the same
    assert not author_right("Several members", label)
    assert not author_right(None, label)
    elliptic = _label("business contacts", "many")
    assert author_right("Many", elliptic)  # words that are only a quantifier are kept as they are
    assert author_right("business contacts", elliptic)
    assert not author_right("Other", elliptic)


def test_third_person_pronouns_are_the_labelled_author() -> None:
    label = _label("Federal Reserve Board staff", "they")
    assert author_right("The staff", label)  # a body's generic name names a party whose name holds it
    assert not author_right(None, label)  # the pronoun is not the text's voice
    assert not author_right("They", label)  # nor the pronoun itself


def test_first_person_is_the_voice_outside_news_and_a_quoted_speaker_in_news() -> None:
    speech = _label("Ann Lee (Governor, Central Bank of Ruritania)", "I")
    assert author_right(None, speech)  # a speech's "I" is the text's author
    assert author_right("Governor Lee", speech)  # in a transcript, the member speaking
    assert not author_right("Mr. Brown", speech)  # another member's turn
    quoted = _label("Tom Reed, analyst at Oilwatch (as reported by a news service)", "we")
    assert not author_right(None, quoted, news=True)  # a quoted speaker: the news organisation does not predict
    assert author_right("Tom Reed", quoted, news=True)
    assert not author_right("a news service", quoted, news=True)  # the parentheses' "as reported by" is no alias


def test_acronyms_and_names_spelled_out_in_parentheses() -> None:
    assert names("IMF", "International Monetary Fund")
    assert names("International Monetary Fund", "IMF")
    assert not names("IMF", "International Energy Agency")
    label = _label("FOMC (Federal Open Market Committee)", "the Committee")
    assert author_right("The Federal Open Market Committee", label)
    assert author_right("The Committee", label)
    assert author_right("FOMC", label)
    assert not author_right("The Board", label)


def test_score_text_counts_author_right_over_true_candidates() -> None:
    text = "Growth will slow next year, the staff said. Mr. Fox expects prices to fall. Rain fell."
    s1, s2 = "Growth will slow next year, the staff said.", "Mr. Fox expects prices to fall."
    labels = [
        Label(s1, 0, len(s1), {"author": "Board staff", "author_words": "the staff", "deadline": None}),
        Label(
            s2,
            text.index(s2),
            text.index(s2) + len(s2),
            {"author": "Sam Fox", "author_words": "Mr. Fox", "deadline": None},
        ),
    ]
    candidates = [
        {"quote": s1, "statement": "Growth will slow.", "author": "The staff"},  # right
        {"quote": s2, "statement": "Prices will fall.", "author": None},  # wrong: Mr. Fox is not named
        {"quote": "Rain fell.", "statement": "Rain fell.", "author": None},  # false: not counted
    ]
    counts = score_text(text, labels, candidates)
    assert (counts["true_candidates"], counts["author_right"]) == (2, 1)
