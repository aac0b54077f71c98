"""Guards on the modal masks of issue 20's precision round (the relative-clause modal, a legislature's option, an
action weighed, a subject pointing back, modals with no outcome of their own, conditional restatements, a sentence set
in a year over, estimates and forecasts recalled, "was anticipated by", "would likely" after an indefinite subject,
"may" about what an agent has or lacks, questions without their mark), in the styles of GAO, CRS and CBO analyses,
EIA and USDA outlooks, news write-ups and think-tank analyses.

Each sentence was written for this file (none is copied from the labelled set); its reading is the labelling
guide's, not the extractor's: ``True`` is a prediction that must be taken, ``False`` a non-prediction the masks drop.
Each is run through ``extract_candidates`` as a text of its own, with the sentence classifier.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates

BASE = date(2025, 6, 1)


def _taken(sentence: str) -> bool:
    return bool(extract_candidates(sentence, published_on=BASE))


# A modal in a relative clause on a thing named now is what the thing can do ("technologies that could lower costs",
# the guide's bare risk noun phrases); an amount, a named time, or an event under way as the thing named (a storm, a
# strike, a runoff, a crop, a season) makes it a forecast of that event's course.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Farmers are harvesting a soybean crop that could top 4.5 billion bushels.", True),
        (
            "Meteorologists are tracking a tropical storm that could strengthen into a hurricane before it reaches "
            "the Gulf Coast.",
            True,
        ),
        ("Shippers are bracing for a port strike that could shut East Coast terminals for weeks.", True),
        ("Refiners are drawing down inventories that could leave the market short of diesel by winter.", True),
        (
            "The drought has left reservoirs at levels that could force water rationing across central California "
            "this summer.",
            True,
        ),
        ("Voters go to the polls on Sunday in a runoff that could hand the opposition control of parliament.", True),
        ("The party has nominated a candidate who could win the governor's race in November.", True),
        ("Investors are bracing for an earnings season that may disappoint.", True),
        ("Traders are watching a cold snap that could send natural gas prices above $4 per MMBtu.", True),
        ("Growers planted a smaller wheat crop that might fall below 1.8 billion bushels.", True),
        ("The ruling party faces a budget vote that could topple the government within weeks.", True),
        ("Officials see a vaccine that could be approved as early as the fall.", True),
        ("Grid operators warned of a shortfall that could trigger rolling blackouts during the heat wave.", True),
        ("Insurers face a hurricane season that could be the most active in a decade.", True),
        ("Hospitals are bracing for a flu season that may peak in January.", True),
        ("Engineers found cracks that could force the plant to close for months.", True),
        ("Investors are pricing in a rate cut that could come in July.", True),
        ("Refiners face maintenance outages that could lift gasoline prices by 20 cents a gallon this spring.", True),
        ("There are new payment technologies that could lower costs.", False),
        ("The report identifies gaps in the rules that would address these risks.", False),
        ("The agency hired an honest broker who could help move everyone toward agreement.", False),
        ("The Fed established a program so banks could borrow against their securities.", False),
    ],
)  # fmt: skip
def test_relative_clause_modal(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts


# What a legislature could, may or might do is an option laid before it (the guide's twenty-eighth batch); with a
# named time ("on Friday", "before the summer recess", "until December") or told as what others foresee ("analysts
# said", "according to vote counters") it is a forecast, as "Lawmakers could vote as soon as Friday" was.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Congress may well raise the debt limit before August.", True),
        ("Congress could hold a final vote on the measure on Friday.", True),
        ("Lawmakers could extend the expiring subsidies in a year-end spending package, analysts said.", True),
        ("The House might vote on the aid package as soon as this week.", True),
        ("The Senate could approve the nominee by a narrow margin, according to vote counters.", True),
        ("Congress could fund the agency through a stopgap measure until December, aides predicted.", True),
        ("Parliament may approve the budget before the summer recess.", True),
        ("Lawmakers might pass the bill by the end of the month.", True),
        ("Lawmakers may seek to delay the rule when they return in January.", True),
        ("Legislators may consider a gas tax holiday when they reconvene next week.", True),
        ("The Senate may confirm the new Fed chair before the August recess.", True),
        ("The measure could pass the Senate as soon as Thursday, aides said.", True),
        ("Members could vote on the package before the holiday recess.", True),
        ("Congress might also expand the credit before it expires at the end of 2025.", True),
        ("Lawmakers may increase the program's funding by $2 billion in the next appropriations bill.", True),
        ("Parliament could dissolve itself in the autumn, triggering an early election.", True),
        ("Congress could require the agency to report annually on its progress.", False),
        ("Lawmakers might consider capping the fees that banks charge.", False),
        ("Congress may wish to examine whether the program meets its goals.", False),
        ("Legislators could fund the program at a lower level.", False),
        ("Members may weigh whether to extend the authority.", False),
        ("Congress could expand, reduce, or maintain the program.", False),
        ("Congress could require agencies to report by the end of each fiscal year.", False),
        ("Congress could also direct the agency to study the issue.", False),
        ("Congress may also want to consider whether the office needs more staff.", False),
        ("Congress could require agencies to submit plans within 90 days of enactment.", False),
        ("Congress could also mandate that agencies report to it in September of each year.", False),
        ("Lawmakers could also extend the deadline for filing claims, the report said.", False),
    ],
)  # fmt: skip
def test_legislature_option(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts


# An action named by a gerund with its object, or as the means, weighs the action (the guide: general statements of
# what a policy "would" do); the time it takes ("could take until the spring", "could take weeks") or a named time
# ("this summer") makes it a forecast.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Clearing the backlog of asylum cases could take until the end of the decade.", True),
        ("By cutting output further, OPEC+ could push Brent above $100 a barrel this summer.", True),
        ("Bringing the reactor back online may take until the spring.", True),
        ("Finishing the new terminal could take until mid-2027.", True),
        ("Replacing all the lead pipes in the city may take 15 years.", True),
        ("Raising rates again in July would likely push mortgage rates above 7 percent.", True),
        ("Hitting the 2 percent target could take until 2027, the central bank said.", True),
        ("Building the new reactors could take until the early 2030s.", True),
        ("Adding 2 million acres of soybeans would lift production to 4.6 billion bushels in 2026.", True),
        ("Producing more electricity from wind would reduce emissions.", False),
        ("By expanding production in the Permian, U.S. producers could add 300,000 barrels a day next year.", True),
        ("Hiring one more employee would reduce the return on assets.", False),
        ("Moving the clearing of payments onto a shared ledger could lower costs.", False),
        ("By widening access to credit, these programs would raise incomes.", False),
        ("Keeping rates too low for too long could overstimulate the economy.", False),
        ("Eliminating the deduction would raise $200 billion over ten years.", False),
        ("Reducing the deficit would lower interest rates over time.", False),
        ("Raising the cap on taxable earnings would close about a third of the shortfall.", False),
    ],
)  # fmt: skip
def test_action_weighed(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts


# A "would" whose subject points back to an arrangement or a proposal says what it would do if adopted; with a named
# time it continues a forecast. "Would likely" after an indefinite subject is what such a thing would likely do; with
# a named time or told as what forecasters say it is a forecast. A restatement with a share of its own counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("These storms would bring up to 6 inches of rain to the region through Saturday.", True),
        ("That would put the unemployment rate at 4.8 percent by December.", True),
        ("This would leave the trust fund depleted by 2033.", True),
        ("These increases would push the federal debt past $40 trillion by 2027.", True),
        ("This projected slowdown would bring growth below 1 percent in the second half.", True),
        ("A second storm would likely arrive by Thursday, forecasters said.", True),
        ("A government shutdown would likely begin on October 1 if Congress fails to act.", True),
        ("A strike at the ports would likely begin October 1, the union said.", True),
        ("Lower mortgage rates would likely lift home sales in the second half of the year.", True),
        ("This estimated shortfall would be equal to 0.8 percent of GDP in 2030.", True),
        ("They would reach the market in the fourth quarter, the company said.", True),
        ("These exports would account for a record 60 percent of U.S. corn use in 2025/26.", True),
        ("Such prices would be the lowest since 2020, in real terms, and they would stay low through 2026.", True),
        ("That would be the highest since 2008, and prices could rise further in July.", True),
        ("They would also be required to file annual reports.", False),
        ("Such a program would cost about $5 billion a year.", False),
        ("These provisions would lower premiums by 10 percent.", False),
        ("If adopted, the proposal would raise $90 billion over ten years.", False),
        ("That would be the lowest since 1999.", False),
        ("This arrangement would preserve the independence of the board.", False),
        ("Such a rule would give investors more information about fees.", False),
        ("The proposed disclosures would help investors compare funds.", False),
        ("These proposals would give the agency more flexibility.", False),
        ("Such a policy would reduce the incentive to save.", False),
        ("A higher tariff would likely raise prices for consumers.", False),
        ("A higher tariff would likely raise prices, economists say.", False),
        ("These projected deficits would be the largest outside of wartime.", False),
    ],
)  # fmt: skip
def test_subject_pointing_back(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts


# Modals that carry no outcome of their own (a consensus put hypothetically, an explanation offered, "It is not clear
# that"), "was anticipated by", "may" about what an agent has or lacks, and a question without its mark: each stops
# where a forecast of its own begins (after a colon, ", but", "and should"), and a named time, a season or an event
# ahead keeps "may lack"; a pseudo-cleft ("What could follow is ...") states what comes and is no question.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Analysts would agree on one thing: rates will fall next year.", True),
        ("Most forecasters would agree that rates are headed lower next year.", True),
        ("Most analysts would agree that the housing market will cool next year.", True),
        ("The decline may simply be because of the weather, but it is likely to persist into the spring.", True),
        ("It could be because of tariffs, but prices are expected to keep rising this summer.", True),
        ("It is not clear that demand will hold up, but prices are expected to rise next year.", True),
        (
            "It is not clear that the rule will survive in court, but the agency expects to enforce it from January.",
            True,
        ),
        ("The slowdown was predicted by most analysts and should last through the summer.", True),
        ("The rate cut was widely anticipated by investors and could be followed by another in September.", True),
        ("The decline was widely anticipated by grain traders and could continue into the harvest.", True),
        ("Smaller utilities may lack the capacity to meet peak demand this summer.", True),
        ("The fund may have insufficient resources to pay full benefits by the end of the decade.", True),
        ("Many hospitals may lack the staff to handle a winter surge in flu cases.", True),
        ("Schools may lack enough teachers when classes resume in August.", True),
        ("The states may lack the funds to cover Medicaid costs once federal support expires in October.", True),
        ("What could follow is a sharp rise in mortgage defaults next year.", True),
        ("What would likely come next is a cut in the federal funds rate in September.", True),
        ("What could happen next is a second wave of layoffs in the tech sector this fall.", True),
        ("Most people in these discussions would agree on the basic instruments.", False),
        ("Most participants would agree on the need for caution.", False),
        ("It could be because bond holders rarely lost money.", False),
        ("It may be because lenders have tightened standards.", False),
        ("We could envision a third scenario in which both rates move.", False),
        ("It is not clear that the rule achieved its purpose.", False),
        ("This disruption was widely anticipated by businesses.", False),
        ("The change was anticipated by most lenders.", False),
        ("Supervisors may not have sufficient visibility into the broader operations of the firm.", False),
        ("Smaller agencies may lack the expertise to evaluate the bids.", False),
        ("Agencies may lack the data to measure improper payments.", False),
        ("Hospitals may lack the staff to handle surges, the report said.", False),
        ("Smaller agencies may lack the expertise to evaluate bids before contracts are awarded.", False),
        ("What would happen next was unclear in January.", False),
        ("The cut was widely anticipated by investors, and markets rose.", False),
        ("Most economists would agree on the need for a credible plan, but they differ on the details.", False),
        ("What would happen if the Treasury missed a payment", False),
        ("How would the new rule affect small lenders", False),
        ("Why would a firm choose to borrow abroad", False),
        ("Who would benefit most from the cuts is not clear.", False),
        ("As might be expected, larger banks reported more losses.", False),
        ("Some of you may have read the report we released last month.", False),
        ("The decline could be the result of weaker demand last year.", False),
        ("It may be difficult to judge the effect of the rule.", False),
    ],
)  # fmt: skip
def test_no_own_outcome(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts


# A modal in a sentence that opens in a year already over is the past of "can" or "will"; a clause of its own told
# now or by others, or a named time after the opening, takes it out of that year. Forecasts recalled for a period
# over, estimates of periods long over and conditional restatements are no further prediction.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("In 2024, the economy grew 2.8 percent; it could slow to 2 percent as tariffs bite.", True),
        ("During 2024 prices fell sharply, but analysts say they could stabilize by summer.", True),
        ("In 2024 the trust fund ran a deficit, and it may be exhausted within a decade.", True),
        ("In 2023, inflation peaked, and it might fall to 2 percent by the end of this year.", True),
        ("In 2024, investors poured money into bonds, and they could do so again this year.", True),
        ("In March 2024, the river crested at 30 feet; forecasters say it could top that mark on Thursday.", True),
        ("In 2024, solar accounted for half of new capacity, and it could account for 60 percent this year.", True),
        ("In 2024, analysts forecast that gold would reach $3,000 an ounce, and they now see it going higher.", True),
        ("In 2024, hiring slowed; this year, it could slow further as federal layoffs mount.", True),
        ("In 2024 the fund's reserves stood at $2.7 trillion, and they may be depleted within nine years.", True),
        ("In 2024, USDA cut its forecast, and it could cut it again in the July report.", True),
        ("In 2024, the company delivered 1.8 million cars; this year, deliveries may fall as demand cools.", True),
        ("In 2022, utilities could not buy enough transformers.", False),
        ("At the end of 2024, the fund held $2.7 trillion, which could last until 2033.", True),
        ("Forecasters predicted last month that the hurricane season would be above normal.", True),
        ("The board predicted in 2022 that the fund would run dry in 2034.", True),
        ("EIA forecast in January that Brent would average $74 a barrel in 2025.", True),
        ("If enacted, the tax cuts are projected to add $3 trillion to deficits through 2034.", True),
        ("That would be the highest level since 2008, and it would rise further next year.", True),
        ("Prices would climb to $5 a bushel, the highest since 2012.", True),
        ("GAO estimates that about 40 percent of these bridges will need repair within a decade.", True),
        ("In 2022, firms could borrow at near-zero rates.", False),
        ("In March 2023, depositors could move their money within hours.", False),
        ("In 2020, workers could claim the credit on their returns.", False),
        ("In 2023, households could deduct up to $10,000 in state taxes.", False),
        ("In 2023, claimants could wait for months before receiving a decision.", False),
        ("In 2021, lenders could offer forbearance, but few borrowers asked for it.", False),
        ("During 2020 the agency could approve loans within days.", False),
        ("In 2023, households could deduct the cost; this year the rule changed.", False),
        ("In 2021 the budget office projected that unemployment would be 4.6 percent at the end of 2023.", False),
        ("Forecasters predicted in 2022 that home prices would fall in 2023.", False),
        ("We estimate that 33 percent of museums conducted an assessment from 2014 through 2024.", False),
        ("If passed, the proposal would require insurers to cover the treatment.", False),
        ("If realized, the baseline price forecast would mark the fourth consecutive year of decline.", False),
        ("That would be the highest since 2009.", False),
    ],
)  # fmt: skip
def test_past_and_restated(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts


# Predictions of the same shapes that no mask of this round touches: they must stay (a check that the narrowed masks
# and the ones left alone leave the plain forecasts of these genres).
@pytest.mark.parametrize(
    "sentence",
    [
        "Congress may well shut down the government on October 1.",
        "Banks that rely on uninsured deposits could face runs if rates keep rising.",
        "Lower prices would follow if supply recovers, as we expect it to.",
        "EIA expects U.S. crude oil production to average 13.5 million barrels per day in 2026.",
        "USDA forecasts the season-average corn price at $4.10 per bushel.",
        "Retail gasoline prices could average $3.10 per gallon this summer.",
        "The deficit would grow to $2.7 trillion by 2035 under current law.",
        "Medicare's hospital trust fund may be depleted in 2036.",
        "Analysts say the ruling could delay the project by two years.",
        "The central bank might raise rates again in July.",
        "The agency could run out of money for disaster relief by August.",
        "Beef prices may climb another 5 percent as herds shrink.",
        "Egg prices could fall sharply in the coming months as flocks recover.",
        "Without action, the Highway Trust Fund could be exhausted in 2028.",
        "The storm could dump a foot of snow on Denver by Wednesday morning.",
        "Jobless claims could climb above 300,000 as layoffs spread.",
        "Some economists think the Fed could pause in June.",
        "Coal output could fall 10 percent in 2026 as plants retire.",
        "By law, the trust fund could be depleted as soon as 2033.",
        "By some estimates, the shortage of nurses could reach 200,000 by 2030.",
        "According to the outlook, wheat exports could fall to 800 million bushels.",
        "Natural gas storage would end the refill season near 3.9 trillion cubic feet.",
        "Congestion at the ports may ease by the fall, shippers said.",
        "Demand for jet fuel would likely recover to pre-pandemic levels by next summer.",
        "The hurricane would likely weaken to a tropical storm after landfall on Wednesday.",
        "Solar installations could reach 40 gigawatts this year, the industry group said.",
        "Remittances to Mexico may decline for a second year as migration slows.",
        "Tightening the labor market further could push wage growth above 5 percent by the end of next year.",
        "These tariffs would raise the average effective tariff rate to 18 percent in 2025, the highest since 1934.",
        "Such conditions would likely persist into the first quarter of 2026.",
        "If current trends continue, Medicaid enrollment could fall by 5 million next year.",
        "Which way the Fed goes may depend on the jobs report, but most economists expect a cut in July.",
        "The plan faces legal challenges that could delay its start until 2027.",
    ],
)
def test_plain_forecasts_stay(sentence: str) -> None:
    assert _taken(sentence)


# Predictions the extractor already missed before this round (9e38402), left for another round: kept here so that a
# fix shows, not counted as this round's over-reach.
@pytest.mark.parametrize(
    "sentence",
    [
        "Treasury will need to borrow $1 trillion in the third quarter.",
        "The House could take up the Senate's version as early as Wednesday.",
        "The Senate may take up the defense bill in September, aides said.",
        "Rebuilding the bridge could take a decade.",
        "Restoring power to all customers could take weeks, the utility said.",
        "By October, the agency may not have enough cash to pay benefits.",
        "That would leave the benchmark rate at 3.5 percent at the end of the year.",
        "A deal would likely be announced before the summit ends on Friday.",
    ],
)
@pytest.mark.xfail(reason="missed at 9e38402 too, by masks or a classifier outside this round", strict=True)
def test_missed_before(sentence: str) -> None:
    assert _taken(sentence)
