"""Who speaks, and the statement without them (``restate``), by kind: written for this file, not copied from the
labelled set; the expected statements are written by hand."""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates
from predictions.extract.restate import find_speaker, restate, subject_of

DAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our outlook includes 4% more cooling degree days than last summer.",
        "Diesel prices in our forecast average $3.80 per gallon in 2027.",
        "Based on our latest forecasts and data from the Census Bureau, our outlook assumes housing starts will fall.",
    ],
)
def test_a_forecast_of_ours_as_a_noun_names_no_speaker(sentence: str) -> None:
    assert find_speaker(sentence, last_speaker=None, author="The Agency") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Although we expect output to dip, our forecast is 5% above last month's.",
        "Although we continue to expect prices to fall, our outlook is higher than in March.",
    ],
)
def test_we_after_a_conjunction_is_the_author(sentence: str) -> None:
    found = find_speaker(sentence, last_speaker=None, author="The Agency")
    assert found is not None and found.name == "The Agency"


def test_a_possessive_speaker_phrase_is_still_a_speaker() -> None:
    found = find_speaker("Our economists expect exports to slow.", last_speaker=None, author=None)
    assert found is not None and found.name == "Our economists"


def test_the_statement_keeps_our_forecast_as_written() -> None:
    (candidate,) = extract_candidates(
        "Diesel prices in our forecast average $3.80 per gallon in 2027.", published_on=DAY
    )
    assert candidate.statement == "Diesel prices in our forecast average $3.80 per gallon in 2027."


def test_a_running_head_leaves_the_statement() -> None:
    text = "Agency for Energy Data | Monthly Fuel Outlook 7 We expect jet fuel use to rise by 3% in 2027."
    (candidate,) = extract_candidates(text, published_on=DAY)
    assert candidate.statement == "Jet fuel use will rise by 3% in 2027."


@pytest.mark.parametrize(
    "sentence",
    [
        "Our region's forecast calls for payrolls to grow 2 percent next year.",
        "Their estimate is that payrolls will grow 2 percent next year.",
    ],
)
def test_a_possessive_before_the_forecast_noun_names_no_speaker(sentence: str) -> None:
    assert find_speaker(sentence, last_speaker=None, author="A Bank") is None


def test_a_forecast_noun_after_a_possessive_is_kept_in_the_statement() -> None:
    # no "there will be shows ...": the noun "forecast" governs nothing
    (candidate,) = extract_candidates(
        "The Fund's forecast shows unemployment rising to 5 percent next year.", published_on=DAY
    )
    assert candidate.statement == "The Fund's forecast shows unemployment rising to 5 percent next year."


def test_a_forecast_in_the_progressive() -> None:
    (candidate,) = extract_candidates("The agency is predicting that imports will fall in 2027.", published_on=DAY)
    assert candidate.statement == "Imports will fall in 2027."


@pytest.mark.parametrize(
    ("sentence", "speaker", "statement"),
    [
        # a contact's forecast reported by the speaker: the contact is the author
        (
            "A large steel buyer told me last week that they expect prices to climb 8 percent next year.",
            "A large steel buyer",
            "Prices will climb 8 percent next year.",
        ),
        ("Farm lenders tell us that land values will fall in 2027.", "Farm lenders", "Land values will fall in 2027."),
    ],
)
def test_a_contact_who_told_the_speaker(sentence: str, speaker: str, statement: str) -> None:
    found = find_speaker(sentence, last_speaker=None, author="Mr. Speaker")
    assert found is not None and found.name == speaker
    (candidate,) = extract_candidates(sentence, published_on=DAY)
    assert candidate.statement == statement


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # a trailing attribution with "reported today" leaves the statement
        (
            "The state economy is projected to add 40,000 jobs in 2027, the labor department reported today.",
            "The state economy will add 40,000 jobs in 2027.",
        ),
        # a heading in capitals run into the sentence
        (
            "HOUSING OUTLOOK -- Housing starts are projected to rise 3 percent in 2027.",
            "Housing starts will rise 3 percent in 2027.",
        ),
        # a flattened box after the sentence is not part of it
        (
            "Exports are projected to grow 2.5 percent annually through 2030. ________ | | | Notes | | | Data are",
            "Exports will grow 2.5 percent annually through 2030.",
        ),
        # a forecast verb with its clause and no "that", the clause opening with a year
        (
            "Overall, we anticipate 2027 output will total 610 MMst, a 2% increase from 2026.",
            "2027 output will total 610 MMst, a 2% increase from 2026.",
        ),
        # when it was said goes with the speaker
        ("The retailer said on Tuesday that sales would rise 4 percent in 2027.", "Sales will rise 4 percent in 2027."),
    ],
)
def test_attributions_headings_and_boxes_leave_the_statement(text: str, statement: str) -> None:
    (candidate,) = extract_candidates(text, published_on=DAY)
    assert candidate.statement == statement


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # "see" + a noun phrase + a verb in -ing: the phrase will do it
        (
            "The staff see core inflation averaging 2.4% in 2027 and 2.0% in 2028.",
            "Core inflation will average 2.4% in 2027 and 2.0% in 2028.",
        ),
        (
            "We see the jobless rate rising to 5 percent next year.",
            "The jobless rate will rise to 5 percent next year.",
        ),
        # "expect" + "to keep -ing": the "to" clause wins, not the -ing one
        ("Analysts expect rents to keep climbing next year.", "Rents will keep climbing next year."),
    ],
)
def test_see_a_phrase_doing_something(text: str, statement: str) -> None:
    (candidate,) = extract_candidates(text, published_on=DAY)
    assert candidate.statement == statement


def test_see_a_noun_and_to_is_no_to_clause() -> None:
    # "see risks to exports": not "risks will exports"
    sentence = "Analysts see risks to exports next year."
    at = sentence.index("see")
    speaker = find_speaker(sentence, last_speaker=None, author=None)
    stated = restate(sentence, speaker=speaker, antecedent=None, author=None, cue=(at, at + 3, False))
    assert stated == "There will be risks to exports next year."


def test_speakers_who_say_they_expect_to() -> None:
    (candidate,) = extract_candidates(
        "Refiners in the region say they expect to run at full capacity through 2027.", published_on=DAY
    )
    assert candidate.statement == "Refiners in the region will run at full capacity through 2027."


def test_a_transcript_page_break_inside_a_sentence() -> None:
    # the page break and running head carry a date and numbers that are not the sentence's
    text = (
        "A buyer told me --- Page 41 --- June 3, 2026 41 of 120 that they expect a rebound in the "
        "September-October period."
    )
    (candidate,) = extract_candidates(text, published_on=DAY)
    assert candidate.statement == "There will be a rebound in the September-October period."
    assert candidate.deadline == date(2026, 10, 31)  # the later month of the pair
    assert candidate.threshold is None  # "41 of 120" is the page's, not a figure of the forecast


@pytest.mark.parametrize(
    ("sentence", "speaker", "statement"),
    [
        # a group named inside the sentence holds the view; the statement is the clause it expects
        (
            "With exports weakening, most members anticipated that output would slow in 2027.",
            "Most members",
            "Output will slow in 2027.",
        ),
        (
            "The staff continued to forecast that inflation would ease in 2027.",
            "The staff",
            "Inflation will ease in 2027.",
        ),
    ],
)
def test_a_group_that_holds_the_view(sentence: str, speaker: str, statement: str) -> None:
    found = find_speaker(sentence, last_speaker=None, author=None)
    assert found is not None and found.name == speaker
    (candidate,) = extract_candidates(sentence, published_on=DAY)
    assert (candidate.speaker, candidate.statement) == (speaker, statement)


def test_a_clause_before_a_semicolon_that_is_not_the_prediction() -> None:
    text = (
        "Members saw the trade dispute as a risk to the outlook; if no deal is reached, tariffs could rise sharply "
        "in 2027."
    )
    (candidate,) = extract_candidates(text, published_on=DAY)
    assert candidate.statement == "Tariffs will rise sharply in 2027."
    assert candidate.condition == "no deal is reached"


def test_a_list_with_semicolons_is_kept_whole() -> None:
    sentence = "Costs of fuel; wages for drivers, especially in cities; and rents will drive prices up in 2027."
    at = sentence.index(" drive ") + 1
    stated = restate(sentence, speaker=None, antecedent=None, author=None, cue=(at, at + 5, False))
    assert stated == sentence


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # a second verb of the same subject after "and"
        (
            "A ridge is building to the north of the storm and expected to turn it westward tomorrow.",
            "A ridge is building to the north of the storm and will turn it westward tomorrow.",
        ),
        # an event "expected" at a time: it will come then
        (
            "More plant closures are expected in the coming months.",
            "More plant closures will come in the coming months.",
        ),
        ("A rebound in orders is expected by June.", "A rebound in orders will come by June."),
    ],
)
def test_expected_events_and_second_verbs(text: str, statement: str) -> None:
    (candidate,) = extract_candidates(text, published_on=DAY)
    assert candidate.statement == statement


def test_projected_in_a_place_is_not_an_event_coming() -> None:
    sentence = "Smaller harvests are projected in Chile and Peru."
    at = sentence.index("projected")
    stated = restate(sentence, speaker=None, antecedent=None, author=None, cue=(at, at + 9, False))
    assert "will come" not in stated


@pytest.mark.parametrize(
    ("quote", "statement"),
    [
        (
            "The headline inflation forecast for next year was unchanged at a level near 3 percent.",
            "Headline inflation next year will be at a level near 3 percent.",
        ),
        (
            "The Tealbook forecast for core goods prices in 2027 has been lowered to 1½ percent.",
            "Core goods prices in 2027 will be 1½ percent.",
        ),
        ("The Bank's growth forecast for 2027 was cut to 2.9 percent.", "Growth in 2027 will be 2.9 percent."),
        (
            "The heavy truck sales forecast has been raised once more, this time to 210,000 units.",
            "Heavy truck sales will be 210,000 units.",
        ),
        # no level: left as written
        (
            "The staff's forecast of import prices was revised up a touch.",
            "The staff's forecast of import prices was revised up a touch.",
        ),
    ],
)
def test_a_forecast_reported_with_its_level(quote: str, statement: str) -> None:
    assert restate(quote, speaker=None, antecedent=None, author=None, cue=None) == statement


@pytest.mark.parametrize(
    ("sentence", "speaker", "statement"),
    [
        # news style: the speaker after the forecast, with a perfect, a count, a name and title, or "announced"
        (
            "Petrol prices could rise by 5p a litre in the coming weeks, the RAC has warned.",
            "RAC",
            "Petrol prices will rise by 5p a litre in the coming weeks.",
        ),
        (
            "Prices will rise next year, the Bank of England has forecast.",
            "Bank of England",
            "Prices will rise next year.",
        ),
        (
            "Shares will double within five years, one analyst said.",
            "one analyst",
            "Shares will double within five years.",
        ),
        (
            "House prices will fall next year, said Jane Smith, chief economist at a lender.",
            "Jane Smith",
            "House prices will fall next year.",
        ),
        (
            "Energy bills will rise next year, the regulator has announced.",
            "The regulator",
            "Energy bills will rise next year.",
        ),
        # the speaker first, with who the person is between commas, or an adverb before the verb of saying
        (
            "Jane Smith, chief economist at a lender, said she thought the bank would cut rates to 3.5% by 2027.",
            "Jane Smith",
            "The bank will cut rates to 3.5% by 2027.",
        ),
        (
            "Some retailers have already warned they will raise prices next year.",
            "Some retailers",
            "Some retailers will raise prices next year.",
        ),
        # a verb of stance names who holds the view, as a verb of saying does
        (
            "Economists reckon the economy will avoid a recession next year.",
            "Economists",
            "The economy will avoid a recession next year.",
        ),
        ("The company hopes profits will recover in 2027.", "The company", "Profits will recover in 2027."),
        # "see" + a noun phrase + a verb in -ing: the clause, not "There will be ..."
        (
            "Analysts see the Fed cutting rates three times in 2027.",
            "Analysts",
            "The Fed will cut rates three times in 2027.",
        ),
        # "is tipped to": a forecast by others, like "is expected to"
        ("The chancellor is tipped to raise taxes in 2027.", None, "The chancellor will raise taxes in 2027."),
    ],
)
def test_a_speaker_named_in_news_style_leaves_the_statement(sentence: str, speaker: str | None, statement: str) -> None:
    (candidate,) = extract_candidates(sentence, published_on=DAY)
    assert (candidate.speaker, candidate.statement) == (speaker, statement)


def test_announced_before_a_clause_names_no_speaker() -> None:
    # only a sentence's last words are read for "announced": before a clause it is the news, not a speaker
    assert find_speaker("The Fed announced that rates will rise next year.", last_speaker=None, author=None) is None


@pytest.mark.parametrize(
    ("text", "speaker", "statement"),
    [
        # who the person is, then the name between commas: the name speaks
        (
            "The Bank's governor, Andrew Bailey, said inflation would fall next year.",
            "Andrew Bailey",
            "Inflation will fall next year.",
        ),
        # an abbreviation in brackets after the name is part of the speaker, and leaves the name
        (
            "The Office for National Statistics (ONS) said unemployment would rise to 5% next year.",
            "The Office for National Statistics",
            "Unemployment will rise to 5% next year.",
        ),
        # the firm and the post before the person's name: the person
        (
            "Bank of England governor Andrew Bailey said he expected inflation to fall next year.",
            "Andrew Bailey",
            "Inflation will fall next year.",
        ),
        # "Its chief executive": the chief executive of the speaker of the sentence before
        (
            "The airline expects demand to stay strong. Its chief executive said passenger numbers would hit a "
            "record next year.",
            "The airline's chief executive",
            "Passenger numbers will hit a record next year.",
        ),
        # ... or of its subject, when it names no speaker ("cut" a verb before its object "rates")
        (
            "The Bank of England cut rates on Thursday. Its governor said inflation would fall next year.",
            "The Bank of England's governor",
            "Inflation will fall next year.",
        ),
    ],
)
def test_news_speakers_by_name_post_and_owner(text: str, speaker: str, statement: str) -> None:
    candidate = extract_candidates(text, published_on=DAY)[-1]
    assert (candidate.speaker, candidate.statement) == (speaker, statement)


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # what was said is about the plant: not "Nissan said the plant"
        ("Nissan said the plant would close next year.", "the plant"),
        ("The Bank of England cut rates on Thursday.", "The Bank of England"),
        ("The rate cut will help exporters.", "The rate cut"),
    ],
)
def test_the_subject_a_pronoun_after_it_takes(sentence: str, subject: str) -> None:
    assert subject_of(sentence) == subject


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # "them" after a group that speaks is the group, in lower case inside the sentence
        (
            "Firms fear that higher costs will force them to cut jobs next year.",
            "Higher costs will force firms to cut jobs next year.",
        ),
        # a possessive that opens the clause is the speaker's: "its" of a body, "his" of a person
        ("BP said it expects its output to fall next year.", "BP's output will fall next year."),
        (
            "The supermarket expects its profits to rise by 5% next year.",
            "The supermarket's profits will rise by 5% next year.",
        ),
        (
            "Mr Bailey said he expected his colleagues to vote for a cut next year.",
            "Mr Bailey's colleagues will vote for a cut next year.",
        ),
        # "it" after a person is not the person: what the sentence before is about (inflation)
        (
            "The Bank of England said inflation would rise. Its governor said it would peak at 4% next year.",
            "Inflation will peak at 4% next year.",
        ),
        # "some of them": after a preposition "them" is left alone
        (
            "Retailers warned that some of them would close stores next year.",
            "Some of them will close stores next year.",
        ),
    ],
)
def test_pronouns_that_refer_to_the_speaker(text: str, statement: str) -> None:
    assert extract_candidates(text, published_on=DAY)[-1].statement == statement


@pytest.mark.parametrize(
    ("text", "author", "speaker", "statement"),
    [
        # "we" in a person's quotation is the body the person speaks for, and the quotation keeps both its marks:
        # a governor speaks for the Bank
        (
            "Governor Andrew Bailey said rates were likely to fall gradually next year, but \"we can't cut interest "
            'rates too quickly or by too much".',
            None,
            "Governor Andrew Bailey",
            'Rates will fall gradually next year, but "the Bank can\'t cut interest rates too quickly or by too much".',
        ),
        # the body named in who the person is, after the name
        (
            '"We think the economy will pick up next year, and our forecast is for two cuts," said Jane Foley, head '
            "of FX strategy at Rabobank.",
            None,
            "Jane Foley",
            "The economy will pick up next year, and Rabobank's forecast is for two cuts.",
        ),
        # the owner of the post, before the name
        (
            'Ofgem\'s chief executive, Jonathan Brearley, said: "We will cut the price cap again in October."',
            None,
            "Jonathan Brearley",
            "Ofgem will cut the price cap again in October.",
        ),
        # the post named the first time the person spoke: the chancellor speaks for the government
        (
            'The chancellor, Rachel Reeves, said the plan would deliver growth next year. Ms Reeves said: "We will '
            'get the economy growing again by the end of next year."',
            None,
            "Ms Reeves",
            "The government will get the economy growing again by the end of next year.",
        ),
        # a text of the author's ("our") speaks for the author; one of a body's for the body
        (
            "Our October Monetary Policy Report projects that inflation will return to the 2% target in 2027.",
            "Bank of Canada",
            "Bank of Canada",
            "Inflation will return to the 2% target in 2027.",
        ),
        (
            "Our projections suggest that the unemployment rate will peak at about 7% early next year.",
            "Bank of Canada",
            "Bank of Canada",
            "The unemployment rate will peak at about 7% early next year.",
        ),
        (
            "In our projection, GDP growth picks up to 1.8% in 2027.",
            "Bank of Canada",
            "Bank of Canada",
            "GDP growth picks up to 1.8% in 2027.",
        ),
        (
            "In the Bank's baseline scenario, inflation is projected to ease to 2.5% by mid-2027.",
            None,
            "The Bank",
            "Inflation will ease to 2.5% by mid-2027.",
        ),
        (
            "Consumer price inflation is projected to remain close to 2% next year, according to the Bank's latest "
            "projections.",
            None,
            "The Bank",
            "Consumer price inflation will remain close to 2% next year.",
        ),
        (
            "A United Nations report says the population will reach 9 billion by 2040.",
            None,
            "United Nations",
            "The population will reach 9 billion by 2040.",
        ),
        # surveys that predict are named (the labelling guide), and their words leave the statement
        pytest.param(
            "Two new surveys suggest that the job market will improve next year.",
            None,
            "Two new surveys",
            "The job market will improve next year.",
        ),
    ],
)
def test_who_we_is_and_whose_text_speaks(text: str, author: str | None, speaker: str | None, statement: str) -> None:
    candidate = extract_candidates(text, published_on=DAY, author=author)[-1]
    assert (candidate.speaker, candidate.statement) == (speaker, statement)


def test_a_pronoun_that_foresees_is_the_sentence_befores_speaker_not_its_clause() -> None:
    sentence = "These projections indicate that inflation will remain high next year."
    assert subject_of(sentence) == "inflation"
    assert subject_of(sentence, "They foresee inflation at 6.8% in 2027.") == "These projections"
