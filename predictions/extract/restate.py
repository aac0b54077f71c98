"""Who makes a prediction, and the prediction restated as a resolvable third-person statement.

Speaker attribution reads "according to X", "X said (that)", ", X said.", ", said X", "X expects / predicts / forecasts
...", "in X's view", "X told me (us) that", a group named inside the sentence before its verb ("..., most participants
anticipated that") and first-person "we" / "our" (the text's own author). "The Bank's governor, Andrew Bailey, said" and
"Bank of England governor Andrew Bailey said" name the person; "Its chief executive said" is the chief executive of the
sentence before's speaker (else its subject). A text or a projection speaks for whoever owns it ("Our October Monetary
Policy Report projects" and "In our projection," the author; "according to the Bank's latest projections" the Bank; "A
United Nations report says" the United Nations); surveys, projections, models and indicators that predict are named, as
the labelling guide makes them the author ("Two new surveys suggest that": the surveys), not readings ("These numbers
indicate", "the incoming data suggest": the author interprets them). "He" / "she" / "they" as the speaker are the last
speaker named before them. "Our forecast includes", "prices in our forecast rise" and "the IMF's forecast shows" name no
speaker: the verb of saying is a noun there, and so do "The wheat price forecast for next season is", a participle
("With exports projected to slow", "growth anticipated to remain"), an adjective ("an estimated 8 percent"), a
preposition or "Having said that" before the verb, and a fact that suggests ("the recent rise in defaults suggests": no
one; evidence, surveys and forecasts that suggest are
their own authors). A group holds the view wherever it stands in the sentence ("Although the data suggested ...,
most participants expected", "One participant cited", "Another posited", "Many saw", "Economists surveyed by Reuters
expect", "analysts are predicting", "Participants who submitted longer-run projections expected", "Members commented
that", "The Committee is concerned that"; not "about as the Committee expects"), "they" and "In their view," are the
group or body named before, "The Committee will keep ... and anticipates that" is the sentence's subject, "In the staff
projection," the staff, ", the W.H.O. says," between commas before a forecast the body named, and "according to the
U.S. Department of Agriculture" keeps the periods of its initials; "the Organization of Petroleum Exporting Countries,
OPEC, says" is the organisation. A sentence of a direct quotation that names no one belongs to whom the quotation
names after it closes ('“I think prices will fall. And demand will stay weak,” said Tom Reed.'), or, reopened in the
same paragraph, to whom the quotation before named ('"Hiring has slowed," she said. "We expect ..."'): ``quotations``.
A dated staff projection is its staff's ("In the March 2026 Eurozone staff projections," "according to the September
2026 Central Bank staff projections": the Eurozone staff, the Central Bank staff). What predicts with its own verbs is
named ("Futures prices imply", "However, leading indicators continue to signal", "Long-range forecasts are predicting");
a document named before ", which also says" or released "saying that" is its owner's ("a new Northbank report, which
also says": Northbank); a group asserts, cautions or worries too ("Other observers caution that"), and a survey's share
that expects is a group ("An estimated 40 percent anticipate"). A footnote's mark run into the sentence ("[13] The
Postmaster General has stated") and an introductory clause ("If it does, the Labour Office says") hide no speaker. A
group holds the view in the clause another reports ("Philadelphia indicated that most retailers expect", "the
Districts say many farmers expect"; not after "suggesting that", an inference), with "felt that", "foresee",
"referred to the possibility that", in ", who felt that", in an absolute clause (", with contacts suggesting that"), as
the agent of a passive ("was seen by most participants as likely") and behind a plural possessive ("Information from
participants' business contacts suggested"); a coordinated "and predicted that" or "and were expecting to" is its
subject's, a group of people too. Who revised their own forecast owns it ("The September Blue Chip survey increased its
projection ... to 24%"), a summary of a group's forecasts is the group's ("The central tendency of FOMC participants'
forecasts", "The consensus of participants at ... was for"), a document named with its month or a title in
parentheses is its owner's ("NOAA's initial outlook in May predicted"), a named staff's projections are the staff's
after "our" too ("our latest Eurosystem staff projections see"), and "they" after a sentence that named no speaker is
its subject when that is a set of projections or a group of people ("The new ECB staff projections present ... They
see"), and "he" or "she" its subject when that is a person ("Ann Moss is the head of the Council. She says").

The statement is the predicted clause: the attribution and the hedges are moved out (they are the author and the stated
confidence), the modal becomes "will" ("could rise", "is expected to rise", "would rise" -> "will rise"), "X expects Y
to rise" becomes "Y will rise", a pronoun that opens a sentence ("It", "Its", "They", "Their") is replaced by the
subject of the sentence before, and "we" by the author, or in a named speaker's words by the body the speaker stands for
(named in who the person is, as the post's owner, earlier in the text, or by the post: a governor speaks for the Bank, a
chancellor or minister for the government), else the speaker. A direct quotation inside the statement keeps both its
marks; one the statement was cut from loses the one left. A pronoun after the speaker is the speaker when it can be by
its kind (a person, a body, a group: "BP said it expects its output to fall" -> "BP's output will fall", "Firms fear
costs will force them to cut jobs" -> "... force firms to cut jobs"); "it" after a person is what the sentence before is
about. "They see inflation averaging 2%" becomes "Inflation will average 2%", "X say they expect to stick with" becomes
"X will stick with", an event "expected in the coming months" "will come in the coming months", and "the growth forecast
for 2027 was cut to 2.9 percent" "Growth in 2027 will be 2.9 percent". A clause before a ";" that precedes the cue is
left out, and so are a page's running head, a transcript's page break, a heading in capitals run into the sentence and a
flattened box after it. The text's capitalisation is kept: only the first letter is raised.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from predictions.extract import patterns
from predictions.extract.numbers import PAGE_MARK

_VERBS_OF_SAYING = (
    r"said|says|say|told\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|told\s+(?:reporters|journalists|investors|"
    r"analysts|MPs|lawmakers|a\s+(?:conference|news\s+conference|briefing))|"
    r"(?:told|tell|tells)\s+(?:me|us)(?:\s+(?:the\s+other\s+day|recently|last\s+week|this\s+week))?|tells|stated|states|noted|notes|added|adds|warned|warns|"
    r"wrote|writes|argued|argues|believes|believed|believe|thinks|think|thought|expects|expected|expect|predicts|"
    r"predicted|predict|forecasts|forecast|projects|projected|project|estimates|estimated|estimate|anticipates|"
    r"anticipated|anticipate|reckons|reckoned|reckon|fears|feared|fear|hopes|hoped|hope|sees|see|assesses|assessed|judges|judged|cautioned|cautions|"
    r"concluded|concludes|insisted|insists|maintains|maintained|suggested|suggests|signalled|signaled|indicated|"
    r"indicates|acknowledged|acknowledges|observed|observes|reported|reports"
)
# verbs that name a speaker only at the end of a sentence ("..., Ofgem has announced."), not before a clause
_ANNOUNCED = r"announced|announces|confirmed|confirms|revealed|reveals|claimed|claims|admitted|admits"
_SPEAKER = (
    r"(?P<who>(?:[A-Z][\w.'’&-]*|the|an?|its|their|our|his|her|chief|senior|lead|top|many|most|some|several|other|we|"
    r"they|he|she)"
    # "(ONS)"; a document's title: "The latest IMF projections (January 2027 World Economic Outlook)"
    r"(?:\s+(?:[A-Z][\w.'’&-]*|\([A-Z][\w&.]{1,10}\)|\((?:[A-Z][\w&.'’-]*|\d{4})(?:\s+(?:[A-Z][\w&.'’-]*|\d{4})){1,6}\)|"
    # "participants' business contacts": a plural possessive inside the speaker's words
    r"[a-z]+(?:-[a-z]+)?|[a-z]+s['’]|of|at|for|from|in|and|&)){0,9}?)"
)
# a post only a person holds: "Bank of England governor Andrew Bailey", "Tesco boss Ken Murphy"
_PERSON_ROLE = (
    r"governor|boss|chief|executive|chairman|chairwoman|chair|president|founder|director|minister|secretary|"
    r"spokesman|spokeswoman|spokesperson|economist|analyst|strategist|head|manager|officer"
)
_LEADING = patterns.compile(
    rf"^(?:(?i:however|meanwhile|moreover|overall|still|yet|but|and|also|now|in\s+addition|furthermore|for\s+now|"
    rf"nonetheless|nevertheless|indeed|in\s+short|in\s+sum|in\s+general|as\s+a\s+result|having\s+said\s+that|"
    rf"that\s+said|that\s+being\s+said),?\s+|"
    rf"(?i:earlier|later|last|on|in|at|this|speaking|writing)\b[^,]{{0,40}},\s+|"
    # an introductory clause of condition, time or concession before a speaker named: "If it does, the International
    # Labor Office says"; not before a pronoun or a possessive ("Although participants had ..., they continued to
    # expect": the group; "Although we expect ..., our forecast is": "we")
    rf"(?i:if|when|once|unless|while|although|though|because|since|until|even\s+if|even\s+though)\s[^,]{{1,60}},\s+"
    r"(?!(?i:we|i|they|he|she|it|you|our|my|their|its|his|her|your)\b))?"
    rf"{_SPEAKER}"
    # "Paul Dales, chief UK economist at Capital Economics, said": who the person is, between commas; "The Bank's
    # governor, Andrew Bailey, said": the person's name, between commas after who the person is
    r"(?:,\s+(?P<desc>(?:the\s+|a\s+|an\s+)?[a-z][^,;.]{1,80}?),|,\s+(?P<named>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),"
    # "the Organization of Petroleum Exporting Countries, OPEC, says": the name with its acronym
    r"|,\s+[A-Z][A-Z.&]{1,9},)?\s+"
    rf"(?:(?:has|have|had|also|now|still|further|broadly|generally|largely|already|again|previously|repeatedly|"
    rf"recently|continued\s+to|continue\s+to|continues\s+to)\s+)"
    rf"{{0,2}}(?P<verb>{_VERBS_OF_SAYING}|(?:suggest|indicate)(?=\s+that\b))\b"
    # "said on Monday that", "told us last week that": when it was said goes with the speaker
    r"(?:\s+(?:on\s+[A-Z]\w+|last\s+(?:week|month|year|[A-Z]\w+)|this\s+(?:week|month|morning)|today|yesterday|"
    r"earlier|recently)(?=\s+that\b))?"
    rf"(?:\s+that)?[,:]?\s+",
)
_TRAILING = patterns.compile(
    rf"[,;]?\s*(?:(?P<who>[^,;]{{1,80}}?)\s+(?:(?:has|have|had)\s+)?(?P<verb>{_VERBS_OF_SAYING}|{_ANNOUNCED})|(?P<verb2>said|"
    rf"says|added|adds|wrote|writes|warned|warns|noted|notes)\s+(?P<who2>[^,;]{{1,80}}?)"
    # "said Paul Dales, chief economist at Capital Economics.": the name, then who the person is
    rf"(?:,\s+(?P<desc>(?:the\s+|a\s+|an\s+)?[a-z][^,;.]{{1,80}}?))?)\s*(?:,\s*(?:citing|adding|saying|noting|"
    rf"arguing|pointing)\s+[^.]*|\s+(?:on|in)\s+[^.,]{{1,40}}|\s+(?:today|yesterday|this\s+week|last\s+week))?"
    rf"(?P<end>[.!]?[\"'”’]?\s*)$",
)
# a conjunction that opens the sentence before its speaker ("Although we expect ..."), and a possessive that shows
# the "verb of saying" is a noun ("our forecast", "in their projections")
_SUBORDINATOR = patterns.compile(
    r"^(?:although|though|while|whereas|because|since|as|if|when|but|and|so)\s+(?=\S)", re.I
)
_POSSESSIVE_END = patterns.compile(
    r"(?:^|\s)(?:our|my|its|their|his|her|your|the|this|that|these|those)$|['’]s?$", re.I
)
_OWNED_AFTER = patterns.compile(r"\b(?:on|in|of|from|with|to|for|by|under)\s+(?:our|my|their|its|his|her|your)\b", re.I)
_GOES_ON = patterns.compile(r"\s+(?:continues?\s+to|still|now|also)$", re.I)
# "U.S. Energy Information Administration | Short-Term Energy Outlook 10 We expect ...": publisher | title page
_RUNNING_HEAD = patterns.compile(r"^[^|!?]{3,80}\|[^|!?]{3,80}?\s\d{1,4}\s+(?=[A-Z])")
# "EMPLOYMENT PROJECTIONS -- 2023-2033 The U.S. economy ...": a heading in capitals run into the sentence
_CAPS_HEADING = patterns.compile(r"^(?:[A-Z][A-Z&,'’-]+\s+){1,8}(?:--|—|–|:)\s*(?:[\d/-]+\s+)?(?=[A-Z][a-z])")
_HAS_VERB = patterns.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|saw|sees?|will|would|could|may|might|[a-z]{2,}ed)\b"
)
_TABLE_TAIL = patterns.compile(r"(?<=[.!?])\s*(?:_{4,}|\|\s*\|)")
# a group that holds a view, before its verb of expecting anywhere in the sentence (minutes, outlooks, news): "most
# participants expected", "One participant cited", "Another posited", "Many saw", "a few others expressed the concern",
# "Economists surveyed by Reuters expect", "analysts are predicting", "they generally saw" (the group named before)
_GROUP_NOUN = (
    r"(?:participants|members|staff|committee|contacts|economists|analysts|forecasters|officials|investors|"
    r"policymakers|respondents|others|experts|observers|strategists|traders|executives|bankers|businesses|firms|"
    r"companies|retailers|manufacturers|producers|builders|homebuilders|households|consumers|market\s+participants|"
    r"people|participant|member|contact|economist|analyst|official|owners|farmers|growers|dealers)"
)
_GROUP_SPEAKER = patterns.compile(
    # "as" not in a comparison: "about as the Committee expects", "the same as the one expected" name no one; a
    # content clause that another reports or shows: "indicated that most retailers expect", "the Districts say many
    # farmers expect", "That shows the people believe" (a report, not an inference: "futures prices suggesting that
    # investors expect" is the speaker's)
    r"(?:^|[,;:]\s+|\b(?:and|but|so|while|although|though|because|(?<!about\s)(?<!same\s)(?<!such\s)(?<!just\s)"
    r"(?<!much\s)(?<!well\s)(?<!\bso\s)as|with|(?:shows?|showed|showing|indicated|indicates|indicating|says?|said|"
    r"reported|reports)(?:\s+that)?)\s+)(?P<who>(?:most|many|some|all|half|several)\s+of\s+the\s+(?:\d[\d,]*\s+)?"
    # "Most of the 40 surveyed firms": a share of a surveyed group
    r"(?:surveyed|responding|polled)\s+[a-z]+s|(?:(?:the\s+)?(?:(?:most|many|some|several|"
    r"a\s+few|a\s+couple\s+of|one|two|three|these|those|other|a\s+number\s+of|a\s+majority\s+of|all|a\s+few\s+other|"
    r"some\s+other|most\s+other|another|almost\s+all|nearly\s+all)\s+)?"
    rf"(?:(?!(?:and|but|or|so|the|an?|while|as|because|although|though|if|when|that|with)\s)[a-z]+\s+){{0,2}}{_GROUP_NOUN}"
    # who the group is: "surveyed by Reuters", "at Northbank", "in the region"
    r"(?:\s+(?:surveyed|polled|questioned|interviewed)\s+by\s+(?:the\s+)?[\w.&'’-]+(?:\s+[\w.&'’-]+){0,2}?"
    # "here in Rotterdam", "in Denver and Salt Lake City"
    r"|\s+here\s+in\s+(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,2}"
    # "in the region", "at Northbank"; not a verb after the place ("the number of people in the world is expected")
    r"|\s+(?:at|from|in)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?!(?:is|are|was|were|has|have|had)\b)[A-Z][\w.&'’-]*){0,2}"
    r"(?:\s+and\s+(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,2})?"
    # "Participants who submitted longer-run projections"
    r"|\s+who\s+(?:submitted|provided|made|prepared|wrote)\s+[\w\s-]{1,40}?)?"
    r"|most|many|several|some|a\s+few|a\s+couple|a\s+number|another|one|others|they|(?:a\s+few|several|some|many|most|"
    r"a\s+number\s+of)\s+others))"
    # "A few participants, who felt that": the group's view in a clause of its own
    r"(?:,\s+(?:however|though|nonetheless|in\s+contrast|for\s+their\s+part),|,\s+who)?\s+"
    r"(?:(?:generally|also|continued\s+to|continue\s+to|still|now|further|broadly|largely|nonetheless|nevertheless|again|"
    r"had|have|mostly|widely|did\s+not|do\s+not|however|therefore|thus|too|increasingly|(?:appeared|appears?|seemed|"
    r"seems?)\s+to)\s+){0,3}"
    r"(?:expected|anticipated|projected|forecast|predicted|saw|judged|thought|viewed|believed|expect|anticipate|project|"
    r"predict|see|judge|think|believe|noted|pointed\s+out|pointed\s+to|expressed|expects|anticipates|projects|predicts|"
    r"sees|judges|thinks|believes|notes|cited|posited|remarked|suggested|raised|indicated|observed|agreed|argued|warned|"
    r"worried|feared|view|views|commented|heard|discussed|stressed|emphasized|emphasised|mentioned|reported|reiterated|"
    # "Some analysts assert that", "Other observers caution that", "Store owners worry", "producers report that"
    r"assert|asserts|asserted|caution|cautions|cautioned|worry|worries|report(?=\s+that\b)|"
    # "Several participants felt that", "Many traders foresee", "Some referred to the possibility that"
    r"(?:felt|feel|feels)(?=\s+that\b)|foresee|foresees|foresaw|"
    # an absolute clause: ", with contacts suggesting that", ", with many retailers expecting"
    r"(?:suggesting|reporting|indicating|noting|saying)(?=\s+that\b)|expecting|anticipating|predicting|"
    r"referred\s+to\s+the\s+(?:possibility|likelihood|prospect|risk|chance)|"
    r"(?:were|was|are|is|remained|remain)\s+(?:\w+ly\s+|also\s+|still\s+)?(?:(?:concerned|worried)(?=\s+that\b)|"
    r"expecting|predicting|projecting|forecasting|anticipating)|"
    r"(?:said|say|says)(?!\s*[.,;!?\"”’]))\b",
    re.I,
)
# the group as the agent of a passive verb of a view: "was still seen by most participants as likely to", "are
# expected by most analysts to rise"; not a time ("expected by the end of the year")
_SEEN_BY = patterns.compile(
    r"\b(?:seen|viewed|judged|regarded|considered|expected|anticipated|projected|forecast|predicted)\s+by\s+"
    rf"(?P<who>(?:(?:most|many|some|several|a\s+few|all|the)\s+)?(?:[a-z]+\s+){{0,2}}?{_GROUP_NOUN})\b",
    re.I,
)
# a survey's share of respondents that expects: "An estimated 40 percent anticipate", "about 70 percent expect", "65
# percent of the surveyed firms expect"; not a percentage that is the forecast ("2 percent expected for next year")
_SHARE_SPEAKER = patterns.compile(
    r"(?:^|[,;:]\s+|\b(?:and|that|but)\s+)(?P<who>(?:(?:an\s+)?estimated\s+|about\s+|nearly\s+|almost\s+|over\s+|"
    r"more\s+than\s+|some\s+)?\d{1,3}(?:\.\d+)?\s+percent"
    rf"(?:\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){{0,2}}?{_GROUP_NOUN})?)\s+(?:also\s+|still\s+|now\s+)?"
    r"(?:expect|anticipate|predict|foresee|expected(?=\s+(?:to|that)\b)|anticipated(?=\s+that\b))\b",
    re.I,
)
_ACCORDING = patterns.compile(
    r"(?:^|,\s*|\s)according\s+to\s+(?P<who>(?:[^,.;]|(?<=\b[A-Z])\.){1,80}?)(?:\s*,\s*|(?=[.;]?\s*$))", re.I
)
# the speaker between commas inside the sentence: "Without new rules, the W.H.O. says, deaths could reach ..."
_BETWEEN_COMMAS = patterns.compile(
    r",\s+(?P<who>(?:the\s+|an?\s+)?(?:[A-Z][\w.&'’-]*|[a-z]+)(?:\s+[\w.&'’-]+){0,5}?)\s+"
    r"(?:(?:has|have|had)\s+)?(?:said|says|added|adds|warned|warns|noted|notes|predicts|predicted|believes|expects|"
    r"estimates|estimated|argues|argued|cautioned|cautions)(?=\s*,\s+(?!(?:adding|saying|citing|noting|arguing|pointing)\b)"
    # what follows is the forecast: "..., the W.H.O. says, deaths could reach"; not "..., Yellen noted, was the low"
    r"[^.;]{0,200}?\b(?:will|would|could|may|might|should|shall|likely|expected|projected|forecast|set\s+to|poised\s+to)\b)"
)
# "In their view," "in his opinion,": the speaker named before
_THEIR_VIEW = patterns.compile(
    r"^in\s+(?:their|his|her|its)\s+(?:view|opinion|judgement|judgment|estimation),\s+", re.I
)
# "The Committee will keep ... and anticipates that": the sentence's subject has the verb of expecting
_AND_EXPECTS = patterns.compile(
    r"\s+and\s+(?:(?:also|still|now|currently|further|continues\s+to)\s+)?(?:expects|anticipates|projects|predicts|"
    r"forecasts|foresees|believes|"
    # the past before a clause ("and predicted that"; not "and expected growth"), the progressive ("and were
    # expecting to"; not the passive "and were expected to"), a report of its own expectation ("and indicated that it
    # expected")
    r"(?:expected|anticipated|projected|predicted|believed)(?=\s+(?:that|to)\b)|"
    r"(?:were|was|are|is)\s+(?:expecting|anticipating|predicting|projecting|forecasting)|"
    r"(?:indicated|said|reported|noted)\s+that\s+(?:it|they)\s+(?:expected|expects|anticipated|anticipates|predicted))\b"
)
# a text or a projection that a body or the author puts out: "Our October Monetary Policy Report", "the Bank's
# latest projections", "our baseline scenario"; it speaks for the body that owns it
_DOCUMENT = (
    r"(?:report|projections?|forecasts?|outlook|analysis|survey|estimates?|assessment|scenario|baseline|"
    r"model|review|statement|minutes|update|bulletin)"
)
_VIEW = patterns.compile(
    r"^in\s+(?P<who>[^,]{1,60}?)['’]s?\s+(?:view|opinion|estimation|judgement|judgment|"
    rf"(?:(?:[\w-]+\s+){{0,2}}{_DOCUMENT})),\s+",
    re.I,
)
_OUR_VIEW = patterns.compile(
    rf"^in\s+(?P<who>our|my)\s+(?:view|opinion|judgement|judgment|(?:(?:[\w-]+\s+){{0,2}}{_DOCUMENT})),\s+", re.I
)
# what predicts with no owner named: numbers, surveys, models ("The numbers indicate", "Global models indicate")
_DATA = patterns.compile(
    r"^(?:[\w-]+\s+){0,4}(?:numbers|data|figures|surveys|scenarios|models|sources|indicators|projections|estimates|"
    r"forecasts)$",
    re.I,
)
# what predicts with its own verbs, opening the sentence: "Futures prices imply", "Long-range forecasts are
# predicting", "However, leading indicators continue to signal", "Three recent surveys suggest hiring will slow", "The
# latest data and survey indicators point to"
_DATA_SAYS = patterns.compile(
    # after a short phrase, or in a second clause ("... in the summer and indicators continued to signal")
    r"^(?:[A-Z][^,]{0,40},\s+|[A-Z][^,;]{0,160}?\s(?:and|but)\s+)??"
    r"(?P<who>(?:[\w-]+\s+){0,5}?(?:surveys?|scenarios|models|indicators|projections|"
    r"forecasts|data|futures(?:\s+(?:prices|curves?|markets?))?|(?:futures|forward)\s+(?:prices|curves?|rates)|"
    r"(?:market-based\s+)?measures)(?:\s+(?:of|for|on|from)\s+[\w-]+(?:\s+[\w-]+){0,2}?)?)\s+"
    r"(?:(?:also|still|now|continued\s+to|continue\s+to|continues\s+to|have|has)\s+)?"
    r"(?P<verb>suggest|suggests|suggested|indicate|indicates|indicated|imply|implies|implied|point\s+to|points\s+to|"
    r"pointed\s+to|signal|signals|signalled|signaled|are\s+predicting|foresee|foresees)\b",
    re.I,
)
# a document that says, named before ", which (also) says" ("a new Northbank report, which also says"), and one a body
# released "saying that" ("The Grain Council Thursday released a revised forecast saying that")
_WHICH_SAYS = patterns.compile(
    r",\s+which\s+(?:also\s+)?(?:says|said|predicts|predicted|projects|projected|foresees?|forecasts?|expects|"
    r"estimates|shows)\b"
)
_RELEASED_SAYING = patterns.compile(
    r"^(?:[Tt]he\s+)?(?P<who>[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w.&'’-]*){0,6}?)\s+"
    r"(?:(?:on\s+)?(?:" + "|".join(calendar.day_name) + r"|today|yesterday)\s+)?"
    rf"(?:released|issued|published)\s+(?:an?|its|the)\s+(?:[\w-]+\s+){{0,3}}?{_DOCUMENT}\s+"
    r"(?:saying|predicting|forecasting|projecting|that\s+says)\b"
)
# who revised their own forecast: "The September Blue Chip survey increased its projection for", "we saw the OECD
# significantly increase its growth forecast to", "FOMC participants marked down their projections for"
_REVISED_OWN = patterns.compile(
    r"(?P<who>(?:[Tt]he\s+)?(?:[A-Z][\w.&'’-]*\s+){0,5}?[A-Z][\w.&'’-]*"
    rf"(?:\s+(?:{_GROUP_NOUN}|{_DOCUMENT}))?)\s+(?:[a-z]+ly\s+)?"
    r"(?:raised|raises|raise|increased|increases|increase|lifted|lifts|lift|boosted|upgraded|upgrades|upgrade|lowered|"
    r"lowers|lower|cut|cuts|trimmed|trims|reduced|reduces|downgraded|downgrades|downgrade|revised|revises|revise|marked|"
    r"marks|mark)(?:\s+(?:up|down))?\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:forecasts?|projections?|outlook|estimates?)\b"
)
_READINGS = patterns.compile(r"(?<!\bsurvey\s)(?:numbers|data|figures)$", re.I)
_TIME_OWNER = patterns.compile(
    r"(?:today|yesterday|this\s+\w+|last\s+\w+|next\s+\w+|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)",
    re.I,
)
# "A United Nations report", "a new Deloitte survey": the body named before the document
_NAMED_DOCUMENT = patterns.compile(
    rf"^(?:[Aa]n?|[Tt]he)\s+(?:new\s+|latest\s+|(?:most\s+)?recent\s+)?(?P<o>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)\s+"
    rf"(?:[a-z-]+\s+)?{_DOCUMENT}$"
)
_OUR_DOCUMENT = patterns.compile(rf"^(?:our|my)\s+(?:[\w-]+\s+){{0,5}}{_DOCUMENT}$", re.I)
_OWNED_DOCUMENT = patterns.compile(rf"^(?P<o>.+?)['’]s?\s+(?:[\w-]+\s+){{0,5}}{_DOCUMENT}$", re.I)
_VIEW_OF = patterns.compile(r"^in\s+the\s+(?:view|opinion)\s+of\s+(?P<who>[^,]{1,60}),\s+", re.I)
# "In the staff projection,", "In the IMF forecast,": the owner named as a noun before the document
_NOUN_VIEW = patterns.compile(
    rf"^[Ii]n\s+the\s+(?P<who>staff|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,3}})\s+(?:[\w-]+\s+){{0,2}}?{_DOCUMENT},\s+"
)
# a staff projection named with its date and its body: "the June 2026 Eurozone staff macroeconomic projections", "our
# latest Eurozone staff projections", "The new ECB staff projections"
_STAFF_DOCUMENT = patterns.compile(
    r"^(?:[Ii]n\s+)?(?:(?:[Tt]he|[Oo]ur|[Mm]y|[Ii]ts|[Tt]heir)\s+)?(?:(?:new|latest|recent|most\s+recent)\s+)?"
    rf"(?P<owner>(?:(?:[A-Z][\w.&-]*|\d{{4}})\s+){{0,4}}staff)\s+(?:[\w-]+\s+)?{_DOCUMENT}"
    r"(?:\s+for\s+[^,]{1,40})?$"
)
# a document's month or title after it: "NOAA's initial outlook in May", "the IMF projections (January 2009 World
# Economic Outlook)": the document, whose owner speaks
_DOCUMENT_TAIL = patterns.compile(
    rf"^(?P<doc>.*?\b{_DOCUMENT})(?:\s+\([^()]{{1,80}}\)|\s+(?:in|of|from|for)\s+(?:{_TIME_OWNER.pattern}))$", re.I
)
# a summary of a group's forecasts as the sentence's subject: "The central tendency of FOMC participants' forecasts",
# "The median of the economists' estimates", "The central tendency of their most recent projections" (the group named
# before); a group's consensus: "The consensus of participants at our auto outlook symposium was for"
_SUMMARY_OF = patterns.compile(
    r"^(?:[Tt]he\s+)?(?:central\s+tendency|median|average|mean|range|consensus|midpoint)\s+(?:of|for)\s+"
    rf"(?:(?P<their>their|its)|(?P<o>(?:the\s+)?(?:[\w.&-]+\s+){{0,3}}?[\w.&-]+)['’]s?)\s+(?:[\w-]+\s+){{0,3}}?{_DOCUMENT}\b"
    rf"|^(?:[Tt]he\s+)?consensus\s+of\s+(?P<g>(?:[\w-]+\s+){{0,2}}?{_GROUP_NOUN}(?:\s+(?:at|in|from)\s+[^,]{{1,60}}?)?)\s+"
    r"(?:was|is|were|are|remains?|remained)\b"
)
_IN_DOCUMENT = patterns.compile(r"^[Ii]n\s+(?P<doc>[^,]{3,100}),\s+")


def _staff_owner(phrase: str) -> str | None:
    """The staff that own a dated staff projection ("the March 2026 Eurozone staff projections": "Eurozone staff")."""
    m = _STAFF_DOCUMENT.match(" ".join(phrase.split()))
    if m is None:
        return None
    words = [w for w in m.group("owner").split() if not _TIME_OWNER.fullmatch(w)]
    return "The staff" if words == ["staff"] else " ".join(words)


_ANY_SAYING = patterns.compile(rf"\b(?:{_VERBS_OF_SAYING}|{_ANNOUNCED}|suggest|indicate)\b", re.I)
_PRONOUN_SPEAKER = patterns.compile(r"^(?:he|she|they|it)$", re.I)
_SOME_OF_THEM = patterns.compile(
    r"^(?:one|another|some|many|several|most|other|two|three|a\s+few|a\s+number\s+of)\s+(?:\w+\s+)?(?:analysts?|"
    r"economists?|officials?|experts?|forecasters?|strategists?|traders?|investors?|observers?|executives?|"
    r"sources?|people)$",
    re.I,
)
# News style: a short lower-case group after the sentence's last comma, before its closing verb of saying ("...,
# currency dealers warned.", "..., estate agents predicted.", "..., their leader claimed.", "..., a study predicted."):
# plural nouns, or a noun phrase with a determiner; not a clause ("..., as analysts expected", "..., than forecast").
_TRAILING_GROUP = patterns.compile(
    r"^(?!(?:as|than|while|because|if|when|since|and|but|or|so|which|who|that|what|where|it|there)\b)"
    r"(?:(?:a|an|their|its|his|her|one|some|many|most|several|other|two|three)\s+(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*"
    r"|(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*s)$"
)
_NOT_SPEAKER = patterns.compile(
    # "may" the modal, not the month ("NOAA's outlook in May predicted")
    r"\b(?:will|would|could|should|(?-i:may)|might|is|are|was|were|has|have|had|not|this|that|which|who|if|when)\b|[,;:]",
    re.I,
)
# A clause, not a name: a conjunction or a lower-case past tense ("Oil prices fell on Monday after Opec said")
_NOT_SPEAKER_CASED = patterns.compile(r"\b(?:after|before|because|as|while|fell|rose|grew|[a-z]+ed)\b")
_HEDGE_WORDS = patterns.compile(
    r",?\s*\b(?:perhaps|possibly|probably|likely|most\s+likely|in\s+all\s+likelihood|arguably|potentially)\b,?"
    r"(?=\s)(?!\s+outcomes?\b)",
    re.I,
)
_MODAL_TO_WILL: list[tuple[re.Pattern[str], str]] = [
    (patterns.compile(r"\b(?:is|are|was|were|'s|'re)\s+(?:highly\s+|very\s+)?unlikely\s+to\b", re.I), "will not"),
    # "corn production is forecast at 15.1 billion bushels": "will be"
    (
        patterns.compile(
            r"\b(?:is|are|was|were)\s+(?:now\s+|still\s+)?(?:forecast|forecasted|projected|expected|seen)\s+(?:at|to\s+be)"
            r"(?=\s+(?:about\s+|around\s+|roughly\s+|a\s+record\s+)?[$€£]?\d)",
            re.I,
        ),
        "will be",
    ),
    (patterns.compile(r"\b(?:is|are|was|were)\s+(?:assessed|judged)\s+to\b", re.I), "will"),
    # a second verb of the same subject: "is building to the north and expected to turn the depression eastward"
    (
        patterns.compile(
            r"(?<=\band\s)(?:is\s+|are\s+)?(?:also\s+)?(?:expected|projected|forecast|forecasted|likely|set|poised)\s+to\b",
            re.I,
        ),
        "will",
    ),
    # "more layoffs are expected in coming months", "a rebound is expected by June": the event will come then
    (
        patterns.compile(
            r"\b(?:is|are)\s+(?:now\s+|also\s+|widely\s+)?(?:expected|forecast|forecasted|projected|anticipated|seen)"
            r"(?=\s+(?:(?:in|over|during|by|before|within)\s+(?:the\s+)?(?:coming|next|following|early|late|mid|"
            r"first|second|third|fourth|this|(?:19|20)\d\d|January|February|March|April|May|June|July|August|"
            r"September|October|November|December)|later|soon|next|this)\b)",
            re.I,
        ),
        "will come",
    ),
    (
        patterns.compile(
            r"\b(?:is|are|was|were|'s|'re|looks?|looked|seems?|seemed|appears?|appeared)\s+(?:now\s+|also\s+|still\s+|"
            r"\w+ly\s+)?(?:highly\s+|very\s+)?"
            r"(?:likely|expected|projected|forecast|forecasted|estimated|predicted|anticipated|seen|set|poised|due|tipped|"
            r"going|on\s+track|on\s+course|scheduled|slated|certain)\s+to\b",
            re.I,
        ),
        "will",
    ),
    (
        patterns.compile(
            r"\b(?:will|would|could|may|might|should)\s+(?:very\s+)?(?:likely|probably|well|almost\s+certainly|"
            r"certainly|definitely|undoubtedly)\b",
            re.I,
        ),
        "will",
    ),
    (patterns.compile(r"\b(?:would|could|might|should|shall)\b(?!\s+have)", re.I), "will"),
    (patterns.compile(r"(?<![A-Z])\bmay\b(?!\s+have)"), "will"),
    (patterns.compile(r"\bwon't\b", re.I), "will not"),
    (patterns.compile(r"(?<=\w)'ll\b", re.I), " will"),
]
_TO_CLAUSE = patterns.compile(
    r"^(?P<np>(?:[\w'’$%.,&-]+\s+){0,7}?[\w'’$%.&-]+)\s+to\s+"
    r"(?P<verb>(?!the\b|a\b|an\b|its\b|their\b)[a-z]+(?<!tion)(?<!ment)(?<!ity)(?<!ness)(?<!ies))\b"
)
# a noun phrase and a verb in -ing after a forecast verb: "(see) headline inflation averaging 2.1% in 2026"
_ING_CLAUSE = patterns.compile(
    r"^(?P<np>(?!(?:to|that)\s)(?:(?!to\s)[\w'’-]+\s+){0,5}?[\w'’-]+)\s+"
    r"(?P<verb>(?:averag|ris|fall|declin|grow|increas|decreas|reach|slow|remain|stay|edg|peak|climb|drop|ease|eas|"
    r"cutt|rais|hik|lower|tighten|loosen|keep|"
    r"moderat|pick|run|return|settl|stabiliz|stabilis|recover|rebound|expand|contract|accelerat|improv|weaken|"
    r"strengthen|widen|narrow|hold)ing)\b",
    re.I,
)
_SENTENCE_PRONOUN = patterns.compile(
    r"(?:(?<=^)|(?<=[.!?]\s))(?P<p>It|Its|They|Their|He|She|His|Her|"
    r"(?:This|That)(?=\s+(?:will|would|could|should|may|might|is|was|has|had|can)\b)(?!\s+is,))\b(?!\s+(?:is|was|will|would|seems|seemed|"
    r"appears|appeared)\s+(?:also\s+)?(?:noted|said|reported|expected|judged|agreed|suggested|likely|possible|"
    r"unlikely|clear|unclear|important|appropriate|true)\b)(?P<rest>\s+\S)"
)
_SUBJECT = patterns.compile(
    r"^(?:[A-Z][\w ,'’-]{0,40},\s+)?(?P<np>(?:[\w'’\"“”&.-]+\s+){0,7}?[\w'’\"“”&.-]+?)\s+"
    r"(?:will|would|could|should|may|might|is|are|was|were|has|have|had|can|remains?|continues?|rose|fell|grew|came|"
    r"went|stood|held|kept|led|ran|began|said|told|made|took|gave|paid|sold|bought|won|lost|left|became|[a-z]+(?:ed|s)|"
    # "cut", "set", "put" and "hit" are nouns too: verbs only before their object ("The Bank cut rates")
    r"(?:cut|set|put|hit)(?=\s+(?:interest\s+)?(?:rates?|its|the|their|his|her|a|an|jobs|prices|costs|taxes|\d)\b))\b"
)
_COMPLEMENT = patterns.compile(
    rf"\b(?:{_VERBS_OF_SAYING}|expecting|predicting|forecasting|projecting|anticipating|saw|seen|viewed|views?|risks?|"
    r"possibility|concerns?|expectations?|judgment|"
    r"assessment|confident|optimistic|pessimistic|likely|hoped?|suggesting|indicating|noting|agreed|was\s+noted|"
    # a content clause after a noun or an adjective of stance: "pointed to signs that", "were concerned that"
    r"concerned|worried|convinced|persuaded|pointed\s+to|cited|remarked|emphasi[sz]ed|stressed|mentioned|reported|"
    r"signs?|indications?|evidence|belief|sense|impression|guess|feeling|estimate|reading)"
    r"\b[^.;:]{0,60}?\bthat[\s,]+",
    re.I,
)
# A verb of saying or thinking whose clause follows without "that": "said they thought the actions would ease".
_BARE_COMPLEMENT = patterns.compile(
    r"\b(?:said|says|say|thought|thinks|think|believed|believes|believe|expected|expects|expect|judged|judges|"
    r"felt|feels|reckoned|reckons|argued|argues|noted|notes|warned|warns|suggested|suggests|predicted|predicts|"
    r"anticipate|anticipates|anticipated|forecast|forecasts|project|projects|estimate|estimates)\s+"
    r"(?=(?:the|a|an|its|their|this|these|[A-Z][\w'’-]*|(?:\d[\w/-]*\s+)?[a-z]+(?:\s+[a-z]+){0,5}\s+(?:would|will|could|might|may|"
    r"should)\b))",
)
_VERB_CUE = patterns.compile(
    r"(?:now\s+)?(?:expects?|expected|predicts?|predicted|forecasts?|forecast|projects?|projected|anticipates?|"
    r"anticipated|foresees?|foresaw|envisages?|envisions?|estimated|expecting|predicting|forecasting|projecting|"
    r"anticipating|see|sees)",
    re.I,
)
_NOUN_SLOT = patterns.compile(r"(?:['’]s?|\b(?:the|our|its|their|his|her|my|your|this|that|a|an))\s+$", re.I)
_VERB_CUE_WORD = patterns.compile(rf"\b(?:{_VERB_CUE.pattern})\b", re.I)
_SEEN_ING = patterns.compile(r"\b(?:is|are|was|were)\s+seen\s+(?P<verb>[a-z]+ing)\b", re.I)
_OTHER_CLAUSE = patterns.compile(
    r";\s+|,\s+(?:while|whereas|but|although|though)\s+(?:a\s+few|some|many|several|most|one|another|other|others|"
    r"a\s+number|a\s+couple|they|participants|members|analysts|economists|critics|experts|investors|officials)\b",
    re.I,
)
_CONNECTIVE = patterns.compile(
    r"^(?:however|moreover|in\s+addition|notably|furthermore|also|still|nonetheless|nevertheless|accordingly|"
    r"consequently|as\s+a\s+result|in\s+particular|overall|that\s+said|indeed|similarly|likewise|meanwhile|and|but|"
    r"so|thus|hence|in\s+general|in\s+short|for\s+example|for\s+instance)\s*,?\s+",
    re.I,
)
_THIRD_PERSON = {
    "have": "has", "are": "is", "were": "was", "do": "does", "don't": "doesn't", "go": "goes", "see": "sees",
    "expect": "expects", "anticipate": "anticipates", "think": "thinks", "get": "gets", "look": "looks",
    "know": "knows", "need": "needs", "want": "wants", "feel": "feels", "believe": "believes", "project": "projects",
    "forecast": "forecasts", "assume": "assumes", "hear": "hears", "continue": "continues", "remain": "remains",
}  # fmt: skip
_WE_VERB = patterns.compile(r"\b([Ww]e)\s+(" + "|".join(re.escape(v) for v in _THIRD_PERSON) + r")\b")
_FIRST_PERSON = patterns.compile(r"\b(?:we|We)\s+(?:will|'ll|would|shall)\s+see\b")


@dataclass(frozen=True)
class Speaker:
    """Who the sentence says predicts ("" when it does not say by name), and the span of the words that say so
    (removed from the statement)."""

    name: str
    span: tuple[int, int]
    org: str | None = None  # the body a person speaks for: who "we" and "our" are in their words


# a body named by its kind, which needs its article: "the Bank", "the Treasury", "the Committee"
_GENERIC_BODY = (
    r"(?:Bank|Treasury|Committee|Government|Council|Board|Fund|Commission|Department|Ministry|Office|Agency|"
    r"Authority|Company|Group|Fed)"
)


def _clean_name(who: str) -> str:
    who = " ".join(who.split()).strip(" ,;:'\"“”")
    # "the Bank of England", "the IMF": the name; "the Bank", "the Treasury": the name needs its article
    who = re.sub(rf"^(?:the|an?)\s+(?=[A-Z])(?!{_GENERIC_BODY}$)", "", who)
    who = re.sub(rf"^the\s+(?={_GENERIC_BODY}$)", "The ", who)
    who = re.sub(r"\s*\([A-Z][\w&.]{1,10}\)$", "", who)  # "Office for National Statistics (ONS)": the name
    # "Bank of England governor Andrew Bailey", "Tesco boss Ken Murphy": the person, after the firm and the post
    who = re.sub(
        rf"^(?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|&)\s+)?){{1,4}}(?:[a-z]+\s+)?(?:{_PERSON_ROLE})\s+"
        r"(?=[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2}$)",
        "",
        who,
    )
    who = re.sub(
        r"^(?:an?|the)\s+(?:new\s+|recent\s+|latest\s+)?(?:report|survey|study|poll|analysis|note)\s+(?:by|from)\s+",
        "",
        who,
        flags=re.I,
    )  # "a report by Jupiter Research": Jupiter Research
    # "research by", "Information from participants' business contacts": who it comes from
    source = re.sub(
        r"^(?:research|figures|data|estimates|analysis|information|reports|comments)\s+(?:by|from)\s+",
        "",
        who,
        flags=re.I,
    )
    who = who if source == who else source[:1].upper() + source[1:]
    # "Analyst firm Gartner", "research group IDC": the name, without the description before it
    who = re.sub(
        r"^(?:[Tt]he\s+)?(?:[A-Za-z]+\s+)?(?:firm|group|company|consultancy|house|agency|bank|institute|"
        r"think\s+tank|researcher|insurer|lender|broker|carmaker|chipmaker|retailer|maker)\s+(?=[A-Z])",
        "",
        who,
    )
    # "chief executive John Smith": the name, without the title before it (not "economists at Goldman Sachs")
    title = re.match(r"^(?:the\s+)?((?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){1,2})(?=[A-Z])", who)
    if title and title.group(1).split()[-1] not in ("at", "of", "from", "for", "in", "with", "and", "by", "the"):
        who = who[title.end() :]
    # "the firm", "many farmers" (after "In the plains,"): a name opens with a capital
    opens = ("the", "an", "a", "many", "most", "some", "several")
    return who[:1].upper() + who[1:] if who[:1].islower() and who.split()[0].lower() in opens else who


def _summary_owner(sentence: str, they: str | None) -> Speaker | None:
    """Whose forecasts a summary that opens the sentence sums up (``_SUMMARY_OF``; ``they``: who "their" is); the span
    is empty, so the statement keeps its own cut."""
    m = _SUMMARY_OF.match(sentence)
    if m is None:
        return None
    who = they if m.group("their") else m.group("o") or m.group("g")
    if not who:
        return None
    who = _clean_name(who)
    return Speaker(who[:1].upper() + who[1:], (0, 0))


def _document_owner(sentence: str) -> Speaker | None:
    """The owner of a document that says ("a new Northbank report, which also says": Northbank; "the June 2026
    Eurozone staff projections for the region, which foresee": Eurozone staff; "The Grain Council Thursday released a
    revised forecast saying that": Grain Council), and who revised their own ("The September Blue Chip survey increased
    its projection ... to 24%": Blue Chip survey, the month no part of its name); the span is empty, so the statement
    keeps its own cut."""
    m = _REVISED_OWN.search(sentence, 0, 400)
    if m is not None:
        who = re.sub(rf"^(?:the\s+)?(?:{_TIME_OWNER.pattern})\s+", "", m.group("who"), flags=re.I)
        return Speaker(_clean_name(who), (0, 0))
    m = _RELEASED_SAYING.match(sentence)
    if m is not None:
        return Speaker(m.group("who"), (0, 0))
    m = _WHICH_SAYS.search(sentence, 0, 400)
    if m is None:
        return None
    before = sentence[: m.start()]
    for article in reversed(list(re.finditer(r"(?:^|\s)(?=(?:[Tt]he|[Aa]n?)\s)", before))):
        phrase = before[article.end() :]
        staff = _staff_owner(phrase)
        if staff is not None:
            return Speaker(staff, (0, 0))
        owned = _OWNED_DOCUMENT.match(phrase)  # "the Committee's outlook, which foresees": the Committee
        named = owned or _NAMED_DOCUMENT.match(phrase)
        if named is not None and not _TIME_OWNER.fullmatch(named.group("o")):
            return Speaker(_clean_name(named.group("o")), (0, 0))
    return None


# a footnote's mark that the sentence before ran into this one: "[13] The Postmaster General has stated that"
_FOOTNOTE_MARK = patterns.compile(r"^\[\d{1,3}\]\s+(?=\S)")


def find_speaker(
    sentence: str, *, last_speaker: str | None, author: str | None, before: str | None = None
) -> Speaker | None:
    """The speaker the sentence names, or None (the text's author then speaks). ``before`` is who or what the
    sentence before is about (its speaker, else its subject): the owner of "its" in "Its chief executive said"."""
    mark = _FOOTNOTE_MARK.match(sentence)
    if mark is None:
        return _find_speaker(sentence, last_speaker=last_speaker, author=author, before=before)
    found = _find_speaker(sentence[mark.end() :], last_speaker=last_speaker, author=author, before=before)
    if found is None or found.span[1] == 0:
        return found  # no words to cut (an empty span keeps the statement's own cut)
    start, end = found.span
    # the words that name the speaker, and the mark too when they open the sentence
    return Speaker(found.name, (0 if start == 0 else start + mark.end(), end + mark.end()), found.org)


def _find_speaker(sentence: str, *, last_speaker: str | None, author: str | None, before: str | None) -> Speaker | None:
    m = _OUR_VIEW.search(sentence)
    if m:
        return Speaker(author or "", m.span())  # "In our projection, GDP growth picks up": the author's
    for pattern in (_VIEW, _VIEW_OF):
        m = pattern.search(sentence)
        if m:
            return Speaker(_clean_name(m.group("who")), m.span())
    m = _THEIR_VIEW.search(sentence)
    if m:
        return Speaker(_pronoun_for(last_speaker) or "", m.span())  # "In their view,": the group named before
    m = _IN_DOCUMENT.match(sentence)
    owner = _staff_owner(m.group("doc")) if m else None
    if m and owner:
        return Speaker(owner, m.span())  # "In the March 2026 Eurozone staff projections,": the staff
    m = _NOUN_VIEW.search(sentence)
    if m and not _TIME_OWNER.fullmatch(m.group("who")):
        who = m.group("who")
        return Speaker("The staff" if who == "staff" else who, m.span())  # "In the staff projection,"
    m = _ACCORDING.search(sentence)
    if m:
        return _resolved(m.group("who"), m.span(), last_speaker=last_speaker, author=author, before=before)
    group = _group(sentence, last_speaker, before)
    said = _DATA_SAYS.match(sentence) if group is None else None
    if (
        said is not None
        and said.start("who") > 0
        and "," not in sentence[: said.start("who")]
        and not _HAS_VERB.search(sentence, 0, said.start("who"))
    ):
        said = None  # "half of the statistical and coupled model forecasts": an "and" inside a noun phrase, no clause
    if (
        said is not None
        and not _READINGS.search(said.group("who"))
        # "These projections indicate that": a verb of saying, whose words leave the statement (below)
        and not (said.group("verb")[:4].lower() in ("sugg", "indi") and re.match(r"\s+that\b", sentence[said.end() :]))
    ):
        # "Futures prices imply", "survey indicators pointed to": what predicts, named; the span is empty, so the
        # statement keeps its own cut; "Our surveys point to": the author's
        who = _clean_name(said.group("who"))
        who = who[:1].upper() + who[1:]  # "However, leading indicators continue to signal": Leading indicators
        return Speaker((author or "") if re.match(r"(?:our|my)\s", who, re.I) else who, (0, 0))
    they = _they(before) or _pronoun_for(last_speaker)
    if not _ANY_SAYING.search(sentence):
        return group or _coordinated(sentence) or _summary_owner(sentence, they) or _document_owner(sentence)
    head = _RUNNING_HEAD.match(sentence)
    at = head.end() if head is not None else 0  # the sentence starts after a page's running head
    m = _LEADING.search(sentence[at : at + 240])
    named = m is not None and m.group("named") is not None
    if (
        named
        and m is not None
        and not re.search(r"\s[a-z][\w-]*$", m.group("who"))
        and not re.search(r"^(?:the|an?)\s+[a-z][\w\s-]*?\s(?:of|at|for)\s+(?:the\s+)?[A-Z]", m.group("who"), re.I)
    ):
        m = None  # "The chancellor, Rachel Reeves, said": who the person is comes first, in lower case
    if m and not _NOT_SPEAKER.search(m.group("who")) and not _NOT_SPEAKER_CASED.search(m.group("who")):
        owner = before or last_speaker
        if named:
            org = _body_of(m.group("who"), None, owner)
            return Speaker(_clean_name(m.group("named")), (at + m.start(), at + m.end()), org)
        who = _SUBORDINATOR.sub("", m.group("who"))  # "Although we expect ...": "we"
        who = _GOES_ON.sub("", who)  # "we continue to expect": "we"
        verb, after = m.group("verb"), sentence[at + m.end("verb") :]
        if (
            not _POSSESSIVE_END.search(who)
            and not _OWNED_AFTER.search(who)
            # not "our forecast includes", "prices in our forecast rise", "based on our current forecasts": nouns
            and not _no_saying(who, verb, after)
        ):
            span = (at + m.start(), at + m.end())
            if _inanimate(who, verb):
                found: Speaker | None = Speaker("", span)  # "the rise in defaults suggests that": no one is named
            else:
                found = _resolved(who, span, last_speaker=last_speaker, author=author, before=before)
            if found is not None and group is not None and (not found.name or _DATA.search(who)):
                return Speaker(group.name, found.span)  # "Although the data suggested ..., most participants expected"
            clause = sentence[at + m.end() : at + m.end() + 400]
            reported = _GROUP_SPEAKER.match(clause) if found is not None and found.name else None
            if reported is not None and reported.group("who").lower() != "they":
                # "Both Districts say many growers expect": the group that opens the clause reported holds the view
                who = " ".join(reported.group("who").split())
                return Speaker(who[:1].upper() + who[1:], (0, 0))
            return _with_body(found, who, m.group("desc"), owner)
    if group is not None:
        # "..., most participants anticipated that ...": who holds the view, named inside the sentence; the span is
        # empty, so the statement keeps its own cut (the clause after the verb) and only the author is set
        return group
    coordinated = _coordinated(sentence)
    if coordinated is not None:
        return coordinated
    shift = max(0, len(sentence) - 160)
    m = _TRAILING.search(sentence[shift:])
    if m:
        who = (m.group("who") or m.group("who2")).strip(" \"'“”‘’")
        words = who.split()
        if (
            1 <= len(words) <= 8
            and not _NOT_SPEAKER.search(who)
            and (
                who[:1].isupper()
                or re.search(r"\b[A-Z]", who) is not None  # "chief executive John Smith"
                or words[0].lower() in ("the", "analysts", "economists", "officials", "experts")
                or _SOME_OF_THEM.match(who) is not None  # "one analyst", "some economists", "two officials"
                or (m.group(0)[:1] == "," and _TRAILING_GROUP.match(who) is not None)  # ", currency dealers warned."
                or _PRONOUN_SPEAKER.match(who)
            )
        ):
            span = (shift + m.start(), shift + m.start("end"))
            found = _resolved(who, span, last_speaker=last_speaker, author=author, before=before)
            return _with_body(found, who, m.group("desc"), before or last_speaker)
    m = _BETWEEN_COMMAS.search(sentence)
    if m and not _NOT_SPEAKER.search(m.group("who")) and not _NOT_SPEAKER_CASED.search(m.group("who")):
        who = m.group("who")
        if who[:1].isupper() or re.match(r"(?:the|an?)\s", who) or _PRONOUN_SPEAKER.match(who):
            return _resolved(who, m.span(), last_speaker=last_speaker, author=author, before=before)
    return _summary_owner(sentence, they) or _document_owner(sentence)


# a word that opens no speaker: a preposition or a participle ("With exports projected to slow", "After surging by
# an estimated 60 percent", "Having said that"), or a determiner alone ("Other reports indicate")
_OPENS_NO_SPEAKER = patterns.compile(
    r"^(?:with|without|after|before|despite|given|amid|under|over|by|from|during|following|having|being|assuming|"
    r"considering|looking|turning)\b|^(?:an?|the|other|another|such|this|that|these|those|its|their|our|his|her)$",
    re.I,
)
# a verb of saying that is a noun too, and what shows it is the noun: "The wheat price forecast for next season is",
# "The steel output forecast envisages", "Other reports indicate"
_NOUN_TOO = patterns.compile(r"(?:forecasts?|estimates?|projects?|reports?|notes|fears|hopes|states)$", re.I)
_NOUN_AFTER = patterns.compile(
    r"\s*[-,;:)—–]|\s+(?:is|are|was|were|has|have|had|will|would|could|should|may|might|for|of|in|on|at|from|shows?|showed|"
    r"envisages?|assumes?|implies|imply|calls?|points?|sees?|saw|remains?|reflects?|includes?|indicates?|indicate|"
    r"suggests?|suggest|predicts?|projects?|expects?)\b",
    re.I,
)
_PARTICIPLE = patterns.compile(
    r"(?:expected|anticipated|projected|forecast|forecasted|estimated|predicted|assessed|judged|reported)$", re.I
)


def _no_saying(who: str, verb: str, after: str) -> bool:
    """Whether the leading "speaker" and verb are no speaker saying: a preposition or a participle opens it, the verb
    is a noun ("forecast for"), a participle ("growth anticipated to remain") or an adjective ("an estimated 60
    percent")."""
    who = re.sub(r"^(?:and|but|so|or)\s+", "", who.strip(), flags=re.I)
    if _OPENS_NO_SPEAKER.search(who) or re.search(r"\s(?:and|or|but)$", who):  # "Acme cut its dividend and"
        return True
    if re.search(r"\s(?:an?|the|its|their|our|this|these)$", who, re.I):
        return True  # "These projections reflect an expected contraction": an adjective
    if _NOUN_TOO.search(verb) and _NOUN_AFTER.match(after):
        return True
    if _PARTICIPLE.search(verb):
        if re.match(r"\s+(?:about\s+|around\s+|some\s+)?[$€£]?\d", after):
            return True  # "an estimated 60 percent"
        head = who.split()[-1] if who.split() else ""
        people = _PEOPLE.fullmatch(head) or _PRONOUN_SPEAKER.match(who) or who.lower() in ("we", "i")
        return bool(re.match(r"\s+to\s+[a-z]", after)) and not people  # "labor markets projected to be tight"
    return False


# the head of a phrase that names a fact, not a source of views: "the regional decline in loan quality suggests"
_FACT = patterns.compile(
    r"(?:rise|fall|decline|increase|decrease|drop|jump|slowdown|pickup|strength|weakness|softness|firmness|trend|gap|"
    r"shift|surge|slump|rebound|recovery|improvement|deterioration|tightening|easing|level|pace|behavior|behaviour)s?$",
    re.I,
)


def _inanimate(who: str, verb: str) -> bool:
    """Whether "who" is a fact that suggests or indicates, not a source of views ("the regional decline in loan quality
    suggests that"): evidence, data, surveys and forecasts are (the labelling guide's authors)."""
    if not re.match(r"(?:suggest|indicat|show|impl)", verb, re.I):
        return False
    head = re.split(r"\s+(?:in|of|at|on|for|from)\s+", who.strip(), maxsplit=1)[0].split()
    return len(head) >= 1 and len(who.split()) >= 2 and _FACT.search(head[-1]) is not None


def _pronoun_for(last_speaker: str | None) -> str | None:
    """Who "they" is when it is the speaker: the group or body named before (not a person)."""
    return last_speaker if last_speaker and _kind(last_speaker) != "person" else None


def _they(before: str | None) -> str | None:
    """Who "they" is from what the sentence before is about when it named no speaker: a set of projections ("The new
    ECB staff projections present ... They see": the ECB staff; "These projections"), or a group of people
    ("Economists at Northbank published ... they expect"); not a thing ("The new factory")."""
    if before is None:
        return None
    staff = _staff_owner(before)
    if staff is not None:
        return staff
    words = re.split(r"\s+(?:at|of|from|in|for|with)\s+", before, maxsplit=1)[0].split()
    if (_DATA.search(before) and not _READINGS.search(before)) or (words and _PEOPLE.fullmatch(words[-1])):
        return _clean_name(before)
    return None


def _group(sentence: str, last_speaker: str | None, before: str | None = None) -> Speaker | None:
    """A group that holds the view, named inside the sentence (``_GROUP_SPEAKER``); "they" is the group before."""
    group = _GROUP_SPEAKER.search(sentence[:400])
    if group is None:
        # "was seen by most participants as likely": the agent; "An estimated 40 percent anticipate": the respondents
        share = _SEEN_BY.search(sentence[:400]) or _SHARE_SPEAKER.search(sentence[:400])
        if share is None:
            return None
        who = " ".join(share.group("who").split())
        return Speaker(who[:1].upper() + who[1:], (0, 0))
    who = " ".join(group.group("who").split())
    if who.lower() == "they":
        # "Many of our business contacts remain hesitant even though they expect ...": the group the sentence opens
        # with, also after a leading phrase ("In contrast, the builders in the region ..., and they")
        opens = _LEAD_PHRASE.sub("", sentence, count=1)
        opened = _GROUP_OPENS.match(sentence) or _GROUP_OPENS.match(opens) if group.start("who") > 0 else None
        if opened is not None:
            group_name = _clean_name(_SUBORDINATOR.sub("", opened.group(0)))  # "Although participants had ...": them
            return Speaker(group_name[:1].upper() + group_name[1:], (0, 0))
        named = _they(before) or _pronoun_for(last_speaker)
        return Speaker(named, (0, 0)) if named else None
    return Speaker(who[:1].upper() + who[1:], (0, 0))


def _coordinated(sentence: str) -> Speaker | None:
    """The sentence's subject when it has a verb of expecting after "and": "The Committee will keep the target range
    ... and anticipates that", "Acme cut its dividend and expects sales to fall", "Consumers were buying less and were
    expecting to"; a body, a name or a group of people only."""
    verb = _AND_EXPECTS.search(sentence, 0, 300)
    np = _subject(sentence) if verb is not None else None
    if verb is None or np is None or verb.start() < len(np):
        return None
    words = np.split()
    if not (
        re.search(r"\b[A-Z]", " ".join(words[1:]))
        or (len(words) == 1 and np[:1].isupper() and not np.endswith("s"))
        or _PEOPLE.fullmatch(words[-1])  # "Shoppers were cutting back ... and were expecting to"
    ):
        return None
    return Speaker(_clean_name(np), (0, 0))


# a title or a post that only a person holds, and the last word of a body's name
_PERSON = patterns.compile(
    rf"^(?:Mr|Ms|Mrs|Miss|Dr|Sir|Dame|Lord|Lady|Professor|Prof|Governor|Deputy\s+Governor|President|Chancellor|"
    rf"Prime\s+Minister)\.?\s|(?:^|\s)(?:{_PERSON_ROLE}|chancellor|governor|spokesman|spokeswoman|boss)$",
)
_BODY_WORD = patterns.compile(
    r"\b(?:Bank|Economics|Group|Fund|Reserve|Office|Council|Board|Committee|Institute|Foundation|Consortium|"
    r"Association|Federation|Commission|Agency|Authority|Ministry|Department|Treasury|Government|Ltd|plc|PLC|Inc|Corp|"
    r"Partners|Research|Capital|Securities|Markets|Investments|Management|Union|Bureau|Services?|Trust|Society|"
    r"Organisation|Organization|Chamber|Forum|Statistics|Studies|Insights|Analytics|Holdings|Energy|Motors|Airways)\b"
)
# the plural nouns of people and firms that a sentence opens with ("Firms", "Retailers", "Economists")
_PEOPLE = patterns.compile(
    r"(?:firms|companies|businesses|retailers|economists|analysts|households|consumers|investors|traders|banks|"
    r"lenders|landlords|employers|workers|unions|members|officials|experts|forecasters|ministers|manufacturers|"
    r"exporters|importers|shoppers|farmers|participants|respondents|executives|bosses|people|families|builders|automakers|"
    r"developers|producers|suppliers|strategists|policymakers|staff|contacts|critics|campaigners|charities|"
    r"airlines|carmakers|supermarkets|directors|managers|owners|buyers|sellers|tenants|savers|borrowers)",
    re.I,
)
# the group a sentence opens with: "Many of our business contacts", "Builders in the region", "The producers"
_GROUP_OPENS = patterns.compile(
    rf"^(?:[\w'’-]+\s+){{0,5}}?{_PEOPLE.pattern}\b(?:\s+(?:in|at|from)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)*"
    r"(?:region|district|industry|sector|area|(?-i:[A-Z])[\w'’-]*))?",
    re.I,
)


# a short phrase that leads into the sentence before its subject: "In contrast, ", "For their part, "
_LEAD_PHRASE = patterns.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3},\s+")


_OBJECT_THEM = patterns.compile(
    r"(?<!\bof\s)(?<!\bfor\s)(?<!\bin\s)(?<!\bon\s)(?<!\bwith\s)(?<!\bfrom\s)(?<!\bto\s)(?<!\bby\s)"
    r"(?<!\bat\s)(?<!\bthan\s)(?<!\blike\s)(?<!\babout\s)(?<!\bamong\s)\bthem\b"
)
_DETERMINER = patterns.compile(
    r"^(?:The|A|An|Many|Some|Most|Several|Other|Few|All|Both|One|Two|Three|Four|Five)\s+(?=[a-z])"
)


def _kind(name: str) -> str:
    """Whether a speaker is a person ("Mr Bailey", "Jane Smith", "The chancellor"), a group of people or bodies
    ("Firms", "Many economists") or one body ("BP", "The Bank of England", "Capital Economics")."""
    if _PERSON.search(name):
        return "person"
    head = re.split(r"\s+(?:at|of|from|in|for|with)\s+", name, maxsplit=1)[0].split()[-1]
    if _PEOPLE.fullmatch(head) or re.fullmatch(r"[a-z]+[^s'’]s", head):
        return "group"  # "Firms", "Policy Board members", "Economists at ING", "Some retailers"
    if _BODY_WORD.search(name) or re.fullmatch(r"[A-Z][A-Z&.]+", name):
        return "body"
    if re.fullmatch(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}", name):
        return "person"  # "Jane Smith": a name of two or three words with no body's word
    return "body"


# the body a post stands for when the text names none: "Governor Andrew Bailey" speaks for the Bank
_POST_BODY = (
    (patterns.compile(r"\b(?:deputy\s+)?governor\b", re.I), "the Bank"),
    (patterns.compile(r"\b(?:chancellor|prime\s+minister|minister|secretary)\b", re.I), "the government"),
)
_BODY_NAME = r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|for|and|&|on)\s+(?:the\s+)?[A-Z][\w.&'’-]*|\s+[A-Z][\w.&'’-]*)*"


def _body_of(who: str, desc: str | None, owner: str | None) -> str | None:
    """The body a person speaks for (``Speaker.org``): named in who the person is ("chief economist at Capital
    Economics", "the governor of the Bank of England"), as the owner of the post ("The Bank's governor", "Its chief
    executive" after Tesco), before the post ("Bank of England governor Andrew Bailey"), after the name ("Paul Dales
    of Capital Economics"), or, for a post of state, the Bank or the government."""
    for words in (desc or "", who):
        m = re.search(rf"\b(?:at|of|for|from)\s+(?P<o>{_BODY_NAME})\s*$", words)
        if m and not re.fullmatch(r"(?:the\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+", m.group("o")):
            return m.group("o")
    m = re.match(r"^(?P<o>.+?)['’]s?\s+(?:[a-z][\w-]*\s*)+$", who)
    if m:
        return m.group("o")
    if re.match(r"(?:its|their)\s+[a-z]", who, re.I):
        return owner
    m = re.match(
        rf"^(?P<o>(?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|&)\s+)?){{1,4}}?)(?:[a-z]+\s+)?(?:{_PERSON_ROLE})\s+[A-Z]", who
    )
    if m:
        return m.group("o").strip()
    for post, body in _POST_BODY:
        if post.search(f"{who} {desc or ''}"):
            return body
    return None


def _with_body(found: Speaker | None, who: str, desc: str | None, owner: str | None) -> Speaker | None:
    if found is None or not found.name or _kind(found.name) != "person" and desc is None:
        return found
    org = _body_of(" ".join(who.split()), desc, owner)
    return Speaker(found.name, found.span, org) if org else found


def with_known_body(speaker: Speaker | None, bodies: dict[str, str]) -> Speaker | None:
    """The speaker with the body the text said earlier that the person speaks for ("Andrew Bailey, governor of the
    Bank of England, said ..." then "Mr Bailey said: 'We ...'"); ``bodies`` (surname -> body) learns from it."""
    if speaker is None or not speaker.name or _kind(speaker.name) != "person":
        return speaker
    surname = speaker.name.split()[-1]
    if speaker.org is not None:
        bodies[surname] = speaker.org
        return speaker
    return Speaker(speaker.name, speaker.span, bodies[surname]) if surname in bodies else speaker


def _running(name: str) -> str:
    """A speaker's name as it reads inside a sentence: "The company" -> "the company"; a name stays."""
    return name[:1].lower() + name[1:] if _DETERMINER.match(name) or _PEOPLE.fullmatch(name) else name


def _resolved(
    who: str, span: tuple[int, int], *, last_speaker: str | None, author: str | None, before: str | None = None
) -> Speaker | None:
    tail = _DOCUMENT_TAIL.match(who)
    who = tail.group("doc") if tail is not None else who
    staff = _staff_owner(who)
    if staff is not None and staff != "The staff":
        # "according to the September 2026 Central Bank staff projections", "our latest Eurozone staff projections"
        return Speaker(staff, span)
    if who.lower() in ("we", "i", "our team") or _OUR_DOCUMENT.match(who) or re.search(r"\s(?:We|I)$", who):
        # "Natural gas consumption We expect": a heading run into the sentence
        return Speaker(author or "", span)  # "Our October Monetary Policy Report projects": the author's
    if staff is not None:
        return Speaker(staff, span)  # "the staff projections indicate": the staff
    owned_document = _OWNED_DOCUMENT.match(who) or _NAMED_DOCUMENT.match(who)
    if owned_document and not _TIME_OWNER.fullmatch(owned_document.group("o")):
        who = owned_document.group("o")  # "the Bank's latest projections": the Bank
    elif _DATA.search(who) and not owned_document:
        # "These projections indicate that", "Two new surveys suggest": what predicts, named (the labelling guide);
        # "These numbers indicate", "the incoming data suggest": readings, which the author interprets
        return Speaker("" if _READINGS.search(who) else _clean_name(who), span)
    if _PRONOUN_SPEAKER.match(who):
        # the words go from the statement even when no name is known; "he" / "she" after "Ann Moss is the head of
        # the Council." is the person the sentence before is about, the nearest person named
        person = before if who.lower() in ("he", "she") and before and _kind(before) == "person" else None
        return Speaker((_they(before) if who.lower() == "they" else person) or last_speaker or "", span)
    owned = re.match(r"(?:its|their)\s+(?=[a-z])", who, re.I)
    owner = before or last_speaker
    if owned and owner:  # "Its chief executive said", after "Tesco has reported strong sales": Tesco's
        owner = owner if owner.endswith(("s'", "’")) else f"{owner}'s"
        who = f"{owner} {who[owned.end() :]}"
    return Speaker(_clean_name(who), span)


def subject_of(sentence: str, then: str | None = None) -> str | None:
    """The noun phrase a sentence opens with (before its first verb), for resolving a pronoun after it; past an
    attribution, the subject of what was said, unless the sentence after (``then``) has the pronoun say or foresee
    ("These projections indicate that inflation will remain high. They foresee ...": the projections)."""
    sentence = sentence.strip()
    said = _LEADING.match(sentence)
    speaks = then is not None and re.match(rf"(?:It|They|He|She)\s+(?:{_VERB_CUE.pattern}|{_VERBS_OF_SAYING})\b", then)
    if (
        said is not None
        and not _NOT_SPEAKER.search(said.group("who"))
        and not re.match(r"(?:\w+ing|and|but|so|or|what|how)\b", said.group("who"), re.I)  # "Having said that"
    ):
        if speaks:
            return " ".join(said.group("who").split())
        # "Nissan said the plant would close": what was said is about the plant, not "Nissan said the plant"
        clause = _subject(sentence[said.end() :])
        if clause is not None:
            return clause
    return _subject(sentence)


def _subject(sentence: str) -> str | None:
    m = _SUBJECT.search(sentence)
    if m is None:
        return None
    np = m.group("np").strip(' ,"“”')
    if re.fullmatch(r"(?:it|they|this|these|he|she|there|we|i|you)", np, re.I) or len(np) < 2:
        return None
    if re.match(r"(?:we|i|you|they|he|she|it|clearly|perhaps)\s", np, re.I) or re.search(r"\b(?:that|what)$", np):
        return None  # "we know that", "clearly": a clause or an adverb, not a noun phrase
    return np


def restate(
    unit: str,
    *,
    speaker: Speaker | None,
    antecedent: str | None,
    author: str | None,
    cue: tuple[int, int, bool] | None = None,
    deadline_words: str | None = None,
    by: str | None = None,
) -> str:
    """The unit restated as a resolvable third-person statement (see the module's docstring).

    ``cue`` is the governing cue's span and whether it is a modal; ``deadline_words`` the words of the deadline
    in the text and ``by`` the deadline in words, added when the statement does not keep the text's words."""
    head = _RUNNING_HEAD.match(unit) or _CAPS_HEADING.match(unit)
    if head is not None:  # a page's running head or a heading run into the sentence: blanks, so the offsets hold
        unit = " " * head.end() + unit[head.end() :]
    unit = PAGE_MARK.sub(lambda m: " " * len(m.group(0)), unit)  # a transcript's page break inside the sentence
    tail = _TABLE_TAIL.search(unit)
    if tail is not None:  # a flattened box or rule after the sentence ("... decade. ______ | | Interpreting ...")
        unit = unit[: tail.start()]
    text = unit
    cue_start, cue_end, modal = cue if cue is not None else (len(unit), len(unit), True)
    if speaker is not None and speaker.span[0] >= cue_end:
        text = text[: speaker.span[0]].rstrip(" ,") + text[speaker.span[1] :]
    elif speaker is not None and speaker.span[1] <= cue_start and unit[speaker.span[0] : speaker.span[0] + 1] == ",":
        # "Without new rules, the W.H.O. says, deaths could ...": only the speaker goes, the offsets kept
        text = text[: speaker.span[0]] + " " * (speaker.span[1] - speaker.span[0]) + text[speaker.span[1] :]
    elif speaker is not None and speaker.span[1] <= cue_start:
        text = " " * speaker.span[1] + text[speaker.span[1] :]  # keep the offsets; the blanks go below
    if cue is not None and modal:
        # the bare complement's look-ahead must see the modal, so the search runs on the whole text
        bare = [m for m in _BARE_COMPLEMENT.finditer(text) if m.end() <= cue_start]
        complements = [*_COMPLEMENT.finditer(text, 0, cue_start), *bare]
        if complements:
            text = text[max(m.end() for m in complements) :]
    elif (
        cue is not None
        and _VERB_CUE.fullmatch(unit[cue_start:cue_end])
        and not _NOUN_SLOT.search(unit, max(0, cue_start - 12), cue_start)  # "the IMF's forecast shows": a noun
    ):
        # the first forecast verb whose object reads as a clause ("With growth anticipated to remain above trend,
        # they anticipated wage inflation to pick up": the second)
        ends = [cue_end, *(m.end() for m in _VERB_CUE_WORD.finditer(text, cue_end))]
        seeing = unit[cue_start:cue_end].lower() in ("see", "sees")  # "see risks to growth": no "to" clause
        clause = next(
            (c for c in (_after_verb(text[end:].strip(), to_clause=not seeing) for end in ends) if c is not None), None
        )
        text = clause or text
    text = _own_clause(text, cue_start - (len(unit) - len(text)) if cue is not None else None)
    text = re.sub(r"\*\*|__|`", "", " ".join(text.split()))
    text = _CONNECTIVE.sub("", text)
    if cue is not None and re.fullmatch(r"(?:is|are)\s+to", unit[cue_start:cue_end], re.I):
        text = re.sub(r"\b(?:is|are)\s+to\b", "will", text, count=1)  # "are to ask": an arrangement
    text = _FIRST_PERSON.sub("there will be", text)
    text = _unquoted(text)
    text = _SEEN_ING.sub(lambda m: f"will {_base_form(m.group('verb'))}", text)
    text = _revised_forecast(text)
    for pattern, replacement in _MODAL_TO_WILL:
        text = pattern.sub(replacement, text)
    text = _HEDGE_WORDS.sub("", text)
    if re.search(r"\bwill\b", text):
        text = re.sub(r"\b(and|but|or)\s+to\s+(?=[a-z]+\b)", r"\1 ", text)  # "will decline and to run" -> "and run"
    if speaker is not None and speaker.name and speaker.name != author:
        # "we" in the words of a named speaker is the speaker's side: the body a person speaks for, when known
        author = speaker.org or speaker.name
    if author:
        # "we have" -> "Mr. Parry has": the verb after "we" agrees with the name that replaces it
        text = _WE_VERB.sub(lambda m: f"{m.group(1)} {_THIRD_PERSON.get(m.group(2).lower(), m.group(2))}", text)
        text = re.sub(r"\bWe\b(?=\s)", author[:1].upper() + author[1:], text)
        text = re.sub(r"\bwe\b(?=\s)", author, text)
        text = re.sub(r"\b[Oo]ur\b(?=\s)", f"{author}'s", text)
        text = re.sub(r"\bus\b", author, text)
    if speaker is not None and speaker.name and speaker.span[0] < cue_end:
        # "Menatep says it will ask ...": the pronoun after the speaker is the speaker, when it can be ("Its governor
        # said it would peak": not the governor); "BP said it expects its output to fall": BP's output
        kind = _kind(speaker.name)
        subject, owner = {"person": ("he|she", "his|her"), "group": ("they", "their")}.get(
            kind, ("it|they", "its|their")
        )
        text = re.sub(rf"^(?:{subject})\b", speaker.name, text, count=1, flags=re.I)
        owned = speaker.name if speaker.name.endswith(("s'", "’")) else f"{speaker.name}'s"
        text = re.sub(rf"^(?:{owner})\b", owned, text, count=1, flags=re.I)
        if kind == "group":
            # "Firms fear higher costs will force them to cut jobs": the firms, not after a preposition ("some of them")
            text = _OBJECT_THEM.sub(_running(speaker.name), text)
        elif kind == "person" and re.match(r"it\s+will\b", text):
            text = (
                "I" + text[1:]
            )  # "Its governor said it would peak": not the governor, what the sentence before is about
        if text.startswith(speaker.name):
            # "Ministers say they expect to stick with ...": "Ministers will stick with ..."
            rest = text[len(speaker.name) :]
            text = speaker.name + re.sub(
                r"^\s+(?:expects?|anticipates?|plans?|intends?)\s+to\s+(?=[a-z])", " will ", rest
            )
    text = _resolve_pronouns(text, antecedent)
    text = re.sub(r"\s+([,.;:])", r"\1", text).strip(" ,;:")
    text = _unquoted(text).strip(" ,;:")  # a direct quotation's marks
    if by and not (deadline_words and deadline_words in text):
        text = re.sub(r"[.!]?([\"”’]?)$", rf"\1 {by}.", text, count=1)  # '... to "is."' -> '... to "is" by ...'

    elif not text.endswith((".", "!", "?", '"', "”")):
        text += "."
    return text[:1].upper() + text[1:]


# A forecast reported as revised or unchanged with its level: "The core inflation forecast for this year was
# unchanged at a level below 2 percent", "the Greenbook forecast for core PCE inflation next year has been raised to
# 2¼ percent", "The Class 8 sales forecast has been raised again, this time to 195,000 units".
_REVISED_FORECAST = patterns.compile(
    r"^(?:(?:the|our|its|their|this|that)\s+)?(?:(?:Greenbook|Bluebook|Tealbook|staff['’]s?|consensus|official|"
    r"[A-Z][\w.&-]*['’]s)\s+)?(?P<x>(?:[\w'’&.-]+\s+){0,5}?)(?:forecast|projection|outlook|estimate)\s+"
    r"(?:(?:for|of)\s+(?P<what>[^,;]{2,80}?)\s+)?(?:was|is|has\s+been|have\s+been|had\s+been|remains|remained)\s+"
    r"(?:(?:now|again|also|once\s+more)\s+)?(?P<how>unchanged|raised|lowered|revised\s+(?:up|down)(?:ward)?|boosted|cut|"
    r"reduced|increased|lifted|trimmed|marked\s+(?:up|down)|steady)?,?\s*(?:(?:again|once\s+more),?\s+)?"
    r"(?:this\s+time\s+)?(?P<prep>at|to)\s+(?P<level>[^;]+)$",
    re.I,
)


def _revised_forecast(text: str) -> str:
    """A forecast reported with its new (or unchanged) level, restated as what it forecasts: "The core inflation
    forecast for this year was unchanged at a level below 2 percent" -> "Core inflation this year will be at a level
    below 2 percent"; the text as it is when it does not read so."""
    m = _REVISED_FORECAST.match(text)
    if m is None:
        return text
    what = (m.group("what") or "").strip()
    if re.fullmatch(r"(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d(?:/\d\d)?", what, re.I):
        what = f"in {what}"  # "the growth forecast for 2027": growth in 2027
    subject = " ".join(" ".join(filter(None, (m.group("x").strip(), what))).split())
    if not subject or not re.search(r"\d", m.group("level")):
        return text
    level = m.group("level").strip()
    be = "be at" if m.group("prep").lower() == "at" and not re.match(r"[$€£]?\d", level) else "be"
    return f"{subject[:1].upper()}{subject[1:]} will {be} {level}"


def _unquoted(text: str) -> str:
    """The text without the marks of the direct quotation it was cut from: an opening mark at its start or a closing
    mark at its end that has no partner in it; a quotation inside it keeps both its marks ('Rates will fall, but "we
    can't cut too quickly".')."""
    whole = re.fullmatch(r"([\"“])([^\"“”]*)[\"”]([.!?]?)", text)
    if whole:  # the whole of it is the quotation
        return whole.group(2).rstrip(",") + whole.group(3)
    lead = re.match(r"^[\"“‘]+", text)
    if lead and (text.count('"') % 2 or text.count("“") > text.count("”") or text.count("‘") > text.count("’")):
        text = text[lead.end() :]
    tail = re.search(r"[,\"”’]+(?=[.!?]?$)", text)
    if tail is not None:
        marks = tail.group(0)
        unmatched = (
            ('"' in marks and text.count('"') % 2 == 1)
            or ("”" in marks and text.count("”") > text.count("“"))
            or ("’" in marks and text.count("’") > text.count("‘") and "‘" in text)
            or ("’" in marks and "‘" not in text and not re.search(r"s’$", text[: tail.end()]))
        )
        if unmatched or marks == ",":
            text = text[: tail.start()] + text[tail.end() :]
        elif marks.startswith(","):
            text = text[: tail.start()] + marks[1:] + text[tail.end() :]  # '"... too much,"' -> '"... too much"'
    return text


def _base_form(verb: str) -> str:
    """The verb an -ing form comes from, by the spelling rules ("rising" -> "rise", "running" -> "run")."""
    stem = verb[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    vowels = "aeiou"
    if stem.endswith(("v", "z", "dg", "rg", "nc")) or (
        len(stem) > 2
        and stem[-1] not in vowels + "wxy"
        and stem[-2] in vowels
        and not stem.endswith(("en", "er", "on"))
        and (stem[-3] not in vowels or stem[-1] == "s")
    ):
        return stem + "e"
    return stem


def _own_clause(text: str, cue_at: int | None) -> str:
    """The predicted clause without what follows it about other things: a clause after ";" and a contrast with
    what others said ("..., while a few others commented that ..."); nor what comes before it, when a ";" ends
    a clause before the cue ("They saw the fiscal situation as a risk; a sharp tightening could occur in 2013")."""
    if cue_at is not None and cue_at > 0:
        before = text.rfind(";", 0, cue_at)
        clause = text[before + 1 :].lstrip() if before >= 0 else ""
        if (
            len(clause.split()) >= 4
            and not re.match(r"(?:and|or|but|as\s+well\s+as)\b", clause, re.I)  # "A; B; and C drive ...": a list
            and _HAS_VERB.search(text[text.rfind(";", 0, before) + 1 : before])
        ):
            return _own_clause(clause, cue_at - (len(text) - len(clause)))
    for m in _OTHER_CLAUSE.finditer(text):
        if cue_at is None or m.start() > cue_at:
            return text[: m.start()]
    return text


def _after_verb(rest: str, *, to_clause: bool = True) -> str | None:
    """What a forecast verb governs, as a clause: "growth to slow" -> "growth will slow"; "a decline" -> "there
    will be a decline"."""
    if rest.lower().startswith("that "):
        return rest[5:]
    if re.match(r"to\s+(?!see\b|observe\b|witness\b)", rest, re.I):
        return None  # "growth expected to remain ...": a participle, the whole sentence is kept
    if re.match(r"to\s+(?:see|observe|witness)\s+", rest, re.I):
        return "there will be " + re.sub(r"^to\s+\w+\s+", "", rest)
    governed = _TO_CLAUSE.match(rest) if to_clause else None
    if governed and not re.search(
        r"\b(?:will|would|could|should|may|might|is|are|was|were|been|had|has|have)\b", governed.group("np"), re.I
    ):
        return f"{governed.group('np')} will {governed.group('verb')}{rest[governed.end() :]}"
    ing_clause = _ING_CLAUSE.match(rest)
    if ing_clause:  # "see headline inflation averaging 2.1% in 2026": "headline inflation will average ..."
        return f"{ing_clause.group('np')} will {_base_form(ing_clause.group('verb'))}{rest[ing_clause.end() :]}"
    return f"there will be {rest}"


def _resolve_pronouns(text: str, antecedent: str | None) -> str:
    """Each sentence opening with a pronoun gets the subject of the sentence before (the first, ``antecedent``)."""
    pieces = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    out: list[str] = []
    for i, piece in enumerate(pieces):
        refers_to = antecedent if i == 0 else subject_of(out[-1])
        quoted = re.match(r"(?:Its|Their)\s+([\w-]+)\b", piece)
        if refers_to and quoted and refers_to.endswith(("'", "’", '"', "”")):
            # "Its resilience" after "The 'M2-M1 stability'": "The resilience of the 'M2-M1 stability'"
            owner = re.sub(r"^The\b", "the", refers_to)
            piece = f"The {quoted.group(1)} of {owner}{piece[quoted.end() :]}"
        elif refers_to:
            piece = _SENTENCE_PRONOUN.sub(lambda m, r=refers_to: _replace_pronoun(m, r), piece, count=1)
        out.append(piece)
    return " ".join(out)


def _replace_pronoun(m: re.Match[str], antecedent: str) -> str:
    word = m.group("p")
    if word in ("Its", "Their", "His", "Her"):
        owner = antecedent if antecedent.endswith(("s'", "’")) else f"{antecedent}'s"
        return owner[:1].upper() + owner[1:] + m.group("rest")
    return antecedent[:1].upper() + antecedent[1:] + m.group("rest")


_OPENING_MARK = patterns.compile(r"^\s*[\"“]")


# a blank line between two units: a paragraph ends there
PARAGRAPH_BREAK = patterns.compile(r"\n\s*\n")


def quotations(quotes: list[str], gaps: list[str]) -> list[int | None]:
    """For each unit (its verbatim words ``quotes[i]``, and ``gaps[i]`` the text between it and the unit before), the
    index of the unit that closes the direct quotation it stands in, or None when it stands in none. A quotation
    opens with a mark at a unit's start ("“I think prices will fall next month.") or goes on from a unit before, and
    ends at a paragraph's end at the latest (a blank line)."""
    inside = False
    closes: list[int | None] = [None] * len(quotes)
    open_from: list[int] = []
    for i, (words, gap) in enumerate(zip(quotes, gaps, strict=True)):
        if PARAGRAPH_BREAK.search(gap):
            inside, open_from = False, []
        quoted = inside or _OPENING_MARK.match(words) is not None
        for mark in words:
            if mark == "“" or (mark == '"' and not inside):
                inside = True
            elif mark in '”"' and inside:
                inside = False
        if quoted:
            open_from.append(i)
        if quoted and not inside:
            for j in open_from:
                closes[j] = i
            open_from = []
    return closes
