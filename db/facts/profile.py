"""What a claim says in numbers: its figure, the counted thing, and when."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, NamedTuple

from db.assist.dates import extract_dates
from db.assist.lexicon import UNITS
from db.assist.numbers import WORD_VALUES, Figure, extract_figures, irregular_plural
from db.facts.efforts import done_after, names_only
from db.facts.hedges import HEDGE
from db.facts.shares import opened_by_whole, whole_told_before
from db.facts.spills import spill_named, told_as_true

# Counted things that answer the same question under different words.
SYNONYMS = {
    "soldier": "troops",
    "soldiers": "troops",
    "troop": "troops",
    "troops": "troops",
    "servicemen": "troops",
    "personnel": "troops",
    "military personnel": "troops",
    "forces": "troops",
    "fighters": "troops",
    # People counted as such, whatever else they are called: one class.
    "people": "people",
    "persons": "people",
    "person": "people",
    "residents": "people",
    "inhabitants": "people",
    "villagers": "people",
    "townspeople": "people",
    "townsfolk": "people",
    "locals": "people",
    "civilians": "people",
    "citizens": "people",
    "individuals": "people",
    "evacuees": "people",
    "dwellers": "people",
    "occupants": "people",
    # A crowd at a match or a show, however named: the people there.
    "fans": "people",
    "supporters": "people",
    "spectators": "people",
    # People named by what they did or what was done to them, counted as people and told
    # apart by that fate (:data:`NOUN_FATES`): "40 hostages", "300 protesters".
    "hostages": "people",
    "captives": "people",
    "abductees": "people",
    "detainees": "people",
    "refugees": "people",
    "migrants": "people",
    "protesters": "people",
    "protestors": "people",
    "demonstrators": "people",
    "suspects": "people",
    "patients": "people",
    # People named by their work ("23,000 workers", "400 employees"): people, told apart
    # by what they did or what befell them (walked out, were laid off, were hurt).
    "workers": "people",
    "employees": "people",
    # People held in prison, under any name: a class of their own, as troops are, whose
    # dead are not the guards' dead ("five escapees were killed", "six guards were killed")
    # and who are told apart by what befell them (escaped, recaptured, handed back).
    "prisoners": "prisoners",
    "prisoner": "prisoners",
    "inmates": "prisoners",
    "inmate": "prisoners",
    "convicts": "prisoners",
    "escapees": "prisoners",
    "escapee": "prisoners",
    "fugitives": "prisoners",
    "jailbreakers": "prisoners",
    # The police, under any name: a class of their own, as troops are, whose hurt and dead
    # are not the crowd's ("58 police officers were hurt" beside "86 protesters were
    # injured").  ("Police" alone names who spoke or acted far more often than a count.)
    "officers": "police",
    "officer": "police",
    "police officers": "police",
    "policemen": "police",
    "policewomen": "police",
    "policemen and women": "police",
    "gendarmes": "police",
    "constables": "police",
    "riot police": "police",
    # People at a gathering, counted by its crowd: "put the crowd at 70,000", "the
    # turnout", "40,000 marchers" (told apart by their fate: :data:`ATTENDED`).
    "crowd": "people",
    "crowds": "people",
    "turnout": "people",
    "attendance": "people",
    "marchers": "people",
    "participants": "people",
    # People waiting to be let through, counted by their queue (:data:`NOUN_FATES`).
    "queue": "people",
    "queues": "people",
    # People named by their place aboard ("87 sailors", "240 crew members"; not "a crew
    # of 12", one body of them) and members of any body: people, told apart by what befell
    # them (held, freed, killed).
    "members": "people",
    "crewmen": "crew",
    "crew members": "crew",
    "sailors": "crew",
    "seamen": "crew",
    "seafarers": "crew",
    "mariners": "crew",
    "dead": "killed",
    "deaths": "killed",
    "bodies": "killed",  # "37 bodies were recovered": the dead, counted as found
    "killed": "killed",
    "died": "killed",
    # Homes counted under any of their names ("62 houses burned down", "40 homes").
    "homes": "homes",
    "houses": "homes",
    "dwellings": "homes",
    # Animals, kept or wild, counted under any of their names: their dead are no people's
    # dead ("1.2 million farm animals have died" is no death toll).
    "animals": "animals",
    "livestock": "animals",
    "cattle": "animals",
    "cows": "animals",
    "sheep": "animals",
    "pigs": "animals",
    "hogs": "animals",
    "goats": "animals",
    "poultry": "animals",
    "chickens": "animals",
    "hens": "animals",
    "turkeys": "animals",
    "casualties": "casualties",
    "wounded": "wounded",
    "injured": "wounded",
    "hurt": "wounded",  # "the number hurt has reached 26"
}
CLASSES = frozenset(SYNONYMS.values())  # the counted things known by class
# Classes of people counted as people are: their dead are deaths, their hurt the wounded,
# and what befell them ("trapped", "missing") names the count.
PEOPLE = frozenset(("people", "crew"))
# Classes of people that keep their name whatever befell them (their dead are not everyone's
# dead), but whose count of a fate that names people ("still at large", "missing") is that
# fate's count, as it is for people.
HELD = frozenset(("prisoners",))
# Nouns naming people by what they did or what was done to them: with no verb telling
# another fate, the noun tells it ("233 escapees" counts those who escaped; "121 escapees
# have been recaptured" those recaptured; "40 hostages" those taken).
NOUN_FATES = {
    "escapees": "escaped",
    "escapee": "escaped",
    "fugitives": "escaped",
    "jailbreakers": "escaped",
    "evacuees": "displaced",
    "refugees": "displaced",
    "hostages": "abducted",
    "captives": "abducted",
    "abductees": "abducted",
    "detainees": "detained",
    "survivors": "rescued",
    # People named by taking part in a gathering: "300,000 marchers", "the crowd".
    "marchers": "attended",
    "protesters": "attended",
    "protestors": "attended",
    "demonstrators": "attended",
    "participants": "attended",
    "crowd": "attended",
    "crowds": "attended",
    "turnout": "attended",
    "attendance": "attended",
    # People waiting in line: "put the queue at 25,000".
    "queue": "waiting",
    "queues": "waiting",
}
# People counted by what befell them, under whatever noun or none ("the number trapped
# at 47", "52 men were cut off"): the fate names the count.
COUNTED_BY_FATE = frozenset(
    ("rescued", "trapped", "missing", "ill", "hospitalised", "confirmed", "treated", "vaccinated",
     "suspected")
)  # fmt: skip
# What befell an amount of a substance: let out ("40 tonnes of ammonia escaped", "the oil
# spilled"), a quantity of its own beside the amount carried or stored.
MEASURES = frozenset(
    """tonnes tonne tons ton kilograms kg kilos litres liters gallons barrels cubic""".split()
)
SPILLED = re.compile(
    r"\b(?:escaped|escaping|released|leaked|leaking|spilled|spilt|spilling|discharged|"
    r"vented|emitted|poured (?:out|into)|gushed|seeped)\b",
    re.I,
)
# Lengths: a length given as how far one place is from another ("a barracks 40
# kilometres behind the front", "12 miles off the coast") is a distance, not the
# length of something ("a 14-kilometre stretch of the front").
LENGTHS = frozenset(
    "kilometres kilometers km miles metres meters yards feet nautical miles".split()
)
_AWAY = re.compile(
    r"[\s-]*(?:[^\W\d_]+[\s-]+)?(?:away|behind|beyond|from|off|inland|offshore|short\s+of|"
    r"(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:\s+of)?|ahead\s+of|outside|inside)\b",
    re.I,
)
# An area: "37 square kilometres", "40 sq km".
_SQUARE = re.compile(r"[\s-]+(?:square|sq\.?)[\s-]+", re.I)
# Fates only people meet: a count of them naming no noun ("put the number evacuated at
# 900") counts people.
PEOPLE_BY_FATE = frozenset(
    ("displaced", "detained", "sheltered", "released", "escaped", "abducted", "charged",
     "convicted", "crossed", "held", "attended", "returned", "waiting")
)  # fmt: skip
CUMULATIVE = re.compile(
    r"\b(in total|so far|to date|since|overall|altogether|cumulative|in all|up to now)\b", re.I
)
# A count of what was added (a new wave, replacements) is not the total so far.
INCREMENT = re.compile(
    # ("more than 300" qualifies a figure; "300 more" adds to one; "380 more people died
    # than usual" counts an excess over the usual, not a wave added to a count.)
    r"\b(additional|another|extra|a further|more(?!\s+than\b)(?![^.;:!?]{0,60}?\bthan\s+"
    r"(?:usual|normal|normally|expected|average|would\s+(?:normally\s+)?(?:be|have)|in\s+an?\s+"
    r"(?:average|normal|typical|usual)))|reinforcements?|replace|"
    r"replacing|replacement|second|third|fourth|new batch|wave)\b",
    re.I,
)
# A figure told as how much something went up or down ("prices rose by 4 per cent",
# "the toll went up by 12 to 52", "cut by a third"): the change, as "another 12" is what
# was added, not the level it went to ("rose to 4 per cent") nor any other amount that
# happens to share its figure ("offered 4 per cent").
_CHANGED_BY = re.compile(
    r"\b(?:rose|risen|rises?|rising|fell|fallen|falls?|falling|grew|grown|grows?|growing|"
    r"increased|increases?|increasing|decreased|decreases?|decreasing|dropped|drops?|dropping|"
    r"declined|declines?|declining|climbed|climbs?|climbing|jumped|jumps?|jumping|"
    r"(?:gone|went|goes|go|going)\s+(?:up|down)|up|down|raised|lowered|cut|reduced|higher|"
    rf"lower)\s+by\s+(?:(?:{HEDGE}|a\s+further|another)\s+)*$",
    re.I,
)
# An expected or possible figure answers "how many will there be", not "how many are there".
FORECAST = re.compile(
    r"\b(expected|expects?|will|if|forecast|projected|planned|likely|reach(?:es)?|land at|"
    # ("may have been aboard", "could have died": a guess about what was, not a forecast;
    # "May" capitalised is the month: "52,000 people crossed in May".)
    r"(?:could|would|(?-i:may)|might)(?!\s+(?:not\s+)?have\b)|"
    # "Plans to send 15,000 in all", "intends to deploy": what is meant to be, not what is.
    r"(?:plans?|planning|intends?|intending|intended|aims?|aiming)\s+to)\b",
    re.I,
)
# "There may be as many as 150 cases", "there could already be 40": a guess about what is
# now, not a forecast, unless a time ahead is named ("there could be 500 by June").
_GUESS_NOW = re.compile(
    r"\bthere\s+(?:may|might|could)\s+(?:(?:well|already|now|still)\s+)?be\b", re.I
)
# A bound guessed now ("the toll could reach as many as 15", "the shortfall could be as
# much as 2 million tonnes") is an estimate of the count, not a figure expected later.
_GUESSED_BOUND = re.compile(
    r"\b(?:could|may|might)\s+(?:(?:well|now|yet|already|rise|reach|number|climb|grow|total|"
    r"run|be|to)\s+){0,3}as\s+(?:many|much|high)\s+as\b",
    re.I,
)
# A loss expected from what has already happened ("expects the harvest to fall short by
# 1.4 million tonnes", "expects losses of 2 billion") is an estimate of that loss.
_EXPECTED_LOSS = re.compile(
    r"\bexpect(?:s|ed)?\s+(?:(?:the|a|an|its|their)\s+)?(?:[^\W\d_][\w'’-]*\s+){0,3}?"
    r"(?:to\s+(?:fall|come\s+in|be)\s+short\s+by|(?:losses|loss|shortfall)\s+(?:of|at))\b",
    re.I,
)
_AHEAD = re.compile(
    r"\b(?:by\s+(?:the\s+)?(?:end|next|mid|middle|then|early|late|spring|summer|autumn|"
    r"winter|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)|next|coming|"
    r"within|soon|tomorrow|eventually|later\s+this|in\s+(?:the\s+)?(?:weeks|months|days|"
    r"years)\s+(?:ahead|to\s+come))\b",
    re.I,
)


# "Planned" standing as an adjective of the counted thing, after its figure or "of"
# ("1,200 planned operations were postponed", "the number of planned flights cancelled"):
# things that were planned and to which something has happened, not a plan of a figure
# ("plans to send", "a planned deployment of 5,000" stay forecasts).
_PLANNED_THINGS = re.compile(
    r"(?P<by>\d|\b(?:of|hundred|thousand|million|billion|dozen|some|several|many|all))\s+"
    r"planned\s+(?!(?:to|for|in|at|on|by|as|and|or|but|that|which|with|over|until)\b)"
    r"(?=[^\W\d_])",
    re.I,
)


# What must be done ("46,000 candidates would have to resit", "will need to be rehoused")
# is a duty told now, and what something will cost ("the repairs will cost 131 million",
# "the bill will be at least 120 million") an estimate of its cost: neither a figure
# expected later, unless a time ahead is named.
_DUTY_OR_COST = re.compile(
    r"\b(?:will|would)\s+(?:(?:all|now|also|still|each|both)\s+)?(?:have|need)\s+to\b"
    r"|\b(?:will|would)\s+(?:(?:now|also|eventually)\s+)?cost\b"
    r"|\b(?:cost|costs|bill|price\s+tag)\s+(?:will|would)\s+(?:be|come\s+to|run\s+to|total)\b",
    re.I,
)


# Jobs told as going ("2,400 jobs will go over two years", "the number of jobs it will
# cut", "would shed 900 posts"): the cuts a firm announces, told in the future because they
# take effect later, not a figure expected to be there: the count of jobs cut, whatever the
# time ahead they are spread over.
_JOBS = r"(?:jobs|posts|positions|roles)"
_TO_GO = (
    r"(?:will|would)\s+(?:(?:now|also|eventually)\s+)?(?:go|disappear|cut|shed|axe|"
    r"eliminate|be\s+(?:cut|lost|shed|axed|eliminated|scrapped))\b"
)
_JOBS_TO_GO = re.compile(
    rf"\b{_JOBS}\b(?:\s+[\w'’-]+){{0,3}}?\s+{_TO_GO}"
    rf"|{_TO_GO}(?=(?:\s+[\w'’,-]+){{0,4}}?\s+{_JOBS}\b)",
    re.I,
)


# Things told as at risk or hanging on something ("9,000 jobs at suppliers are at risk",
# "14,000 jobs depend on that line") are what may be lost, a quantity of its own: not the
# jobs a firm has said it will cut.
_AT_STAKE = re.compile(
    r"\b(?:at\s+risk|under\s+threat|in\s+jeopardy|depends?\s+on|depended\s+on|"
    r"relies\s+on|rely\s+on|relied\s+on)\b",
    re.I,
)


def forecast_in(quote: str) -> bool:
    """Whether *quote* gives an expected or possible figure (:data:`FORECAST`), not one
    guessed to be there now ("there may be as many as 150 cases"), nor things named as
    planned ones ("1,200 planned operations were postponed")."""
    if _GUESS_NOW.search(quote) and not _AHEAD.search(quote):
        quote = _GUESS_NOW.sub(" ", quote)
    guesses: tuple[re.Pattern[str], ...] = (_GUESSED_BOUND, _EXPECTED_LOSS)
    if "ill " in quote or "ould " in quote:
        guesses += (_DUTY_OR_COST,)  # (only "will" or "would" tells a duty or a cost so)
    for guess in guesses:
        if guess.search(quote):
            estimate = guess.sub(" ", quote)
            if not _AHEAD.search(estimate):
                quote = estimate
    if "lanned" in quote:
        quote = _PLANNED_THINGS.sub(r"\g<by> ", quote)
    quote = _JOBS_TO_GO.sub(" ", quote)
    return FORECAST.search(quote) is not None


# Words saying a figure changed ("rose to seven", "swelled to"): it replaces an earlier one.
# ("Now" or "latest" alone say only that a figure is current: two outlets giving different
# figures "now" on the same day disagree.  "Earlier this year" dates a figure, as an
# event date read from the quote, and makes it the older one.)
# ("Fell ill", "fallen sick", "fell victim" say what befell people, not that a figure fell.)
_NOT_A_FALL = r"(?!\s+(?:ill|sick|victim|prey|silent|asleep|pregnant)\b)"
UPDATE_CUES = re.compile(
    r"\b(swell(?:ed)?|risen|rose|grown|grew|increased|climbed|jumped|soared|surged|up from|"
    r"raised|raising|revised|no longer|has reached|have reached|had reached|"
    rf"(?:fell|fallen){_NOT_A_FALL}|dropped|"
    r"declined|decreased|down from|lowered|reduced)\b",
    re.I,
)
# Which way such words say the figure went: a rise makes the newer figure the larger.
RISE = re.compile(
    r"\b(swell(?:ed)?|risen|rose|grown|grew|increased|climbed|jumped|soared|surged|up from|"
    r"raised|raising|has reached|have reached|had reached)\b",
    re.I,
)
_FROM_EARLIER = re.compile(r"\b(?:up|down) from\b", re.I)
FALL = re.compile(
    rf"\b((?:fell|fallen){_NOT_A_FALL}|dropped|declined|decreased|down from|lowered|reduced|"
    r"revised down|revised downwards?)\b",
    re.I,
)
# A figure counting what one incident did ("50 killed in the attack") answers another
# question than the running total ("the toll", "in all, 100").
INCIDENT = re.compile(
    r"\b(?:in|during|by|from)\s+(?:the|a|an|one|this|that|a single|"
    r"(?:\w+day|yesterday|today|last night)['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attack|strike|airstrike|blast|explosion|bombing|shelling|raid|crash|collision|"
    r"incident|ambush|fire|battle|clash|assault|storm|quake|earthquake|accident|shooting|"
    r"stampede|landslide|derailment|"
    # one sweep or swoop of a search or a crackdown: "37 caught in a single sweep"
    r"sweep|swoop|round-up|roundup|shootout|gunfight|firefight)s?\b",
    re.I,
)
# What happened to the counted thing, when it is not a plain count of who is there:
# casualties (killed, wounded, died) and a standing total ("has 1.2 million troops")
# answer other questions than a deployment or an arrival, and are compared only with
# their own kind.
# Bodies found count the dead ("37 bodies were recovered"); "government bodies" do not.
_BODIES = (
    r"bod(?:y|ies)\b(?:\s+[\w-]+){0,3}?\s+(?:recovered|found|retrieved|pulled|washed|"
    r"identified|brought)|(?:recovered|found|retrieved|identified)\s+(?:[\w,-]+\s+){0,2}?"
    r"bod(?:y|ies)"
)
# (Each long list of words below opens with a lookahead for the first character a word of
# it may have: the engine then skips spaces, digits and signs at once.  Every quote is read.)
CASUALTY = re.compile(
    r"(?=[a-z0-9])\b(killed|kill(?:s|ing)|wounded|injured|died|dead|deaths?|casualt(?:y|ies)|"
    r"(?:were|was|been|being|are|is|seriously|badly|slightly|critically)\s+hurt|"
    # "The number of people hurt has reached 26", "26 hurt": the hurt counted.
    r"(?:people|persons|others|those|number|count|tally|total|\d[\d,]*)\s+hurt|"
    r"injuring|wounding|(?:suffered|sustained|suffering|sustaining)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:injuries|wounds)|"
    r"fatalities|lost their lives|killed in action|wia|kia|perished|drowned|"
    r"lives (?:were |have been |had been )?lost|" + _BODIES + r"|"
    r"toll(?!\s+(?:roads?|bridges?|booths?|plazas?|gates?|charges?|fees?|free)\b))\b",
    re.I,
)
# Words that make a count of people (or of no named thing) a count of the dead: "a toll
# of 14", "ten people died" and "at least three killed" all count deaths.  Words for the
# hurt, when they come first after the figure, make it a count of the wounded instead.
DEATHS = re.compile(
    r"\b(?:killed|kill(?:s|ing)|died|dead|deaths?|fatalities|lost their lives|perished|"
    r"drowned|lives (?:were |have been |had been )?lost|"
    r"toll(?!\s+(?:roads?|bridges?|booths?|plazas?|gates?|charges?|fees?|free)\b))\b",
    re.I,
)
# Words naming an illness one catches, in general ("the virus", "the disease", "a fever",
# "flu") or by the names news uses most ("cholera", "measles"): "caught the fever" is no
# arrest, and "contracted the virus" tells who fell ill.
ILLNESS_NOUN = (
    r"(?:virus(?:es)?|disease|infection|illness|fever|flu|influenza|bug|sickness|cold|"
    r"measles|cholera|malaria|typhoid|plague|pox|tuberculosis|pneumonia|covid(?:-19)?|"
    r"coronavirus|norovirus|ebola|bacteri(?:um|a))"
)
CAUGHT_ILLNESS = (
    r"(?:caught|catching|catch|catches|contracted|contracting|contract|picked\s+up)\s+"
    rf"(?:the\s+|a\s+|an\s+)?(?:[^\W\d_][\w'’-]*\s+)?{ILLNESS_NOUN}\b"
)
# "Houses" or "housing" as a verb before a figure ("the camp houses about 19,000"):
# people sheltered there, no count of homes.
_HOUSES_A_FIGURE = rf"hous(?:es|ing)(?=\s+(?:(?:{HEDGE})\s+)?\d)"
# What else may have happened to people counted: evacuated, rescued, missing, held or
# sheltered people are counts of different questions ("300 rescued" is not "2,000
# evacuated"), whatever the same word ("people") they are counted in; so are homes
# destroyed, damaged or flooded.
FATE = re.compile(
    # Still held when told: "150 remain in custody", "about 45 are still held", "still
    # behind bars": those held now, a count that falls as people are let go, not the count
    # of all those ever arrested (read first: "are still held" is no arrest told again).
    r"(?=[a-z])\b(?:(?P<held>(?:remain(?:s|ed|ing)?|(?:are|is|were|was|being|been)\s+still|"
    r"still)\s+(?:(?:being|now)\s+)?(?:held|detained|jailed|imprisoned|locked\s+up|behind\s+bars|"
    r"in\s+(?:police\s+)?(?:custody|detention|jail|prison|cells?))(?!\s+(?:hostage|captive)\b))"
    r"|(?P<displaced>evacu(?:at\w*|ees?)|displaced|"
    # (Fleeing custody is escaping: "fled the prison", "fled from police custody".)
    r"(?:fled|flee(?:ing)?)(?!\s+(?:from\s+)?(?:the\s+|their\s+|police\s+)*(?:custody|prisons?|"
    r"jails?|cells?|police|guards)\b)"
    # (Fled into another country or across its border: they crossed it, below.)
    r"(?!(?:\s+[\w'’-]+){0,3}?\s+(?:into|across)\s+(?:the\s+(?:[\w'’-]+\s+)?(?:border|frontier)"
    r"|(?-i:[A-Z])))|uprooted|relocated|"
    r"(?:left|leave|leaving|fled|flee|out of|driven from|forced from) (?:their|his|her|the) "
    r"homes?|(?:left|leave|leaving) (?:the|their) (?:valley|town|city|village|area|region|"
    r"district|island|coast)|moved out|forced (?:out|from))"
    r"|(?P<rescued>rescu(?:ed|ing)|rescues?(?!\s+(?:workers?|teams?|crews?|services?|boats?|"
    r"divers?|operations?|efforts?|officials?|helicopters?|vessels?|squads?|units?|centres?|"
    r"centers?|coordinators?|volunteers?|dogs?)\b)|saved|airlifted|"
    r"pulled (?:alive|out|from)|survivors?|survived|"
    r"(?:brought|got|carried|pulled|lifted)\b[^.;:!?]{0,30}?\balive)"
    # Got away from custody or from danger: escaped, broke out, got out, fled custody.
    r"|(?P<escaped>escap(?:ed|ing)(?!\s+(?:injury|injuries|unhurt|unharmed|harm|death)\b)|"
    r"(?:broke|break|breaking|broken)\s+out\s+of|(?:got|get|getting|gotten)\s+out(?!\s+alive)|"
    r"busted\s+out|absconded|(?:fled|flee(?:ing)?)\s+(?:from\s+)?(?:the\s+|their\s+|police\s+)*"
    r"(?:custody|prisons?|jails?|cells?)|slipped\s+out\s+of\s+(?:the\s+)?(?:prisons?|jails?|"
    r"custody))"
    r"|(?P<trapped>trapped|cut off|stranded|entombed|buried alive|(?:still|remain\w*) "
    r"(?:underground|below ground|under(?:neath)? the rubble|in the rubble|inside))"
    r"|(?P<missing>missing|unaccounted|(?:yet|still) to be (?:found|located|traced|caught|"
    r"recaptured)|not (?:yet )?(?:been )?(?:found|located|traced|caught|recaptured)|"
    # Not yet caught: "still at large", "on the run", "remain free".
    r"at\s+large|on\s+the\s+run|(?:remain(?:s|ed|ing)?|still)\s+free|evading\s+(?:capture|"
    r"arrest|police))"
    # Held by force, people or things: seized, impounded, held, taken, in custody ("four
    # ships were seized", "sailors are being held", "14 vessels have been taken").
    r"|(?P<detained>arrest\w*|re-?arrest\w*|detain(?!ees?\b)\w*|(?:in|into|under)\s+(?:(?:its|their|his|"
    r"her|the|police)\s+)?custody|jailed|imprisoned|seiz(?:ed|ing|ure)|impound\w*|confiscat\w*|"
    # Caught again or caught at all: recaptured, apprehended, picked up, back in a cell
    # ("caught fire", "caught in the flood", "caught up in" are no arrest).
    r"re-?captur\w*|apprehend\w*|rounded\s+up|(?:picked|pick|picking)\s+up(?=\s+(?:\d|by\b))|"
    # (Nor is catching an illness: "caught the fever", "caught flu".)
    r"(?!" + CAUGHT_ILLNESS + r")"
    r"caught(?!\s+(?:fire|alight|up|on|out|off|between|unawares|sight|cold|a\s+cold|the\s+virus|"
    r"the\s+disease|the\s+infection|in\s+(?:the\s+|a\s+)?(?:crossfire|cross-fire|floods?|"
    r"flood\s?waters?|fire|blaze|flames|storm|rubble|traffic|middle|open|act|landslide|avalanche|"
    r"collapse|explosion|blast|rain|snow)\b))|back\s+(?:in|into|behind)\s+(?:(?:police|a|the)\s+)?"
    r"(?:custody|bars|cells?|prison|jail)|returned\s+to\s+(?:a\s+|the\s+|their\s+)?(?:cells?|"
    r"prisons?|jails?|custody)|"
    r"(?:being|been|are|were|is|was)\s+(?:(?:now|still|all)\s+)?(?:held|taken)"
    r"(?!\s+(?:off|to|into|out|from|away|ill|sick|part|place|over|up|down|in|aboard|ashore|"
    r"back|hostage|captive|prisoner)\b)|held\s+(?:on\s+board|aboard))"
    # Let go again, or given back to those who hold them: released, freed, handed back,
    # returned, extradited ("96 sailors have been released", "handed back 16 escapees",
    # "had returned only 12").
    r"|(?P<released>releas(?:ed|ing)|freed|set free|let go|"
    r"hand(?:ed|ing|s)?\s+(?:(?:them|back|over)\s+)?(?:back|over)|extradit\w*|repatriat\w*|"
    r"(?:return(?:ed|ing|s)?)(?=\s+(?:(?:only|just|about|some|around|at\s+least|more\s+than|"
    r"a\s+further|another|fewer\s+than|the)\s+)*(?:\d|(?:two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b))|"
    r"(?:been|were|was|being)\s+(?:sent\s+back|returned)\s+to\s+(?-i:[A-Z])\w*"
    r"(?!\s+(?:Prison|Jail)\b))"
    # Taken by force as hostages: abducted, kidnapped, taken or held hostage.
    r"|(?P<abducted>abduct(?:ed|ing|ion)|kidnap\w*|(?:taken|held|seized|holding|hold|holds|"
    r"took)\s+(?:as\s+)?hostages?)"
    # Brought before a court: charged, indicted; found guilty: convicted, sentenced.
    r"|(?P<charged>(?:been|were|was|are|is|being|have|has|had)\s+charged|charged\s+with|"
    r"indicted|prosecuted)"
    r"|(?P<convicted>convicted|found\s+guilty|sentenced)"
    # Gone across a border into another country: "crossed into Lunesia", "entered
    # Lunesian territory", "slipped across the border".
    r"|(?P<crossed>crossed\s+(?:[\w'’-]+\s+){0,4}?(?:into|over)\b|crossed\s+(?:the\s+|a\s+)?"
    r"(?:border|frontier)|entered\s+(?:[\w'’-]+\s+){0,2}?(?:territory|soil)|"
    r"(?:slipped|sneaked|snuck|made\s+it|got)\s+(?:across|over)\s+(?:the\s+)?(?:border|"
    r"frontier|river)|"
    # Fled into another country or across a border ("have fled into Lunesia", "fled
    # Dorvany into Lunesia", "fled across the border"), came over, or crossed with no
    # object of its own ("18,000 people had crossed at the main gate", "the number who
    # have crossed"; not "crossed the finish line" nor "crossed 2 million"): news of people
    # on the move counts them under any of these words.
    r"(?:fled|flee(?:ing)?)\s+(?:[\w'’-]+\s+){0,3}?(?:into|across)\s+(?:the\s+(?:[\w'’-]+\s+)?"
    r"(?:border|frontier)|(?-i:[A-Z])[\w'’-]*)|(?:came|come|comes|coming)\s+(?:over|across)\b|"
    r"(?<![\w-])crossed(?!\s+(?:the|a|an|its|their|his|her|our|this|that|these|those|paths?|"
    r"swords|fingers|lines?|out|off|over|into)\b|\s+\d))"
    # People who arrived (read as crossed for people only: troops arriving are deployed).
    r"|(?P<arrived>arriv(?:ed|ing)(?!\s+(?:at|for|to)\b))"
    # People gone back home of their own accord: "returned to Kestrin", "have gone home",
    # "went back to their villages" (not those who cannot or want to go home).
    r"|(?P<returned>(?:returned|returning|(?:gone|went|going|come|came|coming|headed|heading)\s+"
    r"back)\s+(?:home\b|to\s+(?:their\s+|his\s+|her\s+)?(?:homes?|villages?|towns?)\b|"
    r"to\s+(?-i:[A-Z])[\w'’-]*)|(?:gone|went|going|come|came|coming|headed|heading)\s+(?:back|home)\b)"
    # People waiting to be let through or served: "still waiting at the gate", "queuing".
    r"|(?P<waiting>waiting|queu(?:ed|ing|eing)|(?:in|joined)\s+(?:the\s+)?queues?)"
    # Fighters taken by the other side ("captured 14 soldiers", "taken prisoner") are a
    # count of their own, not of the troops there nor of the dead.
    r"|(?P<captured>captured|taken (?:prisoner|captive)|held captive|prisoners? of war|pows?)"
    r"|(?P<sheltered>shelters?|sheltering|housed|"
    # Housing people or living somewhere ("the camp houses about 19,000", "41,000 people now
    # live in tents", "still live at the camp"): those sheltered there.
     + _HOUSES_A_FIGURE + r"|(?:live|lives|lived|living|staying|stay|stayed)\s+(?:in|at)))\b",
    re.I,
)
# … and what befell things: destroyed, damaged, flooded, left without power (read after
# what befell people: "evacuated from flooded streets" counts the evacuated).
DAMAGE = re.compile(
    # (Crops "stripped" by pests, or land told as "gone", are destroyed as well; a thing
    # "stripped of" a part of it, or "holed", is damaged: "roofs stripped of tiles".)
    r"(?=[a-z])\b(?:(?P<destroyed>destroyed|razed|flattened|wrecked|demolished|washed away|gutted|"
    r"stripped(?!\s+of\b)(?:\s+bare)?|(?:is|are|was|were|been)\s+(?:(?:already|now|all)\s+)?gone|"
    r"burn(?:ed|t) (?:down|out|to the ground)|(?:homes?|houses?|buildings?|dwellings?) "
    r"(?:(?:were|was|have been|has been|had been) )?(?:lost|buried|burn(?:ed|t)))"
    r"|(?P<damaged>damaged|holed|stripped\s+of)"
    # ("Under water rationing", "under water restrictions": a rule on water, no flood.)
    r"|(?P<flooded>flooded|inundated|submerged|under water(?!\s+(?:rationing|restrictions?|"
    r"supply|supplies|shortages?|cuts?|bans?|rules|limits?|controls?|quotas?|allowances?)\b))"
    r"|(?P<unpowered>without (?:power|electricity)|lost (?:power|electricity)))\b",
    re.I,
)
# … and what befell people in an outbreak of illness (read after the above: "rescued
# miners in hospital" counts the rescued): who fell ill, who was taken into hospital,
# whose illness a test confirmed, who was given care for it ("treated for burns",
# "treated in hospital", sent home or not).  Each is a count of its own (the confirmed and
# the admitted are among the ill, but answer other questions).
ILLNESS = re.compile(
    # ("Treated as a crime", "treated well": how something was dealt with, not care.)
    r"(?=[a-z])\b(?:(?P<treated>(?<!un)treated(?!\s+(?:as|like|well|badly|fairly|unfairly|harshly|"
    r"differently|equally|with\s+(?:respect|suspicion|caution)))|given (?:first aid|treatment)|"
    r"(?:needed|needing|required|requiring|received|receiving)\s+(?:hospital\s+)?treatment|"
    r"hospital treatment)"
    # ("Taken to hospital", "taken to hospitals across the region", "taken to Fellgate
    # General Hospital".)
    r"|(?P<hospitalised>hospitali[sz]\w*|(?:admitted|taken|brought|rushed|sent|flown|airlifted|"
    r"carried|transported|ferried) (?:in)?to (?:a |the )?(?:(?!by\b|from\b|and\b)[\w'’-]+ ){0,3}?"
    r"hospitals?|in hospital|hospital admissions?)"
    # ("Officials confirmed 1,500 troops arrived" reports; a test confirms an illness.)
    r"|(?P<confirmed>(?:laboratory|lab)[- ]confirmed|confirmed\s+(?:[\d,.]+\s+)?(?:new\s+)?"
    r"(?:cases?|infections?)|cases?\s+(?:\w+\s+){0,2}?confirmed|confirmed\s+[\w-]+\s+in\s+"
    r"(?:[\d,.]+|\w+)\s|tested positive|positive tests?)"
    # Suspected of having the illness, awaiting a test: "63 suspected cases", "110 more
    # cases are suspected", "people suspected of carrying the virus", "probable cases" (read
    # before the confirmed: "suspected cases awaiting confirmation"; "suspected of having
    # taken part" is no illness).
    r"|(?P<suspected>(?:suspected|probable|presumed|presumptive)\s+(?:new\s+)?"
    r"(?:cases?|infections?)|cases?\s+(?:(?!confirmed\b)\w+\s+){0,2}?suspected\b|"
    r"suspected\s+(?:of\s+(?:having|carrying|having\s+(?:caught|contracted)|being\s+"
    r"infected\s+with)|to\s+(?:have|carry))\s+(?:the\s+|a\s+|an\s+)?(?:[^\W\d_][\w'’-]*\s+)?"
    + ILLNESS_NOUN
    + r"|suspected\s+of\s+being\s+infected)"
    r"|(?P<ill>(?:fell|fallen|falling|become|became|been|were|was|are|is|made) "
    r"(?:[\w,]+ ){0,2}?(?:ill|sick|unwell)(?!-)|sickened|symptoms|infected|poisoned|"
    r"illness(?:es)?|" + CAUGHT_ILLNESS + r")"
    # Given a vaccine: vaccinated, inoculated, immunised, given a first dose or a jab.
    r"|(?P<vaccinated>vaccinat(?:ed|ing)|inoculated|immuni[sz]ed|jabbed|(?:received|receiving|"
    r"got|given|had)\s+(?:a\s+|the\s+|their\s+|at\s+least\s+one\s+)?(?:first\s+|second\s+|"
    r"third\s+|booster\s+|single\s+)?(?:doses?|jabs?|shots?|vaccines?)\b(?!\s+(?:supplies|"
    r"shipments?|deliver\w*)\b)))\b",
    re.I,
)
HURT = re.compile(r"\b(?:wounded|injured|hurt|injuries|injuring|wounding)\b", re.I)
# People who took part in a gathering (a march, a rally, a protest, a vigil), counted by
# its crowd: "40,000 people took part", "joined Sunday's march", "marched", "the turnout",
# "put the crowd at".  A count of one gathering: it does not run on from day to day, and
# the crowds of two gatherings are two counts (db.facts.relate).  Workers who stopped
# work together are counted as a crowd is, by those who called them out and by those
# they stopped working for: "walked out", "stayed away from work", "downed tools", "went
# on strike", "joined the strike".
_GATHERINGS = (
    r"(?:march(?:es)?|rall(?:y|ies)|protests?|demonstrations?|vigils?|processions?|"
    r"gatherings?|sit-ins?|strikes?|parades?|meetings?|funerals?|services?|ceremon(?:y|ies))"
)
ATTENDED = re.compile(
    r"(?=[a-z])\b(?:(?:took|take|takes|taking|taken)\s+part|turn(?:ed|s|ing)?\s+out|turnout|"
    r"crowds?|attendance|attended|attending|"
    r"(?:joined|join|joins|joining)\s+(?:(?:the|a|an|this|that|their|its|his|her|[\w'’-]+['’]s)"
    rf"\s+)?(?:[\w'’-]+\s+){{0,2}}?{_GATHERINGS}|"
    r"marched|marching|rallied|demonstrated|protested|gathered|thronged|flocked|packed\s+"
    r"(?:into|the)|"
    r"(?:walked|walk|walks|walking)\s+out(?!\s+(?:of|alive|unhurt|unharmed|uninjured)\b)|"
    r"walk-?outs?|(?:stayed|stay|stays|staying|kept|keep|keeping)\s+away\s+from\s+(?:work|"
    r"(?:their|his|her)\s+(?:jobs?|work|desks?|posts?))|(?:downed|down|downing)\s+tools|"
    r"(?:went|go|goes|going|gone|are|were|is|was|been|remain(?:s|ed)?|stayed)\s+on\s+strike)\b",
    re.I,
)
# The number words from two to ninety-nine, not followed by a multiple ("two hundred").
_WORD_2_99 = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_NOT_A_MULTIPLE = r"(?![\s-]+(?:hundred|thousand|million|billion|dozen|percent|per cent)\b)"
# A number word standing as the value of a named count ("the toll rose to seven", "the
# number stands at three"), with no counted noun after it.
_COUNT_NOUN_WORD = re.compile(
    r"\b(?:toll|number|total|count|tally|figure)\b[^.;:!?]{0,90}?"
    rf"\b(?:to|at|of|is|was|reached|hit|now)\s+(?P<w>{_WORD_2_99})\b{_NOT_A_MULTIPLE}",
    re.I,
)
# A number word standing for the people it counts, opening its clause, as the subject of
# what befell them: "Twenty-six were hurt", "three are still missing", "Five have died".
_WORD_SUBJECT = re.compile(
    rf"(?:^|(?<=[.;:,]\s)|(?<=\band\s)|(?<=\bwhile\s))\W*(?P<w>{_WORD_2_99})\b"
    r"(?:\s+(?:more|others))?\s+(?:were|are|was|is|have|had|remain(?:s|ed)?)\s+"
    r"(?:(?:been|still|now|later|also|seriously|badly|critically|slightly)\s+){0,2}"
    r"(?=(?:hurt|injured|wounded|killed|dead|died|missing|unaccounted|rescued|trapped|"
    r"taken|treated|hospitali[sz]ed|evacuated)\b)",
    re.I,
)
# A number word opening a part of a whole just counted: "Forty of them died in the strike"
# (the whole in the sentence before: the part is read, and marked as a part).
# A number word opening a part of a body named by its owner counts its members too: "as
# many as ten of its members may have been killed", "twelve of their colleagues".
_WORD_QUALIFIER = (
    r"(?:(?P<q>as\s+many\s+as|up\s+to|at\s+least|at\s+most|about|around|roughly|some|nearly|"
    r"almost|more\s+than|fewer\s+than|no\s+more\s+than|no\s+fewer\s+than)\s+)?"
)
_WORD_PART = re.compile(
    rf"\W*{_WORD_QUALIFIER}(?P<w>{_WORD_2_99})\b{_NOT_A_MULTIPLE}"
    r"(?=\s+of\s+(?:them|these|those|(?:its|their|our|his|her)\s+[^\W\d_]+)\b)",
    re.I,
)
# Words that round a figure without bounding it.
_ROUNDED = r"about|around|roughly|approximately|some|nearly|over|more\s+than"
STRENGTH = re.compile(
    # (Not bounds: "the list had at least 170 names on it" tells no force kept.)
    rf"\b(?:has|have|had|maintains?|fields?|boasts?)\s+(?:an?\s+)?(?:(?:estimated|{_ROUNDED})\s+)?\d"
    # What a body has, set off after its name: "the navy, with some 150 ships of all sizes".
    rf"|,\s*with\s+(?:(?:an\s+estimated|{_ROUNDED})\s+)?\d"
    r"|\b(?:standing (?:army|force)|active[- ]duty|army of|military of|armed forces of)\b"
    r"|\d[\d.,]*(?:\s+million)?-strong\b",
    re.I,
)
# Ages ("a 69-year-old") and durations ("ten years of experience") are not counts.
TIME_UNITS = frozenset(
    ("year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
     "minute", "minutes", "year-old", "years old", "year old", "years-old")
)  # fmt: skip
# A figure per period ("$2,000 monthly") is not a total over another period ("annually").
_PERIODS = re.compile(
    r"\b(?:(?P<month>monthly|(?:per|each|every) month)|"
    r"(?P<year>annual(?:ly)?|yearly|(?:per|each|every) year|per annum)|"
    r"(?P<week>weekly|(?:per|each|every) week)|(?P<day>daily|(?:per|each|every) day))\b",
    re.I,
)
# "About 7,500 a day", "1,000 arrivals a day": "a" period just after a figure and its noun
# is per period too (not "a day earlier", "died a year later", "a week ago").
_A_PERIOD = re.compile(
    r"\d(?:[\d,.]*\d)?(?:\s+(?:hundred|thousand|million|billion))?(?:\s+[^\W\d_]+){0,2}?"
    r"\s+an?\s+(?P<p>day|week|month|year)\b(?!\s+(?:ago|earlier|later|before|after|on|from|"
    r"early|late|too|or|of)\b)",
    re.I,
)
# A figure that counts a part of a population ("a group of 200 defectors", "among them,
# 300", "the first 1,500 troops", "18 of them") is not the count of the whole ("34,000
# defectors live in the South"): it answers another question.  Cues just before the
# figure (its qualifier is part of it), in the languages the readers know.
_GROUP_NOUNS = (
    r"groups?|batch(?:es)?|units?|delegations?|teams?|squads?|detachments?|"  # English
    r"групп[аыуе]|делегаци[яиюей]|отряд[аеу]?|парти[яиюей]|подразделени[еяю]|"  # Russian
    r"gruppe[rn]?|delegation(?:en)?|enhed(?:en)?|hold(?:et)?"  # Danish (… på 200)
)
_SUBSET_BEFORE = re.compile(
    # A group, a batch, a unit, a delegation of …; "the first 1,500", "the initial 11,000".
    # ("The last two bodies were recovered": the last of them, found that day.)
    rf"(?:\b(?:{_GROUP_NOUNS})\s+(?:of|из|på)|\b(?:first|initial|last|первые|første)"
    r"|(?:^|[\s\W])[وف]?(?:مجموعة|وفد|وحدة|دفعة|فريق)\s+من|(?:^|[\s\W])أول)\s*$"
    # Among them, of whom, including …, possibly a word or two before the figure.
    r"|(?:\b(?:among (?:them|whom|those|these)|of (?:whom|which|them|these|those)|"
    # ("The police figure includes the 37 caught in one sweep": a part of the figure, in
    # each language the readers know: "включает", "omfatter", "يشمل".)
    r"including|includes|included|среди (?:них|которых)|из (?:них|которых)|в том числе|включая|"
    r"включа(?:ет|ют|ла|ли)|включил[аи]?|"
    r"heraf|heriblandt|herunder|blandt (?:dem|disse|hvem)|af (?:dem|disse|hvem)|inklusive|"
    r"omfatter|omfattede|inkluderer|inkluderede)"
    r"|(?:^|[\s\W])[وف]?(?:من بينهم|منهم|بينهم|بما في ذلك|بمن فيهم|يشمل|تشمل|شمل|شملت)"
    r"|그중|그 중|이 중|이들 중|그 가운데|이 가운데|이들 가운데|대표단|선발대|일행"
    # "… 34,000명 중 200명": the part after the whole.
    r"|\d\s*[만천억]?\s*(?:명|개|대|척)?\s*(?:중|가운데))"
    r"(?:\W+(?!\d)\w+){0,2}[\s\W]*$",
    re.I,
)
# … and just after it: "18 of them", "300 out of", "200명으로 구성된 단체".
_SUBSET_AFTER = re.compile(
    r"^\s*(?:(?:of|out of)\s+(?:(?:the|them|whom|these|those|which)\b|(?:its|their)\s+\d|\d)"
    r"|(?:из|от)\s+"
    r"(?:них|которых)\b|af\s+(?:dem|disse|de)\b|[وف]?(?:منهم|من بينهم)"
    r"|(?:으로|로)\s*(?:구성된|이뤄진|이루어진)|규모의\s*(?:단체|대표단|일행|선발대)"
    # "14 children were among the dead", "nine crew are among those missing".
    r"|(?:[^\W\d_]+\s+){0,3}?(?:were|are|was|is|remain|remained)\s+among\b)",
    re.I,
)
# "95 drops on Wednesday alone", "in the capital alone": one day's or one place's share
# of a total, a part of it.
_ALONE = re.compile(r"\balone\b", re.I)
_SENTENCE_END = re.compile(r"[.!?。]\s|\n")
# A comma and a conjunction opening a clause of its own ("…, and that", "…, but").
_NEW_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas)\s+(?:that\s+|said\s+|says\s+)?", re.I)


def is_subset(quote: str, lead: str, figure: Figure) -> bool:
    """Whether *figure* (found in *quote*) counts a part of a population, by the words
    just before it (in the quote, else at the end of *lead*, within the sentence) or
    just after it."""
    before = lead + quote[: figure.start]
    cuts = list(_SENTENCE_END.finditer(before[-120:]))
    before = before[-120:][cuts[-1].end() :] if cuts else before[-120:]
    if "," in before:
        # "…, merchant ships among them, and that six aircraft were flying": a clause of
        # its own after a comma and "and", whose figure is no part of what came before.
        clauses = list(_NEW_CLAUSE.finditer(before))
        before = before[clauses[-1].end() :] if clauses else before
    return bool(_SUBSET_BEFORE.search(before) or _SUBSET_AFTER.search(quote[figure.end :]))


# What befell some of a group, told by a verb of its fate before the figure and the group
# after it ("police had recaptured 18 of the escapees", "the army freed 40 of the
# hostages"): the count of those it befell, not a part of the group's count.
_FATE_VERB_BEFORE = re.compile(
    r"\s*(?:(?:now|so\s+far|since|already|also|only|just|about|some|around|at\s+least|more\s+than|"
    r"another|a\s+further)\s+)*$",
    re.I,
)
_OF_THE_GROUP_AFTER = re.compile(r"\s+(?:of|out\s+of)\s+(?:the|these|those)\s+(?!\d)[^\W\d_]", re.I)


def befell_group(quote: str, figure: Figure) -> bool:
    """Whether *figure* counts those of a group named after it ("18 of the escapees") that
    the verb just before it befell ("recaptured"): the count of that fate."""
    if not _OF_THE_GROUP_AFTER.match(quote, figure.end):
        return False
    before = quote[: figure.start]
    for found in FATE.finditer(before):
        if _FATE_VERB_BEFORE.fullmatch(before, found.end()):
            return True
    return False


_DIGITS = re.compile(r"[\d.,]+")
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Profile:
    claim_id: uuid.UUID
    article_id: uuid.UUID
    quote: str
    start: int
    end: int
    value: float | None
    low: float
    high: float
    unit: str
    qualifier: str
    when: dt.date | None  # the event date, else the publication day
    when_is_event: bool
    cumulative: bool
    update_cue: bool
    words: frozenset[str]
    increment: bool = False
    forecast: bool = False
    # When the claim says the event happened (its event dates, else a date in the
    # quote): first and last day, None when it says nothing (publication is not it).
    event_first: dt.date | None = None
    event_last: dt.date | None = None
    lead: str = ""  # the words just before the quote in its sentence
    # What happened to the counted thing: "casualty", "strength" or "" (a plain count).
    predicate: str = ""
    period: str = ""  # "month", "year", … for a figure per period; else ""
    subset: bool = False  # the figure counts a part ("a group of 200"), not the whole
    incident: bool = False  # what one incident did ("in the attack"), not a running total
    trend: int = 0  # the figure rose (1) or fell (-1) to this, by the quote's words; else 0
    around: str = ""  # the quote's sentence, when it was looked at ("since it sank …")
    published: dt.date | None = None  # the day its article was published
    whole: float | None = None  # the figure of the whole it is a part of ("of the 88 …")
    verb: str = ""  # the verb its counted thing goes with ("turned" back, "waiting"), if any
    before: str = ""  # the sentence before the quote's in its paragraph, when looked at

    @property
    def has_figure(self) -> bool:
        return self.value is not None

    @cached_property
    def order(self) -> tuple[bool, dt.date, int]:
        """Oldest first (by :attr:`when`; undated last), then by id."""
        return (self.when is None, self.when or dt.date.min, self.claim_id.int)

    @cached_property
    def scope(self) -> str:
        """What the figure totals: "incident" (one incident: "in the attack"), "total"
        (a running total across them: "in all", "so far") or "" (not said: either)."""
        if self.incident:
            return "incident"
        return "total" if self.cumulative else ""

    @cached_property
    def figure(self) -> tuple[float | None, float, float]:
        """The figure and the interval it allows, for telling figures apart."""
        return (self.value, self.low, self.high)

    @cached_property
    def wording(self) -> str:
        """The words, in one string, for comparing wording (order does not matter)."""
        return " ".join(sorted(self.words))

    @cached_property
    def hurt_in_hospital(self) -> bool:
        """Whether the figure counts people taken to or treated in hospital for their
        injuries (:func:`hurt_in_hospital`)."""
        return hurt_in_hospital(self.quote, self.predicate)


# People taken to or treated in hospital after an accident are its injured counted by
# where they went: "twelve people were treated in hospital", "the number taken to
# hospital rose to 23", "23 people were treated for their injuries" and "23 people were
# injured" count one thing, as reports word it either way.  Not those admitted (kept in
# hospital: fewer than those treated), nor those still there ("four remain in hospital",
# "in a critical condition"), nor care given elsewhere ("treated at the scene"), nor care
# for another cause than injuries ("treated in hospital for smoke inhalation").
_TO_HOSPITAL = re.compile(
    r"\b(?:taken|brought|rushed|carried|flown|airlifted|sent|transported|ferried|went|"
    r"go(?:ne)?)\s+(?:in)?to\s+(?:a\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?hospitals?\b|"
    r"\btreated\b[^.;:!?]{0,40}?\b(?:in|at)\s+(?:a\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"hospitals?\b|\bhospital treatment\b|\bhospitali[sz]\w*",
    re.I,
)
_ADMITTED = re.compile(r"\b(?:admitted|admissions?|in-?patients?)\b", re.I)
_STILL_THERE = re.compile(
    r"\b(?:remain(?:s|ed|ing)?|still|stay(?:s|ed|ing)?|kept|are|is)\s+(?:[\w-]+\s+){0,2}?"
    r"in\s+(?:a\s+|the\s+)?hospital\b|\b(?:critical|serious|stable|satisfactory)\s+"
    r"condition\b|\bintensive care\b",
    re.I,
)
_ELSEWHERE = re.compile(
    r"\b(?:at|on)\s+the\s+(?:scene|spot|site)\b|\bby\s+(?:paramedics|ambulance\s+crews?)\b",
    re.I,
)
# The cause the care was for: "for smoke inhalation", "with minor injuries".
_CARE_FOR = re.compile(
    r"\b(?:treated|hospitals?)\b[^.;:!?]*?\b(?:for|with)\s+(?P<cause>(?:[^\W\d_]+\s+){0,3}"
    r"[^\W\d_]+)",
    re.I,
)
_INJURIES = re.compile(
    r"\b(?:injur\w*|wounds?|wounded|cuts?|fractures?|broken|burns|bruis\w*|trauma)\b", re.I
)


def hurt_in_hospital(quote: str, predicate: str) -> bool:
    """Whether a count of people taken to or treated in hospital (by *predicate*, read
    from *quote*) counts the injured."""
    if predicate not in ("hospitalised", "treated"):
        return False
    if _ADMITTED.search(quote) or _STILL_THERE.search(quote) or _ELSEWHERE.search(quote):
        return False
    cause = _CARE_FOR.search(quote)
    if cause is not None and not cause["cause"].lower().startswith(_NO_CAUSE):
        return bool(_INJURIES.search(cause["cause"]))
    return bool(_TO_HOSPITAL.search(quote))


# Words after "for" that give no cause: "taken to hospital for treatment", "for checks".
_NO_CAUSE = ("treatment", "check", "assessment", "observation", "tests")


def normal_unit(unit: str) -> str:
    """A counted thing in one spelling: lowercased, without a possessive ending
    ("inmates'", "the crew's"), a known noun by its class."""
    unit = " ".join(unit.lower().split())
    unit = _POSSESSIVE_END.sub("", unit)
    return SYNONYMS.get(unit, unit)


_POSSESSIVE_END = re.compile(r"(?<=[^\W\d_])(?:['’]s|(?<=s)['’])$")


# Treated for a poisoning ("61 people had been treated in hospital for carbon monoxide
# poisoning", "doctors treated 46 people for food poisoning"): those poisoned, as "90
# people have been poisoned" counts them.
_FOR_POISONING = re.compile(r"(?:\s+[\w,-]+){0,4}?\s+for\s+(?:[a-z-]+\s+){0,3}?poisoning\b", re.I)


def predicate_of(quote: str) -> str:
    """What happened to the counted thing: "casualty", one of :data:`FATES` ("displaced",
    "rescued", …), "strength" or ""."""
    if CASUALTY.search(quote):
        return "casualty"
    fate = _fate_of_clause(quote) or DAMAGE.search(quote) or ILLNESS.search(quote)
    if fate and fate.lastgroup == "treated":
        # ("Doctors treated 410 people with symptoms": those named by their illness.)
        if any(m.lastgroup == "ill" for m in ILLNESS.finditer(quote, fate.end())):
            return "ill"
        if _FOR_POISONING.match(quote, fate.end()):
            return "ill"  # "treated for carbon monoxide poisoning": the poisoned
    if fate:
        found = fate.lastgroup or ""
        return "crossed" if found == "arrived" else found
    if ATTENDED.search(quote):
        return "attended"
    strength = STRENGTH.search(quote)
    if strength and not _SOMEWHERE.match(quote, strength.end()):
        return "strength"
    return ""


def _fate_of_clause(quote: str) -> re.Match[str] | None:
    """The first fate :data:`FATE` finds in *quote*, passing over a participle naming
    who is counted ("not one escaped prisoner has entered …": what befell them is told
    by the verb after it) when another fate follows."""
    found = FATE.search(quote)
    if found is None or not _ATTRIBUTIVE.fullmatch(found.group(0)):
        return found
    after = _NEXT_WORDS.match(quote, found.end())
    if after is None or not any(_people_noun(w) for w in after.group(0).split()):
        return found
    return FATE.search(quote, found.end()) or found


# A fate in one word that may stand before a noun as a participle ("escaped prisoners",
# "detained sailors") …
_ATTRIBUTIVE = re.compile(r"[^\W\d_]+(?:ed|en)|missing", re.I)


def _people_noun(word: str) -> bool:
    """Whether *word* names people (or troops, or prisoners) by a known noun."""
    word = word.lower()
    found = SYNONYMS.get(word) or SYNONYMS.get(word.rstrip("s")) or SYNONYMS.get(f"{word}s")
    return found in PEOPLE or found in HELD or found in KEPT


# … the noun it stands before, at most one word apart ("escaped Morrowgate inmates").
_NEXT_WORDS = re.compile(r"(?:\s+[^\W\d_]+){1,2}")


def noun_fate(text: str) -> str:
    """The fate the first noun for people in *text* names by itself ("escapees": escaped,
    "hostages": abducted), or "" when that noun names none (:data:`NOUN_FATES`)."""
    for word in _WORDS.findall(text.lower()):
        if word in NOUN_FATES:
            return NOUN_FATES[word]
        if _people_noun(word):
            return ""
    return ""


# A force somewhere ("has about 11,000 troops in Dorvany", "has 900 soldiers stationed
# there") is counted where it is, as a deployment is: not the standing strength of an
# army ("has 1.2 million troops").
_SOMEWHERE = re.compile(
    r"[\d.,]*(?:\s+(?:million|thousand|and|[\d.,]+))*\s+(?:[^\W\d_]+\s+){0,2}?"
    r"(?:(?:stationed|deployed|based|serving|fighting)\b|(?:in|inside)\s+[A-Z]"
    # (… or at work: "has 26 aircraft in the air", "has 40 boats at sea".)
    r"|(?:in\s+the\s+(?:air|sky|field|water)|airborne|at\s+(?:work|sea)|in\s+action|"
    r"on\s+(?:patrol|duty)|on\s+the\s+(?:ground|scene))\b)"
)


def period_of(quote: str) -> str:
    """The period a figure is per ("month", "year", …), or ""."""
    found = _PERIODS.search(quote)
    if found:
        return found.lastgroup or ""
    per = _A_PERIOD.search(quote)
    return per["p"].lower() if per else ""


def is_time_unit(unit: str) -> bool:
    """An age or a duration ("years", "months"), not a count of something."""
    return unit in TIME_UNITS


def unit_in_words(quote: str) -> str:
    """The counted thing named anywhere in the quote ("troop numbers … 3,000"); not the
    homes people left ("2,000 had fled their homes" counts people, not homes)."""
    before = ""
    if "ous" in quote:
        quote = _HOUSES_PEOPLE.sub(" ", quote)  # "the camp houses about 19,000": no homes
    for word in _WORDS.findall(quote.lower()):
        found = SYNONYMS.get(word) or SYNONYMS.get(word.rstrip("s"))
        if found and not (found == "homes" and before in _POSSESSIVES):
            return found
        before = word
    return ""


_POSSESSIVES = frozenset(("their", "his", "her", "its", "our", "my", "your"))
# The counted thing named before a figure that has none after it: "the number of
# flights cancelled has risen to 340" (flights), "confirmed cases rose to a final 138"
# (cases), "the tally of homes without power stood at 3,000" (homes).
_NUMBER_OF = re.compile(
    r"\b(?:number|count|total|tally|figure)\s+of\s+(?:the\s+|those\s+)?"
    r"(?P<words>(?:[^\W\d_][\w'’-]*\s+){0,2}?[^\W\d_][\w'’-]*)"
    # (A relative clause may open on any relative word: "the number of hospitals whose
    # systems were shut down", "the number of schools where classes stopped".)
    r"(?=\s+(?:who|whose|whom|where|that|which|in|at|on|from|after|across|with|without|to|has|"
    r"have|had|is|"
    r"are|was|were|stands?|stood|rose|risen|fell|fallen|reached|climbed|grew|now|so|"
    r"still|cancelled|affected|reported|admitted|taken|killed|confirmed|[a-z]+ed|"
    # a participle opening a phrase after the counted thing ("the number of workers taking
    # part in the strike", "the number of passengers waiting at the airport")
    r"[a-z]{2,}ing|"
    # past participles not ending in -ed ("the number of plants hit since …"), and words
    # of time opening a phrase after the counted thing
    r"hit|struck|shot|lost|cut|built|sent|held|left|seen|brought|caught|made|kept|found|"
    r"thrown|beaten|torn|since|during|so\s+far|over)\b|\s*$)",
    re.I,
)
_SUBJECT = re.compile(
    r"^\W*(?:the\s+)?(?P<words>(?:[^\W\d_][\w'’-]*\s+){0,2}?[^\W\d_][\w'’-]*)\s+"
    r"(?:(?:has|have|had)\s+(?:now\s+)?(?:risen|reached|climbed|grown|fallen|been revised\s+"
    r"(?:up|down)(?:wards)?)|now\s+(?:stands?|number)|stands?|stood|rose|reached|climbed|grew|"
    r"fell|dropped|numbered|totalled|totaled)\b",
    re.I,
)


_SUBJECT_PRONOUNS = frozenset("it they he she we you".split())


def named_before(quote: str, figure: Figure) -> str:
    """The counted thing a quote names before a figure that names none ("the number of
    flights cancelled has risen to 340": flights; "puts the force at about 8,500":
    troops); "" when it names none."""
    before = quote[: figure.start]
    found = (
        _NUMBER_OF.search(before)
        or _SUBJECT.search(before)
        or _PUT_AT.search(before)
        or _RATE_OF.search(before)
    )
    if found is None:
        return ""
    words = found["words"].split()
    if found.re is _NUMBER_OF:
        # "the number of jobs it will cut": a relative clause opened by its subject.
        cut = next((i for i, w in enumerate(words) if w.lower() in _SUBJECT_PRONOUNS), None)
        words = words[: max(cut, 1)] if cut is not None else words
    if found.re is _SUBJECT:
        # "Escapees at large now number 140": the head noun before a phrase after it.
        head = next((i for i, w in enumerate(words) if w.lower() in _AFTER_HEAD), len(words))
        words = words[: max(head, 1)]
    word = words[-1].lower()
    if word in _STOP_UNITS or len(word) < 3:
        return ""
    return _BODIES_OF_TROOPS.get(word) or _as_counted(word)


def _as_counted(word: str) -> str:
    """A noun named before a figure, as the figure's own noun would be read: "the number of
    vessels at sea" counts ships, as "27 vessels" does."""
    unit = normal_unit(word)
    return UNITS.get(unit, unit) if unit == word else unit


# The count named after the figure it was changed to: "has revised down to 1.6 million
# the number of clients affected", "raised to 40 its count of sites hit".
_NUMBER_OF_AFTER = re.compile(
    r"\s+(?:the|its|their|his|her|our)\s+(?=(?:number|count|total|tally|figure)\s+of\b)", re.I
)


def named_after(quote: str, figure: Figure) -> str:
    """The counted thing "the number of …" names just after a figure with none of its
    own ("revised to 700,000 the number of clients affected": clients); else ""."""
    found = _NUMBER_OF_AFTER.match(quote, figure.end)
    named = None if found is None else _NUMBER_OF.match(quote, found.end())
    if named is None:
        return ""
    word = named["words"].split()[-1].lower()
    if word in _STOP_UNITS or len(word) < 3:
        return ""
    return _BODIES_OF_TROOPS.get(word) or normal_unit(word)


# What comes at a rate: "new arrivals were coming through at a rate of about 7,500 a day"
# (arrivals), "cases are rising at a rate of 40 a week" (cases).
_RATE_OF = re.compile(
    r"\b(?P<words>[^\W\d_][\w'’-]*)\s+(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|"
    r"kept|keep|keeps)\s+)?[a-z]+(?:ing|ed)\b(?:\s+[a-z]+){0,2}?\s+at\s+(?:a|the)\s+(?:[a-z]+\s+)?"
    rf"rate\s+of\s+(?:(?:{HEDGE})\s+)?$",
    re.I,
)
# A count put at a figure: "the directorate puts the force in Dorvany at about 8,500",
# "estimated the number of … at 40" (what is put is named before "in" or "at").
_PUT_AT = re.compile(
    r"\b(?i:puts?|putting|placed?|places|placing|estimates?|estimated|estimating)\s+"
    r"(?:the|its|their)\s+(?P<words>(?:[^\W\d_][\w'’-]*\s+){0,2}?[^\W\d_][\w'’-]*)"
    r"(?:\s+(?:in|inside|on|at)\s+(?:the\s+)?[A-Z][\w'’-]*)?\s+at\s+"
    rf"(?:(?:{HEDGE})\s+)?$",
)
# A body of soldiers named as one ("the force has grown to 6,000", "the contingent"):
# what it numbers is its troops.
_BODIES_OF_TROOPS = {
    "force": "troops",
    "contingent": "troops",
    "garrison": "troops",
    "deployment": "troops",
}


# Words opening a phrase after the head noun of the counted thing ("prisoners at large").
_AFTER_HEAD = frozenset("at in on from still who that which".split())
# Words that name no counted thing where a noun was looked for.
_STOP_UNITS = frozenset(
    """number count total tally figure toll it they this that these those who which what
    people's officials police board""".split()
)


def bounds(figure: Figure) -> tuple[float, float]:
    """The interval a figure allows, given its qualifier."""
    assert figure.value is not None
    value = figure.value
    if figure.value_max is not None:
        low, high = sorted((value, figure.value_max))
        return low, high
    q = figure.qualifier.lower()
    if q in ("about", "around", "approximately", "roughly", "some", "an estimated", "almost"):
        return value * 0.9, value * 1.1
    if q in ("nearly", "close to", "almost"):
        return value * 0.9, value
    if q in ("up to", "as many as", "at most", "no more than", "до"):
        return 0.0, value
    if q in ("at least", "more than", "over", "above", "no fewer than", "upwards of"):
        return value, float("inf")
    if q in ("less than", "under", "fewer than", "below"):
        return 0.0, value
    return value, value


class Reading(NamedTuple):
    """What the quote alone says (with the words before it and the publication time, for
    relative dates): the part of a profile worth keeping (:mod:`db.facts.readings`)."""

    value: float | None
    value_max: float | None
    qualifier: str
    unit: str  # the counted thing named by the figure or in the quote; "" when neither
    date_first: dt.date | None  # the first date written in the quote
    date_last: dt.date | None
    cumulative: bool
    update_cue: bool
    increment: bool
    forecast: bool
    predicate: str
    period: str
    subset: bool
    wording: str  # the words of three letters or more, lowercased, sorted, one space apart
    incident: bool = False  # the figure counts what one incident did ("in the attack")
    whole: float | None = None  # the whole a part is given against ("of the 88 …, 14 …")
    verb: str = ""  # the verb telling what the counted things did or had done to them


# "One person died", "one worker was hurt": a single casualty is a count of one, as "two
# people died" is of two ("no one", "one of the", "one more" are no such count).
_ONE_CASUALTY = re.compile(
    r"(?<!\bno )(?<!\bnot )\b(?:only |just )?one (?P<u>person|man|woman|child|boy|girl|"
    r"worker|employee|resident|firefighter|passenger|driver|pilot|miner|soldier|civilian|patient|"
    r"contractor|member of staff)\b(?P<rest>[^.;:!?]{0,40})",
    re.I,
)


def word_value(quote: str, lead: str = "") -> Figure | None:
    """A number word given as the value of a named count ("the toll rose to seven") or
    standing for the people it counts ("Twenty-six were hurt"), or a single casualty ("one
    person had died").  The count may be named just before the quote, in its clause ("The
    number of people | killed by the eruption has risen to nine"): its word is read in the
    quote."""
    found = _COUNT_NOUN_WORD.search(quote) or _WORD_SUBJECT.search(quote) or _WORD_PART.match(quote)
    if found is None and lead:
        tail = _clause_tail(lead)
        named = _COUNT_NOUN_WORD.search(f"{tail} {quote}")
        if named is not None and named.start("w") > len(tail):
            shift = len(tail) + 1
            value = float(sum(WORD_VALUES[w] for w in named["w"].lower().split("-")))
            return Figure(named.start("w") - shift, named.end("w") - shift, value, None, "", "")
    if found is None:
        one = _ONE_CASUALTY.search(quote)
        if one is not None and (DEATHS.search(one["rest"]) or HURT.search(one["rest"])):
            return Figure(one.start("u") - 4, one.end("u"), 1.0, None, "people", "")
        return None
    words = found["w"].lower().split("-")
    value = float(sum(WORD_VALUES[w] for w in words))
    told = found["q"] if "q" in found.re.groupindex else None
    qualifier = " ".join(told.lower().split()) if told else ""
    return Figure(found.start("w"), found.end("w"), value, None, "", qualifier)


# A count denied outright: "not a single drone was launched from there", "not one
# patient died", "none of the ferries sailed".  Its figure is nought.
DENIED = "not a single"
_DENIAL = re.compile(
    r"\b(?:not\s+(?:a\s+single|one\s+single|one)|none\s+of\s+(?:the|its|their))\s+"
    # ("Not one escaped prisoner has …": a participle before the thing named.)
    r"(?:[^\W\d_]+(?:ed|en)\s+(?=[^\W\d_][\w'’-]*\s+(?:has|have|had|was|were|is|are)\b))?"
    r"(?P<u>[^\W\d_][\w'’-]*)"
    # "No sailor has been taken off a ship": none at all of a thing named in the singular.
    r"|^\W*no\s+(?P<one>[^\W\d_][\w'’-]*)(?=\s+(?:has|was|had|is)\s+(?:been\s+|ever\s+)?"
    r"[^\W\d_]+(?:ed|en)\b)",
    re.I,
)
# … said of somewhere or something in particular ("from Vessarian soil", "in the north"):
# the part of a count that was there, as "40 of the drones were launched from there" is.
_DENIED_SOMEWHERE = re.compile(
    r"\b(?:was|were|had|has|have)\b[^,;.]*?\b(?:from|in|at|inside|near|over|across)\s", re.I
)


def _plural_of(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word if word.endswith("s") and not word.endswith("ss") else f"{word}es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return f"{word[:-1]}ies"
    return f"{word}s"


def denial(quote: str) -> Figure | None:
    """A count denied outright ("not a single drone was launched"): a figure of nought,
    counting the plural of the thing named (or its class: "not one person" counts people)."""
    found = _DENIAL.search(quote)
    if found is None:
        return None
    word = (found["u"] or found["one"]).lower()
    if word in WORD_VALUES or word in ("of", "the", "a", "an"):
        return None  # "not one of them", "not one in ten"
    unit = SYNONYMS.get(word) or normal_unit(_plural_of(word))
    return Figure(found.start(), found.end(), 0.0, None, unit, DENIED)


def counted_class(unit: str, quote: str, figure: Figure) -> str:
    """The class of the counted thing: people (or nothing named) who died are deaths
    ("killed"), people hurt are "wounded"; any other unit is kept."""
    if unit in CLASSES and unit not in PEOPLE:
        return unit  # a named class ("troops") keeps its name whatever befell it
    after = quote[figure.end :]
    if nxt := re.search(r"\d", after):
        after = after[: nxt.start()]  # up to the next figure
    # Any other noun for people ("miners", "passengers") who died counts deaths too; an
    # unnamed count or "people" may be told as such before the figure ("the toll … 14").
    texts = (after, quote[: figure.start]) if unit in PEOPLE or not unit else (after,)
    for text in texts:
        death, hurt = DEATHS.search(text), HURT.search(text)
        if death and (not hurt or death.start() < hurt.start()):
            return "killed"
        if hurt:
            return "wounded"
    return unit


# A verb of change before "up to" or "down to": the figure it went to, not a bound
# ("has been revised up to 187", "the toll has gone up to 40").
_CHANGED = re.compile(
    r"\b(?:revised|gone|went|go(?:es)?|going|moved|pushed|bumped|ratcheted|jumped|shot|risen|"
    r"rose|climbed|raised|soared|marked)\s*$",
    re.I,
)


# Classes of people that keep their name whatever befell them.
KEPT = frozenset(("troops", "prisoners", "police"))


def kept_hurt(told: str) -> str:
    """What befell a class keeping its name ("troops", "the police") that *told* counts as
    casualties: "hurt" when the words tell only of the hurt, else "casualty"."""
    if HURT.search(told) and not DEATHS.search(told) and not _BOTH.search(told):
        return "hurt"
    return "casualty"


# Words counting the dead and the hurt together: "casualties", "killed or wounded".
_BOTH = re.compile(r"\bcasualt(?:y|ies)\b", re.I)


# A date owned by the spell of weather or the incident a toll is told of ("deaths
# attributed to last month's heatwave", "the dead of Sunday's storm") dates that, not the
# count: the count is of its own day (its publication's).  (With no figure, the date
# dates the happening the claim tells: "Last Friday's explosion tore the roof off".)
_DATED_CAUSE = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:heat\s?waves?|heat|storms?|floods?|flooding|quakes?|"
    r"earthquakes?|(?:wild)?fires?|blazes?|cyclones?|hurricanes?|typhoons?|tornado(?:e?s)?|"
    r"droughts?|cold\s+snaps?|freezes?|blizzards?|eruptions?|landslides?|outbreaks?|attacks?|"
    r"blasts?|explosions?|bombings?|crash(?:es)?|collisions?|derailments?|riots?|clashes)\b",
    re.I,
)
# Living things whose dead are counted apart from people's, by their own name.
NOT_PEOPLE_DEAD = frozenset(("animals",))
_BARE_DEATH = re.compile(
    r"\d(?:\s+(?:hundred|thousand|million|billion))?\s+(?:(?:have|has|had)\s+)?(?:died|perished)\b",
    re.I,
)
_LOST = re.compile(r"\b(?:lost|perished)\b", re.I)


def died_unnamed(quote: str) -> bool:
    """Whether a figure is told only as having died, naming nothing it counts ("more
    than 2 million died"): its sentence may name what died."""
    return _BARE_DEATH.search(quote) is not None


# Places supplied with power (homes, households, customers of a grid): "cut off", with no
# other supply named, they have lost their supply, not been trapped as villages cut off by
# a flood are ("12,000 households had been cut off", "customers cut off from the grid").
SUPPLIED = frozenset(("homes", "households", "customers", "properties", "premises", "consumers"))
_CUT_OFF_SUPPLY = re.compile(
    r"\bcut\s+off\b(?!\s+(?:from|by)\s+(?!(?:the\s+)?(?:power|electricity|grid|mains|network)\b))",
    re.I,
)


def read_quote(quote: str, lead: str, published: dt.datetime | None) -> Reading:
    """Read a quote's first figure, its first date and its cues (the slow part of a profile)."""
    figures = [f for f in extract_figures(quote) if f.value is not None]
    figure = figures[0] if figures else word_value(quote, lead) or denial(quote)
    if (
        figure is not None
        and figure.qualifier == "up to"
        and _CHANGED.search(quote, 0, figure.start)
    ):
        changed = replace(figure, qualifier="")  # "revised up to 187": to 187, no bound
        figures = [changed if f is figure else f for f in figures]
        figure = changed
    whole = part_of_whole(quote, lead, figures)
    counted = figure
    if whole is not None:
        figure, counted = whole  # the part's figure, counting what its whole counts
    # A date after "up from" or "down from" dates the figure replaced, not this one ("52,
    # up from the 47 it gave on Wednesday").
    was = _FROM_EARLIER.search(quote)
    cut = was.start() if was else len(quote)
    dates = [
        d
        for d in extract_dates(quote, published)
        if d.first is not None
        and d.start < cut
        and (figure is None or not _DATED_CAUSE.match(quote, d.end))
    ]
    first = dates[0].first if dates else None
    last = (dates[0].last or first) if dates else None
    words = " ".join(sorted({w.lower() for w in _WORDS.findall(quote) if len(w) > 2}))
    predicate = predicate_of(quote)
    group = None if counted is None else _OF_THE_BEFALLEN.match(quote, counted.end)
    if counted is None or _VERB_AFTER.match(quote, counted.end) is None:
        group = None  # "four of the injured workers are children": a part of the injured
    if group is not None:
        # "About 30 of the detained sailors have been moved ashore": the participle names
        # the group they are a part of; what befell the part is told after it.
        predicate = predicate_of(quote[group.end() :])
    unit = (
        ""
        if figure is None or counted is None
        else counted_class(
            normal_unit(counted.unit)
            or unit_in_words(quote)
            or named_before(quote, counted)
            or named_after(quote, counted),
            quote,
            counted,
        )
    )
    if unit == "people" and counted is not None and (body := _MEMBERS.match(quote, counted.end)):
        unit = normal_unit(f"{body['w']} members")  # "240 crew members": the crew
        unit = unit if unit in CLASSES else "people"
    if (
        unit in _EVERYONE_IN
        and counted is not None
        and _EVERYONE_IN[unit].match(quote, counted.end)
    ):
        unit = "people"  # "164 passengers and crew", "170 names on the list": the people
    if not unit and counted is not None and (named := _OF_THE_NOUN.match(quote, counted.end)):
        unit = normal_unit(named["w"].split()[-1])  # "about 40 of the drones that …": drones
    if not unit and counted is not None:
        unit = noun_of_group(quote, counted, figures)  # "Of the escapees, 31 …"
    if not unit and counted is not None and (money := money_before_noun(quote, counted)):
        unit = money  # "a 12 million crell relief fund": crells
        if not predicate and _A_FUND_AFTER.match(quote, counted.end):
            predicate = "fund"  # set aside, as "a fund of 12 million crells" is
    if not predicate and whole is not None and OF_THEM.match(quote):
        # "22 buses were damaged, | nine of them beyond repair": what befell the whole.
        predicate = predicate_of(_sentence_tail(lead))
    if unit in LENGTHS and counted is not None and _AWAY.match(quote, counted.end):
        unit = f"{unit} away"  # "40 kilometres behind the front" is no length of front held
    elif unit in LENGTHS and counted is not None and _SQUARE.match(quote, counted.end):
        unit = f"square {unit}"  # "a forest of 37 square kilometres" is an area, no length
    if (
        predicate in ("", "released", "escaped")
        and unit in MEASURES
        and figure is not None
        and (SPILLED.search(quote) or spill_named(lead, quote, figure.start, figure.end))
    ):
        # "40 tonnes of ammonia escaped" is not the 3,400 tonnes hauled; "puts the spill at
        # 2,600 tonnes" and "up to 300 tonnes have been lost" measure what escaped too.
        predicate = "spilled"
    if not predicate and group is None and figure is not None and not quote[: figure.start].strip():
        # A figure opening the quote is told by the verb just before it ("the clinics had
        # treated | 88 people for burns"): read with the last words of its clause.
        predicate = predicate_of(f"{_clause_tail(lead)} {quote}")
    if not predicate and (unit in PEOPLE or unit in HELD):
        predicate = noun_fate(quote)  # "233 escapees": those who escaped
    if unit in NOT_PEOPLE_DEAD and not predicate and _LOST.search(quote):
        predicate = "casualty"  # "farmers lost 1.6 million animals": they died
    if predicate == "trapped" and unit in SUPPLIED and _CUT_OFF_SUPPLY.search(quote):
        predicate = "unpowered"  # "30,000 households had been cut off": from their supply
    if predicate == "attended" and unit not in ("", "people"):
        predicate = ""  # "troops marched into the town": no crowd at a gathering
    if predicate in _PEOPLE_ONLY and unit and unit not in PEOPLE:
        fate = _fate_of_clause(quote)
        if predicate == "waiting" or (fate is not None and fate.lastgroup == "arrived"):
            # "87 ships are waiting at anchor", "the first troops arrived": no people in
            # line, and troops arriving are deployed, not people crossing a border.
            predicate = ""
    if not predicate and unit == "troops" and _AT_FRONT.search(quote):
        predicate = "front"  # "1,500 soldiers were deployed to the front": not all sent
    if not predicate and figure is not None and _ASKED_FOR.search(quote, 0, figure.start):
        predicate = "asked"  # "an appeal for 85 million": asked for, not given or spent
    if (
        not predicate
        and unit in _CRAFT
        and figure is not None
        and _OWNS.search(quote, 0, figure.start)
    ):
        predicate = "fleet"  # "the airline, which flies 14 aircraft": all it has, not in use
    if not predicate and figure is not None and _FUND_OF.search(quote, 0, figure.start):
        predicate = "fund"  # "a fund of 31 million for the families": set aside, not spent
    if not predicate and figure is not None and _BUDGET_OF.search(quote, 0, figure.start):
        predicate = "budget"  # "the repair budget is 48 million": may be spent, not lost
    if not predicate and figure is not None and _HOLDS.search(quote, 0, figure.start):
        predicate = "capacity"  # "a ground built to hold 36,000": room for them, not a crowd
    if not predicate and figure is not None and _LIVING_THERE.search(quote, 0, figure.start):
        predicate = "population"  # "a town of about 5,000 people": all who live there
    if not predicate and figure is not None and _AT_STAKE.search(quote, figure.end):
        predicate = "at stake"  # "9,000 jobs are at risk": threatened, not yet lost or cut
    if predicate == "casualty" and unit in CLASSES and unit not in PEOPLE and unit in KEPT:
        # A class keeping its name ("troops", "prisoners") counts its dead and its hurt
        # apart: "40 soldiers were wounded" is not "12 soldiers were killed".  A part told
        # of its whole ("71 officers were injured, | 16 of them seriously") is of the whole's.
        told = f"{_sentence_tail(lead)} {quote}" if whole is not None else quote
        predicate = kept_hurt(told)
    verb = "" if counted is None else verb_of(quote, whole[0] if whole is not None else counted)
    if (not verb or verb in _FINDING) and unit and counted is not None:
        # "spoiled ballots now number": spoiled; "found 1,140 oiled birds" tells how the
        # oiled birds were counted, as "the tally of oiled birds" does: oiled.
        verb = verb_before_noun(quote, unit) or verb
    if counted is not None and whole is None and possessed(quote, counted):
        # "The records of 2 million patients were taken": what was done (taken, stolen) was
        # done to the records, not to the patients counted.
        verb = ""
        if predicate not in _TOLD_OF_OWNERS and predicate not in _SET_ASIDE:
            predicate = ""  # (not "a fund for the valley of 27 million": what it holds)
    return Reading(
        None if figure is None else figure.value,
        None if figure is None else figure.value_max,
        "" if figure is None else figure.qualifier,
        unit,
        first,
        last,
        bool(CUMULATIVE.search(quote)),
        bool(UPDATE_CUES.search(quote)),
        bool(INCREMENT.search(quote))
        or (figure is not None and _CHANGED_BY.search(quote, 0, figure.start) is not None),
        forecast_in(quote),
        predicate,
        period_of(quote),
        figure is not None
        and (
            whole is not None
            or (is_subset(quote, lead, figure) and not befell_group(quote, figure))
            or bool(_ALONE.search(quote))
            or (figure.qualifier == DENIED and _DENIED_SOMEWHERE.search(quote) is not None)
        ),
        words,
        bool(INCIDENT.search(quote)),
        None if whole is None else whole[1].value,
        verb,
    )


# The craft an owner flies, operates or owns (told in the present) are the fleet it has, not
# how many are doing what a report tells of: "Tessel Air, which flies 22 aircraft" against
# "22 aircraft are searching".
_OWNS = re.compile(
    r"\b(?:flies|operates|owns)\s+"
    rf"(?:a\s+fleet\s+of\s+)?(?:(?:{HEDGE})\s+)?$",
    re.I,
)
# Craft an owner may have in a fleet (what "had flown 120 supply runs" counts is no fleet).
_CRAFT = frozenset(
    ("aircraft", "ships", "vehicles", "helicopters", "planes", "jets", "trains", "buses", "boats")
)
# Money put in a fund is money set aside for a purpose, not what something has cost or what
# was paid out: "a fund of 40 million for the victims" against "the clean-up cost 40 million".
_FUND_OF = re.compile(
    # ("raised the fund to 12 million": what the fund now holds.)
    # ("a fund for the valley of 27 million": who it is for told between.)
    rf"\b(?:funds?|trust)(?:\s+for\s+(?:the\s+|its\s+|their\s+)?[\w'’-]+)?\s+(?:of|to)\s+"
    rf"(?:(?:{HEDGE}|[$€£¥₩])\s*)*$",
    re.I,
)
_SET_ASIDE = frozenset(("fund", "budget"))
# A sum told before the thing it pays for, its currency in the singular as a modifier ("a 12
# million crell relief fund", "a 3 billion florin aid package"): the currency is what the
# figure counts (in the plural, as "30 million crells" is read) and the money is set aside.
_MONEY_BEFORE_NOUN = re.compile(
    r"\s+(?P<w>[a-z]{3,})(?:\s+[a-z]+){0,2}?\s+"
    r"(?:fund|funds|budget|package|grant|loan|bailout|scheme|programme|program)\b"
)
_A_FUND_AFTER = re.compile(r"(?:\s+[a-z]+){1,3}?\s+funds?\b")
_A_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[$€£¥₩]\s*)?$", re.I)


def money_before_noun(quote: str, figure: Figure) -> str:
    """The currency named in the singular between a sum in millions or more and what the sum
    pays for ("a 12 million crell relief fund": crells); else ""."""
    told = quote[figure.start : figure.end].lower()
    if not re.search(r"\b(?:million|billion|trillion|bn|m)$", told):
        return ""
    if _A_BEFORE.search(quote, 0, figure.start) is None:
        return ""
    found = _MONEY_BEFORE_NOUN.match(quote, figure.end)
    if found is None or found["w"] in _NOT_CURRENCY:
        return ""
    return normal_unit(_plural_of(found["w"]))


# Words after a sum that name no currency ("a 2 million emergency fund", "a 5 billion
# relief package": what the money is for, not what it is counted in).
_NOT_CURRENCY = frozenset(
    """emergency relief aid rescue recovery reconstruction development support stimulus
    compensation investment spending housing research education health reserve new extra
    additional further special initial first second third one two year month week day
    government state public federal national regional city private annual""".split()
)
# Money told as a budget ("the repair budget for this year is 48 million") is what may be
# spent on something, not what was lost, paid or asked: a quantity of its own.
_BUDGET_OF = re.compile(
    r"\bbudgets?(?:\s+for\s+(?:the\s+|this\s+|next\s+|its\s+)?[\w'’-]+)?\s+"
    r"(?:of|to|at|(?:is|was|are|were|stands\s+at|stood\s+at)(?:\s+also|\s+now)?)\s+"
    rf"(?:(?:{HEDGE}|[$€£¥₩])\s*)*$",
    re.I,
)
# A fund named earlier in its sentence and changed as "it" ("The government, criticised
# for the size of its first emergency fund, | raised it to 95 million"): what the fund holds.
_IT_CHANGED_TO = re.compile(
    r"^\W*(?:has\s+|had\s+|have\s+)?(?:raised|increased|lifted|topped\s+up|boosted|expanded|"
    r"doubled|trebled|tripled|cut|reduced|lowered|brought|took)\s+it\s+to\b",
    re.I,
)
_FUND_LAST = re.compile(r"\b(?:funds?|trust)\b[^\d.;]*$", re.I)


# What is demanded ("is demanding a ransom of 30 million", "cut its demand to 12 million")
# is asked for, not what something cost or what was paid: a quantity of its own.
_ASKED = re.compile(r"\b(?:ransoms?|demand(?:s|ed|ing)?)\b", re.I)


def fund_told_as_it(quote: str, sentence_lead: str) -> bool:
    """Whether *quote* changes "it" to its figure, "it" a fund its sentence named before."""
    if " it to" not in quote:
        return False
    return _IT_CHANGED_TO.search(quote) is not None and _FUND_LAST.search(sentence_lead) is not None


# What a place or a thing has room for ("built to hold 36,000", "can seat 2,000", "a
# capacity of 50,000") is its size, not a count of those in it on a day.
_HOLDS = re.compile(
    r"\b(?:(?:built|designed|meant|made|able)\s+to\s+(?:hold|seat|take|carry|accommodate)|"
    r"(?:can|could|will|would)\s+(?:hold|seat|take|carry|accommodate)|"
    r"capacity\s+(?:of|for)|room\s+for|seats|seating\s+for)\s+"
    rf"(?:(?:{HEDGE})\s+)?$",
    re.I,
)
# A place told by how many live there ("a town of about 5,000 people", "a city of 2 million",
# "home to 40,000") gives its population, not a count of those a report tells of.
_LIVING_THERE = re.compile(
    r"\b(?:(?:a|the)\s+(?:[\w'’-]+\s+)?(?:town|city|village|island|port|suburb|district|"
    r"community|country|nation)\s+of|home\s+to|(?:a\s+)?population\s+of)\s+"
    rf"(?:(?:{HEDGE})\s+)?$",
    re.I,
)
# Counts of everyone of a place or a list, told by the classes or names they are of: "164
# passengers and crew" were all on board, and "170 names on the list" name as many people;
# the passengers alone, or names with nothing listing them, are counted apart.
_EVERYONE_IN = {
    "passengers": re.compile(r"\W*passengers\s+and\s+(?:the\s+|its\s+)?crew\b", re.I),
    "names": re.compile(
        r"\W*names\s+(?:(?:were|are|was|is)\s+)?(?:on|in)\s+(?:it|them|(?:the|its|their|a|an)\s+"
        r"(?:[\w'’-]+\s+){0,3}?(?:list|lists|manifest|register|roll|roster|memorial))\b",
        re.I,
    ),
}
# Fates read of people only: troops that arrived were deployed ("arrived" is crossed for
# people), and ships waiting at anchor are no queue of people.
_PEOPLE_ONLY = frozenset(("crossed", "waiting"))
# "Houses" as a verb before a figure ("the camp now houses about 19,000") names no homes.
_HOUSES_PEOPLE = re.compile(r"\b" + _HOUSES_A_FIGURE, re.I)
# Troops at the front or in combat are a part of those sent to a country, counted apart:
# "1,500 soldiers had been deployed to the front line" is no count of all the troops there.
_AT_FRONT = re.compile(
    r"\b(?:(?:to|at|on|near|along|towards?)\s+the\s+front(?:[\s-]*lines?)?|front[\s-]*lines?|"
    r"in\s+combat|into\s+(?:combat|battle))\b",
    re.I,
)
# Money asked for (an appeal, a request) is not money given, pledged or spent: "an appeal
# for 85 million", "has raised its appeal to 140 million", "requested 2 billion".
_ASKED_FOR = re.compile(
    r"\b(?:appeal(?:s|ed|ing)?\s+(?:for|to)|(?:asked|asks|asking|requested|requests|requesting|"
    rf"sought|seeks|seeking|called|calls|calling)\s+for)\s+(?:(?:{HEDGE}|a\s+further|another|"
    r"an\s+extra|an\s+additional|[$€£¥₩])\s*)*$",
    re.I,
)


# A figure counting whose a thing is: "the records of 2 million patients", "the homes of
# 300 families", with a head noun naming neither a share of them ("the number of", "the
# rest of") nor what befell them ("the arrest of 40 people", "the evacuation of 900").
_POSSESSED = re.compile(
    r"\b(?:the|their|its|his|her|our)\s+(?P<head>[^\W\d_][\w'’-]*)\s+of\s+"
    rf"(?:(?:{HEDGE})\s+)*$",
    re.I,
)
_SHARE_HEADS = frozenset(
    """number numbers count total tally figure figures toll group groups crowd crowds force
    majority most half rest remainder share proportion bulk lives deaths dead""".split()
)
# What the words may tell of the owners themselves (their dead, their hurt) or of the
# things they own (homes destroyed, flooded): kept.
_TOLD_OF_OWNERS = frozenset(
    ("casualty", "killed", "wounded", "hurt", "destroyed", "damaged", "flooded", "unpowered")
)


def possessed(quote: str, figure: Figure) -> bool:
    """Whether *figure* counts the owners of what its clause speaks of ("the records of
    at least 2 million patients were taken"): the verb after them tells what was done to
    that thing, not to those counted."""
    found = _POSSESSED.search(quote, 0, figure.start)
    if found is None:
        return False
    head = found["head"].lower()
    if head in _SHARE_HEADS or head in WORD_VALUES:
        return False
    return not (
        FATE.search(head) or ILLNESS.search(head) or CASUALTY.search(head) or ATTENDED.search(head)
    )


# The verb telling what the counted things did or had done to them, whatever it is: just
# before the figure ("patrols have turned back 23 vessels", "it released 41"), after the
# counted thing and its auxiliaries ("87 cargo ships are waiting at anchor", "up to 60
# ships have been turned away"), or after the thing of "the number of …" ("the number of
# ships sunk").  Read as a participle or a past form, not as any word.
_VERB_FORM = (
    r"(?!(?:hundred|indeed|need|needed|speed|seed|feed|shed|breed|including|according|during|"
    r"following|regarding|concerning|morning|evening|nothing|something|anything|everything|"
    r"thing|king|ring|spring|bring)\b)"
    r"(?:[^\W\d_]{2,}(?:ed|ing)|taken|given|driven|stolen|beaten|broken|chosen|fallen|frozen|"
    r"hidden|risen|shaken|spoken|written|eaten|forgotten|bitten|proven|shown|thrown|flown|"
    r"drawn|known|grown|blown|withdrawn|sent|held|left|hit|shot|struck|kept|lost|cut|seen|set|"
    r"put|built|brought|caught|fled|met|sunk|sank|stuck|led|fought|won|bought|sold|made|found|"
    r"paid|withdrew|spent|lent|took|gave|drew)"
)
_VERB_BEFORE = re.compile(
    rf"\b(?P<v>{_VERB_FORM})\s+(?:(?:back|away|off|out|up|down|home)\s+)?"
    rf"(?:(?:{HEDGE}|a\s+further|another|the|a|an|all)\s+)*$",
    re.I,
)
_VERB_AFTER = re.compile(
    r"(?:[\s-]+(?!(?:have|has|had|are|is|were|was|be|been|being)\b)[^\W\d_][\w'’-]*){0,4}?"
    r"(?:\s*,[^,.;]{1,30},)?\s+(?:(?:have|has|had|are|is|were|was|be|been|being|now|still|"
    r"already|all|since|so\s+far|reportedly)\s+)+"
    rf"(?P<v>{_VERB_FORM})\b",
    re.I,
)
_VERB_OF_NUMBER = re.compile(
    r"\b(?:number|count|total|tally)\s+of\s+(?:the\s+)?(?:[^\W\d_][\w'’-]*\s+){1,3}?"
    rf"(?P<v>{_VERB_FORM})\b",
    re.I,
)


# A part of a group named by what befell it: "30 of the detained sailors", "40 of the
# seized ships".
_OF_THE_BEFALLEN = re.compile(
    r"\s+(?:of|out\s+of)\s+(?:the|these|those)\s+[^\W\d_]+ed\s+[^\W\d_][\w'’-]*", re.I
)
# Members of a body named by it: "crew members", "staff members".
_MEMBERS = re.compile(r"\s+(?P<w>[^\W\d_]+)\s+members\b", re.I)


# Things lodged with an office (complaints, petitions, applications, appeals, objections)
# are counted alike by those who lodge them and by the office that receives them: "the
# party filed 900 complaints" and "the commission has registered 640 complaints" count
# one thing, as "received", "lodged", "submitted" or "made" do.
LODGED_THINGS = frozenset(("complaints", "petitions", "applications", "appeals", "objections"))
_LODGING = frozenset(
    ("filed", "lodged", "submitted", "received", "registered", "made", "logged", "recorded",
     "file", "lodge", "submit", "receive", "register", "make", "log", "record", "filing",
     "lodging", "submitting", "receiving", "registering", "making", "logging", "recording")
)  # fmt: skip
# A candidate's votes are one tally however told won: "won", "was given", "received",
# "took", "secured", "polled", "gained" or "got" so many votes.
_WINNING = frozenset(
    ("won", "given", "received", "took", "taken", "secured", "polled", "gained", "got",
     "garnered", "win", "wins", "winning", "gave", "give", "gives", "receives", "receiving",
     "takes", "secures", "polls")
)  # fmt: skip
# A participle set before its noun tells what befell the counted thing as a verb after it
# does: "spoiled ballots now number 98,000" as "98,000 ballots were spoiled".
_PARTICIPLE_NOUN = re.compile(r"\b(?P<v>[^\W\d_]{3,}(?:ed|en))\s+(?P<n>[^\W\d_]+)", re.I)
_NOT_PARTICIPLES = frozenset(("hundred", "seven", "eleven", "kindred", "sacred"))


def verb_before_noun(quote: str, unit: str) -> str:
    """The participle set before the noun of *unit* ("spoiled" of "spoiled ballots"),
    lowercased, or "" when none is."""
    for found in _PARTICIPLE_NOUN.finditer(quote):
        verb = found["v"].lower()
        if verb in _NOT_PARTICIPLES or verb.endswith("teen"):
            continue
        if normal_unit(found["n"]) == unit:
            return verb
    return ""


# A verb of declaring or judging tells how a thing was found, and the word after it what
# befell it: ballots "declared spoiled" are spoiled ballots, as "ballots had been spoiled",
# and ballots "declared invalid" are those "ruled invalid".
_DECLARING = frozenset(("declared", "ruled", "deemed", "judged", "pronounced", "classed"))
_STATE_AFTER = re.compile(
    r"\s+(?:as\s+)?(?!(?:the|that|this|these|those|them|from|with|into|over|after|before|"
    r"during|since|until|when|while|about|around|some|more|fewer|less|than|only)\b)"
    r"(?P<s>[^\W\d_]{3,})\b",
    re.I,
)


def verb_of(quote: str, figure: Figure) -> str:
    """The verb the counted thing of *figure* goes with, lowercased ("turned", "waiting"),
    or "" when the quote gives none next to it."""
    before = quote[: figure.start]
    found = _VERB_BEFORE.search(before) or _VERB_AFTER.match(quote, figure.end)
    found = found or _VERB_OF_NUMBER.search(before)
    if found is None:
        return ""
    verb = found["v"].lower()
    if verb in _COUNT_MOVES and _COUNT_NOUN.search(quote, 0, found.start("v")):
        # "The trust's tally of oiled birds has reached 2,140": the count moved; what
        # befell the counted things is told inside it, if at all.
        inside = _VERB_OF_NUMBER.search(before)
        told = "" if inside is None else inside["v"].lower()
        return "" if told in _COUNT_MOVES else told
    if verb in _TAKE and (part := _PART_IN.match(quote, found.end("v"))):
        return part["n"].lower()  # "taking part in the search": searching
    if verb in _TAKE and _PART.match(quote, found.end("v")):
        return f"{verb} part"  # "40 vessels are taking part": at work, at what not told
    if verb in _DECLARING and (state := _STATE_AFTER.match(quote, found.end("v"))):
        return state["s"].lower()  # "ballots declared spoiled": spoiled
    return verb


# Verbs telling that a count moved or stood ("the tally has reached 2,140", "the total
# rose to 90"), and the nouns of a count they are told of.
_COUNT_MOVES = frozenset(
    ("reached", "risen", "rose", "climbed", "grown", "grew", "stood", "stands", "topped",
     "passed", "jumped", "increased", "fallen", "fell", "dropped", "hit", "reaching", "rising",
     "climbing", "standing")
)  # fmt: skip
# Verbs telling only how things were counted, when a participle before their noun tells
# what befell them: "volunteers had found 1,140 oiled birds" counts the oiled birds, as
# "the tally of oiled birds" does.
_FINDING = frozenset(("found", "counted", "tallied", "spotted", "sighted"))
_COUNT_NOUN = re.compile(r"\b(?:tally|tallies|total|count|number|toll|figure)\b", re.I)


# Taking part in an activity does what the activity's noun names: "fourteen vessels were
# taking part in the search" are searching, as "27 vessels were now searching" are.
_TAKE = frozenset(("taking", "took", "taken", "take", "takes"))
_PART = re.compile(r"\s+part\b", re.I)
_PART_IN = re.compile(r"\s+part\s+in\s+(?:the\s+|a\s+|an\s+)?(?P<n>[^\W\d_]+)", re.I)


# A part given against its whole: "of the 88 people it treated, 14 were firefighters",
# "Of the 58, 9 are children"; "six of them tank wagons" after "16 wagons left the rails".
_OF_THE_WHOLE = re.compile(r"^\W*(?:of|out of)\s+(?:the|these|those|its|their)\s+(?=\d)", re.I)
# (A part may be rounded or bounded as any figure is: "some 700,000 of them".)
OF_THEM = re.compile(
    r"^\W*(?:(?P<q>about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|"
    r"up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|an\s+estimated)\s+(?=\d))?"
    r"(?P<part>[^\W\d_]+|\d[\d,]*)\s+of\s+(?:them|these|those|which|whom)\b",
    re.I,
)


# The counted thing a part names after its figure: "about 40 of the drones that struck",
# "three of the ferries were" (a figure of the whole, "ten of the 19 dead", is read as one).
# A group named before its figure ("Of the escapees, 31 have been caught"), or a figure
# given of another that names the group ("212 of the 1,400 inmates escaped").
_OF_THE_GROUP = re.compile(
    r"^\W*of\s+(?:the|its|their|our|these|those)\s+(?:[^\W\d_][\w'’-]*\s+)?"
    r"(?P<w>[^\W\d_][\w'’]*)\s*,\s*(?:[a-z]+\s+){0,2}$",
    re.I,
)
_OF_A_FIGURE = re.compile(r"\s+(?:of|out\s+of)\s+(?:the|its|their)\s+", re.I)


def noun_of_group(quote: str, counted: Figure, figures: list[Figure]) -> str:
    """The plural noun of the group a figure is told of, when the words after the figure
    name none: "Of the escapees, 31 …" (escapees), "212 of the 1,400 inmates" (inmates);
    "" when neither shape is there."""
    found = _OF_THE_GROUP.match(quote[: counted.start])
    if found is not None:
        word = normal_unit(found["w"])
        plural = (word.endswith("s") and len(word) > 3) or irregular_plural(word)
        return word if plural and word not in _STOP_UNITS and word not in WORD_VALUES else ""
    of = _OF_A_FIGURE.match(quote, counted.end)
    if of is not None:
        whole = next((f for f in figures if f.start == of.end()), None)
        if whole is not None and whole.value is not None and whole.unit:
            return normal_unit(whole.unit)
    return ""


_OF_THE_NOUN = re.compile(
    r"\s+(?:of|out\s+of)\s+(?:the|these|those|its|their|our)\s+"
    # (Two words name one thing, "the cargo ships"; an auxiliary after the noun is none of
    # it: "about 4,000 of its staff have returned" counts staff.)
    r"(?P<w>(?:[^\W\d_][\w'’-]*\s+(?!(?:have|has|had|were|was|are|is|be|been)\b))?"
    r"[^\W\d_][\w'’-]*)"
    r"(?=\s+(?:that|which|who|whom|were|was|are|is|had|have|has|in|on|at|from|to|by|"
    r"launched|fired|sent|[a-z]+ed)\b|\s*[,.;:]|\s*$)",
    re.I,
)


def whole_in_sentence(quote: str, sentence_lead: str) -> str:
    """What a part opening its quote ("143 of them on the first night") counts, read from
    the whole its sentence gives before it ("… launched more than 600 drones, | 143 of
    them …"): the stored words before a quote may stop short of that whole."""
    figures = [f for f in extract_figures(quote) if f.value is not None]
    found = part_of_whole(quote, sentence_lead, figures)
    if found is None:
        return ""
    part, whole = found
    return counted_class(normal_unit(whole.unit) or named_before(sentence_lead, whole), quote, part)


def _sentence_tail(lead: str) -> str:
    """The words of *lead* within the sentence it ends in."""
    return lead[max(lead.rfind(". "), lead.rfind("\n")) + 1 :]


def part_of_whole(quote: str, lead: str, figures: list[Figure]) -> tuple[Figure, Figure] | None:
    """(part, whole) when the quote gives a part against its whole's figure, in the quote
    ("of the 88 people it treated, 14 were firefighters") or just before it in its
    sentence ("16 wagons left the rails, | six of them tank wagons"); else None."""
    if _OF_THE_WHOLE.match(quote) and len(figures) > 1:
        whole, part = figures[0], figures[1]
        if "," in quote[whole.end : part.start] and part.value is not None:
            return part, whole
        return None
    found = OF_THEM.match(quote)
    if found is None:
        return None
    word = found["part"].lower()
    value = WORD_VALUES.get(word) if not word[0].isdigit() else float(word.replace(",", ""))
    if value is None or word in ("a", "an"):
        return None
    wholes = [f for f in extract_figures(_sentence_tail(lead)) if f.value is not None]
    if not wholes or wholes[-1].value is None or wholes[-1].value <= value:
        return None
    told = " ".join(found["q"].lower().split()) if found["q"] else ""
    part = Figure(found.start("part"), found.end("part"), float(value), None, "", told)
    return part, wholes[-1]


_CLAUSE_BREAK = re.compile(r"[.,;:!?()\n\"“”]")


def _clause_tail(lead: str, words: int = 3) -> str:
    """The last few words of *lead* within its clause ("" when it ends a clause)."""
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(lead[-80:])), default=0)
    return " ".join(lead[-80:][cut:].split()[-words:])


# A year naming what a figure belongs to: "the 2019 Marrow Ridge fire, which burned 9,100
# hectares", "a 2011 survey counted 300 nests".
_NAMED_YEAR = re.compile(
    r"\b(?:the|a|an|its|their|this|that)\s+((?:18|19|20)\d\d)\s+(?=[^\W\d_])", re.I
)


def named_year(quote: str, value: float | None) -> int | None:
    """The year the quote names its subject by ("the 2019 fire"), if any; not the figure."""
    found = _NAMED_YEAR.search(quote)
    if found is None or (value is not None and float(found[1]) == value):
        return None
    return int(found[1])


def _trend(quote: str) -> int:
    if RISE.search(quote):
        return 0 if FALL.search(quote) else 1
    return -1 if FALL.search(quote) else 0


def _lead_in(quote: str, lead: str, around: str) -> str:
    """The words of the quote's sentence before it: from *around* (its sentence) when
    known, else its stored prefix."""
    if around and (at := around.find(quote)) > 0:
        return around[:at]
    return lead


# Kinds of road vehicle: a count of two or more of them listed together ("35,000 cars and
# vans were damaged", "about 63,000 cars, vans and buses") counts vehicles, as "35,000
# vehicles" does ("cars" alone may be a count of cars only).
VEHICLE_KINDS = frozenset(
    """cars vans buses coaches minibuses lorries trucks motorcycles motorbikes scooters taxis
    cabs tractors trams caravans vehicles""".split()
)
_LISTED = re.compile(r"((?:\s*,\s*[^\W\d_]+)*)\s*,?\s+(?:and|or)\s+(?:other\s+)?([^\W\d_]+)")


def listed_vehicles(quote: str, unit: str) -> bool:
    """Whether *quote* counts *unit* (a kind of vehicle) in a list of kinds of vehicle."""
    at = re.search(rf"\b{re.escape(unit)}\b", quote, re.I)
    if at is None:
        return False
    listed = _LISTED.match(quote, at.end())
    if listed is None:
        return False
    kinds = [w.strip().lower() for w in listed.group(1).split(",") if w.strip()]
    kinds.append(listed.group(2).lower())
    return all(k in VEHICLE_KINDS and k != unit for k in kinds)


def profile(
    claim_id: uuid.UUID,
    article_id: uuid.UUID,
    quote: str,
    start: int,
    end: int,
    event_start: dt.date | None,
    published: dt.datetime | None,
    around: str = "",
    *,
    event_end: dt.date | None = None,
    lead: str = "",
    reading: Reading | None = None,
    before: str = "",
) -> Profile:
    """*around* is the text around the quote (its sentence), where the counted thing
    may be named when the quote itself does not ("the total … around 10,000").
    *lead* is the text just before the quote (its stored prefix): "as a first step,".
    *reading* is :func:`read_quote` of the quote, *lead* and *published` if known.
    *before* is the sentence before the quote's in its paragraph, where what a figure
    told only as "the figure" or only by a fate counts may be named (:func:`refers_back`)."""
    r = reading if reading is not None else read_quote(quote, lead, published)
    when: dt.date | None = event_start
    when_is_event = when is not None
    event: tuple[dt.date | None, dt.date | None] = (None, None)
    if when is not None:
        until = event_end if event_end is not None else when
        event = (min(when, until), max(when, until))  # reversed bounds are read in order
    elif r.date_first is not None:
        when, when_is_event = r.date_first, True
        event = (r.date_first, r.date_last or r.date_first)
        if r.value is not None and published is not None:
            # A count as it stood the day before the paper ("31 had been rescued by
            # Thursday night" in Friday's paper) is that paper's news, as of its day, like
            # the other figures it gives.
            if (published.date() - event[1]).days == 1:
                when = published.date()
    if when is None and (year := named_year(quote, r.value)) is not None:
        if published is None or year != published.year:
            when, when_is_event = dt.date(year, 7, 1), True  # "the 2019 fire": that year's
    if when is None and published is not None:
        when = published.date()
    if r.predicate == "attended" and published is not None:
        # Estimates of one gathering's crowd are told in the order they were given: its
        # day dates the gathering (event_first), not which estimate is the newer.
        when, when_is_event = published.date(), False
    words = frozenset(r.wording.split())
    low, high, unit = 0.0, 0.0, ""
    predicate, verb, increment = r.predicate, r.verb, r.increment
    if r.value is not None:
        low, high = bounds(Figure(0, 0, r.value, r.value_max, "", r.qualifier))
        unit = r.unit
        if unit in VEHICLE_KINDS and listed_vehicles(quote, unit):
            unit = "vehicles"  # "35,000 cars and vans", "63,000 cars, vans and buses"
        if (
            (not unit or (unit == "people" and not named_people(quote)))
            and around
            and (at := around.find(quote)) > 0
        ):
            unit = whole_in_sentence(quote, around[:at]) or unit
            if not predicate and OF_THEM.match(quote):
                # "96 sailors have been released, | 41 of them from …": what befell the whole.
                predicate = predicate_of(_sentence_tail(around[:at]))
                if predicate == "casualty" and unit in KEPT:
                    # "71 police officers have been injured, | 16 of them seriously"
                    predicate = kept_hurt(f"{_sentence_tail(around[:at])} {quote}")
            told = told_before(around[:at]) if unit in ("", "people") else None
            if told is not None and (
                predicate not in PEOPLE_BY_FATE
                or told.unit in PEOPLE
                or told.predicate == predicate
            ):
                # "… says 327 sailors have been detained, and the monitor counts at least
                # 320": a figure naming nothing counts what the figure before it counted.
                unit = told.unit or unit
                if not predicate and not verb:
                    predicate, verb = told.predicate, told.verb
        if unit in ("killed", "wounded") and r.subset and around:
            # "had found 1,140 oiled birds, | and that more than 400 of them were already
            # dead": a part of the birds, no death toll of people.
            whole = normal_unit(whole_told_before(quote, around))
            if whole and whole != unit and (whole not in CLASSES or whole in NOT_PEOPLE_DEAD):
                unit = whole
                predicate = predicate_of(_sentence_tail(around[: around.find(quote)]))
        if predicate == "casualty" and r.subset and unit not in CLASSES and OF_THEM.match(quote):
            # (The whole just before it in the words kept with the quote: "found 260 beached
            # seals this week; | about 90 of them were dead" counts seals as found.)
            at = around.find(quote) if around else -1
            predicate = predicate_of(_sentence_tail(around[:at] if at > 0 else lead))
        if unit == "killed" and around and died_unnamed(quote):
            # "The ministry puts the number of farm animals lost at 1.6 million, | while the
            # union says more than 2 million died": a bare figure that died counts what the
            # figure before it in its sentence counts, when those are no people.
            tail = _sentence_tail(around[: max(around.find(quote), 0)])
            if any(c.isdigit() for c in tail) and (named := unit_in_words(tail)) in NOT_PEOPLE_DEAD:
                unit = named
                predicate = "casualty"
        if not unit and around and (at := around.find(quote)) > 0:
            # "The agency, which counts only birds brought to its stations, | gave a
            # figure of about 700": the figure counts what its giver is told to count.
            unit = counted_by_giver(around[:at])
        if not unit and before and refers_back(quote):
            # "The count of escapees keeps rising. | The ministry's figure stands at 214":
            # the figure counts what the sentence before named ("The operator said about
            # 1,900 flights had been cancelled. | The association said the number was up to
            # 2,000": what its last figure counted).
            unit = unit_in_words(before) or last_counted(before)
            if unit and not predicate:
                predicate = predicate_of(before) or noun_fate(before)
        if not unit and around:
            unit = unit_in_words(around)
        if not unit and before and ends_bare(quote, around):
            # "… named Venstrom the winner with 2,486,310 votes. | Oskane was given
            # 2,108,945.": a figure ending its clause with no noun goes on with what the
            # sentence before counted last.
            unit = last_counted(before)
        if not predicate and unit and before and told_as_true(lead, quote):
            # "The agency puts the spill at 2,600 tonnes. | Surveyors said the true figure
            # was 3,500 tonnes": another account of what the sentence before measured (or
            # counted: "about 400 homes have been destroyed. | … the true number is
            # between 600 and 700 homes").
            rival = measured_last(before, unit)
            if rival is not None:
                predicate, verb = rival.predicate, verb or rival.verb
        if not verb and not predicate and around and names_only(quote):
            verb = done_after(quote, around)  # "Fourteen vessels, …, were at work": working
        if predicate == "treated" and in_care_now(quote, lead, around):
            predicate = "hospitalised"  # "At the city hospital, 40 patients are being treated"
        if not predicate and fund_told_as_it(quote, _lead_in(quote, lead, around)):
            predicate = "fund"
        if not predicate and ("emand" in quote or "ansom" in quote) and _ASKED.search(quote):
            predicate = "demanded"  # "a ransom of 30 million": asked for, not what it cost
        if increment and around and beside_another_count(quote, around, predicate):
            increment = False  # "14 cases are confirmed and another 63 are suspected"
        if predicate in COUNTED_BY_FATE and (
            (unit not in CLASSES and unit not in MEASURES) or unit in PEOPLE or unit in HELD
        ):
            unit = predicate  # "47 miners were trapped", "52 men cut off", "the number trapped"
        elif unit in ("", "people") and predicate in PEOPLE_BY_FATE:
            # "the number evacuated at 1,500": people, though none are named; "Police say
            # 180 have been recaptured" after a sentence of escapees: those people.
            named = unit_in_words(before) if before and not named_people(quote) else ""
            unit = named if named in HELD else "people"
    if unit in LODGED_THINGS and verb in _LODGING:
        verb = "lodged"  # "filed 300 complaints", "received 300 complaints": one count
    elif unit == "votes" and verb in _WINNING:
        verb = "won"  # "she won 2.1 million votes", "she was given 2.1 million": her votes
    if predicate == "strength" and unit == "votes":
        predicate = ""  # "she had 1.3 million votes": the votes won, no force she keeps
    subset = r.subset or (
        r.value is not None
        and bool(around)
        and (brings_total(quote, around) or opened_by_whole(quote, around, r.value))
    )
    if unit and r.value is not None:
        # The counted thing's noun in one spelling ("vessels", "boats": ships; "km"), so
        # that two reports naming it differently are not told apart by that alone.  (Only
        # the plain synonyms the lexicon knows: "soldiers" and "troops", or "residents" and
        # "people", are counted alike but worded apart.)
        spellings = _SPELLINGS.get(unit)
        if spellings is not None and not spellings.isdisjoint(words):
            words = (words - spellings) | {unit}
    if unit and unit != r.unit and r.value is not None:
        # A figure whose counted thing is named only around its quote ("gave a figure of
        # about 700" of birds) is worded with it: its own words say little of the count.
        words = words | {unit}
    return Profile(
        claim_id, article_id, quote, start, end, r.value, low, high, unit, r.qualifier, when,
        when_is_event, r.cumulative, r.update_cue, words, increment, r.forecast, *event,
        lead, predicate, r.period, subset, r.incident, _trend(quote) if r.update_cue else 0,
        around, published.date() if published is not None else None, r.whole, verb, before,
    )  # fmt: skip


# Care going on when told, not care given once: "are being treated", "were still being
# treated", "are receiving treatment", "remain under treatment".
_CARE_NOW = re.compile(
    r"\b(?:are|is|were|was|remain|remains|remained)\s+(?:(?:still|now|currently)\s+)?(?:being\s+treated|"
    r"receiving\s+(?:hospital\s+)?treatment|under\s+treatment)\b",
    re.I,
)
# Where people are kept for care: a hospital, a ward, an isolation or intensive-care unit.
_HOSPITAL_PLACE = re.compile(
    r"\b(?:hospitals?|wards?|infirmary|intensive\s+care|isolation\s+(?:units?|centres?|"
    r"centers?)|treatment\s+(?:centres?|centers?))\b",
    re.I,
)


# A figure whose sentence goes on to bring a running count to another ("Police arrested 64
# people on Saturday, | bringing the number arrested since the protests began to about
# 960"; "taking the death toll to 40"): what it counts was added to that total, a part of it.
BRINGS_TOTAL = re.compile(
    r"[^.;!?]*?,\s*(?:(?:and|which|so)\s+)?(?:bringing|brought|brings|taking|took|takes|"
    r"pushing|pushed|pushes|raising|raised|raises|lifting|lifted|lifts|putting)\s+(?:(?:the|its|their|this|that)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:number|total|toll|tally|count|figure)\b",
    re.I,
)


def brings_total(quote: str, around: str) -> bool:
    """Whether the sentence *around* the quote goes on, after it, to bring a running count
    to a figure (:data:`BRINGS_TOTAL`): the quote's figure is a part of that total."""
    at = around.find(quote)
    return at >= 0 and BRINGS_TOTAL.match(around, at + len(quote)) is not None


def in_care_now(quote: str, lead: str, around: str = "") -> bool:
    """Whether people counted as treated are being treated now in a hospital, its sentence
    naming where ("At the district hospital, 40 patients are being treated"): the patients
    in hospital, not all those treated so far."""
    if _CARE_NOW.search(quote) is None:
        return False
    return _HOSPITAL_PLACE.search(f"{lead} {quote} {around}") is not None


def beside_another_count(quote: str, around: str, predicate: str) -> bool:
    """Whether a figure marked as added ("another 63", "110 more") follows, in its sentence, a
    count of another fate ("14 cases have been confirmed and another 63 are suspected"):
    what it adds to is that other count, so it is a count of its own, not an added wave of
    its own count."""
    at = around.find(quote)
    if not predicate or at <= 0:
        return False
    lead = around[:at]
    if not any(f.value is not None for f in extract_figures(lead)):
        return False
    told = predicate_of(lead)
    return bool(told) and told != predicate


def named_people(quote: str) -> bool:
    """Whether the quote names the people it counts by a word for them ("people", "sailors")."""
    return any(SYNONYMS.get(w) in PEOPLE for w in _WORDS.findall(quote.lower()))


# A figure told only as a count ("The ministry's figure stands at 214", "the latest tally
# is 40"), naming nothing it counts ("the number of escapees" names it).
_COUNT_WORD = re.compile(
    r"\b(?:figure|count|tally|total|estimate|number|toll)s?\b(?!\s+(?:of|for)\b)", re.I
)


# What the giver of a figure counts, told in its sentence before the figure: "the agency,
# which counts only birds brought to its stations, gave a figure of about 700" (birds).
_COUNTS_ONLY = re.compile(
    r"\b(?:counts|counted|counting|count)\s+(?:only\s+|just\s+|solely\s+|all\s+)?"
    r"(?:the\s+)?(?P<w>[^\W\d_][\w'’-]*)",
    re.I,
)


def counted_by_giver(sentence_lead: str) -> str:
    """The plural noun a figure's giver is told to count in the words of its sentence
    before it ("which counts only birds brought to its stations": birds); "" when none."""
    told = list(_COUNTS_ONLY.finditer(sentence_lead))
    if not told:
        return ""
    found = told[-1]
    word = normal_unit(found["w"])
    plural = (word.endswith("s") and len(word) > 3) or irregular_plural(word)
    if not plural or word in _STOP_UNITS or word in WORD_VALUES:
        return ""
    return UNITS.get(word, word)


def refers_back(quote: str) -> bool:
    """Whether *quote* tells its figure only as a count by a general word ("the
    ministry's figure stands at 214"): what it counts is named before it."""
    return _COUNT_WORD.search(quote) is not None and not unit_in_words(quote)


def told_before(sentence_lead: str) -> Reading | None:
    """The reading of the last figure in *sentence_lead* (the words of a quote's sentence
    before it), read from the start of its clause, when it names a counted thing; else
    None."""
    figures = [f for f in extract_figures(sentence_lead) if f.value is not None]
    if not figures:
        return None
    last = figures[-1]
    start = max((m.end() for m in _CLAUSE_START.finditer(sentence_lead, 0, last.start)), default=0)
    told = read_quote(sentence_lead[start:], sentence_lead[:start], None)
    if told.value != last.value or is_time_unit(told.unit):
        return None
    if not told.unit and told.predicate not in PEOPLE_BY_FATE:
        return None  # ("180 have been recaptured": people told by their fate, none named)
    return told


_CLAUSE_START = re.compile(r"[.!?;:]\s|\n")
_ENDS_IN_FIGURE = re.compile(r"\d\s*$")
_CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:!?]|and\b|$)")


def ends_bare(quote: str, around: str) -> bool:
    """Whether *quote* ends on its figure and its clause ends there too (in *around*,
    its sentence): "was given 2,108,945." names nothing it counts."""
    at = around.find(quote)
    if at < 0 or not _ENDS_IN_FIGURE.search(quote) or _COUNT_WORD.search(quote):
        return False
    return _CLAUSE_ENDS.match(around, at + len(quote)) is not None


def last_counted(sentence: str) -> str:
    """What the last figure of *sentence* counts, read from the last comma or clause
    start before it ("…, and named her the winner with 2.4 million votes.": votes);
    "" when it names nothing."""
    figures = [f for f in extract_figures(sentence) if f.value is not None]
    if not figures:
        return ""
    last = figures[-1]
    start = max(sentence.rfind(",", 0, last.start) + 1, 0)
    for found in _CLAUSE_START.finditer(sentence, 0, last.start):
        start = max(start, found.end())
    return read_quote(sentence[start:], sentence[:start], None).unit


# Each counted thing the lexicon knows, and its other spellings ("ships": vessels, boats).
_SPELLINGS: dict[str, frozenset[str]] = {
    unit: frozenset(w for w, u in UNITS.items() if u == unit and w != unit)
    for unit in set(UNITS.values())
}


def measured_last(sentence: str, unit: str) -> Reading | None:
    """The reading of the last figure of *sentence* measuring *unit*, read from the start
    of its clause; None when none does."""
    figures = [f for f in extract_figures(sentence) if f.value is not None]
    for last in reversed(figures):
        if normal_unit(last.unit) != unit:
            continue
        start = max(sentence.rfind(",", 0, last.start) + 1, 0)
        for found in _CLAUSE_START.finditer(sentence, 0, last.start):
            start = max(start, found.end())
        told = read_quote(sentence[start:], sentence[:start], None)
        return told if told.value == last.value and told.unit == unit else None
    return None


# What a claim says in numbers depends only on the inputs above, so proposals keep it
# between calls: recomputing after an edit reads the figures of the changed claims
# only.  Bounded; cleared whole when full.
_CACHE: dict[tuple[Any, ...], Profile] = {}
_CACHE_MAX = 200_000


def remembered(key: tuple[Any, ...]) -> Profile | None:
    """The profile :func:`cached_profile` keeps for these inputs (in its order), if any."""
    return _CACHE.get(key)


def cached_profile(
    claim_id: uuid.UUID,
    article_id: uuid.UUID,
    quote: str,
    start: int,
    end: int,
    event_start: dt.date | None,
    published: dt.datetime | None,
    around: str = "",
    *,
    event_end: dt.date | None = None,
    lead: str = "",
    reading: Reading | None = None,
    before: str = "",
) -> Profile:
    """:func:`profile`, remembered for the same inputs (*reading*, if given, is
    :func:`read_quote` of them)."""
    key = (
        claim_id, article_id, quote, start, end, event_start, published, around, event_end, lead,
        before,
    )  # fmt: skip
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        found = _CACHE[key] = profile(
            claim_id, article_id, quote, start, end, event_start, published, around,
            event_end=event_end, lead=lead, reading=reading, before=before,
        )  # fmt: skip
    return found
