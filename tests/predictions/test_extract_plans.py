"""The speaker's or an institution's own plans, commitments, agendas and advice, which read like forecasts in government
speeches, central-bank speeches and policy analyses but are none (the labelling guide: plans, pledges, decisions,
schedules, procedures; "the reforms a department 'will push for'", "a plan's make-up is the plan"), each kind beside
the forecasts of the same shape that must stay.

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


# An institution's own engagement and commitments (the guide's pledges and plans, "we will continue to work closely
# with the Congress"): a verb only an agent does ("partner with", "consult with", "continue its work", "insist on",
# "take action", "remain a partner", "stay focused on"), whoever the subject is and however "we" is set off; and the
# speaker's own government or department doing its work. What the world will do, what the agency will run into, and
# what the speakers will see, stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Over the next year, the Department will partner with state agencies to publish guidance for lenders.", False),
        ("Treasury will draft the report and will consult with outside experts.", False),
        ("The Office of Trade Policy (OTP) will continue its efforts to open markets for American exporters.", False),
        ("We—the Administration and our allies in Congress—will continue to stand with working families.", False),
        ("The United States will remain a reliable partner to the countries of the Pacific.", False),
        ("But we will insist on a level playing field and defend American farmers from unfair practices.", False),
        ("And we'll stay focused on bringing down costs for families.", False),
        ("The governor has made clear that she will take action to protect consumers from price gouging.", False),
        ("The agency said that it will implement new controls to document each payment going forward.", False),
        ("Our Administration will continue to make the tax code fairer for working families.", False),
        ("We will appeal to the shared interest of every member in a stable financial system.", False),
        ("Our review will complement the work already under way at the central bank.", False),
        ("Even if the new system proves cheaper, we will also have to weigh what it means for our own role.", False),
        ("The agency will run out of cash by the end of 2027.", True),
        ("Treasury will exhaust its extraordinary measures in early August.", True),
        ("The United States will remain the largest oil producer in the world through 2026.", True),
        ("We will see inflation fall back to 2 percent next year.", True),
        ("By then, we will also have to raise rates to keep inflation near 2 percent.", True),
        ("Our exports will continue to grow faster than imports next year.", True),
        ("The government will implement reforms that will lift growth to 3 percent by 2027.", True),
        ("Analysts expect the Treasury will borrow $500 billion more in the third quarter.", True),
        ("The Treasury will borrow $800 billion in the third quarter.", True),
        ("We will likely raise rates in June.", True),
        ("We will probably cut rates again before the end of the year.", True),
    ],
)  # fmt: skip
def test_an_institutions_own_engagement_is_a_plan(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The speaker's own speech acts (the guide: text about the text, "I will be brief", "I would note"): what the speaker
# will not do here ("I won't repeat", "I will not attempt to answer"), the parts of the talk ("The first will cover"),
# what the speaker would add or how the speaker might put it ("I would also provide some context", "the ways I might
# describe"), a list that "could be continued", and what will come as no surprise to the audience. A forecast in
# what is said stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I won't repeat what the Secretary said about the jobs report this morning.", False),
        ("That is a hard question, and I will not attempt to settle it in these remarks.", False),
        ("The first will briefly cover the department's priorities for housing and tax policy.", False),
        ("The second part will focus on how the rules apply to small lenders.", False),
        ("I would also provide some context on the revisions to earlier months.", False),
        ("Let me describe the two ways that I might summarize the committee's approach.", False),
        ("These are only some of the open questions, and the list could easily be continued.", False),
        ("Let me say something that will not come as a surprise to any of you.", False),
        ("I would also like to emphasize that the program has been running more smoothly this year.", False),
        ("I won't be surprised if unemployment rises above 5 percent next year.", True),
        ("I would also note that inflation will fall to 2 percent by the end of next year.", True),
        ("The first cut will come in September, in my view.", True),
        ("The list of bankruptcies could grow much longer next year.", True),
    ],
)  # fmt: skip
def test_the_speakers_own_speech_acts_are_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# An agenda (the guide: plans, "a plan to raise incomes is a plan", an aim stated in the future tense; "the key
# question will be whether" is a question): a priority, goal, task, challenge or question that "will be" something
# or "remains" a priority for a year, work there "will be" to do, a goal that "is to" do something, and a step called
# important. A cause of what is ahead ("a key driver of growth will be"), a state in a year ahead, and a fact about an
# event ahead stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("A top priority in 2026 will be the full implementation of the new screening rules.", False),
        ("Strengthening our supply chains remains a high priority for the Department in 2026.", False),
        ("There will be considerable work to modernize the payment system next year.", False),
        ("In short, the challenge for regulators will be to keep pace with new products.", False),
        ("The main question will be how fast prices fall next year.", False),
        ("The basic test for any new platform will be whether it runs safely under stress.", False),
        ("The issue will be settled by the courts next year.", True),
        ("A central goal of the plan is to expand broadband access, which will lower costs for rural families.", False),
        ("This will be an important step for the single market.", False),
        ("A key driver of growth next year will be consumer spending.", True),
        ("The goal of the program is to halve emissions by 2030, and it will likely fall short.", True),
        ("The deficit remains high in 2026 at 6 percent of GDP.", True),
        ("There will be fewer jobs in manufacturing next year.", True),
        ("This will be the first rate cut in four years.", True),
        ("The average job will be more productive in 2030.", True),
        ("A major challenge for the economy next year will be weak demand abroad.", True),
    ],
)  # fmt: skip
def test_an_agenda_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# Advice and options (the guide: "should" about the future counts, advice does not; a legislature that "may" consider
# a measure is permission, not a possibility; "a plan's make-up is the plan"): what Congress or lawmakers "could",
# "might" or "may" do, options to consider, a choice listed with its alternatives ("could expand, shrink, or keep"),
# what an agent "should" do (review, follow a principle, play a role, know), what recommendations "will help" an agency
# do, and what people "need to know". What Congress will do with a time ahead, what prices should do, and an effect
# with its time stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Congress could expand, shrink, or keep the program at its current size through appropriations.", False),
        ("Congress could also require the agency to report its results to the committees each quarter.", False),
        ("Lawmakers might consider capping the fees through legislation.", False),
        ("Members may consider whether to hold hearings on the agency's use of the funds.", False),
        ("Should Congress find the data lacking, it may consider several options to improve reporting.", False),
        ("Others argue that Congress should take a larger role in approving trade agreements.", False),
        ("Rules for new payment firms should follow “same risk, same rules,” whatever the technology.", False),
        ("Fiscal policy has other tasks, and monetary policy should restrict its attention to price stability.", False),
        ("These are the kinds of transactions that the committee should review.", False),
        ("Investors should know that most reviews now clear in the first stage.", False),
        ("Firms might raise, lower, or hold their prices after a change in costs.", False),
        ("Implementing these open recommendations will help the department address its staffing gaps.", False),
        ("Implementing these recommendations will help DOD close the gaps in its readiness reporting.", False),
        ("Supervisors and the public need to know that there will be a plan to wind down a failing firm.", False),
        ("Congress could pass the bill as early as next week.", True),
        ("Congress is likely to raise the debt limit later this year.", True),
        ("Congress may cut spending by $100 billion.", True),
        ("Congress could well shut down the government.", True),
        ("Lawmakers may struggle to pass a budget.", True),
        ("Policymakers might cut rates further if growth slows.", True),
        ("Lawmakers could vote on the bill as soon as Friday.", True),
        ("Prices should fall next year as supply recovers.", True),
        ("Firms might raise their prices further over the coming months.", True),
        ("Exports should continue to help support activity in the coming quarters.", True),
    ],
)  # fmt: skip
def test_advice_and_options_are_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A programme's design, a decision and a schedule (the guide: "a plan's make-up is the plan", decisions announced with
# a schedule, "what a proposed law 'will enable' is the capability it would give", tariffs "expected to cover" an
# amount state the measure's scope, "a tool 'that will be a permanent offering' is a decision"): what a system "aims
# to be", what a plan or proposed rules "will set out" or "address", what a body "will encompass", what a reform "will
# enable us to" do, a goal "will be retained", a review "which will be finalised", policies that "will be directed
# at", a decision in "we decided that we will", a readiness, the "living will" (a noun), a rotating chair, a mandated
# update ("is to provide"), a measure's scope, the elimination of a rule by an agreement's chapter, work items. Effects
# with a number or a time ahead, and forecasts of the same bodies, stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("The new instant payment service aims to be a round-the-clock system that will be cheap for users.", False),
        ("Moreover, the central bank aims to keep inflation low over time, which limits the risk to savers that high "
         "inflation will erode their savings.", False),
        ("This plan will set out what each agency will do to support farmers and coordinate relief.", False),
        ("These proposed rules will also address the timing of disclosures to borrowers.", False),
        ("A modernized review process will enable us to protect sensitive technologies.", False),
        ("The 2 percent inflation goal will be retained and will not be a focus of the review.", False),
        ("The bank has made climate an important part of its strategy review, which will be finalised in the second "
         "half of this year.", False),
        ("The new agency, to be created under the act, will encompass the two existing lending programs.", False),
        ("On 15 June we decided that we will apply flexibility in reinvesting maturing bonds.", False),
        ("The central bank is ready to assume the tasks that governments may assign to it.", False),
        ("Closely linked to resolution planning is the living will exercise for large banks.", False),
        ("In 2026, Canada will chair the G7 while South Africa will chair the G20.", False),
        ("The Commerce Secretary is to provide the President with an update on copper by June 30, 2026.", False),
        ("The new tariffs are expected to cover about $20 billion of imports.", False),
        ("The services chapter of the agreement will result in the elimination of a rule that requires firms to store "
         "data locally.", False),
        ("I will place a high priority on policies that will be directed at achieving stable prices.", False),
        ("The Eurosystem has defined four action points that it will work on in the run-up to 2027.", False),
        ("The plan will cut the deficit by $1 trillion over the next decade.", True),
        ("Receipts are expected to cover about 80 percent of outlays in 2027.", True),
        ("The G20 economies will grow about 3 percent in 2026.", True),
        ("The storm will encompass much of the Gulf Coast by Friday.", True),
        ("The new rules will lead to higher borrowing costs next year.", True),
        ("Growth is to slow to 1 percent next year, the ministry said.", True),
    ],
)  # fmt: skip
def test_a_programmes_design_a_decision_or_a_schedule_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# More advice, demands and judgements (the guide: advice; "market participants 'should expect that regulators ... will
# take a very hard look' is the regulators' own intention"; "it would be appropriate" is a judgement; instructions are
# plans): what an agent "should review" or "should know", a warning of the authorities' own intention, what people
# "expect their government to" do, an instruction ("what we were asked to do is to"), what a country "must remain
# aware of", what "it would be irresponsible to" do, the effect claimed for implementing recommendations, the argument
# a speaker will address, and a scenario the speaker "could envision". Forecasts of the same shapes stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("These are the kinds of land purchases near military bases that the review board should examine.", False),
        ("Given its role, the business community should know that most filings now clear within a month.", False),
        ("Firms in this market should expect that regulators will take a close look at their practices.", False),
        ("That is why voters expect their government to pass laws that help them prosper.", False),
        ("What the Secretary has asked that we do is to focus on the most vulnerable households.", False),
        ("As borrowers manage debts, they must remain aware of whose interests their lenders will put first.", False),
        ("In a crisis, it would be irresponsible to wait for a treaty change if the same result could be had "
         "without one.", False),
        ("Many of these recommendations deserve priority because their implementation could improve how the "
         "department manages its programs.", False),
        ("Implementing our open recommendations will strengthen the agency's oversight of its contracts.", False),
        ("I also want to address the argument that low rates will discourage saving.", False),
        ("Going further, we could envision a third model in which the central bank runs the network itself.", False),
        ("Investors should expect rates to stay near 4 percent through next year.", True),
        ("Economists expect the government to cut taxes next year.", True),
        ("Implementing the new rules will raise banks' capital by $50 billion by 2027.", True),
        ("We could see a sharp slowdown in orders over the next few months.", True),
    ],
)  # fmt: skip
def test_more_advice_demands_and_judgements_are_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# Requirements and decisions still to be made (the guide: needs, "must prepare for" is a need, calls for action,
# decisions): what an agent "will have to" do by deliberation ("will have to take steps", "will have to rely on"),
# what a rule's subjects "will need to" do to comply, a requirement in the passive naming its agents ("should be made
# available by the providers"), and who "will decide" when or whether. What we will have to do to policy, an amount
# needed, and the outcome of a decision stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Developing countries will have to take steps to close the digital divide, he says.", False),
        ("Any European supervisory structure will have to rely on a mix of central and local decisions.", False),
        ("From July, chargers built with federal money will also need to source most of their parts at home.", False),
        ("By November 2027, instant payment services should be made available in every member state by the payment "
         "providers.", False),
        ("The United States and its allies will decide when and how the sanctions end.", False),
        ("We will have to raise rates again to keep inflation near 2 percent.", True),
        ("Banks will have to set aside $50 billion more for loan losses.", True),
        ("The court is expected to decide the case by the end of June.", True),
        ("The economy will decide how fast rates come down.", True),
    ],
)  # fmt: skip
def test_requirements_and_decisions_to_be_made_are_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A decision told as a noun (the guide's seventy-first batch: the Secretary's determination that a suspension period
# "will be extended into" a month is a decision with a schedule) and options counted off ("Fifth, they could simply
# pay a fee"; the guide: an agent's options are no forecast). A possibility counted off with a time ahead, and what a
# decision means for the economy, stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("In May I notified Congress of my determination that the suspension period would last until July 31.", False),
        ("Fifth, they could simply pay a fee to the Treasury that helps fund the program.", False),
        ("Second, firms could move their plants abroad to avoid the duties.", False),
        ("Just the announcement that the new lending facilities would soon be launched appears to have calmed "
         "markets.", False),
        ("Markets expect an announcement that the bank will cut rates by 50 basis points in March.", True),
        ("Second, growth could slow sharply next year if the tariffs stay.", True),
        ("Analysts said the decision means that rates will stay high through 2026.", True),
    ],
)  # fmt: skip
def test_a_decision_as_a_noun_or_options_counted_off_are_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# Routine fluctuation (the guide's seventieth batch: an expectation of "ups and downs" in the monthly data is read as
# routine fluctuation, like "there will doubtless be revisions"): no state to check. Revisions with their content,
# and a forecast in a clause of its own, stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("We expect there to be ups and downs in the monthly numbers.", False),
        ("There will doubtless be revisions.", False),
        ("There will be bumps along the road as supply chains adjust.", False),
        ("We expect revisions to GDP to show stronger growth next year.", True),
        ("We expect the data to have ups and downs, but job growth will stay above 150,000 a month this year.", True),
    ],
)  # fmt: skip
def test_routine_fluctuation_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence
