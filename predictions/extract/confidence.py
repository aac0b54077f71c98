"""Which sentences predict, and the words that govern the predicted clause, mapped to a probability.

A sentence predicts when a future cue governs one of its clauses. The cues, by kind:

- **modal** (they govern the clause they sit in): will, shall, 'll, won't, is going to; would in reported speech
  ("said growth would slow"); set to, looks set to, poised to, due to, on track to; is expected / projected /
  forecast / estimated / predicted / anticipated to; is likely / unlikely to; should, could, may, might;
- **forecast verbs** (they carry the prediction only when no modal follows them): expects, predicts, forecasts,
  projects, anticipates, sees ... ("The IMF forecasts growth of 3.6% in 2004").

The **governing** cue is the first modal; a forecast verb or a verb of saying that comes first is the report, not
the prediction ("Analysts predict that prices could fall" is "could": 0.4). Without a modal, the first forecast
verb governs. These are not predictions, whatever their words: questions; "it remains to be seen whether",
"it is unclear whether", "it is too early to say"; modals about the past ("would have", "could have"); judgements
("it would be appropriate"); reports of decisions ("decided that it would", "announced that it will"); "than
expected" and "as forecast"; text about the text ("this report will examine"); schedules and mission plans ("the
committee will meet on 3 May", "will hold a teleconference", "will perform four space walks"); a speaker's own acts
("I will be brief", "I'll pass", "we'll see what happens"); procedures ("will take into account", "as
appropriate"); doubts and questions put as statements ("I wonder whether", "I don't know whether"); "likely" about
the past or the present ("likely rose", "likely reflects", "is likely to have boosted"); habits ("would typically");
what would follow from something named before, a pronoun subject with a bare "would" and no time ahead or year ("That
would push up costs"); facts about a scheduled event ("the mission will be the first time ..."); a business's plan
for its own things, in the progressive with no time ahead ("the mills will be raising their prices").
"should", "could", "may", "might" and a "would" that no verb of saying governs are hedged: they predict when the
subject is not the reader or the writer giving advice ("you should", "we could").

The numbers follow the usual reading of estimative words (Kent's "Words of estimative probability", Mauboussin &
Mauboussin 2018's survey medians), rounded; an unhedged "will" is 0.9, as in the seed.

| words | probability |
|---|---|
| will certainly, will definitely, is certain to, will undoubtedly | 0.95 |
| will almost certainly | 0.93 |
| will, shall, won't, is going to, is set to, looks set to, is poised to, is due to, would (reported) | 0.9 |
| is highly likely, very likely, will very likely | 0.85 |
| expect(s), is expected to, predict(s), forecast(s), is projected / forecast / estimated / predicted to | 0.75 |
| will likely, is likely to, likely, will probably, probably, would likely | 0.7 |
| should | 0.65 |
| could, may, might, possibly, would (unreported) | 0.4 |
| is unlikely to, unlikely, will probably not | 0.25 |
| is very unlikely to, highly unlikely | 0.1 |
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice

from predictions.extract import patterns

# "would have risen", "would not have been": about the past
# ... and with an irregular participle: "would have held the economy back", "could have cut", "might have made"
_IRREGULAR = (
    r"held|kept|made|put|set|cut|left|lost|brought|bought|caught|thought|sent|spent|built|felt|found|got|hit|led|met|"
    r"paid|said|sold|told|won|stood|run|come|become|begun|struck|sought|taught|meant|dealt|shut|spread|let|fed|shed|hung|"
    r"stuck|sunk|sprung|withheld|upheld|undercut|offset|hurt|cost|burst|cast|bet|split|quit"
)
_PERFECT = r"(?:\s+not|n't)?\s+have\s+(?:been|had|" + _IRREGULAR + r"|(?:[a-z]+-)*[a-z]+(?:ed|en|wn|ne))\b"
_BE = r"(?:is|are|was|were|be|been|'s|'re|remains?|seems?|appears?|looks?|looked|seemed|appeared)"
_ADV = r"(?:\s+(?:also|still|now|then|not|further|eventually|soon|again|probably|likely|certainly|almost\s+certainly|"
_ADV += r"very\s+likely|definitely|undoubtedly|well|only|largely|gradually|continue\s+to|need\s+to|have\s+to))*"
# "is now expected to", "are widely seen to", "were generally projected to": an adverb between copula and participle
_BY = r"(?:\s+(?:now|still|also|generally|widely|currently|broadly|again|already|mostly|largely|thus))?"

# "seen" before the change seen coming: "is now seen averaging 2 percent", "seen settling at target"
_SEEN_DOING = (
    r"seen(?=\s+(?!(?:during|including|concerning|regarding|according|following|nothing|anything|something|"
    r"everything|being)\b)[a-z]+ing\b)"
)

CONFIDENCE_TABLE: list[tuple[str, float]] = [
    (r"will\s+(?:almost\s+certainly)", 0.93),
    (r"will\s+(?:certainly|definitely|undoubtedly)|" + _BE + r"\s+certain\s+to", 0.95),
    (_BE + r"\s+(?:nearly|almost|virtually|all\s+but)\s+certain\s+to", 0.93),
    (r"(?:will|would)\s+(?:very\s+likely)|" + _BE + r"\s+(?:highly|very)\s+likely\s+to", 0.85),
    (_BE + r"\s+(?:highly|very)\s+unlikely\s+to|highly\s+unlikely", 0.1),
    (r"(?:will|would)\s+probably\s+not|" + _BE + r"\s+unlikely\s+to|unlikely", 0.25),
    # not "is likely to have boosted exports": about the past
    (
        r"(?:will|would|could|may|might|should)\s+(?:likely|probably)|"
        + _BE
        + _BY
        + r"\s+likely\s+to(?!"
        + _PERFECT
        + ")",
        0.7,
    ),
    # "I would expect": the hedged forecast verb, not a hypothetical "would"
    (
        r"(?:would|'d)\s+(?:\w+ly\s+)?(?:expect|anticipate|predict|forecast|project|look\s+for|guess|envision|envisage|foresee)",
        0.7,
    ),
    # "more likely up than down": a comparison of odds about what is to come
    (r"(?:more|less)\s+likely\s+(?:to\s+be\s+)?(?:up|down|higher|lower|above|below|positive|negative)", 0.7),
    # a crop or an amount put at a figure: "corn production is forecast at 15.1 billion bushels"
    (
        # (the WASDE's change told before the level: "is projected $1.00 lower at $13.00 per cwt", "is forecast 10 cents
        # higher at $4.30")
        _BE + _BY + r"\s+(?:forecast|forecasted|projected|expected|seen|foreseen)\s+(?:[$€£]?\d[\d.,]*\s+(?:cents\s+|"
        r"(?:million|billion)\s+[a-z]+\s+)?(?:higher|lower|up|down)\s+)?(?:at|to\s+be)(?=\s+(?:about\s+|around\s+|"
        r"roughly\s+|a\s+record\s+)?[$€£]?\d)|"
        + _BE
        + _BY
        + r"\s+(?:assessed|judged)\s+to(?=\s+(?:remain|stay|rise|fall|"
        r"increase|decline|continue|grow|slow|pick|ease|return|reach|moderate|strengthen|weaken)\b)",
        0.75,
    ),
    (
        _BE + _BY + r"\s+(?:expected|projected|forecast|forecasted|estimated|predicted|anticipated|seen|foreseen|"
        r"tipped)\s+to(?!" + _PERFECT + ")|" + _BE + _BY + r"\s+" + _SEEN_DOING,
        0.75,
    ),
    # "seen" with what is seen happening, without a copula: "with inflation seen settling at target in 2025", "Growth
    # seen slowing next year" (not the perfect "we have seen prices rising", nor "seen during the winter")
    (r"(?<!ve\s)(?<!has\s)(?<!had\s)(?<!ing\s)(?<!been\s)(?<!not\s)(?<!never\s)" + _SEEN_DOING, 0.75),
    (
        r"(?:looks?|looked|"
        + _BE
        + r")\s+set\s+to(?!\s+(?:about\s+)?[$€£]?\d)|"
        + _BE
        + _BY
        + r"\s+(?:poised|due|going|on\s+track|on\s+course|"
        r"on\s+pace)\s+to|" + _BE + r"\s+(?:heading|headed)\s+(?:for|towards?)\b",
        0.9,
    ),
    (r"will|shall|won't|'ll|(?:is|are)\s+to(?=\s+(?:be\s+)?[a-z]+\b)(?!\s+(?:blame|thank|do\s+with)\b)", 0.9),
    (
        r"would(?!"
        + _PERFECT
        + r")(?!\s+(?:like|rather|welcome|be\s+(?:appropriate|prudent|wise|a\s+mistake|premature|helpful|"
        r"useful|better|best|advisable|desirable|welcome|good|ideal|interesting)))",
        0.9,
    ),
    (r"(?:should|ought\s+(?:not\s+)?to)(?!" + _PERFECT + ")", 0.65),
    # the verb "risk" with what may follow: "a stronger dollar risks delaying the recovery" (not the noun: "risks
    # surrounding the outlook", "the risk facing exporters", "the balance of risks becoming more favorable")
    (
        r"(?<!\bthe\s)(?<!\bdownside\s)(?<!\bupside\s)(?<!\bof\s)(?<!\bto\s)(?<!\bin\s)(?<!\bon\s)(?<!\bfor\s)"
        r"(?<!\bwith\s)(?<!\babout\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bsuch\s)risks\s+(?:even\s+)?(?!(?:surrounding|including|concerning|"
        r"regarding|facing|arising|stemming|emanating|remaining|coming|pertaining|posing|weighing|involving)\b)[a-z]+ing",
        0.4,
    ),
    # a weather product's wording: "a ridge is building and expected to turn the depression eastward", "some
    # development is possible toward the end of the week", "Formation chance through 48 hours...low...20 percent"
    (r"(?:and|but)\s+(?:now\s+)?expected\s+to(?=\s+[a-z])", 0.75),
    (
        _BE + r"\s+(?:also\s+|still\s+)?possible(?=[^.;]{0,40}\b(?:toward|towards|later|next|tonight|tomorrow|"
        r"over\s+the\s+(?:next|weekend)|(?:by|during|through)\s+(?:the\s+)?(?:end|weekend|week|evening|night)|"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)",
        0.4,
    ),
    (
        r"(?:chance|probability|odds)\s+(?:of\s+[\w ]{1,30}?\s+)?(?:through|within|during|over)\s+"
        r"(?:the\s+next\s+)?\d+\s+"
        r"(?:hours|days)",
        0.5,
    ),
    (
        r"could(?!" + _PERFECT + r"|\s+not|n't)|might(?!" + _PERFECT + r")|(?<![A-Z])may(?!" + _PERFECT + ")"
        # "developments that have the potential to tighten credit" (not "would have the potential to ...")
        r"|(?<!would\s)(?:has|have)\s+the\s+potential\s+to(?=\s+[a-z])",
        0.4,
    ),
    # "on an upward path toward 3 percent", "is set on a gradual upward trend", "the odds favor continued growth"
    (
        r"on\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:path|course|trajectory|trend)\s+(?:to|toward|towards|for)|"
        r"(?:set|headed|heading)\s+on\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:path|course|trajectory|trend)|"
        r"(?:odds|chances)\s+(?:now\s+|still\s+)?(?:favou?r|are\s+(?:good|high)|are\s+that)",
        0.7,
    ),
    # a climate outlook's odds (NOAA's CPC): "precipitation is slightly favored to be above average", "above-normal
    # temperatures are favored for the Southwest", "the majority of models continue to favor ENSO-neutral"
    (
        r"(?:is|are|remains?)\s+(?:\w+ly\s+)?favou?red\s+(?:to|for|over|in|across)|"
        r"(?:models?|forecasts?|guidance|outlooks?)\s+(?:\w+\s+){0,2}favou?rs?(?=\s+[\w-]+)",
        0.6,
    ),
    (r"likely|probably", 0.7),
]
_MODAL = patterns.compile("|".join(f"(?P<c{i}>\\b(?:{w})\\b)" for i, (w, _) in enumerate(CONFIDENCE_TABLE)), re.I)
# what follows "due to" when it names a cause: a noun phrase ("due to higher prices", "due to the strike", "due to
# rising costs", "due to Brexit"), not a verb ("due to expire", "due to be released")
_CAUSE_AFTER_DUE = patterns.compile(
    r"\s+(?:(?i:the|a|an|its|their|his|her|our|this|that|these|those|some|much|more|less|strong|weak|high|low|"
    r"several|many|both|all|\w+ing|\w+er|\w+ed)\b|[A-Z0-9$€£])"
)
# a cause's share: "is largely due to new entrants", whatever follows (a schedule is not "partly due to expire")
_DEGREE_DUE = patterns.compile(
    r"\b(?:largely|mostly|partly|partially|entirely|primarily|mainly|chiefly|solely|wholly)\s+due\b", re.I
)
_BARE_WOULD = next(i for i, (words, _) in enumerate(CONFIDENCE_TABLE) if words.startswith("would(?!"))
_BARE_LIKELY = len(CONFIDENCE_TABLE) - 1  # "it seems likely that ... reflects": needs a future word, as a hedge does
# an item of a list, and advice addressed to someone, before "is to": "The second is to bolster competition", "My
# advice to banks is to do the same" (a purpose, not an arrangement)
_LIST_ITEM_OR_ADVICE = patterns.compile(
    r"^\W*(?:the\s+)?(?:first|second|third|fourth|fifth|last|final|next|other|another|one)\s+$"
    r"|\b(?:advice|recommendation|message|request|call|plea|suggestion)\s+to\s+(?:[\w-]+\s+){1,3}$",
    re.I,
)
_MAY_MONTH = patterns.compile(r"\b(?:in|of|since|by|until|early|late|mid|last|next|this|from|to)\s+$", re.I)
_FORECAST_VERB = patterns.compile(
    r"\b(?P<v>(?:expects?|predicts?|forecasts?|projects?|anticipates?|foresees?|envisages?|envisions?)"
    r"|(?:now\s+)?(?:expected|predicted|forecast|projected|anticipated|foresaw|estimated)"
    r"|expecting|anticipating|predicting|projecting|forecasting)\b",
    re.I,
)
_FORECAST_NOUN = patterns.compile(
    # the speaker's forecast named as a noun, its content in a "that" clause: "Our guess is that the core CPI is
    # depressed by half a tenth in June", "my expectation is that they should be concluded early in the third quarter"
    r"\b(?:my|our|their|his|her|its|the\s+staff['’]s|the)\s+(?:best\s+|own\s+|central\s+|working\s+|current\s+)?"
    r"(?:guess|expectation|forecast|projection|prediction|bet|hunch)\s+(?:now\s+|still\s+)?(?:is|was|remains)\s+that\b|"
    # an outlook for a sector described by its content, however long the sector's name ("the outlook for the housing
    # sector was for a cooling-down"); not a crop's outlook summarised against last month (the WASDE's revisions)
    r"\boutlook\s+for\s+(?:[\w'’./-]+\s+){1,8}?(?:is|was|are|were|remains?|remained)\s+for\b"
    r"(?![^.;]*\b(?:than|relative\s+to|from|compared\s+(?:with|to))\s+(?:last|the\s+previous)\s+month\b)|"
    # a forecast said to point to an outcome ("our inflation projections are increasingly pointing towards inflation
    # being on target over the medium term"): what it points to is its content (not "the need for")
    r"\b(?:projections?|forecasts?|outlook)\s+(?:(?:is|are|was|were|also|still|now|\w+ly)\s+){0,3}"
    r"(?:point|points|pointed|pointing)\s+(?:to|towards)\b(?!\s+(?:the\s+)?(?:need|importance|fact|role|value)\b)|"
    r"(?<!risks\sto\s)(?<!risk\sto\s)(?<!around\s)\b(?:(?:their|its|his|her|our|the)\s+)(?:projections?|forecasts?|"
    r"expectations?)\s+(?:of|that)\b(?!\s+(?:a\s+few|several|some|two|three|six|\w+)\s+(?:days?|weeks?|months?|"
    r"quarters?|years?)\s+ago)(?!\s+last\b)"
    r"|\b(?:outlook|forecast|projection)s?\s+(?:\w+\s+){0,3}?(?:is|was|are|were|remains?)\s+for\b"
    r"|(?<!inflation\s)\bexpectations?\s+(?:for|of)\s+(?:(?!(?:continue|continues|remain|remains|is|are|was|were|"
    r"seem|seems|appear|appears|has|have|had|need|needs|tend|tends|used)\b)[\w'’-]+\s+){1,5}?to\s+(?:be|remain|stay|rise|fall|increase|decrease|decline|grow|"
    r"slow|return|reach|exceed|continue|pick|ease|moderate|strengthen|weaken|average)\b"
    # expectations of a change told by its direction, with a time ahead: "reported expectations of slower sales growth
    # over the next year" (not "inflation expectations", a reading; not "expectations of sales growth", no change)
    r"|(?<!inflation\s)\bexpectations?\s+(?:of|for)\s+(?:an?\s+|further\s+|continued\s+)?(?:(?:slower|faster|higher|"
    r"lower|stronger|weaker|smaller|larger|bigger|better|worse|more|fewer|less|rising|falling|declining|increasing)\b|"
    r"(?:further\s+|continued\s+)?(?:rises?|increases?|declines?|falls?|slowdown|pickup|recovery|rebound|improvement|"
    r"deterioration|cuts?|hikes?)\b)(?=[^.;]{0,80}?\b(?:next|coming|ahead|later|forward|upcoming|near[- ]term|"
    r"(?:19|20)\d\d)\b)"
    # (not the expectations as a reading that moved: "expectations of higher inflation over the next year rose in May")
    r"(?![^.;]{0,100}?\b(?:rose|fell|increased|decreased|declined|edged|eased|moderated|remained|remain|were|was|are|is|"
    r"have|has|had|ticked|jumped|dropped|climbed|held|stood)\b)"
    r"|\b(?:I|we|they)\s+(?:are|'re|am|'m)\s+(?:\w+\s+)?looking\s+for\b(?!\s+(?:ways?|a\s+way|evidence|signs?|work|jobs?|a\s+job|employment)\b)"
    r"|\b(?:I|we|they)(?:\s+(?:are|am|have)|['’](?:re|m|ve))\s+(?:\w+\s+)?(?:penciled|pencilled|penciling|pencilling|"
    r"building|built)"
    r"\s+in\b|\bon\s+(?:a\s+trajectory|track|course)\s+(?:to|for)\b"
    r"|\bforecasts?\s+(?:for|of)\b[^.;]{0,80}\b(?:unchanged|unrevised)\s+at\b|\bmost\s+likely\s+outcomes?\b"
    r"|\b(?:outlook|forecast|projection)s?\b[^.;]{0,60}\bcalls?\s+for\b|\b(?:I|we|they)\s+(?:\w+\s+)?look\s+for\b"
    # (not a search for a chance to act: "we look for opportunities to move the target rate", "look for ways to ...")
    r"(?!\s+(?:opportunities|an?\s+opportunity|ways?|a\s+way|means|options|chances\s+to|an?\s+chance\s+to)\b)"
    r"|\b(?:is|are|was|were)\s+(?:expected|projected|forecast|anticipated|predicted|foreseen)(?=\s+(?:in|over|during|by|for|next|later|"
    r"soon|this|before|within|through)\b)"
    # a present tense inside the forecast: "the spot price in our forecast averages $3.90", "sales in our forecast
    # increase by 2.4% in 2025"; what the forecast holds: "our forecast includes 3% fewer heating degree days", "the
    # forecast for 2026 is predicated on ...", "the oil price forecast envisages ..."
    r"|\bin\s+(?:our|the|their|its|this)\s+(?:forecasts?|projections?|outlook|baseline)\s+(?:\w+ly\s+)?(?:(?!(?:is|was|has|does)\b)[a-z]+s|increase|"
    r"decrease|rise|fall|grow|decline|remain|average|reach|peak|stay)\b"
    r"|\b(?:forecasts?|projections?|outlook|baseline)\s+(?:for\s+[^.;]{1,40}?\s+)?(?:includes?(?=[^.;]*(?:\d|"
    r"\b(?:will|next|coming)\b))|envisages?|envisions?|anticipates?|foresees?|(?:is|are)\s+predicated\s+on|rests?\s+on)\b"
    # growth in the forecast: "forecast growth is led by ...", "... drive forecast increases in prices next year"
    r"|\bforecast\s+(?:growth|increases?|decreases?|declines?|rises?|drops?|gains?|slowdown|recovery)\b"
    # "the IMF's forecast of 4.3% growth in 2005": a named forecaster's forecast with its figure
    r"|\b[A-Z][\w.&-]*['’]s\s+(?:latest\s+|new\s+|revised\s+|own\s+)?(?:forecasts?|projections?)\s+(?:of|for)\b"
    r"(?=[^.;]{0,80}(?:\d|\b(?:increase|decrease|rise|decline|pickup|slowdown|return|gradual|further|continued)\b))",
    re.I,
)
# "saw the news as consistent with continued growth", "saw scope for the labor market to continue to draw ...":
# a view of the future when the sentence names a future time or outcome.
_SEEN_AS = patterns.compile(
    r"\b(?:saw|see|sees|seeing|view|views|viewed)\s+(?:scope|room)\s+for\b"
    r"|\b(?:saw|see|sees|view|views|viewed|judged?|judges|regarded?|regards)\b[^.;]{1,120}?\bas\s+(?:being\s+)?"
    r"(?:consistent\s+with\s+(?:continued|further|a\s+(?:further|sustained|gradual))|supportive\s+of|helping\s+to|"
    r"pointing\s+to|likely\s+to|(?:\w+ly\s+)?(?:running|rising|falling|remaining|moving|edging|returning|declining|"
    r"increasing|slowing|picking\s+up|strengthening|weakening|nearing|approaching))"
    # the passive: "increases in household wealth were seen as helping to support continued increases"
    r"|\b(?:is|are|was|were)\s+(?:generally\s+|widely\s+|also\s+)?(?:seen|viewed|regarded|judged)\s+as\s+(?:likely\s+to|"
    r"helping\s+to|supporting|supportive\s+of|consistent\s+with\s+(?:continued|further))",
    re.I,
)
# "we face the substantial risk that underlying inflation is set on an upward trend", "the danger is that wages
# accelerate": a risk that a named change comes about (not "a risk of accelerating inflation", a bare noun phrase)
# indicators read as pointing to a coming outcome ("Looking ahead, surveys point to slower hiring"), with a time
# ahead in words: "point to a more modest increase last month" reads data already in
_POINTS_TO = patterns.compile(r"\bpoints?\s+to\b(?!\s+(?:the\s+)?(?:need|importance|fact|role|value)\b)", re.I)
_AHEAD_VAGUE_WORD = patterns.compile(r"\b(?:next|coming|ahead|later|forward|upcoming)\b", re.I)
# ... and in the past tense of an account, with the time ahead in what they pointed to: "survey indicators still
# pointed to contracting activity in the near future" (not "near-term indicators pointed to continued caution", nor
# "participants pointed to a number of factors")
_POINTED_TO = patterns.compile(
    r"\b(?:pointed|pointing)\s+to\b(?!\s+(?:the\s+)?(?:need|importance|fact|role|value)\b)"
    r"(?!\s+(?:a\s+(?:number|variety|range)\s+of|various|several|many|some|other|two|three|four)\s)"
    r"(?=[^.;:]{0,120}?\b(?:in\s+the\s+(?:near\s+|foreseeable\s+)?future|(?:months|quarters|years?)\s+ahead|"
    r"(?:coming|next)\s+(?:few\s+)?(?:months|quarters|years?)|near[- ]term|later\s+this\s+year)\b)",
    re.I,
)
# indicators said to point to or signal a state "ahead", "ahead" closing what they point to, in any tense (the guide,
# forty-second batch: "survey indicators pointed to weaker growth ahead", "leading indicators continued to signal weak
# trade developments ahead"), and indicators that signal an upturn not yet come ("continued to signal a slight
# rebound"), with no period named after it (not "signalled a rebound in the second quarter of 2025", data in; not
# "participants pointed to the challenges ahead": no indicator; not "press ahead", an act)
_INDICATOR_SUBJECT = r"\b(?:indicators?|surveys?|data|PMIs?|readings?|index|indices|orders)\b[^.;:]{0,60}?"
_INDICATORS_AHEAD = patterns.compile(
    _INDICATOR_SUBJECT
    + r"\b(?:(?:pointed|pointing|points?)\s+(?:to|towards)|signal(?:s|led|ed|ling)?|suggest(?:s|ed)?)\s+"
    r"(?!(?:the\s+)?(?:need|importance|fact|role|value)\b)"
    r"(?=[^.;:]{0,80}?\b(?!(?:look|looking|go|going|went|press|pressing|move|moving|forge|push|pushing)\b)[a-z]+\s+ahead\b)"
    r"|" + _INDICATOR_SUBJECT + r"\bsignal(?:s|led|ed|ling)?\s+(?:an?\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:rebound|recovery|pickup|pick-up|upturn|turnaround)\b"
    r"(?![^.;:]{0,40}?\b(?:in|during|over|throughout|since)\s+(?:the\s+)?(?:first|second|third|fourth|last|past|recent|"
    r"(?:19|20)\d\d)\b)",
    re.I,
)
# indicators read in the present as pointing to a continued state ("order books point to continued expansion", "the
# PMI stood at 53, pointing towards continued growth", "such data do suggest continued easing"): that it goes on, the
# speeches' and accounts' reading of the latest data; not the past tense of a report ("surveys pointed to continued
# caution"), not "the continued importance of" (a thing now), nor with a period named that is in or over
_POINTS_TO_CONTINUED = patterns.compile(
    r"\b(?:points?|pointing|suggests?|suggesting|signals?|signall?ing|indicates?|indicating)\s+(?:to\s+|towards?\s+)?"
    r"continued\b(?![^.;]{0,80}?\b(?:last|past|recent(?:ly)?|so\s+far|to\s+date|this\s+(?:quarter|month)|in\s+the\s+"
    r"(?:first|second|third|fourth)\s+quarter)\b)",
    re.I,
)
_RISK_THAT = patterns.compile(
    r"\b(?:risk|danger|chance|threat)s?\s+(?:is\s+|was\s+)?that\b(?=[^.;]{0,160}?\b(?:rise|rises|rising|increase|increases|"
    r"accelerate|accelerates|pick|picks|move|moves|edge|edges|climb|climbs|fall|falls|decline|declines|slow|slows|"
    r"weaken|weakens|strengthen|strengthens|persist|persists|become|becomes|spread|spreads|exceed|exceeds|overshoot|"
    r"set|trend|drift|drifts|build|builds|intensify|intensifies|emerge|emerges|tip|tips|turn|turns)\b)",
    re.I,
)
# "the possibility of weaker loan demand in the future": a possibility with a named time ahead
_POSSIBILITY_AHEAD = patterns.compile(
    r"\b(?:possibility|prospects?|likelihood|probability)\s+(?:of|that|(?=(?:this|it|the\s+\w+)\s+\w+s\b))"
    r"(?=[^.;]{0,120}?\b(?:sooner|in\s+the\s+(?:future|"
    r"months|quarters|years)\s+ahead|in\s+the\s+future|next\s+(?:year|quarter|month)|coming\s+(?:months|quarters|years?)|"
    r"over\s+the\s+next)\b)",
    re.I,
)
# a prospect said to be little or none, with a time ahead in words ("with little prospect of the conflict or those
# price pressures abating very soon", "sees little prospect for a turnaround in commercial construction in the near
# term"): the change is unlikely to come by then, like "chances ... are quite small" (0.2); not a named past year
_LITTLE_PROSPECT = patterns.compile(
    r"\b(?:little|no|scant|slim|dim|remote)\s+prospects?\s+(?:of|for|that)\b(?=[^.;]{0,120}?\b(?:soon|shortly|"
    r"any\s*time\s+soon|in\s+the\s+(?:near|foreseeable)\s+(?:term|future)|near[- ]term|(?:next|coming)\s+(?:few\s+)?"
    r"(?:months|quarters|years?|year|quarter|month)|(?:months|quarters|years)\s+ahead)\b)",
    re.I,
)
# "we see the economy slowing in the second half", "we see inflation at 3 percent by the end of 1997": an active
# "see" with what is seen and a time ahead; not "we see no evidence", "we don't see", "would like to see".
_SEE_AHEAD = patterns.compile(
    r"\b(?:see|sees|foresee|foresees|saw)\s+(?!no\b|little\b|nothing\b|or\b|any\b|much\b|anything\b|a\s+(?:need|reason)\b|"
    r"that\b|it\b|this\b|them\b|what\b|how\b|whether\b|if\b|why\b|the\s+(?:data|news|report|evidence|need)\b)"
    # what is seen is a change or a level: "growth picking up", "inflation at 3 percent", "a slowdown"
    r"(?=(?:[\w'’-]+\s+){0,6}?(?:\w+ing\b|(?:at|near|around|above|below|to)\s+(?:about\s+)?[$€£]?\d|"
    r"(?:slowdown|pickup|pick-up|increase|decline|rise|fall|rebound|acceleration|deceleration|growth|recovery|"
    r"expansion|contraction|improvement|deterioration|moderation|upturn|downturn|slowing|strengthening|weakening|"
    r"recession)s?\b))",
    re.I,
)
# the period under way, as a forecast names it ("this year", "the current quarter", "in fiscal 2025"); not a month,
# which a forecast recalled for a month already reported names too
_THIS_PERIOD = patterns.compile(
    r"\b(?:this|the\s+current)\s+(?:year|quarter|fiscal\s+year|season|marketing\s+year)\b"
    r"|\b(?:in|for|by|through)\s+(?:the\s+)?fiscal\s+(?:year\s+)?(?:19|20)\d\d\b",
    re.I,
)
# a headline's or a bullet's forecast with no copula, "to" and the change: "Inflation to ease to 2.1 percent in 2026",
# "Farm income to rise 29 percent in 2025", with a figure or a time ahead after it; not a purpose or a plan ("Plans to
# raise rates", "Room to ease policy", "The decision to hold rates"), a scheduled act ("Bank to publish its report on
# July 30": no change verb), nor a clause with a verb of its own before "to" ("Officials agreed to ease restrictions")
_HEADLINE_TO = patterns.compile(
    r"^\W*(?!(?:the\s+|a\s+|an\s+|its\s+|their\s+|our\s+)?(?:how|what|why|when|where|who|plans?|aims?|decisions?|"
    r"moves?|bids?|efforts?|ability|failure|needs?|ways?|right|time|reasons?|steps?|measures?|policies|actions?|tools?|"
    r"programs?|room|scope|space|enough|attempts?|proposals?|pressures?|calls?|pledges?|promises?|goals?|targets?|"
    r"intentions?|readiness|willingness|it|this|that|there)\b)"
    r"(?:(?!(?:is|are|was|were|be|been|has|have|had|will|would|could|should|may|might|can|did|does|do|not|plans?|aims?|"
    r"wants?|seeks?|needs?|hopes?|intends?|tries|vows?|pledges?|promises?|threatens?|agrees?|decides?|votes?|moves?|"
    r"continues?|begins?|starts?|expects?|helps?|used|going|set|due|enough|order)\b)(?![a-z]+ed\b)[\w'’.$%/-]+\s+){1,5}?"
    r"(?P<to>to)\s+(?:rise|fall|ease|grow|slow|remain|stay|peak|reach|decline|increase|decrease|climb|drop|rebound|"
    r"recover|edge|moderate|accelerate|average|top|exceed|return|contract|expand|shrink|widen|narrow|weaken|strengthen|improve|"
    r"surpass|double|dip|slip|soften|firm|stabili[sz]e|hover|hold\s+steady)\b"
    r"(?=[^.;]{0,80}?(?:\d|\b(?:next|coming|ahead|later|this\s+year)\b))",
    re.I,
)
# a chance put on an event, with its figure or its size: "Survey participants see a 35 percent chance of a recession",
# "Economists surveyed put the odds of a recession at 40 percent", "sees little chance that inflation returns to target
# before 2027"; not a chance asked for ("asked to put the odds of a recession on a scale"), nor one of a year gone
_CHANCE_PUT = patterns.compile(
    r"\b(?:see|sees|saw|put|puts|place|places|placed|assign|assigns|assigned)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)|little|no|some|(?:very\s+)?(?:high|low|small|slim|significant|strong|"
    r"good|\w+er))\s+(?:chances?|odds|probability|likelihood)\s+(?:of|that)\b"
    r"|(?:chances?|odds|probability|likelihood)\s+(?:of|that)\b(?=[^.;]{0,80}?\bat\s+(?:about\s+|around\s+)?\d))",
    re.I,
)
# a change the holder does not see coming, an expectation of no change (the guide: "does not foresee a problem
# spreading" counts like "does not anticipate"): "we do not see a noticeable pickup in inflation"; not evidence or
# imbalances seen in the present ("we do not see much evidence", "did not see imbalances that posed risks")
_CHANGE_NOUN = (
    r"(?:pickup|pick-up|increase|rise|decline|fall|drop|slowdown|slowing|acceleration|deceleration|rebound|recovery|"
    r"upturn|downturn|recession|contraction|improvement|deterioration|moderation|weakening|strengthening|easing|"
    r"tightening|spike|surge|jump|turnaround|reversal|cut|hike|reduction)s?"
)
# a seasonal outlook's tilt of the odds towards a category against normal ("The greatest chance for above-average
# temperatures is in the Great Lakes region", "have elevated odds of above-average temperatures"): a chance with no
# number, hedged like "could"; not in a sentence about the past ("Last winter had the highest odds ...")
_TILTED_ODDS = patterns.compile(
    r"(?<!\bhad\s)(?<!\bhad\sthe\s)\b(?:greatest|greater|highest|higher|elevated|increased|enhanced|best)\s+(?:chances?|odds|"
    r"probabilit(?:y|ies)|likelihood)\s+(?:for|of)\s+(?:above|below|near)[- ](?:average|normal|median)\b",
    re.I,
)
# a change named as the subject of "is expected" that closes the clause ("no improvement is expected", "further
# declines are expected"): the expectation of that change, or with "no" of none; not "were expected" (the past), nor
# a release ("data on the decline are expected later today": the subject is not the change)
_CHANGE_EXPECTED = patterns.compile(
    r"\b(?:no|little|further|some|more|an?|continued|modest|slight|gradual|significant|sharp|steep)\s+(?:[\w-]+\s+){0,2}?"
    + r"(?:"
    + _CHANGE_NOUN
    + r"|changes?)(?:\s+in\s+[\w-]+(?:\s+[\w-]+){0,2}?)?\s+(?:is|are)\s+"
    r"(?:now\s+|also\s+|still\s+|widely\s+|generally\s+)?"
    r"(?:(?:expected|anticipated|forecast|predicted|projected|foreseen|in\s+prospect|in\s+store)\b"
    r"(?=\s*(?:[.,;:]|$|\s+(?:and|but)\b))"
    # ... and a change said to be in sight, whatever follows: "A gradual recovery in exports is in sight for the second
    # half of the year", "no improvement is on the horizon"
    r"|(?:in\s+sight|on\s+the\s+horizon|in\s+the\s+offing)\b)",
    re.I,
)
_NOT_SEEN_CHANGE = patterns.compile(
    r"\b(?P<c>(?:do|does|did)\s+not\s+(?:see|foresee)|(?:don|doesn|didn)['’]t\s+(?:see|foresee))\s+"
    rf"(?:a|an|any)\s+(?:[\w-]+\s+){{0,2}}?{_CHANGE_NOUN}\b",
    re.I,
)
# a change said to be the likeliest outcome, "most likely" closing the clause: "some slowing seems most likely"
# (not the adverb of inference "most likely reflects", nor a state "that explanation seems most likely")
_LIKELIEST_CHANGE = patterns.compile(
    rf"\b{_CHANGE_NOUN}\b(?:\s+(?!(?:is|are|was|were|seems?|appears?|looks?)\b)[\w-]+){{0,3}}\s+"
    r"(?:seems?|appears?|looks?|is|are)\s+(?P<c>most\s+likely)\s*(?=[.;:!]|,|\s+(?:and|but)\b|$)",
    re.I,
)
_BY_WHEN = patterns.compile(
    r"\b(?:by|through|in|for|until)\s+(?:the\s+)?(?:mid-?year|year-?end|end\s+of|(?:first|second|third|fourth)\s+quarter\s+of|"
    r"(?:19|20)\d\d)",
    re.I,
)
_SEASON_AHEAD = patterns.compile(
    r"\bin\s+the\s+(?:spring|summer|fall|autumn|winter)\b(?!\s+(?:of\s+)?(?:19|20)\d\d)", re.I
)
_TIME_AHEAD = patterns.compile(
    r"\b(?:in\s+(?:our|the|their|its|this)\s+(?:forecast|projection|outlook)|forecast\s+(?:period|horizon)|"
    r"next|coming|ahead|later|(?:near|short)[- ](?:term|run)|second\s+half|remainder|rest\s+of|going\s+forward|"
    r"go\s+forward|by\s+the\s+end|over\s+the\s+next|(?:in|by|for|during|through)\s+(?:19|20)\d\d)\b",
    re.I,
)
# the participle of a present perfect after "have": "we have acted", "they have seen", "we have been"
_PERFECT_AFTER = (  # a forecaster's own verbs stay a forecast: "we have assumed", "we have penciled in", "we've got"
    r"\s+(?:(?:not|never)\s+)?(?:\w+ly\s+)?(?!(?:assumed|projected|expected|forecasted|penciled|pencilled|pegged|factored|"
    r"incorporated|got|gotten)\b)(?:[a-z]+ed|been|seen|had|done|made|taken|given|become|grown|risen|fallen|come|gone|kept|held|"
    r"begun|shown|known|brought|built|found|heard|felt|told|said|thought|put|set|cut)\b"
)
# the "-ing" word of a speaker's "we have inflation running at ...": a verb after the variable, not a noun the speakers
# have or had ("we had a meeting with builders", "a great deal of easing in the pipeline", "projects scheduled for
# coming months") nor a thing that comes out of a meeting ("a task coming out of this meeting")
# ... of which a change the forecast names may follow an article ("we have a slowing in growth to 1 percent next year",
# "we have some firming in inflation"), not a preposition ("a great deal of easing in the pipeline")
_ING_AFTER_NOUN = (
    r"(?<!\bof\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bour\s)(?<!\bfor\s)(?<!\bwith\s)"
    r"(?!coming\s+(?:out\s+of|up\b(?!\s+to\s+(?:about\s+|around\s+)?\d)))"
)
_ING_VERB = r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bno\s)(?<!\bsome\s)(?<!\bany\s)" + _ING_AFTER_NOUN
# a forecaster's figure for a time ahead: "the Blue Chip group put CPI inflation at 3 percent through 1997",
# "market expectations of a 50 basis point cut by midyear", "the consensus forecast for growth of 2.5% next year"
_FIGURE_AHEAD = patterns.compile(
    r"\b(?P<w>put|puts|putting|pegged|pegs|pegging|placed|places|sees|saw)\s+(?:[\w'’-]+\s+){1,6}?at\s+(?:about\s+|around\s+|"
    r"roughly\s+|nearly\s+|just\s+(?:over|under)\s+)?[$€£]?\d"
    # "the Greenbook forecast for core inflation remains below 3 percent": the forecast's content
    r"|\b(?P<r>(?:forecasts?|projections?)\s+(?:for|of)\b[^.;]{0,80}?\b(?:remains?|remained|is|was|stands?|stood)\s+"
    r"(?:unchanged\s+)?(?:at|below|above|near|around|close\s+to|under|over))\s+(?:about\s+)?[$€£]?\d"
    r"|\b(?P<n>(?:expectations?|forecasts?|projections?|predictions?|estimates?)\s+(?:of|for|that))\b"
    r"(?=[^.;]{0,60}?[$€£]?\d)"
    # "our forecast shows core CPI rising to 3 percent in 1998", "the consensus was for growth of 2 percent in 1997"
    r"|\b(?P<s>(?:forecasts?|projections?|outlook|baseline|simulations?|consensus|Greenbook)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:(?:now|still|also)\s+)?(?:shows?|showed|has|have|had|puts?|sees?|implies|implied|envisions?|"
    r"(?:is|was|are|were|remains?|remained)\s+for))\b"
    # a speaker's forecast in a transcript: "we have the unemployment rate staying at 5-1/2 percent" (a level or a
    # change, no time needed), "we have inflation running at about 3 percent through 1997" (with a time ahead)
    # (not a present perfect: "we have acted boldly to address rising inflation", "we have seen prices falling")
    # (not "we have to keep in mind": an obligation)
    r"|\b(?P<g>(?:we|they|you)(?:\s+(?:now\s+|still\s+|also\s+)?have|['’]ve)(?:\s+got)?)(?!"
    + _PERFECT_AFTER
    + r"|\s+to\b)\s+"
    r"(?=(?:[\w'’-]+\s+){1,6}?" + _ING_AFTER_NOUN + r"(?:staying|rising|"
    r"falling|edging|running|moving|picking|slowing|declining|increasing|remaining|holding|growing|expanding|averaging|"
    r"flattening|leveling|levelling|turning|dropping|easing|firming|accelerating|decelerating)\b)"
    r"|\b(?P<h>(?:we|they|you)(?:\s+(?:now\s+|still\s+|also\s+)?(?:have|had)|['’]ve)(?:\s+got)?)(?!"
    + _PERFECT_AFTER
    + r"|\s+to\b)\s+"
    r"(?=(?:[\w'’-]+\s+){1,6}?(?:" + _ING_VERB + r"\w+ing\b|at\s+"
    r"(?:about\s+|around\s+)?[$€£]?\d))"
    # a figure in the forecast: "the stock market correction in the forecast is about 5 percent"
    r"|\b(?P<f>in\s+(?:the|our|their|its|this|that|the\s+staff['’]s|the\s+Greenbook)\s+(?:forecasts?|projections?|"
    r"outlook|baseline))\b(?=[^.;]*?\b(?:is|are|was|were|of|at)\s+(?:about\s+|around\s+|roughly\s+)?[$€£]?\d)",
    re.I,
)
# "we have" or "they have" before "been" or a participle: the present perfect ("They have been low and declining", "we
# have acted boldly to address rising inflation"), not a speaker's forecast ("we have inflation running at about 3
# percent"; "we've got", "we have assumed", "we have penciled in" are one)
_HAVE_BEEN = patterns.compile(
    r"\s*(?:\w+ly\s+)?(?:been|(?!(?:assumed|projected|expected|forecasted|penciled|pencilled|pegged|factored|"
    r"incorporated|built|put|got|gotten|had|need|needed|seed|speed|feed|bleed|breed|proceed)\b)(?:[a-z]+ed|"
    + _IRREGULAR
    + r"|taken|given|seen|done|gone|shown|grown|known|chosen|driven|begun))\b",
    re.I,
)
# a wish is not a forecast: "I would like to be in a situation where inflation is projected to come down"; nor is a
# hope (the guide: retailers' hope that the coming days will rescue a season): "Retailers are hopeful that the last week
# will deliver them", "Hopefully, we will see these improvements continue", "I hope that rates will stay low"
_WISH = patterns.compile(
    r"\b(?:would|'d)\s+(?:\w+ly\s+|also\s+|just\s+|still\s+|first\s+)?(?:like|love|prefer)\s+to\b[^;]*?(?=;|,\s+but\b|$"
    # (a clause of its own after it with a forecast: "Businesses would still like to hire, and job growth will stay
    # above 150,000 a month", "Firms would still prefer to hire, so unemployment will stay near 4 percent")
    r"|,\s+(?:and|so)\s+(?!I\b|we\b)(?:[\w'’-]+\s+){1,4}?(?:will|should|(?:is|are)\s+(?:likely|expected)\s+to)\b)"
    r"|\b(?:I|we)\s+(?:\w+ly\s+)?wish\b[^;]*?(?=;|,\s+but\b|$)"
    # a hope, whoever holds it (the guide's negatives): "India is hoping its economy will improve", "officials hope
    # that buyers will return", "Hopefully, we will see these improvements continue"; up to the next main clause
    r"|\b(?:hopes?|hoped|hoping|hopeful|hopefully)\b(?!\s+(?:for|of)\b)[^;]*?"
    r"(?=;|,\s+(?:but|and|while|although|whereas)\b|$)"
    r"|^[^;]*,\s+(?:I|we)\s+(?:\w+ly\s+)?hope\W*$",  # "Inflation will come down next year, I hope."
    re.I,
)
_SAYING = patterns.compile(
    r"\b(?:said|says|say|told|tells|stated|states|noted|notes|added|adds|warned|warns|wrote|writes|argued|argues|"
    r"believed|believes|believe|thought|thinks|think|expected|expects|expect|predicted|predicts|predict|forecast|"
    r"forecasts|projected|projects|estimated|estimates|anticipated|anticipates|signalled|signaled|indicated|"
    r"suggested|suggests|cautioned|according\s+to|reckons?|reckoned|assessed|assesses|judged|judges|"
    r"concluded|concludes|insisted|insists|maintained|maintains|acknowledged)\b",
    re.I,
)
_DECISION = patterns.compile(
    r"\b(?:decided|agreed|voted|approved|announced|pledged|promised|committed|resolved|confirmed|ruled|determined|"
    # "agreed in January to begin publishing their estimates": a decision told with its time
    r"chose|opted)\s+(?:(?:on|in|at|during|last|earlier)\s+(?:\w+\s+){1,2}?)?"
    r"(?:that\s*)?(?:,[^.;,]{0,60},\s*)?(?:it|they|we|I|he|she|the\s+\w+)?\s*(?:would|will|to)\b",
    re.I,
)
_ABBREVIATION = patterns.compile(r"\b(?:[A-Z]\.){2,}")
_OWN_PATH = patterns.compile(r"\band\s+(?:\w+\s+)?(?P<v>anticipates|expects|projects|foresees)\s+that\b", re.I)
_NOT_PREDICTION = patterns.compile(
    r"\byou(?:'ll|\s+will|\s+would|'d)\b|"  # the generic reader: "you will need a deposit"
    # a report described by its topics, not its findings: "The new report ... discusses significant changes to the
    # fiscal condition, long-term simulations of the debt, and fiscal risks placing pressure on the budget"
    r"^\W*(?:the|this|our|its|their)\s+(?:new\s+|latest\s+|annual\s+|full\s+)?(?:report|study|paper|analysis|chapter|"
    r"brief|review|volume)\b[^.;]{0,200}?\b(?:discusses|describes|examines|covers|reviews|outlines|summari[sz]es|"
    r"explores|addresses|presents|documents)\s+(?!that\b|how\b|whether\b|why\b|what\b|when\b)|"
    # (also with a modal: "while it may be difficult to make a judgment as to the magnitude of that impact")
    r"\b(?:remains?\s+to\s+be\s+seen|(?:it\s+is|it's|it\s+was|it\s+(?:may|might|could|will|would)\s+(?:well\s+)?be)\s+"
    r"(?:still\s+)?(?:unclear|uncertain|not\s+clear|too\s+(?:early|soon)|hard|difficult|impossible)\s+"
    r"(?:to\s+(?:say|tell|know|predict|judge|gauge|assess|make\s+(?:a|any)\s+(?:\w+\s+)?judg(?:e)?ment)|"
    r"whether|if|how|what|when)|(?:it\s+is|it's|it\s+was)\s+(?:still\s+|also\s+)?(?:unclear|not\s+(?:at\s+all\s+)?clear)\s+that"
    # (a doubt conceded before a forecast is no doubt of it: "It is not clear that demand will hold up, but prices are
    # expected to rise next year")
    r"(?![^.;]*,\s+but\b)"
    r"|no\s+one\s+(?:knows|can\s+say)|nobody\s+knows|there\s+is\s+no\s+(?:telling|way\s+to\s+know)"
    r"|(?:it\s+is|it's)\s+(?:anyone's|anybody's)\s+guess|time\s+will\s+tell|only\s+time\s+will\s+tell"
    # a doubt put as a caution: "we cannot assume that improvement will be steady"
    # ... also as what we do not want to assume: "we don't want to assume that none of them will be able to"
    r"|(?:cannot|can\s*not|can['’]t|should\s+not|shouldn['’]t|(?:do\s+not|don['’]t|would\s+not|wouldn['’]t)\s+want\s+to)\s+"
    r"(?:simply\s+)?(?:assume|take\s+(?:it\s+)?for\s+granted|"
    r"count\s+on\s+it|be\s+(?:sure|certain))\s+that"
    # no expectation, rather than an expectation of the opposite: "we can't expect continued outsized gains"
    r"|(?:cannot|can\s*not|can['’]t|should\s+not|shouldn['’]t)\s+(?:reasonably\s+|realistically\s+)?expect)\b"
    # what the speaker will watch for, and waiting: "it will be interesting to see whether", "we have to wait and see"
    r"|\b(?:it\s+will|it['’]ll|it\s+would)\s+be\s+(?:\w+\s+)?(?:interesting|important|useful|instructive|worth\s+watching)\s+"
    r"to\s+(?:see|watch|learn|know)\b|\bwait\s+and\s+see\b"
    # a question put as a statement, a doubt, a supposition: "I wonder whether growth will slow", "the question is
    # whether the Fed will cut", "I don't know whether growth will pick up", "Suppose inflation rises to 5 percent"
    r"|\bwonder(?:s|ed|ing)?\s+(?:whether|if|how|when|what|why)\b"
    r"|\b(?:question|issue|uncertainty)\s+(?:now\s+)?(?:is|was|remains)\s+(?:whether|if|how|when)\b|\bopen\s+question\s+(?:whether|if|how)\b"
    r"|^\W*whether\b|^\W*(?:suppose|imagine|what\s+if)\b"
    r"|\b(?:I|we)\s+(?:do\s+not|don['’]t|cannot|can['’]t|can\s+not)\s+(?:really\s+)?(?:know|say|tell|predict|foresee)\s+"
    r"(?:whether|if|how|when|what)\b"
    r"|\b(?:I|we)\s+(?:am|are)\s+not\s+(?:\w+\s+)?(?:sure|certain)\s+(?:whether|if|how|when|what)\b"
    r"|\b(?:I|we)['’](?:m|re)\s+not\s+(?:\w+\s+)?(?:sure|certain)\s+(?:whether|if|how|when|what)\b"
    # a forecast restated on the condition that it comes true: "If realized, the 2026 forecast would mark ..."
    r"|^\W*if\s+(?:realized|realised|borne\s+out|(?:it\s+is\s+|they\s+are\s+)?(?:realized|realised)|"
    r"(?:this|that|it|these)\s+(?:forecast\s+|projection\s+)?(?:materiali[sz]es?|comes?\s+true|is\s+realized|are\s+realized))\b"
    # "Should the projection hold, exports would reach a record", "If the forecast proves accurate, ...": the same
    r"|^\W*(?:if|should)\s+(?:the|this|that|these|our|its|their)\s+(?:[\w-]+\s+){0,2}?(?:forecasts?|projections?|outlook|"
    r"estimates?|expectations?|baseline)\s+(?:hold|holds|prove|proves|be\s+realized|is\s+realized|are\s+realized|"
    r"materiali[sz]es?|comes?\s+true|come\s+to\s+pass|pans?\s+out|(?:is|are|be)\s+borne\s+out)\b"
    # ... and a consequence stated on the condition that a projected exhaustion happens (the guide: "a consequence
    # stated on the condition that a projected event (a fund's exhaustion) happens is a conditional restatement"): "If
    # the fund is exhausted, many retirees will see their benefits reduced", "If the trust funds are depleted, ..."
    r"|^\W*if\s+(?:the|this|that|its|their|these|a)\s+(?:[\w-]+\s+){0,3}?(?:funds?|reserves?|accounts?|balances?)\s+"
    r"(?:is|are|were|was|becomes?|become|gets?|get)\s+(?:\w+ly\s+)?(?:exhausted|depleted|insolvent|used\s+up)\b"
    # a counterfactual about the past: "Had we not increased the OCR, inflation would now be higher"
    r"|^\W*had\s+(?:\w+\s+){1,3}?not\s+\w+|\bif\s+(?:\w+\s+){1,3}?had\s+not\s+\w+",
    re.I,
)
_PAST_NOTE = patterns.compile(
    r"\b(?:than|as|had\s+been|had|previously|originally|initially)[\s-]+(?:expected|forecast|forecasted|"
    r"predicted|projected|anticipated|estimated|feared|hoped|planned)\b|\bunexpected(?:ly)?\b"
    r"|\b(?:that|which|than|as)\s+(?:we|I|they|he|she|the\s+staff)\s+(?:had\s+)?(?:anticipated|expected|forecast|"
    r"predicted|projected|feared)\b"
    # ... unless it reports what they expect: "reported that they expected their operations to return to normal"
    r"(?!\s+(?:that\b|(?:[\w'’-]+\s+){1,6}?to\s+(?!date\b)[a-z]))"
    # a comparison with someone's expectation: "faster than the Committee currently anticipates"
    r"|\bthan\s+(?:the\s+)?(?:[\w'’]+\s+){0,3}?(?:currently\s+|now\s+|had\s+|previously\s+|originally\s+)?"
    r"(?:anticipates?|expects?|projects?|forecasts?|predicts?|assumed|anticipated|expected|projected|predicted)\b"
    r"|\bthan\s+would\b"  # "more likely to be passed through than would less observable costs"
    # an option or an outcome measured against what others expect: "goes beyond what most are expecting at this point"
    r"|\b(?:beyond|above|below|exceeds?|exceeded|exceeding|short\s+of|more\s+than|less\s+than)\s+what\s+"
    r"(?:[\w'’]+\s+){0,3}?(?:(?:is|are|was|were)\s+)?(?:currently\s+|now\s+)?(?:expect(?:s|ing|ed)?|anticipat(?:es?|ing|ed)|"
    r"project(?:s|ing|ed)?|forecast(?:s|ing)?|predict(?:s|ing|ed)?)\b",
    re.I,
)
_META = patterns.compile(
    r"\b(?:this|the|our)\s+(?:report|article|paper|section|chapter|analysis|note|study|document|brief|box|table|"
    r"chart|figure|statement|release)\s+(?:will|would|should|may|could)\b"
    # what projections are, not what they say: "CBO's projections are not predictions of what will happen"
    r"|\b(?:is|are|were|was)\s+not\s+(?:a\s+)?(?:predictions?|forecasts?)\s+(?:of|about)\s+(?:what|how|when|whether)\s+"
    r"(?:\w+\s+){0,3}?(?:will|would|might|could)\b"
    r"|\b(?:my|our|these|this|today['’]s)\s+(?:remarks|talk|speech|comments|presentation|testimony|discussion|lecture)\s+"
    r"(?:will|shall|would)\b"
    r"|\b(?:we|i)(?:\s+(?:will|shall|would)|['’](?:ll|d))\s+(?:not\s+)?(?:(?:then|also|now|first|briefly|just|simply|next|"
    r"later|only|quickly)\s+)?"
    r"(?:come\s+back|get\s+back|have\s+(?:more|something|a\s+(?:few|little)\s+\w+|little|nothing)\s+(?:more\s+)?to\s+say|"
    r"move\s+(?:that|to|on|the|adoption)|take\s+(?:that|this|it)\s+as|stop|close|conclude|end\s+(?:with|by|there|here)|"
    r"wrap\s+up|answer|take\s+(?:your\s+|some\s+|any\s+)?questions|circulate|report\s+(?:on|back)|yield|entertain|"
    r"discuss|examine|describe|look|explain|show|present|review|return|consider|focus|outline|argue|explore|talk|hear|"
    r"keep\s+(?:my|our|this|it)|be\s+brief|limit|confine|comment|mention|add|pass|defer|skip|try|speculate|disclose|"
    # the speakers' own stance, not the state of the world: "we will be watchful", "we will not do that"
    r"be\s+(?:watchful|vigilant|alert|careful|ready|prepared)|do\s+(?:that|this|it|so)|"
    r"turn|begin|start|summari[sz]e|detail|highlight|note|see\s+(?:below|later|in))\b|\bas\s+(?:we|you)\s+(?:will|shall)\s+see\b"
    # a speaker's "I will" is what the speaker is about to do ("I will support your recommendation", "I'll be very
    # brief", "I will also touch on the outlook"), not a forecast; the modal alone is masked, so that a forecast in
    # the rest of the sentence still counts, and "I will be surprised if" stays
    # (and in the negative: "I won't repeat what he said", "I will not attempt to answer")
    r"|\bI(?:\s+(?:will|shall)|['’]ll|\s+won['’]t|\s+shan['’]t)\b(?!\s+be\s+(?:\w+\s+)?(?:surprised|shocked|amazed|"
    r"astonished)\b)"
    # and a "we" doing the same: "we will not hesitate to act", "we'll take a short break"
    r"|\bwe(?:\s+(?:will|shall)|['’]ll|(?:\s+are|['’]re)\s+going\s+to)\s+(?:not\s+)?(?:\w+ly\s+)?(?:hesitate|act|"
    r"support|go\s+along|vote|have\s+(?:a|the)\s+vote|go\s+around|"
    r"be\s+(?:voting|looking|watching|monitoring|listening|discussing|meeting|taking)|take\s+a\s+(?:short\s+)?break|"
    r"get\s+to|have\s+to\s+(?:wait|see)|stand\s+ready|continue\s+to\s+(?:monitor|watch|assess|pay))\b"
    # "we'll see what happens": a wait, not a forecast; "we will get the employment report on Friday": a schedule
    r"|\bwe(?:['’]ll|\s+will|\s+shall)\s+(?:just\s+)?(?:have\s+to\s+)?see\s+(?:what|how|whether|if|where)\b"
    r"|\b(?:we|you|they)(?:['’]ll|\s+will|\s+shall)\s+(?:\w+\s+)?(?:get|have|see|receive)\s+(?:the|a|an|another|more|some|our)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:reports?|data|numbers|figures|readings?|releases?|tests?|estimates?)\b",
    re.I,
)
_ADVICE = patterns.compile(
    r"\b(?:you|one|governments?|policymakers|policy\s*makers|investors|readers|companies|firms|regulators|"
    r"leaders|users|committee|fed|members|participants)\s+(?:should|must|ought\s+to)\b"
    r"|\b(?:we|i|they)\s+(?:should|must|ought\s+to)\b(?!\s+(?:see|get|have|experience|observe|find|expect)\b)"
    # (not an outcome: "they should fall back next year" of prices, "we should be back at full employment by 2027")
    r"(?!\s+(?:\w+ly\s+)?(?:be\s+(?:back|at|near|around|above|below|close|on\s+track|in\s+(?:recession|surplus|deficit))|"
    r"(?:fall|rise|recover|rebound|decline|increase|decrease|ease|slow|pick\s+up|improve|weaken|strengthen|grow|shrink|"
    r"drop|climb|return|stabili[sz]e|moderate|edge)(?:\s+back)?)\b)"
    # an agent that acts by deliberation, with an act (the guide's forty-fifth and fiftieth batches: "lenders should
    # work with borrowers", "a central bank should update its tools"); its outcomes stay ("banks should see their
    # margins widen", "lenders should benefit from higher rates")
    r"|\b(?:banks|lenders|servicers|central\s+banks?|supervisors|authorities|bankers|boards|insurers)\s+"
    r"(?:should|must|ought\s+to)\s+(?:\w+ly\s+|also\s+|first\s+)?(?!(?:see|get|have|be|experience|observe|find|expect|"
    r"benefit|gain|lose|suffer|face|feel|remain|stay|continue|become|report|post|earn|record|enjoy|show|need|"
    r"come|end\s+up)\b)[a-z]+\b"
    r"|\b(?:should|must|ought\s+to)\s+"
    r"(?:\w+\s+)?(?:consider|ensure|focus|prioriti[sz]e|avoid|adopt|act|seek|aim|strive|invest|be\s+careful|"
    r"beware|remember|note|try|keep|take\s+steps|make\s+sure|work\s+to|do\s+more|emphasi[sz]e|stress|"
    r"communicate|clarify|monitor|allow|let|permit|implement|pursue|reform|undertake|refrain|resist|tackle|address)\b"
    r"|\bone\s+(?:would|could|might|may)\b"  # the generic "one" makes the sentence a hypothetical
    r"|\b(?:could|may|might)\s+be\s+(?:argued|said|noted|seen\s+as|described|considered|used|applied|"
    r"asked)\b|\b(?:could|may|might)\s+(?:use|want|wish|choose|like|access|find|read|learn|ask)\b",
    re.I,
)
_HEDGED = {"should", "could", "may", "might", "ought"}
# A future time, named or vague: what a hedged or hypothetical modal needs to state a future outcome.
_FUTURE_TIME = patterns.compile(
    r"\b(?:(?:19|20)\d\d|next|coming|ahead|future|forward|later|eventually|soon|over\s+time|"
    r"(?:medium|near|short|long|longer)[- ](?:term|run)|remainder|rest\s+of|by\s+the\s+end|"
    r"(?:this|the)\s+(?:year|quarter|month|decade)|quarters?|years?|months?|persist|continue|remain|again|further|"
    r"(?:pick|edge|move|step)\s+(?:up|down)|rise|fall|increase|decline|slow|ease|grow|expand|contract|return|reach|"
    r"recover|improve|strengthen|weaken|accelerate|moderate|abate|firm|stabili[sz]e|run|boost|pose|lift|weigh|"
    r"push|drag|support|provide|tighten|loosen|move|harbinger|upcoming|prospects?|impetus|slacken|soften|widen|"
    r"narrow|deteriorate|worsen|falter|stall|plateau|peak|start|begin|emerge|shrink|"
    r"cut|close|shut|sell|buy|merge|acquire|launch|hire|lose|win|fail|collapse|default|ban|approve|reject|raise|"
    r"lower|hit|miss|beat|exceed|top|double|halve|jump|drop|plunge|soar|surge|slump|tumble|rally|spark|trigger|"
    r"cause|lead|result|hurt|damage|threaten|face|become|overtake|replace|resign|quit|leave|join|"
    r"tomorrow|within|until|through|once|when|revised|revise|outcomes?|reduce|lessen|diminish|restrain|damp|dampen|"
    r"bolster|sustain|stem|spur|offset|contribute|help|hold\s+(?:down|up|back)|keep|follow|ensue|occur|happen|"
    r"materiali[sz]e|take\s+hold|set\s+in|nearing|approaching)\b"
    # a company's trading periods, as its results statements name them ("trading in the first half would be weaker"),
    # and, in reported speech, the results of a period not yet reported ("warned that annual profits would be at the
    # bottom end of ...", not "Annual sales would be higher if the chain opened on Sundays")
    r"|\b(?:(?:first|second|current)\s+half|full[- ]year|current\s+(?:financial\s+)?year)\b"
    r"|\b(?:warned|warns|said|says|added|told\s+\w+)\s+(?:that\s+)?(?:its\s+|the\s+|their\s+)?(?:annual|interim|"
    r"half-year|year-end)\s+(?:pre-tax\s+)?(?:profits?|results|sales|earnings|revenues?|losses)\b"
    r"|\b(?:above|below|than|exceed\w*|short\s+of|in\s+line\s+with)\s+(?:\w+['’]s\s+|our\s+|the\s+|their\s+|its\s+)?"
    r"(?:forecasts?|projections?|outlook)\b",
    re.I,
)
# Assessments with no future claim of their own: the balance of risks, the size of uncertainty, assumptions.
# a revision whose content follows in a "with" clause is no revision without content: "were revised up, with real GDP
# expected to edge higher in the second half and then increase moderately next year"
_WITH_CONTENT = (
    r"[^.;]{0,60}?,\s+with\s+(?:[\w'’-]+\s+){1,8}?(?:now\s+|also\s+)?(?:expected|projected|forecast|anticipated|"
    r"predicted|seen|likely)\s+to\s+[a-z]"
)
# a turning point drawing near, which a hedged modal makes what could happen, not a present inference ("could be
# running higher"): "activity in the housing market might finally be approaching a trough"
_NEARING = r"(?:approaching|nearing|heading\s+(?:for|toward|towards|into))"
# a gap told in points or tenths: "about 0.2 percentage point lower", "roughly four-tenths higher"
_GAP = (
    r"(?:percentage\s+points?|basis\s+points?|(?:[\w-]+[- ])?tenths?(?:\s+of\s+a\s+(?:percentage\s+)?point)?|"
    r"points?)\s+(?:higher|lower|above|below)"
)
_ASSESSMENT = patterns.compile(
    r"\brisks?\b[^.;]{0,160}?\b(?:balanced|counterbalanced|offset\s+by|tilted|skewed|weighted|downward\s+skew|upward\s+skew)\b"
    r"|\buncertainty\s+(?:around|about|surrounding)\s+(?:its|the|their)\s+(?:\w+\s+)?(?:projections?|forecasts?|"
    r"outlook)\b|\bcontinued\s+to\s+assume\s+that\b|\bstaff\s+assumed\s+that\b|\bcited\s+(?:\w+\s+){0,3}as\s+likely\b"
    r"|\bit\s+(?:would|might|could|may)\s+(?:(?!likely|soon|probably)\w+\s+)?be\s+(?:helpful|useful|appropriate|important|necessary|"
    r"desirable|advisable|prudent|premature|wise|valuable|beneficial)\b"
    # ("projected to grow by 1.2% in 2025, revised up from the 0.9% expected in June" states its new level)
    # ... nor "revised up by 0.5 percentage points, to 1.0%", "marked up to a range of 5 to 5-1/4 percent"
    r"|(?<!\bbe\s)\b(?:revised|marked)\s+(?:up|down|upward|downward)\b(?!\s+from\b)(?!(?:[^.;]|\.\d){0,80}\b(?:to|at)\s+"
    r"(?:a\s+(?:central\s+tendency|range)\s+(?:of\s+|bracketing\s+|around\s+|near\s+)?)?[\d$])"
    r"(?![^.;]*\b(?:unchanged|unrevised)\s+at\b)(?!" + _WITH_CONTENT + ")"
    r"|\bwas\s+(?:little\s+)?(?:revised|changed)\b(?![^.;]{0,40}\b(?:at|to)\b)(?![^.;]*\b(?:unchanged|unrevised)\s+at\b)"
    r"(?!" + _WITH_CONTENT + ")"
    r"|\bsubmitted\s+(?:their\s+)?(?:projections|assessments|forecasts)\b|\bprojections\s+represent(?:ed|s)?\b"
    # reports described ("projections of what the budget would look like"), causes of an outcome predicted elsewhere
    # ("I see three factors as likely to contribute to continued disinflation")
    r"|\b(?:projections?|forecasts?|estimates?|scenarios?)\s+of\s+(?:what|how)\b[^.;]{0,80}?\bwould\b"
    r"|\b(?:factors?|reasons?|forces?|drivers?|developments)\s+as\s+(?:\w+\s+)?likely\s+to\s+(?:contribute|support|"
    r"underpin|drive|lead|help|weigh|restrain|boost|sustain|spur|fuel)\b"
    # ... or "seen as likely to" bring an outcome the sentence only refers to ("such an increase"); one it states
    # ("likely to support stronger growth in the sector going forward") is a prediction
    r"|\b(?:factors?|reasons?|forces?|drivers?|developments|considerations)\s+(?:were|was|are|is)\s+(?:\w+\s+)?(?:seen|viewed|"
    r"cited|mentioned|named|noted|identified|listed|regarded|judged)\s+as\s+(?:\w+\s+)?likely\s+to\s+(?:\w+\s+){0,2}?"
    r"(?:such|that|this|these|those|the\s+(?:expected|projected|anticipated|forecast))\b"
    # revisions summarised without a level: "no other changes are projected for 2004/05", "Smaller crops are projected
    # in Ukraine (down 1.5 million tons)"
    r"|\bno\s+(?:other\s+|further\s+|major\s+)?changes?\s+(?:is|are|were|was)\s+(?:\w+\s+)?(?:projected|forecast|made|expected)\b"
    r"|^\W*(?:smaller|larger|higher|lower|bigger|reduced|increased|greater)\s+[\w\s-]{1,40}?\s+(?:is|are)\s+(?:now\s+)?"
    r"(?:projected|forecast|expected|estimated)\s+(?:in|for)\b(?![^.;]*\b(?:to|at)\s+[$\d])"
    # what a model or a rule would say, not a forecast: "The model would predict a larger response"
    r"|\b(?:model|models|framework|rule|simulations?|theory|estimates?|regressions?)\s+(?:would|could|might|may)\s+"
    r"(?:\w+ly\s+)?(?:predict|imply|suggest|yield|produce|generate|show|prescribe|call\s+for)\b"
    # a revision stated against the earlier forecast, without the new level: "raise our forecast of exports by 3%",
    # "13% more coal than we forecast last month", "higher than it had projected three months ago", "compared with
    # last month's forecast", "the higher forecast for next year results from ..."
    r"|\b(?:raise|raised|raising|lower|lowered|lowering|revise|revised|revising)\s+(?:our|its|their|the)\s+(?:[\w-]+\s+)?"
    r"(?:forecasts?|projections?|outlook|estimates?)\b(?![^.;]*\bto\s+(?:about\s+|around\s+)?[$€£]?\d)"
    r"(?![^.;]*\bcompared\s+(?:with|to)\s+(?:(?:19|20)\d\d|this\s+year|last\s+year))"
    r"|\b(?:than|compared\s+(?:with|to))\s+(?:what\s+)?(?:\w+\s+){0,2}?(?:had\s+)?(?:previously\s+|originally\s+)?"
    r"(?:forecast|projected|expected|assumed|estimated|predicted)\s+(?:\w+\s+){0,2}?(?:last\s+(?:month|year|quarter)|ago|"
    r"earlier|previously|before)\b"
    r"|\bcompared\s+(?:with|to)\s+(?:last\s+(?:month|year|quarter)['’]s|the\s+previous|our\s+previous|the\s+prior)\s+"
    r"(?:forecasts?|projections?|outlook|STEO)\b"
    r"|\b(?:higher|lower|revised|upward|downward)\s+(?:forecast|projection)\b[^.;]{0,60}\b(?:results?\s+from|reflects?|"
    r"stems?\s+from|comes?\s+from|is\s+(?:mostly\s+|largely\s+|mainly\s+)?due\s+to)\b"
    # one forecast compared with another, without its content: "our forecast differs at the margin from the Greenbook"
    r"|\b(?:forecasts?|projections?|outlook)\b[^.;]{0,60}?\b(?:differs?|differed|(?:is|was|are|were)\s+(?:broadly\s+|very\s+)?"
    r"(?:similar|close|comparable)\s+to|(?:is|was|are|were)\s+in\s+line\s+with)\b"
    # ... or told only as its gap from another's ("runs 0.3 percentage point lower than that of the private
    # forecasters"), and a simulation's gap between two paths, a counterfactual ("1 percentage point higher on the
    # constrained path than on the unconstrained path")
    # (not one told with its own level first: "Our projection for growth next year is 2.1 percent, about 0.3
    # percentage point higher than that of the consensus")
    r"|\b(?:forecasts?|projections?|outlook)\b(?:(?!\b(?:is|are|was|were|at)\s+(?:about\s+|around\s+|roughly\s+)?"
    r"[$€£]?\d)(?:[^.;]|\.\d)){0,80}?\b" + _GAP + r"\s+than\s+(?:that|those|the\s+ones?)\s+(?:of|in|from)\b"
    r"|\b(?:higher|lower|above|below)\s+(?:on|in|under)\s+(?:the|this|that|a|an)\s+(?:[\w-]+\s+){0,2}?(?:path|scenario|"
    r"simulation|alternative|baseline)\s+than\s+(?:on|in|under)\s+(?:the|this|that|a|an)\b",
    re.I,
)
# A risk balance put as equal sides (the guide: assessments of risk balance): "the risks of error are about equal on
# both sides" (not "risks of even higher inflation")
_RISKS_EVEN = patterns.compile(
    r"\brisks?\b[^.;]{0,80}?\b(?:are|is|were|was|seem|seems|look|looks|appear|appears)\s+(?:\w+ly\s+|about\s+|pretty\s+|"
    r"more\s+or\s+less\s+)?(?:equal|even|symmetric(?:al)?|two-sided)\b",
    re.I,
)
# The past tense of a hypothetical condition: "if the Fed raised rates too quickly", "if things went awry"
_PAST_CONDITION = (
    r"were|did|raised|cut|lowered|tried|decided|chose|failed|kept|moved|acted|went|continued|stayed|remained|persisted|"
    r"held|rose|fell|grew|tightened|eased"
)
# the words between a speaker's "I" and a modal of the speaker's own act ("I for one could support", "I certainly
# would note"): not a verb of thinking, after which the modal is another subject's ("I think Congress could vote on
# the bill next week", "I suspect rents would change little", "I think inflation would also continue to ease")
_OWN_ACT_GAP = (
    r"(?:(?!(?:think|suspect|believe|guess|expect|fear|doubt|imagine|bet|suppose|feel|worry|know|reckon|hope|assume|"
    r"gather|understand|am|was|see|said|say)\b)\w+\s+){0,2}?"
)
# Modal words that are not the prediction: dependence on future data, present inference, adjectives.
_NOT_A_CUE = patterns.compile(
    r"\b(?:will|would|could|might|may|should)\s+(?:(?!likely|probably)\w+ly\s+)?(?:depend|be\s+contingent|remain\s+contingent|"
    r"be\s+conditional|be\s+(?:particularly\s+|especially\s+)?(?:important|necessary|desirable|worthwhile|sensible|"
    r"reasonable|useful|helpful|appropriate|consistent)|be\s+(?:more|less)\s+likely|need\s+to)\b"
    # (not after "there": "there could also be an additional drag on growth if ..." is a risk, not an inference)
    r"|(?<!\bthere\s)\b(?:may|might|could)\s+(?:not\s+|also\s+|still\s+|well\s+)?(?:\w+ly\s+)?(?:reflect|explain|signal|"
    r"suggest|indicate|imply|mean|account|represent|temper|be\s+(?!" + _NEARING + r"\b)\w+ing|be\s+an?\b|be\s+less|"
    r"be\s+more|stem|derive|"
    r"be\s+(?:related|linked|connected|associated|attributable|due|tied|owing|part)\b)\b"
    r"|\b(?:had|have|has)\s+(?:likely|probably)\b|\b(?:likely|probably)\s+(?:not\s+)?(?:\w+-)?\w+ed\b"
    r"|\b(?:I|we)\s+"
    + _OWN_ACT_GAP
    + r"(?:would|'d)\s+(?:not\s+)?(?:\w+ly\s+|also\s+|just\s+|first\s+|then\s+)?(?:point|"
    r"characteri[sz]e|suggest|say|argue|note|put|"
    r"emphasi[sz]e|add|like|prefer|think|guess|agree|describe|call|hope|recommend|urge|caution|dismiss|disagree|"
    r"question|stress|underline|underscore|want|rather|favou?r|support|oppose|accept|welcome|continue|feel|propose|"
    r"submit|offer|move|second|vote|endorse|go\s+along|associate|be\s+(?:inclined|comfortable|happy|willing|reluctant|concerned))\b"
    # ... and the speaker's speech acts and stance with "might", "may" or "could" ("I might add", "I could support
    # alternative B", "I could live with that"), a wording change the speaker proposes ("I would simply change
    # 'considerable' to 'some'"), "if I may put it that way", the audience addressed ("an essay you may have read"),
    # and what would make the speaker comfortable: a transcript's procedure and preferences, not forecasts
    r"|\bI\s+" + _OWN_ACT_GAP + r"(?:might|may|could)\s+(?:not\s+)?(?:\w+ly\s+)?(?:point|suggest|say|argue|note|put|"
    r"emphasi[sz]e|add|mention|remind|observe|stress|underline|underscore|propose|offer|recommend|comment|favou?r|"
    r"support|accept|endorse|agree|go\s+along|live\s+with|vote)\b"
    r"|\bI\s+"
    + _OWN_ACT_GAP
    + r"(?:would|'d|might)\s+(?:\w+ly\s+)?(?:change|amend|strike|delete|insert|replace|substitute|"
    r"modify|reword|rephrase|edit)\b"
    r"|\bif\s+I\s+(?:may|might|could)\b"
    # what a stance or a message ought to be, a view on policy: "I think our position ought to be that we won't
    # hesitate to change our policy if necessary", "our message should be that we are watching closely"
    r"|\b(?:position|stance|posture|message|line|answer|response)\s+(?:\w+\s+)?(?:ought\s+to|should|must)\s+be\s+that\b[^.;]*"
    # a remark to the audience: "it will not surprise you that I still favor ...", "it will come as no surprise to
    # any of you" (the that-clause is read on its own; "it would not come as a surprise if ..." of an outcome is a risk)
    r"|\b(?:will|would|won['’]t|wouldn['’]t)\s+(?:not\s+)?(?:\w+ly\s+)?(?:surprise|shock|astonish)\s+(?:you|any\s+of\s+you|anyone|"
    r"anybody|no\s+one|nobody)\b"
    r"|\b(?:will|would)\s+(?:\w+ly\s+)?come\s+as\s+(?:no|little|a)\s+(?:\w+\s+)?surprise\s+to\s+(?:you|any\s+of\s+you|anyone|"
    r"anybody|no\s+one|nobody)\b"
    r"|\byou\s+(?:may|might|could)\s+(?:\w+ly\s+|already\s+|well\s+)?(?:have\s+)?(?:read|heard|seen|noticed|know|recall|"
    r"remember|notice|be\s+aware|realize|recogni[sz]e)\b"
    r"|\b(?:would|could|might)\s+(?:\w+ly\s+)?make\s+(?:me|us)\s+(?:feel\s+(?:\w+\s+)?better|(?:feel\s+)?(?:\w+\s+){0,2}?"
    r"(?:comfortable|uncomfortable|happy|happier|nervous|uneasy|worried|concerned|confident|anxious|glad))\b"
    r"|\b(?:as\s+)?one\s+(?:would|might|could)\s+expect\b|\b(?:may|might|could)\s+be\s+that\b"
    r"|\bone\s+(?:would|could|might|may|should)\b"  # the generic "one": "if one looked, one would see"
    r"|\b(?:never|always|often|usually|sometimes)\s+could\b"  # an ability in the past: "she never could say it"
    # an explanation, a publication date, what deserves attention: "that would help to reconcile this behavior",
    # "the report, which will not be available until the end of the month", "important to focus on what will last"
    r"|\bwould\s+(?:\w+ly\s+)?help\s+(?:to\s+)?(?:explain|reconcile|account|understand|clarify|interpret)\b"
    r"|\bwill\s+(?:not\s+)?be\s+(?:publicly\s+|officially\s+)?(?:available|released|published)\b"
    # a scheduled release: "the bank will publish its next forecast in May", "the results will be announced on Friday"
    r"|\bwill\s+(?:publish|release|announce|present|unveil)\s+(?:its|their|the|a)\s+(?:\w+\s+){0,2}?(?:forecasts?|results|"
    r"reports?|figures|data|statement|minutes|decision|details|projections|budget|review)\b"
    r"|\b(?:results|figures|data|minutes|decision|details|report|statement)\s+will\s+be\s+(?:announced|published|released|"
    r"presented|unveiled)\b"
    r"|\b(?:important|essential|crucial|critical|necessary)\s+to\s+(?:focus\s+on|monitor|watch|consider|keep\s+in\s+mind)"
    r"\b[^.;]*"
    # a general tendency: "higher rates would tend to slow economic activity"
    r"|\b(?:would|will)\s+tend\s+to\b"
    # a simulation's result told as a gap from the baseline (the guide: the results of a staff simulation are not
    # forecasts): "the unemployment rate at the end of 2026 would be roughly three-tenths lower"
    r"|\bwould\s+(?:be|run|come\s+in|end\s+up)\s+(?:\w+\s+){0,2}?" + _GAP + r"\b(?!\s+than\b)"
    # a procedure: "it will follow a data-dependent approach", "decisions will be based on its assessment"
    r"|\b(?:will|would|shall)\s+(?:continue\s+to\s+)?(?:follow|take|adopt|pursue|apply|keep\s+to)\s+(?:a|an|its|their|the)\s+"
    r"(?:[\w,-]+\s+){0,6}?(?:approach|strategy|framework|procedure|process|path\s+of\s+action)\b"
    r"|\b(?:will|would|shall)\s+(?:continue\s+to\s+)?be\s+(?:based|conditioned|guided|informed|driven)\s+(?:on|by)\b"
    # a scheduled appearance: "will comment on ... at a press conference", "will also meet with journalists"
    r"|\b(?:will|shall)\s+(?:also\s+)?(?:comment|speak|meet|hold|testify|brief|appear|talk)\b(?=[^.;]{0,120}\b(?:press|news)\s+"
    r"conference|[^.;]{0,40}\b(?:journalists|reporters|the\s+press|the\s+media|lawmakers|parliament|congress)\b)"
    # a scheduled release: "scatterometer data is expected later today", "an announcement on a rate hike is
    # expected at 2 p.m."
    r"|\b(?:data|figures|results|report|release|announcement|decision|statement|minutes|numbers)\b(?:\s+[\w-]+){0,6}?\s+"
    r"(?:is|are)\s+(?:\w+\s+)?expected\s+(?:later|at|on|today|tomorrow|this\s+(?:morning|afternoon|evening))\b[^.;]*"
    # what a scheduled release will show: "they will get some insight late Wednesday when the Fed publishes ..."
    r"|\b(?:will|shall)\s+(?:get|have|receive|gain|learn)\s+(?:some\s+|more\s+|further\s+|an?\s+)?(?:insight|clues?|hints?|"
    r"information|details|idea|sense)\b[^.;]*\bwhen\b[^.;]*"
    # purpose and necessity: "this increase is to ensure that", "slower growth will be required to alleviate ..."
    r"|\b(?:is|are|was|were)\s+(?:intended\s+|meant\s+|designed\s+)?to\s+(?:ensure|make\s+sure|help\s+ensure|guarantee|"
    r"safeguard|underpin)\b[^.;]*"
    # an idiom that it takes time, with no state or time to check: "the problems will not be solved overnight"
    r"|\b(?:(?:will|would|shall|can|could)\s*(?:not|n['’]t)|won['’]t)\s+(?:be\s+)?(?:\w+ed|happen|change|disappear|go\s+away)\s+overnight\b"
    # ... and a task's cost in time and effort: "it will take time and patience to bring prices down" (not "it will
    # take time for the tightening to bring inflation down": the outcome, with a delay)
    r"|\b(?:will|would|could|may|might)\s+(?:\w+ly\s+)?take\s+(?:some\s+|more\s+)?time\s+and\s+(?:resolve|effort|"
    r"patience|persistence|determination|perseverance|work|commitment|discipline|money|resources)\b"
    # "expected" as an adjective paired with the past: "prices respond to expected and actual changes in rates"
    r"|\b(?:actual|realized|realised|past|current)\s+(?:and|or)\s+expected\b|\bexpected\s+(?:and|or)\s+(?:actual|realized|"
    r"realised|past|current)\b"
    # an agent's options, not what will happen: "other tools the board could consider", "options that might be explored"
    r"|\b(?:options?|choices?|tools?|measures?|alternatives?|steps|actions|approaches)\s+(?:that\s+|which\s+)?(?:\w+\s+){0,2}?"
    r"(?:could|might|may|can)\s+(?:also\s+)?(?:consider|use|take|pursue|choose|adopt|explore|employ|weigh|"
    r"be\s+(?:considered|explored|used|taken|pursued|adopted|employed))\b"
    # a disposition of the people a relative clause describes: "lenders who may be reluctant to take on more risk"
    # a relative clause whose object is the noun before it, a thing named, not a claim made: "the effects they will have
    # going forward", "the liquidity risks they may face from such deposits", "the twists and turns the economy may
    # take.", "the role it will play in", and a stranded preposition before the main verb: "activities banks may become
    # involved in are supervised"
    r"|\b(?:will|may|might|could)\s+(?:\w+ly\s+)?(?:have|face|take|pose|encounter|experience|incur|play)"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:going|is|are|was|were|will|would|can|could|may|might|should|must)\b|"
    # (not a time ahead put first: "exporters will face in 2026 the full force of the tariffs")
    r"\s+(?:from|in|at|with|as|under|during)\b(?!\s+(?:(?:19|20)\d\d|next|coming|the\s+(?:next|coming|years?|months?|"
    r"quarters?|near|short|medium|long)\b)))"
    r"|\b(?:will|may|might|could)\s+(?:[a-z]+\s+){1,3}?(?:in|on|with|to|about|for|of|into)\s+(?=(?:is|are|was|were|"
    r"will|would|should|must)\b)"
    r"|\bwho\s+(?:may|might|could)\s+(?:\w+ly\s+)?be\s+(?:reluctant|unwilling|willing|hesitant|inclined|disinclined|eager|"
    r"keen|tempted|unable|able)\b"
    # a condition put as an inverted "should" inside the sentence: "... to counter it should a recession occur"
    r"|\bshould\s+(?:a|an|the|this|that|these|those|its|their|it|they|there)\b(?=\s+\w)"
    # the past measured against a forecast: "Pork production has been above expected levels"
    r"|\b(?:above|below|beyond|under|over|short\s+of|in\s+line\s+with)\s+(?:\w+ly\s+)?(?:expected|anticipated|projected|"
    r"forecast|predicted)\s+(?:levels?|rates?|pace|amounts?|volumes?)\b"
    # ... and what a plan is for: "This will help ensure that the country remains in a strong position"
    r"|\b(?:will|would)\s+(?:\w+ly\s+)?help\s+(?:to\s+)?(?:ensure|assure|guarantee|make\s+sure)\b[^.;]*"
    # an agency's procedure and a report to come: "ending stocks will be projected after the quota is announced",
    # "the June 30 Hogs and Pigs report will give a reading on supplies"
    r"|\b(?:will|shall)\s+be\s+(?:projected|estimated|forecast|published|reported|released|updated|revised|set)\s+"
    r"(?:after|when|once|following|until|in\s+(?:the|its)\s+next)\b[^.;]*"
    r"|\b(?:report|release|survey|census|data|figures|statistics)\s+will\s+(?:give|provide|offer|yield)\s+(?:\w+\s+){0,2}?"
    r"(?:readings?|information|insights?|indications?|picture|update|look)\b[^.;]*"
    r"|\b(?:will|would)\s+(?:\w+ly\s+)?(?:be|become)\s+(?:required|needed|necessary|essential|vital|critical)\s+(?:to|for|if)\b[^.;]*"
    # procedures and readiness, not the state of the world: "will continue to monitor", "would be prepared to adjust"
    r"|\b(?:will|would|shall)\s+(?:continue\s+to\s+)?(?:\w+ly\s+)?(?:monitor|assess|watch|evaluate|review|examine|"
    r"study|scrutini[sz]e)\b"
    # a publication or an auction scheduled, not the state of the world: "CBO will update its projections in the
    # summer", "The Treasury will auction $58 billion of 3-year notes next week" (an auction's size, decided)
    r"|\b(?:will|shall)\s+(?:also\s+|next\s+)?(?:update|publish|release|issue)\s+(?:its|their|the|an?|our)\s+(?:next\s+|"
    r"updated\s+|new\s+|revised\s+|latest\s+|full\s+|quarterly\s+|annual\s+)*(?:[\w-]+\s+)?(?:projections?|forecasts?|"
    r"outlook|reports?|estimates?|baseline|statement|survey|minutes)\b"
    r"|\b(?:will|shall)\s+(?:also\s+)?auction\s+[$€£]?\d[^.;]{0,60}?\b(?:notes|bonds|bills|securities|TIPS)\b"
    # ... in the progressive, and a review held: "will be assessing the timing and strength of ...", "will conduct the
    # next review of its bond purchases at the June 2026 meeting"
    r"|\b(?:will|shall)\s+(?:also\s+|continue\s+to\s+)?be\s+(?:\w+ly\s+)?(?:monitoring|assessing|watching|evaluating|"
    r"reviewing|examining|studying|scrutini[sz]ing)\b"
    r"|\b(?:will|shall)\s+(?:also\s+)?(?:conduct|carry\s+out|undertake|hold)\s+(?:a|an|the|its)\s+(?:next\s+|further\s+|"
    r"interim\s+|comprehensive\s+)?(?:review|assessment|examination|evaluation)\b"
    r"|\b(?:will|would)\s+(?:be|remain|stand)\s+(?:prepared|ready)\s+to\b"
    # how policy is made, not where it goes: "policy will remain data dependent", "will be guided by the data"
    r"|\b(?:will|would|shall)\s+(?:continue\s+to\s+)?(?:be|remain|stay)\s+(?:\w+ly\s+)?(?:data[- ]dependent|"
    r"data[- ]driven|guided\s+by|conditional\s+on|contingent\s+on|determined\s+by|based\s+on)\b"
    # inference and proposals: "than the numbers would suggest", "one way would be to announce"
    r"|\b(?:would|might|could)\s+(?:\w+ly\s+)?(?:suggest|indicate|imply|seem|appear)\b|\bwould\s+be\s+to\s+[a-z]+"
    r"|\b(?:likely|probably)\s+(?:have|has|had)\b"
    r"|\b(?:the|its|their|our|his|her|a)\s+likely\b|\bmost\s+likely(?!\s+outcomes?)\b"
    # "was likely stronger": the past
    r"|\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:likely|probably)\b(?!\s+to\b)(?=\s+[a-z])"
    # a schedule, not a forecast (the guide: "we will get a test on Friday", scheduled launches and mission plans):
    # a meeting or a call held, a report issued, remarks delivered, a trip, a mission's tasks, a product's positioning
    r"|\b(?:will|shall)\s+(?:also\s+|then\s+|now\s+|first\s+)?(?:hold|host|convene|chair|attend|stage)\s+(?:a|an|its|their|"
    r"the|his|her|our|two|three|four|\d+)\s+(?:[\w-]+\s+){0,3}?(?:meetings?|teleconferences?|conferences?|briefings?|"
    r"hearings?|votes?|summits?|talks|sessions?|events?|webinars?|calls?|ceremon(?:y|ies)|forums?|workshops?|seminars?)\b[^.;]*"
    r"|\b(?:meetings?|conferences?|teleconferences?|briefings?|hearings?|votes?|voting|summits?|ceremon(?:y|ies)|sessions?|"
    r"launch|liftoff|docking|spacewalks?|items?),?\s+(?:[\w,-]+\s+){0,8}?(?:will|shall)\s+(?:be\s+held|take\s+place|convene|"
    r"be\s+(?:broadcast|streamed|webcast|televised|on|at|the))\b[^.;]*"
    # the running of a meeting: "President Parry will lead off the discussion", "the staff will circulate a memo"
    r"|\b(?:will|shall)\s+(?:now\s+|also\s+|then\s+)?(?:circulate|lead\s+off|kick\s+off|start\s+us\s+off|moderate|"
    r"introduce\s+(?:the|our)|present\s+(?:the|a|an|his|her|their|our)\s+(?:[\w-]+\s+){0,2}?(?:options|alternatives|"
    r"briefing|memo|proposals?))\b"
    r"|\b(?:will|shall)\s+(?:also\s+|then\s+|first\s+)?(?:meet\s+(?:on|at|in|with|again|next|this|virtually|to\s+discuss)|"
    r"travel\s+to|visit|fly\s+to|testify|speak|discuss|deliver\s+(?:remarks|a\s+speech|an\s+address|the\s+keynote|testimony|"
    r"a\s+lecture)|give\s+(?:a|an|his|her|the)\s+(?:speech|talk|address|lecture|presentation|remarks))\b[^.;]*"
    r"|\b(?:will|shall)\s+(?:also\s+|then\s+|first\s+)?(?:issue|publish|release|present|unveil)\s+(?:its|their|the|a|an|his|her|"
    r"our)\s+(?:[\w-]+\s+){0,4}?(?:reports?|updates?|outlooks?|forecasts?|projections?|statements?|minutes|data|figures|"
    r"results|findings|budget|review|assessment|remarks|testimony|paper|study|survey|estimates?)\b"
    r"|\bwill\s+(?:also\s+)?(?:perform|conduct|carry\s+out)\s+(?:[\w-]+\s+){0,3}?(?:space\s*walks?|spacewalks?|experiments?|"
    r"tests?|maneuvers?|manoeuvres?|flybys?|observations?|inspections?)\b"
    r"|\bwill\s+spend\s+(?:about\s+|nearly\s+|roughly\s+)?\w+\s+(?:days?|weeks?|months?|years?|hours?)\s+(?:aboard|on\s+board|"
    r"on\s+(?:the|a)\s+(?:\w+\s+)?(?:station|moon|mission|orbit))\b"
    # a product shown at a named event: "will unveil its new phone at an event in September"
    r"|\b(?:will|shall)\s+(?:also\s+)?(?:unveil|launch|introduce|present|debut|showcase|demonstrate)\b[^.;]{0,60}?\b(?:at|during)\s+"
    r"(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:event|conference|show|keynote|summit|expo|fair|launch)\b"
    r"|\bwill\s+(?:\w+\s+)?(?:return|come\s+back)\s+to\s+(?:earth|home)\b"
    # a business's plan for its own things told in the progressive, with no time ahead (a transcript's anecdote): "the
    # mills will be raising their prices", "the majors will be increasing their purchases"
    r"|\b(?:will|won['’]t|['’]ll)\s+(?:not\s+)?be\s+(?:increasing|raising|cutting|reducing|expanding|boosting|building|"
    r"moving|shifting|selling|buying|closing|opening|adding\s+to)\s+(?:their|its)\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d|this\s+(?:year|quarter|month))\b)[^.;]*"
    # what a gauge is for, not a forecast: "an index designed to predict activity in the next few months rose"
    r"|\b(?:designed|intended|meant|used|built|developed|constructed)\s+to\s+(?:help\s+)?(?:predict|forecast|project|"
    r"anticipate|foresee|gauge|signal)\b"
    # a scheduled change coming into force (the guide: a scheduled price increase is no forecast, what buyers expect of
    # it is): "another $20 a ton increase will go in effect in April", "the new schedule will take effect on March 1"
    r"|\b(?:will|shall|['’]ll)\s+(?:also\s+|then\s+|now\s+)?(?:(?:go|come)\s+in(?:to)?\s+effect|take\s+effect|"
    r"become\s+effective|be\s+effective\s+(?:on|from|as\s+of|in|at)|come\s+into\s+force|enter\s+into\s+force)\b"
    # a fact about a scheduled event, not its outcome: "The flight will be the first time a private crew docks",
    # "the summit will mark their second meeting this year" (not "growth will be the first increase in five years")
    r"|\b(?:will|would)\s+(?:also\s+)?(?:be|mark|become)\s+(?:the|its|their|his|her|our)\s+(?:first|second|third|fourth|"
    r"fifth|last|final|only)\s+(?:time|visit|meeting|trip|launch|mission|flight|summit|appearance|event|speech|"
    r"spacewalk|voyage|landing)s?\b[^.;]*"
    r"|\bwill\s+(?:\w+ly\s+)?compete\s+(?:with|against)\b"
    # an institution's decision told in the future tense (the guide: decisions announced with a schedule), opening its
    # clause: "The Committee will also reinvest", "In these circumstances, the Federal Reserve will employ all
    # available tools", "over coming months the Committee will increase its holdings" (not "analysts expect the Fed
    # will ...", whose "will" a verb of saying governs, nor a rate move, which news forecasts)
    r"|(?:^|[,;:]\s*|\b(?:months|weeks|quarters|meetings?|today|now)\s+)(?:the\s+)?(?:committee|federal\s+reserve|fed|"
    r"governing\s+council|eurosystem|ecb|board|central\s+bank|bank\s+of\s+[A-Z]\w+|treasury(?:\s+department)?)\s+will\s+"
    r"(?:also\s+|now\s+|then\s+|continue\s+to\s+|no\s+longer\s+)?(?:employ|use|increase\s+its|reinvest|purchase|buy|sell|"
    r"conduct|maintain|keep|provide|offer|roll\s+over|expand\s+its|consider|"
    r"begin|start|act|take|implement|undertake|initiate|extend|reduce\s+its|establish|launch|announce|publish|review|"
    r"monitor|assess|hold|end\s+(?:its|the)\s+(?:net\s+)?(?:asset\s+)?purchases)\b"
    r"|^\W*(?:the\s+)?bank\s+will\s+(?:continue\s+to\s+)?(?:buy|purchase|reinvest)\b"
    # an aim stated in the future tense: "The focus of the Committee's policy going forward will be to support ..."
    r"|\b(?:focus|aim|goal|objective|priority|task|purpose|intention)\b[^.;]{0,80}?\bwill\s+be\s+to\s+[a-z]+"
    # ... and in the present tense, an aim, a task or a difficulty defined by what is to be done (the guide: policy
    # descriptions and procedures): "my objective here, again, is to make the statement balanced", "the hardest
    # question is to judge where policy is", "what we ought to do is to ease", and a purpose put as a condition: "if
    # the expansion is to last" (not "output is to slow next year")
    # (an aim to the clause's end, as _AGENDA_ITEM reads it, which it cannot once this is blanked: "A central goal of
    # the plan is to expand access, which will lower costs", not past ", and we expect inflation to fall")
    r"|\b(?:aim|goal|objective|purpose|task|priority|mission|intention)s?\b(?:\s+(?:of|for)\s+[^.;]{0,80}?)?\s+"
    r"(?:is|are)\s+to\s+[a-z]+\b[^.;]*?(?=,\s+(?:and|but|yet|so|while|although|whereas)\b|[.;]|$)"
    r"|\b(?:aim|goal|objective|purpose|task|job|challenge|uncertainty|question|problem|difficulty|point|idea|intention|"
    r"priority|mission|role|measure|test|key|answer|solution|approach|strategy|plan|step|option|thing)s?\b"
    r"(?:(?:\s+|,\s*)(?:of|for|in|on|at|here|now|today|then|again|therefore|though|however)\b[^.;:]{0,60}?)?,?\s+"
    r"(?:is|are|was|were)\s+to\b"
    # (not what the speaker expects to be done: "What we are likely to do is to cut rates in June", "What the market
    # expects us to do is to cut by 50 basis points", the Committee's policy as an expectation)
    r"|\bwhat\s+(?![^.;]{0,120}?\b(?:likely|probably|expects?|expected|expecting|anticipat\w*|predict\w*|(?:think|believe|"
    r"guess|suspect)\s+(?:\w+\s+){0,2}?(?:will|['’]ll))\b[^.;]{0,120}?\b(?:is|was)\s+to\b)"
    r"(?:[^.;]{0,120}?\s)?(?:do|did|done|does|doing)\b[^.;]{0,120}?\b(?:is|was)\s+to\b"
    r"|\bif\s+(?:[\w'’-]+\s+){1,8}?(?:is|are)\s+to\b"
    # purchases decided with their pace or end (the guide's ninth batch: "we will continue to make net purchases under
    # the APP at the current monthly pace of €30 billion until the end of September 2018"), operations decided: "Net
    # purchases will continue at a monthly pace of €20 billion", "Purchases of agency securities will be completed by
    # the end of the first quarter", "We will conduct two further operations in September"
    r"|^\W*(?:the\s+)?(?:net\s+)?(?:asset\s+|bond\s+|securities\s+)?purchases\s+(?:of\s+[^.;]{0,80}?\s+|under\s+[^.;]{0,60}?\s+)?"
    r"will\s+(?:continue|be\s+completed|end|conclude|proceed|run|be\s+conducted|be\s+made)\b[^.;]*"
    r"|\bwill\s+(?:also\s+)?conduct\s+(?:[\w-]+\s+){0,3}?(?:operations?|auctions?|tenders?|repos?)\b"
    # a company's or an agency's plan (the guide: "a company's or broadcaster's plan does not" count): "The airline will
    # add twelve routes", "the retailer is going to close forty stores", "the ministry will launch a program"; the
    # subject opens the sentence and the verb is an act it decides, not an outcome ("the company will lose money")
    r"|^\W*(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+)?(?:company|firm|carmaker|automaker|airline|carrier|retailer|manufacturer|"
    r"chipmaker|maker|group|ministry|department|agency|university|chain|start-?up|insurer|lender|operator|utility|"
    r"broadcaster|studio|network|club|council|government|administration)\s+(?:also\s+|then\s+|now\s+|soon\s+)?(?:will|"
    r"is\s+going\s+to|plans\s+to|intends\s+to)\s+(?:also\s+|soon\s+)?(?:open|close|add|launch|invest|build|hire|buy|"
    r"purchase|sell|acquire|introduce|release|publish|start|begin|expand|offer|unveil|roll\s+out|set\s+up|establish|"
    r"relocate|shut|eliminate|lay\s+off|spend|create|phase\s+out|move)\b[^.;]*"
    # ... or reported as announced: "The company said it would cut 2,000 jobs by the end of next year"
    r"|^\W*(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+)?(?:company|firm|carmaker|automaker|airline|carrier|retailer|manufacturer|"
    r"chipmaker|maker|group|chain|start-?up|insurer|lender|operator|utility|broadcaster|studio)\s+(?:said|says|announced|"
    r"announces|confirmed)\s+(?:on\s+\w+\s+)?(?:that\s+)?it\s+(?:would|will|plans\s+to|intends\s+to)\s+(?:also\s+)?"
    r"(?:open|close|add|launch|invest|build|hire|buy|purchase|sell|acquire|introduce|release|expand|offer|unveil|cut|"
    r"eliminate|lay\s+off|shut|spend|raise|lower|reduce|increase|phase\s+out|relocate|move)\b[^.;]*"
    # a plan's make-up (the guide: "a plan's size and make-up is the plan"): "The program will provide grants to small
    # businesses", "the new rules will take effect on January 1" (not the effect promised for it: "the plan should
    # save or create three million jobs")
    r"|^\W*(?:the|this|that|its|their|our|his|her)\s+(?:[\w-]+\s+){0,3}?(?:program|programme|plan|bill|law|package|scheme|"
    r"measure|legislation|proposal|initiative|rules?|regulations?|fund|facility)s?\s+(?:will|would)\s+(?:also\s+)?(?:provide|"
    r"give|offer|fund|include|allow|require|extend|cover|pay|establish|set\s+up|take\s+effect|apply|replace|come\s+into\s+"
    r"force|expire|phase\s+in)\b[^.;]*"
    # a hypothetical consequence with no time ahead (the guide: general or hypothetical claims that name no future
    # state): "If the Fed raised rates too quickly, it could trigger a recession", "In that case, output would fall";
    # a pace extrapolated: "If car sales continued at that pace for a whole year, about 17.2 million vehicles would ..."
    r"|^\W*(?:if\s+[^,;]{0,80}?\b(?:"
    + _PAST_CONDITION
    + r")\b[^,;]{0,160}?|in\s+(?:that|this|such\s+an?|either|any)\s+"
    r"(?:case|scenario|event|situation)),\s+"
    r"(?:[\w'’-]+(?:\.\d+)?\s+){0,6}?(?:would|could|might)\b(?![^.;]*\b(?:next|coming|ahead|later|soon|"
    r"(?:19|20)\d\d|expect\w*|anticipat\w*|project\w*|forecast\w*|predict\w*)\b)[^.;]*"
    # ... and the condition put after a "would" ("could" and "might" there state a risk, which counts: "there might be a
    # sharper slowdown in hiring if credit conditions tightened"): "they would be the first to be unemployed if things
    # went awry", "a poor situation that would arise if the Fed began to lose its credibility"
    r"|\bwould\b(?=[^.;]*?\bif\s+(?:[\w'’-]+\s+){1,6}?(?:" + _PAST_CONDITION + r"|began|started|lost)\b)"
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|eventually|ultimately|(?:19|20)\d\d|expect\w*|anticipat\w*|"
    r"project\w*|forecast\w*|predict\w*)\b)"
    # a hedge about the present (the guide: "may / might" about the present): "we may be at a juncture in the process
    # today as we speak", "prices might be near their peak right now"
    # (not a comparison with today nor a time ahead: "may be slower next year than it is today")
    r"|\b(?:may|might|could)\s+(?:well\s+|already\s+)?be\b(?=(?:(?!\b(?:next|coming|ahead|later|soon|than|(?:19|20)\d\d)\b)"
    r"[^.;,]){0,60}?\b(?:today|as\s+we\s+speak|right\s+now|"
    r"at\s+the\s+moment|at\s+present|at\s+this\s+(?:point|moment|juncture|time))\b)"
    # a general claim of what a thing can do, with what may follow from it (the guide's twenty-fourth batch: what
    # innovation or regulation can do in general): "Innovation can lead to disruptions, which may be beneficial, but may
    # also generate new risks", "Those expectations can become entrenched and increase the likelihood that high
    # inflation will persist"; not the speakers' "we can expect", nor one with a time ahead
    r"|^\W*(?!(?:while|although|though|if|when|as|because|since|unless|whether|i|we|you|and|but|so)\b)"
    r"(?:[\w'’-]+\s+){1,5}?can\s+(?!not\b|expect|anticipate|count)(?:\w+ly\s+)?[a-z]+\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|future|forward|(?:19|20)\d\d|this\s+year)\b)"
    # (up to a clause of its own: "Tariffs can raise prices, and inflation will rise to 4 percent")
    r"(?:(?!,\s+(?:and|but|so)\s+(?:[\w'’-]+\s+){1,3}?(?:will|would|should)\b)[^.;])*"
    # a general claim of what may happen whenever a state holds (the guide's twenty-fourth batch: what a bank may
    # experience when its deposits have a stated make-up): "When a bank's deposits are concentrated in one industry,
    # banks may experience correlated outflows", "When regulation is lax, it can facilitate risk-taking"; not a state
    # still to come ("When the strike is over, output could rebound") nor one with a time ahead
    r"|^\W*when\b(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)\s+"
    r"(?:(?!\b(?:over|ended|finished|resolved|done|lifted|removed|gone)\b)[^,;])*?\b(?:is|are|has|have|does|do)\b"
    r"(?:(?!\b(?:over|ended|finished|resolved|done|lifted|removed|gone)\b)[^,;])*,\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:may|might|can|could)\b[^.;]*"
    # what an event that did not happen would have brought: "without a marked rise in layoffs, which would impose
    # hardships"; and a difficulty, not a state: "it would make it more difficult to change people's perceptions"
    r"|\bwithout\s+[^,;.]{0,80}?,\s+which\s+(?:would|could|might)\b"
    r"|\b(?:would|could|might)\s+(?:\w+ly\s+)?make\s+it\s+(?:\w+\s+)?(?:more\s+|less\s+)?(?:difficult|harder|easier|"
    r"hard|easy|possible|impossible|costlier|simpler)\b"
    # "expect" as a supposition about the audience now: "the issues I expect are on your minds", "I expect many of you
    # know the story"
    r"|\b(?:I|we)\s+expect\s+(?:that\s+)?(?:(?:you|many\s+of\s+you|most\s+of\s+you|all\s+of\s+you|some\s+of\s+you)\s+"
    r"(?:are|have|know|remember|recall|already)|(?:is|are)\s+(?:on|in)\s+(?:your|people['’]s|everyone['’]s)\s+minds?)\b"
    # a pledge told as the agents' resolve (the guide: pledges, "I am therefore committed to a policy that will bring
    # the real federal funds rate back into positive territory"): "we are resolute that we will bring inflation back
    # down", "the Committee is determined to ...", to the end of its clause
    r"|\b(?:I|we|(?:my|our)\s+colleagues\s+and\s+I|the\s+(?:committee|fed|federal\s+reserve|bank|government))\s+"
    r"(?:am|are|is|remain|remains|['’]re|['’]m)\s+(?:(?:\w+ly|therefore|also|all|both)\s+)*(?:resolute|determined|"
    r"committed|resolved|steadfast)\s+(?:that|to|in)\b[^;]*?(?=;|,\s+but\b|$)"
    # vigilance, a procedure like "will monitor": "hence we will be watchful on that front"
    r"|\b(?:will|would|shall)\s+(?:\w+ly\s+)?(?:be|remain|stay)\s+(?:\w+ly\s+)?(?:watchful|vigilant|attentive|alert|mindful)\b"
    # a pledge or a plan restated by an agent: "It is our job to bring inflation down, and we will do so", "The company
    # has reduced capacity and will continue to do so" (not "Inflation has fallen and will continue to do so")
    r"|\b(?:we|I|company|firm|carmaker|automaker|airline|retailer|manufacturer|maker|bank|government|committee|council|"
    r"administration|management|ministry|agency)\b[^.;]{0,80}?"
    r"\b(?:will|shall|['’]ll)\s+(?:\w+ly\s+)?(?:continue\s+to\s+)?do\s+(?:so|that|this|it)\b"
    # an outcome given as a cause's effect, predicted elsewhere: "pointed to lower energy costs as a reason inflation
    # would ease"
    r"|\bas\s+(?:a|the|one|another)\s+(?:\w+\s+)?(?:reasons?|causes?|factors?|explanations?)\s+(?:why\s+|that\s+)?"
    r"(?:[\w'’-]+\s+){0,8}?(?:would|will|could|might|should)\b"
    # calls for action (the guide's Trustees call): "long-term solvency will require additional reforms"; a plan's
    # cost or size ("His proposals could cost around 500 billion dollars")
    r"|\bwill\s+(?:\w+ly\s+)?(?:require|need|necessitate|call\s+for)\s+(?:\w+\s+){0,2}?(?:reforms?|action|actions|changes|review|"
    r"efforts?|legislation|measures|steps)\b"
    r"|\b(?:proposals?|plan|plans|bill|package|legislation|program|programme)\s+(?:\w+\s+){0,3}?(?:could|would|will|might|may)"
    r"\s+(?:\w+ly\s+)?cost\b"
    # a company's new focus: "Facebook will now focus on bringing groups together"
    r"|\bwill\s+(?:now\s+|also\s+)?(?:focus|concentrate|refocus)\s+on\b"
    r"|\b(?:meetings?|conferences?|teleconferences?|briefings?|hearings?|sessions?|registration|enrollment|polls),?\s+"
    r"(?:[\w,-]+\s+){0,6}?(?:will|shall)\s+(?:begin|start|end|conclude|open|close|resume)\b[^.;]*"
    r"|\b(?:will|shall)\s+(?:now\s+)?(?:hear|receive)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:reports?|briefings?|"
    r"presentations?|testimony|update)\b|\bwill\s+vote\s+on\b"
    # a press advisory: "reporters will be able to ask questions", "media ... should contact the press office"
    r"|\bwill\s+be\s+able\s+to\s+(?:ask|listen|watch|view|dial|submit|join|access|register|attend)\b"
    r"|\bshould\s+(?:contact|call|e-?mail|register|rsvp|dial|submit)\b"
    # "that will be fine", "that would be my preference": a reply, not a forecast
    r"|\bthat\s+(?:will|would|['’]ll)\s+be\s+(?:fine|my|our|okay|ok|good|great|all|it)\b"
    # memory: "those of you who were here will remember the 1994 episode"
    r"|\b(?:will|would)\s+(?:\w+ly\s+)?(?:remember|recall|notice|appreciate|recogni[sz]e)\b"
    # a statement of principle, true at any time (the guide's twenty-fourth batch): "a central bank is and will always
    # be the main source of trust behind money", "prices always will reflect costs"
    r"|\b(?:will|shall|would)\s+(?:\w+ly\s+)?always\b|\balways\s+(?:will|shall)\b"
    # a habit, not a forecast: "the number of storms that would typically form by early August"
    r"|\b(?:would|could|might|may|will|can)\s+(?:typically|normally|usually|ordinarily|customarily|historically)\b"
    # a procedure of policy, not a state of the world: "the Committee will take into account a wide range of
    # information", "will adjust policy as appropriate", "we will do whatever it takes"
    r"|\b(?:will|would|shall)\s+(?:continue\s+to\s+)?(?:\w+ly\s+)?(?:take\s+into\s+account|take\s+account\s+of)\b[^.;]*"
    r"|\b(?:will|would|shall)\s+(?:\w+\s+){0,6}?as\s+(?:appropriate|needed|necessary|warranted|required)\b"
    r"|\b(?:will|would|shall)\s+do\s+whatever\s+(?:it\s+takes|is\s+(?:needed|necessary|required))\b[^.;]*"
    # "likely" about the past or the present: "consumption likely rose in the third quarter", "this decline likely
    # reflects temporary factors", "the slowdown is likely due to weaker demand"
    r"|\b(?:likely|probably)\s+(?:rose|fell|grew|held|drove|took|came|went|saw|made|led|kept|began|remained|was|were|had|"
    r"did|reflects?|explains?|indicates?|captures?|represents?|accounts?|stems?|owes?|means|implies|masks?|understates?|"
    r"overstates?|(?:is|are|was|were)\s+(?:due|attributable|related|linked|tied|owing))\b"
    r"|\b(?:likely|probably)\s+(?:due|attributable|related|linked|tied|owing)\s+to\b"
    r"|\blikely\s+to\s+have\s+(?:not\s+)?(?:been|had|[a-z]+(?:ed|en|wn|ne))\b"
    # an inference about what is seen now: "the rise is likely to reflect front-loading", "likely to be related to"
    r"|\blikely\s+to\s+(?:\w+ly\s+)?(?:reflect|explain|indicate|signal|capture|represent|stem|owe|mirror|be\s+(?:due|related|"
    r"linked|attributable|explained|driven|tied|owing|a\s+(?:result|reflection|sign|consequence))\b(?:\s+(?:to|by|of))?)"
    # "it is likely that firms front-loaded their purchases": an inference about the past (no modal before the past
    # verb, none after it)
    r"|\b(?:likely|probable)\s+that\s+(?:(?!\b(?:will|would|could|may|might|should|shall|to|is|are)\b)[^.;,])*?"
    r"\b(?:\w+ed|rose|fell|grew|held|drove|took|came|went|saw|made|led|kept|began|was|were|had|did)\b"
    r"(?![^.;]*\b(?:can|will|would|could|may|might|should|shall)\b)"
    # "should be interpreted": what ought to be done, unless a time follows ("should be reversed rather quickly")
    r"|\bshould\s+be\s+\w+ed\b(?![^.;,]{0,40}\b(?:quickly|soon|shortly|rapidly|gradually|eventually|next|later|"
    r"by\s+(?:the\s+end|end|mid|early|late|next|(?:19|20)\d\d)|within\s+(?:a|an|one|two|three|\d+|the\s+next)|"
    r"over\s+the\s+(?:next|coming)|in\s+the\s+(?:coming|next))\b)",
    re.I,
)
_INVERTED_IF = patterns.compile(
    r"^\s*(?:should|were|had)\b(?=[^,;]{5,},)", re.I
)  # "Should the yen rise, ...": a condition
# when the expected thing was to happen, not a comparison ("at the same pace as last year")
_PAST_TIME = patterns.compile(
    r"(?<!\bas\s)(?<!\bthan\s)(?<!\bfrom\s)(?<!\bsince\s)(?<!\bwith\s)"
    r"\b(?:last\s+(?:year|month|week|quarter|spring|summer|autumn|fall|winter)|yesterday|ago)\b",
    re.I,
)
_AHEAD = patterns.compile(
    r"\b(?:next|coming|ahead|future|forward|later|(?:medium|long|longer)[- ](?:term|run))\b", re.I
)
_AHEAD_OR_UNTIL = patterns.compile(
    _AHEAD.pattern + r"|\b(?:until|through|over\s+the|by\s+(?:the\s+)?(?:end|mid|early|late)|"
    r"(?:19|20)\d\d|months?|quarters?|years?)\b",
    re.I,
)
_IN_QUESTION = patterns.compile(
    r"\b(?:tell(?:s|ing)?|told)\s+(?:us|me|them|him|her)\s+(?:\w+\s+){0,3}?(?:how|what|whether|when)\b[^,;]*$|"
    r"\bthe\s+(?:extent|degree)\s+to\s+which\b|\b(?:asked|asking|wondered|wondering|questioned|inquired)\b[^.;]*\bwhether\b|"
    r"\b(?:asked|asks|asking|surveyed|polled)\s+(?:\w+\s+){0,3}?(?:what|how|when|which|where|if)\b|\b(?:whether|wonder(?:ed|s)?\s+if|when|how\s+(?:much|fast|soon|long|far|quickly))\b[^,;]*$|\b(?:concerns?|question|uncertain(?:ty)?|unclear|about|ask(?:ed|s)?|"
    r"know)\s+(?:\w+\s+){0,2}(?:when|how|what)\b[^,;]*$"
    # an indirect question the speaker looks forward to seeing, is unsure about, or says something settles: "I look
    # forward to seeing how the recovery will unfold", "unsure about the last move and what its effects may be", "costs
    # determine what retailers will charge", "hard to explain how the dollar could keep rising"
    r"|\b(?:see|seeing|watch|watching|learn|learning|determine|determines|determined|determining|decide|decides|"
    r"deciding|explain|explaining|understand|understanding|figure\s+out|find\s+out|gauge|gauging)\s+(?:\w+\s+){0,2}?"
    r"(?:how|what|whether|where|which)\b[^,;]*$"
    r"|\b(?:unsure|uncertain|unclear|doubts?|puzzled|curious)\s+(?:about|as\s+to|of)\b[^.;,]{0,120}?\band\s+"
    r"(?:what|how|whether|when)\b[^,;]*$"
    # ... and a possibility watched for: "paying close attention to any signal that spending may shift", "watching for
    # signs that rents could turn"
    r"|\b(?:attention\s+to|watch(?:es|ed|ing)?\s+(?:out\s+)?for|look(?:s|ed|ing)?\s+out\s+for|alert\s+to|on\s+the\s+lookout\s+for)\s+"
    r"(?:any\s+|the\s+|early\s+|some\s+)*(?:signals?|signs?|indications?|hints?|evidence)\s+(?:that|of)\b[^,;]*$",
    re.I,
)
# A future word inside an "if" clause, read on the words before the cue: the condition, not a forecast ("if the economy
# were going to seize up, it has had every chance", "if they anticipate that they will need capital, they can cut
# dividends", "if I know where prices are going to go"). The clause runs from "if" to a comma, a dash, "then" or a
# finite "is"/"has" of its own ("even if there is a fall-off in sales this ought not to affect ..." predicts in its main
# clause); "as if" is no condition ("it looks as if inflation will rise").
_IN_CONDITION = patterns.compile(
    # (nor "if anything", "if so", "if not", "if necessary": no condition of their own, "If anything I expect growth
    # to be a little stronger")
    r"(?<!\bas\s)\bif\s+(?!(?:anything|so|not|necessary|need\s+be|at\s+all|possible)\b)"
    r"(?:(?!--|\b(?:is|are|was|were|am|has|have|had|then)\b)[^,;:.—–])*$",
    re.I,
)
# What a speaker will talk about, read on the words before a cue (unmasked: ``_META`` blanks "I will discuss"): "Today
# I will discuss how my colleagues and I view the economy and how this view is likely to shape our efforts", "my focus
# today will be on how the framework has evolved, and what it is likely to imply": an indirect question, and the
# speaker's agenda, not a forecast.
_AGENDA = patterns.compile(
    r"\b(?:my|our)\s+(?:\w+\s+)?(?:focus|topic|subject|theme|remarks)\s+(?:today\s+|tonight\s+|here\s+)?$", re.I
)
_AGENDA_AFTER = patterns.compile(r"\s+(?:be|focus|center|centre)\s+(?:on|about|to)\b", re.I)
_SPEECH_TOPIC = patterns.compile(
    r"\b(?:I|we)\s+(?:will|shall|would\s+like\s+to|want\s+to|plan\s+to|am\s+going\s+to|['’]ll)\s+(?:\w+\s+)?"
    r"(?:discuss|describe|explain|examine|address|explore|review|outline|consider|talk\s+about|focus\s+on|turn\s+to)\s+"
    r"(?:[^.;]{0,200}?\s)?(?:how|what|whether|why)\b[^.;]*$"
    r"|\b(?:my|our)\s+(?:\w+\s+)?(?:focus|topic|subject|theme)\s+(?:today\s+|tonight\s+|here\s+)?will\s+be\s+"
    r"(?:on\s+)?(?:how|what|whether|why)\b[^.;]*$",
    re.I,
)


# A policy decision announced in the future tense: "The Official Cash Rate (OCR) will increase by 25 basis points to
# 8.00 percent", "The interest rates on the deposit facility ... will remain unchanged at 2.00%": the instrument is
# the subject, "will" takes it to a level, and no time ahead is named (a forecast of the rate names one: "the OCR
# will remain at 2.5 percent until the latter part of 2010").
_DECISION_ANNOUNCED = patterns.compile(
    r"^\W*(?:the\s+)?(?:official\s+cash\s+rate|ocr|cash\s+rate|(?:key\s+|main\s+)?policy\s+rates?|bank\s+rate|repo\s+rate|"
    r"(?:federal|fed)\s+funds\s+rate|target\s+range|(?:key\s+)?(?:ecb\s+)?interest\s+rates?(?:\s+on\s+[^.;]{0,160}?)?|"
    r"deposit\s+(?:facility\s+)?rate|(?:required\s+)?reserve\s+(?:requirement\s+)?ratio|discount\s+rate)"
    r"(?:\s*\([A-Z]{2,5}\))?\s+will\s+(?:be\s+)?(?:increase|decrease|rise|fall|remain|stay|"
    r"raised|lowered|cut|reduced|increased|decreased|kept|held|left|maintained|set|unchanged)\b[^;]*?\b(?:by|to|at)\s+"
    r"[\d.]+",
    re.I,
)


# a forecast told only against the one before it: "real GDP was expected to increase slightly faster than in the
# previous forecast" (with no figure and no year in the sentence, the forecast's content is not stated)
_THAN_PREVIOUS = patterns.compile(
    r"\bthan\s+(?:in\s+)?(?:the|its|their|our|his|her)\s+(?:\w+\s+)?(?:previous|prior|preceding|last|earlier)\s+"
    r"(?:\w+\s+)?(?:forecasts?|projections?|outlook|Greenbook|Tealbook)\b",
    re.I,
)


# a list of the causes of an outcome (predicted elsewhere): "Among the factors anticipated to support the expansion
# were accommodative policy and rising employment"
_AMONG_FACTORS = patterns.compile(
    r"^\W*among\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:factors|reasons|forces|considerations|influences|drivers)\b", re.I
)


# An estimate of a future amount with "estimates X to be" (the guide's forty-eighth batch: an actuary's estimate of a
# payment required in the fiscal year under way counts with its amount): "OPM estimates the first payment, in fiscal
# year 2027, to be about $400 million". A year or a time ahead is named; a parameter estimated ("estimates the
# elasticity to be 0.4") has none.
_ESTIMATES_TO_BE = patterns.compile(
    r"(?<!\bthe\s)(?<!\bour\s)(?<!\bits\s)(?<!\bof\s)(?<!\bnew\s)(?<!\band\s)"
    r"\b(?P<v>estimates|projects|forecasts)\s+(?:the|its|their|total|an?)\s+[^.;]{0,120}?\bto\s+(?:be|total|reach|"
    r"exceed|cost|amount\s+to)\s+(?:(?:about|around|roughly|approximately|nearly|some|at\s+least|more\s+than|"
    r"less\s+than|over|under)\s+)?[$€£]?\s?\d",
    re.I,
)


@dataclass(frozen=True)
class Cue:
    """The words that make a sentence a prediction, where they are, and the probability they state."""

    words: str
    span: tuple[int, int]
    probability: float
    modal: bool
    hedged: bool


def _modal_cues(sentence: str) -> list[Cue]:
    cues = []
    for m in _MODAL.finditer(sentence):
        words = m.group(0)
        index = next(i for i in range(len(CONFIDENCE_TABLE)) if m.group(f"c{i}") is not None)
        if words == "May" and (m.start() > 0 or _MAY_MONTH.search(sentence[: m.start()])):
            continue  # the month (the modal is written in lower case)
        if words == "May" and re.match(r"\s+(?:\d{1,2}\b|(?:19|20)\d\d\b)", sentence[m.end() :]):
            continue  # "May 9, 2007", "May 2026": the month
        if re.match(r"(?:is|are)\s+to", words, re.I) and (
            re.search(
                r"\b(?:aim|plan|goal|idea|priority|task|challenge|objective|hope|intention|purpose|job|role|mission|"
                r"strategy|solution|answer|problem|question|point|key|trick|way|step|option|decision|what|all|policy|"
                r"policie|approach|response|remedy|course|measure|lesson|choice|recommendation|need)s?\s+$",
                sentence[: m.start()],
                re.I,
            )
            or re.search(
                r"\b(?:it|this|that|which|what)\s+$|\b(?:if|unless)\s+(?:\w+\s+){1,3}$", sentence[: m.start()], re.I
            )
            or _LIST_ITEM_OR_ADVICE.search(sentence[: m.start()])
        ):
            continue  # "the aim is to grow", "how hard it is to push": a purpose or an infinitive, not an arrangement
        if re.search(r"\bdue\s+to$", words, re.I) and (
            _CAUSE_AFTER_DUE.match(sentence, m.end())
            or _DEGREE_DUE.search(words)
            or re.match(r"(?:was|were|been)\b", words, re.I)
        ):
            # "is mostly due to higher prices for food", "is largely due to new entrants": a cause, not a schedule ("is
            # due to expire"); "was due to", "has been due to supply": a cause, or a schedule told past
            continue
        if words.lower() == "will" and re.search(
            r"\b(?:the|political|free|good|ill|public|own|at|popular|living)\s+$", sentence[: m.start()], re.I
        ):
            continue  # the noun: "political will", a bank's "living will" (its resolution plan)
        first = words.split()[0].lower()
        hedged = first in _HEDGED or first in ("risks", "has", "have") or index in (_BARE_WOULD, _BARE_LIKELY)
        cues.append(Cue(words, m.span(), CONFIDENCE_TABLE[index][1], True, hedged))
    return cues


# a summary of this month's revisions without levels (the guide: "The outlook for 2025/26 U.S. wheat this month is for
# larger supplies ... and higher ending stocks" is not a prediction)
_CHANGED = (
    r"(?:larger|smaller|higher|lower|greater|reduced|increased|decreased|unchanged|bigger|tighter|more|less|fewer)"
)
_MONTHS_REVISIONS = patterns.compile(
    rf"\bthis\s+month\b[^;]{{0,40}}?\b(?:is|are)\s+for\s+{_CHANGED}\b(?![^.;]*\d)"
    # or a list of such changes: "The 2025/26 U.S. rice outlook is for smaller supplies, lower exports, and higher ...",
    # two joined by "and" too ("is for larger supplies and higher ending stocks")
    rf"|\b(?:is|are)\s+for\s+{_CHANGED}\s+[\w\s-]{{1,40}}?(?:,\s+(?:and\s+)?|\s+and\s+){_CHANGED}\b(?![^.;]*\d)",
    re.I,
)


# Policy acts, effects and descriptions with no state of the world in them (the guide's speeches and statements):
# masked like ``_NOT_A_CUE``. A committee continuing its own programme, purchases or run-off ("the Committee will
# continue reducing its holdings", "also will continue through the end of the year its program"); a central bank's own
# reinvestment ("We will reinvest any proceeds"); a change decided with the day it takes effect ("The cap will be
# lowered to $25 billion as of June 1"); a procedure told with "as always" ("will, as always, take appropriate account
# of"); an effect with no direction ("may affect the productive capacity", "will influence the evolution of the
# economy") or on the speaker's own view ("will influence my view of appropriate policy", "expect the report to alter
# my view"); a help that names no state ("free trade will also help."); a necessity ("it's going to be necessary to
# make sure"). An instrument's purpose ("an index designed to predict ...") is ``_NOT_A_CUE``'s, which masks first.
_NO_STATE = patterns.compile(
    r"(?:^|(?<=[,;:])\s*)(?:the\s+)?(?:committee|federal\s+reserve|fed|governing\s+council|eurosystem|ecb|board|"
    r"central\s+bank)"
    r"\s+(?:also\s+)?will\s+(?:also\s+)?continue\s+(?:(?:through|until)\s+[^.;,]{0,40}?\s+)?(?:its\s|their\s|"
    r"(?:reducing|purchasing|buying|reinvesting|rolling|holding|shrinking)\b|to\s+(?:reduce|purchase|buy|reinvest|roll|"
    r"shrink)\b)[^.;]*"
    r"|^\W*we\s+will\s+(?:also\s+|continue\s+to\s+)*(?:reinvest|roll\s+over|redeem)\b[^.;]*"
    r"|\bwill\s+be\s+(?:lowered|raised|reduced|increased|cut|set|changed|adjusted|lifted|capped|extended|tapered)\b"
    r"(?:[^.;]|\.\d){0,100}?\b(?:as\s+of|effective|beginning|starting)\s+(?:(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2}\b|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)"
    r"|\b(?:will|would|shall),\s+as\s+(?:always|usual|before),\s+[^.;]*"
    # (an effect with a direction is an outcome: "could adversely affect U.S. exports")
    r"|\b(?:will|would|could|may|might|can)\s+(?:(?!(?:adversely|negatively|positively|favou?rably|unfavou?rably|"
    r"severely|seriously)\b)\w+ly\s+|also\s+|further\s+)?(?:affect|influence|impact|shape)\b"
    r"(?![^.;]{0,30}\d)"
    r"|\b(?:will|would|could|may|might|expect|expects|anticipate|anticipates)\s+(?:[\w'’]+\s+){0,6}?(?:to\s+)?(?:\w+ly\s+)?"
    r"(?:alter|change|inform|guide|determine|affect|influence|shape)\s+(?:my|our)\s+(?:\w+\s+){0,2}?(?:views?|"
    r"assessments?|thinking|judge?ments?|outlook|decisions?)\b"
    r"|\b(?:will|would)\s+(?:also\s+|certainly\s+|surely\s+)?help\s*[.!\"”’]*\s*$"
    r"|\b(?:is|are|['’]s|['’]re)\s+going\s+to\s+(?:\w+ly\s+)?(?:be|become)\s+(?:required|needed|necessary|essential|vital|"
    r"critical|important)\s+(?:to|for|if)\b[^.;]*"
    # a need (the guide's forty-fifth batch: what success "will require"): "restoring confidence will require a broad
    # set of measures"; not one told as a comparative outcome or with a number ("will require far more electricity")
    r"|\bwill\s+(?:\w+ly\s+|also\s+)?(?:require|necessitate)\s+(?!(?:\w+\s+)?(?:more|less|fewer|greater|higher|lower|"
    r"larger|smaller|bigger)\b)(?![^.;]*\d)[^.;]*"
    # a disclaimer, a task that will not be easy with no outcome named (the guide's forty-fifth batch: "that is not
    # to say that it will be easy"); not an outcome hard to reach ("will not be easy for airlines to return to profit")
    r"|\b(?:(?:will|would)(?:\s+not|n['’]t)?|won['’]t)\s+be\s+(?:\w+ly\s+|so\s+|too\s+)?(?:easy|simple|"
    r"straightforward|painless|smooth)(?=\s*(?:[.,;:!)\"”’]|$))",
    re.I,
)
# A speech's rhetoric, masked like ``_NO_STATE`` (the guide's thirty-seventh batch: what is NOT predictive in speeches
# that are no economic outlook). A judgement of what matters, with no outcome in it: "commitment and flexibility will
# be key", "gradualism will remain important", "will prove crucial to", up to the end of its clause (not "will be a key
# driver of growth", where the adjective is part of a noun phrase). The same judgement told from its subject: "An
# important element of a lasting recovery will be an improvement in hiring", "the key question will be whether" (a
# requirement or a question, not "a key driver of growth will be exports", where the noun names a cause).
_WHAT_MATTERS = patterns.compile(
    r"^\W*(?:(?:an?|the|one|another)\s+)?(?:(?:most|more|very|particularly|especially)\s+)?(?:important|key|crucial|"
    r"critical|essential|central|vital|necessary)\s+(?:element|ingredient|component|part|question|"
    r"issue|test|challenge|task|consideration|requirement|priority|condition|prerequisite|precondition)s?\b"
    r"[^.;]{0,120}?\b(?:will|shall|would)\s+(?:also\s+|still\s+)?be\b[^.;:]*|"
    r"\b(?:will|shall|would)\s+(?:also\s+|still\s+|continue\s+to\s+|therefore\s+|thus\s+)?(?:be|remain|stay|prove)\s+"
    r"(?:\w+ly\s+|all\s+the\s+more\s+|even\s+more\s+)?(?:key|crucial|critical|essential|vital|paramount|pivotal|decisive|"
    r"indispensable|important|central|of\s+the\s+essence|of\s+(?:the\s+)?(?:utmost|great|particular|critical|key|"
    r"central)\s+importance)"
    r"(?=\s*(?:[.,;:!)\u2013\u2014]|-|$)|\s+(?:to|for|in|if|when|as|here|now|going|at)\b)[^.;:,]*",
    re.I,
)

# Resolve and confidence in the speaker's own side's success, not a state of the world: "we will overcome them", "we
# will find the right response", "we shall prevail", "we will rise to the challenge" (a pledge, like "we will do so").
_RESOLVE = patterns.compile(
    r"\bwe(?:\s+(?:will|shall)|['’]ll)\s+(?:\w+ly\s+|also\s+|together\s+|again\s+)?(?:overcome|succeed|prevail|"
    r"surmount|get\s+through|pull\s+through|come\s+through|emerge\s+stronger|rise\s+to|meet\s+(?:the|these|this|"
    r"those|our|all|any|every)\s+(?:\w+\s+)?challenges?|find\s+(?:the|a|an)\s+(?:right|best|appropriate|adequate|"
    r"necessary)\s+(?:response|answer|solution|way|path|remedy))\b[^.;:,]*"
    # ... and the concession it answers: "whatever may come our way", "whatever the future may bring"
    r"|\bwhatever\s+(?:\w+\s+){0,3}?(?:may|might|will|could)\s+(?:come|happen|arise|bring|lie\s+ahead|hold)\b[^.;:,]*",
    re.I,
)
# A maxim, a saying or a poem's line quoted, with what it says of the future: "Monnet's famous line that “Europe will
# be forged in crises”", "in the poem, the hero “finds no rest, though far his search may lead”", "as the saying goes,
# ..." (the quotation is not the speaker's forecast).
_MAXIM = patterns.compile(
    r"\b(?:line|lines|saying|maxim|adage|motto|dictum|poem|verse|verses|proverb|aphorism|quip)\b[^.;“\"]{0,80}?"
    r"[“\"‘][^”\"’]{1,300}[”\"’]"
    r"|\bas\s+the\s+(?:old\s+)?(?:saying|proverb|adage|maxim)\s+(?:goes|has\s+it)\b[^.;]*",
    re.I,
)

# The audience's or anyone's own life told as a generalisation a reviewer cannot check (the guide: a speech to students
# about their own futures is advice): "you are going to need", "most of you will change jobs", "one will finish school";
# "you will" is ``_NOT_PREDICTION``'s generic reader already.
_AUDIENCE = patterns.compile(
    r"\byou(?:\s+are|['’]re)\s+(?:\w+ly\s+|all\s+)?going\s+to\b"
    r"|\b(?:most|many|some|all|each|few|several|none|those|both|any|one|more)\s+of\s+you\s+(?:\w+ly\s+|also\s+|still\s+)?"
    r"(?:will|shall|would|may|might|could|are\s+going\s+to)\b"
    r"|(?:^\W*|[,;:]\s*|\b(?:that|when|if|until|before|after|once)\s+)one\s+(?:\w+ly\s+)?(?:will|shall)\b",
    re.I,
)

# A supervisor's voice (the guide's thirty-seventh batch: a supervisory programme): a requirement put as an expectation
# ("we expect firms to determine the risks", "supervisors expect banks to maintain robust plans"), a regime's true test
# said to come only when stress does (a truism), and what is hard to foresee, an indirect question ("forecasting how
# revenue may respond can be challenging"); a forecast of what firms will do ("we expect banks to tighten lending
# standards next year") stays, its verb being no duty.
_SUPERVISORY = patterns.compile(
    r"\b(?:we|supervisors|regulators|examiners|the\s+(?:federal\s+reserve|fed|board|agencies|supervisors|regulators))\s+"
    r"(?:\w+ly\s+|also\s+|still\s+)?expects?\s+(?:all\s+|large\s+|these\s+|such\s+|the\s+|our\s+|covered\s+|"
    r"supervised\s+|regulated\s+)?(?:[\w-]+\s+)?(?:firms|banks|institutions|lenders|companies|boards|management|"
    r"managers|directors|insurers|dealers)\s+to\s+(?:\w+ly\s+)?(?:determine|identify|assess|manage|maintain|ensure|"
    r"comply|demonstrate|understand|develop|establish|implement|document|adopt|follow|conduct|perform|evaluate|"
    r"have\s+in\s+place|take\s+(?:steps|responsibility|ownership|account)|make\s+(?:\w+\s+)?decisions|be\s+able|"
    r"be\s+prepared|incorporate|address|remediate|hold\s+(?:sufficient|adequate|enough))\b[^.;]*"
    r"|\b(?:true|real|ultimate|acid|final)\s+test\b[^.;]{0,80}?\b(?:will|would|shall)\s+(?:\w+\s+)?(?:come|be)\b[^.;]*"
    r"|\b(?:forecasting|predicting|projecting|estimating|assessing|modell?ing|knowing|determining|judging|gauging|"
    r"foreseeing|anticipating)\s+(?:\w+\s+){0,2}?(?:how|what|whether|when|which|where)\b[^.;]{0,160}?\b(?:will|would|"
    r"may|might|could)\b(?=[^.;]{0,160}?\b(?:is|are|can\s+be|remains?)\s+(?:\w+ly\s+)?(?:challenging|difficult|hard|"
    r"tricky|uncertain|complex|impossible|a\s+challenge)\b)",
    re.I,
)


# A hypothetical about the present (the guide's thirty-fourth and thirty-fifth batches), masked like ``_NO_STATE``: a
# pace "that, if maintained, would" be too high, a cost "if inflation were to move higher ..., ... would become"
# greater, "what we'd expect to find if" a cause were at work. What follows the modal names no time ahead (a
# conditional forecast does: "if oil were to stay near $90, inflation would rise to 4 percent next year"), and it is
# "would": a risk stated with "could" or "might" is a risk scenario and counts.
_NO_TIME_AFTER = (
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d|expect\w*|anticipat\w*|forecast\w*)\b)[^.;]*"
)
_SUPPOSED = patterns.compile(
    r"\bif\s+(?:maintained|sustained|continued|repeated|prolonged|extended|unchecked|left\s+unchecked|allowed\s+to\s+"
    r"persist),\s+(?:[\w'’-]+\s+){0,3}?would\b"
    + _NO_TIME_AFTER
    + r"|\bif\s+[^,;.]{0,160}?\bwere\s+to\b[^;.]{0,200}?,\s+(?:then\s+)?(?:[\w'’-]+\s+){0,10}?would\b"
    + _NO_TIME_AFTER
    # the consequence first: "The chances of the expansion taking off this year would be greatly reduced if the
    # recovery were to stall"
    + r"|\bwould\b(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)[^.;]*?\bif\s+[^.;]*?\bwere\s+to\b[^.;]*"
    # a pace extrapolated: "if landlord concessions keep growing at their current rate, tenants will be able to ..."
    + r"|\bif\s+[^,;.]{0,80}?\b(?:keeps?|continues?|persists?|goes\s+on|go\s+on)\s+(?:\w+ing\s+)?at\s+"
    r"(?:its|their|the|this|that)\s+(?:current\s+|present\s+|recent\s+)?(?:rate|pace)\b[^,;.]*,\s+(?:[\w'’-]+\s+){0,10}?(?:will|would)\b"
    + _NO_TIME_AFTER
    + r"|\b(?:what|as)\s+(?:we|you|I|they)(?:\s+(?:would|might|should)|['’]d)\s+(?:\w+ly\s+)?expect\s+"
    r"(?:to\s+(?:find|see|observe)\s+)?(?:if|when|under|in\s+a\s+world)\b[^.;]*",
    re.I,
)
# A reading of projections or of the present (the guide's thirty-fourth and thirty-sixth batches), masked like
# ``_NO_STATE``: how projections "may be interpreted, in turn, as" an estimate (procedure), what "we would regard as"
# appropriate policy, and what a reading "could also be the result of" (an explanation of the present; not with a time
# ahead after it: "higher unemployment could be the result of the tightening over the next two years").
_READ_AS = patterns.compile(
    r"\b(?:may|might|could|can|should)\s+(?:also\s+|well\s+)?be\s+(?:interpreted|read|understood|regarded|thought\s+of)"
    r"(?:\s*,\s+[^,.;]{1,20},)?\s+as\b"
    r"|\b(?:I|we|they)(?:\s+(?:would|might)|['’]d)\s+(?:\w+ly\s+)?(?:regard|consider|view|deem|define|classify|count)\b"
    r"(?=[^.;]{0,60}\bas\b)"
    r"|\b(?:may|might|could)\s+(?:also\s+|well\s+|partly\s+|simply\s+|just\s+)?be\s+(?:in\s+part\s+)?(?:the|a|an)\s+"
    r"(?:\w+\s+)?(?:result|product|consequence|reflection|legacy|by-?product|artifact|artefact)\s+of\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|future)\b)",
    re.I,
)
# An institution's pledges and procedure (the guide's thirty-fourth batch, testimony on transparency), masked like
# ``_NO_STATE``: "we will continue to work closely with the Congress", "we will use that website as one means of
# keeping the public informed", "the presumption of the committee will be that the public has a right to know".
_PLEDGE = patterns.compile(
    r"\bwe(?:\s+(?:will|shall)|['’]ll)\s+(?:also\s+)?(?:continue\s+to\s+)?(?:work|cooperate|collaborate|consult|engage|"
    r"coordinate|partner)\s+(?:\w+ly\s+)?(?:with|together|alongside)\b[^.;]*"
    r"|\bwe(?:\s+(?:will|shall)|['’]ll)\s+(?:also\s+)?(?:continue\s+to\s+)?use\s+(?:that|this|the|our|these|those|its|all)\b"
    r"[^.;]*"
    # "my colleagues and I are resolute that we will bring inflation back down to 2 percent"
    r"|\b(?:am|are|remain|['’]re|['’]m)\s+(?:\w+ly\s+)?(?:resolute|determined|committed|resolved|steadfast)\s+(?:in\s+our\s+"
    r"view\s+)?that\s+(?:we|I)(?:\s+(?:will|shall)|['’]ll)\b[^.;]*"
    r"|\b(?:presumption|principle|default|practice|standard)\s+(?:of\s+(?:the\s+)?[\w-]+\s+)?will\s+be\s+that\b[^.;]*",
    re.I,
)
# The effect an institution claims for its own communication (the guide's thirty-fourth batch: that publishing
# projections "should clarify a strategy or help stabilise expectations is a general claim"): "This further extension
# of the quarterly projections should provide the public a clearer picture", "increased clarity about the FOMC's views
# should help to better stabilize the public's inflation expectations". Its object is the public's understanding or
# expectations, not the economy ("tighter policy should help to bring inflation down" stays).
_OWN_COMMUNICATION = patterns.compile(
    r"\b(?:clarity|transparency|openness|communications?|disclosures?|publication|publishing|projections|explanations|"
    r"guidance)\b[^.;]{0,80}?\b(?:should|will|would|can|could)\s+(?:also\s+)?(?:\w+ly\s+)?(?:help\s+(?:to\s+)?(?:\w+ly\s+|better\s+)?)?"
    r"(?:provide|give|offer|improve|enhance|increase|clarify|stabili[sz]e|anchor|strengthen|promote|foster|inform|deepen)\b"
    r"(?=[^.;]{0,80}\b(?:public|understanding|picture|clarity|accountability|credibility|transparency)\b)[^.;]*",
    re.I,
)
# A perception and an indirect question (the guide's thirty-sixth batch): "I could see that May was our first month
# with expansion", "hesitant to guess which way the risks of error might lie" (not "we could see a slowdown").
_SEEN_OR_ASKED = patterns.compile(
    r"\b(?:I|we|you|they)\s+(?:could|can)\s+(?:\w+ly\s+)?(?:see|tell|sense|hear)\s+(?:that|from|how|why)\b"
    r"|\b(?:guess|say|tell|know|judge|predict|sure|certain|clear|unclear|wonder|decide|gauge)\s+(?:\w+\s+)?"
    r"(?:which\s+way|(?:in\s+)?which\s+direction)\b[^.;]*",
    re.I,
)
# Reports that "did nothing to suggest that there would be any further decline" (the guide's thirty-sixth batch): no
# expectation is held
_NOTHING_SUGGESTS = patterns.compile(r"\bnothing\s+(?:\w+\s+)?to\s+(?:suggest|indicate|imply|show)\b[^.;]*", re.I)
# A construction plan told in the passive, and what the facilities will be for (the guide's thirty-sixth batch: "a
# company's announced construction plan and its estimated cost are the plan"): "Facilities will be built or expanded
# at about 25 sites", "Most of the facilities will support production of ..." (not an industry's output: "refineries
# will produce less gasoline next year")
_BUILT = patterns.compile(
    r"\b(?:plants?|factory|factories|facility|facilities|stores?|sites?|offices?|branches|warehouses?|terminals?|mills?|"
    r"campus(?:es)?|headquarters|hubs?|fabs?|refinery|refineries|hangars?|depots?)\b(?:\s+[\w'’-]+){0,4}?\s+will\s+"
    r"(?:also\s+|now\s+|soon\s+)?(?:be\s+(?:built|constructed|erected|expanded|opened|relocated|upgraded|converted|"
    r"located|sited|renovated|modernized|modernised)|support\s+(?:the\s+)?production|serve\s+as|house)\b[^.;]*",
    re.I,
)
# The effect of a possible policy in a relative clause, and a vague benefit (the guide's thirty-fifth batch, a White
# House speech): "an approach that would weaken our economy" (what a policy not adopted would do), "investments that
# will create opportunity for the future" (no checkable state); not "investments will cut the cost of shipping".
_POLICY_WOULD = patterns.compile(
    r"\b(?:approach|approaches|policy|policies|plan|plans|proposal|proposals|agenda|strategy|strategies|scheme|idea)\s+"
    r"(?:that|which)\s+would\b[^.;]*"
    r"|\b(?:will|would|should)\s+(?:\w+ly\s+|also\s+)?(?:create|bring|expand|open\s+up|build)\s+(?:new\s+|more\s+|greater\s+)?"
    r"(?:opportunit(?:y|ies)|prosperity|a\s+(?:better|brighter|stronger)\s+future)\b(?![^.;]*\d)[^.;]*",
    re.I,
)
# A past judgement of the policy stance (the guide's thirty-fourth batch): "judging that the existing stance of policy
# was likely to be consistent with growth running near trend" (not an expectation for the economy)
_STANCE_JUDGED = patterns.compile(
    r"\b(?:stance|setting|posture)\s+of\s+(?:monetary\s+)?policy\s+(?:was|were|had\s+been)\s+(?:\w+ly\s+)?likely\s+to\s+"
    r"(?:be\s+consistent\s+with|foster|promote|support|keep|contribute|help)\b[^.;]*",
    re.I,
)
# A hope is a wish, not a forecast (the guide: wishes): "although I hope what Governor Angell described is really what
# will happen"; a forecast beside it, after ", and I expect", stays
_HOPE = patterns.compile(
    r"\b(?:I|we)\s+(?:\w+ly\s+)?(?:hope|hoped|(?:am|are)\s+hoping|['’](?:m|re)\s+hoping)\b(?!\s+and\s+expect)[^.;,]*"
    # people "still hopeful that the last week before Christmas will deliver them"; "Hopefully, we will see ..."
    r"|\b(?:am|are|is|was|were|remain|remains|remained|['’]re|['’]m)\s+(?:still\s+|also\s+|quite\s+|very\s+)?hopeful\s+that\b"
    r"[^.;,]*|^\W*hopefully\b,?[^.;,]*",
    re.I,
)
# What a speaker says must be understood (speech framing, like "important to monitor"): "It is vital to understand
# those changes and the effects they will have going forward"; up to a clause of its own ("..., since inflation will"),
# and not what is to be understood "that" it will happen
_TO_UNDERSTAND = patterns.compile(
    r"\b(?:important|essential|crucial|critical|necessary|vital|key|useful|helpful)\s+to\s+(?:better\s+)?(?:understand|"
    r"assess|study|examine|analy[sz]e|learn|know|recogni[sz]e|appreciate)\b(?!\s+that\b)[^.;,]*",
    re.I,
)
# A likelihood raised or lowered by a mechanism is a risk assessment (the guide: "reduces the chance of an inflation
# problem in the foreseeable future"): "increase the likelihood that high inflation will persist"; the raising itself
# may still be forecast ("tariffs will ... increase the likelihood that", its own "will" is before the mask)
_LIKELIHOOD_MOVED = patterns.compile(
    r"\b(?:increas|rais|reduc|lower|boost|heighten|diminish|lessen|limit|cut)(?:e|es|ed|ing|s)?\s+the\s+(?:\w+\s+)?"
    r"(?:likelihood|chances?|risks?|probability|odds|possibility)\s+that\b[^.;]*",
    re.I,
)
# A call for care, like the guide's calls for action ("long-term solvency will require additional reforms"): "it will
# require careful policymaking in the year ahead", "getting there will call for vigilance and patience"
_CALL_FOR_CARE = patterns.compile(
    r"\b(?:will|would|is\s+going\s+to)\s+(?:\w+ly\s+)?(?:require|need|call\s+for|demand|take)\s+(?:(?:\w+ly|careful|"
    r"great|continued|considerable|some|a\s+lot\s+of|much|more)\s+)*(?:policymaking|policy\s*making|vigilance|judge?ment|"
    r"patience|care|attention|discipline|resolve|persistence|perseverance|determination)\b[^.;]*",
    re.I,
)
# the readings above, masked in governing_cue and ruled_out like _NO_STATE
# A cause named with a hedge (the guide's "Not predictive": explanations): a change that "could mainly be ascribed to"
# trade tensions, "may partly be attributed to" the currency, "might be traced back to" a dispute. Not with a time
# ahead after it ("the rise could be attributed to energy prices next year" keeps its modal).
_ASCRIBED = patterns.compile(
    r"\b(?:may|might|could|can)\s+(?:\w+ly\s+|also\s+|in\s+part\s+)?be\s+(?:\w+ly\s+|in\s+part\s+)?"
    r"(?:ascribed|attributed|traced(?:\s+back)?|put\s+down|linked)\s+to\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|future|(?:19|20)\d\d)\b)[^.;]*",
    re.I,
)
# An institution's own policy act told by its own voice (the guide's ninth batch: "we will continue to make net
# purchases ... until the end of September 2018" is a decision; the thirty-seventh: a council's decided sequence, told
# by its speaker): "First, we will end net purchases", "we will raise our key policy rates", "This autumn we will decide
# on the calibration of our policy instruments", "The Governing Council will decide on ... at its next meeting". Only
# the subject, "will" and the act are masked: "I expect that we will raise rates in September" keeps "expect" (an
# expectation of one's own decision counts), and "we will likely need to", "we will see" have no act here.
_OWN_POLICY_ACT = patterns.compile(
    r"\b(?:(?:we|the\s+(?:governing\s+)?council|the\s+committee|the\s+board)(?:\s+(?:will|shall)|['’]ll)\s+"
    r"(?:also\s+|then\s+|first\s+|again\s+)?(?:decide|deliberate|reassess|re-?examine|revisit|review)"
    r"|we(?:\s+(?:will|shall)|['’]ll)\s+(?:also\s+|then\s+|first\s+|now\s+|therefore\s+)?(?:continue\s+to\s+)?"
    r"(?:end|stop|conclude|terminate|halt|cease|phase\s+out|wind\s+down|start|begin|launch|raise|lower|cut|hike|"
    r"reduce|increase|taper|adjust|recalibrate|keep|maintain|make|conduct|purchase|buy|reinvest|set))\b"
    r"(?=[^.;]{0,80}?\b(?:purchases?|programmes?|programs?|instruments?|reinvest\w*|(?:policy|interest|key|deposit)\s+"
    r"(?:\w+\s+)?rates?|rates|balance\s+sheet|holdings|tools|stance|calibration|APP|PEPP|facilit(?:y|ies)|"
    r"operations)\b)",
    re.I,
)
# The speaking institution's own plans beyond policy (the guide's forty-ninth batch: a review's schedule and outreach,
# plans and decisions; the fiftieth: a supervisor's plans), masked to the clause's end: "we will organise seminars",
# "we will implement a long-term solution", "we will take on board lessons", "we will do everything we can", "the
# consultation will include public hearings". "we will see inflation fall" has no act here.
_OWN_PLAN = patterns.compile(
    r"\bwe(?:\s+(?:will|shall)|['’]ll)\s+(?:also\s+|then\s+|now\s+|therefore\s+|first\s+|soon\s+)?(?:continue\s+to\s+)?"
    r"(?:implement|organi[sz]e|hold\s+(?!(?:\w+\s+)?rates?\b)|host|publish|introduce|launch|set\s+up|establish|"
    r"develop|draw\s+on|take\s+on\s+board|adapt|refine|carry\s+out|undertake|put\s+in\s+place|roll\s+out|invite|"
    r"do\s+(?:everything|all|what)|strive|seek|follow\s+through|push\s+(?:forward|ahead)|press\s+(?:on|ahead|for)|"
    r"engage|pursue|work\s+(?:with|to|on|closely)|challenge|advocate|champion|build\s+on|stand\s+(?:by|with|up))\b"
    r"[^.;,]*"
    # its work carried on ("we will continue our work in the G20", "we will continue to press for reciprocity"; not
    # "we will continue to see", an outcome) and a task under way ("we will be building relationships", "we will be
    # notifying Congress"; not "we will be seeing" or "facing")
    r"|\bwe(?:\s+(?:will|shall)|['’]ll)\s+(?:also\s+|certainly\s+)?(?:continue\s+(?:our|its|their|this|that|these|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:work|efforts?|engagement|dialogue|support|commitment|focus|push|fight|policies|programs?|"
    r"programmes?)\b|continue\s+to\s+(?!(?:see|have|experience|face|need|get|expect|observe|find|be)\b)[a-z]+|be\s+"
    r"(?!(?:seeing|facing|getting|experiencing|looking\s+at|living|dealing)\b)[a-z]+ing\b)[^.;,]*"
    r"|\b(?:review|consultation|conference|programme|program|exercise|survey|assessment|process|outreach|initiative)\s+"
    r"will\s+(?:also\s+)?(?:include|involve|comprise|feature|consist\s+of)\b[^.;]*",
    re.I,
)
# the estimative adverbs that make "we will likely raise rates" a forecast, and an amount ("$800 billion", "3 percent")
_ESTIMATIVE = (
    r"(?:likely|probably|possibly|certainly|surely|definitely|undoubtedly|presumably|eventually|ultimately|inevitably)"
)
_AMOUNT_AHEAD = r"(?:[$€£]\s?\d|\b\d[\d.,]*\s*(?:%|percent|per\s+cent|billion|million|trillion)\b)"
# a named time that places an event ahead in news and agency write-ups, which ``_TIME_AHEAD`` leaves to the deadline
# reader: a weekday, a month ("may" is the modal), "this summer", "by winter", "before the recess", "as soon as": with
# one, what a thing, a legislature or an agent could or may do is a forecast ("a storm that could reach the coast by
# Tuesday", "Congress could hold a vote on Friday", "may lack the capacity this summer"). Not a duration ("for
# months", "within 90 days of enactment"), which a past ability or a rule's requirement has too.
# every month's name, and the months but May, which is also the modal
MONTH_NAME = r"(?:" + "|".join(name.lower() for name in calendar.month_name[1:]) + r")"
_MONTH = r"(?:" + "|".join(name.lower() for name in calendar.month_name[1:] if name != "May") + r")"
DATED_AHEAD = (
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|tonight|"
    + _MONTH
    + r"|this\s+(?:week|weekend|month|year|quarter|season|session|spring|summer|fall|"
    r"autumn|winter)|in\s+the\s+(?:spring|summer|fall|autumn|winter)\b(?!\s+(?:of\s+)?(?:19|20)\d\d)|"
    r"(?:by|before|until|through|into)\s+(?:the\s+)?(?:end\s+of|spring|summer|fall|autumn|winter|"
    r"year-end|mid-?[a-z]+|(?:[\w-]+\s+)?recess|holidays?)|as\s+(?:soon|early)\s+as)\b"
    # (not a rule's recurring date: "by the end of each fiscal year")
    r"(?!\s+(?:of\s+)?(?:each|every|the\s+(?:fiscal|calendar)\s+year))"
)
_DATED_AHEAD_RE = patterns.compile(DATED_AHEAD, re.I)
# the other times a present "see" takes as ahead ("sees the economy growing 0.6 percent in fiscal 2025", "see the
# unemployment rate rising to 4.6 percent by the fourth quarter", "see inflation at 2.9 percent by December"); the past
# "saw" takes only ``_TIME_AHEAD``'s ("Participants saw inflation running above 2 percent through next year"), not a
# month or "this year", which a report of what was seen has too ("Contacts saw demand weakening in April")
_SEE_WHEN = patterns.compile(
    DATED_AHEAD + r"|\b(?:in|for|by|through)\s+(?:the\s+)?fiscal\s+(?:year\s+)?(?:19|20)\d\d\b"
    r"|\b(?:by|in)\s+the\s+(?:first|second|third|fourth)\s+quarter\b(?!\s+of\s+(?:19|20)\d\d)",
    re.I,
)
# ... and a duration ahead, for an event under way ("a port strike that could shut terminals for weeks", "a budget
# vote that could topple the government within weeks")
_DURATION_AHEAD = (
    r"\b(?:for|within)\s+(?:(?:several|a\s+few)\s+)?(?:days|weeks|months)\b|\bwithin\s+(?:a|an)\s+(?:day|week|month|year|"
    r"decade)\b"
)
# not told as what others foresee: "Lawmakers could extend the subsidies, analysts said", "according to vote counters"
# (people who foresee, not a report that describes an option: "the report said")
_FORESEEN = (
    r"\b(?:according\s+to\s+(?!(?:the|this|that|a|its|their)\s+(?:report|study|analysis|review|paper)\b)|"
    r"(?:analysts?|economists?|aides?|officials?|negotiators?|observers?|experts?|strategists?|forecasters?|traders?|"
    r"sources|leaders?|lawmakers|people|insiders|lobbyists|union|company|utility|spokes(?:man|woman|person))\s+"
    r"(?:\w+\s+){0,3}?(?:said|say|says|predicted|predict|predicts|warned|warn|warns|expect|expects|believe|believes))"
)
_NOT_FORESEEN = r"(?![^.;]*" + _FORESEEN + r")"
# no time ahead in the rest of the clause (a time ahead makes a possibility or a plan's outcome a forecast)
_NO_TIME_AHEAD = r"(?![^.;]*\b(?:next|coming|ahead|later|soon|as\s+early\s+as|(?:19|20)\d\d)\b)"
# ... and, for the masks of an agent's acts, the other times a forecast names ("this year", "in mid-August", "by the end
# of the week", "in the fourth quarter", "through the summer"): an act is a plan, an act with its time often a forecast
_TIME_NAMED = (
    r"(?:next|coming|ahead|later|soon|as\s+early\s+as|(?:19|20)\d\d|this\s+(?:year|quarter|month|week|spring|summer|fall|"
    r"autumn|winter|decade|season)|(?:by|before|until|through)\s+the\s+end|"
    + _MONTH
    + r"|(?:first|second|third|fourth)\s+"
    r"(?:quarter|half)|through\s+the\s+(?:summer|winter|spring|fall|autumn|holiday)|holiday\s+season)"
)
_NO_TIME_NAMED = r"(?![^.;]*\b" + _TIME_NAMED + r"\b)"
# a clause's end: its full stop or semicolon, or a contrast (", but", ", while") that starts a clause of its own
# (and a clause of its own with a forecast word: "Voters will decide on the measure in November, and polls show it will
# pass easily", "aims to keep inflation at 2 percent, which we project it will reach by late 2025")
_TO_CLAUSE_END = (
    r"[^.;]*?(?=,\s+(?:but|while|although|whereas|yet)\b|,\s+(?:and|so|which)\s+"
    # (not a list's indirect question: "cognizant of who their lenders are, ..., and whose interests those lenders
    # will ultimately prioritize")
    r"(?!(?:who|whose|what|which|how|whether|when|where|why)\b)(?:[\w'’-]+\s+){0,5}?(?:will|should|"
    r"(?:is|are)\s+(?:likely|expected)\s+to|expects?|projects?|anticipates?|forecasts?)\b|[.;]|$)"
)
# The speaker's own speech acts (the guide: text about the text, "I will be brief", "I would note"), masked to the
# clause's end: the parts of a talk ("The first will briefly cover ...", "the second part will turn to"), what the
# speaker would add ("I would also provide some context"), how the speaker might put it ("the ways that I might
# summarize"), a list that "could be continued" or "could go on", and what "will come as no surprise to any of you".
# A forecast in what is said stays ("I would also note that inflation will fall").
_OWN_SPEECH = patterns.compile(
    r"^\W*(?:the|my)\s+(?:first|second|third|fourth|fifth|last|final|next|other|latter|former)(?:\s+(?:part|section|"
    r"half|theme|topic|point|segment|portion|set\s+of\s+remarks))?\s+(?:will|shall)\s+(?:\w+ly\s+|also\s+|then\s+)?"
    r"(?:cover|address|discuss|focus|turn\s+(?:\w+\s+)?to|look\s+(?:at|into|ahead|back)|examine|review|describe|deal|"
    r"touch|concern|consider|outline|explore|be\s+(?:about|on|devoted))\b[^.;]*"
    r"|\b(?:I|we)(?:\s+would|['’]d)\s+(?:also\s+|just\s+|again\s+|then\s+)?(?:provide|give|offer|add|share)\s+"
    r"(?:(?:some|a\s+bit\s+of|a\s+little|a\s+few|the|a|an|more|further|additional|two|three|one|my)\s+)?(?:[\w-]+\s+)?"
    r"(?:context|background|perspective|colou?r|details?|updates?|overview|summary|comments?|thoughts|observations|"
    r"caveats?|points?|remarks)\b(?:(?!\bthat\b)[^.;:])*"
    r"|\b(?:I|we)\s+(?:might|could|may)\s+(?:\w+ly\s+|also\s+)?(?:communicate|describe|say|put|phrase|explain|present|"
    r"frame|summari[sz]e|characteri[sz]e|term|call|label|illustrate|express|articulate|define)\b(?!\s+that\b)"
    # (not an outlook described with its time: "We might describe the outlook as one in which growth slows next year")
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)[^.;,]*"
    r"|\b(?:list|questions|examples|issues)\b[^.;]{0,40}?\b(?:could|can|might)\s+(?:\w+ly\s+)?(?:be\s+(?:\w+ly\s+)?"
    r"(?:further\s+)?(?:continued|extended|lengthened|expanded)|go\s+on)\b(?![^.;]*\b(?:next|coming|ahead|later|"
    r"(?:19|20)\d\d)\b)[^.;]*"
    r"|\bI\s+could\s+go\s+on\b[^.;]*"
    r"|\b(?:will|would|should|may|might)\s+(?:not\s+)?(?:\w+ly\s+)?(?:come\s+as|be)\s+(?:a|no|any|little)\s+"
    r"(?:\w+\s+)?surprise\s+to\s+(?:you|(?:any|many|most|some|all|few)\s+of\s+you|this\s+audience|anyone\s+"
    r"(?:here|in\s+this\s+room))\b[^.;]*",
    re.I,
)
# An agenda (the guide: plans; an aim stated in the future tense; "the key question will be whether" is a question),
# masked to the clause's end: a priority, goal, task, challenge or question of the speaker's side that "will be"
# something ("A top priority in 2026 will be the implementation of ...", "the challenge for regulators will be to
# keep pace"), work there "will be" to do ("There will be considerable work to modernize ..."), a goal that "is to" do
# something with what it is for ("A central goal of the plan is to expand access, which will lower costs"), and a step
# called important ("This will be an important step"). A cause of what is ahead ("a key driver of growth will be
# consumer spending") and a fact about an event ahead ("the first rate cut in four years") have no agenda noun.
_AGENDA_ITEM = patterns.compile(
    r"(?:^\W*|[,;:]\s*|\b(?:and|but|so|hence|thus)\s+)(?:(?:in\s+(?:short|essence|sum)|hence|thus|so|therefore|finally|"
    r"moreover|first|second|third)\s*,?\s+)?(?:an?|the|one|another|our|my|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:priority|priorities|focus|goal|aim|objective|task|agenda|mission)\b[^.;]{0,80}?"
    r"\b(?:will|shall|would)\s+(?:also\s+|still\s+|continue\s+to\s+)?be\b"
    # (a challenge or an issue with a time ahead may be a state: "A major challenge for the economy next year will be
    # weak demand abroad"; with "to", "whether" or "how" it is the task or the question)
    r"|(?:challenge|question|issue|test|criterion)\b(?:[^.;]{0,80}?\b(?:will|shall|would)\s+(?:also\s+|still\s+)?be\s+"
    r"(?=to\s+[a-z]|whether|how|what|if|which|when)|" + _NO_TIME_AHEAD + r"[^.;]{0,80}?\b(?:will|shall|would)\s+"
    r"(?:also\s+|still\s+)?be\b))"
    r"(?!\s+(?:\w+ly\s+)?(?:met|achieved|reached|missed|attained|[a-z]+ed)\b)"
    # (to a clause of its own with a modal: "The biggest issue will be the lack of supply, which will keep prices
    # rising", "The priority for households will be paying down debt, so consumer spending will slow")
    r"(?:(?!,\s+(?:which|so|and|but|while|although|whereas)\s+(?:[\w'’-]+\s+){0,4}?(?:will|would|should|could|may|"
    r"might|(?:is|are)\s+likely|expect|expects|anticipate|anticipates|project|projects|forecast|forecasts|see|sees)\b)"
    r"[^.;])*"
    r"|\bthere\s+(?:will|shall)\s+(?:also\s+)?be\s+(?:\w+\s+){0,2}?(?:work|efforts?|emphasis|focus)\s+(?:to|on)\b[^.;]*"
    r"|\b(?:aim|goal|priority|task|objective|intention|purpose|mission)s?\b(?:\s+(?:of|for)\s+[^.;]{0,80}?)?\s+"
    r"(?:is|are|remains?)\s+to\s+[a-z]+\b[^.;]*?(?=,\s+(?:and|but|yet|so|while|although|whereas)\s+(?:[\w'’-]+\s+){1,4}?"
    r"(?:will|would|could|may|might|should|(?:is|are)\s+(?:likely|expected)\s+to)\b|[.;]|$)"
    r"|\b(?:will|would)\s+(?:also\s+)?be\s+(?:an?|the)\s+(?:(?:very|most|more|particularly|really|truly)\s+)?"
    r"(?:important|significant|major|crucial|key|big|welcome|necessary|critical|essential|useful|decisive|historic|"
    r"vital)\s+(?:first\s+)?(?:step|milestone|move|contribution|element|component|ingredient|part|priority|"
    r"consideration|achievement)\b"
    # (not a part of an outcome or a contribution to it, nor one with its time: "The new tariffs will be a significant
    # contribution to inflation", "Energy will be an important part of the rebound in exports next year")
    r"(?!\s+(?:to|of|in|for)\s+(?:the\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}?(?:growth|inflation|prices|spending|"
    r"demand|employment|unemployment|jobs|wages|output|activity|investment|exports|imports|consumption|GDP|economy|"
    r"recovery|rebound|expansion|deficit|debt|slowdown|downturn|decline|increase)\b)" + _NO_TIME_NAMED + r"[^.;]*",
    re.I,
)
# Advice and options (the guide: "should" about the future counts, advice does not; a legislature that "may" consider a
# measure is permission; a plan's make-up is the plan), masked to the clause's end: what a legislature "could",
# "might" or "may" do by deliberation, with no time ahead and no amount ("Congress could also require the agency to
# report", "Lawmakers might consider capping the fees"), options to consider ("it may consider several options"), a
# choice given with its alternatives ("could expand, shrink, or keep", "might raise, lower, or hold"), what an agent
# "should" do by deliberation ("should restrict its attention to", "should play a larger role"), what recommendations
# "will help" an agency do ("will help DOD close the gaps"), and what people "need to know". "Congress could pass the
# bill as early as next week" names a time ahead and stays.
_ADVICE_OR_OPTION = patterns.compile(
    r"\b(?:congress|lawmakers|legislators|legislatures?|parliament|members(?:\s+of\s+congress)?|the\s+(?:senate|house))"
    r"\s+(?:also\s+|instead\s+|alternatively\s+)?(?:could|might|may)\s+"
    r"(?:also\s+|instead\s+|then\s+|choose\s+to\s+|wish\s+to\s+|want\s+to\s+)?"
    r"(?!(?:see|face|have|be|find|experience|need|get|feel|lose|gain|soon|not|never|well|yet|even|still|struggle|fail|"
    r"stall|balk|refuse|falter|succeed|shut|end\s+up|reach|strike|agree|compromise)\b)(?!\w+ly\b)[a-z]+\b"
    + _NO_TIME_AHEAD
    + r"(?![^.;]*\b(?:as\s+soon\s+as|this\s+(?:week|month|year|session|fall|autumn|spring|summer|winter)|tomorrow|"
    r"tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|by\s+the\s+end)\b)"
    r"(?![^.;]*" + _AMOUNT_AHEAD + r")(?![^.;]*" + DATED_AHEAD + r")" + _NOT_FORESEEN + r"[^.;]*"
    r"|\b(?:may|might|could)\s+(?:also\s+|wish\s+to\s+|want\s+to\s+)?consider\s+(?:a\s+(?:number|range|variety|set)\s+of\s+|"
    r"several\s+|various\s+|other\s+|these\s+|such\s+|further\s+|some\s+|additional\s+)?(?:[\w-]+\s+)?(?:options|"
    r"alternatives|approaches|ways|steps|measures|whether|how)\b[^.;]*"
    r"|\b(?:could|might|may|can)\s+(?:\w+ly\s+)?[a-z]+,\s+[a-z]+,?\s+or\s+[a-z]+\b" + _NO_TIME_AHEAD + r"[^.;]*"
    r"|\b(?:should|must|ought\s+to)\s+(?:\w+ly\s+|also\s+|instead\s+)?(?:restrict|confine|limit)\s+(?:its|their|itself|"
    r"themselves|our|his|her)\b[^.;]*"
    r"|\b(?:should|must|ought\s+to)\s+(?:\w+ly\s+|also\s+)?(?:play|take|assume|have)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:role|part|say|voice)\b"
    # (a role with its time is a forecast: "Exports should play a bigger role in growth next year")
     + _NO_TIME_NAMED + r"[^.;]*"
    r"|\b(?:should|must|ought\s+to)\s+(?:\w+ly\s+|also\s+)?follow\s+(?:[“\"‘']|the\s+(?:principle|rule|approach)|"
    r"(?:a|an|this|that|the\s+same)\s+(?:[\w-]+\s+)?(?:principle|rule|approach))[^.;]*"
    r"|\b(?:will|would|should|can|could)\s+(?:also\s+|\w+ly\s+)?help\s+(?:(?-i:[A-Z]{2,6})|the\s+(?:[\w-]+\s+)?(?:department|"
    r"agency|agencies|office|government|administration|congress|committee|regulators|supervisors|service))\s+(?:to\s+)?"
    r"(?:\w+ly\s+)?(?:address|tackle|meet|overcome|manage|resolve|close|fix|remedy|improve|strengthen|enhance|carry\s+out|"
    r"fulfil+|achieve|do|plan|oversee|modernize|modernise)\b"
    # (an outcome's help with its time: "Stronger growth will help the government meet its deficit target next year")
     + _NO_TIME_NAMED + r"[^.;]*"
    r"|\b(?:need|needs|needed)\s+to\s+(?:know|be\s+(?:assured|confident|sure|certain)|understand|see)\s+that\b"
    # (not what they need to know will happen by a time: "Banks need to know that rates will stay high through 2025")
     + _NO_TIME_AHEAD + r"[^.;]*",
    re.I,
)
# A programme's design, a decision and a schedule (the guide: "a plan's make-up is the plan", decisions announced with a
# schedule, "what a proposed law 'will enable' is the capability it would give", tariffs "expected to cover" an amount
# state the measure's scope), masked to the clause's end: what a system or an institution "aims to" be or do ("aims to
# be a system that will be cheap for users", "aims to keep inflation low, which limits the risk that ..."), what a
# plan, proposed rules or a report "will set out" or "address", what a body "will encompass", what a reform "will enable
# us to" do, an institution's framework or review that "will be retained" or "finalised", policies that "will be
# directed at" an aim, a readiness ("is ready to assume the tasks"), a rotating chair ("will chair the G20"), a mandated
# task ("is to provide an update by June 30"), a measure's scope, the elimination of a rule by an agreement, and the
# work items an institution "will work on". An effect with a number ("the plan will cut the deficit by $1 trillion")
# has no design verb here.
_DESIGN_OR_SCHEDULE = patterns.compile(
    r"(?:\b(?:aims?|aimed|aiming|seeks?|strives?)\s+to\s+(?:\w+ly\s+)?(?:be|become|provide|offer|create|deliver|make|"
    r"support|achieve|keep|bring|ensure|give|build|serve|promote|maintain|foster|preserve)\b"
    r"|(?:^\W*|[,;:]\s*)(?:the|this|that|these|those|its|their|our|his|her|such)\s+(?:[\w-]+\s+){0,3}?(?:program|programme|"
    r"plan|bill|law|package|scheme|measure|legislation|proposal|initiative|rule|regulation|framework|strategy|report|"
    r"review|guidance|standard|disclosure|agreement|chapter|provision)s?\s+(?:will|would)\s+(?:also\s+)?(?:set\s+out|"
    r"lay\s+out|outline|describe|detail|identify|address|define|specify|spell\s+out|encompass|comprise|clarify)\b"
    # (not with the effect's amount: "The plan will address the shortfall, cutting the deficit by $1 trillion")
    r"(?![^.;]*" + _AMOUNT_AHEAD + r")"
    r"|\bwill\s+(?:also\s+)?(?:enable|allow|permit|empower|equip)\s+(?:us|me|the\s+(?:department|agency|government|"
    r"administration|committee|treasury|board|fed|bank|regulators|supervisors)|regulators|supervisors|authorities|"
    r"policymakers)\s+to\b"
    # (what an outcome will allow with its time is the policy ahead: "Lower inflation will allow us to cut rates later
    # this year")
    + _NO_TIME_NAMED
    + r"|\b(?:goal|target|framework|strategy|review|assessment|programme|program|rules?|regulations?|standards?|"
    r"guidance|facility|consultation|study|project|exercise)\b[^.;]{0,60}?\b(?:will|shall)\s+(?:also\s+)?be\s+(?:\w+ly\s+)?"
    r"(?:retained|kept|maintained|preserved|finali[sz]ed|completed|concluded|launched|implemented|introduced|"
    r"phased\s+in|unveiled|extended|discontinued)\b"
    # (not a completion late or over budget: "will be completed two years behind schedule")
    r"(?![^.;]*\b(?:behind\s+schedule|over\s+budget|late|delayed)\b)(?![^.;]*" + _AMOUNT_AHEAD + r")"
    r"|\bwill\s+be\s+(?:\w+ly\s+)?(?:directed|aimed|targeted|geared|tailored|designed)\s+(?:at|to|toward|towards)\b"
    r"|\b(?:is|are|am|['’]re|remains?|stands?)\s+(?:\w+ly\s+|also\s+|always\s+)?(?:ready|prepared|willing)\s+to\s+"
    r"(?:\w+ly\s+)?(?:act|assume|use|do|take|provide|adjust|respond|step\s+in|intervene|support|help|lend|work|deploy|"
    r"deliver|cooperate|engage|consider|accept|shoulder|play|contribute)\b"
    + _NO_TIME_AHEAD
    + r"|\b(?:is|are)\s+to\s+(?:provide|report|submit|deliver|issue|publish|review|complete|conduct|present|brief|"
    r"notify|send|transmit|prepare)\b"
    r"|\b(?:tariffs?|duties|levies|sanctions|restrictions|measures?|rules?|programs?|programmes?|bans?|requirements?|"
    r"regulations?)\b[^.;]{0,40}?\b(?:is|are)\s+(?:\w+ly\s+)?expected\s+to\s+(?:cover|apply\s+to|include|encompass)\b"
    r"|\bwill\s+(?:also\s+)?(?:result\s+in|lead\s+to)\s+the\s+(?:elimination|removal|repeal|abolition|creation|"
    r"establishment)\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:rules?|requirements?|regulations?|restrictions?|"
    r"provisions?|laws?|offices?|agency|agencies|programs?|barriers?)\b"
    r"|\b(?:points|items|priorities|areas|issues|topics|projects|tasks|initiatives|actions)\s+(?:that\s+|which\s+)?"
    r"(?:it|they|we|the\s+\w+)\s+will\s+(?:\w+ly\s+)?(?:work\s+on|focus\s+on|address|pursue|tackle|take\s+forward)\b)"
    + _TO_CLAUSE_END
    # (a body's make-up and a rotating chair, to the next comma: "the new organization ... that will encompass OPIC",
    # "will chair the G20"; not "the storm will encompass much of the coast")
    + r"|\b(?:organi[sz]ation|agency|body|program|programme|group|fund|facility|council|board|committee|network|union|"
    r"alliance|initiative|department|office|entity|corporation)\b[^.;]{0,120}?\bwill\s+(?:also\s+)?(?:encompass|comprise|"
    r"consist\s+of|be\s+(?:composed|made\s+up)\s+of)\b[^.;,]*"
    r"|\b(?:will|shall)\s+(?:also\s+)?(?:chair|preside\s+over|hold\s+the\s+(?:rotating\s+)?presidency\s+of)\s+(?:the\s+)?"
    r"(?-i:[A-Z])[^.;,]*",
    re.I,
)
# Demands, warnings and judgements of what ought to be done (the guide: advice; "market participants 'should expect that
# regulators ... will take a very hard look' is the regulators' own intention and names no checkable state"; "it would
# be appropriate" is a judgement; reports of concern are no forecasts), masked to the clause's end: what an agent
# "should review" or "should know", the authorities' own intention given as a warning ("should expect that regulators
# will"), what people "expect their government to" do (a demand on one's own leaders, no time ahead), an instruction
# ("what the President has instructed that we do is to"), what someone "must remain aware of", what "it would be
# irresponsible to" do, the effect claimed for implementing recommendations, an argument the speaker will address,
# and a scenario the speaker "could envision". "Economists expect the government to cut taxes next year" names no
# leaders of their own and stays.
_DEMAND_OR_JUDGEMENT = patterns.compile(
    r"(?:\b(?:should|must|ought\s+to)\s+(?:\w+ly\s+|also\s+|first\s+)?(?:review|reconsider|revisit|reassess|re-?examine|"
    r"examine|scrutini[sz]e|investigate|vet|know|be\s+aware|understand|realize|realise|rest\s+assured)\b"
    # (not what they should know the speaker expects: "You should know that we expect unemployment to peak at 4.8
    # percent next year")
    r"(?![^.;]*\b(?:expect\w*|anticipat\w*|project\w*|forecasts?|predict\w*)\b)"
    r"|\bshould\s+(?:\w+\s+)?expect\s+(?:that\s+)?(?:regulators|supervisors|authorities|enforcers|prosecutors|we|the\s+"
    r"(?:government|department|agency|agencies|regulators|supervisors|treasury|authorities|administration))\b"
    r"|\bexpects?\s+(?:their|our|its|his|her|my|your)\s+(?:own\s+)?(?:government|leaders|leadership|officials|"
    r"representatives|politicians|institutions|elected\s+officials|central\s+bank|regulators|congress)\s+to\b"
    + _NO_TIME_AHEAD
    + r"|\bwhat\s+(?![^.;]{0,80}?\b(?:likely|probably|expects?|expected|expecting|anticipat\w*|predict\w*|(?:think|"
    r"believe|guess|suspect)\s+(?:\w+\s+){0,2}?(?:will|['’]ll))\b[^.;]{0,80}?\b(?:do|does|did)\s+is\s+to\b)"
    r"[^.;]{0,80}?\b(?:do|does|did)\s+is\s+to\s+[a-z]+"
    r"|\b(?:must|should|need\s+to|ought\s+to)\s+(?:\w+ly\s+)?(?:remain|be|stay|become)\s+(?:\w+ly\s+)?(?:cognizant|"
    r"aware|mindful|conscious|wary)\s+of\b"
    r"|\bit\s+(?:would|will|could|might)\s+(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?(?:irresponsible|unwise|wrong|a\s+mistake|"
    r"an\s+error|dangerous|reckless|foolish|counterproductive|inappropriate|imprudent|short-?sighted|unhelpful|"
    r"preferable|sensible)\s+(?:to|for)\b"
    r"|\brecommendations\b[^.;]{0,100}?\b(?:their|its)\s+implementation\s+(?:could|would|will|may|might)\b"
    r"|\b(?:implementing|implementation\s+of|adopting|adoption\s+of)\s+[^.;]{0,40}?recommendations\b[^.;]{0,80}?"
    r"\b(?:could|would|will|may|might)\b"
    + _NO_TIME_AHEAD
    + r"|\b(?:I|we)\s+(?:\w+\s+){0,2}?(?:want\s+to|will|would\s+like\s+to|['’]d\s+like\s+to|"
    r"wish\s+to|plan\s+to|intend\s+to)\s+(?:\w+ly\s+)?(?:address|discuss|rebut|counter|respond\s+to|consider|examine|"
    r"take\s+up)\s+(?:the|a|an|this|that|one)\s+(?:[\w-]+\s+){0,2}?(?:argument|claim|concern|view|notion|idea|contention|"
    r"assertion|criticism|worry|fear)s?\b"
    r"|\b(?:I|we)\s+(?:could|might|can)\s+(?:\w+ly\s+|also\s+|even\s+)?(?:envision|envisage|imagine|conceive\s+of)\s+"
    r"(?:a|an|the|one|another|two|three)\s+(?:[\w-]+\s+){0,2}?(?:scenarios?|models?|cases?|worlds?|designs?|options?|"
    r"setups?|arrangements?|variants?)\b"
    # (not a scenario told with its time: "We can envision a scenario where inflation falls below 1 percent in 2026")
     + _NO_TIME_AHEAD + r")" + _TO_CLAUSE_END,
    re.I,
)
# Requirements and decisions still to be made (the guide: needs, calls for action, decisions), masked to the clause's
# end: what an agent "will have to" do by deliberation ("will have to take steps", "will have to rely on"), what a
# rule's subjects "will need to" do to comply ("will also need to source their parts at home"), a requirement in the
# passive that names its agents ("should be made available ... by the providers"), who "will decide" when or
# whether, a decision told as a noun ("my determination that ... would last until"), and options counted off
# ("Fifth, they could simply pay a fee"). An amount ("will have to set aside $50 billion"), a policy move ("we will
# have to raise rates") and an option counted off with a time ahead stay.
_REQUIREMENT = patterns.compile(
    r"(?:\b(?:will|shall|['’]ll)\s+(?:also\s+|then\s+|first\s+)?(?:have|need)\s+to\s+(?:take\s+(?:\w+\s+)?(?:steps|action|"
    r"measures)|rely\s+on|comply|source|register|file|obtain|disclose|certify|meet\s+(?:the|these|new|strict|stricter)\s+"
    r"(?:[\w-]+\s+)?(?:standards?|requirements?|rules?|conditions?))\b(?![^.;]*"
    + _AMOUNT_AHEAD
    + r")"
    # (a need with its time is what the agent will do: "Households will have to rely on savings as real incomes fall
    # next year")
    + _NO_TIME_AHEAD
    + r"|\bshould\s+be\s+(?:made\s+available|provided|offered|implemented|adopted|put\s+in\s+place|introduced|"
    r"rolled\s+out)\b"
    r"(?=[^.;]*\bby\s+(?:the\s+|all\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:providers|banks|firms|institutions|operators|"
    r"members|participants|states|authorities|companies|issuers|lenders)\b)"
    r"|(?<!\beconomy\s)(?<!\bdata\s)(?<!\bmarkets\s)(?<!\bmarket\s)(?<!\bevents\s)\bwill\s+(?:also\s+|jointly\s+|"
    r"ultimately\s+)?decide\s+(?:when|whether|how|what|if|on)\b"
    # a decision told as a noun: "my determination that the suspension period would last until July 31"
    r"|\b(?:my|our|its|his|her|their|the)\s+(?:\w+\s+)?(?:determination|decision)\s+that\b"
    # ... and an announcement reported with its "would": "the announcement that these facilities would soon be launched"
    r"|\b(?:the|its|their|our|this|that)\s+(?:\w+\s+)?announcement\s+that\b(?=[^.;]*\bwould\b)"
    # (not with a forecast of its effect: "The announcement that the tariffs would take effect in August will push
    # prices up this summer")
    r"(?![^.;]*\b(?:will|shall)\b)"
    # options counted off: "Fifth, they could simply pay a fee", "Second, firms could move their plants abroad"
    r"|^\W*(?:first|second|third|fourth|fifth|sixth|seventh|finally|lastly|alternatively)\s*,\s+(?:[\w-]+\s+){1,3}?"
    r"(?:could|can|might)\s+(?:also\s+|simply\s+|instead\s+|even\s+)?(?!(?:be|have|see|face|lose|suffer|"
    # (not a risk counted off: "Second, inflation could rise further", "Finally, unemployment could climb to 5 percent")
    r"rise|fall|climb|spike|jump|surge|soar|drop|decline|weaken|strengthen|slow|accelerate|increase|decrease|"
    r"surprise|deteriorate|worsen|improve|stall|contract|shrink|grow|expand|fade|ease|tighten|remain|stay|persist|"
    r"prove|turn|become|reach|hit|exceed|top|peak|rebound|recover|widen|narrow|trigger|spill|spread|erode|weigh|"
    r"hurt|boost|lift|add|cause|lead|result|prompt|derail|undermine|tip|slip|sink|plunge|collapse|emerge|return)\b)"
    r"[a-z]+\b" + _NO_TIME_AHEAD + r")" + _TO_CLAUSE_END,
    re.I,
)
# Routine fluctuation (the guide's seventieth batch: "ups and downs" in the monthly data, like "there will doubtless be
# revisions"), masked to the clause's end: an expectation or a "there will be" whose object is only ups and downs,
# bumps along the road or revisions. Revisions with their content ("revisions to GDP to show stronger growth") go on.
_ROUTINE_FLUCTUATION = patterns.compile(
    r"\b(?:expects?|expected|anticipates?|sees?|there\s+(?:will|may|might|could|would)(?:\s+(?:\w+ly|doubtless|also|still|no\s+doubt))?\s+be|will\s+(?:be|have|see))\b"
    # (not revisions with their direction: "we expect large downward revisions")
    r"(?![^.;,]{0,50}?\b(?:upward|downward)\b)"
    r"[^.;,]{0,50}?\b(?:ups\s+and\s+downs|bumps\s+(?:along|in)\s+the\s+road|(?:some\s+|further\s+|more\s+)?revisions)\b"
    r"(?:\s+in\s+(?:the\s+)?(?:monthly|weekly|quarterly)?\s*(?:data|numbers|figures|reports?|estimates))?(?=\s*(?:[.;,!]|$)|\s+(?:as|but|and)\b)"
    # (to the next "but" or "and": "Inflation will have its ups and downs but should reach 2 percent next year")
    r"(?:(?!\s(?:but|and)\s)[^.;,])*",
    re.I,
)
# An institution's engagement and commitments (the guide: pledges and plans, "we will continue to work closely with the
# Congress", "the reforms a department 'will push for'"), masked to the clause's end. A verb that only an agent does
# is a plan whoever its subject ("the Department will partner with state agencies", "Treasury will consult with
# experts", "the office will continue its efforts", "she will take action", "the agency will implement new controls",
# "will remain a reliable partner", "will stay focused on"); a verb the world can also do ("continue to grow",
# "remain the largest producer") is a plan only with the speaker's side as subject: "we" (also set off by dashes or
# brackets: "We—the Treasury and our partners—will"), "our Administration", "our review", the speaker's department or
# Treasury opening its clause. "We will see inflation fall" has no act here, nor "Treasury will exhaust its measures".
_APPOSITION = r"(?:\s*[—–]\s*[^—–.;]{1,80}?\s*[—–]|\s*\([^()]{1,80}\))?"
# (not what households, firms or markets will do: "Consumers will remain focused on bargains", "Retailers will take
# steps to cut inventories", a forecast of their behaviour)
_NOT_MARKET_AGENT = "".join(
    rf"(?<!\b{w}\s)"
    for w in (
        "consumers households shoppers firms businesses retailers companies investors employers lenders banks markets "
        "buyers producers exporters importers manufacturers builders borrowers savers workers farmers"
    ).split()
)
_ENGAGEMENT = patterns.compile(
    _NOT_MARKET_AGENT
    + r"\b(?:will|shall|['’]ll)\s+(?:also\s+|then\s+|now\s+|therefore\s+|again\s+)?(?:continue\s+to\s+)?"
    r"(?:(?:work|partner|cooperate|collaborate|consult|engage|coordinate|team\s+up|liaise)\s+(?:\w+ly\s+)?(?:with|together|"
    r"alongside)\b|continue\s+(?:its|our|their|his|her|this|that|these)\s+(?:[\w-]+\s+){0,2}?(?:work|efforts?|engagement|"
    r"dialogue|partnership|support|commitment|mission|outreach|fight|push|advocacy)\b|insist\s+(?:on|that)\b|"
    r"appeal\s+to\b|have\s+to\s+(?:reflect|think|consider|ask\s+ourselves|decide|weigh|look\s+(?:at|into)|examine)\b|take\s+(?:\w+\s+){0,2}?(?:action|actions|steps|measures)\s+to\b|"
    r"implement\s+(?:\w+\s+){0,2}?(?:changes|controls|procedures|corrective\s+actions?|recommendations|improvements|"
    r"safeguards|reforms)\b|(?:remain|stay|be)\s+(?:\w+ly\s+)?(?:focused|committed|dedicated|engaged)\s+(?:on|to|in)\b|"
    r"remain\s+(?:a|an|the|our|your)\s+(?:[\w-]+\s+){0,2}?(?:partner|ally|friend|champion|supporter|advocate)\b|"
    r"(?:write|draft|prepare|produce|deliver|submit|finali[sz]e)\s+(?:this|that|these|the|a|an|its|our|their|his|her)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:reports?|study|studies|reviews?|papers?|recommendations|guidance|analys[ie]s|plans?|"
    r"frameworks?|strateg(?:y|ies)|proposals?|rules?|assessments?)\b)(?![^.;]*" + _AMOUNT_AHEAD + r")[^.;,]*"
    # the speaker's side as subject, with any act but an outcome's, no estimative adverb ("we will likely raise
    # rates"), no time ahead (a target has one: "we will double our sales by 2027") and no amount ("Treasury will
    # borrow $800 billion"): "our Administration will continue to make the tax code fairer", "our review will
    # complement ..."
    r"|(?:^\W*|[,;:]\s*|\b(?:and|but|so)\s+)(?:we" + _APPOSITION + r"|(?:our|this)\s+(?:[\w-]+\s+)?(?:administration|"
    r"government|department|agency|office|work|review|efforts?|team|report|initiative)|(?:the\s+)?(?:U[._]S[._]\s+)?"
    r"treasury(?:\s+department)?|the\s+department)(?:\s*(?:will|shall)|['’]ll)\s+(?:also\s+|then\s+|now\s+)?"
    r"(?:continue\s+to\s+)?(?:(?!"
    + _ESTIMATIVE
    + r"\b)\w+ly\s+)?(?!(?:see|have|experience|face|need|get|expect|observe|find|be|become|grow|"
    r"rise|fall|increase|decline|remain|stay|run|hit|reach|exhaust|lose|gain|probably|still|not|never|soon|"
    r"continue|also|then|now|just|only|all|both|again|indeed|first|further|to|breach|deplete|overshoot|undershoot|"
    r"outgrow|outpace|outperform|overspend|underspend|exceed|surpass|miss|top|end|close|come|default)\b)(?!\w+ly\b)"
    # (an outcome with its time or its comparison: "We will deplete our measures in early June", "We will spend more
    # on interest than on defense this year", "we will deliver stronger growth than Europe")
    r"[a-z]+\b(?![^.;,]*\b(?:" + _TIME_NAMED + r"|than)\b)(?![^.;,]*" + _AMOUNT_AHEAD + r")[^.;,]*",
    re.I,
)
# A move of the Committee's own in a condition (the guide: "general or hypothetical claims that name no future state";
# news: "general statements of what a rate rise 'would' do are not"): what "if we ease now", "were we to tighten", "by
# moving now" or "if we got very aggressive" would bring is a consequence weighed in a policy debate, not a forecast:
# "If we cut once more, it will probably do little", "Long rates could jump if we got too aggressive". The condition
# and its consequence are masked to the clause's end, the consequence also when it comes first; a time ahead or a
# forecast verb keeps them ("If we ease now, inflation would rise to 3 percent next year", "..., I expect growth of 2
# percent"), and so does a condition that is no move of ours ("if we get a recession").
_WE = r"(?:we|the\s+(?:committee|fed|federal\s+reserve|fomc))"
_OUR_MOVE = (
    r"(?:\s+(?:do|did|does|were\s+to|was\s+to|now|then|just|simply|also|again|decide\s+to|decided\s+to))*\s+"
    r"(?:(?:make|makes|made|take|takes|took)\s+(?:a|an|another|any|one\s+more|this|that|such\s+a)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:move|step|action|cut|increase|change)"
    r"|(?:move|ease|tighten|firm|act|respond|wait|delay|pause)(?:s|d|ed)?|cut"
    r"|(?:cut|lower|lowered|raise|raised|hike|hiked|reduce|reduced)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?rates?"
    r"|stand\s+pat|stood\s+pat|do\s+nothing|did\s+nothing|hold\s+off|held\s+off"
    r"|(?:get|got|go|went|are|were|be)\s+(?:very\s+|too\s+|more\s+|quite\s+)?aggressive)\b"
)
_OUR_MOVE_IF = (
    rf"(?:\bif\s+{_WE}|(?:^\W*|[,;]\s*)(?:were|should)\s+{_WE}(?:\s+to)?){_OUR_MOVE}"
    r"|\bby\s+(?:moving|acting|easing|tightening|waiting|delaying|(?:cutting|raising|lowering)\s+rates)\s+(?:now|"
    r"today|early|earlier|sooner|promptly|preemptively|aggressively|quickly|at\s+this\s+meeting)\b"
)
_AHEAD_OR_FORECAST = (
    r"(?![^.;]*\b(?:next|coming|ahead|later|over\s+the\s+next|(?:19|20)\d\d|expect\w*|anticipat\w*|forecast\w*|"
    r"project\w*|predict\w*)\b)"
)
_OUR_MOVE_WEIGHED = patterns.compile(
    rf"(?:{_OUR_MOVE_IF}){_AHEAD_OR_FORECAST}[^.;]*"
    rf"|\b(?:will|would|could|might|may|probably|likely)\b{_AHEAD_OR_FORECAST}[^.;,]{{0,80}}?(?:{_OUR_MOVE_IF})[^.;,]*",
    re.I,
)
# The same debate's other form (the guide: "general statements of what a rate rise 'would' do are not"): a move or an
# action not yet taken as the subject ("a pause", "another cut", "earlier action", "cautious easing", "a move at this
# meeting"), opening a clause, with what it will or would do for the case argued ("will give us time", "would buy some
# insurance", "could send the wrong signal"). An effect verb only: the expected path ("a further move will be
# appropriate", "will likely come in September") stays, and so does an effect with a time ahead.
_MOVE_KIND = (
    r"(?:further|earlier|early|later|prompt|cautious|modest|gradual|aggressive|bold|timely|decisive|pre-?emptive|small|"
    r"smaller|large|larger|big|bigger|major|strong|stronger|quick|immediate)\s+(?:and\s+[\w-]+\s+)?"
)
_MOVE_NOT_TAKEN = patterns.compile(
    r"(?:^\W*|[,;:]\s*|\b(?:and|but|so|then|that)\s+)"
    rf"(?:(?:a|an|another|any|such\s+an?|one\s+more)\s+(?:{_MOVE_KIND})*|(?:{_MOVE_KIND})+)"
    r"(?:(?:policy|rate|funds\s+rate)\s+)?(?:move|action|delay|easing|tightening|firming|cut|hike|increase|step|pause)"
    r"(?:\s+(?:now|today|here|at\s+this\s+(?:meeting|point|time|juncture)))?"
    r"\s+(?:\w+ly\s+|also\s+)*(?:will|would|could|might|may)\s+(?:\w+ly\s+|also\s+)*"
    r"(?:give|provide|help|bring|buy|send|signal|make|cause|create|allow|let|boost|hurt|damage|calm|reassure|undermine|"
    r"restore|reinforce|convince|encourage|discourage|spook|unsettle|risk|cost|add)\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|over\s+the\s+next|(?:19|20)\d\d)\b)[^.;,]*",
    re.I,
)
# A practice of forecasting told as a habit (the guide's forty-second batch: what earnings guidance is holds no
# forecast): firms that "often" or "usually" report, give or publish "expected" figures, or do so "for each" or
# "every" period, in the present tense ("Often companies report expected earnings for each three-month period"). A
# report in the past tense ("reported expected earnings growth of 8 percent for next year") is one forecast and stays.
_GIVE = r"(?:report|give|publish|issue|provide|announce|disclose|release|tell|offer|share)s?"
_PRACTICE = patterns.compile(
    r"\b(?:often|usually|typically|generally|traditionally|routinely|regularly|normally|commonly|customarily)\b"
    r"[^.;]{0,60}?\b" + _GIVE + r"\s+(?:their\s+|its\s+|an?\s+)?(?:expected|projected|anticipated)\b[^.;]*"
    r"|\b" + _GIVE + r"\s+(?:their\s+|its\s+)?(?:expected|projected|anticipated)\s+(?:[\w-]+\s+){1,3}?"
    r"(?:(?:for|in)\s+)?(?:each|every)\s+(?:[\w-]+\s+)?(?:period|quarter|year|month|week|season)\b[^.;]*",
    re.I,
)
# What a kind of arrangement may bring about (the guide's thirty-seventh batch, a supervisory programme: what a kind of
# test "may create" and what such a culture "could possibly create" are general mechanisms): "Such a test may create
# the possibility of ...", "2 Such a culture could possibly create vulnerabilities". The subject is an arrangement,
# not an event ("such a slowdown could push unemployment up" chains a risk scenario and stays), and no time ahead.
_KIND_MAY = patterns.compile(
    r"\b(?:such\s+an?|(?:this|that|any)\s+(?:kind|sort|type)\s+of|any\s+such)\s+(?:[\w-]+\s+)?(?:tests?|exercises?|"
    r"cultures?|approach|frameworks?|systems?|models?|regimes?|programmes?|programs?|structures?|arrangements?|"
    r"practices?|designs?|rules?|requirements?|standards?|process|methods?|networks?)\s+(?:may|might|could|can)\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)",
    re.I,
)
# The audience named as a class of people, or "something" that will act on "you" (the guide's thirty-seventh batch: what
# the audience will do or meet in their lives is a generalisation a reviewer cannot check): "Today's high-school
# graduates will be confronted with ...", "something will grab your interest". The class is the subject, opening a
# clause: "the skills that today's graduates bring will fall short" (the economy they enter) stays.
_AUDIENCE_CLASS = patterns.compile(
    r"(?:^\W*|[,;:]\s*|\b(?:and|but|so)\s+)(?:today['’]s|this\s+year['’]s|tomorrow['’]s|your|the\s+(?:young|next)\s+"
    r"generation\s+of)\s+(?:[\w-]+\s+){0,2}?(?:graduates|students|teenagers|young\s+people|generation|classmates)\s+"
    r"(?:\w+ly\s+|also\s+|all\s+|still\s+)?(?:will|shall)\b"
    r"|\b(?:something|someone|somebody|nothing|nobody|no\s+one|everything|everyone|anything)\s+(?:\w+ly\s+|also\s+)?"
    r"(?:will|shall)\b(?=[^.;]*\b(?:you|your)\b)",
    re.I,
)
# An agent's further options listed with "could also" and a deliberate act (the guide's forty-second batch: advice on
# what stores can do and what they could offer is not a prediction): "the stores could also offer things that are
# difficult to ship", "farmers might also try selling directly". A possible outcome ("may also disrupt supplies") is
# no act here, and a time ahead keeps the modal.
_OPTION_ALSO = patterns.compile(
    r"\b(?:could|might|may|can)\s+also\s+(?:offer|sell|provide|try|consider|use|add|open|focus|invest|choose|explore|"
    r"ask|seek|hire|partner|advertise|promote|look\s+(?:at|for|into)|turn\s+to)\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)",
    re.I,
)
# A decided sequence of policy steps and a pledge (the guide's thirty-seventh batch: the sequence the Council decided is
# a decision, like a schedule; pledges to the mandate do not count): a policy event that "will take place some time
# after the end of net asset purchases" (one policy step placed after another, no date), a normalisation or tightening
# that "will be gradual", actions that "should leave no doubt about our commitment". Only "will"/"should" and what
# it governs are masked: "participants expected that the tightening would be gradual" has no "will" here.
_POLICY_SEQUENCE = patterns.compile(
    r"\b(?:rate\s+(?:hikes?|increases?|rises?|cuts?)|hikes?|lift-?off|normali[sz]ation|tapering|tightening)\b"
    r"[^.;]{0,100}?\bwill\s+(?:(?:take\s+place|come|occur|start|begin|happen)\s+(?:[\w-]+\s+){0,3}?(?:after|before|once)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:end|conclusion|completion|termination)\s+of\b"
    r"|be\s+(?:\w+ly\s+)?(?:gradual|sequenced|measured)\b)"
    r"|\b(?:should|will|would|must)\s+(?:\w+ly\s+)?(?:leave\s+(?:no|little)\s+doubt|make\s+(?:it\s+)?clear)\b"
    r"(?=[^.;]{0,60}?\b(?:commitment|resolve|determination|readiness|willingness)\b)",
    re.I,
)
# An explanation and an assessor's need told with a modal (the guide's "Not predictive": explanations, procedure):
# what "could help explain why the labour market remained strong" or "could also help to account for the high level
# of home prices", and an impact that "would have to be further assessed over the coming months" (what the assessors
# must do, not what will happen). "could help bring inflation down" has no explanation verb and stays.
_HELP_EXPLAIN = patterns.compile(
    r"\b(?:could|may|might|can|would)\s+(?:also\s+|partly\s+|in\s+part\s+)?help\s+(?:to\s+)?(?:explain|account\s+for)\b"
    r"[^.;]*"
    r"|\b(?:would|will|may|might)\s+(?:\w+ly\s+|also\s+)?(?:have|need)\s+to\s+be\s+(?:\w+\s+)?(?:assessed|reassessed|"
    r"monitored|evaluated|examined|reviewed|watched|considered|analy[sz]ed|studied)\b[^.;]*",
    re.I,
)
# What "may very well threaten this expansion" or "could threaten" the mandate (the guide's thirty-ninth batch: read
# like events said to pose risks, not counted): a risk named, with no outcome of its own.
_THREATEN = patterns.compile(r"\b(?:may|might|could|can)\s+(?:\w+\s+){0,2}?threaten\b[^.;,]*", re.I)
# The speaker's own speech act in "would" (the guide's "Not predictive": text about the text, like "I would note"):
# "I would repeat my judgment that", "we would also stress that". Only the modal and the verb are masked: a forecast
# in what is repeated ("that growth will slow next year") stays.
_SPEECH_ACT = patterns.compile(
    r"\b(?:I|we)(?:\s+would|['’]d)\s+(?:\w+ly\s+|again\s+|also\s+)?(?:repeat|reiterate|emphasi[sz]e|stress|underline|"
    r"underscore|point\s+out|remind|restate|echo|reaffirm)\b",
    re.I,
)
# A risk placed "to the downside" or "on the up side" (the guide's "Not predictive": the balance of risks), not "is to"
# + a verb: "I think the risk is to the downside".
_RISK_SIDE = patterns.compile(
    r"\b(?:is|are|was|were|remains?|lies?)\s+(?:\w+ly\s+|still\s+)?(?:to|on)\s+the\s+(?:down|up)[- ]?side\b", re.I
)
# Factors said to be likely to apply or to affect outcomes, with no outcome named (the guide's thirty-ninth batch:
# reasons for a forecast given beside it; a projection's procedure): "The familiar list of favorable inflation factors
# seems likely to apply: ...", "assumptions about other factors likely to affect economic outcomes". Factors likely to
# support or restrain a named outcome keep their cue; a main clause of the speaker's own after a comma ("Combining the
# factors likely to influence activity this year, I expect that the recovery will continue") is left by ``_blank``.
_FACTORS_APPLY = patterns.compile(
    r"\b(?:factors?|forces|influences|considerations)\b[^.;]{0,40}?\blikely\s+to\s+(?:apply|affect|influence|shape|"
    r"matter|be\s+at\s+work)\b[^.;]*",
    re.I,
)
# What coming data or a report will measure (the guide: scheduled data releases are no forecasts): "Other data will
# measure inflation and the health of the housing market", "the Hogs and Pigs report will give a reading on supplies"
# (its scope). What the data "will show", with its content, has no scope verb here.
_DATA_SCOPE = patterns.compile(
    r"\b(?:data|reports?|figures|releases?|numbers|surveys?|indicators?|statistics)\s+(?:[\w-]+\s+){0,3}?will\s+"
    r"(?:also\s+)?(?:measure|track|gauge|cover|give\s+(?:a|an|some)\s+(?:\w+\s+)?(?:reading|read|indication|update|"
    r"snapshot)|shed\s+(?:some\s+|more\s+)?light)\b",
    re.I,
)
# The purpose of a measure by design (the guide's fiftieth batch: what a decided reporting framework or planned
# expectations "will help" the supervisor assess, identify or forge; the forty-fifth: standards that "will emphasize
# the importance of" a practice): "will help us to gauge how exposed lenders are", "will help supervisors identify
# weak spots", "will help to develop a shared understanding". What a measure helps bring about in the economy ("will
# help bring unemployment down") has no such verb.
_PURPOSE_BY_DESIGN = patterns.compile(
    r"\b(?:will|would|should|can|could)\s+(?:also\s+|\w+ly\s+)?help\s+(?:(?:us|them|supervisors|regulators|banks|"
    r"firms|policymakers|the\s+[\w-]+)\s+)?(?:to\s+)?(?:\w+ly\s+)?(?:(?:assess|gauge|identify|understand|monitor|"
    r"detect|evaluate|measure|track|spot|uncover|pinpoint|determine)\b|(?:forge|build|develop|foster|create|"
    r"promote)\s+(?:a\s+)?(?:common|shared|better|clearer|deeper)\s+(?:understanding|view|picture|awareness)\b)[^.;]*"
    r"|\b(?:will|would|should)\s+(?:also\s+|\w+ly\s+)?(?:emphasi[sz]e|underline|underscore|highlight|stress|reinforce)"
    r"\s+the\s+(?:importance|need|value|role)\b[^.;]*",
    re.I,
)
# A general mechanism with no time ahead (the guide's forty-fifth batch: what people in general may feel, what a
# practice may serve as): "Regular payments may serve as a savings device", "Households may feel more comfortable
# investing in housing because ...". An outcome of the economy ("may slow hiring later this year") has no such verb.
_GENERAL_MAY = patterns.compile(
    r"\b(?:may|might|can|could)\s+(?:also\s+|well\s+)?(?:serve\s+as|function\s+as|feel\s+(?:\w+\s+)?(?:comfortable|"
    r"safe|safer|secure|confident|better\s+off)|prefer|be\s+inclined)\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)[^.;]*",
    re.I,
)
# An inference about the present (the guide's forty-second batch: "may" about the present; present signs): what a
# reading "may be evidence of" or "might be an early sign of". Not with a time ahead after it ("may be a sign that
# output will pick up next year" keeps its modal).
_SIGN_OF = patterns.compile(
    r"\b(?:may|might|could|can)\s+(?:also\s+|well\s+)?be\s+(?:an?\s+)?(?:early\s+|first\s+|further\s+)?(?:evidence|"
    r"signs?|signal|indications?|symptoms?)\s+(?:of|that)\b(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)"
    r"[^.;]*",
    re.I,
)
# A measure's design, not an outcome (the guide's forty-eighth batch: a budget resolution's provisions, what it would
# establish, trigger or direct, its directives and submission date are Congress's plan, schedule and procedure): a
# bill, resolution, act or directive (or its number, "H.R. 2210") that "would establish", "may also trigger", "would
# direct" or "would change laws"; rules that "may be enforced" or "waived"; and a chamber that "may" consider or take
# up a measure (permission, not a possibility; a time ahead keeps it: "the Senate may pass the bill next week"). What a
# measure would do to the world ("would reduce the deficit by $1.2 trillion") has no design verb here and stays.
_MEASURE = (
    r"(?:resolutions?|bills?|acts?|legislation|measures?|laws?|statutes?|directives?|instructions?|provisions?|"
    r"amendments?|regulations?|ordinances?|conference\s+(?:report|agreement)|plans?|proposals?|schemes?|reforms?|(?:[A-Z][a-z]{0,3}[._]\s?){1,4}\d+)"
)
_MEASURE_DESIGN = patterns.compile(
    rf"\b{_MEASURE}(?:\s+(?:that|which))?[^.;]{{0,60}}?\s+(?:would|will|may|might|could|shall|can)\s+"
    r"(?:also\s+|then\s+|generally\s+|thus\s+|\w+ly\s+)*(?:establish|direct|instruct|trigger|require|authori[sz]e|"
    r"permit|allow|provide\s+for|set\s+(?:forth|out|up)|include|amend|repeal|prohibit|mandate|"
    r"change\s+(?:the\s+|existing\s+|current\s+)?(?:laws?|statutes?|rules?)|create\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:fund|process|program|programme|office|commission|board|mechanism|procedure|account|reserve|council))\b[^.;]*"
    r"|\b(?:may|might|can|could|will|would|shall)\s+(?:also\s+|then\s+|still\s+|only\s+)?be\s+(?:enforced|waived)\b"
    r"[^.;]*"
    r"|\b(?:congress|(?:the\s+)?(?:house|senate)|(?:each|either|both|the\s+other)\s+chambers?|(?:house|senate|"
    r"congressional|instructed|authori[sz]ing|appropriations?|budget)\s+committees?)\s+may"
    r"(?:\s*,\s*(?:however|instead|therefore|alternatively|in\s+addition)\s*,)?\s+(?:also\s+|then\s+|still\s+|instead\s+)?"
    r"(?:consider|employ|use|include|adopt|waive|take\s+up|proceed|move|vote|amend|report|bring|invoke|limit|deem|"
    r"debate|choose|decide|instruct|direct|agree)\b"
    r"(?![^.;]*\b(?:next|coming|later|soon|(?:19|20)\d\d|as\s+early\s+as)\b)[^.;]*",
    re.I,
)
# A modal that carries no outcome of its own: a consensus put hypothetically ("most people in these discussions would
# agree on the basic instruments"), an explanation offered ("It could be because bond holders rarely lost"), a
# comparison with what might be thought ("as might be expected if the rule were the cause"), and the speaker imagining
# ("we could envision a third scenario") or wishing to stress ("I would also like to emphasize"), to the end of the
# clause. A forecast inside keeps its own cue after the comma or in a "will" clause ("would agree that growth will
# slow next year" is read on "will").
_NO_OWN_OUTCOME = patterns.compile(
    # (not parties that might reach an agreement, an outcome: "OPEC could agree on deeper output cuts", "The two sides
    # could agree on a ceasefire")
    r"\b(?:would\s+(?:\w+ly\s+|all\s+|also\s+)?(?:agree|disagree|concede|acknowledge|admit)|(?:might|could)\s+"
    r"(?:\w+ly\s+|all\s+|also\s+)?(?:disagree|concede|acknowledge|admit|agree(?!\s+(?:on|to)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:deal|agreement|ceasefire|truce|cuts?|budget|package|terms|compromise|settlement|accord|treaty|"
    r"extension|increase)s?\b)))\b"
    # (to a colon, and not with a time ahead: "Analysts would agree on one thing: rates will fall next year", "Most
    # forecasters would agree that rates are headed lower next year")
    r"(?:\s+(?:on|with|about)\b[^.;:]*|(?![^.;]*\b(?:will|shall|next|coming|ahead|later|soon|(?:19|20)\d\d)\b)[^.;,]*)"
    r"|\b(?:may|might|could)\s+(?:\w+ly\s+|also\s+|well\s+|simply\s+)?be\s+because\b"
    # (to the clause's end: "may simply be because of the weather, but it is likely to persist into the spring")
    r"(?![^.;]*\b(?:will|next|coming|ahead|later|soon|(?:19|20)\d\d)\b)" + _TO_CLAUSE_END + r""
    r"|\bas\s+(?:\w+\s+)?(?:might|would|could|may)\s+(?:\w+ly\s+|well\s+)?be\s+(?:expected|thought|imagined|supposed|"
    r"assumed|anticipated|predicted|guessed)\b[^.;,]*"
    r"|\b(?:I|we)\s+(?:could|might)\s+(?:\w+ly\s+|also\s+|even\s+)?(?:envision|envisage|imagine|picture|conceive\s+of|"
    r"think\s+of)\b(?![^.;]*\b(?:possibility|prospect|risk|danger|chance)\b)[^.;]*"
    r"|\b(?:I|we)\s+(?:would|'d)\s+(?:also|just|again|first|now|further)\s+(?:like\s+to\s+)?(?:emphasi[sz]e|stress|"
    r"underline|underscore|note|point\s+out|add|highlight|mention|provide|say|repeat|reiterate|recall)\b[^.;]*"
    # a judgement of an act: "it would be irresponsible to wait for a treaty change" (not "surprising if growth did not
    # slow next year", whose condition is the outcome)
    r"|\bit\s+(?:would|might|could|may)\s+(?:\w+ly\s+|also\s+)?be\s+(?:irresponsible|unwise|wrong|foolish|reckless|naive|"
    r"a\s+mistake|an\s+error|a\s+(?:grave|serious|big)\s+(?:mistake|error)|unfair|inappropriate|counterproductive|"
    r"tempting|fair|reasonable|natural|logical|misleading|dangerous)\s+(?:for\s+[\w\s]{1,30}?\s+)?to\b[^.;]*"
    # a study's or a theory's finding: "research suggests that such policies may be among the best"
    r"|\b(?:research|stud(?:y|ies)|evidence|literature|theory|analys[ie]s|papers?|experience|history)\b[^.;]{0,80}?"
    r"\b(?:suggests?|suggested|shows?|showed|finds?|found|indicates?|indicated|implies|implied)\s+(?:that\s+)?"
    r"[^.;]*?\b(?:may|might|could|would)\b(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)[^.;]*"
    # an explanation of the present: "This could be the outcome of weak activity", "could either be a silver lining or
    # the harbinger of stormier weather"
    r"|\b(?:may|might|could)\s+(?:\w+ly\s+|also\s+|well\s+)?be\s+(?:the|a|an|one)\s+(?:[\w-]+\s+)?(?:outcome|result|"
    r"consequence|product|effect|reflection|symptom|legacy)\s+of\b(?![^.;]*\b(?:next|coming|ahead|later|soon|"
    r"(?:19|20)\d\d)\b)[^.;]*"
    # an event said in the past passive to have been anticipated by someone, with no content of the forecast: "This
    # disruption was widely anticipated by businesses" (not "was expected by analysts to ease next year", nor a time
    # after "by": "was expected by the end of March")
    r"|\b(?:was|were)\s+(?:\w+ly\s+|all\s+)?(?:anticipated|expected|predicted|forecast|foreseen)\s+by\s+"
    r"(?!(?:the\s+)?(?:end|middle|mid|early|late|start|beginning|close|then|now|next|(?:19|20)\d\d|"
    + MONTH_NAME
    + r")\b)(?![^.;,]*?\bto\s+[a-z]+\b)"
    r"(?![^.;]*\b(?:will|next|coming|ahead|later)\b)"
    # (not the forecast joined to it: "was predicted by most analysts and should last through the summer")
    r"(?:(?!\band\s+(?:\w+\s+){0,2}?(?:should|could|would|may|might|is\s+likely|are\s+likely)\b)[^.;,])*"
    # what an agent may have or lack now: "supervisors may not have sufficient visibility into the broader
    # operations", "smaller agencies may lack the expertise" (not "may have a greater impact", an effect)
    r"|\b(?:may|might|could)\s+(?:not\s+|also\s+|still\s+)?(?:lack|have\s+(?:the\s+|sufficient\s+|enough\s+|adequate\s+|"
    r"insufficient\s+|limited\s+|little\s+|no\s+|full\s+|direct\s+)*(?:visibility|access|authority|authorities|"
    r"information|data|tools|resources|capacity|expertise|incentives?|means|ability|powers?|oversight|insight|staff))\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)"
    # (nor with a named time, a season or an event ahead: "Smaller utilities may lack the capacity to meet peak demand
    # this summer", "Schools may lack enough teachers when classes resume in August")
    r"(?![^.;]*" + DATED_AHEAD + r")(?![^.;]*\b(?:spring|summer|fall|autumn|winter|when|once)\b)[^.;,]*"
    # what the audience may have read or heard: a perfect with an irregular participle
    r"|\b(?:you|we|I|they|many\s+of\s+you|some\s+of\s+you)\s+(?:may|might)\s+(?:already\s+)?have\s+(?:read|heard|seen|"
    r"noticed)\b"
    # a question without its mark ("What would happen if ...?35" with a footnote, a text cut off) and an indirect
    # question listed after a semicolon ("...; how private digital assets would interact with CBDC")
    # (not a pseudo-cleft that states what comes: "What could follow is a sharp rise in defaults next year")
    r"|^\W*(?:how|what|why|where|which|who)\s+(?:would|could|might)\b"
    r"(?!(?:\s+\w+ly)?\s+(?:follow|come|happen|result|emerge|ensue)(?:\s+next)?\s+(?:is|are)\s+(?:\w+ly\s+)?"
    r"(?:a|an|the|more|another|further|that)\b)[^.;]*"
    r"|;\s*(?:how|what|why|whether)\s+[^,;.]{1,80}?\b(?:would|could|might)\b[^.;]*"
    r"|\b(?:may|might|could)\s+either\s+be\b(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)[^.;]*",
    re.I,
)
# A comparison that restates a forecast just given, its subject pointing back to it ("For context, this estimated
# capacity from solar and wind in 2030 would be roughly double the existing capacity"): the guide's twenty-seventh
# batch, a conditional restatement. Not with a share or a percentage of its own (the thirtieth batch: a record stated
# with a share of GDP that the sentences before do not give counts).
_RESTATED_WOULD = patterns.compile(
    r"^\W*(?:[\w’'-]+(?:\s+[\w’'-]+){0,3},\s+)?(?:this|that|these|those|such)\s+(?:[\w-]+\s+)?(?:estimated|projected|"
    r"forecast|expected|anticipated|predicted|planned)\b[^.;]{0,120}?\bwould\s+(?:\w+ly\s+|also\s+)?be\b"
    # (a decimal point is no sentence's end: "would be equal to 0.8 percent of GDP in 2030" has its share)
    r"(?!(?:[^.;]|\.(?=\d))*\d\s*(?:%|percent))(?:[^.;]|\.(?=\d))*",
    re.I,
)
# An option laid before a legislature (the guide's twenty-eighth batch: "that Congress might take up an issue is a
# policy option, not a prediction"; the eleventh: "several policy options could be explored"): the legislature or its
# members as the subject of "could", "may" or "might" with what they would do ("Congress could require the agency to
# report", "Members may weigh whether to ...", "Legislators could fund the program at a lower level"). What may befall
# them ("may fail to agree", "could be forced to") is no option, and a time ahead keeps the modal ("could pass the bill
# as soon as next week").
_LEGISLATURE_OPTION = patterns.compile(
    r"\b(?:congress|(?-i:Members)(?:\s+of\s+congress)?|lawmakers|legislators|legislatures?|parliament|"
    r"(?:the\s+)?(?:house|senate)|(?:house|senate|congressional)\s+committees?)\s+(?:also\s+|instead\s+|then\s+)?"
    r"(?:could|may|might)\s+(?:also\s+|instead\s+|then\s+|still\s+)?"
    # a deliberate act of legislating or overseeing, not an event that may befall a bill ("could approve the aid
    # package", "could reach a deal", "may fail to agree")
    r"(?:require|direct|mandate|instruct|tailor|consider|assess|examine|evaluate|weigh|explore|expand|reduce|maintain|"
    r"extend|fund|establish|create|amend|repeal|clarify|codify|prohibit|limit|restrict|authori[sz]e|appropriate|"
    r"provide|specify|define|modify|revise|eliminate|impose|allow|permit|exempt|increase|decrease|choose|opt|decide|"
    r"seek|request|hold|conduct|use|ask|encourage|review|monitor|address|strengthen|broaden|narrow)\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d|as\s+early\s+as)\b)"
    # (nor with a named time or told as what others foresee: "Congress could hold a final vote on Friday", "could fund
    # the agency until December, aides predicted", "could approve the nominee, according to vote counters")
    r"(?![^.;]*" + DATED_AHEAD + r")" + _NOT_FORESEEN + r"[^.;]*",
    re.I,
)
# Theory and studies, not forecasts (the guide's forty-eighth batch: "the revenue a possible rate increase 'would
# likely' raise is the effect of a possible policy"; an estimate of a structural parameter is no forecast): a tax or
# tariff change not adopted with what it "would" or "could" do ("a tax cut would raise revenue", "the notion that a
# payroll tax cut could pay for itself", "increases in the top tax rate would likely raise less"), unless an amount
# or a time ahead is named ("would reduce revenues by $300 billion"); and studies that "estimated" a rate, an
# elasticity or an effect (not a forecast for a year: "estimated a growth rate of 2 percent for 2027").
_FISCAL_MOVE_WOULD = patterns.compile(
    r"(?:^\W*|[,;:]\s*|\b(?:and|but|so|then|that|whether)\s+)(?:(?:a|an|any|the|such\s+an?)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:(?:tax|tariff|duty|levy|spending)\s+(?:rate\s+)?(?:cuts?|increases?|hikes?|reductions?|rises?|changes?)"
    r"|(?:cuts?|increases?|hikes?|reductions?|changes?)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:tax|tariff|duty|levy)"
    r"(?:\s+rates?)?)\s+(?:\w+ly\s+|also\s+)*(?:would|could|might)\b"
    r"(?![^.;,]*?(?:[$€£]\s?\d|\d[\d.,]*\s*(?:%|percent|billion|million|trillion)))"
    r"(?![^.;]*\b(?:next|coming|ahead|later|over\s+the\s+next|decade)\b)[^.;,]*",
    re.I,
)
_STUDIES_ESTIMATED = patterns.compile(
    r"\b(?:stud(?:y|ies)|papers?|research|literature|analys[ie]s|researchers|authors|regressions?)\b"
    r"(?:\s+[^\s.;]+){0,6}?\s+(?:that\s+)?(?:estimated|estimates?|found|finds?|obtained)\s+(?:an?|the|its|their)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:rates?|elasticit(?:y|ies)|coefficients?|multipliers?|parameters?|effects?|responses?)\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|will|(?:for|in|by|through)\s+(?:19|20)\d\d)\b)[^.;]*",
    re.I,
)
# A policy go-round's weighing, not its forecasts (the guide's forty-fourth and forty-sixth batches: the consequences a
# speaker weighs of a move the Committee might make, options and prescriptions, its contingency plans; "the expected
# policy path" and the economy's outlook stay). A general relation told as a comparative ("the longer we wait, the
# more likely it is that we would have to", "the stronger the move, the more likely"), unless a time ahead is named; the
# data still to come ("we will have considerably more data", "we'll have two more employment reports": a schedule);
# the message or signal a step would send, or what it "would say"; how the Committee would be seen ("the Fed could
# come off looking weak"); the speaker's aversion ("I would hate to see anything happen that would ...", to the
# clause's end); a counterfactual baseline ("than they would otherwise be"); an outcome said to "hinge" or "turn" on
# something (a dependence); a difficulty for the policymaker ("could make our job very difficult"); the Committee's
# options ("we could either ...", "we could review the data and see", "Alternatively, we could"); the statement it
# would issue and what it will do "in such an event" (a contingency plan); risks named as things to keep in mind.
_THE_MORE = patterns.compile(
    r"(?:^\W*|[,;:]\s*|\b(?:and|but|so)\s+)the\s+(?:more|less|fewer|\w{3,}er)\b[^,;.]{0,80},\s+the\s+(?:more|less|"
    r"fewer|\w{3,}er)\b(?![^.;]*\b(?:next|coming|ahead|over\s+the\s+next|(?:19|20)\d\d)\b)[^.;]*",
    re.I,
)
_WE_WILL_KNOW_MORE = patterns.compile(
    r"\b(?:we|you|I|they)(?:\s+(?:will|shall|would)|['’]ll)\s+(?:\w+ly\s+|also\s+|then\s+|by\s+then\s+)?(?:have|get|"
    r"see|receive)\s+(?:(?:considerably|much|a\s+lot|a\s+good\s+deal|a\s+great\s+deal|far|some|a\s+bit|a\s+little|lots)\s+)?"
    r"(?:more|further|additional|another|(?:one|two|three|four|several|a\s+couple\s+of|a\s+few)\s+(?:more\s+)?)\s*"
    r"(?:[\w-]+\s+){0,2}?(?:data|information|evidence|numbers|figures|readings?|reports?|observations|statistics|"
    r"releases?)\b[^.;]*",
    re.I,
)
_MESSAGE_SENT = patterns.compile(
    r"\b(?:would|could|might)\s+(?:\w+ly\s+|also\s+)?(?:send|give|convey|deliver)\s+(?:an?|the|that|this)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:message|signal)s?\b(?![^.;]*\b(?:next|coming|ahead|later|(?:19|20)\d\d)\b)[^.;,]*"
    r"|\b(?:it|that|this)\s+would\s+(?:\w+ly\s+)?(?:say|signal|communicate|convey|tell\s+(?:\w+\s+){1,2}?)that\b[^.;]*",
    re.I,
)
_SEEN_AS_WEAK = patterns.compile(
    r"\b(?:we|the\s+(?:fed|committee|federal\s+reserve|fomc|central\s+bank))\s+(?:\w+ly\s+)?(?:could|would|might|may)\s+"
    r"(?:\w+ly\s+|well\s+|also\s+)?(?:come\s+off|come\s+across|(?:be|end\s+up)\s+(?:seen|perceived|viewed|regarded|"
    r"portrayed|painted)\s+as|look\s+(?:like|as\s+if))\b[^.;,]*",
    re.I,
)
_AVERSION = patterns.compile(
    r"\b(?:I|we)(?:\s+(?:would|should)|['’]d)\s+(?:\w+ly\s+)?(?:hate|dislike|not\s+want|not\s+like)\s+to\s+(?:see|have)\b"
    r"[^.;,]*",
    re.I,
)
_OTHERWISE = patterns.compile(
    r"\b(?:would|could|might|will|may)\s+otherwise\b(?![^.;]*\b(?:next|coming|ahead|(?:19|20)\d\d)\b)[^.;,]*", re.I
)
_HINGE = patterns.compile(
    r"\b(?:will|would|could|may|might)\s+(?:\w+ly\s+|also\s+)?(?:hinge|turn|rest)\s+(?:(?:\w+ly|in\s+(?:large\s+)?part|"
    r"partly|largely|heavily|importantly|crucially)\s+)*(?:on|upon)\b[^.;]*",
    re.I,
)
_OUR_JOB_HARDER = patterns.compile(
    r"\b(?:would|could|might|will|may)\s+(?:\w+ly\s+|also\s+)?make\s+(?:our|the|their|his|her|its|my)\s+(?:jobs?|task|"
    r"work|li(?:fe|ves))\s+(?:of\s+[^.;,]{0,40}?\s+)?(?:\w+\s+){0,2}?(?:harder|easier|difficult|simpler|tougher|"
    r"complicated)\b[^.;,]*",
    re.I,
)
_OUR_OPTIONS = patterns.compile(
    r"(?:^\W*|[,;:]\s*|\b(?:and|but|so|or)\s+)(?:(?:we|the\s+committee)\s+could\s+(?:either\b|(?:\w+ly\s+|then\s+)?"
    r"(?:review|revisit|reconsider|reassess|re-?examine|discuss|look\s+at|take\s+(?:that|this|it)\s+up|come\s+back\s+to|"
    r"wait\s+and\s+see)\b)|alternatively,?\s+(?:we|the\s+committee)\s+could\b)[^.;]*"
    # the statement it would issue and what it will do "in such an event": a contingency plan
    r"|\b(?:we|the\s+committee)\s+(?:would|will|could)\s+(?:then\s+|also\s+|probably\s+)?(?:issue|put\s+out|release|"
    r"publish)\s+(?:an?|the|our)\s+(?:[\w-]+\s+){0,2}?(?:statement|announcement|press\s+release)\b[^.;]*"
    r"|\bin\s+(?:such\s+an?|that|this|the)\s+(?:event|case|contingency|eventuality|episode)\s*,?\s+(?:we|the\s+committee)"
    r"(?:\s+(?:will|would)|['’](?:ll|d))\s+(?:\w+ly\s+)?do\b[^.;]*",
    re.I,
)
_RISKS_TO_WEIGH = patterns.compile(
    r"\b(?:risks?|dangers?|threats?)\s+that\s+(?:we|you|I|one)\s+(?:\w+ly\s+)?(?:need\s+to\s+|have\s+to\s+|ought\s+to\s+|"
    r"should\s+|must\s+|want\s+to\s+)?(?:keep\s+in\s+mind|bear\s+in\s+mind|consider|think\s+about|weigh|watch|"
    r"take\s+into\s+account|monitor|discuss)\b[^.;]*",
    re.I,
)
# A note on how a table is to be read (the guide's forty-seventh batch: notes on marketing years, stocks and trade are
# definitions): "stock data ... should not be construed as representing world stocks"; and "may" about the present
# with an adverb before "be" or after it ("which may just be coming into its own", "which may be just coming into its
# own", "we might all be using different models"), no time ahead.
_READING_NOTE = patterns.compile(
    r"\b(?:should|must|can|may)\s+not\s+be\s+(?:construed|interpreted|read|taken|understood|viewed|regarded|"
    r"considered|compared)\b[^.;]*"
    r"|\b(?:may|might|could)\s+(?:(?:just|all|both|now|already|only)\s+be|be\s+(?:just|now|already|only)(?:\s+now)?)\s+"
    r"(?!(?:approaching|nearing|heading)\b)\w+ing\b"
    r"(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)[^.;,]*",
    re.I,
)
# What agents will do in their own work (the guide's fifty-second batch: what agencies "will" examine or analyse and
# "we will propose" by a date are plans; the fifty-sixth: a speech's plan, a trip, a meeting scheduled), whoever they
# are and however "will" is spelled: "he'll highlight", "who will talk about", "the partner agencies will share
# information", "which we will release next month", "we'll be holding the meeting". A verb of speech, travel,
# inquiry or rule-making is an act by its nature, so any subject will do ("the report will examine"); one that the
# world can also do ("hold", "meet", "share", "release") needs a person or an agency before it ("prices will hold
# steady" stays). An expectation ("she expects the agencies will propose") has its own cue, which is not masked.
_PLAN_VERB = (
    r"(?:highlight|talk|lay\s+out|outline|describe|contrast|examine|analy[sz]e|investigate|propose|travel|testify|"
    r"highlighting|talking|laying\s+out|outlining|describing|examining|analy[sz]ing|investigating|proposing|"
    r"travell?ing|testifying)"
)
_AGENT_VERB = (
    r"(?:hold(?!\s+(?:\w+\s+)?(?:rates?|steady|firm|up|on|back|down)\b)|host|meet\s+(?:with|on|at|in)|share(?!\s+in\b)|"
    r"present|release|issue|publish|announce|determine|conduct|visit|explain|discuss|address|"
    r"holding|hosting|meeting\s+(?:with|on|at|in)|sharing|presenting|releasing|issuing|publishing|announcing|"
    r"conducting|visiting|explaining|discussing)"
)
_AGENT = (
    r"(?:\b(?:we|he|she|they|who|which\s+(?:we|they|he|she))"
    r"|\b(?:agenc(?:y|ies)|partners|officials|regulators|supervisors|examiners|staff|offices|authorities|board|"
    r"administration|department|president|secretary|senator|governor|chair(?:man|woman)?|minister)"
    r"(?:\s+[A-Z][\w.'’-]*){0,2}(?:\s+(?:in|of|at|from|on|for)\s+(?:the\s+|this\s+|that\s+)?[\w-]+(?:\s+[\w-]+)?)?)"
)
_WILL = r"(?:\s+(?:will|shall)|['’]ll)\s+(?:also\s+|then\s+|now\s+|first\s+|soon\s+|again\s+|jointly\s+)?(?:be\s+)?"
_AGENTS_PLAN = patterns.compile(
    rf"(?:\b(?:will|shall)|['’]ll)\s+(?:also\s+|then\s+|now\s+|first\s+|soon\s+|again\s+)?(?:be\s+)?{_PLAN_VERB}\b"
    r"[^.;]*?(?=,\s+(?:but|while|although|whereas)\b|[.;]|$)"
    rf"|{_AGENT}{_WILL}{_AGENT_VERB}\b[^.;]*?(?=,\s+(?:but|while|although|whereas)\b|[.;]|$)",
    re.I,
)
# British-style business news (issue 20, the news register): announcements, schedules and proposals, masked to the
# clause's end (the guide: a company's plan, a job-cut target, decisions announced with a schedule and scheduled events
# are not predictions; nor the effect of a proposal "if it were enacted", nor a conditional threat): "X is to" + a
# firm's or a government's act ("The chain is to open 20 new stores next year", "BT is to raise line rental charges"),
# not an outcome ("Growth is to slow to 1 percent", "Output is to rise"); "is due to" + a scheduled act ("is due to
# report its results on Thursday", "is due to take place next week", "is due to go on sale in the spring"), not an
# outcome ("Sales are due to rise") nor a plant "due to open" (a schedule ahead, test_extract_speeches keeps it); an
# executive's move and a dividend ("will step down as chairman", "will take up his post in June", "will pay a final
# dividend"); what "will be" done, opened or delivered on a calendar date ("The Budget will be delivered on 16 March",
# "will close on 20 April"; not "will close higher on 5 May"); the terms of a plan ("Under the plans, the state pension
# age would rise to 67", "If the deal goes through, the new group would have 30,000 staff") and a proposal's effect in
# "would" with no time ahead ("The plan would add £200 a year to bills"; "The plan would cut the deficit by $300
# billion over the next decade" stays, a scoring of its effect); and a union's or a firm's threat or intention ("would
# strike if the offer is not improved", "said it would fight the bid").
_NEWS_DATE = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH_NAME + r"|" + MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?)\b"
_NEWS_PROPOSAL = (
    r"(?:plans?|proposals?|scheme|merger|deal|takeover|bid|bill|reforms?|changes|levy|tax|offer|terms|rules)"
)
_NEWS_ANNOUNCED = patterns.compile(
    r"(?:\b(?:is|are)\s+to\s+(?:open|close|cut|shed|axe|create|raise|sell|buy|acquire|announce|launch|build|invest|"
    r"hire|recruit|relocate|move|merge|float|pay|scrap|introduce|offer|freeze|restructure|unveil|outsource|spend|set\s+up|"
    r"pull\s+out|withdraw|appoint|reduce|increase|double|halve)\b"
    r"|\b(?:is|are)\s+due\s+to\s+(?:report|publish|announce|take\s+place|go\s+on\s+(?:sale|trial|display)|"
    r"meet|hold|vote|launch|start|begin|visit|deliver|give|unveil|release|appear|be\s+(?:published|held|announced|"
    r"released|launched|completed|debated|heard|delivered|opened|closed|signed|introduced|unveiled|decided))\b"
    r"|\b(?:will|would|is\s+to|are\s+to)\s+(?:step|stand)\s+down\b|\b(?:will|would)\s+(?:retire|take\s+up\s+(?:his|her|the|a)\s+"
    r"(?:post|role|job|position)|pay\s+(?:a|an|its|the)\s+(?:final\s+|interim\s+|special\s+)?dividend)\b"
    r"|\bwill\s+(?:be\s+[a-z]+ed|(?:open|close|deliver|present|hold|publish|announce|unveil|launch|start|begin|end|"
    r"take\s+effect|come\s+into\s+force|go\s+on\s+sale)(?!\s+(?:higher|lower|up|down|above|below|at)\b))(?:\s+(?!(?:on|by|before|after)\b)[\w'’-]+){0,4}?\s+on\s+"
    + _NEWS_DATE
    + r"|^\W*(?:under\s+(?:the|its|his|her|their|these|those|new)\s+(?:[\w-]+\s+){0,2}?"
    + _NEWS_PROPOSAL
    + r"\s*,|if\s+(?:the|a|its)\s+(?:[\w-]+\s+){0,2}?"
    + _NEWS_PROPOSAL
    + r"\s+(?:goes|go|is|are)\s+(?:through|ahead|approved|passed|accepted|agreed)\s*,)"
    r"|^\W*(?:the|this|that|such\s+a)\s+(?:[\w-]+\s+){0,2}?"
    + _NEWS_PROPOSAL
    + r"\s+would\b"
    # (no time ahead in the rest of the sentence, read over a figure's decimal point: "by $1.2 trillion over the next
    # decade")
    + r"(?!(?:[^.;]|\.(?=\d))*\b(?:next|coming|ahead|later|soon|as\s+early\s+as|(?:19|20)\d\d)\b)"
    + r"|\b(?:will|would)\s+(?:\w+ly\s+)?(?:strike|walk\s+out|take\s+(?:industrial\s+)?action|resign|quit|sue|"
    r"boycott)\b(?=[^.;]{0,160}?\bif\b)"
    r"|\b(?:said|says|insisted|insists)\s+(?:it|they|he|she)\s+would\s+(?:\w+ly\s+)?(?:fight|oppose|reject|resist|"
    r"contest|appeal|challenge|ballot)\b"
    # a vote scheduled, a proposal's terms in a relative clause, and an explicit non-prediction: "Shareholders will be
    # asked to vote on the deal next month", "The proposals, which would raise the state pension age, have angered
    # unions", "There is no guarantee that prices will keep rising"
    r"|\bwill\s+be\s+(?:asked|invited)\s+to\s+(?:vote|approve|decide|consider|back)\b"
    r"|\b(?:there\s+(?:is|was|can\s+be)\s+no\s+guarantee|no\s+one\s+(?:knows|can\s+say)|nobody\s+(?:knows|can\s+say))"
    r"\s+(?:that|whether|how|when|if)\b)" + _TO_CLAUSE_END,
    re.I,
)
# ... and a proposal's terms in a relative clause, to its comma ("The proposals, which would raise the state pension
# age, have angered unions"; the main clause is read: "..., are likely to be approved")
_NEWS_RELATIVE_TERMS = patterns.compile(r"\b" + _NEWS_PROPOSAL + r",\s+which\s+would\b[^.;,]*", re.I)
# "going to" before a place or a thing is motion, not the future: "consumers who are going to the grocery store" (not
# "going to zero", an outcome).
_GOING_SOMEWHERE = patterns.compile(
    r"\bgoing\s+to\s+(?=(?:the|a|an|his|her|their|our|my|your|its|this|that|these|those|school|church|college|"
    r"bed|market)\b)",
    re.I,
)
# Relative odds and explanations, not outcomes ahead (the guide's fifty-ninth batch: a "may be more likely" clause is
# relative odds; "likely" about the present): what a kind of household is "less likely to" do, views that "are likely
# the result of" a cause, a rise that "is probably a reflection of" one; and what "is difficult to predict", whatever
# its subject (an explicit non-prediction). A time ahead keeps the odds ("more likely to fall next year").
_ODDS_OR_CAUSE = patterns.compile(
    r"\b(?:more|less)\s+likely\s+to\b(?![^.;]*\b(?:next|coming|ahead|later|soon|(?:19|20)\d\d)\b)[^.;,]*"
    r"|\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:likely|probably)\s+(?:the|an?)\s+(?:[\w-]+\s+)?(?:result|reflection|"
    r"consequence|product|legacy|symptom|sign)\s+of\b[^.;]*"
    r"|\b(?:is|are|remains?|will\s+be|may\s+be)\s+(?:\w+ly\s+|very\s+|too\s+|so\s+)?(?:difficult|hard|impossible)\s+to\s+"
    r"(?:predict|forecast|foresee|anticipate|know|gauge|judge|say)\b[^.;]*",
    re.I,
)
# Readings that are not about an outcome ahead, blanked in this order by ``_blank_not_ahead`` (a speech's rhetoric
# first, then the rest)
_NOT_AHEAD = (
    _WHAT_MATTERS,
    _RESOLVE,
    _MAXIM,
    _AUDIENCE,
    _SUPERVISORY,
    _ASCRIBED,
    _OWN_POLICY_ACT,
    _OWN_PLAN,
    _ENGAGEMENT,
    _OWN_SPEECH,
    _AGENDA_ITEM,
    _ADVICE_OR_OPTION,
    _DESIGN_OR_SCHEDULE,
    _DEMAND_OR_JUDGEMENT,
    _REQUIREMENT,
    _ROUTINE_FLUCTUATION,
    _OUR_MOVE_WEIGHED,
    _MOVE_NOT_TAKEN,
    _PRACTICE,
    _KIND_MAY,
    _AUDIENCE_CLASS,
    _OPTION_ALSO,
    _POLICY_SEQUENCE,
    _HELP_EXPLAIN,
    _THREATEN,
    _SPEECH_ACT,
    _RISK_SIDE,
    _FACTORS_APPLY,
    _DATA_SCOPE,
    _PURPOSE_BY_DESIGN,
    _GENERAL_MAY,
    _SIGN_OF,
    _MEASURE_DESIGN,
    _LEGISLATURE_OPTION,
    _NO_OWN_OUTCOME,
    _RESTATED_WOULD,
    _FISCAL_MOVE_WOULD,
    _STUDIES_ESTIMATED,
    _THE_MORE,
    _WE_WILL_KNOW_MORE,
    _MESSAGE_SENT,
    _SEEN_AS_WEAK,
    _AVERSION,
    _OTHERWISE,
    _HINGE,
    _OUR_JOB_HARDER,
    _OUR_OPTIONS,
    _RISKS_TO_WEIGH,
    _READING_NOTE,
    _AGENTS_PLAN,
    _NEWS_ANNOUNCED,
    _NEWS_RELATIVE_TERMS,
    _GOING_SOMEWHERE,
    _ODDS_OR_CAUSE,
    _SUPPOSED,
    _READ_AS,
    _PLEDGE,
    _OWN_COMMUNICATION,
    _SEEN_OR_ASKED,
    _NOTHING_SUGGESTS,
    _BUILT,
    _POLICY_WOULD,
    _STANCE_JUDGED,
    _HOPE,
    _TO_UNDERSTAND,
    _LIKELIHOOD_MOVED,
    _CALL_FOR_CARE,
)


# The speaker's own forecast in a main clause after a comma ("..., I expect that", ", we think"): a reading blanked
# before it stops there, so that a lead-in phrase that is no forecast does not take the forecast with it.
_OWN_VIEW_AFTER = patterns.compile(
    r",\s+(?:I|we)\s+(?:\w+ly\s+|still\s+|now\s+|also\s+)?(?:expect|anticipate|think|believe|see|project|forecast|"
    r"look\s+for)\b"
    # or a clause of its own joined by "but", "and" or "so", with its own "will" and a time ahead ("The timing is hard
    # to predict, but rates will rise next year")
    r"|,\s+(?:but|and|so|yet)\s+(?:[\w'’-]+\s+){1,4}?(?:will|is\s+(?:expected|likely)\s+to|are\s+(?:expected|likely)\s+to)\s+"
    r"(?=[^.;]*\b(?:next|coming|ahead|(?:19|20)\d\d)\b)"
)


def _blank(m: re.Match[str]) -> str:
    view = _OWN_VIEW_AFTER.search(m.group(0), 1)
    if view is None:
        return " " * len(m.group(0))
    return " " * view.start() + m.group(0)[view.start() :]


def _blank_not_ahead(masked: str) -> str:
    """``masked`` with every reading of ``_NOT_AHEAD`` blanked, offsets kept (up to ``_OWN_VIEW_AFTER``)."""
    for reading in _NOT_AHEAD:
        masked = reading.sub(_blank, masked)
    return masked


# Outlook wordings that a mask above takes for something else: an inference about what lies ahead ("which may imply a
# more subdued pace of consumer spending going forward", not "may imply" about the present), an effect a cause will
# bring, in the passive ("The moderation in demand should be reinforced by the tightening"), a risk scenario ("in my
# view there is a scenario where we get higher inflation"), and an outlook painted for a period ahead ("economists are
# painting a bright picture for next year").
_OUTLOOK_SAID = patterns.compile(
    r"\b(?P<m>may|might|could)\s+(?:well\s+)?(?:imply|mean|signal|portend|point\s+to)\b(?=[^.;]{0,100}?\b(?:going\s+"
    r"forward|ahead|in\s+(?:the\s+)?coming|over\s+the\s+(?:next|coming)|next\s+(?:year|quarter))\b)"
    r"|\b(?P<s>should|could|may|might|will)\s+be\s+(?:\w+ly\s+)?(?:reinforced|supported|boosted|offset|restrained|damped|"
    r"dampened|tempered|bolstered|sustained|underpinned|buoyed|cushioned|amplified|exacerbated|compounded|moderated|"
    r"mitigated|weighed\s+down|held\s+back)\s+by\b"
    r"|\b(?:there\s+is|there['’]s|I\s+see|we\s+see)\s+(?:a|one|another|some)\s+(?:\w+\s+)?(?P<c>scenario)\s+(?:where|"
    r"in\s+which|under\s+which)\b"
    r"|\b(?P<p>paint(?:s|ed|ing)?)\s+an?\s+(?:\w+\s+){0,2}?(?:picture|outlook)\s+(?:for|of)\s+(?:(?:19|20)\d\d|next|the\s+"
    r"(?:coming|year\s+ahead|months\s+ahead))\b",
    re.I,
)


_WH_BEFORE = patterns.compile(r"\b(?:what|how|whether|why)\b[^,;.]*$", re.I)


def _outlook_said(sentence: str) -> re.Match[str] | None:
    said = _OUTLOOK_SAID.search(sentence)
    if said is None or _IN_QUESTION.search(sentence[: said.start()]) or _WH_BEFORE.search(sentence[: said.start()]):
        return None  # "discussed what a flatter curve might signal about activity going forward": a question
    return said


# A revision told without its new level (the guide: "reports that a forecast was revised, without its content" and a
# WASDE revision "relative to last month's forecast only"): "Projected ending stocks are down 50 million bushels from
# last month", "Exports are raised 2 million cwt this month", "The export forecast is boosted by 300 million pounds",
# "Output projections for 2027 are unchanged". Not when the sentence gives a level ("to 3.1 billion", "at 251 million",
# "the yield of 53.5 bushels"), a change from last year ("down 131 million bushels from last year": a forecast of the
# change) or a future word of its own.
_REVISION_VERB = (
    r"raised|lowered|increased|reduced|cut|trimmed|boosted|lifted|dropped|narrowed|widened|"
    r"revised(?:\s+(?:up|down|upward|downward|higher|lower))?"
)
_REVISED_PREDICATE = patterns.compile(
    r"\b(?:is|are)\s+(?:now\s+|also\s+|again\s+)?(?:(?:projected|forecast|estimated)\s+)?"
    rf"(?:(?P<verb>{_REVISION_VERB})|(?P<move>up|down|higher|lower)|(?P<kept>unchanged))\b"
    # ... and in the present perfect, of a forecast named before it: "their forecasts for light vehicle sales in 2002
    # have been raised"
    rf"|\b(?:has|have)\s+(?:now\s+|also\s+|again\s+)?been\s+(?:\w+ly\s+)?(?P<perfect>{_REVISION_VERB})\b",
    re.I,
)
_AGAINST_LAST_MONTH = patterns.compile(
    r"\b(?:from|than|since)\s+(?:last\s+month|a\s+month\s+(?:ago|earlier)|the\s+previous\s+(?:month|report))\b|"
    r"\blast\s+month['’]s\b|\bthis\s+month\b",
    re.I,
)
_FORECAST_SUBJECT = patterns.compile(r"\b(?:forecasts?|projections?|estimates?|outlook|prospects)\b", re.I)
_LEVEL_GIVEN = patterns.compile(
    r"\b(?:to|at|of)\s+(?:(?:a|an|the|projected|record|estimated|about|around|nearly|almost|roughly|some)\s+){0,3}"
    r"[$€£]?\s?\d"
    r"|\b(?:is|are)\s+(?:now\s+)?(?:projected|forecast|estimated|expected)\s+(?:at|to\s+be)\b",
    re.I,
)
_YEAR_ON_YEAR = patterns.compile(
    r"\b(?:a\s+year\s+(?:earlier|ago)|last\s+year|year[- ](?:earlier|ago)|(?:the\s+)?(?:previous|prior)\s+year)\b"
    r"|\b(?:from|than|over)\s+(?:the\s+)?(?:19|20)\d\d\b",
    re.I,
)
_OWN_FUTURE_WORD = patterns.compile(
    r"\b(?:will|would|could|may|might|should|shall|expect\w*|likely|anticipat\w*|next)\b|['’]ll\b", re.I
)


def revision_without_level(sentence: str) -> bool:
    """Whether ``sentence`` only reports a revision of a forecast (module comment above ``_REVISION_VERB``)."""
    m = _REVISED_PREDICATE.search(sentence)
    if m is None or _LEVEL_GIVEN.search(sentence) or _YEAR_ON_YEAR.search(sentence):
        return False
    if _OWN_FUTURE_WORD.search(sentence):
        return False
    if m.group("perfect"):
        return _FORECAST_SUBJECT.search(sentence, 0, m.start()) is not None  # "forecasts ... have been raised"
    if m.group("verb"):
        return True  # a passive revision verb: "are raised 2 million cwt"
    if m.group("kept") and _FORECAST_SUBJECT.search(sentence, 0, m.start()):
        return True  # "Output projections for 2027 are unchanged"
    return _AGAINST_LAST_MONTH.search(sentence) is not None  # "are down 50 million bushels from last month"


def ruled_out(sentence: str) -> bool:
    """Whether the rules have read every future word of ``sentence`` as something else (a schedule, a speaker's own
    act, "likely" about the past, a procedure), it is an assessment with no future claim of its own (the balance of
    risks, factors "cited as likely", a revision told against the last forecast without its level, "it could be
    helpful", "faster than in the previous forecast" with no figure, a rate decision told in the future tense), or it
    says it does not predict: then the sentence classifier does not admit it either (``candidates._admitted``). A modal
    the rules merely found no future time for is not ruled out."""
    if states_no_claim(sentence):
        return True
    if _THAN_PREVIOUS.search(sentence) and not re.search(r"\d", sentence):  # a forecast told against the last one
        return True
    if _DECISION_ANNOUNCED.search(sentence) and not _AHEAD_OR_UNTIL.search(sentence):  # a rate decided, told ahead
        return True
    if not _modal_cues(sentence):
        return False
    masked = _META.sub(_blank, sentence)
    masked = _NOT_A_CUE.sub(_blank, masked)
    masked = _NO_STATE.sub(_blank, masked)
    masked = _blank_not_ahead(masked)
    left = [c for c in _modal_cues(masked) if not (c.hedged and _IF_RELATIVE.search(masked[: c.span[0]]))]
    return not left and _outlook_said(sentence) is None


# A concessive clause that opens the sentence ("Although the staff had revised down its projection since March,
# ..."): an assessment inside it (a revision, a balance of risks) is conceded, and the main clause after its comma
# may still predict ("... it still expected output to expand next year").
_CONCESSIVE_LEAD = patterns.compile(
    r"^\W*(?:although|though|even\s+though|while|whereas|despite)\b[^,;:]{1,240},\s*", re.I
)


def states_no_claim(sentence: str) -> bool:
    """Whether ``sentence`` says it does not predict (``not_a_prediction``) or is an assessment with no future claim of
    its own: a balance of risks, "no other changes are projected", a revision without its level. The cheap part of
    ``ruled_out``, without reading its modal words. An assessment inside an opening concessive clause
    (``_CONCESSIVE_LEAD``) is read on the main clause only."""
    if _NOT_PREDICTION.search(sentence) is None and (lead := _CONCESSIVE_LEAD.match(sentence)) is not None:
        sentence = sentence[lead.end() :]
    if _NOT_PREDICTION.search(sentence) is not None or revision_without_level(sentence):
        return True
    assessed = _ASSESSMENT.search(sentence) or _RISKS_EVEN.search(sentence)
    return assessed is not None and not _claim_beside(sentence, assessed)


# the clauses of a sentence joined by a semicolon or ", and", ", but", ", while", ", whereas"
_CLAUSE_JOIN = patterns.compile(r";\s*|,\s+(?:and|but|while|whereas)\s+(?=[A-Za-z])", re.I)


def _claim_beside(sentence: str, assessed: re.Match[str]) -> bool:
    """Whether a clause of ``sentence`` other than the one holding the assessment ``assessed`` predicts on its own:
    "Risks to the inflation outlook are tilted upward; a further escalation of trade tensions could push inflation
    higher" (the guide: a sentence is predictive when any clause is)."""
    cuts = [0, *(x for m in _CLAUSE_JOIN.finditer(sentence) for x in (m.start(), m.end())), len(sentence)]
    clauses = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    return any(
        (end <= assessed.start() or start >= assessed.end())
        and end - start > 10
        and governing_cue(sentence[start:end]) is not None
        for start, end in clauses[:6]
    )


def without_wishes(sentence: str) -> str:
    """``sentence`` with its wishes and hopes blanked (``_WISH``), offsets kept: what the cues that read no future word
    (``candidates``: a present tense with a date ahead, ``stated``) are to read, so that "I hope the labor market stays
    strong through next year" is no forecast there either."""
    return _WISH.sub(lambda m: " " * len(m.group(0)), sentence)


def not_a_prediction(sentence: str) -> bool:
    """Whether ``sentence`` says outright that it does not predict: a doubt ("it remains to be seen whether", "I don't
    know whether"), a question put as a statement ("I wonder whether"), a supposition, a counterfactual."""
    return _NOT_PREDICTION.search(sentence) is not None


def governing_cue(sentence: str) -> Cue | None:
    """The cue that governs the predicted clause of ``sentence``, or None if the sentence does not predict."""
    if states_no_claim(sentence):
        return None
    if _DECISION_ANNOUNCED.search(sentence) and not _AHEAD_OR_UNTIL.search(sentence):
        return None
    if _THAN_PREVIOUS.search(sentence) and not re.search(r"\d", sentence):
        return None  # "inflation was a bit lower than in the previous projection": a revision, without a level
    if _AMONG_FACTORS.match(sentence):
        return None  # "Among the factors anticipated to support the expansion were ...": an explanation
    # text about the text and the speaker's own speech acts ("I would note that ...") are masked, not the whole
    # sentence: what is noted may be a forecast
    masked = _META.sub(_blank, sentence)
    # "U.S." ends no clause: its points become "_", so that it is one word ("U_S_") to the patterns below
    masked = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", "_"), masked)
    masked = _PAST_NOTE.sub(_blank, masked)
    decision = _DECISION.search(masked)
    if decision is not None:  # what follows a decision verb is the decision, not a forecast, up to a forecast verb of
        # its own: "decided to raise the target range ... and anticipates that ongoing increases will be appropriate"
        path = _OWN_PATH.search(masked, decision.end())
        end = path.start("v") if path else len(masked)
        masked = masked[: decision.start()] + " " * (end - decision.start()) + masked[end:]
    masked = without_wishes(masked)
    masked = _NOT_A_CUE.sub(_blank, masked)
    masked = _NO_STATE.sub(_blank, masked)
    masked = _blank_not_ahead(masked)
    masked = _INVERTED_IF.sub(lambda m: " " * len(m.group(0)), masked)
    future = _FUTURE_TIME.search(masked) is not None
    edges = [m.span() for m in _MAJOR_CLAUSE.finditer(masked)]
    edge_starts, edge_ends = [e[0] for e in edges], [e[1] for e in edges]
    memo: dict[tuple[int, int, int, int], bool] = {}

    # a past year as the base of a record ("the fastest growth since the recession in 2009") is no time ahead
    sinceless = _SINCE.sub(lambda m: " " * len(m.group(0)), masked)

    def clause_has(pattern: re.Pattern[str], span: tuple[int, int], text: str = masked) -> bool:
        """``pattern`` in the main clause ``span`` sits in (the sentence cut at semicolons and at ", but", ", while",
        ", although"), each clause searched once per pattern: a sentence packed with cues stays linear."""
        at = bisect_right(edge_ends, span[0])
        start = edge_ends[at - 1] if at else 0
        after = bisect_left(edge_starts, span[1])
        end = edge_starts[after] if after < len(edge_starts) else len(masked)
        key = (id(pattern), id(text), start, end)
        if key not in memo:
            memo[key] = pattern.search(text, start, end) is not None
        return memo[key]

    indefinite_until = -1  # the end of an indefinite subject's clause, if the sentence opens with one
    indefinite = _INDEFINITE_OPENING.match(masked) is not None
    if indefinite:
        cut = _SUBJECT_BREAK.search(masked)
        indefinite_until = cut.start() if cut else len(masked)
        foresees = _FORESEES.search(masked, 0, indefinite_until)
        if foresees is not None:  # "A MORI poll suggested Labour would win": the subject foresees, the clause is told
            indefinite_until = foresees.start()
    elif (
        (pronoun := _PRONOUN_WOULD.match(masked)) is not None
        and not (_SAYING.search(masked) or _YEAR.search(_SINCE.sub(_blank, masked)))
        # a subject pointing back with what it would do to the economy is a force named with its outcome: "These
        # forces would keep inflation low", "This tightening would slow the economy"
        and not (pronoun.group("ext") and _MACRO_OUTCOME.match(masked, pronoun.end()))
        # ... and one with a named time ahead is a forecast's continuation: "These storms would bring up to 6 inches of
        # rain to the region through Saturday"
        and not (pronoun.group("ext") and _DATED_AHEAD_RE.search(masked))
    ):
        indefinite_until = pronoun.end()  # not a reported forecast ("it would slow growth, the staff said"), no year
    weighed = 0  # the end of the last modal read as an action's weighed effect
    for cue in _modal_cues(masked):
        before = masked[: cue.span[0]]
        if _IN_QUESTION.search(before) or _SPEECH_TOPIC.search(sentence, 0, cue.span[0]):
            continue  # "questioned whether growth would last": a doubt, not a prediction
        if _IN_CONDITION.search(before):
            continue  # "if the economy were going to seize up, ...": part of the condition
        if _AGENDA.search(sentence, 0, cue.span[0]) and _AGENDA_AFTER.match(sentence, cue.span[1]):
            continue  # "my primary focus today will be on ...": the speech's plan
        first = cue.words.split()[0].lower()
        if first in ("was", "were") and _PAST_TIME.search(masked) and not _AHEAD.search(masked):
            continue  # "was expected to close last year": an expectation about the past
        if first == "would" and cue.probability == 0.9 and _SAYING.search(before) is None:
            cue = Cue(cue.words, cue.span, 0.4, True, True)  # a "would" no verb of saying governs: hypothetical
        bare = cue.words.lower() == "would"
        if (
            # "would likely" and "would probably" too after an indefinite subject: what such a thing would likely do
            # (not after a pronoun: "It would likely be appropriate to continue raising the target range")
            # (with a named time it is a forecast: "A government shutdown would likely begin on October 1", "A second
            # storm would likely arrive by Thursday, forecasters said"; "A higher tariff would likely raise prices,
            # economists say" is still what any would do)
            (
                bare
                or (
                    indefinite
                    and re.fullmatch(r"would\s+(?:likely|probably)", " ".join(cue.words.lower().split()))
                    and not _DATED_AHEAD_RE.search(masked)
                )
            )
            and (cue.span[0] < indefinite_until or _HYPOTHETICAL_SUBJECT.search(before))
            and not clause_has(_TIME_AHEAD, cue.span, sinceless)
            and not clause_has(_LATER_NO_YEAR, cue.span)
        ):
            continue  # "a return to growth in real wages would provide support": what would follow if it happened
        action = None
        if first in ("would", "could", "might", "may"):
            near = max(0, cue.span[0] - _NEAR)  # the subject's clause is read near the modal: the cost stays bounded
            action = (
                _ACTION_SUBJECT.search(before)
                or _GERUND_SUBJECT.search(masked, near, cue.span[0])
                or (_BY_DOING.search(masked, 0, cue.span[0]) if cue.span[0] <= _NEAR else None)
            )
        if action is not None and not any(
            p.search(masked, action.start(), _clause_end(masked, cue.span[1])) for p in (_TIME_AHEAD, _TAKES_TIME)
        ):
            weighed = cue.span[1]
            continue  # "keeping rates too low for too long could over stimulate the economy": an action weighed
        if first in ("would", "could", "might") and weighed and _CHAINED.fullmatch(masked, weighed, cue.span[0]):
            weighed = cue.span[1]
            continue  # "... would increase the credibility of our strategy and, consequently, would result in ..."
        if cue.hedged and _FEARED.search(before):
            continue  # "experts say they fear the price rise could continue": a fear of a possible effect (the guide)
        if cue.hedged and _CONCERNED.search(before) and not clause_has(_TIME_AHEAD, cue.span):
            continue  # "manufacturers are now concerned that this might turn around quite quickly": a concern
        if cue.hedged and _IF_RELATIVE.search(before):
            continue  # "would be prepared to adjust ... if risks emerge that could impede": part of the condition
        if (
            cue.words.lower() == "would"
            and cue.probability < 0.9
            and re.match(r"\s+(?:\w+ly\s+)?help\b", masked[cue.span[1] :])
        ):
            continue  # "Disinflation in core goods would help to offset ...": the help an outcome would give
        if cue.hedged and _FACTORS_THAT.search(before):
            continue  # "factors that could contribute to a reduction in the spread": an explanation
        if (
            cue.words.lower() in ("could", "would", "may", "might")  # not "would likely": factors likely to ...
            and (
                _THING_THAT.search(masked, max(0, cue.span[0] - 80), cue.span[0])
                or (
                    first in ("could", "might")
                    and _PAST_PURPOSE.search(masked, max(0, cue.span[0] - _NEAR), cue.span[0])
                )
            )
            and not _MACRO_OUTCOME.match(masked, cue.span[1])
            # (an event under way or a named time keeps it: "a soybean crop that could top 4.5 billion bushels", "a
            # runoff on Sunday that could hand the opposition control", "a port strike that could shut terminals for
            # weeks"; an amount alone does not: "technologies that could cut costs by 30 percent" is what they can do)
            and not _THING_KEEPS.search(masked)
            and not _TIME_AHEAD.search(masked, cue.span[1], cue.span[1] + _NEAR)
            and not _LATER.search(masked, cue.span[1], cue.span[1] + _NEAR)
        ):
            continue  # "new payment technologies that could lower costs": what a thing named now can do
        if (
            (cue.hedged or first == "would")
            and not (future and clause_has(_FUTURE_TIME, cue.span))
            and not (
                first in ("could", "may", "might", "should", "would", "has", "have")
                and _EVENT_VERB.match(masked, cue.span[1])
            )
        ):
            continue  # a hedged or hypothetical modal that names no future time or event states no future outcome
        if cue.hedged and (_ADVICE.search(masked) or _ADVICE.search(sentence)):
            continue
        return cue
    outlook = _outlook_said(sentence)
    if outlook is not None:
        kind = next(g for g in ("m", "s", "c", "p") if outlook.group(g))
        words = outlook.group(kind)
        if kind in ("c", "p"):  # "a scenario where ..." is a possibility; "painting a bright picture" an outlook
            return Cue(words, outlook.span(kind), 0.4 if kind == "c" else 0.75, False, kind == "c")
        probability = {"will": 0.9, "should": 0.65}.get(words.lower(), 0.4)
        return Cue(words, outlook.span(kind), probability, True, words.lower() != "will")
    odds = _TILTED_ODDS.search(masked)
    if odds is not None and not _PAST_TIME.search(masked):
        return Cue(odds.group(0), odds.span(), 0.4, False, True)
    expected = _CHANGE_EXPECTED.search(masked)
    if expected is not None:
        return Cue(expected.group(0), expected.span(), 0.75, False, False)
    prospect = _LITTLE_PROSPECT.search(masked)
    if prospect is not None:
        return Cue(prospect.group(0), prospect.span(), 0.2, False, True)
    for verb in islice(_FORECAST_VERB.finditer(masked), 8):  # a sentence's first forecast words: the work stays bounded
        if (
            _is_verb(masked, verb, original=sentence)
            and not _IN_QUESTION.search(masked[: verb.start()])
            and not _IN_CONDITION.search(masked[: verb.start()])
        ):
            return Cue(verb.group(0), verb.span(), 0.75, False, False)  # not "asked firms what they expected"
    estimate = _ESTIMATES_TO_BE.search(masked)
    if estimate is not None and _AHEAD_OR_UNTIL.search(masked):
        return Cue(estimate.group("v"), estimate.span("v"), 0.75, False, False)
    noun = _FORECAST_NOUN.search(masked)
    if noun is not None and not _MONTHS_REVISIONS.search(masked):
        return Cue(noun.group(0), noun.span(), 0.75, False, False)
    seen = _SEEN_AS.search(masked)
    if seen is not None and future:
        return Cue(sentence[seen.start() : seen.end()], seen.span(), 0.75, False, False)
    points = _POINTS_TO.search(masked)
    if points is not None and _AHEAD_VAGUE_WORD.search(masked):
        return Cue(points.group(0), points.span(), 0.7, False, False)
    points = _POINTED_TO.search(masked) or _POINTS_TO_CONTINUED.search(masked)
    if points is not None:
        return Cue(points.group(0), points.span(), 0.7, False, False)
    points = _INDICATORS_AHEAD.search(masked)
    if points is not None:
        return Cue(points.group(0), points.span(), 0.7, False, False)
    possible = _POSSIBILITY_AHEAD.search(masked)
    if possible is not None:
        return Cue(possible.group(0), possible.span(), 0.4, False, True)
    risk = _RISK_THAT.search(masked)
    if risk is not None:
        return Cue(risk.group(0), risk.span(), 0.4, False, True)
    figure = _FIGURE_AHEAD.search(masked)
    if (
        figure is not None
        and (figure.group("n") or "").lower().startswith("estimate")
        and re.search(r"\b(?:released|published|showed|reported|was|were)\b", masked, re.I)
    ):
        figure = None  # "BEA's Third Estimate of 2Q25 GDP, released on September 25, showed": a data release
    have = next((g for g in ("g", "h") if figure is not None and figure.group(g)), None)
    if figure is not None and have is not None and _HAVE_BEEN.match(masked, figure.end(have)):
        figure = None  # "They have been low and declining for quite a while": the present perfect, a report
    if (
        figure is not None
        and figure.group("s")
        and re.search(r"\b(?:has|have|had)$", figure.group("s"), re.I)
        and _HAVE_BEEN.match(masked, figure.end("s"))
    ):
        figure = None  # "the outlook has improved since November": the present perfect, a change told without content
    if figure is not None and (
        figure.group("r")
        or figure.group("f")
        or figure.group("g")
        or _TIME_AHEAD.search(masked, figure.end())
        or _BY_WHEN.search(masked, figure.end())
        # a forecast's content with the other times it names ("The staff forecast had real GDP rising 1.2 percent this
        # year")
        or (figure.group("s") and _THIS_PERIOD.search(masked, figure.end()))
    ):
        said = next(g for g in ("w", "n", "s", "r", "h", "g", "f") if figure.group(g))
        words = figure.group(said) if said in ("w", "n", "h", "g", "f") else figure.group(said).split()[0]  # the noun
        return Cue(words, (figure.start(said), figure.start(said) + len(words)), 0.75, False, False)
    seen = _SEE_AHEAD.search(masked)
    past_seen = seen is not None and seen.group(0).lower().startswith("saw")
    if (
        seen is not None
        and (
            _TIME_AHEAD.search(masked, seen.end())
            if past_seen
            else (_TIME_AHEAD.search(masked) or _SEE_WHEN.search(masked))
        )
        and not (past_seen and _PAST_TIME.search(masked))
        and not re.search(
            r"\b(?:like|love|want|wish|hope|prefer|glad|happy|waiting)\s+to\s+$", masked[: seen.start()], re.I
        )
    ):
        return Cue(seen.group(0).strip(), (seen.start(), seen.start() + len(seen.group(0).strip())), 0.75, False, False)
    chance = _CHANCE_PUT.search(masked)
    if (
        chance is not None
        and not re.search(r"\b(?:asked|asking|asks)\b", masked[: chance.start()], re.I)
        and not _PAST_TIME.search(masked)
        and not re.match(r"^\W*(?:in\s+)?(?:19|20)\d\d\b", masked, re.I)
    ):
        return Cue(chance.group(0), chance.span(), 0.75, False, False)
    headline = _HEADLINE_TO.match(masked)
    if headline is not None:
        return Cue(headline.group("to"), headline.span("to"), 0.75, False, False)
    unseen = _NOT_SEEN_CHANGE.search(masked)
    if unseen is not None:
        return Cue(unseen.group("c"), unseen.span("c"), 0.75, False, False)
    news = _news_register_cue(masked, sentence)
    if news is not None:
        return news
    likeliest = _LIKELIEST_CHANGE.search(sentence)  # read on the sentence: the masks blank "most likely"
    if likeliest is not None:
        return Cue(likeliest.group("c"), likeliest.span("c"), 0.7, False, True)
    return None


# British-style business and economy news (issue 20, the news register): shapes of a forecast with no modal and no
# forecast verb. "Faces" with what is to come and its time ("The steel industry faces thousands more job losses over
# the next two years", "Europe's airlines face losses of $1bn this year"), not a scheduled event faced ("faces a vote
# on Tuesday"), a present state with no time ("faces tough competition"), the progressive of the present ("devices are
# facing tough competition this year") nor the noun ("in the face of"); "is set for" with an outcome ("Marks &
# Spencer is set for another fall in sales"), not a date ("the hearing is set for Tuesday", "set for 20 April"); a
# forecast cut or raised "to" its new level (the guide: a revision stated with its new level counts), not one cut
# without it; and a headline's "set to", "tipped to" without its copula ("House prices set to stall in 2005"), only in
# a line with no closing punctuation.
_NEWS_TIME_AHEAD = (
    r"(?:next|coming|ahead|this\s+(?:year|winter|summer|spring|autumn|quarter)|over\s+the\s+next|within|"
    r"by\s+the\s+end|rest\s+of|remainder|(?:in|by)\s+(?:19|20)\d\d)"
)
_NEWS_FACES = patterns.compile(
    r"(?<!\bthe\s)(?<!\ba\s)\b(?P<c>faces|face)\s+(?!up\b)"
    r"(?:(?!\b(?:votes?|elections?|ballots?|meetings?|hearings?|trials?|deadlines?|questions?|choices?|decisions?|"
    r"tests?|talks|calls|criticism)\b)[^.;,]){1,60}?\b" + _NEWS_TIME_AHEAD + r"\b",
    re.I,
)
_NEWS_SET_FOR = patterns.compile(
    r"(?<!\bstage\s)(?<!\bscene\s)\b(?:is|are|looks?|seems?)\s+(?:now\s+|also\s+)?(?P<c>set\s+for)\s+"
    r"(?!(?:next|this|tomorrow|today|the\s+(?:end|start|week|weekend|day|morning|afternoon|evening)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|" + MONTH_NAME + r")\b)(?![$€£]?\d)[a-z]",
    re.I,
)
_NEWS_FORECAST_TO_LEVEL = patterns.compile(
    r"(?<!\bhad\s)\b(?P<c>cut|cuts|raised|raises|lowered|lowers|trimmed|trims|upgraded|upgrades|downgraded|"
    r"downgrades|revised|revises)\s+(?:up\s+|down\s+)?(?:its|their|the|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:forecasts?|projections?|predictions?|estimates?)\s+(?:for\s+[^.;,]{1,40}?\s+)?(?:from\s+[^.;,]{1,20}?\s+)?"
    r"to\s+(?:about\s+|around\s+|just\s+)?[$€£]?\d",
    re.I,
)
# "forecast a fall in registrations", "forecasts a rise of 3%": the ambiguous "forecast" with a change as its object
# is the verb (``_is_verb``), as a figure after it makes it one
_NEWS_CHANGE_OBJECT = patterns.compile(
    rf"\s+(?:a|an|another|further)\s+(?:[\w-]+\s+){{0,2}}?{_CHANGE_NOUN}\s+(?:in|of)\b|\s+(?:a|an)\s+return\s+to\b",
    re.I,
)
# a firm "confident of" doing what it expects ("said it was confident of hitting its full-year profit target"), not
# of a thing ("confident of its strategy", "If I am confident of anything") nor optimistic about one (sentiment, the
# guide), nor confidence had in the past ("had been confident of winning")
_NEWS_CONFIDENT_OF = patterns.compile(
    r"(?<!\bbeen\s)\b(?P<c>confident)\s+of\s+(?:\w+ly\s+)?(?!(?:the|a|an|its|their|his|her|our|this|that|being|\w*thing|morning|evening|spring)\b)[a-z]{2,}ing\b",
    re.I,
)
# what someone "stands to" gain or lose ("Savers stand to lose out as banks cut their rates"), not what "stands to
# reason"; what someone "is in line for" ("The boss is in line for a £2m bonus if profits hit their target this
# year"), not "in line with" (a comparison)
_NEWS_STANDS_TO = patterns.compile(
    r"\b(?P<c>stands?\s+to)\s+(?!reason\b)[a-z]{3,}\b"
    r"|\b(?:is|are)\s+(?:now\s+|also\s+)?(?P<l>in\s+line\s+for)\s+(?:a|an|another|further|more|its|their|his|her|[$£€]?\d)",
    re.I,
)
# what this year will bring, told as "this is the year" + a clause ("We believe this is the year 3G goes mass
# market"), not the past ("Last year was the year broadband went mainstream") nor "the year of" a thing
_NEWS_THE_YEAR = patterns.compile(
    r"\b(?P<c>this\s+is\s+the\s+year)\s+(?:that\s+|when\s+|in\s+which\s+)?(?!of\b|for\b|to\b)[\w'’-]+"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:will\s+)?(?:finally\s+)?[a-z]+(?:s|es)\b",
    re.I,
)
_NEWS_HEADLINE_ELLIPSIS = patterns.compile(
    r"^\W*(?:[\w$£€%&'’.-]+\s+){1,8}?(?P<c>(?:set|tipped|poised)\s+to)\s+[a-z][^.;:!?]*$", re.I
)


def _news_register_cue(masked: str, sentence: str) -> Cue | None:
    """A news register's forecast without a modal or a forecast verb (the comment above ``_NEWS_TIME_AHEAD``)."""
    for pattern, probability in (
        (_NEWS_FACES, 0.7),
        (_NEWS_SET_FOR, 0.9),
        (_NEWS_FORECAST_TO_LEVEL, 0.75),
        (_NEWS_CONFIDENT_OF, 0.75),
        (_NEWS_STANDS_TO, 0.7),
        (_NEWS_THE_YEAR, 0.75),
    ):
        m = pattern.search(masked)
        if m is not None:
            said = "c" if m.group("c") else "l"  # the words that carry it ("stands to", "in line for")
            return Cue(m.group(said), m.span(said), probability, False, False)
    m = _NEWS_HEADLINE_ELLIPSIS.match(sentence.strip())
    if m is not None:
        offset = len(sentence) - len(sentence.lstrip())
        return Cue(m.group("c"), (offset + m.start("c"), offset + m.end("c")), 0.9, False, False)
    return None


# The verb a hedged modal governs, when it names an event ("could suffer", "may stay elevated", "might scale back"):
# anything but a state, an inference or a copula ("could be", "may have", "might reflect", "could mean").
_EVENT_VERB = patterns.compile(
    r"\s+(?:(?:not|also|still|then|now|eventually|well|even|ever|soon|quickly|easily|further|again|ultimately|already|"
    r"just|only|\w+ly)\s+)*"
    r"(?!(?:be|been|have|has|had|reflect|mean|indicate|suggest|signal|imply|explain|seem|appear|look|sound|know|want|"
    r"need|include|involve|contain|represent|depend|matter|apply|exist|say|argue|note|think|expect|like|prefer|wish|"
    r"do|take|make|get|help|use|find|see|consider|call|describe|account|warrant|justify|require|deserve|"
    r"ask|wonder|hope|choose|decide|opt|also|not|well|now|then|still|just|only|even|ever|already|entail|vary|differ|"
    r"pronounce|afford|recall|remember|imagine|tell|overstate|understate|exaggerate|misstate|capture|bias|"
    r"understand|believe)\b)(?:[a-z]{3,}\b"
    # a short verb of a change of state: "could go from this situation to a real crisis", "could go into recession"
    r"|go\s+(?:from|into|up|down|higher|lower|bankrupt|bust|under)\b|be\s+" + _NEARING + r"\b)",
    re.I,
)
# The subject of a bare "would" that is a decision not yet taken, so the sentence says what would follow if it were:
# "agreement on a longer-term plan would help to alleviate uncertainty" (the labelling guide's own example). An
# indefinite subject ("a return to growth in real wages would ...") was tried too: it took true forecasts with it.
_HYPOTHETICAL_SUBJECT = patterns.compile(
    r"(?:^|\bthat\s+|[,;]\s+)(?:agreement|enactment|passage|adoption|approval)\s(?:(?!\bthat\b|\bwhich\b)[^,;])*$"
    # a measure's adoption as the condition (the guide's twenty-ninth batch: the effect of a proposed law if it were
    # enacted) or a forecast's coming true (a conditional restatement: "If realized, the baseline price forecast would
    # mark the fourth consecutive year of decline"); not "if sustained", a trend's possible effect
    r"|^\W*if\s+(?:passed|enacted|adopted|approved|implemented|signed(?:\s+into\s+law)?|realized|realised)\s*,[^;]*$",
    re.I,
)
# a past year named as the base of a record, not as when the forecast comes true: "the fastest growth since 2009"
_SINCE = patterns.compile(
    r"\bsince\s+(?:(?!(?:will|would|could|may|might|should|shall|is|are|be|to)\b)[\w’'-]+\s+){0,5}?(?:19|20)\d\d\b",
    re.I,
)
# An action weighed, as a gerund subject, with what it would or could do: "keeping rates too low for too long could
# over stimulate the economy", "They judged that continuing along a path of gradual firming would balance the risk"
# (the guide: general statements of what a rate rise would do are not predictions)
_ACTION_SUBJECT = patterns.compile(
    r"(?:^\W*|\b(?:that|say|says|said|argue|argued|warn|warned)\s+|[,;]\s+)(?:keeping|raising|cutting|lowering|holding|"
    r"leaving|continuing|tightening|easing|allowing|letting|waiting|acting|moving|removing|ending|delaying|reducing|"
    r"increasing|hiking|pausing|stopping|adopting|pursuing|"
    # a reform weighed (the guide's forty-fifth and fiftieth batches: the effect of a possible policy): "Reforming
    # insolvency regimes would break the vicious circle"; not a participle that is an adjective ("improving demand")
    r"reforming|introducing|implementing|completing|establishing|creating|abolishing|imposing|streamlining|simplifying|"
    r"harmoni[sz]ing|liberali[sz]ing|privati[sz]ing)\s(?:(?!\bthat\b|\bwhich\b)[^,;])*$",
    re.I,
)
# Any action named by a gerund with its object, as the subject ("Hiring one more employee would reduce the return on
# assets", "Moving the clearing of payments onto a shared ledger could lower costs"): the kind of ``_ACTION_SUBJECT``,
# for any verb. Not an adjective in "-ing" ("rising rents could push ..."), a noun in "-ing" before its own noun
# ("lending standards may tighten", "spending growth could slow"), nor a gerund with no object ("hiring would slow":
# the noun): only an object that opens with a determiner or a number is read.
_ING_NOT_ACTION = (
    r"rising|falling|growing|declining|improving|slowing|weakening|strengthening|accelerating|decelerating|mounting|"
    r"worsening|deteriorating|ongoing|emerging|existing|remaining|prevailing|underlying|lingering|persisting|lasting|"
    r"booming|surging|soaring|sliding|shrinking|expanding|narrowing|softening|cooling|changing|evolving|developing|"
    r"aging|ageing|coming|upcoming|following|pending|leading|lagging|outstanding|during|according|including|"
    r"regarding|concerning|nothing|something|everything|anything|increasing|decreasing|continuing|tightening|easing|"
    r"widening|recurring|competing|operating|working|living|missing|intervening|resulting|corresponding|"
    r"accommodating|encouraging|disappointing|surprising|promising|interesting|challenging|pressing|striking|"
    r"overwhelming|enduring"
)
_GERUND_SUBJECT = patterns.compile(
    r"(?:^\W*|\b(?:that|say|says|said|argue|argued|argues|warn|warned|warns|whether|and|but)\s+|[,;:]\s+)"
    rf"(?!(?:{_ING_NOT_ACTION})\b)[a-z]+ing\s+(?:(?:off|up|down|out|back|away|in|on)\s+)?"
    # the object opens with a determiner or a number, which an adjective in "-ing" never takes before its noun
    # ("escalating trade tensions could weigh on investment" is no action); not a time ("spending this year")
    # ("trading in the first half would be weaker": a noun with its period)
    r"(?!(?:this|next|last|the\s+coming|the\s+next|the\s+(?:first|second|third|fourth|final|current))\s+"
    r"(?:year|quarter|month|week|half|spring|summer|fall|autumn|winter)\b)"
    r"(?:a|an|the|these|those|this|its|their|our|his|her|one|two|three|more|less|fewer|further|additional|some|any|"
    r"all|such|[$\d])\b"
    r"(?:(?!\bthat\b|\bwhich\b)[^,;])*$",
    re.I,
)
# the means as an opening clause: "By widening access to credit, these programs would raise incomes" (what the means
# would bring about, like the action as the subject)
_BY_DOING = patterns.compile(r"^\W*by\s+[a-z]+ing\b[^.;]*$", re.I)
# an indefinite subject: "A higher interest rate would bring higher borrowing costs" (what any would do), up to the
# first comma, semicolon, "that" or "which" (found once per sentence, so that many cues cost no more)
# and a bare comparative one ("Higher rates would reduce borrowing"), or a claim said to hold "other things equal"
_INDEFINITE_OPENING = patterns.compile(
    r"^\W*(?:a|an|such|higher|lower|rising|falling|stronger|weaker|faster|slower|larger|smaller|bigger|greater|more|less|"
    r"further|additional|increased|reduced)\s"
    r"|(?=.*\b(?:(?:other\s+things|all\s+else|everything\s+else)\s+(?:being\s+)?equal|ceteris\s+paribus)\b)",
    re.I,
)
# a verb of foreseeing after an indefinite subject ("A MORI poll suggested", "A survey of economists predicted"): the
# subject holds the forecast (not "A White House statement said the Pences would travel", a schedule told)
_FORESEES = patterns.compile(
    r"\b(?:suggested|suggests|predicted|predicts|forecast|forecasts|projected|projects|expected|expects|estimated|"
    r"estimates|warned|warns|indicated|indicates|showed|shows|found|finds)\s+(?:that\s+)?(?=\S)",
    re.I,
)
_SUBJECT_BREAK = patterns.compile(r"[,;]|\b(?:that|which)\b", re.I)
# a pronoun subject with a bare "would": what would follow from something the sentence before named ("That would push
# up costs for importers", "It would also be a vote of confidence"), the indefinite subject's kind with its antecedent
# a sentence away; with a time ahead it is a consequence forecast ("That would leave inflation above target next year")
_YEAR = patterns.compile(r"\b(?:19|20)\d\d\b")
# The same for a subject that points back to an arrangement or a proposal just described ("This arrangement would
# preserve ...", "such a rule would ...", "the proposed disclosures would ...", "they would lay the groundwork"), after
# at most one short opening phrase ("In my view,", "Third,", "But"): what it would do if adopted.
# (the opening's non-word run is possessive, "\W*+": a sentence that the masks have blanked is one long run of spaces,
# which a backtracking "\W*" would retry from every point, each with the lookahead below: quadratic)
_PRONOUN_WOULD = patterns.compile(
    r"^\W*+(?:that|this|it|doing\s+so)\s+(?:\w+ly\s+|also\s+|in\s+turn\s+)?would\b"
    # (not a frame of a forecast or a view: "In the staff projection, this slowdown would persist", "In their view,
    # this would keep inflation elevated")
    r"|(?P<ext>^\W*+(?:(?:but|and|so|yet)\s+|(?![^,]*\b(?:forecasts?|projections?|outlook|baseline|views?|judgments?|"
    r"judgements?|assessments?|opinions?|estimates?|expectations?)\b)(?:[\w’'-]+\s+){0,3}?[\w’'-]+,\s+)?"
    r"(?:that|this|it|they|doing\s+so|such\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+)?|(?:this|these|those)\s+[\w-]+"
    r"|the\s+(?:proposed|suggested|possible|potential|contemplated)\s+[\w-]+(?:\s+[\w-]+)?)"
    r"\s+(?:\w+ly\s+|also\s+|in\s+turn\s+)?would\b)",
    re.I,
)
# What a modal's clause does to the economy: a verb of effect with a macroeconomic object ("would keep inflation
# low", "could slow growth", "would support spending"). The guide counts factors and forces said to bring an outcome
# the sentence names (the twenty-second batch: "a factor cited as potentially supporting an outcome named in the same
# sentence counts"), so a relative clause or a subject pointing back keeps its modal with one.
_MACRO_OUTCOME = patterns.compile(
    r"\s+(?:\w+ly\s+|also\s+|then\s+|further\s+|still\s+)*(?:support|boost|lift|raise|lower|push|pull|keep|hold|weigh|"
    r"restrain|slow|damp|dampen|curb|spur|fuel|underpin|sustain|bolster|drive|add\s+to|contribute\s+to|lead\s+to|"
    r"result\s+in|put\s+(?:\w+\s+)?pressure|help|hurt|reduce|increase|cool|stoke|erode|depress|dent|tighten|ease|"
    r"loosen|widen|narrow)\b[^.;]{0,50}?\b(?:growth|inflation|prices?|spending|demand|employment|unemployment|jobs|"
    r"hiring|wages?|output|activity|investment|rates?|yields?|exports?|imports?|consumption|GDP|economy|recovery|"
    r"expansion|credit|lending)\b",
    re.I,
)
# A hedged modal in a relative clause on a list of factors is an explanation, not the sentence's forecast.
_FACTORS_THAT = patterns.compile(
    r"\b(?:factors?|reasons?|considerations?|forces?|channels?)\b[^.;]{0,100}?\b(?:that|which)\s+(?:\w+\s+)?$"
    # risks named with what they could bring, a relative clause ("latent risks that could result in shocks"), not a
    # risk that a state comes about ("a risk that inflation could rise")
    r"|\brisks\s+(?:that|which)\s+(?:\w+ly\s+)?$",
    re.I,
)
# A restrictive relative clause whose subject is the thing just named, the modal right after "that": "gaps in the
# rules that would address these risks", "technologies that could lower costs" (what the thing can do; the guide's
# twenty-fourth batch: risks named as noun phrases with a "could" inside a relative clause are bare risk noun
# phrases); also "who" on a person ("an honest broker who could help move everyone"). Not "that" as a pronoun after a
# conjunction or a verb of saying ("and that could hurt exports"); and the modal stays when its clause names an outcome
# for the economy (``_MACRO_OUTCOME``: "headwinds that could slow growth") or a time ahead.
_THING_THAT = patterns.compile(
    r"(?<![,;:])\s(?!(?:and|but|or|nor|because|since|if|so|as|than|when|while|although|though|whether|now|"
    r"think|thinks|thought|believe|believes|believed|say|says|said|note|notes|noted|hope|hopes|know|knows|knew|"
    r"fear|fears|feared|worry|worries|worried|expect|expects|expected|suggest|suggests|suggested|warn|warns|warned|"
    r"argue|argues|argued|that|is|was|are|were|be|case)\b)[A-Za-z][\w'’-]*\s+(?:that|who)\s+(?:\w+ly\s+)?$"
)
# what keeps a relative clause's modal besides an outcome for the economy: a named time, or an event under way as the
# thing named ("a tropical storm that could strengthen into a hurricane", "a heat wave that could push
# demand to a record"), whose course is ahead
_THING_KEEPS = patterns.compile(
    DATED_AHEAD
    + "|"
    + _DURATION_AHEAD
    + r"|\b(?:storm|hurricane|typhoon|cyclone|blizzard|wildfire|flood|flooding|drought|heat\s+wave|cold\s+snap|"
    r"strike|walkout|runoff|election|referendum|crop|harvest|shortage|shortfall|surplus|slowdown|downturn|outbreak|"
    r"season)s?\s+"
    r"(?:that|which)\s+(?:\w+ly\s+)?(?:could|would|may|might)\b",
    re.I,
)
# "could" (or "might") as the past of "can" in a purpose after a past act: "the Fed established a program so banks
# could liquefy their securities", "set up a hotline so that exporters could report delays"
# how far before a modal its subject's clause is read (``_GERUND_SUBJECT``, ``_BY_DOING``, ``_PAST_PURPOSE``): a
# clause longer than this is left to the other rules, so that a sentence packed with modals costs no more than linear
# reads of this window each
_NEAR = 240
_PAST_PURPOSE = patterns.compile(
    r"\b(?:[a-z]+ed|set|put|made|built|gave|took|began|brought|sent|held|chose|ran|won)\b(?:\s+(?:up|out|in|off))?"
    r"[^.;,]*\bso\s+(?:that\s+)?(?:[\w'’-]+\s+){1,4}?$",
    re.I,
)
# times ahead that a relative clause may name besides ``_TIME_AHEAD``: "debts that would eventually weigh on
# spending", "a soft patch that may last for a while"
_LATER_VAGUE = (
    r"over\s+time|eventually|ultimately|soon|in\s+time|for\s+(?:a\s+while|some\s+time|"
    r"a\s+long\s+time|years|decades|(?:the\s+)?(?:foreseeable\s+)?future)|medium[- ](?:term|run)|"
    r"take\s+(?:\w+\s+){0,2}?(?:time|years|months|quarters|decades)"
)
_LATER = patterns.compile(rf"\b(?:{_LATER_VAGUE}|(?:19|20)\d\d)\b", re.I)
# what keeps an action weighed a forecast besides ``_TIME_AHEAD``: a medium-term horizon or the time it will take
# ("Completing the new plants could take several years"); not "over time" or "eventually", which a general claim of
# what a policy would do has too ("Reducing the deficit would lower interest rates over time")
# ("Clearing the backlog could take until the end of the decade", "Restoring power could take weeks") or a named time
# ("By cutting output further, OPEC+ could push Brent above $100 a barrel this summer")
_TAKES_TIME = patterns.compile(
    r"\b(?:medium[- ](?:term|run)|take\s+(?:until|till|through|into)\b|take\s+(?:\w+\s+){0,2}?(?:time|years?|months?|"
    r"quarters?|decades?|weeks|days)|(?:19|20)\d\d)\b|" + DATED_AHEAD,
    re.I,
)
# the vague ones alone, for a "would" whose years are read on their own (``_PRONOUN_WOULD``: "since 2009" is no time)
_LATER_NO_YEAR = patterns.compile(rf"\b(?:{_LATER_VAGUE})\b", re.I)
_MAJOR_CLAUSE = patterns.compile(r";|,\s+(?:but|while|although|though|whereas)\b|\s*--\s*|:\s")
# the effects an action weighed would bring, chained ("reducing the range further would increase the credibility of
# our strategy and, consequently, would result in ..."): the text from the last weighed modal to the next one is its
# verb phrase and "and", with at most a linking adverb (the guide's thirty-sixth batch: the credibility a policy would
# bring is the effect of a possible policy); the time ahead of an action weighed is read from its subject on (not "This
# assumption of a lower target range for 1992 ..., that reducing the range further would ...")
_CHAINED = patterns.compile(
    r"[^.;,]*\band\s*(?:,\s*(?:consequently|in\s+turn|therefore|thus|hence|then|as\s+a\s+result)\s*,\s*|"
    r"(?:consequently|in\s+turn|therefore|thus|hence|then|so)\s+)?",
    re.I,
)


def _clause_end(text: str, at: int) -> int:
    """Where the main clause that ``at`` sits in ends (``_MAJOR_CLAUSE``), or the text's end."""
    edge = _MAJOR_CLAUSE.search(text, at)
    return edge.start() if edge else len(text)


_FEARED = patterns.compile(r"\b(?:fear|fears|feared|fearing)\s+(?:that\s+)?[^.;,]{0,80}$", re.I)
# a concern held now that something may happen, with no time ahead: a speaker's or contacts' (the guide's seventeenth
# and thirty-sixth batches: "raise some concern on my part that we may not be able to count on", "manufacturers are now
# concerned that this might turn around quite quickly"); the minutes' concerns told in the past are risk scenarios
# ("some were concerned that low inflation abroad could erode inflation expectations") and stay
_CONCERNED = patterns.compile(
    r"(?:\b(?:am|are|is|remains?)|['’](?:m|re|s))\s+(?:(?:now|still|also|increasingly|very|quite|somewhat|a\s+bit|"
    r"a\s+little)\s+)*(?:concerned|worried|anxious|nervous|afraid)\s+that\s+[^.;,]{0,80}$"
    r"|\bconcerns?\s+on\s+(?:my|our)\s+part\s+that\s+[^.;,]{0,80}$",
    re.I,
)
_IF_RELATIVE = patterns.compile(r"\bif\s[^,;.]*\b(?:that|which|who)\s+(?:\w+\s+)?$", re.I)


def _is_verb(sentence: str, match: re.Match[str], *, original: str | None = None) -> bool:
    """Whether a forecast word is the verb ("The IMF projects growth"), not a noun ("innovation projects").

    ``original`` is the sentence before masking, where the words after an adjectival participle are still read."""
    before, after = sentence[: match.start()], sentence[match.end() :]
    if match.group("v").lower().endswith("ing"):
        # the participle of a clause that adds the holder's view, with a time ahead in what it holds: "Contacts were
        # upbeat, anticipating stronger sales in the fall", "with 60 percent expecting higher sales next year" (not
        # "Markets rallied in May, anticipating the rate cut that came in June": nothing ahead)
        # (an absolute "with most anticipating" may have its time before it: "more pessimistic about the next 12 months,
        # with most anticipating weaker demand")
        absolute = re.search(r"\bwith\s+(?:[\w%'’-]+\s+){1,4}?$", before, re.I) is not None
        if (
            (absolute or re.search(r",\s*$", before))
            and (_TIME_AHEAD.search(sentence if absolute else after) or _SEASON_AHEAD.search(after))
            and not _PAST_TIME.search(sentence)
        ):
            return True
        # "are expecting a boost", "we are now forecasting", "I'm expecting"
        return (
            re.search(
                r"(?:\b(?:is|are|was|were|be|been|am)|['’](?:m|re|s)|\b(?:comfortable|confident|justified|right)\s+in|"
                r"\b(?:continue|continues|continued|keep|keeps|kept)|\bstarted|\bbegun|\bbegan)\s+(?:\w+\s+)?$",
                before,
                re.I,
            )
            is not None
        )
    if re.search(
        r"\b(?:had|have|has|the|a|an|its|their|our|his|her|these|those|such|of|for|in|on|with|and|or|"
        r"latest|new|major|critical|key|other|many|some|be|been|being|was|were|is|are)\s+$",
        before,
        re.I,
    ):
        return False
    if match.group("v").lower().endswith("ed") and re.search(r"\w-[a-z]+\s+$", before, re.I):
        return False  # "the TIPS-based expected inflation rates", "market-implied expected path": the adjective
    if match.group("v").lower().endswith("ed") and re.match(r"\s+(?:with|using|from)\b", after, re.I):
        return False  # "the model estimated with data from 1990": a participle, not the forecaster's verb
    if match.group("v").lower().endswith("ed") and re.match(
        r"\s+[a-z-]+\s+(?:might|may|could|would|will|should|is|are|was|were|has|have|had)\b",
        (original or sentence)[match.end() :],
    ):
        return False  # "low expected volatility might signal": the adjective
    if re.fullmatch(
        r"expects?|expected|anticipates?|anticipated|predicts?|predicted|foresees?|envisions?|envisages?",
        match.group("v"),
        re.I,
    ):
        return bool(before.strip())  # unambiguous verbs: "most anticipated a gradual decline"
    if re.search(r"['’]s\s+(?:\w+\s+)?$", before):
        return False  # "the IMF's forecast of 4.3%": the noun
    if re.search(
        r"\b(?:price|prices|growth|energy|demand|supply|production|inflation|market|economic|consensus|weather|"
        r"budget|revenue|earnings|sales|output|STEO|staff|model)\s+$",
        before,
        re.I,
    ) and not match.group("v").lower().endswith("ed"):
        return False  # "we incorporate energy price forecasts into the model": a compound noun
    if re.match(r"\s+(?:was|were|is|are|has|had|have|will|would|did|does|for|of|made|put)\b", after, re.I):
        return False  # "that September forecast was put together", "the forecasts for 1997": the noun
    if not before.strip() or before.rstrip().endswith((",", ":", ";", "(")):
        return False  # "Projects like ...": a noun opening the sentence or a clause
    if _NEWS_CHANGE_OBJECT.match(after):
        return True  # "The trade body forecast a fall in new car registrations": a change as the object, the verb
    return bool(
        re.match(
            r"\s+(?:that\b|(?:[\w'’$%.()-]+\s+){0,8}?(?:to\s+[a-z]|of\s+[$€£]?\d|at\s+[$€£]?\d|"
            r"[$€£]?(?!(?:19|20)\d\d\b)\d))",  # a year is not the forecast's figure
            after,
        )
    )


def stated_confidence(sentence: str) -> tuple[str, float] | None:
    """The words that govern ``sentence``'s prediction and their probability (the table above), or None."""
    cue = governing_cue(sentence)
    return None if cue is None else (cue.words, cue.probability)
