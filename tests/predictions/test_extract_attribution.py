"""Whom a prediction belongs to (``restate.find_speaker`` and the walk over a text), by the shape that names them.

Every sentence here is written for this file (in the register of central-bank minutes and statements, outlooks and
news), not copied from the labelled set; the expected author is worked out by hand from the labelling guide's
``author`` (whose prediction it is: the person or body the sentence attributes it to, else the text's author), with
near-misses: a name that is not the speaker ("Sales at Acme will rise"), a participle or a noun that looks like a
verb of saying ("With exports projected to slow", "The wheat price forecast for next season").
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates
from predictions.extract.restate import find_speaker

DAY = date(2026, 3, 10)


def _name(sentence: str, *, last: str | None = None, author: str | None = None) -> str | None:
    found = find_speaker(sentence, last_speaker=last, author=author)
    return found.name or None if found is not None else None


# A participle, an adjective or a noun is no verb of saying: no one is named, the text's author predicts.
@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("With exports projected to slow, the firm's profits will fall next year."),
        pytest.param("And with wages expected to climb through 2027, prices will rise faster than rents."),
        pytest.param("The wheat price forecast for next season is $6 a bushel."),
        pytest.param("After climbing an estimated 8 percent this year, rents will ease in 2027."),
        pytest.param("The steel output forecast envisages a sharp fall in demand next year."),
        pytest.param("And the recent rise in defaults suggests that lending will tighten next year."),
        pytest.param("Other reports indicate that output will fall next year."),
        "Sales at Acme will rise next year.",
    ],
)
def test_a_participle_or_a_noun_names_no_speaker(sentence: str) -> None:
    assert _name(sentence) is None


def test_having_said_that_is_no_speaker_and_we_is_the_author() -> None:
    assert _name("Having said that, we think rates will fall next year.", author="Acme Bank") == "Acme Bank"


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Acme estimated that sales would rise 5 percent next year.", "Acme"),
        ("Analysts at Northbank expected that exports would slow next year.", "Analysts at Northbank"),
        ("Acme's sales will rise next year, the firm said.", "The firm"),
    ],
)
def test_real_speakers_near_the_participles_stay(sentence: str, who: str) -> None:
    assert _name(sentence) == who


# A group that holds the view, inside the sentence (minutes): the group, whatever comes before it.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Although recent data suggested that spending had been weak, most participants expected growth to pick "
            "up later in the year.",
            "Most participants",
        ),
        pytest.param(
            "With growth anticipated to stay above trend, participants generally expected unemployment to fall next "
            "year.",
            "Participants",
        ),
        pytest.param(
            "One participant cited research suggesting that participation would keep falling.",
            "One participant",
        ),
        pytest.param("Another posited that hiring would slow sharply next year.", "Another"),
        ("Most anticipated a gradual decline in the unemployment rate.", "Most"),
        pytest.param(
            "Several others remained concerned that low inflation abroad could erode expectations.",
            "Several others",
        ),
        pytest.param(
            "A few participants pointed out that wage increases were likely to remain restrained.",
            "A few participants",
        ),
        pytest.param("Many saw tight labor markets as likely to push inflation up next year.", "Many"),
        ("In light of weaker demand abroad, the Committee expects that inflation will stay low.", "The Committee"),
        ("Many experts expect the central bank to cut rates next month.", "Many experts"),
        pytest.param(
            "Economists surveyed by Reuters expect the jobless rate to edge up to 4.5 percent.",
            "Economists surveyed by Reuters",
        ),
        pytest.param("Analysts are predicting that oil will reach $90 a barrel next year.", "Analysts"),
    ],
)
def test_a_group_inside_the_sentence_holds_the_view(sentence: str, who: str) -> None:
    assert _name(sentence) == who


@pytest.mark.parametrize(
    "sentence",
    [
        "Most of the increase in prices will come next year.",  # "most of": a share, not a group that speaks
        "Some of the gains are expected to fade next year.",
    ],
)
def test_a_share_is_not_a_group_speaking(sentence: str) -> None:
    assert _name(sentence) is None


# The sentence's subject with a coordinated verb of expecting: "The Committee will ... and anticipates that".
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "The Committee will keep the target range at 4 to 4-1/4 percent and anticipates that rates will stay "
            "low through mid-2027.",
            "The Committee",
        ),
        pytest.param("Acme cut its dividend on Monday and expects sales to fall 5 percent next year.", "Acme"),
    ],
)
def test_the_subject_of_a_coordinated_verb_of_expecting(sentence: str, who: str) -> None:
    assert _name(sentence) == who


@pytest.mark.parametrize(
    "sentence",
    [
        "Sales fell in May and are expected to fall again in June.",  # a passive: no one expects by name
        "Prices rose and exports are projected to slow next year.",
    ],
)
def test_a_coordinated_passive_names_no_one(sentence: str) -> None:
    assert _name(sentence) is None


# "according to", "X says," between commas, names with periods in them
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Prices will rise 5 percent next year, according to the U.S. Department of Agriculture.",
            "U.S. Department of Agriculture",
        ),
        pytest.param("According to the I.M.F., growth will slow to 3 percent in 2027.", "I.M.F."),
        pytest.param("Without new rules, the W.H.O. says, deaths could reach 10 million by 2030.", "W.H.O."),
        pytest.param("By 2030, the agency said, half of new cars will be electric.", "The agency"),
        pytest.param(
            "The head of the Ruritanian Mining Association, Ana Diaz, says output will fall next year.",
            "Ana Diaz",
        ),
        ("A report from the consultancy Gridworks predicts that solar output will double by 2030.", "Gridworks"),
    ],
)
def test_attributions_with_periods_and_between_commas(sentence: str, who: str) -> None:
    assert _name(sentence) == who


def test_a_comma_clause_is_not_an_attribution_between_commas() -> None:
    # "in the spring, analysts said, ..." names analysts; "in the spring, prices rose, and ..." names no one
    assert _name("By the spring, prices rose, and they will rise again next year.") is None


# A pronoun and "in their view" after a group named before: the group.
def test_they_and_in_their_view_are_the_group_named_before() -> None:
    text = (
        "Participants discussed the outlook for spending at length. Most participants expected growth to pick up "
        "next year. They also saw a risk that unemployment could rise next year. In their view, inflation would "
        "return to 2 percent by 2028."
    )
    authors = {c.quote.split()[0]: c.to_claim()["author"] for c in extract_candidates(text, published_on=DAY)}
    assert authors == {"Most": "Most participants", "They": "Most participants", "In": "Most participants"}


def test_the_staff_projection_belongs_to_the_staff() -> None:
    assert _name("In the staff projection, inflation would stay below 2 percent through 2027.") == "The staff"
    assert _name("In the April projection, inflation would stay below 2 percent through 2027.") is None


# Near-misses of the shapes above: a share of a group that speaks, evidence that suggests (the guide's author: its
# authors), a comparison with what a body expects, and a verb between commas whose clause does not predict.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "About two-thirds of them indicated that they expect orders to rise next quarter.",
            "About two-thirds of them",
        ),
        ("Fresh evidence suggests that heat waves will cut crop yields by 2030.", "Fresh evidence"),
        ("If the economy evolves about as the Committee expects, rates will fall next year.", None),
        ("Growth will be 2 percent next year, a path about the same as the one expected in March.", None),
        ("Another reason for the rise, Ms. Grant noted, was the low rate of inflation. It will stay low.", None),
    ],
)
def test_near_misses_of_groups_facts_and_commas(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Participants who submitted longer-run projections generally expected unemployment to fall in 2027.",
            "Participants who submitted longer-run projections",
        ),
        pytest.param(
            "A few participants, who thought the recent readings were noisy, expected inflation to ease next year.",
            "A few participants",
        ),
        pytest.param(
            "Participants continued to view a gradual decline in unemployment as the most likely outcome.",
            "Participants",
        ),
        pytest.param(
            "Members commented that inventory investment was likely to weigh on growth next quarter.",
            "Members",
        ),
        pytest.param(
            "The Committee is concerned that growth might not be strong enough to lower unemployment.",
            "The Committee",
        ),
        pytest.param(
            "Builders in the region are seeing more orders, and builders are also expecting sales to rise next year.",
            "Builders",
        ),
        pytest.param(
            "Now, the Association of Copper Exporting Nations, ACEN, says it might cut output next year.",
            "Association of Copper Exporting Nations",
        ),
        pytest.param(
            "Forecasters at the Agency’s Drought Center expect dry weather to persist through May.",
            "Forecasters at the Agency’s Drought Center",
        ),
    ],
)
def test_groups_with_relative_clauses_views_and_acronyms(sentence: str, who: str) -> None:
    assert _name(sentence) == who


@pytest.mark.parametrize(
    "sentence",
    [
        "Participants who left early missed a presentation; growth will slow next year.",  # no verb of viewing
        "The Committee is concerned with financial stability, and rates will stay at 4 percent.",  # no "that"
        "Now, the Association of Copper Exporting Nations, ACEN, met in Lima; prices will rise next year.",
    ],
)
def test_near_misses_of_relative_clauses_and_acronyms(sentence: str) -> None:
    assert _name(sentence) is None


def _authors(text: str) -> dict[str, str | None]:
    return {c.quote.split()[0].strip('"“'): c.to_claim()["author"] for c in extract_candidates(text, published_on=DAY)}


def test_a_quotation_belongs_to_the_speaker_named_where_it_closes() -> None:
    text = (
        "Oil traders met in London on Monday.\n\n"
        "“I think prices will fall next month, because stocks are high. And demand will stay weak through the "
        "winter,” said Tom Reed, an analyst at Oilwatch.\n\n"
        "Prices rose on Tuesday."
    )
    assert _authors(text) == {"I": "Tom Reed", "And": "Tom Reed"}


def test_a_quotation_reopened_after_he_said_is_the_same_speaker() -> None:
    text = (
        "Jane Cole, the chief economist at Northbank, said on Friday that the year had been hard.\n\n"
        '"Hiring has slowed," she said. "We expect unemployment to rise to 5 percent next year."\n\n'
        "Shares fell."
    )
    assert _authors(text)["We"] == "Jane Cole"


def test_a_sentence_after_a_closed_quotation_is_not_the_quoted_speaker() -> None:
    text = '"Sales are weak," said Ann Lee, the head of Acme.\n\nThe government expects growth to slow next year.'
    assert _authors(text)["The"] == "The government"


@pytest.mark.parametrize(
    ("sentence", "who", "author"),
    [
        pytest.param(
            "Many of our business contacts remain hesitant to hire even though they expect demand to improve soon.",
            "Many of our business contacts",
            None,
        ),
        pytest.param(
            "Builders in the region are busy, and they are also expecting sales to rise next year.",
            "Builders in the region",
            None,
        ),
        pytest.param(
            "The central tendency of the growth forecasts, which assume steady policy, is for growth of 2% in 2027.",
            None,
            None,
        ),
        pytest.param(
            "These projections reflect an expected sharp contraction in the first half of next year.",
            None,
            None,
        ),
        pytest.param(
            "Fuel Agency | Monthly Fuel Outlook 9 Heating oil demand We expect heating oil demand to fall next winter.",
            "Fuel Agency",
            "Fuel Agency",
        ),
        ("Sales slowed in May, and they will slow further next year.", None, None),  # no verb of a view
    ],
)
def test_they_in_the_same_sentence_nouns_before_commas_and_headings(
    sentence: str, who: str | None, author: str | None
) -> None:
    assert _name(sentence, last="Several retailers", author=author) == who


def test_they_after_a_group_opened_by_a_conjunction() -> None:
    sentence = (
        "Although participants had lowered their projections, they continued to expect growth to pick up in 2027."
    )
    assert _name(sentence, last="The staff") == "Participants"


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "In the March 2026 Eurozone staff projections, inflation was expected to fall to 2% in 2027.",
            "Eurozone staff",
        ),
        pytest.param(
            "Growth will slow to 1% in 2027, according to the September 2026 Central Bank staff projections.",
            "Central Bank staff",
        ),
        ("In the April projection, inflation would stay below 2 percent through 2027.", None),  # a time, no owner
    ],
)
def test_a_dated_staff_projection_belongs_to_the_staff(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# The labelling guide makes a survey, a set of projections, a model, data or a market the author when the sentence
# names it as what predicts ("Two new surveys suggest", "These projections foresee", "futures prices imply"): the
# extractor names it too. A fact that suggests ("the recent rise in defaults") is no forecaster (the text's author
# reads it), and "our projections" are the author's.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Three recent surveys suggest that hiring will slow in the spring.",
            "Three recent surveys",
        ),
        pytest.param(
            "These projections see unemployment rising to 5 percent in 2027.",
            "These projections",
        ),
        pytest.param(
            "The scenarios indicate that demand for power could double by 2030.",
            "The scenarios",
        ),
        pytest.param(
            "Regional models indicate that rainfall will be heavy on Tuesday.",
            "Regional models",
        ),
        pytest.param(
            "Other data sources indicate that investment will keep rising next year.",
            "Other data sources",
        ),
        ("The survey indicates that firms will raise prices in the coming months.", "The survey"),
        ("Markets expect the central bank to cut rates twice next year.", "Markets"),
        # near-misses: a fact that suggests, a participle, a noun, the author's own projections
        ("The recent rise in defaults suggests that lending will tighten next year.", None),
        ("With exports projected to slow, the firm's profits will fall next year.", None),
        ("The wheat price forecast for next season is $6 a bushel.", None),
        # readings, which the author interprets: numbers, data (not survey data)
        ("These numbers indicate that inflation will stay high next year.", None),
        ("The incoming data suggest that growth will slow next year.", None),
        ("Survey data suggest that growth will pick up next year.", "Survey data"),
        # a group inside the sentence holds the view, not the surveys its clause cites
        (
            "Although the recent surveys suggested that spending was weak, most participants expected growth to pick "
            "up later in the year.",
            "Most participants",
        ),
    ],
)
def test_surveys_projections_models_and_data_that_predict_are_named(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


def test_our_projections_are_the_authors() -> None:
    assert _name("Our projections indicate that inflation will ease next year.", author="Acme Bank") == "Acme Bank"


# What predicts with its own verbs: surveys and indicators that "point to" or "signal", futures that "imply",
# forecasts that "are predicting", surveys that "suggest" with no "that" (the labelling guide's authors: the surveys,
# the indicators, the market). Near-misses: prices that imply (a fact), readings that point to (the author's), our
# surveys (the author's).
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Futures prices imply that the policy rate will peak at 4 percent in June.",
            "Futures prices",
        ),
        pytest.param(
            "Long-range forecasts are predicting a mild winter across the north.",
            "Long-range forecasts",
        ),
        pytest.param(
            "However, leading indicators continue to signal weaker trade in the coming months.",
            "Leading indicators",
        ),
        pytest.param(
            "In manufacturing, survey indicators pointed to softer hiring over the summer.",
            "Survey indicators",
        ),
        pytest.param(
            "Three recent surveys suggest hiring will slow in the spring.",
            "Three recent surveys",
        ),
        pytest.param(
            "Forward-looking indicators for retail point to a strong holiday season.",
            "Forward-looking indicators for retail",
        ),
        # near-misses: a fact, readings, the author's own surveys, a noun
        ("Higher oil prices imply that inflation will rise next year.", None),
        ("The incoming data point to slower growth next quarter.", None),
        ("These figures signal a turn in the housing market next year.", None),
        ("The latest survey point was weak, and sales will fall next year.", None),
    ],
)
def test_indicators_futures_and_forecasts_that_predict_with_their_own_verbs(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


def test_our_surveys_that_point_to_are_the_authors() -> None:
    assert _name("Our surveys point to firmer hiring next year.", author="Acme Bank") == "Acme Bank"


# A group that holds a view with other verbs ("assert", "caution", "worry", "report that") or other nouns (owners,
# farmers, dealers) and two words before its noun ("Local farm producers"): the group (the guide's author).
# Near-misses: the same words as nouns ("the staff report for", "farmers' worries", "Dealer inventories").
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Some analysts assert that the new tariffs could lift domestic steel output.",
            "Some analysts",
        ),
        pytest.param(
            "Other observers caution that the tariffs could raise costs for builders next year.",
            "Other observers",
        ),
        pytest.param(
            "Store owners worry that cheaper imports will hurt their sales this winter.",
            "Store owners",
        ),
        pytest.param(
            "Local farm producers report that the floods could destroy half of next year's rice crop.",
            "Local farm producers",
        ),
        pytest.param(
            "In the plains, many farmers expect low or no profits from this year's wheat.",
            "Many farmers",
        ),
        pytest.param(
            "Auto dealers in the region expect sales to hold steady over the coming months.",
            "Auto dealers in the region",  # taken already
        ),
        # near-misses: the verbs and nouns used as nouns, a report that is a document
        ("The staff report for the meeting will be published next week.", None),
        ("Farmers' worries about the drought will grow next year.", None),
        ("Dealer inventories will fall next year.", None),
        ("The owners' caution kept prices low, and prices will rise next year.", None),
    ],
)
def test_groups_with_other_verbs_and_nouns_hold_the_view(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# A document named before ", which says" or released "saying that" speaks for its owner, as "A United Nations report
# says" does (the guide's author: the body that owns the report or the projections). Near-misses: "which" after a
# thing that is no document, a report released with no forecast said, a body that released a report of the past.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "That is the finding of a new Northbank report, which also says exports will slow next year.",
            "Northbank",
        ),
        pytest.param(
            "This view is reflected in the June 2026 Eurozone staff projections for the region, which foresee growth "
            "of 1.2% in 2027.",
            "Eurozone staff",
        ),
        pytest.param(
            "The International Labour Office on Monday released a new outlook saying that unemployment will rise "
            "next year.",
            "International Labour Office",
        ),
        pytest.param(
            "The Grain Council Thursday released a revised forecast saying that wheat output will fall 3 percent "
            "next season.",
            "Grain Council",
        ),
        (
            "I will start with the Committee's outlook, which foresees a gradual return of inflation to 2 percent.",
            "The Committee",
        ),
        # near-misses: "which" after no document, a release with no forecast said
        ("Prices rose at the port, which also saw exports slow, and they will fall next year.", None),
        ("The Grain Council released its annual report on Monday, and wheat output will fall next season.", None),
    ],
)
def test_a_document_that_says_speaks_for_its_owner(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# A survey's share of respondents that expects is a group (the guide: the respondents are the author, their share
# the words that name them). Near-misses: a percentage that is the forecast ("inflation of 2 percent expected"), a
# share that is not a group ("3 percent of sales").
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "An estimated 40 percent anticipate a rise in their repair backlog over the next 3 years.",
            "An estimated 40 percent",
        ),
        pytest.param(
            "Repair backlogs at the clinics are growing, and about 70 percent expect them to worsen next year.",
            "About 70 percent",
        ),
        pytest.param(
            "We estimate that 65 percent of the surveyed firms expect higher costs next year.",
            "65 percent of the surveyed firms",
        ),
        # near-misses: the percentage is the forecast, or a share of no group
        ("Inflation of 2 percent expected for next year would be welcome.", None),
        ("Exports rose 3 percent, and sales will rise 5 percent next year.", None),
    ],
)
def test_a_share_of_respondents_that_expects_is_the_group(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# A group named with where it is: "here in Rotterdam", "in Denver and Salt Lake City" (the guide's author: the group,
# with its place). Near-misses: a place after a thing that does not speak.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Energy traders here in Rotterdam do not expect big price rises this winter.",
            "Energy traders here in Rotterdam",
        ),
        pytest.param(
            "Overall, contacts in Denver and Salt Lake City expect sales to grow in the next few months.",
            "Contacts in Denver and Salt Lake City",
        ),
        ("Sales here in Denver will rise next year.", None),
        ("Prices in Denver and Dallas are expected to rise next year.", None),
    ],
)
def test_a_group_named_with_its_place_holds_the_view(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# A share of a surveyed group that expects: "Most of the 40 surveyed firms expected" (the respondents, the guide's
# author). Near-misses: a share of a thing ("Most of the increase"), a surveyed period that "saw" growth.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Most of the 40 surveyed firms expected to hire more staff next year.",
            "Most of the 40 surveyed firms",
        ),
        pytest.param(
            "Half of the responding schools expect enrolment to fall next year.",
            "Half of the responding schools",  # taken already (the sentence opens with it)
        ),
        ("Most of the surveyed period saw growth, and prices will rise next year.", None),
        ("Most of the increase in prices will come next year.", None),
    ],
)
def test_a_share_of_a_surveyed_group_that_expects_is_the_group(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# A footnote's mark that the sentence before ran into this one ("... in 2025. [13] The Postmaster General has
# stated that ..."): the speaker after it is the speaker, as without the mark (the guide's author: whom the sentence
# names). Near-misses: a mark before a sentence that names no one, or before a noun that looks like a verb.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "[7] The Harbour Authority has stated that the port could run out of berths in early 2029.",
            "The Harbour Authority",
        ),
        pytest.param(
            "[21] The Office of Water Supply (OWS) estimates the first required payment, in fiscal year 2027, to "
            "be about $40 million.",
            "The Office of Water Supply",
        ),
        pytest.param(
            "[3] An estimated 25 percent anticipate a rise in their repair costs over the next two years.",
            "An estimated 25 percent",
        ),
        # near-misses: nothing named after the mark, a noun that looks like a verb of saying
        ("[13] Sales at the port will rise next year.", None),
        ("[4] The wheat price forecast for next season is $6 a bushel.", None),
    ],
)
def test_a_footnote_mark_before_the_speaker_hides_nothing(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


def test_a_footnote_mark_before_we_is_the_author() -> None:
    assert _name("[9] We project that the fund will be empty by 2031.", author="Audit Office") == "Audit Office"


# A group that holds the view inside what another reports ("the regional Banks say many growers expect", "Richmond
# indicated that most retailers expect", "That shows the Canadian people believe that"): the group (the guide: a
# forecast of others that a speaker reports counts with the others as author). Near-misses: a reported clause with no
# group that expects, a group that opens the sentence (the same group), a body that speaks for itself.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Both Districts say many growers expect low prices for their soybeans this fall.",
            "Many growers",
        ),
        pytest.param(
            "For example, Boston reported that sales rose, and Richmond indicated that most retailers expect flat "
            "sales in the spring.",
            "Most retailers",
        ),
        pytest.param(
            "That shows the Canadian people believe that prices will settle down next year.",
            "The Canadian people",
        ),
        # near-misses: no group in the reported clause, the group that opens the sentence, a body
        ("The survey shows that prices will rise next year.", None),
        ("Several members said that prices would rise next year.", "Several members"),
        ("The Grain Council says that wheat output will fall next season.", "The Grain Council"),
        ("Both Districts say that sales will rise next year.", "Both Districts"),
    ],
)
def test_a_group_in_the_clause_another_reports_holds_the_view(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# A group that holds the view with more of the minutes' verbs ("felt that", "foresee", "referred to the possibility
# that", "appeared to judge"), in a clause of its own (", who felt that") or as the agent of a passive ("was seen by
# most members as likely to"): the group. Near-misses: "felt" with no clause, a reference to no outcome, a passive
# whose "by" is a time.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Several members felt that inflation would ease over the coming year.",
            "Several members",
        ),
        pytest.param(
            "Many traders foresee further declines in copper prices next year.",
            "Many traders",
        ),
        pytest.param(
            "Some members referred to the possibility that house prices might fall further next year.",
            "Some members",
        ),
        pytest.param(
            "Accordingly, investors appeared to judge that rates would stay low through next year.",
            "Investors",
        ),
        pytest.param(
            "A few members, who felt that the recent rise in prices was unlikely to persist, favored waiting.",
            "A few members",
        ),
        pytest.param(
            "Underlying inflation was still seen by most members as likely to ease next year.",
            "Most members",
        ),
        pytest.param(
            "Prices are expected by most analysts to rise next year.",
            "Most analysts",
        ),
        # near-misses: "felt" with no clause, a reference to no outcome, a passive whose "by" is a time
        ("The members felt the shock of the storm, and sales will fall next year.", None),
        ("Members referred to the report, and sales will rise next year.", None),
        ("Sales are expected by the end of the year to rise.", None),
        ("Investors appeared to sell shares, and prices will rise next year.", None),
    ],
)
def test_groups_with_more_verbs_of_a_view_hold_it(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# "they" as the group a sentence opens with after a leading phrase ("In contrast, the builders in the region ...,
# and they are also expecting"): that group, not the group named before. Near-miss: no group opens the sentence.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "In contrast, the builders in the region are busy, and they are also expecting sales to rise next year.",
            "The builders in the region",
        ),
        ("In contrast, sales slowed in May, and they are expecting a rise next year.", "Several retailers"),
    ],
)
def test_they_is_the_group_opened_after_a_leading_phrase(sentence: str, who: str | None) -> None:
    assert _name(sentence, last="Several retailers") == who


# A body, a group or a survey that revised its own forecast to a new level ("The March Harbor Economics survey raised
# its projection ... to 6%", "we saw the World Trade Forum sharply lower its trade growth forecast to", "Board members
# marked down their projections for inflation"): the forecast is theirs (the guide: a revision stated with its new
# level counts, with whose forecast it is as author); the month of a survey is no part of its name. Near-misses: a
# body that raised a rate or cut a dividend (no forecast), a place after a group that runs into a verb.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "The March Harbor Economics survey raised its projection for second-quarter growth by 2 percentage points "
            "to 6%.",
            "Harbor Economics survey",
        ),
        pytest.param(
            "And last week we saw the World Trade Forum sharply lower its trade growth forecast to 1.2 percent for "
            "2027.",
            "World Trade Forum",
        ),
        pytest.param(
            "Board members marked down their projections for inflation in 2027 to a range of 2 to 2.5 percent, "
            "reflecting expected declines in energy prices.",
            "Board members",
        ),
        # near-misses: a rate, a dividend; a place that runs into a verb
        ("The Bank raised its policy rate to 4 percent, and prices will rise next year.", None),
        ("Acme cut its dividend, and sales will fall next year.", None),
        (
            "A United Nations report says the number of people in the world is expected to reach seven billion next "
            "year.",
            "United Nations",
        ),
    ],
)
def test_who_revised_their_own_forecast_owns_it(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# The subject with a coordinated verb of expecting in the past or the progressive, or a report of what it expected
# ("Shoppers were cutting back ... and were expecting to", "Denver pointed to weaker hiring ... and indicated that it
# expected", "Northbank cut its dividend and predicted that"): the subject, a group of people too. Near-misses: an
# adjective ("and expected growth"), a passive ("and were expected to"), a subject that is no one.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Shoppers were cutting back on clothing and were expecting to spend less on travel next year.",
            "Shoppers",
        ),
        pytest.param(
            "Denver pointed to weaker hiring in its District and indicated that it expected output to slow in 2027.",
            "Denver",
        ),
        pytest.param(
            "Northbank cut its dividend and predicted that profits would fall next year.",
            "Northbank",
        ),
        # near-misses: an adjective, a passive, a subject that is no one
        ("Sales fell and expected growth will be weak next year.", None),
        ("Prices rose in May and were expected to rise again next year.", None),
        ("Sales were weak in May and were expecting no rebound, which will come next year.", None),
    ],
)
def test_the_subject_of_a_coordinated_past_or_progressive_expectation(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# A named staff's projections that "our" introduces ("our latest Eurozone staff projections see"): the staff, as "the
# June 2026 Eurozone staff projections" are (the guide's author). Near-miss: our own staff projections, unnamed, are
# the author's.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "As a result, our latest Eurozone staff projections see growth of 1.5% in 2027.",
            "Eurozone staff",
        ),
        ("Our latest staff projections see growth of 1.5% in 2027.", "Central Bank"),
        ("Our latest projections see growth of 1.5% in 2027.", "Central Bank"),
    ],
)
def test_our_named_staffs_projections_are_the_staffs(sentence: str, who: str | None) -> None:
    assert _name(sentence, author="Central Bank") == who


# "They" as the speaker, when the sentence before named no speaker: its subject when that is a set of projections or
# a group of people ("The new Eurozone staff projections present a picture ... They see inflation averaging": the
# staff; "Economists at Northbank published their outlook ... they expect": the economists). Near-misses: a subject
# that is neither (a factory), a "they" that does not speak (prices that will rise).
@pytest.mark.parametrize(
    ("text", "who"),
    [
        pytest.param(
            "The new Eurozone staff projections present a picture of inflation similar to June. They see inflation "
            "averaging 2.1% in 2027.",
            "Eurozone staff",
        ),
        pytest.param(
            "Economists at Northbank published their outlook on Monday. For next year, they expect inflation of 2.1%.",
            "Economists at Northbank",
        ),
        ("The new factory opened in June. They see inflation averaging 2.1% in 2027.", None),
        ("Prices rose in June. They will rise again in 2027.", None),
    ],
)
def test_they_is_the_projections_or_the_group_the_sentence_before_is_about(text: str, who: str | None) -> None:
    found = extract_candidates(text, published_on=DAY)
    assert [c.to_claim()["author"] for c in found] == [who]


# A body's document named with its month or its title in parentheses before the verb ("The Harbor Council's outlook in
# May predicted", "The most recent Harbor Council projections (Spring 2027 Shipping Outlook) forecast"): the body, as
# without them ("May" is the month there, not the modal). Near-misses: the modal "may", a short acronym kept as before,
# a parenthesis after no speaker.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "The Harbor Council's outlook in May predicted a busy season with 12 to 16 storms.",
            "The Harbor Council",
        ),
        pytest.param(
            "The most recent Harbor Council projections (Spring 2027 Shipping Outlook) forecast a drop in traffic of "
            "2% next year.",
            "Harbor Council",
        ),
        ("The Harbor Council's outlook predicted a busy season.", "The Harbor Council"),
        (
            "The Office for Harbor Statistics (OHS) predicts that traffic will fall next year.",
            "The Office for Harbor Statistics",
        ),
        # near-misses: the modal, a parenthesis after no speaker
        ("Exports may slow next year.", None),
        ("Traffic at the Harbor may fall in May, and tolls will rise next year.", None),
        ("Shipping (Measured In Tonnes) will fall next year.", None),
    ],
)
def test_a_documents_month_or_title_does_not_hide_its_owner(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# A speaker after an introductory clause of condition, time or concession ("If it does, the Harbor Council says ...",
# "Unless rates fall, the Builders' Federation predicts that ..."): the speaker, as after "Earlier this week,". The
# statement is the clause said, as without the introductory clause. Near-misses: no speaker after the clause, a
# speaker inside the condition, "we" after it (no one named: the text's author, as before).
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "If it does, the Harbor Council says shipping and storage will offer the most jobs next year.",
            "Harbor Council",
        ),
        pytest.param(
            "Unless rates fall, the Builders' Federation predicts that home sales will slump in 2027.",
            "Builders' Federation",
        ),
        ("If it does, exports will rise next year.", None),
        ("If the Bank says so, prices will rise next year.", None),
        ("If prices rise, we expect rates to climb next year.", None),  # no one named: the text's author speaks
    ],
)
def test_a_speaker_after_an_introductory_clause(sentence: str, who: str | None) -> None:
    assert _name(sentence, author="Acme Bank") == who


def test_the_statement_after_an_introductory_clause_and_its_speaker_is_the_clause_said() -> None:
    text = "If it does, the Harbor Council says shipping and storage will offer the most jobs next year."
    (claim,) = [c.to_claim() for c in extract_candidates(text, published_on=DAY)]
    assert claim["statement"] == "Shipping and storage will offer the most jobs next year."


# A summary of a group's forecasts as the subject ("The central tendency of Board members' forecasts ... is", "The
# median of the economists' estimates ... is", "The central tendency of their latest projections implies", "The
# consensus of dealers at our spring outlook meeting was for"): the group whose forecasts they are (the guide's
# author). Near-misses: a summary of no one's forecasts (of inflation, of years), a possessive before no forecast.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "The central tendency of Board members' forecasts for inflation - 2 to 2.5 percent for 2027 - is "
            "unchanged.",
            "Board members",
        ),
        pytest.param(
            "The median of the economists' estimates of growth next year is 1.5 percent.",
            "The economists",
        ),
        pytest.param(
            "The central tendency of their latest projections for growth implies a rise of 2 percent in 2027.",
            "Board members",
        ),
        pytest.param(
            "The consensus of dealers at our spring outlook meeting was for sales of 15 million cars next year.",
            "Dealers at our spring outlook meeting",
        ),
        # near-misses: a summary of a quantity or of years, a possessive before no forecast
        ("The central tendency of inflation next year is 2 percent.", None),
        ("The average of the last three years was 2 percent, and growth will be 3 percent next year.", None),
        ("The range of the company's products will grow next year.", None),
    ],
)
def test_a_summary_of_a_groups_forecasts_is_the_groups(sentence: str, who: str | None) -> None:
    assert _name(sentence, last="Board members") == who


# A group behind a plural possessive ("Information from members' business contacts suggested that") or in an absolute
# clause ("..., with contacts suggesting that", "..., with many retailers expecting"): the group (the guide's author).
# Near-misses: a report of a fact with no clause ("with contacts reporting higher orders"), a possessive before a noun.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "Information from members' business contacts suggested that hiring would pick up next year.",
            "Members' business contacts",
        ),
        pytest.param(
            "Activity in mining continued to expand, with contacts suggesting that further gains were likely next "
            "year.",
            "Contacts",
        ),
        pytest.param(
            "Sales rose in May, with many retailers expecting a strong holiday season.",
            "Many retailers",
        ),
        ("Sales rose, with contacts reporting higher orders in May, and output will rise next year.", None),
        ("The firms' forecasts for next year show growth of 2 percent.", None),
    ],
)
def test_a_group_behind_a_possessive_or_in_an_absolute_clause(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# What predicts with its own verbs, named with five words ("The latest data and survey indicators point to") or in a
# second clause after "and" ("... and indicators continued to signal a slight rebound"): named, as at the sentence's
# opening. Near-misses: readings in a second clause (the author's), a second clause with no one in it.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "The latest data and survey indicators point to a sharp fall in output next quarter.",
            "The latest data and survey indicators",
        ),
        pytest.param(
            "Exports had started to recover in the spring and indicators continued to signal a slight rebound.",
            "Indicators",
        ),
        ("Exports recovered in the spring and the data suggest a rebound next year.", None),
        # an "and" inside a noun phrase opens no second clause (and the phrase is longer than the words read)
        ("Half of the regional and global model forecasts indicate a wet spring next year.", None),
        ("Sales rose in the spring and prices will rise next year.", None),
    ],
)
def test_indicators_that_predict_in_a_second_clause_or_with_five_words(sentence: str, who: str | None) -> None:
    assert _name(sentence) == who


# "He" or "she" as the speaker after a sentence that named no speaker but has a person as its subject ("Ann Moss is the
# head of the Harbor Council. She says ..."): that person, not an earlier speaker (the nearest person the text
# named). Near-misses: a subject that is no person (the earlier speaker stays), a sentence before that named a speaker.
@pytest.mark.parametrize(
    ("text", "who"),
    [
        pytest.param(
            '"Sales are weak," said Tom Reed.\n\nAnn Moss is the head of the Harbor Council. She says exports will '
            "rise next year.",
            "Ann Moss",
        ),
        (
            '"Sales are weak," said Tom Reed.\n\nThe harbor was busy in May. He says exports will rise next year.',
            "Tom Reed",
        ),
        (
            '"Sales are weak," said Tom Reed.\n\nAnn Moss said the harbor was busy. He says exports will rise next '
            "year.",
            "Ann Moss",
        ),
    ],
)
def test_he_or_she_is_the_person_the_sentence_before_is_about(text: str, who: str | None) -> None:
    found = extract_candidates(text, published_on=DAY)
    assert [c.to_claim()["author"] for c in found if "exports" in c.quote] == [who]
