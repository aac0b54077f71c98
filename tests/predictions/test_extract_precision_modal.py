"""Modal words that name no future state (issue 20: false candidates in speeches and policy analyses), written as
grammatical kinds, each beside the predictions of the same shape that must stay.

Every sentence here was written for this file (none is copied from the labelled set). Each is run through
``extract_candidates`` as a text of its own, with the sentence classifier, as a user's article would be.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates

BASE = date(2025, 6, 2)


def _taken(sentence: str, base: date = BASE) -> bool:
    return bool(extract_candidates(sentence, published_on=base))


# The guide: forecasts recalled for a period already over ("a speaker's projection and worries recalled for a year
# that has passed do not"), here with the recalled forecast's content in a "would" clause after the past forecast
# verb. A forecast made earlier about a period still to come stays, and so do the minutes' reported forecasts of the
# year under way.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("In March 2022, the budget office projected that the deficit would reach 5 percent of GDP in 2023.", False),
        ("Private forecasters projected that business investment would stall in 2024.", False),
        ("When the law passed, analysts predicted that home prices would fall by the end of 2023.", False),
        ("Many economists expected that a recession would begin in 2023, and none came.", False),
        ("Last year the budget office projected that the deficit would reach 7 percent of GDP in 2027.", True),
        ("In March, forecasters predicted that the season would be busier than normal.", True),
        ("The staff projected that real GDP would rise 2 percent in 2025.", True),
        ("Participants expected that inflation would ease next year.", True),
        ("In 2023 the agency projected that the fund would be depleted in 2033.", True),
    ],
)  # fmt: skip
def test_a_past_forecast_of_a_period_over_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A forecast recalled with the year it was made, of a year that ended only weeks before the text: the text says when
# it was made, so it is not an estimate of a period just ended (which counts: the guide's twelfth batch).
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("In January 2022, the budget office projected unemployment would be 4 percent at the end of 2024.", False),
        ("In 2021 most forecasters predicted that growth would slow sharply in 2024.", False),
        ("The staff projected that real GDP would rise 2 percent in the fourth quarter of 2024.", True),
    ],
)  # fmt: skip
def test_a_forecast_recalled_with_its_year_is_no_estimate_of_a_period_just_ended(sentence: str, predicts: bool) -> None:
    assert _taken(sentence, date(2025, 2, 10)) is predicts, sentence


# The guide (twenty-fourth batch: "the risks a speaker says are being assessed, named as noun phrases with a 'could'
# inside a relative clause, are bare risk noun phrases"; "latent risks that could result in further negative supply
# shocks"): a "could", "would", "may" or "might" inside a relative clause that describes a thing named now ("tools
# that would limit these risks", "technologies that could lower costs") says what the thing can do, not a future
# state. The sentence's own forecast stays, and so does a relative clause that names a time ahead.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The report identified shortcomings in supervisory tools that would limit these risks.", False),
        ("We also see new payment technologies that could lower the cost of remittances.", False),
        ("Lenders face operational problems that could disrupt the processing of loan payments.", False),
        ("The agency lacks the authority that would let it examine payment firms directly.", False),
        ("There are several reforms that might improve the way banks report their exposures.", False),
        ("Officials pointed to supply bottlenecks that could push prices higher next year.", True),
        ("Inflation could rise further as firms pass on costs that would otherwise be absorbed.", True),
        ("The economy is in a soft patch that may last for a while.", True),
        ("Households have built up debts that would eventually weigh on their spending.", True),
        ("Some participants saw a risk that inflation could rise faster than expected.", True),
        ("We see headwinds that could slow growth.", True),
        ("The staff saw several factors that would likely keep inflation elevated.", True),
        ("They pointed to strong balance sheets that would support spending.", True),
        ("We might see strains in funding markets, in which case that would raise the cost of credit.", True),
    ],
)  # fmt: skip
def test_a_modal_in_a_relative_clause_on_a_thing_named_now_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The guide (twenty-eighth batch: "that Congress might take up an issue is a policy option, not a prediction"; and
# "several policy options could be explored that might provide some degree of relief" does not count): what a
# legislature or its members could, may or might do, with no time ahead, is an option laid before them. A possible
# outcome for the legislature with a time ahead stays, and so does what the option would bring about when it is
# stated as a forecast of its own.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Congress could extend the program through the annual appropriations process.", False),
        ("Lawmakers might consider tightening the reporting rules for online lenders.", False),
        ("Members may weigh whether to require the agency to publish annual cost estimates.", False),
        ("If it finds the data lacking, Congress may direct the agency to survey all grantees.", False),
        ("Congress also could require the department to brief the committees each quarter.", False),
        ("Legislators could fund the program at a lower level or end it altogether.", False),
        ("Congress could pass the spending bill as soon as next week.", True),
        ("Lawmakers could reach a deal on the budget.", True),
        ("Lawmakers may fail to agree on a budget before the end of the fiscal year in September 2025.", True),
        ("The committee's members could support a rate increase at the next meeting.", True),
    ],
)  # fmt: skip
def test_what_a_legislature_could_do_is_an_option(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The guide (general statements of what a rate rise "would" do; the effect of a possible policy; "keeping rates too low
# for too long could over stimulate the economy"): an action named by a gerund as the subject, or as the means ("By
# widening access to credit, ..."), with what it would, could, might or may bring, weighs the action; it forecasts
# nothing unless a time ahead is named. An adjective in "-ing" ("Rising rents could push ...") is no action.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Hiring a second compliance officer would cut a small lender's return on assets by a third.", False),
        ("Moving the clearing of payments onto a shared ledger could lower costs for smaller banks.", False),
        ("Opening these markets to imports may help consumers, but it hurts some producers.", False),
        ("By widening access to credit, these programs would raise incomes in rural areas.", False),
        ("Officials argue that merging the two agencies would ensure more consistent supervision.", False),
        ("Reducing the deficit would lower interest rates over time.", False),
        ("Tightening lending standards further could slow hiring next year.", True),
        ("Rising rents could push measured inflation higher.", True),
        ("Escalating trade tensions could weigh on business investment.", True),
        ("Rebounding demand could push prices up.", True),
        ("Maintaining the current stance over the medium run could erode inflation expectations.", True),
        ("Completing the new plants could take several years.", True),
    ],
)  # fmt: skip
def test_an_action_weighed_by_its_gerund_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A "would" whose subject points back to an arrangement or a proposal just described ("This arrangement would preserve
# ...", "such a rule would ...", "the proposed disclosures would ...", "In my view, it would ..."): what it would do if
# adopted, like the guide's "agreement on a longer-term plan ... would help to alleviate uncertainty". A consequence
# with a time ahead or a year stays ("That would leave inflation above target next year").
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("This arrangement would preserve the role of banks in the payment system.", False),
        ("Such a rule would complement the powers the agencies already have.", False),
        ("On the whole, it would strengthen the case for a common framework.", False),
        ("Third, it would put supervision in the hands of an independent institution.", False),
        ("The proposed disclosures would show borrowers the fees they pay.", False),
        ("But they would lay the groundwork for faster payments between firms.", False),
        ("This slowdown would leave unemployment above 5 percent by the end of next year.", True),
        ("That would put the deficit at 6 percent of GDP in 2027.", True),
        ("Such a decline in oil prices would likely pull headline inflation down next year.", True),
        ("These shortages would keep inflation elevated for some time.", True),
        ("In the staff projection, this slowdown would persist.", True),
        ("In their view, this would keep inflation elevated.", True),
        ("These forces would keep inflation low.", True),
        ("This tightening would slow the economy.", True),
    ],
)  # fmt: skip
def test_what_an_arrangement_pointed_back_to_would_do_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A modal that carries no outcome of its own (the guide: "may" about the present; explicit non-predictions such as "It
# is unclear whether"; a speaker's own speech acts): a consensus put hypothetically ("most people would agree"), a
# doubt ("it is not clear that ... would"), an explanation offered ("it could be because ..."), a comparison with
# what might be thought, the speaker imagining or wishing to stress, and a judgement of an act ("it would be
# irresponsible to wait"). A forecast stated inside or beside them stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Most economists would agree that the tools available to supervisors are limited.", False),
        ("It is not clear that a slower review process would be adequate to the task.", False),
        ("It could be because lenders rarely lost money in past crises.", False),
        ("Delinquencies are high everywhere, not only in poor areas, as might be thought if the rule did it.", False),
        ("We could envision a second model in which the central bank runs the ledger itself.", False),
        ("I would also like to stress that the review has been run more efficiently.", False),
        ("In the middle of a crisis, it would be irresponsible to wait for a treaty change.", False),
        ("Most forecasters would agree that growth will slow next year.", True),
        ("I can envision the possibility that we could be faced with some hard choices.", True),
        ("Prices could rise further because demand is strong.", True),
        ("It may be because demand will soften next year.", True),
        ("We could see inflation rise further next year.", True),
        ("It would be difficult for these economies to keep growing at last year's pace next year.", True),
    ],
)  # fmt: skip
def test_a_modal_with_no_outcome_of_its_own_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# "Could" as the past of "can", or what a person named now is able to do: a purpose after a past act ("the Fed set up a
# facility so banks could borrow against their bonds") and a subject relative on a person ("a mediator who could bring
# the sides together"), like the relative clause on a thing above. A time ahead keeps the modal; a result clause after
# a present state ("supply is tight, so prices could rise") stays a forecast.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The central bank opened a lending facility so banks could borrow against their bonds.", False),
        ("The ministry set up a hotline so that exporters could report delays at the border.", False),
        ("The governor appointed a mediator who could bring the port operators and unions together.", False),
        ("Supply is tight, so prices could rise further.", True),
        ("The ministry cut the rate so that lending could recover by the end of next year.", True),
        ("There are many small firms who could fail next year if credit tightens.", True),
    ],
)  # fmt: skip
def test_could_as_past_ability_or_a_persons_ability_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# More modals with no outcome of their own: a judgement of an act ("it would be irresponsible to wait"), a study's or
# theory's finding told with a modal ("research suggests that such subsidies may be among the most effective",
# the guide's "a paper's mechanism ... could boost productivity"), and an explanation of the present ("This could be
# the result of weak demand", "could either be a turning point or a false dawn"). An analysis that states an outcome
# with a time ahead stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Given the strains in funding markets, it would be unwise to wait for a change in the treaty.", False),
        ("Research on tax credits suggests that insulation grants may be among the most effective measures.", False),
        ("Economic theory suggests that firms in such markets would invest more in training.", False),
        ("This could be the result of weak demand for loans and tighter standards at banks.", False),
        ("The latest readings could either be a turning point or a false dawn.", False),
        ("Our analysis suggests that inflation could fall below 2 percent next year.", True),
        ("It would be surprising if growth did not slow next year.", True),
    ],
)  # fmt: skip
def test_a_judgement_a_finding_or_an_explanation_in_a_modal_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The guide's conditional restatements (twenty-fourth and twenty-seventh batches: "the record a forecast would set,
# stated as what it would be"; "a comparison that restates a forecast just given in 'would be'"; "If realized, the
# baseline 2026 price forecast would mark the fourth consecutive year of decline") and the effect of a proposed law if
# it were enacted (twenty-ninth): a "would" that restates or weighs, no further forecast. A forecast with its own year
# ("growth in 2026 would be the strongest in decades") or its own share ("At 6 percent of GDP, the deficit would be
# the largest since 1946") stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("That would be the region's fastest growth since the crisis of 2009.", False),
        ("For scale, this projected output from new wind farms in 2030 would be about twice today's total.", False),
        ("If passed, the proposal would bring modest relief to older renters.", False),
        ("If enacted, the bill would let the agency negotiate the price of some medicines.", False),
        ("The plan under discussion would permit the agency to negotiate the price of some medicines.", False),
        ("The plan would cut the deficit by $300 billion over the next decade.", True),
        ("Even after the downgrade, growth in 2026 would be the strongest in decades.", True),
        ("At 6 percent of GDP, the deficit would be the largest since 1946.", True),
        ("If sustained, higher borrowing costs could slow hiring.", True),
    ],
)  # fmt: skip
def test_a_conditional_restatement_or_a_law_if_enacted_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A modal in a sentence that opens in a year already over and names no later time ("In 2024, a household could
# refinance a mortgage in under a month"): "could" or "would" as the past of "can" or "will", about the past (the
# guide: past-tense reports; forecasts recalled for a period that has passed). A later year or a time ahead keeps it.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("In 2024, a household could refinance a mortgage in under a month.", False),
        ("In March 2023, depositors could move their money out of a bank within hours.", False),
        ("During 2022, firms would often raise prices before their own costs rose.", False),
        ("In 2024, most forecasters said growth could slow in 2026.", True),
        ("In 2025, inflation could fall below 3 percent.", True),
        ("In May 2024, the agency warned that the fund could run dry within the next two years.", True),
    ],
)  # fmt: skip
def test_a_modal_in_a_sentence_set_in_a_year_over_is_about_the_past(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# An estimate of a period long over ("we estimate that 40 percent of libraries replaced a roof from 2015 through
# 2024", in a 2026 report): a forecasting word with a figure, about the past (the guide: past-tense reports). An
# estimate of a period just ended and not yet reported counts (the twelfth and fourteenth batches), and so does an
# estimate of a time ahead.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("From our survey, we estimate that 40 percent of libraries replaced a roof from 2015 through 2024.", False),
        ("We estimate that 12 percent of clinics spent nothing on repairs in 2023.", False),
        ("We estimate that real GDP grew 2 percent in the fourth quarter of 2025.", True),
        ("We estimate that the deficit will reach $2 trillion in 2027.", True),
    ],
)  # fmt: skip
def test_an_estimate_of_a_period_long_over_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence, date(2026, 3, 16)) is predicts, sentence


# An event said in the past passive to have been anticipated by someone ("The shortage was widely anticipated by
# retailers, and it raised their costs"): a report of the past with no forecast content (the guide: past-tense
# reports). An expectation with its content ("was expected by analysts to ease next year") stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The shortage was widely anticipated by retailers, and it added to their costs.", False),
        ("The rate cut was expected by most investors and had little effect on bond yields.", False),
        ("Inflation was expected by most analysts to ease next year.", True),
        ("The slowdown is widely anticipated by economists.", True),
    ],
)  # fmt: skip
def test_an_event_anticipated_in_the_past_passive_is_a_report(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# "would likely" after an indefinite subject is still what such a thing would do (the guide: "observable cost
# increases would be more likely to be passed through"; general statements of what a rate rise would do), as the bare
# "would" after one is; a time ahead keeps it ("A further build-up of inventories would probably lift output over the
# quarters just ahead").
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("A sharp slowing in exports would likely lead some firms to delay new plants.", False),
        ("Greater clarity about the goals of policy would probably prove helpful to markets.", False),
        ("A further build-up of inventories would probably lift output over the quarters just ahead.", True),
        ("The weakness in investment would likely abate.", True),
        ("It would likely be appropriate to raise the target range again.", True),
    ],
)  # fmt: skip
def test_would_likely_after_an_indefinite_subject_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# "May" about the present (the guide): what an agent may not have now ("supervisors may not have sufficient visibility
# into the firms' operations"), and what the audience may have read or heard (a perfect with an irregular participle).
# A possible effect stays ("could have negative effects on investment", "may have a greater impact than expected").
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Even where a lender is supervised, examiners may not have sufficient visibility into its affiliates.", False),
        ("Smaller agencies may lack the expertise and may not have the tools to review such filings.", False),
        ("The essay, which you may have read, makes the case well.", False),
        ("Trade uncertainty could have negative effects on investment spending next year.", True),
        ("The crisis may have a greater impact on the economy than currently expected.", True),
    ],
)  # fmt: skip
def test_may_about_what_an_agent_has_now_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A question without its question mark (a footnote number after it, or a text cut off) and indirect questions listed
# after a semicolon (the guide: questions are not predictions): "What would happen if banks paid the full cost?12",
# "Open questions include the costs of each design; how private tokens would interact with it".
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("What would happen if each bank had to pay the full social cost of its size?12", False),
        ("How would savers change their portfolios", False),
        ("Open questions include the costs of each design; how private tokens would interact with it.", False),
        ("What we will likely see next year is a further slowdown in hiring.", True),
    ],
)  # fmt: skip
def test_a_question_without_its_mark_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence
