# ruff: noqa: E501
"""British-style business, economy, technology and politics news of the mid-2000s (issue 20, intake): forecasts in
the register users paste most (reported speech, the speaker after the quote, "is tipped to", "looks set to", "is on
course for", "faces", headline-like fragments), which must be candidates, beside near-misses of the same register
(results just reported, decisions and plans announced, schedules, quotes about the past, questions, "it is not clear
whether", conditional threats, hopes), which must not. The expected readings are the labelling guide's
(tests/predictions/extract_dev/README.md, "## Labelling guide"), worked out by hand for each sentence, not the code's:
in particular a company's plan, a job-cut target, a scheduled event and a decision announced with its schedule are
not predictions; a firm's expectation of its own results, analysts' forecasts, a passive expectation with no holder,
a forecast revised with its new level and the effect promised for a measure adopted are; the effect of a proposal
"if it were enacted" (in "would") is not.

Every sentence here was written for this file, in the style of such news from general knowledge of the register
(none is copied from the labelled set or from any news corpus). Each is run through ``extract_candidates`` as a text
of its own, with a publication date in March 2005 that suits the register. The speakers' group checks, where the
sentence names who holds the forecast ("X said", "according to X"), that the candidate's author names X.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates

BASE = date(2005, 3, 15)

# forecasts still dropped, with why; marked so that a fix shows
XFAIL: dict[str, str] = {}

# non-predictions still taken, with why
XFAIL_TAKEN: dict[str, str] = {
    "Analysts had cut their profit forecasts to £1bn before the results.": "taken before this branch: the plural 'forecasts' before 'to' + a figure is read as the verb (confidence._is_verb)",
    "Mr Blair has said he will serve a full third term.": "a schedule or decision announced in 'will' (an act of the subject's own, a date)",
    "The firm will cut 500 jobs at its plant in Swindon.": "a schedule or decision announced in 'will' (an act of the subject's own, a date)",
}

# speakers not yet named, with why
XFAIL_SPEAKER: dict[str, str] = {}


# Forecasts: firms' expectations of results, analysts', forecasters' and officials' forecasts, passive
# expectations, "could/should/likely" about the future, polls' projections, the effects promised for adopted measures
PREDICTIVE = [
    "The firm said it expected profits to rise by about 10% this year.",
    "Shares in the retailer fell after it warned that full-year profits would be lower than expected.",
    "Analysts predicted that the merger would lead to about 2,000 job losses.",
    "The merger is expected to produce cost savings of £200m a year by 2007.",
    "House prices will rise by 5% this year, according to the Nationwide.",
    "UK house prices are set to fall by 2% in 2006, the Royal Institution of Chartered Surveyors has predicted.",
    "Interest rates are likely to stay on hold at 4.75% next month, economists said.",
    "The pound could slip below $1.80 in the coming months, currency dealers warned.",
    "Oil prices could top $60 a barrel before the end of the year, analysts at Goldman Sachs said.",
    "The airline expects to return to profit in 2006.",
    "The supermarket chain said sales growth would slow in the second half.",
    "BT expects its broadband customers to reach five million by the end of 2005.",
    "The bank said it expected bad debts to rise sharply over the coming year.",
    "The brewer is tipped to report a 15% rise in annual profits on Thursday.",
    "The retailer looks set to post its worst Christmas sales for a decade.",
    "Profits at the oil giant are on course for a record £10bn this year.",
    "The carmaker is poised to return to profit next year, analysts believe.",
    "Shoppers are likely to see higher prices in the new year as energy costs feed through.",
    "Manufacturers could be hit by a further rise in steel prices this year, the EEF warned.",
    "The steel industry faces thousands more job losses over the next two years, unions warned.",
    "The group forecast a rise in pre-tax profits to £1.2bn for the year to March.",
    "Mortgage lending is predicted to slow to £280bn next year, the Council of Mortgage Lenders said.",
    "The takeover will lead to the loss of up to 1,000 jobs, the union claimed.",
    "Analysts estimate the deal will add 5p a share to earnings in its first full year.",
    "The chain said like-for-like sales would be flat in the current year.",
    "The company warned that trading in the first half would be weaker than last year.",
    "Demand for oil is forecast to grow by 1.8 million barrels a day in 2005, the International Energy Agency said.",
    "Crude prices are likely to remain above $40 a barrel for the rest of the year, Opec's president said.",
    "The UK economy will grow by 2.5% this year, the CBI has forecast.",
    "The Chancellor predicted that growth would be between 3% and 3.5% in 2005.",
    "The Bank of England expects inflation to stay close to its 2% target over the next two years.",
    "Unemployment is expected to rise slightly to 1.45 million by the end of next year.",
    "The IMF said the world economy would expand by 4.3% in 2005, down from 5% last year.",
    "Growth in the eurozone is set to slow to 1.6% next year, the OECD said in its latest outlook.",
    "The British Chambers of Commerce cut its growth forecast for 2005 to 2.6%.",
    "Inflation could rise above 2% by the summer, the Bank's governor warned.",
    "The economy is on course to grow by 3% this year, the Treasury insisted.",
    "Consumer spending is likely to slow in the coming months as higher interest rates bite.",
    "Economists predict the Bank will raise rates to 5% before the end of the year.",
    "The Chancellor's borrowing forecast of £34bn this year is likely to be exceeded, the Institute for Fiscal Studies said.",
    "Japan's economy is expected to return to growth in the first quarter, according to a survey of economists.",
    "China's economy will grow by 8.5% next year, the World Bank has predicted.",
    "German unemployment is likely to top five million this winter, the labour office said.",
    "The US trade deficit is forecast to widen further in 2005.",
    "Retail sales growth looks set to slow sharply this year, the CBI's survey suggested.",
    "Manufacturing output is expected to pick up in the second half of the year, the EEF said.",
    "The Bank's monetary policy committee is widely expected to leave rates unchanged on Thursday.",
    "Public sector borrowing will overshoot the Treasury's target by £10bn, according to the Item Club.",
    "Sales of mobile phones will pass 700 million this year, analysts at Gartner predicted.",
    "Broadband take-up in the UK will reach 10 million homes by 2007, according to Ofcom.",
    "Microsoft expects the Xbox 360 to sell three million units in its first 90 days.",
    "Sony said it expected the PSP to sell three million units in Europe by March 2006.",
    "Analysts at Jupiter Research forecast that online sales would reach £20bn by 2008.",
    "The number of people using 3G phones is set to double next year.",
    "Digital music downloads could overtake CD singles within two years, the BPI said.",
    "IDC predicts PC shipments will grow by 10% in 2005.",
    "Apple is likely to unveil a cheaper iPod in the coming weeks, analysts said.",
    "Internet phone services will carry a third of all calls by 2010, research firm Ovum said.",
    "Spending on IT is tipped to rise by 5% this year.",
    "Online advertising is on course to overtake radio advertising by 2006.",
    "Nokia warned that its handset sales would fall in the first quarter.",
    "The next generation of consoles could cost as much as £400, industry watchers said.",
    "There will be more than 100,000 wi-fi hotspots worldwide by the end of the year, according to analysts.",
    "Labour is on course for a third term with a majority of about 100 seats, according to the latest poll.",
    "The Conservatives are likely to gain seats in the south-east, pollsters predicted.",
    "The Liberal Democrats could win as many as 20 more seats, their leader claimed.",
    "The government is expected to lose the vote on Tuesday, whips believe.",
    "The smoking ban will cost the pub trade 20,000 jobs, the industry's trade body warned.",
    "A MORI poll suggested Labour would win with a lead of eight points.",
    "Tony Blair is expected to call the general election for 5 May.",
    "The reforms will save the NHS £1bn a year by 2008, ministers claimed.",
    "Turnout could fall below 60% again, experts warned.",
    "The new tax credits will lift 500,000 children out of poverty by 2006, the Chancellor said.",
    '"Profits will be hit by higher fuel costs this year," said Mr Smith.',
    '"We expect a strong performance in the second half," chief executive John Smith said.',
    '"Growth will pick up next year," said Ruth Lea, director of the Centre for Policy Studies.',
    '"House prices will fall by around 5% in 2005," said Ed Stansfield, property economist at Capital Economics.',
    '"The pound is likely to weaken against the dollar in the coming months," said one trader.',
    '"We think rates will peak at 5% this year," said an economist at HSBC.',
    '"This will be a tough year for the high street," warned Kate Barker.',
    '"There will be more job losses before the end of the year," added Mr Jones.',
    '"Sales of flat-screen televisions will double this Christmas," said a spokesman for Dixons.',
    '"Broadband prices will keep falling," said Ian Fogg, an analyst at Jupiter Research.',
    "Oil prices will average $45 a barrel this year, according to analysts at Barclays Capital.",
    "The deficit will reach 3.5% of GDP next year, according to the European Commission.",
    "Inflation will peak at 2.4% in the autumn before falling back, according to the Bank.",
    "The economy will slow to 2% next year, according to the National Institute of Economic and Social Research.",
    "Profits are expected to fall by a third, according to analysts polled by Reuters.",
    "Sales of digital cameras are expected to overtake film cameras this year, according to the research firm.",
    "UK growth to slow, CBI predicts",
    "House prices set to stall in 2005",
    "Oil tipped to hit $60 this year",
    "Rates likely to rise again, says think tank",
    "The Bank of England is likely to raise interest rates again in the coming months, a survey of City economists suggests.",
    "Analysts expect the Bank to hold rates at its meeting next week.",
    "Most analysts expect rates to stay on hold until the summer.",
    "The bank said it would not be surprised to see rates rise to 5% by the end of the year.",
    "The International Monetary Fund said it expected the US economy to grow by 3.5% this year.",
    "The OECD has predicted that growth in the UK will slow to 2.4% in 2006.",
    "The CBI forecast that unemployment would rise to 1.5 million by the end of 2006.",
    "The Treasury projected that borrowing would fall to £30bn by 2008.",
    "Ministers expect the scheme to create 10,000 jobs within five years.",
    "The company expects to complete the sale of its US arm by the end of June.",
    "The group expects to make about £100m from the sale of its property portfolio next year.",
    "Analysts reckon the takeover will push up fares on the routes within two years.",
    "City analysts believe the bank will have to raise its offer for the building society.",
    "Experts warned that the price war could claim more victims among smaller grocers this year.",
    "The union warned that the closure could cost up to 3,000 jobs in the region.",
    "Mr King added that inflation would probably rise above target in the coming months.",
    "He added that house prices would continue to rise, but at a slower pace.",
    "She added that profits could fall by as much as 20% next year.",
    "The chairman told shareholders that the group would return to growth in 2006.",
    "The retailer told the City that sales in the current quarter would be down by about 4%.",
    "The firm reported a 12% rise in profits and said it expected another strong year in 2005.",
    "Profits rose 8% last year, and the bank said it expected similar growth this year.",
    "Marks & Spencer is set for another fall in sales, analysts warned.",
    "Tesco is on course to report profits of more than £2bn for the first time.",
    "Vodafone is poised to add another 10 million customers this year.",
    "Sainsbury's is likely to see its market share slip further in the coming months.",
    "The chain could be forced to close up to 100 stores next year, analysts warned.",
    "BA could be hit by higher fuel costs for the rest of the year.",
    "The pound could be hit by weaker growth figures later this year.",
    "The housing market faces a slowdown in 2005, the Halifax predicted.",
    "The industry faces a difficult year ahead, with sales set to fall by 3%.",
    "Car makers face a further fall in sales in the coming months.",
    "Europe's airlines face losses of $1bn this year, their trade body warned.",
    "The insurer expects to pay out £200m in claims for the floods this year.",
    "The bank expects to shed another 2,000 jobs as a result of the merger.",
    "The group forecast a rise in sales of about 6% for the current year.",
    "The society forecast a rise of 3% in house prices over the next twelve months.",
    "The trade body forecast a fall in new car registrations this year.",
    "Analysts forecast a drop in full-year profits to about £500m.",
    "The economy will expand by 2.8% in 2005 and 2.5% in 2006, the Treasury predicted.",
    "The deficit is forecast to fall to £30bn by 2007.",
    "Sales are projected to reach $1bn by 2008.",
    "Broadband take-up is projected to double within five years.",
    "Oil demand is estimated to grow by 2% next year.",
    "The cost of the scheme is estimated to rise to £10bn by 2010.",
    "The number of people over 65 is projected to rise by 50% within 25 years.",
    "Prices should start to fall next year as new capacity comes on stream.",
    "Growth should pick up in the second half of the year, the Treasury said.",
    "The pound should recover against the euro in the coming months, currency strategists said.",
    "Rates could rise as early as next month, some economists believe.",
    "Unemployment could climb above one million within a year, the union warned.",
    "The market could fall by 10% within five years, some economists warned.",
    "Inflation is likely to rise above 2% within the next year.",
    "Prices could fall by as much as 10% over the next two years.",
    "The Fed is expected to raise rates by a quarter point on Tuesday.",
    "The euro is expected to weaken against the dollar in the coming months.",
    "US interest rates are expected to rise to 3% by the end of the year.",
    "The ECB is expected to keep rates on hold at 2% for the rest of the year.",
    "Japan's deflation is likely to persist into next year, the Bank of Japan said.",
    "The Indian economy should grow by 7% this year, the finance minister said.",
    "Russia's economy is expected to grow by 6% this year as oil revenues soar.",
    "Brazil's inflation is likely to ease to 5% next year, the central bank predicted.",
    "China's exports are set to rise by 25% this year, the commerce ministry said.",
    "The global chip market is set to grow by 7% in 2005, Gartner said.",
    "Sales of flat-panel televisions are set to overtake sales of traditional sets by 2006.",
    "Mobile phone sales in Europe are set to fall this year as markets reach saturation.",
    "The games industry is set to be worth £30bn by 2008, according to a report.",
    "Sony is poised to overtake Nintendo in the handheld market this year.",
    "Spending on online games is likely to double within three years.",
    "Music downloads are on course to top 200 million this year.",
    "Video-on-demand services are likely to become common within five years, the report predicted.",
    "High-definition TV sets are expected to be in 10 million homes by 2008.",
    "The number of broadband users in the UK is expected to pass six million by the summer.",
    "Half of all UK homes will have digital television by 2006, according to the regulator.",
    "Internet shopping will account for 10% of retail sales within five years, a study predicted.",
    "Labour will win the election with a reduced majority, according to a YouGov poll.",
    "The Tories are expected to win back several seats in London.",
    "The bill is likely to face a rough ride in the House of Lords.",
    "The government could face a rebellion by up to 50 Labour MPs over the plans.",
    "The Chancellor is expected to raise his growth forecast in the Budget next week.",
    "The Chancellor is tipped to cut stamp duty in the Budget.",
    "Gordon Brown is likely to announce extra spending on schools in the Budget.",
    "The reforms will push up council tax bills by 5% next year, the Local Government Association warned.",
    "Ministers are likely to lose the vote on identity cards, rebels claimed.",
    "The government expects to raise £2bn a year from the new tax by 2007.",
    "Voters are likely to punish the government over the Iraq war, the poll suggests.",
    "Turnout is expected to be lower than in 2001.",
    "The Lib Dems look set to make big gains in university towns, the poll suggests.",
    "The government is on course to miss its target of cutting carbon emissions by 20% by 2010.",
    "Britain is on course to meet its Kyoto target, ministers said.",
    "The Treasury is on course to break its golden rule, the IFS warned.",
    "The economy is likely to grow more slowly than the Chancellor expects.",
    "Growth next year will be weaker than the Treasury expects, according to the CBI.",
    "The budget deficit will be bigger than forecast, the IFS said.",
    "The company warned that profits would be at the lower end of market forecasts.",
    "The company said it was confident that profits would be in line with expectations for the full year.",
    "Trading in the current year is expected to be in line with market expectations.",
    "The rise in oil prices could knock half a percentage point off growth next year, the OECD warned.",
    "Higher interest rates could push more households into debt problems this year.",
    "Higher energy costs are likely to hit consumer spending later this year.",
    "The strike could cost the airline up to £30m.",
    "The floods could cost insurers up to £1bn, the Association of British Insurers said.",
    "The hurricane is expected to cost insurers at least $10bn.",
    "The sale is expected to raise about £500m.",
    "The deal is expected to be completed in the second quarter.",
    "The rights issue is expected to raise £1bn.",
    "Regulators are expected to approve the takeover next month.",
    "The bid is likely to be referred to the Competition Commission, lawyers said.",
    "The takeover is likely to face opposition from shareholders.",
    "The deal is likely to lead to job losses at both firms.",
    "The sale is likely to fetch more than £1bn, according to bankers.",
    "Analysts expect the firm to announce further job cuts next week.",
    "The firm is expected to unveil a return to profit when it reports on Wednesday.",
    "The bank is expected to report record profits of more than £8bn on Monday.",
    "The retailer is expected to confirm poor Christmas trading next week.",
    "Shares are likely to rise when trading opens on Monday, dealers said.",
    "The FTSE 100 could break through 5,000 points before the end of the year, strategists said.",
    "Gold prices could rise to $500 an ounce this year, according to a report.",
    "Property prices in London will fall this year, estate agents predicted.",
    "First-time buyers will continue to be priced out of the market for years to come, a report warned.",
    "Rents are set to rise by 4% over the next year, the survey of letting agents predicted.",
    "Repossessions are likely to rise this year as more borrowers fall behind with payments.",
    "Personal debt will top £1.2 trillion by the end of the year, Credit Action predicted.",
    "Consumer borrowing is expected to slow this year as rates rise.",
    "Pension deficits are likely to widen further this year, consultants warned.",
    "The pensions gap will grow to £57bn a year by 2010, the report warned.",
    # the news shapes without a modal: 'faces' with a time ahead, 'is set for' + an outcome, a forecast cut or raised
    # to its new level, 'forecast a fall in', a headline's 'set to' without its copula, a line typed alone
    "The housing market is set for a soft landing this year, the Bank said.",
    "Sony is set for a record year.",
    "Retailers face a tough Christmas this year.",
    "Analysts forecast a return to profit in 2006.",
    "The OECD raised its forecast for UK growth this year to 2.8%.",
    "Mobile operators face a fall in revenues over the next few years.",
    "Shares set to open higher",
    "Euro poised to hit record high",
    "The Bank of England forecast a rise in inflation to 2.2% by 2007.",
    "The airline faces a £50m bill for fuel next year.",
    "The company warned that sales in the first half would be weaker.",
    "A survey of economists predicted the Bank would raise rates by the summer.",
    # beside the announcements kept out: 'is to' and 'is due to' with an outcome, 'will' + an outcome on a date, a
    # proposal's effect with a time ahead, a reported 'would' with no threat, an expected move
    "Sales are due to rise in the second half.",
    "Inflation is to rise to 2.5% next year, the Bank forecast.",
    "The Bank will raise rates on Thursday, economists predicted.",
    "Rates will rise on 5 May, most economists predict.",
    "The merger would create savings of £200m by 2007, the firms said.",
    "The plan would cut household bills by £50 next year, the regulator said.",
    "The union warned that the strike would cost the company £10m.",
    "The firm said it would return to profit next year.",
    "He is expected to step down at the end of the year.",
    "Analysts expect the firm to pay a higher dividend next year.",
    "Shares will close higher on 5 May, dealers predicted.",
    "The pound will be hit hard on 5 May if Labour loses its majority.",
    # a second batch, written after the fixes above and measured before any fix of its own (38/40 taken at 1b634bd)
    "The Halifax said it expected house price inflation to slow to about 5% by the end of the year.",
    "Analysts at Morgan Stanley said the rebound in oil prices was likely to continue into the summer.",
    "Business investment will recover strongly this year, the British Chambers of Commerce predicted in its quarterly outlook.",
    '"I think we will see a gradual slowdown in consumer spending over the next few months," said Howard Archer, chief economist at Global Insight.',
    "The slowdown in the housing market looks likely to continue for the rest of the year, according to the Royal Institution of Chartered Surveyors.",
    "The US Federal Reserve is widely tipped to raise interest rates again at its meeting later this month.",
    "Japan's exporters are bracing themselves for a stronger yen, which could hurt profits in the second half.",
    "The chief executive said he expected the group's Asian operations to double in size within three years.",
    "The carmaker warned that it would make a loss in Europe for the third year running.",
    "Online retailers are expected to enjoy record sales this Christmas as more shoppers buy on the internet.",
    "Unemployment in France is likely to remain above 10% for much of the year, the government's statistics office said.",
    "Economists polled by the BBC expect the pound to fall below $1.85 by the summer.",
    "Telecoms firms are gearing up for a price war that could push down the cost of calls by a fifth over the next year.",
    "Mr Brown said borrowing would fall in each of the next three years as the economy grew.",
    "The chip maker expects revenue for the current quarter to be between $8.4bn and $8.8bn.",
    "The deal should boost earnings from the first full year, the company said.",
    "Analysts said the bank could be forced to cut its dividend if bad debts continued to rise.",
    "Consumer confidence is likely to fall further in the coming months, the GfK survey suggested.",
    "The number of mobile phone users in China is expected to top 400 million by the end of the year.",
    '"There is every chance that rates will have to go up again before the summer," said one City economist.',
    "Sales of the new Xbox are likely to be held back by a shortage of components in the run-up to Christmas.",
    "The oil price is likely to stay high for years to come because demand from China and India is growing so quickly.",
    "The government's target of cutting child poverty by a quarter by 2005 is likely to be missed, a report has warned.",
    "The European Central Bank is expected to keep interest rates at 2% when it meets on Thursday.",
    "Rising fuel costs will add about £1bn to British Airways' bill this year, the airline estimated.",
    "It is expected that the merger will be completed by the end of June.",
    "Shares in the company are expected to start trading on the London Stock Exchange next month.",
    "The firm's profits for the full year are now expected to come in at about £150m, below the £180m analysts had been forecasting.",
    "Average earnings are forecast to grow by 4.5% this year, the Treasury said.",
    "Retailers fear that the weak start to the year could continue well into the spring.",
    "Mr Blair's majority is likely to be cut sharply at the election, according to most opinion polls.",
    "The Tories will struggle to win seats in Scotland, analysts predict.",
    "House prices in the north of England will continue to outperform the south, the Nationwide's chief economist said.",
    "A spokeswoman for the retailer said it was confident of hitting its full-year profit target.",
    "Industry experts believe digital radio sales will pass one million this year.",
    "Oil prices may fall back to $35 a barrel by the end of the year if Opec raises production, analysts said.",
    "Games console makers expect the next generation of machines to drive sales to record levels in 2006.",
    "The regulator predicted that competition would drive down broadband prices by a third within two years.",
    "The firm's new chief executive faces a difficult task in turning the business around this year.",
    "The economy will probably grow by less than 2.5% this year, a survey of forecasters found.",
    # beside the second batch's fixes: 'confident of' + a verb in -ing, an expected vote, a union's forecast, the main
    # clause after a proposal's terms
    "The chairman said he was confident of returning the group to profit next year.",
    "Shareholders are expected to vote in favour of the deal next month.",
    "The union said it would win the ballot easily.",
    "The proposals, which would raise £5bn by 2008, are likely to be approved.",
    # a third batch, written after the second batch's fixes, measured before any fix of its own (23/25 taken, as at
    # 1b634bd)
    'Mr King said: "Inflation is likely to rise above the target in the months ahead."',
    "The company added that it expected to create 500 jobs at the new plant by 2007.",
    "Homeowners could see their mortgage payments rise by £50 a month if rates go up again this year.",
    "Savers stand to lose out as banks cut their rates in the coming months.",
    "The boss of the chain is in line for a £2m bonus if profits hit their target this year.",
    "It is thought likely that the Bank will leave rates on hold until the autumn.",
    "Sources close to the company said it would announce a return to profit next week.",
    "The firm is understood to be close to a deal that could see 1,000 jobs cut by the end of the year.",
    "The takeover will mean higher fares for passengers on routes to Scotland, consumer groups warned.",
    "Exporters will have to cope with a stronger pound for the rest of the year, the EEF said.",
    "The retailer is heading for its first annual loss in a decade.",
    "Mobile operators are on track to sign up 10 million 3G customers by 2006.",
    "Experts say the price of petrol could reach £1 a litre before the summer.",
    "It will take years for the airline industry to recover from the downturn, the chairman warned.",
    "The slump in the dollar is set to continue, hitting exporters' profits this year.",
    "The IMF warned that the US current account deficit could trigger a sharp fall in the dollar within two years.",
    "Opec ministers are expected to agree to raise output when they meet in Vienna next week.",
    "Analysts predict a rise of about 5% in pre-tax profits when the group reports on Tuesday.",
    "British Gas customers face a 10% rise in their bills this winter.",
    "Ministers believe the new technology will save the NHS more than £1bn a year by 2010.",
    "The Conservatives will need a swing of more than 10% to win the election, pollsters calculate.",
    "The housing minister said he expected 200,000 new homes a year to be built by 2016.",
    "A record number of graduates will be chasing fewer jobs this summer, recruiters warned.",
    "Demand for flat-screen TVs will outstrip supply in the run-up to Christmas, according to retailers.",
    "Growth is forecast to pick up to 2.5% next year as exports recover.",
    "Britain's biggest retailers stand to benefit from the weaker pound this year.",
    "Top earners are in line for another year of bumper bonuses, according to the report.",
    # from a short article written in the register (the one miss among its seven forecasts): a warning of annual
    # profits in reported 'would'
    "Shares in high street chain Bloomfields fell 8% after it warned that annual profits would be at the bottom end of expectations.",
    "The chain warned that annual profits would be at the bottom end of market forecasts.",
    # from a second short article (technology; five forecasts by the guide, four taken): 'this is the year' + a clause
    '"We believe this is the year 3G goes mass market," said a spokesman.',
    "Many analysts think next year will be the year that high-definition television finally takes off.",
    "For retailers, this is the year the internet finally matters.",
]


# Near-misses: results and data reported, decisions, plans, targets and schedules announced, forecasts recalled or
# revised without a level, questions, explicit non-predictions, conditionals and general "would", hopes and wishes
NOT_PREDICTIVE = [
    "Profits rose 12% to £1.2bn in the year to March.",
    "The firm announced 1,000 job cuts last week.",
    "The company plans to cut 600 jobs by the end of next year.",
    "The Bank of England left interest rates unchanged at 4.75% on Thursday.",
    "The chain is to open 20 new stores next year.",
    "The Chancellor will deliver his Budget on 16 March.",
    "The firm is due to report its full-year results on Thursday.",
    "It is not clear whether the deal will go ahead.",
    "It remains to be seen whether the cuts will be enough to restore profits.",
    "Will the housing market crash this year?",
    "The union said its members would strike if the pay offer was not improved.",
    "Profits were lower than analysts had expected.",
    "The company said it hoped to return to profit next year.",
    "Sales of the console exceeded expectations over Christmas.",
    "The government has pledged to halve child poverty by 2010.",
    "Ministers want to cut red tape by £1bn.",
    "The bid values the firm at £3bn.",
    "The offer will close on 20 April.",
    "Mr Smith will step down as chairman at the end of the year.",
    "The company will pay a final dividend of 5p a share.",
    "The Bank raised rates to 4.75% in August, its fifth rise since November 2003.",
    "Inflation was 1.6% in January, the Office for National Statistics said.",
    "Unemployment fell by 20,000 to 1.42 million in the three months to December.",
    "The IMF cut its growth forecast for Germany.",
    "The CBI revised down its forecast for growth.",
    "Analysts said the results were better than expected.",
    "Whether the recovery will last is another matter.",
    "The vote is due to take place next week.",
    "Mr Brown said he would do whatever it takes to keep inflation low.",
    "The firm said it would fight the bid.",
    "Workers will strike on Monday if talks fail, the union warned.",
    "Under the plans, the state pension age would rise to 67.",
    "Firms expressed concern about the rise in business rates.",
    "Economists are divided over whether rates will rise again.",
    "The group has been hit by rising oil prices.",
    "How long can the boom last?",
    "The merger would create the UK's biggest building society, with assets of £50bn.",
    "The proposals would cost the industry £1bn a year, the CBI warned.",
    "The plan would add £200 a year to the average household's energy bill, the regulator warned.",
    "The new console is due to go on sale in Europe in the spring.",
    "The retailer plans to open 50 new stores over the next three years.",
    "The airline intends to buy 20 new aircraft by 2008.",
    "The bank aims to cut costs by £500m by 2007.",
    "The group has set a target of £1bn in savings by 2008.",
    "The firm is to cut 1,200 jobs, it announced on Tuesday.",
    "BT is to raise line rental charges from April.",
    "The government is to sell its remaining stake in the company.",
    "The Chancellor is to announce the date of the Budget next week.",
    "The company has agreed to buy its rival for £2bn.",
    "Shareholders voted to approve the takeover on Monday.",
    "The board rejected the £3bn offer as too low.",
    "The Bank's nine-member committee voted 7-2 to keep rates on hold.",
    "Rates have risen five times since November 2003.",
    "House prices rose by 0.5% in February, the Halifax said.",
    "Sales in the three months to December were up 4% on a year earlier.",
    "The pound fell to a two-month low against the dollar on Friday.",
    "Oil prices hit a record high of $55 a barrel in October.",
    "Shares in the company closed 3p lower at 250p.",
    "Growth in the final quarter of last year was 0.7%, official figures showed.",
    "The economy grew by 3.1% last year, the fastest rate for four years.",
    "Manufacturing output fell by 0.3% in January.",
    "The trade deficit widened to £5bn in December.",
    "Sony sold more than two million PSPs in Japan in its first three months on sale.",
    "Broadband subscribers passed five million in December.",
    "Mobile phone sales rose by 30% last year, Gartner said.",
    "Apple sold 4.5 million iPods in the last three months of 2004.",
    "Labour won the 2001 election with a majority of 167.",
    "The poll put Labour on 38%, the Conservatives on 33% and the Liberal Democrats on 21%.",
    "The bill was passed by 300 votes to 250.",
    "Mr Blair has said he will serve a full third term.",
    "The government has promised to create 100,000 new homes in the south-east.",
    "The Tories have pledged to cut taxes by £4bn.",
    "The Lib Dems have promised to scrap university tuition fees.",
    "It is unclear whether the government will win the vote.",
    "It is too early to say whether the rise in rates has cooled the housing market.",
    "Analysts are divided on whether the firm will accept the offer.",
    "The question is whether consumers will keep spending.",
    "Will the Chancellor raise taxes after the election?",
    "Can Marks & Spencer win back its customers?",
    "Could this be the end of the housing boom?",
    "If the deal goes through, the new group would have 30,000 staff.",
    "If rates were to rise sharply, many households would struggle to pay their mortgages.",
    "Higher interest rates would hit homeowners hardest.",
    "A rise in interest rates would push up mortgage payments.",
    "If the pound were to fall, exporters would benefit.",
    "The firm said it had expected a tougher year.",
    "Analysts had expected profits of about £1bn.",
    "Economists had forecast growth of 0.6% for the quarter.",
    "Sales were in line with expectations.",
    "The results were slightly below City forecasts.",
    "The company said it was disappointed with the figures.",
    "The chief executive said he was optimistic about the company's prospects.",
    "Retailers remain cautious about the outlook.",
    "Business confidence fell to a two-year low in the first quarter, the survey showed.",
    "The company hopes the new range will attract younger shoppers.",
    "Ministers hope the scheme will get more people back to work.",
    "The firm wants to double its market share in Europe.",
    "Chancellor Gordon Brown has said he would like to see more investment in skills.",
    "The EEF said manufacturers were worried about the strength of the pound.",
    "Shoppers have become more cautious in recent months.",
    "The airline said rising fuel costs had hit profits in the first half.",
    "The company blamed the warm weather for weaker sales in the autumn.",
    "The Monetary Policy Committee meets on Wednesday and Thursday.",
    "The figures will be published on Friday.",
    "The Budget will be delivered on 16 March.",
    "The sale will be completed on 1 April, the company said.",
    "The new chief executive will take up his post in June.",
    "The chain will close 30 stores, the company confirmed.",
    "The firm will cut 500 jobs at its plant in Swindon.",
    "The Treasury will sell the remaining shares in the autumn.",
    "Mr Smith, who will retire next year, joined the firm in 1975.",
    "The proposed merger would create a group with annual sales of £10bn.",
    "The deal, which was agreed last week, values the company at £1.1bn.",
    "The council tax rise was higher than the government had expected.",
    "The IMF said growth in the eurozone had been disappointing.",
    "The OECD said last year's growth had been driven by consumer spending.",
    "The chairman said the past year had been the most difficult in the group's history.",
    "The Chancellor said the economy had grown for 50 consecutive quarters.",
    "Broadband will be available to 99% of homes by the end of the year, BT said.",
    # beside the news shapes: 'faced' (the past), 'faces' with no time or a scheduled event, 'set for' a date, a rate
    # (not a forecast) cut to a level, a forecast recalled with 'had', a headline's plan ('Tesco to cut') or result
    "The firm faced losses of $1bn last year.",
    "The industry faces tough competition from China.",
    "The government faces a vote on the bill next week.",
    "The hearing is set for 20 April.",
    "The meeting is set for Tuesday.",
    "The vote is set for next week.",
    "The bank cut its base rate to 4.5% in August.",
    "Analysts had cut their profit forecasts to £1bn before the results.",
    "Tesco to cut 1,000 jobs",
    "House prices rose 2% in 2004",
    "Profits up 12% at Tesco",
    "Budget set for 16 March",
    "Mr Blair faces questions from MPs on Wednesday.",
    "The firm faces a fine for breaking the rules.",
    "Trading in the first half was weaker than a year earlier.",
    "A poll last month suggested Labour had lost ground.",
    "A White House statement said the Prime Minister would travel to Brussels on Sunday.",
    "Retailers are facing tough competition this year from supermarkets.",
    "Sales held up in the face of higher interest rates this year.",
    "The chairman is to step down next year.",
    "The retailer said it would open 20 stores next year.",
    "The Chancellor is to deliver his Budget on 16 March.",
    # a second batch, written after the fixes above and measured before any fix of its own (26/30 kept out)
    "The Halifax said house prices rose by 1.1% in January, the biggest monthly rise since last summer.",
    "Analysts at Morgan Stanley said the fall in oil prices had taken the market by surprise.",
    '"We have had a very difficult year," said chief executive John Smith.',
    "The carmaker made a loss of £100m in Europe last year, its second in a row.",
    "The bank raised its dividend by 10% after profits beat expectations.",
    "Mr Brown said borrowing had fallen in each of the last three years.",
    "The government missed its target of cutting child poverty by a quarter by 2005.",
    "The retailer said sales over Christmas had been disappointing.",
    "The chip maker reported revenue of $8.6bn for the quarter, in line with its own forecast.",
    "It was not clear last night whether the board would recommend the offer.",
    "Shareholders will be asked to vote on the deal at an extraordinary meeting next month.",
    "The company is planning to float on the stock market next year.",
    "The firm has appointed Goldman Sachs to advise it on a possible sale.",
    "The new rules come into force on 1 April.",
    "BT plans to spend £10bn on its new network over the next five years.",
    "Ofcom will publish its review of the telecoms market in the spring.",
    "The Chancellor has promised to set out his plans in the pre-Budget report.",
    "The airline said it would add new routes to Spain and Italy from next month.",
    "Many economists now question whether the Bank was right to raise rates in August.",
    "Who will win the battle for the high street?",
    "Economists were surprised by the strength of the figures.",
    "The union said it would ballot its members on strike action.",
    "If the bid succeeds, it would be the biggest takeover in the sector's history.",
    "The Bank of England's forecasts have proved too optimistic in the past.",
    "The chief executive said he was delighted with the results.",
    "Sony hopes the PSP will help it win over younger gamers.",
    "Orders for the new console have been strong, the company said.",
    "The Competition Commission will decide whether the deal can go ahead.",
    "The proposals, which would raise the state pension age, have angered unions.",
    "There is no guarantee that prices will keep rising.",
    "The firm was confident of its strategy.",
    "The firm had been confident of winning the contract last year.",
    "Nobody knows whether the housing market will crash.",
    # a third batch, the near-misses of the third batch of forecasts (20/20 kept out, as at 1b634bd)
    'Mr King said: "Inflation rose above the target last month."',
    "The company added that it had created 500 jobs at the new plant since 2003.",
    "Homeowners saw their mortgage payments rise by £50 a month after the last rate rise.",
    "The boss of the chain received a £2m bonus after profits hit their target last year.",
    "It is thought that the Bank's decision was unanimous.",
    "Sources close to the company said the talks had broken down.",
    "The firm is understood to have held talks with several possible buyers.",
    "Exporters have had to cope with a stronger pound for much of the year.",
    "The retailer announced its first annual loss in a decade.",
    "Experts say the price of petrol reached £1 a litre in some parts of the country last week.",
    "Opec ministers agreed to raise output when they met in Vienna last week.",
    "The group reported a 5% rise in pre-tax profits on Tuesday.",
    "British Gas customers faced a 10% rise in their bills last winter.",
    "The new technology has saved the NHS more than £1bn since 2002, ministers claimed.",
    "A record number of graduates applied for jobs this year, recruiters said.",
    "Is the economy heading for a recession?",
    "The chancellor will present his pre-Budget report to MPs on 2 December.",
    "The firm intends to create 500 jobs at the new plant.",
    "The airline has asked its pilots to accept a pay freeze until 2007.",
    "The bank will hold its annual meeting in Edinburgh on 27 April.",
    # beside 'stand to' and 'in line for': 'stands to reason', 'stood to' (the past), 'stands at', 'in line for the period'
    "It stands to reason that consumers prefer lower prices.",
    "The firm stood to gain from the deal, but it fell through.",
    "The index now stands at 5,000 points.",
    "Sales were broadly in line for the period.",
    "Annual sales would be higher if the chain opened on Sundays.",
    "The firm said annual profits would have been higher without the strike.",
    "Annual profits were at the bottom end of expectations.",
    "Last year was the year broadband went mainstream.",
    "This is the year of the iPod, the magazine declared.",
    "2004 was the year that online music came of age.",
    "This is the year to buy a house, agents say.",
]


# who holds the forecast, as the sentence names them
SPEAKERS = [
    ("The pound could slip below $1.80 in the coming months, currency dealers warned.", "currency dealers"),
    ("The Conservatives are likely to gain seats in the south-east, pollsters predicted.", "pollsters"),
    ("The Liberal Democrats could win as many as 20 more seats, their leader claimed.", "their leader"),
    ("The government is expected to lose the vote on Tuesday, whips believe.", "whips"),
    ("The reforms will save the NHS £1bn a year by 2008, ministers claimed.", "ministers"),
    (
        "The pound should recover against the euro in the coming months, currency strategists said.",
        "currency strategists",
    ),
    ("The bid is likely to be referred to the Competition Commission, lawyers said.", "lawyers"),
    ("Shares are likely to rise when trading opens on Monday, dealers said.", "dealers"),
    ("Property prices in London will fall this year, estate agents predicted.", "estate agents"),
    ("Pension deficits are likely to widen further this year, consultants warned.", "consultants"),
    ("The next generation of consoles could cost as much as £400, industry watchers said.", "industry watchers"),
    ("Internet shopping will account for 10% of retail sales within five years, a study predicted.", "a study"),
    ("Ministers are likely to lose the vote on identity cards, rebels claimed.", "rebels"),
    ("Britain is on course to meet its Kyoto target, ministers said.", "ministers"),
    ("Oil prices could top $60 a barrel before the end of the year, analysts at Goldman Sachs said.", "Goldman Sachs"),
    ("House prices will rise by 5% this year, according to the Nationwide.", "Nationwide"),
    (
        "UK house prices are set to fall by 2% in 2006, the Royal Institution of Chartered Surveyors has predicted.",
        "Royal Institution of Chartered Surveyors",
    ),
    ('"Profits will be hit by higher fuel costs this year," said Mr Smith.', "Mr Smith"),
    ('"Growth will pick up next year," said Ruth Lea, director of the Centre for Policy Studies.', "Ruth Lea"),
    ('"This will be a tough year for the high street," warned Kate Barker.', "Kate Barker"),
    ("Sales of mobile phones will pass 700 million this year, analysts at Gartner predicted.", "Gartner"),
    (
        "The economy will slow to 2% next year, according to the National Institute of Economic and Social Research.",
        "National Institute of Economic and Social Research",
    ),
    ("The Treasury is on course to break its golden rule, the IFS warned.", "IFS"),
    ("The global chip market is set to grow by 7% in 2005, Gartner said.", "Gartner"),
    ("Personal debt will top £1.2 trillion by the end of the year, Credit Action predicted.", "Credit Action"),
]


def _taken(sentence: str) -> bool:
    return bool(extract_candidates(sentence, published_on=BASE))


def _marked(sentences: list[str], xfail: dict[str, str]) -> list[object]:
    return [
        pytest.param(s, marks=pytest.mark.xfail(reason=xfail[s], strict=True)) if s in xfail else s for s in sentences
    ]


def test_the_lists_are_distinct() -> None:
    assert len(set(PREDICTIVE)) == len(PREDICTIVE) >= 200
    assert len(set(NOT_PREDICTIVE)) == len(NOT_PREDICTIVE) >= 100
    assert not set(PREDICTIVE) & set(NOT_PREDICTIVE)
    assert set(XFAIL) <= set(PREDICTIVE) and set(XFAIL_TAKEN) <= set(NOT_PREDICTIVE)


@pytest.mark.parametrize("sentence", _marked(PREDICTIVE, XFAIL))
def test_forecast_is_taken(sentence: str) -> None:
    assert _taken(sentence)


@pytest.mark.parametrize("sentence", _marked(NOT_PREDICTIVE, XFAIL_TAKEN))
def test_non_prediction_is_left_out(sentence: str) -> None:
    assert not _taken(sentence)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(s, w, marks=pytest.mark.xfail(reason=XFAIL_SPEAKER[s], strict=True))
        if s in XFAIL_SPEAKER
        else (s, w)
        for s, w in SPEAKERS
    ],
)
def test_the_author_is_who_the_sentence_names(sentence: str, who: str) -> None:
    (candidate,) = extract_candidates(sentence, published_on=BASE)
    author = candidate.to_claim()["author"] or ""
    assert who.lower() in author.lower()


# Two short articles written in the register, each read whole (a headline, then one sentence a paragraph): the
# candidates are exactly the sentences the guide calls forecasts; the headline (the title), the results, the plans, the
# scheduled events, the past and the question are left out.
ARTICLES = [
    (
        date(2005, 1, 12),
        "Retailer warns on profits as sales slide\n\n"
        "Shares in high street chain Bloomfields fell 8% after it warned that annual profits would be at the bottom end "
        "of expectations.\n\n"
        "The group said like-for-like sales fell 3.2% in the 12 weeks to 8 January, hit by heavy discounting across the "
        "sector.\n\n"
        "It now expects pre-tax profits of about £120m for the year to March, down from £151m last year.\n\n"
        '"Trading conditions will remain tough for the rest of the year," said chief executive Alan Grey.\n\n'
        "The chain is to close 25 stores and cut 400 jobs as part of a cost-cutting drive.\n\n"
        "Analysts said the warning was worse than they had feared.\n\n"
        '"We think there could be more bad news to come from the sector in the next few weeks," said Nick Bubb, retail '
        "analyst at Evolution Securities.\n\n"
        "Figures from the British Retail Consortium showed sales growth slowed to its weakest rate for more than a year "
        "in December.\n\n"
        "The Bank of England is widely expected to keep interest rates on hold at 4.75% when it meets next month.\n\n"
        "Some economists believe the Bank could even cut rates before the summer if the slowdown in consumer spending "
        "continues.\n\n"
        "Bloomfields will publish its full-year results on 17 May.\n",
        ["Shares in high street", "It now expects", '"Trading conditions', '"We think there', "The Bank of England is",
         "Some economists believe"],
    ),
    (
        date(2005, 2, 8),
        "Mobile firms eye 3G boom\n\n"
        "Sales of third-generation mobile phones are set to soar this year as prices fall and operators roll out new "
        "services.\n\n"
        "Research firm Informa predicts that there will be 45 million 3G subscribers worldwide by the end of 2005, up "
        "from 16 million last year.\n\n"
        "Vodafone, which launched its 3G service in November, said it had signed up more than 500,000 customers so "
        "far.\n\n"
        "The firm plans to offer 3G in all its European markets by the summer.\n\n"
        '"We believe this is the year 3G goes mass market," said a spokesman.\n\n'
        "But some analysts remain sceptical.\n\n"
        "Ben Wood, of Gartner, said handset makers would struggle to meet demand for cheaper models in the first half.\n\n"
        "He added that battery life was still a problem for many users.\n\n"
        "Meanwhile, Orange is expected to cut the price of its 3G tariffs next month in an attempt to win customers from "
        "its rivals.\n\n"
        "Will consumers pay extra for video calls?\n\n"
        "The mobile industry's annual conference takes place in Cannes next week.\n",
        ["Sales of third-generation", "Research firm Informa", '"We believe this', "Ben Wood, of Gartner",
         "Meanwhile, Orange"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("published", "text", "openings"), ARTICLES)
def test_an_article_yields_its_forecasts_and_no_more(published: date, text: str, openings: list[str]) -> None:
    quotes = [c.quote for c in extract_candidates(text, published_on=published)]
    assert len(quotes) == len(openings)
    assert all(q.startswith(o) for q, o in zip(quotes, openings, strict=True))
