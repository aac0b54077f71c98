"""Kinds of sentences that are NOT predictions (issue 20: too many false candidates on the held-out half), decided
by the labelling guide (tests/predictions/extract_dev/README.md, "Not predictive" and the calls added with each
batch), each kind with variants, and beside each kind the predictions it must not take with it.

Every sentence here was written for this file (none is copied from the labelled set). Each is run through
``extract_candidates`` as a text of its own, with the sentence classifier, as a user's article would be.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import classify, extract_candidates
from predictions.extract.confidence import governing_cue, ruled_out

BASE = date(2025, 6, 2)


def _taken(sentence: str, base: date = BASE) -> bool:
    return bool(extract_candidates(sentence, published_on=base))


# The guide: scheduled events ("we will get a test on Friday", "They will get some insight late Wednesday when the
# Fed publishes ..."), scheduled launches and mission plans ("will perform four complicated space walks"), a
# product's positioning ("The Nexus One will compete with Apple's popular iPhone").
SCHEDULES = [
    "The committee will meet on 3 May.",
    "The board will meet again in September to review the program.",
    "NASA will hold a teleconference at 2 p.m. EDT on Thursday to discuss the mission.",
    "The ministers will hold two days of talks in Geneva.",
    "The next meeting of the Committee will be held on Tuesday and Wednesday, June 17 and 18.",
    "The summit, the first in three years, will take place in Nairobi.",
    "The briefing will begin at 11 a.m.",
    "Registration will close on Friday.",
    "This Wednesday, the agency will issue its routine update to the hurricane season outlook.",
    "The bank will publish its next Monetary Policy Report on 24 October.",
    "Dr. Smith will present the updated outlook at the meeting.",
    "The Governor will deliver remarks at the conference in Boston.",
    "The Chair will testify before the Senate Banking Committee.",
    "Scientists will discuss what is expected during the remainder of the season.",
    "The astronauts will perform four space walks.",
    "The crew will conduct dozens of experiments in orbit.",
    "The crew will spend six months aboard the space station.",
    "The astronauts will return to Earth in the spring.",
    "The spacecraft is scheduled to dock with the station on Monday.",
    "The President will travel to Florida on Sunday to watch the launch.",
    "Congress will vote on the bill next week.",
    "The new handset will compete with the market leader's phones.",
    "We will get the employment report on Friday.",
    "You'll get another reading on inflation next week.",
    "The Committee will now hear the staff report.",
    "Reporters will be able to ask questions by phone.",
    "Media interested in attending should contact the press office.",
]

# What a speaker is about to do in the room, in a transcript or a speech: not a forecast.
SPEAKER_ACTS = [
    "I will be brief.",
    "I'll be very brief.",
    "I'll pass on the go-round today.",
    "I will come back to that point later.",
    "I will have more to say about that later.",
    "I will then turn to monetary policy.",
    "I will also touch on the outlook for the labor market.",
    "In my remarks today, I will cover three topics.",
    "My remarks will focus on three topics.",
    "I will support your recommendation, Mr. Chairman.",
    "I'll go along with the recommendation.",
    "I will be voting for the directive.",
    "I would move that we adopt the directive.",
    "I'll take that as a yes.",
    "We'll take a short break now.",
    "We will not hesitate to act.",
    "We'll see what happens.",
    "We will have to wait and see.",
    "That will be fine.",
    "That will be my recommendation.",
    "Those of you who were here will remember the 1994 episode.",
    "We're going to have a vote on the directive.",
    "President Parry will lead off the discussion.",
    "The staff will circulate a memo on this tomorrow.",
    "Don Kohn will now present the options.",
    "The next item on the agenda will be the directive.",
    "Our next meeting will be on December 17.",
    "Before turning to the outlook, I will review recent developments.",
]

# Procedures of policy without a claim about the state of the world (the guide: "adjustments ... would depend on their
# assessments", "it would be important to continue to monitor").
PROCEDURES = [
    "The Committee will carefully assess incoming data, the evolving outlook, and the balance of risks.",
    "In determining the timing, the Committee will take into account a wide range of information.",
    "The Committee will adjust policy as appropriate.",
    "We will act as needed to sustain the expansion.",
    "We will do whatever it takes to preserve the currency union.",
]

# A forecast made in the past and told as such, its period over (the guide: past-tense reports are not predictions).
PAST_FORECASTS = [
    "We anticipated that it would be more rapid at this point.",
    "In January, I expected that growth would be stronger by now.",
    "At the time, analysts expected the recovery to be quick.",
    "Last year, the staff had projected that inflation would rise.",
    "Back in 2019 we had expected inflation to stay below 2 percent.",
    "A year ago, most forecasters predicted that the unemployment rate would rise above 5 percent in 2024.",
]

# Questions put as statements, doubts, suppositions (the guide: questions, doubts "a few others questioned
# whether", explicit non-predictions "it remains to be seen whether").
DOUBTS = [
    "It remains to be seen whether the recovery will last.",
    "It is too early to say whether inflation will come down next year.",
    "Only time will tell whether the rebound will persist.",
    "I wonder whether growth will slow next year.",
    "The question is whether the central bank will cut rates in September.",
    "It is an open question whether the recovery will continue.",
    "I don't know whether growth will pick up next year.",
    "We cannot predict when rates will rise.",
    "I am not sure whether inflation will come down next year.",
    "Whether the expansion will continue next year is uncertain.",
    "Suppose inflation rises to 5 percent next year.",
    "It will be interesting to see whether the expansion continues.",
]

# "likely" and "may" about the past or the present (the guide: "may / might about the present or the past"), the
# wording of backward-looking analysis.
LIKELY_PAST = [
    "Consumption likely rose in the third quarter.",
    "Firms likely front-loaded imports in the first quarter of 2025.",
    "These developments likely weighed on investment last year.",
    "Much of this decline likely reflects temporary factors.",
    "This likely explains part of the weakness in investment in 2024.",
    "The slowdown is likely due to weaker demand in the second quarter.",
    "It is likely that firms front-loaded their purchases in early 2025.",
    "Front-loading is likely to have boosted exports in the first quarter.",
    "The decline is likely to have been temporary.",
    "Growth was likely held back by the strike in the third quarter.",
    "Wage growth has likely peaked.",
    "The rise in exports is likely to reflect front-loading ahead of the tariffs.",
    "The weakness is likely to be related to the strike in the spring.",
]

# Habits and summaries: "the number of storms that would typically form by early August", a summary of this month's
# revisions without levels (the guide's WASDE call), a data release.
OTHER = [
    "Storms would typically form by early August.",
    "A rate increase would normally strengthen the dollar.",
    "This month's 2025/26 U.S. corn outlook is for larger supplies, greater exports, and higher ending stocks.",
    "The 2025/26 U.S. rice outlook is for smaller supplies, lower exports, and higher ending stocks.",
    "The statistics office's Third Estimate of 1Q25 GDP, released on June 26, showed that GDP grew at an annual rate "
    "of 1.5% in the first quarter of 2025.",
]


# Kinds of false alarm seen in speeches, policy statements and news (issue 20, the guide's non-predictions), each in
# words written for this test: a company's or an agency's plan, an institution's decision with a schedule, an
# outcome given as the effect of a cause (predicted elsewhere), a forecast restated on the condition that it holds.
PLANS_DECISIONS_EXPLANATIONS = [
    "The airline will add twelve routes to Asia starting in March.",
    "The company will invest $2 billion in a new battery factory.",
    "The ministry will launch a new training program for teachers in the autumn.",
    "The retailer is going to close forty stores over the next two years.",
    "The carmaker will also hire 3,000 workers at its plant in Ohio next year.",
    "The Governing Council will end its net asset purchases on 30 June.",
    "The Bank will buy up to €50 billion of government bonds each month until the end of the year.",
    "Several factors were seen as likely to bring about such a slowdown, including weak wage growth.",
    "Members pointed to lower energy costs as a reason inflation would ease.",
    "Should the projection hold, exports would reach a record.",
    "The retailer has cut its prices and will continue to do so.",
    "Our job is to bring unemployment down, and we will do that.",
    "If the forecast proves accurate, the deficit would be the largest in a decade.",
    "The company said it would cut 2,000 jobs by the end of next year.",
    "The government will spend $40 billion on roads and bridges over five years.",
    "The program will provide grants to small businesses affected by the floods.",
    "The new rules will take effect on January 1.",
    "If the central bank raised rates too quickly, it could tip the economy into recession.",
    "In that case, output would fall and unemployment would rise.",
    "We are glad the slowdown came without a surge in bankruptcies, which would hurt many small firms.",
    "If wage demands spiral upward, it would make it harder to restore price stability.",
    "Let me turn to the questions I expect are on your minds this morning.",
    "I expect many of you know the history of the gold standard.",
    "Some contracts are tied to the price of copper, so we will remain vigilant on that score.",
    "From 1 July, the Eurosystem will no longer reinvest the principal payments from maturing securities.",
    "The Bank of England will sell £10 billion of gilts over the next quarter.",
    "Net purchases will continue at a monthly pace of €20 billion until the end of the year.",
    "The reserve requirement ratio will be cut by 0.5 percentage point from June 5.",
    "Purchases of agency mortgage-backed securities will be completed by the end of the first quarter.",
    "We will conduct two further operations in September and December.",
]

# What would follow from something the sentence before named, with a pronoun subject and a bare "would" and no time
# ahead (the guide: general or hypothetical claims that name no future state; "Such large and growing debt would slow
# economic growth"), a fact about a scheduled event ("The mission will be the first time ..."), a cause's share, what
# a gauge is for, a pace extrapolated hypothetically, a business's plan for its own things: written for this test, as
# the rest.
CONSEQUENCES_AND_EVENT_FACTS = [
    "That would push up costs for importers.",
    "This would hurt exporters and farmers.",
    "It would also raise borrowing costs for households.",
    "It would also be a vote of confidence in the economy.",
    "Doing so would free up resources for investment.",
    "The launch will be the first time a private company sends astronauts to the Moon.",
    "The summit will mark their second meeting this year.",
    "If approved, it would be the first time the agency has sold bonds abroad.",
    # a cause's share ("due to" is no schedule), what a gauge is for, a pace extrapolated in a past-tense "if"
    "The rise in unemployment was mostly due to new entrants to the labor force.",
    "The jump in claims was partly due to about 40,000 striking workers.",
    "A gauge designed to forecast factory activity over the next six months fell in May.",
    "The survey, meant to anticipate hiring in the coming quarter, edged up.",
    "If exports continued at this pace for twelve months, the surplus would top $80 billion.",
    "If shipments kept up that pace all year, nearly 2.4 million cars would be sold.",
    # a business's plan for its own things, in the progressive and with no time ahead (a transcript's anecdote)
    "The mills will be raising their prices to cover higher scrap costs.",
    "Several chains will be expanding their store counts in the region.",
]


# what the rules take none of (OTHER is left to the classifier too)
RULED_OUT_KINDS = (
    SCHEDULES
    + SPEAKER_ACTS
    + PROCEDURES
    + PAST_FORECASTS
    + DOUBTS
    + LIKELY_PAST
    + PLANS_DECISIONS_EXPLANATIONS
    + CONSEQUENCES_AND_EVENT_FACTS
)


@pytest.mark.parametrize("sentence", RULED_OUT_KINDS + OTHER)
def test_a_kind_of_non_prediction_is_no_candidate(sentence: str) -> None:
    assert not _taken(sentence)


@pytest.mark.parametrize("sentence", RULED_OUT_KINDS)
def test_the_rules_alone_take_none_of_them_either(sentence: str) -> None:
    with classify.using(None):
        assert not _taken(sentence)


# The predictions next to each kind: the same words where they do forecast.
PREDICTIONS = [
    "The storm will make landfall on Thursday.",
    "Inflation will decline next year.",
    "Inflation will meet the 2 percent target in 2026.",
    "The journey to the station is expected to take 27 hours.",
    "I will be surprised if growth does not slow next year.",
    "I think we will get some slowing in the second half.",
    "We will see inflation come down next year.",
    "I still expect growth to slow.",
    "We anticipate an acceleration of inflation during 2026.",
    "The staff projected that inflation would move up next year.",
    "The agency's initial outlook in May predicted an above-normal season with 11 to 17 named storms.",
    "A year ago, forecasters predicted that unemployment would rise to 5 percent in 2026.",
    "Unemployment is likely to rise next year.",
    "Exports are likely to decline in the second half of 2025.",
    "It is likely that inflation will remain elevated next year.",
    "Growth will likely slow in the second half of the year.",
    "Inflation should return to 2 percent by 2027.",
    "Corn production is forecast at 16.8 billion bushels.",
    "The outlook is for growth of 2 percent next year.",
    "The outlook is for higher inflation next year.",
    "Consumers will spend more on travel next year.",
    "The economy will perform well in 2026.",
    "Inflation will return to 2 percent in 2026.",
    "We're going to see higher inflation next year.",
    "The economy is going to slow next year.",
    "I think the unemployment rate will stay near 4 1/2 percent through 2026.",
    # beside the consequences and the event facts: a consequence with a time ahead, a reported one, an outcome
    "That would leave inflation above target next year.",
    "That would push the deficit to 6 percent of GDP in 2027.",
    "It would take until 2028 for inflation to return to 2 percent, the staff said.",
    "Analysts said it would slow growth next year.",
    "That will push up costs for importers next year.",
    "Output will rise 3% in 2027, the first increase in five years.",
    "Output will rise 3% in 2027 as the new plant opens.",
    "The increase would be the first rate hike in a decade, though analysts expect the bank will wait until later.",
    "The loan is due to mature in 2027.",
    "The index is expected to rise next month.",
    "Economists use the survey to predict that hiring will slow next year.",
    "If growth stays at this pace, unemployment will fall below 4 percent next year.",
    "If shipments keep up that pace, nearly 2.4 million cars will be sold next year.",
    "The mills will be raising their prices next year.",
    "Contacts expect that the mills will be raising their prices.",
    "Inflation will be rising at a faster pace.",
]


@pytest.mark.parametrize("sentence", PREDICTIONS)
def test_the_predictions_beside_each_kind_stay(sentence: str) -> None:
    assert _taken(sentence)


def test_a_masked_will_keeps_the_forecast_after_it() -> None:
    # the speaker's own act is masked, not the sentence: the forecast that follows still governs
    cue = governing_cue("I will say only that I expect growth to slow next year.")
    assert cue is not None and cue.words == "expect"
    cue = governing_cue("This Wednesday, the agency will issue its update, and the season will be busier than usual.")
    assert cue is not None and cue.words == "will" and cue.span[0] > 40


def test_ruled_out_is_only_for_future_words_the_rules_read_as_something_else() -> None:
    assert ruled_out("These developments likely weighed on investment last year.")  # "likely" about the past
    assert ruled_out("The Committee will carefully assess incoming data.")  # a procedure
    assert ruled_out("It remains to be seen whether the recovery will last.")  # says it does not predict
    assert not ruled_out("Corn production rose 3 percent in October.")  # no future word: the classifier decides
    assert not ruled_out("Prices could rise.")  # a hedge with no time is not read as something else


@pytest.mark.parametrize(
    "sentence",
    [
        # the guide's assessments with no future claim of their own, in words written for this test
        "Several forces were cited as likely to lift demand.",  # an explanation of an outcome predicted elsewhere
        "The risks to the price outlook were seen as tilted to the upside.",  # the balance of risks
        "We now expect stocks to be 4% larger at the end of next year than we forecast last month.",  # vs last month
        "It could be helpful to publish the path of rates.",  # a judgement
    ],
)
def test_assessments_are_ruled_out_for_the_classifier_too(sentence: str) -> None:
    assert governing_cue(sentence) is None
    assert ruled_out(sentence)  # so the sentence classifier cannot admit it either (candidates._admitted)


@pytest.mark.parametrize(
    "sentence",
    [
        # the guide's non-predictions of an analysis or a statement, in words written for this test
        "Firms may have front-loaded their imports ahead of the tariffs.",  # a modal perfect: about the past
        "These estimates might overstate the true effect of the policy.",  # "might" about a measurement now
        "The model would predict a larger response of consumption.",  # what a model would say
        "Monetary policy will remain data dependent.",  # how policy is made, not where it goes
        "Policy will continue to be guided by incoming data.",
        "The survey asked firms what they expected for next year.",  # a question reported
        "The astronauts will spend six months on the station.",  # a mission plan
        "The company will unveil its new phone at an event in September.",  # a product shown at a named event
        "The data are coming in slowly.",  # not a coming event
        "We are looking at the data.",  # no figure ahead
        "CBO's projections are not predictions of what will happen.",  # what projections are
        "Higher rates would reduce borrowing.",  # a general claim: what any rise would do
        "Prices would rise, all else equal.",
        "Corn production was unchanged at 16.7 billion bushels last month.",  # a past report
    ],
)
def test_analysis_wordings_that_do_not_predict(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=date(2026, 6, 15)) == []


def test_a_data_dependent_path_that_names_a_state_ahead_still_predicts() -> None:
    (candidate,) = extract_candidates("Policy will remain data dependent, and rates will fall next year.",
                                      published_on=date(2026, 6, 15))  # fmt: skip
    assert candidate.deadline == date(2027, 12, 31)


def test_a_general_would_with_a_time_ahead_or_a_will_still_predicts() -> None:
    on = date(2026, 6, 15)
    assert len(extract_candidates("Lower energy prices would support spending in coming months.", published_on=on)) == 1
    assert len(extract_candidates("Growth will slow next year, all else equal.", published_on=on)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        # kinds seen in the dev half's newer texts, each in words written for this test (said on 15 June 2026)
        "In light of these developments, the central bank will employ every tool it has to support the recovery.",
        "The Governing Council will also reinvest the maturing principal in full.",
        "Over coming weeks the Committee will increase its purchases of agency securities.",
        "The firm will now focus on cloud services.",
        "June 3, 2026 12 of 40",  # a page marker
        "We cannot assume that the recovery will be smooth.",
        "The episode highlights risks that could disrupt supply chains.",
        "Forecasters see two forces as likely to support further disinflation.",
        "The agency publishes projections of what spending would be if current law stayed the same.",
        "No other changes are forecast for 2026/27 soybeans.",
        "Larger harvests are projected in Canada (up 2 million tons) and in Brazil.",
        "Beginning stocks are up 10 million bushels on lower exports for 2025/26.",
        "Global use in 2026/27 is down slightly, with the sharpest declines occurring in Europe.",
        "The outlook for 2026/27 shows a 0.5-million-ton drop in ending stocks and smaller exports.",
        "Rising interest costs and spending on health care programs drive that increase over the next decade.",
        "We can't expect continued outsized gains in productivity.",  # no expectation, not one of the opposite
        "Long-term solvency of the program will require additional reforms.",  # a call for action
        "His proposals could cost around 500 billion dollars over two years.",  # a plan's cost
        "Such heavy debt would slow economic growth.",  # what such a thing would do
        "Contacts have been telling us how the economy is working and how policy might better serve them.",
        "Chip Makers Will Plead Their Case Before Trade Officials",  # a headline alone, in title case
    ],
)
def test_decisions_markers_doubts_explanations_and_summaries_are_no_predictions(sentence: str) -> None:
    with classify.using(None):  # the rules' call; the classifier's is tested in test_extract_classify
        assert extract_candidates(sentence, published_on=date(2026, 6, 15)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts expect the Fed will expand its balance sheet in July.",  # the institution's "will" under "expect"
        "Some saw a risk that inflation could rise next year.",  # a risk that a state comes about
        "Prices may rise in May 2027.",  # the modal, then the month
        "Even if demand softens, this ought not to affect hiring plans next year.",  # "ought to" is a modal
        "I don't expect inflation to rise next year.",  # an expectation of no rise
        # a headline that runs into its first sentence is read with it
        "Chip Makers Expect Growth Prices for memory chips will rise 20 percent next year, the association said.",
        "Contacts told us that prices would rise next year.",  # a reported forecast, not an embedded question
        "The plan should create at least two million jobs over the next few years.",  # the effect promised for a plan
    ],
)
def test_look_alikes_that_still_predict(sentence: str) -> None:
    with classify.using(None):
        assert len(extract_candidates(sentence, published_on=date(2026, 6, 15))) == 1


# An action weighed, as a gerund subject, with what it would or could do (the guide: general statements of what a
# rate rise would do): the rules take none; the classifier still admits the second (its words score high), which is
# left to it.
@pytest.mark.parametrize(
    "sentence",
    [
        "Economists argue that keeping rates too high for too long could push the economy into recession.",
        "Officials judged that pausing the rate increases would allow time to gauge their effects.",
    ],
)
def test_an_action_weighed_is_no_prediction_for_the_rules(sentence: str) -> None:
    with classify.using(None):
        assert not _taken(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The airline will lose money again next year.",  # an outcome, not an act the airline decides
        "Analysts say the retailer will close forty stores next year.",  # a forecast of others about the plan
        "The carmaker expects its sales to fall 10 percent this year.",  # the company's own forecast
        "Bankers voiced concern that rising defaults will cut their profits next year.",  # a definite effect
        "Some were concerned that low inflation abroad could erode inflation expectations.",  # a risk stated
        "Several factors were seen as likely to hold down price increases next year.",  # the outcome stated
        "Lower energy costs will ease inflation next year.",  # the outcome itself, not given as a reason
        "Exports should reach a record in 2026.",  # the forecast, not its conditional restatement
        "The company said it expects to cut 2,000 jobs by the end of next year.",  # its expectation, not its plan
        "The government will run a deficit of 5 percent of GDP next year.",  # an outcome, not an act it decides
        "If the central bank raised rates now, growth would slow next year.",  # a time ahead named
        "If inflation rises further, the Committee will raise rates.",  # a real condition, not a subjunctive one
        "Growth slowed without a surge in bankruptcies, but bankruptcies could rise next year.",  # a risk ahead
        "I expect your costs will rise next year.",  # a forecast, not a supposition about the audience
        "We will remain vigilant, and inflation will fall to 2 percent next year.",  # the forecast after the vigilance
        "Analysts expect the Bank of England to sell more gilts next year.",  # others' forecast of the decision
        "The purchase program would likely be completed later this year.",  # the Committee's path as an expectation
        "The program should create at least two million jobs over the next three years.",  # the effect promised
        "Inflation has fallen and will continue to do so next year.",  # a state continuing, not an agent's pledge
        "Economists argue that keeping rates too high could push the economy into recession next year.",  # a time ahead
        "The Governing Council expects to end net asset purchases in the third quarter.",  # the expected path
    ],
)
def test_the_predictions_beside_plans_and_concerns_stay(sentence: str) -> None:
    with classify.using(None):
        assert len(extract_candidates(sentence, published_on=date(2026, 6, 15))) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        # a task's cost in time and effort, not an outcome
        "Prices are rising fast, and it will take time and patience to bring them under control.",
        "Rebuilding the reserves will take time and money.",
        "Restoring trust could take time and effort on both sides.",
        # "expected" as an adjective beside the past: what a quantity responds to
        "Bond yields move with expected and actual changes in the policy rate.",
        "Actual and expected returns on equity diverge widely.",
        "Firms set wages on past or expected inflation.",
        # an agent's options, not what will happen
        "The board also has other tools it could consider.",
        "Several measures that might be explored are listed in the annex.",
        "Ministers have options which they could use to soften the blow.",
        # a disposition of the people a relative clause describes
        "The further decline in overtime is telling, since firms facing weaker orders, especially those who may be "
        "reluctant to cut staff, trim hours first.",
        "Savers who might be tempted to move money abroad face new rules as prices rise.",
        # a condition as an inverted "should" inside the sentence
        "Lawmakers have a range of tools to counter a slump should the downturn deepen.",
        "Reserves exist to cover losses should they arise.",
    ],
)
def test_a_tasks_cost_expected_as_an_adjective_options_and_an_inner_should_are_no_predictions(sentence: str) -> None:
    with classify.using(None):
        assert extract_candidates(sentence, published_on=date(2026, 6, 15)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It will take some time for higher rates to work through the economy and to cool demand.",  # the outcome, late
        "It will take two years for inflation to return to 2 percent.",  # a length of time
        "It will take time and effort, but unemployment will fall to 4 percent next year.",  # the forecast after it
        "Prices are expected to rise next year.",  # the forecast verb, not the adjective
        "The expected slowdown will cut imports next year.",  # a forecast beside the adjective
        "The board could cut rates again next year should the slowdown deepen.",  # the forecast before the condition
        "Should the slowdown deepen, the board will cut rates next year.",  # an inverted "should" at the start
        "Unemployment should rise next year.",  # "should" as a modal
        "Small firms may be reluctant to hire next year.",  # a disposition forecast of the subject, with its time
        "Households who may be unable to refinance will cut spending next year.",  # the forecast beside the clause
        "The options are narrow, and the deficit will widen to 6 percent next year.",  # a forecast beside options
    ],
)
def test_predictions_beside_a_tasks_cost_adjectives_options_and_conditions_stay(sentence: str) -> None:
    with classify.using(None):
        assert len(extract_candidates(sentence, published_on=date(2026, 6, 15))) == 1


# The guide ("Not predictive": explanations; the accounts' explanations of a movement already seen): what a change
# "could mainly be ascribed to", "may partly be attributed to", "might be traced to" is its cause, told with a hedge,
# not a possible future. A forecast beside an attribution, and a modal with its own event, stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Since the last meeting, the rise in bond yields could largely be ascribed to stronger activity data, which "
         "had lifted equity prices.", False),
        ("The weakness in exports may partly be attributed to the strong currency.", False),
        ("Part of the fall in confidence might be traced back to the trade dispute.", False),
        ("The widening of spreads could be put down to heightened uncertainty about the banking sector.", False),
        ("Exports could fall next year, a drop that analysts attribute to the strong currency.", True),
        ("The slowdown could deepen next year as exporters face higher tariffs.", True),
    ],
)  # fmt: skip
def test_a_cause_ascribed_with_a_hedge_is_an_explanation(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide ("Not predictive": decisions announced with a schedule; the ninth batch: "we will continue to make net
# purchases ... until the end of September 2018" is a decision; the thirty-seventh: the sequence a council decided,
# told by its own speaker, is a decision, like a schedule): an institution's own policy act in "we will" (end purchases,
# raise rates, decide on the calibration of its instruments this autumn, review its tools at its next meeting) is no
# forecast. Others' expectations of the same acts, the speaker's own expectation of them, "we will likely need to", and
# what "we will see" in the economy stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("First, we will end net purchases under the bond purchase programme.", False),
        ("Then we will raise our key policy rates in a gradual and sustained way.", False),
        ("Next spring we will decide on the size of our asset purchases beyond the end of the year.", False),
        ("In December we will review the calibration of our instruments in the light of the new projections.", False),
        ("The Governing Council will decide on the pace of its reinvestments at its next meeting.", False),
        ("Analysts expect the ECB will end net purchases in July.", True),
        ("I expect that we will raise our policy rates again in September.", True),
        ("We will likely need to raise rates further next year to bring inflation down.", True),
        ("I believe we will see inflation fall to 2 percent next year.", True),
        ("Participants expected that the Committee would end its purchases in the middle of next year.", True),
    ],
)  # fmt: skip
def test_an_institutions_own_policy_act_in_we_will_is_a_decision(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's forty-second batch: a write-up about companies' earnings forecasts in general (what guidance is) holds no
# forecast: a practice of forecasting told as a habit ("often", "usually") or period by period ("for each quarter"),
# with "expected" as the adjective of what is reported, is no forecast of a checkable state. A company's or analysts'
# expectation with its own period stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Often firms report expected profits for each three-month period.", False),
        ("Many retailers publish expected sales figures every quarter.", False),
        ("Chief executives usually give expected earnings to their shareholders at the start of the year.", False),
        ("Analysts expect the chain to report lower earnings for the third quarter.", True),
        ("The chain expects earnings for each of the next four quarters to rise.", True),
        ("Companies reported expected earnings growth of 8 percent for next year, the survey found.", True),
    ],
)  # fmt: skip
def test_a_practice_of_reporting_expected_figures_is_no_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-seventh batch (a supervisory programme): what a kind of test "may create" and what such a culture
# "could possibly create" are general mechanisms of an arrangement, not forecasts. A possible event with a time ahead,
# and a chained consequence of a risk scenario ("such a slowdown could"), stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Such an exercise may create the risk that all banks hold the same assets.", False),
        ("3 Such a framework could possibly encourage herding among lenders.", False),
        ("This kind of arrangement might reduce the incentive to monitor counterparties.", False),
        ("Such a framework could push lending rates up sharply next year.", True),
        ("Exports could fall sharply, and such a slowdown could push unemployment up.", True),
    ],
)  # fmt: skip
def test_what_a_kind_of_arrangement_may_create_is_a_mechanism(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-seventh batch (a speech to students about their own futures): what the audience, named as a class
# of people ("today's graduates", "this year's students"), will do or meet in their lives, and what "something will"
# do to "you", are generalisations about a group that a reviewer cannot check; the economy they will enter, with the
# audience only inside the subject, stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Today's college graduates will be exposed to far more information than any generation before them.", False),
        ("This year's students will face choices their parents never imagined.", False),
        ("Sooner or later, something will capture your imagination and keep you going.", False),
        ("The job market into which you graduate will demand far stronger analytical skills.", True),
        ("The skills that today's graduates bring will fall short of the economy's needs within two decades.", True),
    ],
)  # fmt: skip
def test_what_an_audience_named_as_a_class_will_meet_is_no_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's forty-second batch: advice on what stores can do and what they "could offer" is not a prediction; an
# agent's further options listed with "could also" + a deliberate act (offer, sell, try, consider) are advice. A
# possible outcome listed with "also" ("may also disrupt supplies", "could also rise next year") stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("She says small shops could also offer repairs that online sellers cannot.", False),
        ("Farmers might also try selling directly to restaurants.", False),
        ("Banks could also consider lending to smaller firms.", False),
        ("Extreme weather may also disrupt supplies of grain and other commodities.", True),
        ("Import prices could also rise sharply next year as the currency weakens.", True),
    ],
)  # fmt: skip
def test_an_agents_further_options_with_could_also_are_advice(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-seventh batch: the sequence a council decided, told by its speaker (purchases will end, the hike
# will take place after, normalisation will be gradual), is a decision like a schedule, and pledges to the mandate do
# not count: a policy event said to "take place ... after the end of" another, a normalisation or tightening that "will
# be gradual", and actions that "should leave no doubt about our commitment". Others' dated expectation of the hike,
# and the participants' expectation that tightening would be gradual, stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The first rate increase, guided by our forward guidance, will take place shortly after the end of net "
         "asset purchases.", False),
        ("After the first hike, the tightening process will be gradual.", False),
        ("Our record over the last decade should leave no doubt about our commitment to price stability.", False),
        ("Economists said the first rate hike will take place after the summer.", True),
        ("Participants expected that the tightening would be gradual over the next two years.", True),
    ],
)  # fmt: skip
def test_a_councils_decided_sequence_and_commitment_are_no_forecasts(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide ("Not predictive": explanations; a need, procedure): what a change "could help explain" or "could also
# help to account for" is its cause, and what "would have to be further assessed" or "would need to be watched
# carefully" over coming months is a need of the assessors. A modal that helps bring an outcome ahead, and an
# expectation that names a time, stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Shifts in the age structure of the workforce could help explain why wage growth stayed subdued last year.",
         False),
        ("Low mortgage rates could also help to account for the strength of house prices seen in the spring.", False),
        ("The effect of the new tariffs on the outlook for prices would have to be further assessed over the coming "
         "months.", False),
        ("Incoming data would need to be watched carefully for signs of a sharper slowdown in hiring.", False),
        ("Lower energy prices could help bring inflation down to 2 percent next year.", True),
        ("Staff expected that the effect of the tariffs on prices would fade over the coming months.", True),
    ],
)  # fmt: skip
def test_what_could_help_explain_and_what_would_have_to_be_assessed_are_no_forecasts(
    sentence: str, predicts: bool
) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-ninth batch: uncertainties or a shock that "could threaten" or "may threaten" the expansion or the
# mandate are read like events said to pose risks (not counted). A possible event with its outcome stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("But I do think the trade disputes we face at the moment may very well threaten this recovery, especially "
         "if the budget talks drag on any longer.", False),
        ("A sharp rise in oil prices could threaten the expansion.", False),
        ("A sharp rise in oil prices could push inflation above 3 percent next year.", True),
        ("The trade disputes may well slow growth to 1 percent next year.", True),
    ],
)  # fmt: skip
def test_what_may_threaten_the_expansion_is_a_risk_not_a_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's "Not predictive": the speaker's own speech acts are text about the text ("I would note that"): "I would
# repeat my judgment that", "I'd reiterate", "we would emphasize" are no forecasts; a forecast said in the rest of the
# sentence stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Once more, I would repeat my judgment that the main risk is on the upside.", False),
        ("I would repeat that the economy is in good shape.", False),
        ("We would also stress that the banking system is sound.", False),
        ("I would repeat my view that growth will slow to 1 percent next year.", True),
    ],
)  # fmt: skip
def test_a_speakers_repetition_and_emphasis_are_speech_acts(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide ("Not predictive": the balance of risks): a risk said to be "to the downside" or "to the upside" is a risk
# balance, not "is to" + a verb. A risk that names its outcome stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I think the risk is to the downside.", False),
        ("Risks to the inflation outlook are still to the upside.", False),
        ("The main risk is to the down side for employment.", False),
        ("The risk is that inflation will rise to 4 percent next year.", True),
        ("Output is to rise 2 percent next year, the ministry said.", True),
    ],
)  # fmt: skip
def test_a_risk_to_the_downside_is_a_balance_not_is_to(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-ninth batch: factors said to be likely to apply, listed as the reasons for a forecast, explain it
# and do not count; "assumptions about other factors likely to affect economic outcomes" is procedure. Factors likely
# to support or restrain a named outcome stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The usual set of favourable price factors seems likely to apply: strong productivity and ample capacity.",
         False),
        ("The figures reflect each member's view of appropriate policy and assumptions about other factors likely to "
         "affect the economy.", False),
        ("Several factors were seen as likely to restrain growth in consumer spending next year.", True),
        # the factors in a lead-in phrase, and the speaker's own forecast in the main clause after it
        ("Weighing the many factors likely to shape demand over the coming year, we expect that output will grow "
         "moderately.", True),
        ("After considering the factors likely to affect prices, I think inflation will stay near 2 percent.", True),
    ],
)  # fmt: skip
def test_factors_likely_to_apply_are_reasons_not_forecasts(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide: scheduled events and data releases are no forecasts ("we will get a test on Friday"); what coming data
# or a report "will measure" or "will give a reading on" is its scope. What the data will show, with its content, stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Other figures due this week will measure consumer prices and the health of the labour market.", False),
        ("The quarterly stocks report will give a reading on supplies during the coming months.", False),
        ("Next week's data will show that retail sales fell 2 percent in May, economists predict.", True),
    ],
)  # fmt: skip
def test_what_coming_data_will_measure_is_its_scope(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's forty-second batch ("may" about the present; present signs are negatives): what a reading "may be
# evidence of" or "might be a sign of" is an inference about the present. A sign read as pointing to a time ahead
# stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Analysts say the drop in layoffs may be evidence of a firmer labour market as firms regain confidence.",
         False),
        ("The rise in orders might be an early sign of a recovery in manufacturing.", False),
        ("The rise in orders may be a sign that output will pick up next year.", True),
    ],
)  # fmt: skip
def test_what_may_be_evidence_of_is_an_inference_about_the_present(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A reading blanked as no forecast (a requirement, a scope, a schedule, a revision note) stops before the speaker's own
# main clause after a comma: the lead-in phrase is no forecast, the "we expect that ..." after it is.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Although the new rules will help ensure stability in the banking system, we expect that lending will slow "
         "next year.", True),
        ("Because the agency will be required to review each plan, I expect that approvals will take longer in 2027.",
         True),
        ("While the conference will be webcast, I think attendance will rise next year.", True),
        # a clause of its own after "but" or "and", with "will" and a time ahead
        ("The timing is difficult to predict, but rates will rise next year.", True),
        ("The new rules will help supervisors identify weak banks, and lending will slow in 2027.", True),
        # the lead-in alone stays masked, and so does a second plan with no time ahead
        ("The timing is difficult to predict.", False),
        ("The review will include public hearings, and the board will publish its findings.", False),
        ("The new rules will help ensure stability in the banking system.", False),
        ("The conference will be webcast.", False),
    ],
)  # fmt: skip
def test_a_masked_lead_in_does_not_take_the_speakers_own_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-seventh batch (what matters, with no outcome in it), told from the subject: a requirement or a
# question "will be" something. A noun that names a cause ("a key driver of growth will be exports") stays a forecast.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("An essential ingredient of any durable expansion will be a pickup in business investment.", False),
        ("The key question for the committee will be whether wage growth slows.", False),
        ("A key driver of growth next year will be exports to Asia.", True),
        ("An important element of the outlook is that inflation will fall to 2 percent next year.", True),
    ],
)  # fmt: skip
def test_a_requirement_told_from_its_subject_is_no_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's forty-eighth batch (federal analyses of the budget process): a measure's design is Congress's plan,
# schedule and procedure, not an outcome: what a bill, a resolution or its directives "would establish", "may also
# trigger", "would direct" or "would change", rules that "may be enforced", and what a chamber "may" do (permission).
# What a measure would do to the world, with its amount, a chamber's action with a time ahead, and a law's effect in
# "will" stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The concurrent resolution would instruct three Senate committees to report changes in law by June 1.", False),
        ("A conference agreement may also trigger a second round of votes in both chambers.", False),
        ("H.R. 2210 would direct the Secretary to issue guidance within 180 days of enactment.", False),
        ("Either chamber may, however, use ways of moving forward with the bill in the event that a committee has not "
         "reported.", False),
        ("Spending above the allocation may be enforced through a point of order on the floor.", False),
        ("The instructions direct each panel to report legislation that would change laws within its jurisdiction.",
         False),
        ("The framework within which Congress may consider spending bills is set each spring.", False),
        ("The bill would reduce the deficit by $1.2 trillion over the next decade.", True),
        ("The Senate may pass the bill as early as next week.", True),
        ("Congress will probably raise the debt limit before the August recess.", True),
        ("The new law will raise prices for consumers next year.", True),
    ],
)  # fmt: skip
def test_a_measures_design_and_a_chambers_permission_are_procedure(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's forty-eighth batch (an analysis of the revenue-maximizing tax rate): theory and studies are no forecasts.
# What a tax or tariff change not adopted "would" or "could" do, told as theory or as a notion debated, and a study's
# estimate of a rate, an elasticity or an effect; a change's effect with its amount, a study's forecast for a year and
# an adopted tariff's effect with a time ahead stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("If the tariff is above the optimal level, a tariff cut would raise national welfare.", False),
        ("The idea that a payroll tax cut could pay for itself was debated in 2010.", False),
        ("Increases in the top income tax rate would likely raise less than the static estimate.", False),
        ("Two papers published in 2012 estimated an optimal tariff rate of about 15 percent.", False),
        ("Earlier research estimated a labor supply elasticity of 0.3 for married women.", False),
        ("A tax cut would reduce revenues by $300 billion in 2027.", True),
        ("The study estimated that unemployment will rise to 6 percent next year.", True),
        ("Economists at the bank estimated a growth rate of 2 percent for 2027.", True),
        ("The tariff increase will raise prices next year.", True),
    ],
)  # fmt: skip
def test_theory_and_studies_of_a_tax_change_are_no_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's forty-fourth and forty-sixth batches (policy go-rounds): the consequences a speaker weighs of a move the
# Committee might make, its options, its contingency plans and the data still to come are no forecasts. A general
# relation told as a comparative, the message a step would send and how the Committee would be seen, the speaker's
# aversion, a counterfactual baseline ("than they would otherwise be"), an outcome that "will hinge on" something, a
# difficulty for the policymaker and risks named as things to keep in mind. A time ahead, a forecast after the
# speaker's own verb, and an effect on the economy with its level stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The longer we wait, the more likely it is that we would have to move aggressively.", False),
        ("The bigger the cut, the more likely it is that the dollar would fall.", False),
        ("I think that would send the wrong message to the markets.", False),
        ("Doing nothing now could send a confusing signal.", False),
        ("I think the Fed could come off looking weak.", False),
        ("The Committee might come across as indecisive.", False),
        ("I would hate to see anything happen that would undo that progress.", False),
        ("I'd hate to see us do something that would upset the markets.", False),
        ("The subsidy keeps prices lower than they would otherwise be.", False),
        ("Future gains in hiring will hinge in part on export demand.", False),
        ("The recovery will turn largely on consumer confidence.", False),
        ("There are other risks that we need to keep in mind as we weigh a larger move.", False),
        ("The longer the strike lasts, the more output will fall next quarter.", True),
        ("The tariffs will send prices higher next year.", True),
        ("We could see inflation rise to 4 percent next year.", True),
        ("I would hate to see it, but I expect unemployment will rise next year.", True),
        ("Long rates will be higher next year than they would otherwise be.", True),
        ("Higher oil prices could push inflation to 4 percent next year.", True),
        ("The risk is that inflation rises further next year.", True),
    ],
)  # fmt: skip
def test_what_a_go_round_weighs_is_no_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The same go-rounds' options, plans and schedule: the data still to come ("we'll have two more employment reports"),
# the Committee's options ("we could either ...", "we could review the numbers and see", "Alternatively, we could"),
# the statement it would issue and what it will do "in such an event" (a contingency plan). Its possible policy under a
# stated condition and a forecast with "will have" stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("We will have considerably more information on prices.", False),
        ("By the next meeting we'll have two more employment reports.", False),
        ("We could review the numbers at the next meeting and see if a further step is warranted.", False),
        ("Alternatively, we could offset it by tightening a little earlier.", False),
        ("We could either accommodate the stimulus or lean against it.", False),
        ("My sense is that in such an event we will do what we did in 1998.", False),
        ("We would issue a statement at that time explaining our action.", False),
        ("We will have higher inflation next year.", True),
        ("If unemployment rises further, we could cut rates again in the spring.", True),
    ],
)  # fmt: skip
def test_a_go_rounds_options_plans_and_data_to_come_are_no_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A note on how a table is to be read (the guide's forty-seventh batch: notes on stocks and trade are definitions) and
# "may" about the present with an adverb ("may just be coming into its own", "might all be using"); not a forecast.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Regional totals should not be construed as a forecast for any single country.", False),
        ("That sector may just be coming into its own.", False),
        ("We might all be using different assumptions.", False),
        ("Exports should rise next year.", True),
    ],
)  # fmt: skip
def test_a_reading_note_and_may_about_the_present_are_no_forecast(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The brief on transcripts of policy debates, and the guide ("general or hypothetical claims that name no future
# state"; news: "general statements of what a rate rise 'would' do are not"): what a move of the Committee's own would
# bring, told under its condition ("if we ease now", "were we to tighten", "by moving now", "if we got aggressive"), is
# a consequence weighed in the debate, not a forecast. A condition about the economy, a move of ours with a time ahead
# named, a stated expectation, and a condition that is no policy move of ours ("if we get a recession") stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("If we cut the funds rate again at this meeting, long rates would probably fall.", False),
        ("If we do make one more small move, it probably will not change much.", False),
        ("If we ease now, we would be seen as bowing to pressure from the Treasury.", False),
        ("Were we to tighten today, the dollar could strengthen sharply.", False),
        ("By moving now, we would probably calm the bond market.", False),
        ("Mortgage rates might jump quite a bit if we got too aggressive in tightening.", False),
        ("If the Committee waits too long, it will be seen as behind the curve.", False),
        ("If the dollar keeps falling, inflation would rise next year.", True),
        ("If we ease now, inflation would rise to 3 percent by the end of next year.", True),
        ("If we hold the funds rate where it is, I expect growth of 2 percent next year.", True),
        ("If we get a recession, unemployment could climb to 7 percent next year.", True),
        ("If inflation keeps rising, we might have to raise rates again later this year.", True),
    ],
)  # fmt: skip
def test_what_a_move_of_our_own_would_bring_under_its_condition_is_no_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The same debate's other form (the guide: "general statements of what a rate rise 'would' do are not"; a policy
# analysis's case for acting early): a move or an action not yet taken, as the subject ("a pause", "another cut",
# "earlier action", "cautious easing"), with what it will or would do for the case being argued (give, help, buy,
# send, reassure). The expected path of policy ("a further move will be appropriate"), a move's effect with a time
# ahead, and the effect of an easing that has happened stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("A further move at this meeting would probably reassure the markets.", False),
        ("Earlier action will make the adjustment easier for retirees.", False),
        ("We should be patient, and a pause will give us time to see the data.", False),
        ("In my view, cautious easing would buy some insurance against a downturn.", False),
        ("Another cut could send the wrong signal about our resolve.", False),
        ("I expect that a further move will be appropriate at our next meeting.", True),
        ("Analysts say a further rate cut will likely come in September.", True),
        ("A further rate cut would lift house prices by 3 percent next year.", True),
        ("The recent easing in financial conditions will help lift growth in the coming quarters.", True),
    ],
)  # fmt: skip
def test_what_a_move_not_yet_taken_would_do_is_an_argument_not_a_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# "we/they should" is advice unless what follows is an outcome: "they should fall back next year" (of prices), "we
# should be back at full employment by 2027" (the economy). Advice and attitude stay out.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Prices rose sharply in May, but they should fall back next year.", True),
        ("We should be back at full employment by 2027.", True),
        ("Home sales slumped this spring; they should recover by the end of 2027.", True),
        ("We should act to keep inflation expectations anchored.", False),
        ("They should consider raising rates.", False),
        ("We should remain vigilant.", False),
    ],
)  # fmt: skip
def test_we_or_they_should_with_an_outcome_is_no_advice(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The speaking institution's work carried on or under way is its plan (the guide's forty-ninth and sixty-fifth batches:
# plans, pledges and a programme of work): "we will continue to press for", "we will continue our work in the G20",
# "we will be notifying Congress", "we will follow through". What "we will continue to see" or "be seeing" is an
# outcome.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("We will continue to press our partners for fair access to their markets.", False),
        ("We will continue our engagement with the region's finance ministers.", False),
        ("We will be consulting lawmakers on the new framework.", False),
        ("We will follow through on the reforms announced last spring.", False),
        ("We will continue to see strong job gains next year.", True),
        ("We will be seeing higher prices at the pump next summer.", True),
    ],
)  # fmt: skip
def test_the_institutions_work_carried_on_is_its_plan(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence
