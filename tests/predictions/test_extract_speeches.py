"""Kinds of wording in central-bank speeches, policy statements, meeting transcripts and news (issue 20: the genres the
extractor generalised worst to), decided by the labelling guide (tests/predictions/extract_dev/README.md, "Not
predictive" and the calls added with the fourteenth to sixteenth batches): the policy acts and effects that are no
forecast, the outlook wordings that are one, and beside each kind the sentences it must not take with it.

Every sentence here was written for this file (none is copied from the labelled set). Each is run through
``extract_candidates`` as a text of its own, with the sentence classifier, as a user's article would be.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import classify, extract_candidates
from predictions.extract.confidence import governing_cue

BASE = date(2025, 6, 2)


def _taken(sentence: str) -> bool:
    return bool(extract_candidates(sentence, published_on=BASE))


# The guide: decisions, commitments and procedures ("will employ all available tools", "will, at its coming meetings,
# assess"), the effect of a possible policy and general mechanisms, the help an outcome would give, the speaker's own
# view, necessity.
POLICY_ACTS = [
    # a committee continuing its own programme or run-off
    "The Committee will continue shrinking its balance sheet, as set out in the principles it adopted in March.",
    "The Board also will continue through the summer its program of term lending to smaller banks.",
    "Should conditions deteriorate, the Governing Council will continue its purchases under the programme and use its "
    "other instruments until the outlook brightens.",
    "In addition, the central bank will continue to reduce its holdings of corporate bonds.",
    # a central bank's own reinvestment
    "We will roll over maturing bills into new issues at auction.",
    # a change decided with the day it takes effect
    "The monthly limit on agency runoff will be raised from $10 billion to $20 billion as of August 1.",
    "The rate paid on reserve balances will be set at 4.15 percent effective 3 July.",
    # a procedure told "as always"
    "When setting the pace of asset sales, the Board will, as always, weigh the conditions in funding markets.",
    # an effect with no direction, or on the speaker's own view
    "The tariff rulings could affect the supply chains of many manufacturers.",
    "Developments abroad will influence the path of the domestic economy over the coming year.",
    "The strength of the housing market may shape the course of consumer spending.",
    "These data will inform my judgment about the appropriate stance of policy.",
    "I do not expect next week's retail sales figures to change my assessment of the economy.",
    # a help that names no state, the help an outcome would give
    "The minister said lower energy taxes would also help.",
    "Softer rents would help to counter the price pressures in other services.",
    # necessity
    "It's going to be important to make sure that banks keep lending to small businesses.",
    # a condition's own hedge, under a commitment
    "The Board would stand ready to act if strains arise that could disrupt the flow of credit.",
]


# The outlook wordings the kinds above, or older masks, must not take with them.
OUTLOOK = [
    # an inference about what lies ahead
    "Those revisions might mean a slower pace of hiring going forward.",
    "The drop in orders could signal weaker factory output in the coming months.",
    # an effect a cause will bring, in the passive
    "The slowdown in hiring should be offset by stronger productivity growth.",
    "Household spending may be supported by the recent gains in real wages.",
    # a risk scenario
    "In my judgment there is a plausible scenario in which unemployment rises and inflation stays high.",
    # an outlook painted for a period ahead
    "Analysts are painting a gloomy picture for next year, citing weak exports.",
    # the expected path after a decision
    "The Board decided to lower its policy rate by a quarter point and expects that further cuts will be appropriate.",
    # true predictions beside the policy acts above: a direction, a level, a date ahead, reported speech
    "Higher tariffs will push up consumer prices over the coming year.",
    "The strike will affect car plants, and output is expected to fall 2 percent in the third quarter.",
    "The monthly limit on agency runoff is expected to be raised by the end of the year, analysts said.",
    "The Committee expects to continue reducing its holdings until reserves are somewhat above ample, around mid-2026.",
    "The minister said lower energy taxes would help cut inflation to 3 percent next year.",
    "This action will help support employment and a return of inflation to 2 percent.",
    "Demand is going to slow as higher rates bite later this year.",
    "Oil prices could rise sharply if supplies that were expected from new fields fail to arrive next year.",
]


@pytest.mark.parametrize(("sentence", "predicts"), [(s, False) for s in POLICY_ACTS] + [(s, True) for s in OUTLOOK])
def test_each_kind_is_read_as_the_guide_calls_it(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence
    with classify.using(None):  # the rules decide each one, not the classifier
        assert _taken(sentence) is predicts, sentence


def test_an_outlook_wording_in_an_indirect_question_is_none() -> None:
    assert governing_cue("They asked what a weaker currency might signal about exports going forward.") is None
    assert governing_cue("Members discussed how a weaker currency could signal higher prices ahead.") is None


@pytest.mark.parametrize(
    ("sentence", "words", "probability"),
    [
        ("Those revisions might mean a slower pace of hiring going forward.", "might", 0.4),
        ("The slowdown in hiring should be offset by stronger productivity growth.", "should", 0.65),
        ("In my judgment there is a plausible scenario in which unemployment rises and inflation stays high.",
         "scenario", 0.4),
        ("Analysts are painting a gloomy picture for next year, citing weak exports.", "painting", 0.75),
    ],
)  # fmt: skip
def test_outlook_wordings_keep_their_words_and_confidence(sentence: str, words: str, probability: float) -> None:
    cue = governing_cue(sentence)
    assert cue is not None and (cue.words, cue.probability) == (words, probability)


# The guide's fourteenth batch: a staff estimate, in the present tense, of a period whose data is not out counts
# (a nowcast); an estimate told in the past of a period that is over, and a cause in the past ("was largely due to",
# "has been due to"), do not.
ADMIT_ALL = classify.Model(intercept=5.0, weights={}, veto=0.0, admit=0.6)  # the gates after the classifier alone


@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Board staff estimate that core goods prices rose at a 3.2 percent rate over the first five months of the "
         "year.", True),
        ("We currently estimate that the 12-month change in core prices was 2.6 percent in May.", True),
        ("The staff estimated that consumer prices rose 3 percent in 2024.", False),
        ("Last year the staff estimated that growth would be 2 percent in 2024.", False),
        ("Consumer prices rose 3 percent in 2024.", False),
    ],
)  # fmt: skip
def test_a_nowcast_in_the_present_passes_the_past_report_gate(sentence: str, predicts: bool) -> None:
    with classify.using(ADMIT_ALL):
        assert _taken(sentence) is predicts, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Much of the drop in unemployment has been due to older workers leaving the labor force.",
        "The jump in claims was largely due to storms in the South.",
        "The talks were due to resume on Monday.",
    ],
)
def test_due_to_told_in_the_past_is_no_schedule_ahead(sentence: str) -> None:
    assert governing_cue(sentence) is None


def test_due_to_in_the_present_is_still_a_schedule_ahead() -> None:
    cue = governing_cue("The new plant is due to open next year.")
    assert cue is not None and cue.words == "is due to"


# News: a job search is no forecast ("looking for work"), nor is an annualised rate told as a hypothetical ("If sales
# continued at that pace for a full year, ... would"), nor an instrument's purpose ("an index designed to predict");
# an abbreviation's points end no clause ("initiated by U.S. housing troubles, as nearing an end").
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The survey counts people as jobless only if they are looking for work.", False),
        ("Many graduates say they are looking for jobs in the public sector.", False),
        ("We are looking for growth of about 2 percent next year.", True),
        ("If car sales continued at that pace for a whole year, about 17.2 million vehicles would be sold.", False),
        ("If exports continued at that rate, they would reach a record next year, economists said.", True),
        ("A gauge designed to forecast factory activity over the next six months fell in May.", False),
        ("The gauge is expected to fall further over the next six months.", True),
        ("Many analysts see the U.K. housing slump, worsened by higher U.S. rates, as nearing its end.", True),
    ],
)  # fmt: skip
def test_news_kinds(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A verb of change in the present with a date ahead is an outlook's tense ("Exports rise in 2026"); after a preposition
# and a determiner the word is a noun ("even after our rate increases this year"): past data described.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Real borrowing costs remain low, even after the tariff increases this year.", False),
        ("Household debt is still rising despite their wage declines this year.", False),
        ("In the projection, the policy rate increases to 4 percent in 2026.", True),
    ],
)
def test_a_noun_after_a_preposition_is_no_present_tense_outlook(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's fifteenth batch: a fear of a possible effect ("say they fear the price rise trend could continue") is no
# prediction; a forecast beside it, or a concern the minutes report with its content, stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Traders fear that the rally in grain prices could fade, since stocks are ample.", False),
        ("Shipping analysts say they fear freight rates might climb again.", False),
        ("Analysts fear the slump, but expect freight rates to climb 10 percent next year.", True),
        ("Some participants were concerned that tighter credit could slow hiring next year.", True),
    ],
)
def test_a_fear_of_a_possible_effect_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A relative clause whose object is the noun before it names a thing ("the effects they will have going forward", "the
# risks banks may face from such deposits"), and a stranded preposition before the main verb ("activities firms may
# become involved in are supervised"): no claim about what will happen. The same verbs with their object, or with a
# time ahead put first, still forecast.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("We need to study these shifts and the consequences they will have going forward.", False),
        ("Lenders should understand the funding risks they may face from volatile deposits.", False),
        ("Policy has to adapt to the turns the recovery may take.", False),
        ("Supervisors check that products insurers may become involved in are well capitalised.", False),
        ("Regulators must know the role these funds will play in a stress event.", False),
        ("The slowdown will have a large effect on hiring next year.", True),
        ("Banks will face higher funding costs in 2026.", True),
        ("Exporters will face in 2026 the full force of the tariffs.", True),
        ("Officials say about two million people will be found to have diabetes this year.", True),
    ],
)
def test_a_modal_in_a_relative_clause_on_its_object_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A hope is no forecast (the guide: retailers' hope that the coming days will rescue a season), whether it is told as
# "hopeful that", "hopefully" or "I hope"; a forecast beside it in another clause still counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Dealers are hopeful that the spring season will lift car sales, but lots are still full.", False),
        ("Hopefully, we will see the recovery in hiring continue.", False),
        ("I hope that the labor market will stay strong through next year.", False),
        ("Mortgage rates will come down next year, I hope.", False),
        ("I hope rates will fall next year, but I expect them to stay above 4 percent through 2026.", True),
        ("Dealers expect that the spring season will lift car sales.", True),
    ],
)
def test_a_hope_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A verb of change or amount in the present with a date ahead is an outlook's tense, but "average" before a noun is an
# adjective ("average hourly earnings ... decelerated over the third quarter") and a word after a copula is one too
# ("employment growth is now equal to the nation's"): data described. The verbs themselves still forecast.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Another gauge, average weekly wages, slowed to a 3.1 percent rate over the fourth quarter.", False),
        ("After lagging for five years, our state's job growth is now equal to the national rate.", False),
        ("In the projection, exports average 3 million tons a year through 2027.", True),
        ("In the projection, state job growth equals the national rate in 2026.", True),
    ],
)
def test_an_adjective_is_no_present_tense_outlook(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# "we have inflation running at 3 percent" is a speaker's forecast told as what the forecast has; "we have acted to
# address rising prices" is a present perfect, a report of what was done, whatever "-ing" word follows it.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Since the spring we have moved quickly to counter rising prices.", False),
        ("They have seen their order books shrinking for months.", False),
        ("We have the jobless rate holding at 4 percent.", True),
        ("We have inflation running at about 3 percent through 2027.", True),
    ],
)
def test_a_present_perfect_is_no_forecast_the_speaker_has(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A pledge told as the speakers' resolve (the guide: pledges, and "I am therefore committed to a policy that will
# bring the real federal funds rate back into positive territory") is no forecast; a forecast before it still counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Let me assure you that my colleagues and I are resolute that we will restore price stability.", False),
        ("We are steadfast in our aim that inflation will return to target.", False),
        ("I am therefore committed to a policy that will bring real rates back above zero.", False),
        ("Inflation will fall to 3 percent next year, and we are resolute that it will reach 2 percent later.", True),
    ],
)
def test_a_pledge_told_as_resolve_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A statement of principle that something is and always will be so names no time or state to check (the guide's
# twenty-fourth batch); a forecast beside it still counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("As the Governor likes to say, sound money is and will always be the foundation of growth.", False),
        ("Deposit insurance always will matter to small savers.", False),
        ("Markets will always overreact at times, and the index will fall 10 percent next year.", True),
    ],
)
def test_a_statement_of_principle_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# What may happen whenever a state holds is a general claim (the guide's twenty-fourth batch: what a bank may
# experience when its deposits have a stated make-up); a state still to come, or a time ahead, makes it a forecast.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("When a lender's funding is concentrated in a few large depositors, it may face sudden outflows.", False),
        ("When oversight is weak, firms can take on risks that harm their customers.", False),
        ("When the strike is over, output could rebound sharply.", True),
        ("When rates are higher next year, home sales may slow.", True),
    ],
)
def test_what_may_happen_whenever_a_state_holds_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A forecast told in the past progressive ("some people were expecting up to 25% unemployment at the height of the
# pandemic") is a forecast made in the past, like the pluperfect "had projected"; with a period still ahead it stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Joblessness peaked at 9 percent, though some analysts were expecting 20 percent during the crisis.", False),
        ("At the start of the war, traders were predicting oil at $200 a barrel.", False),
        ("Economists were expecting growth of 3 percent in 2026.", True),
    ],
)
def test_a_forecast_in_the_past_progressive_is_a_past_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The verb "risk" with what may follow ("a stronger dollar risks delaying the recovery next year") is a hedged
# forecast; "risks" after a preposition is the noun ("the balance of risks becoming more favorable"), no cue.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Until the budget talks end, I don't see the balance of risks turning more favorable.", False),
        ("Officials talked about the mix of risks shifting later this year.", False),
        ("A stronger dollar risks delaying the recovery next year.", True),
    ],
)
def test_risks_after_a_preposition_is_the_noun(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# "expected" after a hyphenated adjective is itself an adjective of a market or survey measure ("the TIPS-based
# expected inflation rates are now near 2 percent"), no forecast verb; a forecaster's "expected" still is one.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The market-based expected policy rates are now all close to 4 percent or a little higher.", False),
        ("Survey-based expected inflation stands at 3 percent, the same as last month.", False),
        ("The long-suffering staff expected inflation to rise to 3 percent next year.", True),
    ],
)
def test_expected_after_a_hyphenated_adjective_is_an_adjective(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A consequence stated on the condition that a projected exhaustion happens is a conditional restatement (the guide:
# "a consequence stated on the condition that a projected event (a fund's exhaustion) happens"); the exhaustion itself,
# forecast, still counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("If the insurance fund is exhausted, many workers will lose most of their pension income.", False),
        ("If the trust funds are depleted, payable benefits will fall to about 80 percent of scheduled ones.", False),
        ("If Congress does not act, the trust fund will be exhausted in 2033.", True),
        ("The trust fund will be depleted in 2034, and benefits will then be cut by 20 percent.", True),
    ],
)
def test_a_consequence_of_a_fund_s_exhaustion_is_a_conditional_restatement(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# What a thing can do in general, with what may follow from it, is a general claim (the guide's twenty-fourth batch:
# what innovation or regulation can do); a clause of its own that forecasts, or a time ahead, still counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("New payment tools can reshape markets, which may help consumers, but may also create new risks.", False),
        ("Wage demands can feed on themselves and, in doing so, raise the odds that inflation will persist.", False),
        ("Tariffs can raise prices, and inflation will rise to 4 percent.", True),
        ("Higher rates can cool demand, which will bring inflation down over the coming year.", True),
        ("We can expect inflation to fall to 3 percent.", True),
    ],
)
def test_what_a_thing_can_do_in_general_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# "may / might" about the present is no forecast (the guide): "we may be at a turning point right now"; a time ahead
# before the present marker, or a forecast in a clause of its own, still counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I think we may be at a turning point today as we speak and over the next few weeks.", False),
        ("Home prices might be near their peak right now.", False),
        ("Home prices might be near their peak right now, but they could fall 10 percent next year.", True),
        ("Growth may be slower next year than it is today.", True),
    ],
)
def test_a_hedge_about_the_present_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


def _rules_take(sentence: str, predicts: bool) -> None:
    """The rules take ``sentence`` exactly when it ``predicts``; one they leave is not admitted by the classifier."""
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence
    if not predicts:
        assert not _taken(sentence), sentence


# A judgement of what matters is no outcome (the guide's thirty-seventh batch: normative "will be key"): "credibility
# and patience will be key", "will remain important", "will prove crucial to"; a forecast in a clause of its own, or a
# key factor named as a noun phrase with an outcome, still counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("In these uncertain times, credibility and patience will be key.", False),
        ("Looking ahead, cooperation with fiscal authorities will remain important: it anchors expectations.", False),
        ("Clear communication will prove crucial to keeping markets calm.", False),
        ("Diversified supply chains will be essential for resilience in the years ahead.", False),
        ("Vigilance will be critical, but inflation will fall to 3 percent next year.", True),
        ("With wages likely to keep rising through next year, restraint will be key.", True),
    ],
)
def test_a_judgement_of_what_matters_is_no_prediction(sentence: str, predicts: bool) -> None:
    _rules_take(sentence, predicts)


# Resolve and quotations are no forecast (the guide's thirty-seventh batch: "every confidence that we will overcome"
# challenges, a conviction that the right response will be found, a maxim quoted): a pledge of one's own success, a
# poet's or a founder's line; confidence that a named state comes about, or a forecast beside the quotation, counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The road ahead is hard, but I am certain that we will overcome these difficulties.", False),
        ("Whatever shocks may come, I am sure that we will find the right answer to them.", False),
        ("Together we shall prevail, as we have before.", False),
        ("We will rise to the challenge, as our founders did.", False),
        ("Schuman’s well-known line that “Europe will not be made all at once” is still apt.", False),
        ("As the old saying goes, the darkest hour will come just before the dawn.", False),
        ("I am confident that inflation will return to 2 percent next year.", True),
        ("We will overcome this, and growth will pick up to 2 percent in 2026.", True),
        ("Keynes’s famous line “in the long run we are all dead” aside, inflation will fall next year.", True),
    ],
)
def test_resolve_and_quoted_maxims_are_no_prediction(sentence: str, predicts: bool) -> None:
    _rules_take(sentence, predicts)


# The audience's own lives are advice, not forecasts (the guide's thirty-seventh batch: a speech to students): "you are
# going to need", "most of you will", the generic "one will"; the speaker's forecast of the economy they enter counts,
# and so does "this one will" of a thing named before.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Over the next decades you are going to switch careers more than once.", False),
        ("Many of you will move to another city within a few years of graduating.", False),
        ("Some of you probably will start a business of your own.", False),
        ("It is common nowadays that one will change employers several times.", False),
        ("The labor market you enter will demand more technical skills by 2030.", True),
        ("The last recession was mild, and the next one will be deeper.", True),
    ],
)
def test_the_audience_s_own_lives_are_no_prediction(sentence: str, predicts: bool) -> None:
    _rules_take(sentence, predicts)


# A supervisor's voice is no forecast (the guide's thirty-seventh batch: a supervisory programme): a requirement put as
# an expectation, a regime's true test said to come only with stress, what is hard to forecast; a forecast of what firms
# will do, and a forecast beside the difficulty, count.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("We expect banks to identify their own vulnerabilities and to hold capital against them.", False),
        ("Supervisors expect large firms to maintain credible recovery plans.", False),
        ("The real test of these reforms will come only when the next downturn arrives.", False),
        ("Predicting how deposits might behave in a panic is notoriously difficult.", False),
        ("We expect banks to tighten lending standards further next year.", True),
        ("Forecasting when rates will fall is hard, but inflation will ease to 3 percent next year.", True),
    ],
)
def test_a_supervisor_s_requirements_and_truisms_are_no_prediction(sentence: str, predicts: bool) -> None:
    _rules_take(sentence, predicts)


# The guide's thirty-fourth and thirty-fifth batches (testimony, a White House speech): a hypothetical about the present
# is no forecast: a pace "that, if maintained, would" be too high, a cost "if inflation were to move higher ... would
# become" larger, "what we would expect to find if" a cause were at work. A conditional forecast that names a time
# ahead stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Wages grew at a 6 percent annual rate over the first three months of this year, a pace that, if sustained, "
         "would plainly be hard to square with stable prices.", False),
        ("Furthermore, if unemployment were to rise for several quarters and that rise fed into wage bargaining, "
         "the cost of restoring full employment would become much greater.", False),
        ("That is what we’d expect to see if weak demand, rather than supply, were holding prices down.", False),
        ("This pattern is what we would expect to find if rents, not goods, were driving inflation.", False),
        ("If oil prices were to stay near $90, headline inflation would rise to 4 percent next year.", True),
        ("Wages grew at a 6 percent pace in the spring, a pace that, if sustained, would lift inflation to 4 "
         "percent by 2027.", True),
        ("We would expect to see inflation fall to 2 percent next year.", True),
    ],
)  # fmt: skip
def test_a_hypothetical_about_the_present_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-fifth batch: counterfactual past effects are no forecast, whatever the participle's form ("which
# would have held the economy back", "could have cut", "might have made"); a forecast in the future perfect stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The grants kept many small firms open, instead of closing them, which would have held back hiring for "
         "years.", False),
        ("Without the guarantee, lenders could have cut credit to small firms sharply in 2026.", False),
        ("A sharper tightening might have made the downturn deeper over the following two years.", False),
        ("Inflation will have fallen to 2 percent by the end of 2026.", True),
    ],
)  # fmt: skip
def test_a_counterfactual_past_with_an_irregular_participle_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-fourth and thirty-sixth batches: how projections "may be interpreted", what "we would regard as"
# appropriate policy (procedure), and what a reading "could be the result of" (an explanation of the present) are no
# forecasts; the same words with a time ahead keep theirs.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The longer-run projections of unemployment may be interpreted as the rate that is sustainable in the long "
         "run.", False),
        ("Those estimates might be read, in turn, as the level of the policy rate that is neutral in the long run.",
         False),
        ("Our projections are based on what we would regard as an appropriate policy over the next two years.", False),
        ("Part of the recent improvement in rents could also be the result of month-to-month noise.", False),
        ("Higher unemployment could be the result of the tightening over the next two years.", True),
        ("We would expect inflation to move down to 2 percent in the long run.", True),
    ],
)  # fmt: skip
def test_a_reading_of_projections_or_of_the_present_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-fourth batch (testimony on transparency): an institution's pledges and procedure are no forecast:
# "we will continue to work closely with" others, "we will use that website as one means of", "the presumption of the
# committee will be that", a decision to publish with its time ("agreed in January to begin publishing their estimates
# of the values to which they expect ... to converge"). An outcome whose subject is not the speakers stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("We will continue to work closely with lawmakers to find ways of fulfilling our mandate in the years ahead.",
         False),
        ("We will use the new dashboard as one means of keeping the public informed over the coming months.", False),
        ("The presumption of the board will be that the public has a right to know what the bank does.", False),
        ("Members agreed in March to begin publishing the ranges to which they expect inflation to converge over the "
         "longer run.", False),
        ("Wage growth will continue to work its way down over the next year.", True),
        ("Members agreed in March that the slowdown was real, and they expect inflation to converge to 2 percent over "
         "the longer run.", True),
    ],
)  # fmt: skip
def test_an_institutions_pledge_or_procedure_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-fourth batch: the effect an institution claims for its own communication (publishing projections
# "should provide the public a clearer picture", clarity "should help to better stabilize the public's inflation
# expectations") is a general claim, no forecast; an effect of policy on the economy, or a projection's content, stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Publishing the longer-run projections should give the public a clearer picture of the board's strategy "
         "over time.", False),
        ("Greater clarity about the committee's goals should help to better anchor the public's inflation "
         "expectations in the years ahead.", False),
        ("More transparency will also enhance public understanding of policy over the coming year.", False),
        ("Tighter policy should help to bring inflation down to 2 percent over the next year.", True),
        ("The projections show that inflation should fall to 2 percent by 2027.", True),
    ],
)  # fmt: skip
def test_an_effect_claimed_for_ones_own_communication_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-sixth batch (transcripts): a perception ("I could see that May was our first month with
# expansion") and an indirect question ("hesitant to guess which way the risks might lie") are no forecasts; "we could
# see" with an outcome ahead stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Looking at the survey, I could see that March was our first month of growth in orders.", False),
        ("I would be reluctant to say which way the risks to growth might tilt over the next few quarters.", False),
        ("I am hesitant to guess in which direction rates may move in the coming year.", False),
        ("We could see a sharp slowdown in orders over the next few months.", True),
        ("The risks to growth might tilt to the downside over the next few quarters.", True),
    ],
)  # fmt: skip
def test_a_perception_or_an_indirect_question_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-sixth batch and the seventeenth (reports of concern): reports that "did nothing to suggest that
# there would be" a decline hold no expectation, nor does a concern held now that something "might" happen with no
# time ahead ("manufacturers are now concerned that this might turn around quite quickly"); a concern with a time
# ahead, and the minutes' concerns told in the past, are risk scenarios and stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The reports from our directors did nothing to suggest that there would be any further decline in sales.",
         False),
        ("Retailers are now worried that the recent pickup in orders could fade quite quickly.", False),
        ("The latest wage data raise some concern on my part that productivity might not keep pace.", False),
        ("Bankers are concerned that loan losses could rise sharply over the next year.", True),
        ("Several members were concerned that the rally in stock prices might reverse abruptly.", True),
        ("Nothing in the data changes my view that growth will slow next year.", True),
    ],
)  # fmt: skip
def test_negated_evidence_or_a_concern_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-sixth batch (transcripts): "we have" or "they have" with a participle is a speaker's forecast ("we
# have inflation running at about 3 percent"), but "have been" with one is the present perfect, a report ("They have
# been low and declining for quite a while").
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("They have been weak and falling for quite a while.", False),
        ("We have been seeing orders slowing in most of our District.", False),
        ("We have unemployment staying near 4 percent.", True),
        ("They have inflation running at about 3 percent through 2027.", True),
    ],
)
def test_the_present_perfect_is_no_speakers_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-sixth batch: a company's announced construction plan and its estimated cost are the plan, in the
# passive too ("Facilities will be built or expanded at about 25 sites"), and so is what the facilities will be for;
# an outlook for an industry's output stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Plants will be built or expanded at about a dozen sites, and the cost is estimated at $2 billion over the "
         "next two years.", False),
        ("Most of the new facilities will support production of the company's wide-body jets.", False),
        ("A new warehouse will be opened near the port later this year.", False),
        ("Refineries will produce less gasoline next year as demand falls.", True),
        ("Store sales will rise 3 percent next year.", True),
    ],
)  # fmt: skip
def test_a_construction_plan_in_the_passive_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-fifth batch (a White House speech): an approach described by what it "would" do is the effect of a
# possible policy ("an approach that would weaken our economy"), and investments "that will create opportunity for the
# future" name no checkable state; an effect with a state to check stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("That is a far cry from a plan that would weaken growth by gutting the independence of the courts.", False),
        ("They back policies which would raise costs for families and add trillions to the debt.", False),
        ("The law supports investments that will create opportunity for the future in every region.", False),
        ("These investments will create new prosperity for working families over time.", False),
        ("These investments will cut the cost of shipping goods by a fifth over the next decade.", True),
        ("The tariff would raise consumer prices by 2 percent next year, the budget office said.", True),
    ],
)  # fmt: skip
def test_a_possible_policys_effect_or_a_vague_benefit_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-fourth batch: a policy stance judged at past meetings to be likely consistent with an outcome is a
# past policy judgement ("judging that the existing stance of policy was likely to be consistent with growth running
# near trend"); the Committee's expectation for the economy stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("At both meetings this spring the board held its policy rate at 3 percent, judging that the current stance "
         "of policy was likely to be consistent with inflation returning to target.", False),
        ("Members concluded that the setting of monetary policy was likely to foster moderate growth over the next "
         "year.", False),
        ("Members expected that growth was likely to pick up over the next year.", True),
    ],
)  # fmt: skip
def test_a_past_judgement_of_the_policy_stance_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's "Not predictive" list: a risk balance ("the risks of error are about equal on both sides") is an
# assessment, and a hope ("I hope what the staff described is really what will happen") a wish; a forecast stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I think the staff's 2026 projections are reasonable and that the risks are roughly equal on both sides.",
         False),
        ("The risks to growth in 2026 are about even.", False),
        ("We must be ready to act, although I hope the calm the staff described is really what will happen.", False),
        ("I hope that unemployment will stay low, and I expect inflation to fall to 2 percent next year.", True),
        ("Risks of even higher inflation will rise next year.", True),
    ],
)  # fmt: skip
def test_a_risk_balance_or_a_hope_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's thirty-sixth batch: the credibility a policy would bring is the effect of a possible policy, also when a
# second "would" carries it on ("reducing the range further would increase the credibility of our strategy and,
# consequently, would result in ...") and when a year names the assumption before the action, not the effect; the
# effect with its own time ahead stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("This assumption for 2027 matters, since we believe that cutting the range further would raise the "
         "credibility of our strategy and, consequently, would bring a better mix of growth and inflation.", False),
        ("We believe that cutting rates further would lift confidence and, in turn, would lead to stronger hiring.",
         False),
        ("We believe that keeping rates this high would push unemployment up next year.", True),
        ("We believe that cutting rates would lift confidence, and hiring will pick up next year.", True),
    ],
)  # fmt: skip
def test_an_actions_chained_effects_are_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The hypotheticals above in other orders and shapes: the consequence first ("The chances of a pickup this year would
# be greatly reduced if spending were to stall"), and a pace extrapolated ("if concessions keep growing at their
# current rate, tenants will be able to ..."). A risk stated with "could" counts (the guide's thirty-fourth batch:
# risk scenarios stated as what might or could happen), and so does a consequence with a time ahead.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The odds of a rebound this year would be much reduced if the recovery in business spending were to stall.",
         False),
        ("One landlord said that, if discounts keep growing at their current rate, tenants will pay almost nothing.",
         False),
        ("If rents keep rising at this pace, a typical family will spend half its income on housing.", False),
        ("A weaker dollar could add to price pressures if foreign demand were to pick up.", True),
        ("If rents keep rising at this pace, they will be 20 percent higher by 2027.", True),
    ],
)  # fmt: skip
def test_a_hypothetical_in_other_orders_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# Hopes put otherwise (the guide: wishes are no forecast): people "still hopeful that" a week "will deliver them", and
# "Hopefully, we will see these improvements continue"; "hopefully" inside a forecast with its number stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Dealers are still hopeful that the spring season will rescue an otherwise weak year.", False),
        ("Hopefully, we will see these gains continue.", False),
        ("Dealers expect sales to rise 5 percent next year, and hopefully more.", True),
    ],
)
def test_a_hope_put_otherwise_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The guide's pledges ("It is the Fed's job to bring inflation down to our 2 percent goal, and we will do so"): "my
# colleagues and I are resolute that we will bring inflation back down" is a pledge; confidence in an outcome stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("My colleagues and I are determined that we will restore price stability.", False),
        ("We remain committed that we will do whatever is needed to restore stable prices.", False),
        ("We are confident that inflation will return to 2 percent next year.", True),
    ],
)
def test_a_pledge_that_we_will_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# "We have acted boldly to address rising inflation" is the present perfect, a report, like "they have been"; a
# speaker's forecast with "we have" ("we've got inflation moving up", a forecast assumed) stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("We have moved quickly to counter rising unemployment, and we are committed to doing more.", False),
        ("They have taken steps to address slowing sales in their stores.", False),
        ("We have assumed oil prices staying near $80 a barrel through 2027.", True),
        ("We've got inflation moving up to 3 percent next year.", True),
    ],
)
def test_the_present_perfect_with_a_participle_is_no_speakers_forecast(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# "risks" after "of" is the noun ("I don't see the balance of risks becoming more favorable": a risk assessment), not
# the verb of "a stronger dollar risks delaying the recovery".
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Until the budget talks end, I don't see the balance of risks becoming more favorable.", False),
        ("A stronger dollar risks delaying the recovery in exports next year.", True),
    ],
)
def test_risks_after_of_is_the_noun(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# What a speaker says must be understood is no forecast ("It is vital to understand those changes and the effects they
# will have going forward"); a forecast beside it stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("It is essential to understand these shifts and the effects they will have in the years ahead.", False),
        ("It is vital to understand this, since inflation will fall to 2 percent next year.", True),
        ("It is important to recognize that inflation will fall to 2 percent next year.", True),
    ],
)
def test_what_must_be_understood_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A likelihood raised by a mechanism is a risk assessment, not a forecast of the outcome named ("... and, in doing so,
# increase the likelihood that high inflation will persist"; the guide: "reduces the chance of an inflation problem in
# the foreseeable future"); a forecast of the raising itself stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Such beliefs can take hold and, in doing so, raise the chance that high rents will persist.", False),
        ("Strong balance sheets reduce the risk that a slowdown will turn into a recession.", False),
        ("Tariffs will raise prices next year and increase the likelihood that the central bank will wait.", True),
    ],
)
def test_a_likelihood_raised_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A call for care, like the guide's calls for action ("long-term solvency will require additional reforms"): "it will
# require careful policymaking in the year ahead", "this will call for vigilance"; a cost in time with its outcome
# stays a forecast.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("These risks are manageable, but it will require careful policymaking in the year ahead.", False),
        ("Getting there will call for vigilance and patience over the coming months.", False),
        ("It will take until 2027 for inflation to fall to 2 percent.", True),
    ],
)
def test_a_call_for_care_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# Non-outlook speeches (the guide's forty-fifth, forty-ninth and fiftieth batches). A prescription: an agent that acts
# by deliberation ("lenders", "banks", "a central bank", "supervisors") with "should" and an act; the same agents with
# an outcome verb, or a time ahead, stay forecasts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Mortgage lenders should work closely with borrowers who fall behind on their payments.", False),
        ("A prudent central bank should revisit its operating framework as markets evolve.", False),
        ("Community banks should think carefully about how a fall in farm prices would hit their loan books.", False),
        ("Supervisors should review how each firm manages its liquidity.", False),
        ("Banks should see their margins widen next year as rates rise.", True),
        ("Lenders should benefit from higher rates over the coming year.", True),
    ],
)
def test_an_agents_should_with_an_act_is_a_prescription(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The purpose of a measure by design (the guide's fiftieth batch: what a reporting framework "will help" the supervisor
# assess, identify or forge; standards that "will emphasize the importance of" a practice): no state of the world. What
# a measure will help bring about in the economy stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The new reporting template will help us to gauge how exposed lenders are to commercial property.", False),
        ("It will also help supervisors identify weak spots in banks' defences.", False),
        ("Second, the exercise will help to develop a shared understanding of climate risk among lenders.", False),
        ("The common standards will underline the importance of fair treatment of borrowers.", False),
        ("The rate cuts will help bring unemployment down next year.", True),
        ("Lower energy prices will help to ease inflation in the coming months.", True),
    ],
)
def test_the_purpose_of_a_measure_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# The speaking institution's own acts and plans (the guide's forty-ninth and fiftieth batches: a review's schedule and
# outreach, plans and decisions, pledges): "we will hold workshops", "we will draw on the lessons", "the consultation
# will include public hearings". What "we will see" happen stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("To raise awareness, we will hold workshops with the industry.", False),
        ("Next year we will introduce a single reporting standard for the banks we supervise.", False),
        ("We will draw on the lessons of the pandemic and refine our approach where needed.", False),
        ("The consultation will include public hearings in several cities and a workshop in June.", False),
        ("We will see inflation fall back to 2 percent next year.", True),
        ("We will likely see a slowdown in hiring in the coming months.", True),
    ],
)
def test_the_institutions_own_acts_are_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# "is to" after an ordinal or after advice ("The second is to strengthen", "Our advice to insurers is to act now"): a
# purpose in a list, not an arrangement; an arrangement stays ("Output is to rise 2 percent next year").
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The second is to strengthen competition in services markets.", False),
        ("Our advice to insurers is to act now.", False),
        ("Output is to rise 2 percent next year, the ministry said.", True),
    ],
)
def test_is_to_after_an_ordinal_or_advice_is_a_purpose(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# A need (the guide's forty-fifth batch: what success "will require"; calls for action) and a disclaimer ("that is not
# to say that it will be easy", a task that "will not be easy" with no outcome named). A need told as a comparative
# outcome, and an outcome that will not be easy to reach, stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Restoring confidence will require a broad set of measures.", False),
        ("Success will require patient and attentive managers.", False),
        ("That does not mean that the transition will be easy.", False),
        ("But none of this will be simple.", False),
        ("The economy of 2040 will require far more electricity than today's.", True),
        ("It will not be easy for most airlines to return to profit this year.", True),
    ],
)
def test_a_need_or_a_disclaimer_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence


# General mechanisms with no time ahead (the guide's forty-fifth batch): what a thing "may serve as", what people "may
# feel" or "may prefer"; an action weighed as a gerund subject with what it "would" do ("Completing the capital markets
# union would channel savings", the effect of a possible policy). A time ahead keeps them.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("A regular savings plan may serve as a cushion against shocks.", False),
        ("Savers may feel safer holding deposits because deposits are insured.", False),
        ("Completing the capital markets union would channel savings to young firms.", False),
        ("Reforming pension rules would lift the participation of older workers.", False),
        ("Weaker demand may slow hiring later this year.", True),
        ("Imposing the tariffs would raise consumer prices by 2 percent next year.", True),
    ],
)
def test_a_general_mechanism_is_no_prediction(sentence: str, predicts: bool) -> None:
    with classify.using(None):
        assert _taken(sentence) is predicts, sentence
