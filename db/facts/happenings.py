"""What happening a claim dates, and to what: "the levee gave way on 2 March" names a
failure of the levee; "the first soldiers arrived in October" the first deployment of
troops.

A happening is recognised by its kind, read from a general vocabulary of verbs and
event nouns (a failure: broke, failed, gave way, collapse; a deployment: sent,
deployed, arrived, arrival; an announcement; a death; a start; an end; …), and by the
*things* it happens to that can only have it once: a singular thing named with a
definite article ("the levee", "the announcement"), or anything marked as the first
("the first North Korean soldiers", "the initial 11,000 [troops]", "as a first step").
Plural things without such a mark ("troops were sent") may have the happening again
and again, so they name no single event.

Its *order* tells one happening of a kind from another: "" for the first or only one,
"second", "third", … for a later one; claims marking a repeat ("another", "additional",
"to replace", "again") name no single event at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import NamedTuple, TypeVar

from db.assist.dates import extract_dates
from db.facts.profile import (
    CAUGHT_ILLNESS,
    CLASSES,
    Profile,
    is_time_unit,
    normal_unit,
    unit_in_words,
)

# Kinds of happening, each by the verbs and nouns that name it (longest first within a
# kind is not needed: every form is a whole word or a fixed phrase).
KINDS: dict[str, tuple[str, ...]] = {
    "outbreak": (
        "broke out",
        "break out",
        "breaks out",
        "erupted",
        "outbreak",
        "ignited",
        "flared up",
        # a fire breaking out in what burned: "the warehouse caught fire"
        "caught fire",
        "catches fire",
        "caught alight",
        "burst into flames",
        "went up in flames",
    ),
    "failure": (
        "broke",
        "break",
        "breaks",
        "broken",
        "breach",
        "breached",
        "breaches",
        "burst",
        "bursts",
        "collapsed",
        "collapse",
        "collapses",
        "failed",
        "fails",
        "failure",
        "broke through",
        "break through",
        "burst through",
        "gave way",
        "give way",
        "gives way",
        "given way",
        "crumbled",
        "gave out",
        "toppled",
        "caved in",
        "fell in",
        "fell into",
        "fell onto",
        "came down",
        "crashed down",
        "crashed to the ground",
        "ruptured",
        "rupture",
        "overtopped",
        "overflowed",
    ),
    "deployment": (
        "sent",
        "send",
        "sends",
        "sending",
        "deployed",
        "deploy",
        "deploys",
        "deploying",
        "deployment",
        "dispatched",
        "dispatch",
        "dispatches",
        "arrived",
        "arrive",
        "arrives",
        "arriving",
        "arrival",
        "transferred",
        "transfer",
        "transfers",
        "shipped",
        "landed",
        "stationed",
        # coming ashore from ships: "came ashore at Kessin", "stepped off the ferries"
        "came ashore",
        "come ashore",
        "went ashore",
        "stepped ashore",
        "stepped off",
        "disembarked",
    ),
    # Fighters going into battle ("went into battle", "saw combat"): something they do
    # again and again, a single event only when marked as the first (or second, …).
    "combat": (
        "went into battle",
        "gone into battle",
        "go into battle",
        "went into combat",
        "gone into combat",
        "go into combat",
        "saw combat",
        "seen combat",
        "saw action",
        "seen action",
        "entered combat",
        "entered the fighting",
        "joined the fighting",
        "joined the battle",
    ),
    "withdrawal": (
        "withdrew",
        "withdrawn",
        "withdraw",
        "withdrawal",
        "pulled out",
        "retreated",
        "retreat",
        "departed",
        "departure",
    ),
    "death": ("died", "dies", "killed", "death", "perished"),
    "announcement": (
        "was called",
        "were called",
        "been called",
        "announced",
        "announce",
        "announces",
        "announcement",
        "declared",
        "declaration",
        "unveiled",
        "disclosed",
        "revealed",
        "proclaimed",
        # a warning, an alert or an order put out: "issued its first red alert on Monday"
        "issued",
        "issues",
    ),
    "start": (
        "began",
        "begun",
        "begins",
        "start",
        "started",
        "starts",
        "launched",
        "launch",
        "launches",
        "opened",
        "opening",
        "commenced",
        # a measure put in force: "the blockade was imposed", "imposed a curfew"
        "imposed",
        "imposes",
    ),
    "end": (
        "ended",
        "ends",
        "finished",
        "concluded",
        "closed",
        "closure",
        "halted",
        "stopped",
        "lifted",
        "shut",
        "shut down",
        "closed down",
        "sealed off",
        # a search or an operation ended: "the search was called off", "stood down"
        "called off",
        "call off",
        "calls off",
        "was called off",
        "were called off",
        "been called off",
        "stood down",
        "was stood down",
        "were stood down",
    ),
    # Something closed opened again: "the road reopened on Thursday".
    "reopening": ("reopened", "reopens", "reopening", "re-opened"),
    "agreement": (
        "signed",
        "signing",
        "agreed",
        "agreement",
        "ratified",
        "ratification",
        "treaty",
    ),
    "attack": (
        "attacked",
        "attack",
        "attacks",
        "struck",
        "strike",
        "strikes",
        "hit",
        "hits",
        "raids",
        "bombarded",
        "shelled",
        "bombed",
        "bombing",
        "raid",
        "raided",
        "invaded",
        "invasion",
        # shooting at a thing: "opened fire on the convoy", "fired on the boat"
        "opened fire on",
        "opened fire at",
        "fired on",
        "fired at",
        "shot at",
        # taken by storm or by surprise: "stormed the prison", "the storming of the jail",
        # "ambushed a convoy"
        "stormed",
        "storming",
        "assaulted",
        "assault",
        "ambushed",
        "ambush",
        "besieged",
        # forcing a way in: "gunmen blasted their way into the compound", "broke into"
        "blasted their way into",
        "fought their way into",
        "forced their way into",
        "shot their way into",
        "smashed their way into",
        "broke into",
    ),
    # Getting away from where one is held: "escaped", "the break-out", "a jailbreak".
    "escape": (
        "escaped",
        "escape",
        "escapes",
        "broke out of",
        "break out of",
        "breaks out of",
        "breakout",
        "break-out",
        "jailbreak",
        "prison break",
    ),
    # Taking people as hostages: "kidnapped", "the abduction".
    "abduction": (
        "abducted",
        "abduction",
        "kidnapped",
        "kidnapping",
        "taken hostage",
        "seized as hostages",
    ),
    # Taking people or things by force: arrested, detained, captured, seized, impounded,
    # boarded ("marines boarded the tanker").
    "arrest": (
        "arrested",
        "arrest",
        "detained",
        "detention",
        "captured",
        "seized",
        "seize",
        "seizes",
        "seizure",
        "impounded",
        "boarded",
        # caught again or caught at all: "police caught the gang's leader", "his capture"
        "caught",
        "capture",
        "recaptured",
        "apprehended",
        "rearrested",
    ),
    "sinking": (
        "sank",
        "sunk",
        "sink",
        "sinks",
        "sinking",
        "capsized",
        "capsize",
        "capsizes",
        "capsizing",
        "foundered",
        "went down",
        "overturned",
        "keeled over",
        "turned over",
    ),
    "grounding": ("ran aground", "run aground", "went aground", "grounding"),
    "collision": ("collided", "collision", "crashed into"),
    "crash": (
        "crashed",
        "crash-landed",
        "derailed",
        "derailment",
        "came off the rails",
        "left the rails",
        "jumped the rails",
        "left the tracks",
        "came off the tracks",
        "jumped the tracks",
        "went off the road",
        "left the road",
        "came off the road",
        "ran off the road",
        "veered off the road",
        "plunged",
    ),
    # A craft or a person lost to sight ("the plane vanished from radar", "the yacht that
    # disappeared on 3 June"): when it was last seen or heard of, not when it was found.
    "disappearance": ("vanished", "disappeared", "disappearance", "vanishing", "went missing"),
    "explosion": ("exploded", "blew up", "detonated"),
    # A substance let out ("chlorine leaked from a tank", "oil spilled"): the leak.
    "leak": ("leaked", "leaking", "spilled", "spilt", "spilling"),
    # Food or drink given out, sold or eaten on a day: what an outbreak is traced to.
    "serving": ("served", "ate", "eaten", "sold"),
    "evacuation": ("evacuated", "evacuation", "cleared of people"),
    # An occurrence brought to its end ("the blaze was put out"): not its outbreak.
    "extinguishing": ("put out", "extinguished", "doused", "burned itself out", "burnt out"),
    "flooding": (
        "flooded",
        "inundated",
        "submerged",
        # a river flooding: "the Orle burst its banks"
        "burst its banks",
        "burst their banks",
        "broke its banks",
        "broke their banks",
        "overflowed its banks",
    ),
    "contamination": ("contaminated", "polluted", "tainted", "contamination"),
    "detection": ("detected", "diagnosed", "discovered", "detection", "diagnosis"),
    "destruction": ("destroyed", "demolished", "razed", "flattened", "burned down", "burnt down"),
    "construction": ("built", "constructed", "completed", "erected"),
    "founding": ("founded", "established", "set up", "formed"),
    "adoption": ("adopted", "passed", "approved", "enacted"),
    "inauguration": ("inaugurated", "sworn in", "took office", "inauguration"),
    "birth": ("born", "birth"),
    "release": (
        "released",
        "freed",
        "release",
        "set free",
        # given back to those who held them: "handed back", "extradited"
        "handed back",
        "handed over",
        "extradited",
        "extradition",
        "repatriated",
    ),
    "occurrence": (
        "occurred",
        "happened",
        "took place",
        "made landfall",
        "landfall",
        "held",
        "took effect",
        "came into force",
    ),
    "resignation": ("resigned", "resignation", "resigns", "quit"),
    "election": ("elected", "election", "voted", "vote", "referendum"),
    "meeting": ("met", "meeting", "summit", "talks"),
}
NOUNS = {  # a kind in words, as in "the failure of the levee"
    "outbreak": "outbreak",
    "failure": "failure",
    "deployment": "deployment",
    "combat": "combat",
    "withdrawal": "withdrawal",
    "death": "death",
    "announcement": "announcement",
    "start": "start",
    "end": "end",
    "agreement": "agreement",
    "attack": "attack",
    "arrest": "arrest",
    "resignation": "resignation",
    "election": "election",
    "meeting": "meeting",
    "sinking": "sinking",
    "grounding": "grounding",
    "collision": "collision",
    "release": "release",
    "escape": "escape",
    "abduction": "abduction",
    "occurrence": "occurrence",
    "crash": "crash",
    "disappearance": "disappearance",
    "explosion": "explosion",
    "leak": "leak",
    "evacuation": "evacuation",
    "extinguishing": "extinguishing",
    "flooding": "flooding",
    "contamination": "contamination",
    "detection": "detection",
    "appearance": "coming to light",
}
# Nouns naming a happening by themselves ("the quake of 6 February"), by one name each.
OCCURRENCES = {
    "earthquake": "earthquake", "quake": "earthquake", "tremor": "earthquake",
    "explosion": "explosion", "blast": "explosion", "fire": "fire", "blaze": "fire",
    "wildfire": "fire", "flood": "flood", "flooding": "flood", "storm": "storm",
    "hurricane": "storm", "cyclone": "storm", "typhoon": "storm", "eruption": "eruption",
    "landslide": "landslide", "mudslide": "landslide", "avalanche": "avalanche",
    "crash": "crash", "accident": "accident", "disaster": "disaster", "tragedy": "disaster",
    "catastrophe": "disaster", "inferno": "fire",
    "ceasefire": "ceasefire", "truce": "ceasefire", "armistice": "ceasefire",
    "coup": "coup", "war": "war", "offensive": "offensive", "massacre": "massacre",
    "shooting": "shooting", "outage": "outage", "blackout": "outage", "spill": "spill",
    "leak": "leak", "riot": "riot", "uprising": "uprising", "siege": "siege",
    "lockdown": "lockdown", "shutdown": "shutdown", "heatwave": "heatwave",
    "drought": "drought", "epidemic": "epidemic", "pandemic": "pandemic",
    "outbreak": "outbreak", "crush": "crush", "stampede": "crush",
    # Fighting at a place and a moment, under its several names ("a gun battle": gunfight).
    "gunfight": "gunfight", "shootout": "gunfight", "firefight": "gunfight",
    "gunbattle": "gunfight",
    "manhunt": "manhunt", "protest": "protest",
    "demonstration": "protest", "cyberattack": "cyberattack", "hack": "cyberattack",
}  # fmt: skip
# Kinds that tell only that an occurrence happened ("the quake struck", "broke out").
_HAPPENED = frozenset(("attack", "outbreak", "start", "occurrence"))
# Kinds an occurrence brings about on other things ("the collapse flooded the valley",
# "the spill contaminated the river", "the blast killed five", "the explosion that
# destroyed the block"): what it did, not what befell it.
_CAUSED = frozenset(
    ("flooding", "contamination", "evacuation", "crash", "explosion", "death", "destruction")
)
# The forms that name the happening itself as a thing ("the collapse came at dawn").
EVENT_NOUNS = frozenset(
    """outbreak breach collapse failure rupture deployment dispatch arrival transfer
    withdrawal retreat departure death announcement declaration start launch opening
    closure agreement signing treaty ratification attack strike bombing raid invasion
    arrest detention resignation election vote referendum meeting summit talks sinking
    capsizing grounding collision release landfall derailment escape breakout break-out
    jailbreak capture storming assault ambush kidnapping abduction extradition""".split()
)
_FORM_KIND = {form: kind for kind, forms in KINDS.items() for form in forms}
FORM_KIND = _FORM_KIND  # a form ("sent") and the kind of happening it names ("deployment")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PHRASES = re.compile(  # the longest first: "was called off" is no "was called"
    r"\b("
    + "|".join(re.escape(f) for f in sorted(_FORM_KIND, key=len, reverse=True) if " " in f)
    + r")\b",
    re.I,
)
# A repeat of a happening of this kind: never the single event.
REPEAT = re.compile(
    r"\b(additional|another|extra|more(?!\s+than\b)|again|new batch|fresh|further|subsequent|"
    r"replace\w*|reinforcements?|rotation|next|latest|renewed)\b",
    re.I,
)
ORDINALS = {
    "first": "", "initial": "", "second": "second", "third": "third", "fourth": "fourth",
    "fifth": "fifth", "sixth": "sixth", "last": "last", "final": "last",
}  # fmt: skip
# An ordinal before a word of time dates something ("since last Saturday", "on the second
# day"); it does not tell one happening from another.
_TIME_WORDS = (
    r"(?:night|day|week|weekend|month|year|morning|afternoon|evening|hour|minute|time|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|spring|summer|"
    r"autumn|fall|winter)s?"
)
_ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + rf")\b(?!\s+{_TIME_WORDS}\b)", re.I)
FIRST = re.compile(r"(?<![\w-])(first|initial)(?![\w-])", re.I)
DEFINITE = re.compile(r"\b(the|its|their|his|her|this|that)\b", re.I)
# Words naming a group of something: "the first batch of troops" speaks of troops.
COLLECTIVE = frozenset(
    """batch batches group groups wave waves contingent contingents unit units number
    team teams convoy convoys party detachment squad lot set share part section sections
    stretch portion piece length""".split()
)
# Words that end a noun phrase: function words, auxiliaries, reporting verbs.
_STOP = frozenset(
    """a an the its their his her this that these those of in on at to from by for with
    near into onto over under after before since during until between across along
    around about above below beneath beside behind outside inside through throughout
    within without toward towards against among upon via per off out up down past
    beyond amid upstream downstream than as and or but nor so yet if when while where
    which who whom whose
    is are was were be been being am has have had do does did will would could should
    may might must can said says say told reported according believed thought expected
    feared not no also only just still already now then there here it they he she we
    you i what how all some any each both many much most several few other such own""".split()
)
# Words before a phrase naming where something happened, not what it happened to.
_PLACES = frozenset(
    """in on at to into onto near from across along around inside outside within toward
    towards over under above below beneath beside behind by off past beyond via
    throughout upstream downstream""".split()
)
# Words between a thing and the place it is at: "the levee at Kessin".
_PLACE_OF = frozenset("at in near of on outside".split())
# Heads that name no thing: parts of a date, a step, a time.
_EMPTY = frozenset(
    """step steps time times one ones part phase stage day days night nights morning
    evening afternoon week weeks month months year years hour hours minute minutes
    monday tuesday wednesday thursday friday saturday sunday weekend today yesterday
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_NUMBER_LABEL = re.compile(r"\b(?:No|Nr|Number)\.?\s*(?=\d)")
# A flight named by its number ("flight 212", "Flight TX 88"): one flight, as "the flight".
_FLIGHT_NUMBER = re.compile(r"\b(?:the\s+)?flight\s+(?:[A-Z]{1,3}\s?)?\d+\b", re.I)
# A fight with guns in two words: "a gun battle", "the gun fight".
_GUNFIGHT = re.compile(r"\bgun[\s-]+(?:battle|fight)\b", re.I)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*|[^\w\s]", re.UNICODE)


class Happening(NamedTuple):
    kind: str  # one of KINDS
    thing: str  # what it happens to, one word, lowercased ("levee", "troops")
    order: str  # "" for the first or only one, "second", "third", … for a later one

    def describe(self, first: bool = False) -> str:
        """In words; *first* when a claim marks it as the first."""
        noun = NOUNS.get(self.kind, self.kind)
        if not self.thing:  # "derailed late on Thursday": the one crash told of
            return f"the {self.order} {noun}" if self.order else f"the {noun}"
        if self.thing in EVENT_NOUNS or self.kind == "event":  # "the collapse", "the quake"
            if first and not self.order:
                return f"the first {self.thing}"  # "the first wave"
            return f"the {self.order} {self.thing}" if self.order else f"the {self.thing}"
        if first and not self.order:
            return f"the first {noun} of {self.thing}"
        if self.order:
            return f"the {self.order} {noun} of the {self.thing}"
        return f"the {noun} of the {self.thing}"


def speaks_of_it(p: Profile) -> bool:
    """Whether the claim tells of a happening to "it", or to what a relative pronoun
    opening it stands for ("which capsized on 14 May"), named earlier in its sentence."""
    return bool(_IT.search(p.quote) or _RELATIVE.match(p.quote)) and bool(kinds_in(p.quote))


def sentence_lead(p: Profile) -> str:
    """The words before the quote within its sentence."""
    if p.around and (at := p.around.find(p.quote)) > 0:
        return p.around[:at]
    cut = max(p.lead.rfind(". "), p.lead.rfind("\n"))
    return p.lead[cut + 1 :] if cut >= 0 else p.lead


# Catching an illness is no capture: "health workers caught the fever".
_CAUGHT_ILL = re.compile(CAUGHT_ILLNESS, re.I)
# A case of an illness confirmed, recorded or identified is found by a test, as one
# detected or diagnosed is: "the first case was confirmed on 12 April", "laboratories
# confirmed the first case" (a count, "14 cases have been confirmed", names no one case).
_CASE_FOUND = re.compile(
    r"\b(?:case|cases|infection|infections)\b(?:\s+[\w'’-]+){0,5}?\s+(?:was|were|been|is|are)\s+"
    r"(?:first\s+)?(?:confirmed|recorded|registered|identified)\b"
    r"|\b(?:confirmed|recorded|registered|identified)\s+(?:the|a|an|its|their)\s+"
    r"(?:(?:first|initial|new|known)\s+)*(?:case|infection)\b",
    re.I,
)


def kinds_in(text: str) -> set[str]:
    """The kinds of happening *text* names."""
    lower = text.lower()
    if "caught" in lower or "contract" in lower or "catch" in lower:
        lower = _CAUGHT_ILL.sub(" ", lower)
    kinds = {_FORM_KIND[m.group(1)] for m in _PHRASES.finditer(lower)}
    if _CASE_FOUND.search(lower):
        kinds.add("detection")
    if kinds:  # "broke out" is an outbreak, not a break
        lower = _PHRASES.sub(" ", lower)
    kinds.update(_FORM_KIND[w] for w in _WORD.findall(lower) if w in _FORM_KIND)
    return kinds


# Prefixes naming a ship ("the MV Harrow Star").
_VESSEL_PREFIXES = frozenset(("MV", "MS", "SS", "HMS", "RMS", "MT", "FV", "USS", "M/V"))
_IT = re.compile(r"\bit\b", re.I)
# A quote opening with a relative pronoun tells of what comes just before it.
_RELATIVE = re.compile(r"\W*(?:which|who|that)\b", re.I)
# Auxiliaries between a thing and what befell it ("the stall was closed", "the board had
# declared …"), and words of manner or time right after a verb, which are no object of
# it ("capsized late on Thursday"), nor the thing when between it and its verb ("the heat
# finally broke": the heat).
_AUX = frozenset(
    """is are was were be been being has have had will would could should may might must
    not also already reportedly""".split()
)
_ADVERBS = frozenset(
    """late early overnight again soon later earlier shortly suddenly today yesterday last
    tonight finally eventually initially officially formally partially partly completely
    fully briefly apparently allegedly actually gradually quickly slowly abruptly""".split()
)
# One thing under several names: the ship, the boat, the vessel; the mine and the pit.
THINGS = {
    "ship": "vessel", "boat": "vessel", "vessel": "vessel", "craft": "vessel",
    "plane": "aircraft", "aircraft": "aircraft",
    # A flight lost or down is the aircraft flying it: "the flight vanished", "flight 212".
    "flight": "aircraft",
    "mine": "mine", "pit": "mine", "colliery": "mine",
    # A border opened or closed is its crossing opened or closed: "the border was opened on
    # 4 March" and "opened the crossing on Friday" tell of one opening.
    "border": "border", "frontier": "border", "crossing": "border",
}  # fmt: skip
# The kinds a thing called by its general name may be: "the vessel" may be the ferry
# (when the claims speak of one ferry and no tanker), not both.
KINDS_OF_THING = {
    "vessel": frozenset(
        """ferry barge tanker trawler freighter tug tugboat liner catamaran steamer yacht
        dinghy dredger hovercraft schooner cutter frigate warship submarine""".split()
    ),
    "aircraft": frozenset("airliner jet helicopter seaplane glider airship".split()),
    # "The bridge" may be the footbridge, "the building" the hotel or the block of flats.
    "bridge": frozenset("footbridge viaduct flyover overpass aqueduct walkway".split()),
    "building": frozenset(
        """hotel block tower school church mosque temple synagogue warehouse factory mill
        office offices mall hall arena stadium theatre theater cinema house hostel
        restaurant nightclub club bar pub shop store supermarket library museum gym
        prison hospital""".split()
    ),
    "vehicle": frozenset("bus coach minibus lorry truck van car tram".split()),
}
# Kinds of thing a name may follow: "the ferry Solenne Marit" is the ferry, and the
# Solenne Marit.
_KINDS = KINDS_OF_THING["vessel"] | KINDS_OF_THING["aircraft"]


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))


def _thing(word: str) -> str:
    word = word.lower()
    return THINGS.get(word) or normal_unit(word)


# A phrase of happening ending in "into" or "onto" ("fell into", "crashed into") takes
# no object: what follows is where it went ("the footbridge fell into the water"), and
# what comes before is what befell.  Its mark is followed by one that is no word.
_TOWARDS = ("into", "onto")


def _phrase_mark(m: re.Match[str]) -> str:
    return " | ¦ " if m.group(1).lower().endswith(_TOWARDS) else " | "


def _heads(text: str, settings: set[str] | None = None) -> list[tuple[str, bool, str]]:
    """The head nouns of the definite phrases in *text* ("the levee near Kessin" →
    levee), each with whether the phrase is marked as the first and the place named
    just after it ("kessin"), else the name just before it ("the Orsk levee": "orsk";
    "" when there is neither).

    An occurrence named after "in", "by" or "from" is where or by what something else
    happened ("three people died in the blast"), not what befell: it is a head only when
    the date follows it in its phrase ("in the blast on Monday night"), and is added to
    *settings* (when given).  One named after "after", "before", "since" or "following"
    is a point of reference, not the dated event, when a date comes before it ("on
    Thursday, three days after the explosion")."""
    text = _NUMBER_LABEL.sub("", text)  # "the No. 3 tunnel" is the tunnel
    if "light" in text:
        text = _FLIGHT_NUMBER.sub("the flight", text)  # "flight 212 vanished": the flight
    text = _GUNFIGHT.sub("gunfight", text)  # "a gun battle" is a gunfight
    tokens = _TOKEN.findall(_PHRASES.sub(_phrase_mark, text))  # "gave way" ends a phrase too
    heads = []
    for i, token in enumerate(tokens):
        lower = token.lower()
        before = tokens[i - 1].lower() if i else ""
        if lower in ("a", "an"):
            if _FORM_KIND.get(before) in _IN_FORCE:
                # "Imposed a curfew", "declared a state of emergency", "lifted a ban": a
                # measure put in force or ended is the one the story tells of, though
                # first named with "a".
                measure = _indefinite_object(tokens, i + 1)
                if measure:
                    heads.append((measure, False, ""))
                    continue
            # "A fire broke out": an occurrence is told of once whatever its article.
            follow = [t.lower() for t in tokens[i + 1 : i + 3]]
            noun = next((w for w in follow if w in OCCURRENCES), "")
            event = "" if noun else next((w for w in follow if w in EVENT_NOUNS), "")
            if event and _begun_after(tokens, i + 1 + follow.index(event)):
                # "A national strike of rail workers that began on Monday", "an invasion
                # which started on 3 May": what begins and runs on is begun once, so the
                # one its story tells of, though named with "a".
                heads.append((event, False, ""))
                continue
            at = i + 1 + follow.index(noun) if noun else i
            if noun and _names_other(tokens, at):
                continue  # "a fire engine": the engine
            if noun and "new" not in follow[: follow.index(noun)]:
                if before in _SETTINGS and _dated_setting(tokens, i, at):
                    heads.append((noun, False, ""))  # "destroyed in an explosion on 11 May"
                    if settings is not None:
                        settings.add(noun)
                elif before not in _PLACES and not _referred_to(tokens, i, at):
                    if _opens(before) or _date_follows(tokens, at):
                        heads.append((noun, False, ""))
            continue
        if _TIME_OWNER.fullmatch(token):  # "Monday's explosion", "last night's fire"
            follow = [t.lower() for t in tokens[i + 1 : i + 3]]
            noun = next((w for w in follow if w in OCCURRENCES or w in EVENT_NOUNS), "")
            start = i  # "Sunday night's", "last week's": the day is named from here
            while start and tokens[start - 1].lower() in _OWNER_LEAD:
                start -= 1
            if noun and not any(_dateish(tokens, j) for j in range(start)):
                heads.append((noun, False, ""))
                if settings is not None and start and tokens[start - 1].lower() in _SETTINGS:
                    settings.add(noun)  # "died in Monday's blast"
            continue
        owner = _OWNER.fullmatch(token) is not None  # "Kaltria's power grid": the grid
        if not (DEFINITE.fullmatch(lower) or FIRST.fullmatch(lower) or lower == "whose" or owner):
            continue  # ("the hall, whose roof fell in": the roof)
        if before in _PLACES and before not in _SETTINGS:
            continue  # "landed on the island": where it happened, not what it happened to
        first = bool(FIRST.fullmatch(lower))
        head, place, named = "", "", ""
        kind_of, name = "", False  # "the ferry Harrow Star", "the MV Harrow Star": a vessel
        for at in range(i + 1, min(i + 7, len(tokens))):
            w = tokens[at].lower()
            if head and tokens[at - 1][:1].isupper() and head not in _EMPTY:
                named = head  # "the Orsk levee": a name before the thing
            if w == "of" and head in COLLECTIVE:
                head = ""  # "the first batch of troops": the troops
                continue
            if FIRST.fullmatch(w) or _ORDINAL.fullmatch(w):
                first = first or bool(FIRST.fullmatch(w))
                continue
            if w[0].isdigit():
                if head and not kind_of and _type_number(tokens, at):
                    # "The Merrow 300 that disappeared": a maker's name and a model number
                    # name an aircraft by its type, as "the Merrow 300 airliner" would.
                    kind_of, name, head = "aircraft", True, tokens[at - 1].lower()
                continue  # "the initial 11,000 sent": the count is not the thing
            if (w in EVENT_NOUNS or w in OCCURRENCES) and not _names_other(tokens, at):
                head = w  # "the announcement", "the main quake": the event itself
                break
            if not head and w in _FORM_KIND and _modifies(tokens, at + 1):
                continue  # "the evacuation order": the order
            if head and w in _ADVERBS:
                break  # "burst its banks late on Monday": the banks
            if not w[0].isalpha() or w in _STOP or w in _FORM_KIND:
                if head and w in _PLACE_OF and at + 1 < len(tokens):
                    after = tokens[at + 1]
                    if after[:1].isupper() and after.lower() not in _EMPTY:
                        place = after.lower()  # "the levee at Kessin"
                if head and (w in _FORM_KIND or w == "|") and _object_at(tokens, at + 1):
                    head = ""  # "the government announced the plan": who did it
                elif head and w in _AUX and _acts_at(tokens, at):
                    head = ""  # "the board had declared an outbreak": who did it
                break
            head = w
            if w in THINGS or w in _KINDS or tokens[at] in _VESSEL_PREFIXES:
                kind_of, name = THINGS.get(w, w if w in _KINDS else "vessel"), False
            elif kind_of:
                name = tokens[at][:1].isupper()
        if before in _RELATIVES and head and i >= 2 and _acts_on_antecedent(tokens, at):
            # "A curfew that the government imposed on Sunday": the phrase after the
            # relative pronoun did it; what befell is the noun the clause is about.
            antecedent = tokens[i - 2].lower()
            if (
                antecedent[:1].isalpha()
                and antecedent not in _STOP
                and antecedent not in _EMPTY
                and antecedent not in _FORM_KIND
                and not _plural(antecedent)
            ):
                heads.append((antecedent, False, ""))
            continue
        if before in _SETTINGS:
            if not (head in OCCURRENCES or head in EVENT_NOUNS):
                continue  # "trapped in the mine": where it happened
            if not _dated_setting(tokens, i, at):
                continue  # "injured in the blast, who left hospital on Friday"
            if settings is not None:
                settings.add(head)
        elif head in OCCURRENCES and _referred_to(tokens, i, at):
            continue  # "on Thursday, three days after the blast": the blast is not dated
        elif head in OCCURRENCES and not _opens(before) and not _date_follows(tokens, at):
            # What something else was done to or about ("residents who fled the blast
            # returned home on Friday", "the cause of the explosion was found on Friday"):
            # the date is of what was done, unless it follows the occurrence's own words.
            continue
        alias = ""
        if kind_of and name:
            # A thing by its own name: what kind of thing it is, and the name itself
            # ("the ferry Solenne Marit" is the ferry, and the Solenne Marit).
            alias, head, named = head, kind_of, ""
        if head and head not in _EMPTY:
            heads.append((head, first, place or (named if named != head else "")))
        if alias and alias not in _EMPTY and alias not in _STOP:
            heads.append((alias, first, ""))
    heads.extend(_names(tokens))
    return heads


def _type_number(tokens: list[str], at: int) -> bool:
    """Whether tokens[at], a whole number of two to four digits, follows a capitalised name
    and ends its phrase: a model number ("the Merrow 300 that vanished"), not a count ("the
    Kessin 40 were freed" reads no type) nor a label of the next noun ("the Unit 4 reactor")."""
    token, name = tokens[at], tokens[at - 1]
    if not (token.isdigit() and 2 <= len(token) <= 4 and name[:1].isupper() and name.isalpha()):
        return False
    after = tokens[at + 1] if at + 1 < len(tokens) else ""
    return not (
        after[:1].isalpha()
        and after[:1].islower()
        and after.lower() not in _STOP
        and after.lower() not in _FORM_KIND
        and after.lower() not in _AUX
        and after.lower() not in _RELATIVES
    )


# Kinds of happening that put a measure in force or end it ("imposed a curfew", "lifted
# a ban"): their object named with "a" is the one measure of the story.
_IN_FORCE = frozenset(("start", "end"))
_RELATIVES = frozenset(("that", "which"))


def _indefinite_object(tokens: list[str], at: int) -> str:
    """The head noun of a singular phrase opening at tokens[at] after "a" or "an" ("a
    night-time curfew": curfew), when it names no occurrence (those are read as such);
    "" when there is none."""
    head = ""
    for token in tokens[at : at + 4]:
        w = token.lower()
        if not w[:1].isalpha() or w in _STOP or w in _FORM_KIND:
            break
        head = w
    if not head or head in _EMPTY or _plural(head) or head in OCCURRENCES:
        return ""
    return head if head not in EVENT_NOUNS else ""


def _begun_after(tokens: list[str], at: int) -> bool:
    """Whether the event noun at tokens[at] is followed, after a phrase of its own ("of
    rail workers", "by dockers"), by a relative clause telling that it began ("… that
    began on Monday", "…, which started on 3 May")."""
    k, n = at + 1, len(tokens)
    while k < n and k - at <= 8 and tokens[k][:1].isalpha() and tokens[k].lower() not in _RELATIVES:
        if tokens[k].lower() in _FORM_KIND:
            return False  # a verb of its own ("a strike hit the port …"): no phrase of it
        k += 1
    if k < n and tokens[k] == ",":
        k += 1
    if not (k < n and tokens[k].lower() in _RELATIVES):
        return False
    k += 1
    while k < n and tokens[k].lower() in _AUX:
        k += 1
    return k < n and _FORM_KIND.get(tokens[k].lower()) == "start"


def _acts_on_antecedent(tokens: list[str], at: int) -> bool:
    """Whether the phrase ending before tokens[at], in a relative clause ("… that the
    government | imposed on Sunday"), is followed (after auxiliaries) by a verb of
    happening with no object of its own: the clause tells what it did to the noun before
    the pronoun."""
    while at < len(tokens) and tokens[at].lower() in _AUX:
        at += 1
    return (
        at < len(tokens)
        and tokens[at].lower() in _FORM_KIND
        and tokens[at].lower() not in EVENT_NOUNS
        and not _object_at(tokens, at + 1)
    )


# Words before an occurrence naming what something else happened in or was done by
# ("died in the blast", "wrecked by the explosion", "injuries from the fire", "called to
# the shooting").
_SETTINGS = frozenset(("in", "by", "from", "throughout", "to"))
# Words before an occurrence that date something else by it ("three days after the blast").
_REFERENCE = frozenset(("after", "before", "since", "following", "until"))
_DAY_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split()
)
_MONTH_NAMES = frozenset(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_PARTS_OF_DAYS = frozenset("night week weekend month year morning evening afternoon".split())
# A day owning what happened on it: "Monday's explosion", "last night's fire".
_TIME_OWNER = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"night|morning|evening|afternoon|week|weekend)['’]s",
    re.I,
)
_OWNER_LEAD = frozenset(("last", "this", "saturday", "sunday", "monday", "tuesday",
                         "wednesday", "thursday", "friday"))  # fmt: skip
# Words between an occurrence and the date that dates it: the time of day ("in the blast
# late on Monday", "at about 11pm on", "in the early hours of"), a count of days ("five
# days ago").
_TIME_OF_DAY = frozenset(
    """late early shortly just about around after before on at in of the a an am pm
    through throughout into until overnight
    night evening morning afternoon hours hour minutes midnight noon midday dawn dusk
    daybreak nightfall lunchtime teatime days day weeks some few one two three four five
    six seven eight nine ten eleven twelve""".split()
)
# A name owning the thing after it ("Kaltria's power grid", "Orsk's levee") makes it
# definite, as "the" does.
_OWNER = re.compile(r"[A-Z][^\W\d_]*['’]s")
# Words opening a place after an occurrence: "the blast at the Harwick plant on Monday".
_PLACE_WORDS = frozenset("at in near outside on off along beside behind opposite of".split())
_SAYING = frozenset("said says told reported added stated according".split())


def _bare_word(token: str) -> str:
    """A token lowercased without a possessive ending ("Monday's": "monday")."""
    lower = token.lower()
    return lower[:-2] if lower.endswith(("'s", "’s")) else lower


def _dateish(tokens: list[str], at: int) -> bool:
    """Whether a date is named at tokens[at]: a day ("Monday", "yesterday"), a month
    ("March", capitalised), "ago", or "last", "this" or "earlier" before a part of a day,
    a week or a month ("last night", "this week")."""
    token = tokens[at]
    w = _bare_word(token)
    if w in _DAY_NAMES or w == "ago":
        return True
    if w in _MONTH_NAMES and token[:1].isupper():
        return True
    if w in ("last", "this", "earlier") and at + 1 < len(tokens):
        after = _bare_word(tokens[at + 1])
        return after in _PARTS_OF_DAYS or after in _DAY_NAMES
    return False


def _date_follows(tokens: list[str], at: int) -> bool:
    """Whether a date follows the occurrence named at tokens[at] in its phrase: after words
    of time ("in the blast late on Monday", "at about 11pm on 3 May"), a short place
    ("at the Harwick plant on 3 May") or in a relative clause of it ("the blast, which
    tore through the flats on Monday"); not after a verb of another clause ("injured in
    the blast were discharged on Friday")."""
    n = len(tokens)
    k = at + 1
    if k < n and tokens[k] == ",":
        k += 1
    if k < n and tokens[k].lower() in ("which", "that"):
        for j in range(k + 1, min(k + 16, n)):
            if _dateish(tokens, j):
                return True
            if tokens[j] in (".", ";", ":", "!", "?") or tokens[j].lower() in _SAYING:
                return False
        return False
    placed, words = False, 0  # within a place; its lowercase words so far
    for j in range(at + 1, min(at + 14, n)):
        token = tokens[j]
        w = token.lower()
        if _dateish(tokens, j):
            return True
        if w in _PLACE_WORDS:
            placed, words = True, 0
        elif w in _TIME_OF_DAY or w[0].isdigit() or token in (",", ":"):
            continue
        elif token[:1].isupper() and token[:1].isalpha():
            continue  # a name: "at Alder House"
        elif placed and w[:1].isalpha() and w not in _STOP and w not in _FORM_KIND and words < 2:
            words += 1  # "at the paint works"
        else:
            return False
    return False


# Words after which an occurrence opens a clause, as what it tells of ("when a blast
# tore through the block", "police said the explosion happened on Monday").
_OPENERS = frozenset(
    """and but or nor so yet as when while once until till because after before since
    following amid amidst during that which where whereas though although if then
    said says say told believe believes believed think thinks thought confirmed stated
    added reported explained insisted suggested know knew""".split()
)


# Words an occurrence before them names a kind of ("the fire crews", "the blast site").
_OF_AN_OCCURRENCE = frozenset(
    """crew crews engine engines station stations service services brigade brigades
    fighter fighters officer officers chief chiefs site sites zone scene area cordon
    victims survivors alarm alarms door doors exit exits escape safety risk wave radius
    warden wardens hydrant hydrants truck trucks appliance appliances tender tenders
    investigators inquiry investigation damage debris insurance""".split()
)


def _names_other(tokens: list[str], at: int) -> bool:
    """Whether the occurrence at tokens[at] only says what kind of thing follows it ("the
    fire crews", "a fire engine", "the blast site")."""
    return at + 1 < len(tokens) and tokens[at + 1].lower() in _OF_AN_OCCURRENCE


def _opens(word: str) -> bool:
    """Whether an occurrence after *word* (lowercased; "" at the start) opens a clause."""
    return not word or not word[0].isalnum() or word in _OPENERS


def _dated_setting(tokens: list[str], start: int, at: int) -> bool:
    """Whether an occurrence named from tokens[start] to tokens[at], after a word of setting
    ("died in the blast"), is what the date of the words dates: no date before it, and
    one following it in its phrase."""
    return not any(_dateish(tokens, j) for j in range(start)) and _date_follows(tokens, at)


def _referred_to(tokens: list[str], start: int, at: int) -> bool:
    """Whether the occurrence named from tokens[start] to tokens[at] is one something else
    is dated by ("on Thursday, three days after the explosion"): it follows "after",
    "before", "since" …, a date comes before it, and no verb tells what it did ("on
    Sunday night, after the blast tore through the hall" dates the blast)."""
    if not start or tokens[start - 1].lower() not in _REFERENCE:
        return False
    if at + 1 < len(tokens) and _verb_like(tokens[at + 1]):
        return False
    return any(_dateish(tokens, j) for j in range(start - 1))


def _verb_like(token: str) -> bool:
    """Whether *token*, right after an occurrence, may be a verb telling what it did ("the
    blast tore …", "the fire was …"): a word of happening, an auxiliary, or a lowercase word
    that is no function word, word of time or place."""
    w = token.lower()
    if token == "|" or w in _FORM_KIND or w in _AUX:
        return True
    return (
        token[:1].isalpha()
        and token[:1].islower()
        and w not in _STOP
        and w not in _TIME_OF_DAY
        and w not in _PLACE_WORDS
    )


# Kinds that befall their subject whatever the voice ("the Solenne Marit sank", "the
# minister resigned"); a name before any other kind is what befell it only in the passive
# ("Aksel Myhre was arrested"): "Pyongyang announced …" names who acted.
_INTRANSITIVE = frozenset(("sinking", "grounding", "death", "resignation", "failure", "birth"))
_PASSIVE = frozenset(("was", "were", "been", "be", "being"))


def _names(tokens: list[str]) -> list[tuple[str, bool, str]]:
    """Things named by a proper name without an article that a happening befalls:
    "Aksel Myhre, who was arrested on 16 May" → myhre; "Lena Ostrova resigned" → ostrova.
    A name opening a sentence must have two words ("Police arrested …" names no one)."""
    found = []
    at, n = 0, len(tokens)
    while at < n:
        token = tokens[at]
        if not (token[:1].isupper() and token[:1].isalpha()):
            at += 1
            continue
        end = at
        while end < n and tokens[end][:1].isupper() and tokens[end][:1].isalpha():
            end += 1
        before = tokens[at - 1].lower() if at else "."
        run = [t.lower() for t in tokens[at:end]]
        start = at
        at = end
        opening = before in (".", "!", "?", "|", "—", "–", "-", ":", ";", '"', "“")
        if DEFINITE.fullmatch(before) or before in _PLACES or before in _STOP - {"and"}:
            continue  # "the Solenne Marit" is read as a definite phrase; "in Brask" a place
        if (opening or start == 0) and len(run) < 2:
            continue
        if run[-1] in _EMPTY or any(w in _STOP or w in _FORM_KIND for w in run):
            continue
        # What follows: ", who was arrested", "was arrested", "resigned".
        k = end
        if k < n and tokens[k] == ",":
            k += 1
        if k < n and tokens[k].lower() in ("who", "which"):
            k += 1
        passive = False
        while k < n and tokens[k].lower() in _AUX:
            passive = passive or tokens[k].lower() in _PASSIVE
            k += 1
        if k >= n:
            continue
        verb = tokens[k].lower()
        kind = _FORM_KIND.get(verb)
        if kind is None:
            continue
        if passive or (kind in _INTRANSITIVE and not _object_at(tokens, k + 1)):
            found.append((run[-1], False, ""))
    return found


def _modifies(tokens: list[str], at: int) -> bool:
    """Whether a word of happening before tokens[at] names a kind of the thing that
    follows it ("the evacuation order", "the rescue teams"), not what befell the phrase."""
    if at >= len(tokens):
        return False
    w = tokens[at]
    lower = w.lower()
    return (
        w[:1].isalpha()
        and w[:1].islower()
        and lower not in _STOP
        and lower not in _FORM_KIND
        and lower not in _EMPTY
        and lower not in _ADVERBS
        and not (lower.endswith("ly") and len(lower) > 4)
    )


def _object_at(tokens: list[str], at: int) -> bool:
    """Whether a verb's object starts at tokens[at] ("… announced the plan", "… met
    union leaders"), so the phrase before the verb names who acted, not what it
    happened to ("the levee failed on Sunday", "the troops arrived in Russia")."""
    if at >= len(tokens):
        return False
    w = tokens[at].lower()
    if w in ("the", "a", "an", "its", "their", "his", "her", "these", "those"):
        return True
    if w in _ADVERBS or (w.endswith("ly") and len(w) > 4):
        return False
    if at + 1 < len(tokens) and tokens[at + 1].lower() in _EMPTY:
        return False  # "came off the rails five days ago": a time, not an object
    return w[0].isalnum() and w not in _STOP and w not in _EMPTY and w not in _FORM_KIND


def _acts_at(tokens: list[str], at: int) -> bool:
    """Whether, from tokens[at] on, auxiliaries lead to a verb of happening with an
    object ("… had declared an outbreak"): the phrase before names who acted."""
    while at < len(tokens) and tokens[at].lower() in _AUX:
        at += 1
    return at < len(tokens) and tokens[at].lower() in _FORM_KIND and _object_at(tokens, at + 1)


# Kinds telling that an occurrence began ("the fire broke out", "the blaze started").
ONSET = frozenset(("outbreak", "start"))


def tells_onset(p: Profile) -> bool:
    """Whether the claim dates when its occurrence began ("the fire broke out on Sunday"),
    by the words of its quote, else of its sentence up to it ("… the fire, which | started
    on 8 November"), not when it was under way or put out."""
    kinds = kinds_in(p.quote) or kinds_in(f"{sentence_lead(p)} {p.quote}")
    return bool(kinds) and kinds <= ONSET | {"occurrence"} and bool(kinds & ONSET)


def marks_first(p: Profile) -> bool:
    """Whether the claim (or its sentence before it) marks what it speaks of as the first."""
    return bool(FIRST.search(f"{sentence_lead(p)} {p.quote}"))


# Words telling that the date after them is when something was said: "police said on
# Tuesday", "told reporters late on Friday", "said in a statement on Monday".
_SAID_THEN = re.compile(
    r"\b(?:said|says|told\s+[\w'’-]+|reported|added|stated)"
    r"(?:\s+(?:late|early|later|earlier|in\s+a\s+statement|at\s+an?\s+[\w-]+(?:\s+conference)?))?"
    r"(?:\s+(?:on|in))?\s*$",
    re.I,
)


def said_then(p: Profile) -> bool:
    """Whether the date of the claim's quote is when something was said ("the blast was
    caused by a gas leak, investigators said on Thursday"), not when it happened."""
    if p.event_first is None or not _SAYING_WORD.search(p.quote):
        return False
    return _SAID_THEN.search(_before_date(p)) is not None


# Words telling that what the claim dates is yet to happen: "the road is expected to
# reopen on Friday", "the order will be lifted on Monday", "is due to reopen".
_FORETOLD = re.compile(
    r"\b(?:will|shall|would(?!\s+have\b)|(?:is|are|was|were)\s+(?:expected|due|set|"
    r"scheduled|planned|likely|hoped)\s+to|expects?\s+to|plans?\s+to|hopes?\s+to|"
    r"could(?!\s+have\b)|might(?!\s+have\b)|should(?!\s+have\b))\b",
    re.I,
)


def foretold(p: Profile) -> bool:
    """Whether the claim dates what is yet to happen, or might ("the road is expected to
    reopen on Friday"), not what happened: words of the future before its date."""
    return _FORETOLD.search(p.quote) is not None and _FORETOLD.search(_before_date(p)) is not None


def _before_date(p: Profile) -> str:
    """The words of the quote up to its first date (all of it when it has none), with
    a word of time opening the date ("by Saturday": "… by")."""
    key = before_key(p)
    found = _BEFORE_DATE.get(key)
    if found is None:
        found = _keep(_BEFORE_DATE, key, _read_before_date(p.quote, p.published))
    return found


# The words before the first date of each quote, read once (reading dates is slow).
_BEFORE_DATE: dict[tuple[str, dt.date | None], str] = {}


K = TypeVar("K")
V = TypeVar("V")


def _keep(cache: dict[K, V], key: K, value: V) -> V:
    """Keep *value* in one of the readings' caches, emptied whole when full."""
    if len(cache) >= _READ_MAX:
        cache.clear()
    cache[key] = value
    return value


def remember_before(key: tuple[str, dt.date | None], words: str) -> bool:
    """Keep *words* as what :func:`_before_date` reads for *key* (a reading stored
    earlier: db.facts.told), within the cache's size; False if one is kept already."""
    if key in _BEFORE_DATE:
        return False
    _keep(_BEFORE_DATE, key, words)
    return True


def before_key(p: Profile) -> tuple[str, dt.date | None]:
    """What :func:`_before_date` reads of a claim (it is kept by it; and stored by it:
    db.facts.told)."""
    return (p.quote, p.published)


def _read_before_date(quote: str, published: dt.date | None) -> str:
    dates = [d for d in extract_dates(quote, published) if d.first is not None]
    if not dates:
        return quote
    opening = _DATE_OPENING.match(quote, dates[0].start)
    return quote[: opening.end() if opening else dates[0].start]


_DATE_OPENING = re.compile(r"(?:by|before|until|till|on|in|since)\b", re.I)
# Words making a date a bound, not when something happened: "80 had returned home by
# Saturday", "before 3 May", "until Friday".
_BOUND = re.compile(r"\b(?:by|before|until|till|up\s+to|no\s+later\s+than)\s*$", re.I)
_BOUND_WORD = re.compile(r"\b(?:by|before|until|till|up\s+to|later)\b", re.I)


def bounded(p: Profile) -> bool:
    """Whether the claim's date is a bound ("had returned home by Saturday"), not the day
    what it names happened."""
    if p.event_first is None or not _BOUND_WORD.search(p.quote):
        return False
    return _BOUND.search(_before_date(p)) is not None


def dates_it(p: Profile) -> bool:
    """Whether the claim's date tells when what it names happened: not when something was
    said (:func:`said_then`), not what is yet to happen (:func:`foretold`), not a bound
    (:func:`bounded`)."""
    return not (said_then(p) or foretold(p) or bounded(p))


_SAYING_WORD = re.compile(r"\b(?:said|says|told|reported|added|stated)\b", re.I)


def happenings(p: Profile) -> set[Happening]:
    """The single happenings the claim names (none if it marks a repeat)."""
    return _read(p)[0]


def places(p: Profile) -> dict[str, str]:
    """The place named just after each thing of the claim ("the levee at Kessin")."""
    return _read(p)[1]


_READ: dict[tuple[str, str, str, str], tuple[set[Happening], dict[str, str]]] = {}
_READ_MAX = 200_000


def read_key(p: Profile) -> tuple[str, str, str, str]:
    """What :func:`happenings` and :func:`places` read of a claim (they are kept by it;
    and stored by it: db.facts.told)."""
    return (p.quote, p.lead, p.unit, p.around)


def remember_read(
    key: tuple[str, str, str, str], read: tuple[set[Happening], dict[str, str]]
) -> bool:
    """Keep *read* as what :func:`_read` reads for *key* (a reading stored earlier:
    db.facts.told), within the cache's size; False if one is kept already."""
    if key in _READ:
        return False
    _keep(_READ, key, read)
    return True


def _read(p: Profile) -> tuple[set[Happening], dict[str, str]]:
    """:func:`happenings` and :func:`places` of a claim, read once for its words."""
    key = read_key(p)
    found = _READ.get(key)
    if found is None:
        found = _keep(_READ, key, _read_afresh(p))
    return found


# Occurrences that are ground giving way (a hillside, a slope, a bank of snow).
_GROUND_GIVING_WAY = frozenset(("landslide", "avalanche"))


def _befell(head: str, kinds: set[str], order: str) -> set[Happening]:
    """What the quote tells of an event noun *head*: what else befell it when a verb says
    so ("the ceasefire collapsed"), else the happening itself ("the quake struck")."""
    noun = OCCURRENCES.get(head, head)
    own = "event" if head in OCCURRENCES else _FORM_KIND[head]
    about = kinds - _HAPPENED - _CAUSED - {own}
    found = {Happening(kind, noun, order) for kind in about or {own}}
    if not about and noun in _GROUND_GIVING_WAY:
        # "the landslide on 24 November" is the failure of the slope that gave way: a
        # failure named by its kind alone, the one the story tells of
        found.add(Happening("failure", "", order))
    if not about and noun in _NAMED_KINDS:
        # "the explosion on 12 March" is the explosion "the boiler exploded" tells of, when
        # the story tells of one: a happening named by its kind alone
        found.add(Happening(_NAMED_KINDS[noun], "", order))
    return found


# Occurrences named by a word for any that befalls (an accident, a disaster): the one
# sudden occurrence of the story, when it tells of one (db.facts.events).
GENERIC = frozenset(("accident", "disaster"))
# Occurrences whose noun names a kind of happening told by a verb as well.
_NAMED_KINDS = {"explosion": "explosion", "crash": "crash", "leak": "leak", "spill": "leak"}


# Kinds that befall a thing once and at a moment (a train derails once): told with no
# thing ("derailed late on Thursday"), they are that kind of happening in the story.
SUDDEN = frozenset(("crash", "collision", "explosion", "grounding"))
# … and kinds a story tells of once however their thing is named ("chicken served at the
# fair on 5 September", "people who ate there on Saturday", "the wraps were sold").
ONCE_TOLD = SUDDEN | {"serving", "leak"}


# Kinds whose things are no one thing (the food served, sold or eaten): told bare.
TOLD_BARE = frozenset(("serving",))


# Where food served, sold or eaten is what an outbreak of illness is traced to, not trade
# or service ("sold its stake", "served as mayor").
_ILLNESS_TOLD = re.compile(
    r"\b(?:outbreak|poison\w*|contaminat\w*|traced|symptoms?|infect\w*|ill|illness|sick\w*|"
    r"vomit\w*|diarrh\w*|salmonella|norovirus|listeria|e\.?\s?coli|cholera|botulism|"
    r"food[- ]?borne|hospitali[sz]\w*)\b",
    re.I,
)


# Things on roads and rails: overturned, they crashed ("the coach overturned"), they did
# not capsize; an aircraft that came down crashed.
_ON_LAND = KINDS_OF_THING["vehicle"] | {"train", "vehicle", "lorry", "minibus", "tractor"}


def _as_crash(h: Happening) -> Happening:
    if (h.kind == "sinking" and h.thing in _ON_LAND) or (
        h.kind == "failure" and h.thing == "aircraft"
    ):
        return h._replace(kind="crash")
    return h


# Coming to a place by name ("the first troops reached Orsk", "reached the Sarrel Basin")
# is an arrival there, told as "arrived in" is (a count "reached 40", a deal reached, name
# no place).
_REACHED_PLACE = re.compile(r"\breached\s+(?=(?:the\s+)?[A-Z])")


def _read_afresh(p: Profile) -> tuple[set[Happening], dict[str, str]]:
    if "reached" in p.quote and _REACHED_PLACE.search(p.quote):
        quote = _REACHED_PLACE.sub("arrived in ", p.quote)
        p = replace(p, quote=quote, around=p.around.replace(p.quote, quote))
    found, where = _read_told(p)
    found = {_as_crash(h) for h in found}
    if any(h.kind in TOLD_BARE for h in found):
        if not _ILLNESS_TOLD.search(f"{sentence_lead(p)} {p.quote}"):
            return {h for h in found if h.kind not in TOLD_BARE}, where
        if p.has_figure and p.unit and not is_time_unit(p.unit):
            # "Sold 1,500 wraps": a count of what it befell tells of it done many times.
            return {h for h in found if h.kind not in TOLD_BARE}, where
        found = {h._replace(thing="") if h.kind in TOLD_BARE else h for h in found}
    return found, where


def _read_told(p: Profile) -> tuple[set[Happening], dict[str, str]]:
    found, where = _read_quote(p)
    if found or REPEAT.search(p.quote):
        return found, where
    own = kinds_in(p.quote)
    text = p.quote
    lead = sentence_lead(p) if p.around else ""
    if lead.strip() and (relative := _ENDS_RELATIVE.search(lead)):
        # "… died in the fire, which | started on 8 November": the quote tells of what
        # the relative pronoun stands for, as a quote opening with it would.
        opened = f"{relative.group(1)} {p.quote}"
        told = replace(p, quote=opened, around=f"{lead[: relative.start(1)]}{opened}", lead="")
        found, where = _read_quote(told)
        if found:
            return found, where
    if lead.strip() and not own and _OWN_CLAUSE.search(lead) and _SUBJECT_OPENS.match(p.quote):
        # "The attack was detected on 24 February, but | the intruders got in on 1
        # February": a clause of its own, with its own subject, does not tell what the
        # clause before it told of.
        lead = ""
    if lead.strip():
        # A date told of in its sentence ("the train came off the rails | on 1 October",
        # "the derailment | on 1 October"): the happening is read from the words before.
        told = replace(p, quote=f"{lead}{p.quote}", around="", lead="")
        found, where = _read_quote(told)
        text = told.quote
        if own:
            # The quote's own words tell what it dates ("the wraps at the centre of the
            # outbreak were sold nine days ago" dates a sale): the sentence tells to what.
            # Words telling only that something happened date the occurrence the sentence
            # names ("The fire | broke out at the hotel on Sunday").
            told_of = own <= _HAPPENED
            found = {h for h in found if h.kind in own or (told_of and h.kind == "event")}
    if not found:
        kinds = (own or kinds_in(text)) & ONCE_TOLD
        if len(kinds) == 1 and not REPEAT.search(text):
            kind = next(iter(kinds))
            # "A bus crashed" and "a van crashed" are two crashes; told of nothing, the one
            # ("prices plunged", "shares crashed" tell of no crash: words that may mean
            # another thing name the one crash only with what befell named).
            thing = "" if kind in TOLD_BARE else _indefinite_subject(text, kind)
            if thing or kind in kinds_in(_NOT_ONLY_A_CRASH.sub(" ", text)):
                found = {Happening(kind, thing, "")}
        named = own or kinds_in(text)
        if (
            not found
            and len(named) == 1
            and named <= _BEFALLS_ONE
            and not REPEAT.search(text)
            and not _ORDINAL.search(text)
        ):
            # "A section of hillside came down on Tuesday evening", "a ferry sank": what
            # befell the one thing the story names so, though first named with "a" ("a
            # third levee failed" names one of several).
            kind = next(iter(named))
            thing = _indefinite_subject(text, kind)
            if thing:
                found = {Happening(kind, thing, "")}
    return found, where


# A quote opening a clause of its own after a conjunction joining clauses ("…, but |
# the intruders got in on 1 February"), with a subject named first.
_OWN_CLAUSE = re.compile(r",\s*(?:but|while|whereas|though|although|yet)\s*$", re.I)
_SUBJECT_OPENS = re.compile(
    r"\s*(?:the|a|an|its|their|his|her|our|this|these|those|some|many|most)\s+"
    r"[^\W\d_][\w'’-]*\s+(?:[^\W\d_][\w'’-]*\s+)?(?:had|has|have|was|were|is|are|"
    r"[^\W\d_]+ed|got|went|came|took|began|broke|fell|ran|left|made)\b",
    re.I,
)


# Kinds that befall a thing named with "a" as they would the thing named with "the".
_BEFALLS_ONE = frozenset(("failure", "sinking", "disappearance"))


# The first of something opening a quote, then what it did somewhere: "The first swarms
# darkened the sky over the basin".
_FIRST_CAME = re.compile(
    r"\W*(?:the|its|their)\s+(?:first|initial)\s+(?:[^\W\d_][\w'’-]*\s+){0,2}?"
    r"(?P<head>[^\W\d_]+s)\s+(?:[a-z]+ed|came|fell|hit|began|swept|struck|rode|flew|drove|"
    r"spread)\b"
    # … somewhere: "over the basin", "into the valley" (what came, not what befell them:
    # "the first patients recovered on Monday").
    r"(?:\s+[^\W\d_][\w'’-]*){0,4}?\s+(?:over|across|into|onto|above|upon|through|at|in|near)"
    r"\s+the\b",
    re.I,
)
# A group named with "the" just before "arrived" ("the swarms that arrived on 7 April").
_THE_GROUP_ARRIVED = re.compile(
    r"\bthe\s+(?:[^\W\d_][\w'’-]*\s+)?(?P<head>[^\W\d_]+s)\s+(?:(?:that|which|who)\s+)?"
    r"(?:(?:had|have|has|first|finally)\s+)*(?:arrived|arrive)\b",
    re.I,
)
_ENDS_RELATIVE = re.compile(r",\s*(which|that|who)\s*$", re.I)
_NOT_ONLY_A_CRASH = re.compile(r"\b(?:plunged|crashed)\b", re.I)


def _indefinite_subject(text: str, kind: str) -> str:
    """The thing a singular phrase with "a" or "an" names just before the verb of *kind*
    ("a freight train carrying ammonia derailed": train); "" when there is none."""
    tokens = _TOKEN.findall(_PHRASES.sub(" | ", text))
    verb = next(
        (
            at
            for at, token in enumerate(tokens)
            if token == "|" or _FORM_KIND.get(token.lower()) == kind
        ),
        len(tokens),
    )
    for at in range(verb - 1, max(verb - 9, -1), -1):
        if tokens[at].lower() not in ("a", "an"):
            continue
        head = ""
        for token in tokens[at + 1 : verb]:
            w = token.lower()
            if w == "of" and head in COLLECTIVE:
                head = ""  # "a section of hillside": the hillside
                continue
            if not w[0].isalpha() or w in _STOP or w in _FORM_KIND or w.endswith(("ing", "ed")):
                break
            if w == "bound":
                break  # "a jet bound for Tessel": where it was going, not what it was
            head = w
        return "" if not head or head in _EMPTY or _plural(head) else _thing(head)
    return ""


def _read_quote(p: Profile) -> tuple[set[Happening], dict[str, str]]:
    settings: set[str] = set()
    heads = _heads(p.quote, settings)
    where = {}
    for head, _marked, place in heads:
        if place:
            thing = OCCURRENCES.get(head) or (head if head in EVENT_NOUNS else _thing(head))
            where[thing] = place
    if REPEAT.search(p.quote):
        return set(), where
    orders = {ORDINALS[m.group(1).lower()] for m in _ORDINAL.finditer(p.quote)} - {""}
    if len(orders) > 1:
        return set(), where
    order = next(iter(orders), "")
    first = marks_first(p)
    # "Lifted the evacuation order": an order ended, and with it the evacuation it
    # ordered; "evacuation" names what the order was for, not what befell the order.
    ordered = {_FORM_KIND[w] for w in _ORDER_OF.findall(p.quote.lower()) if w in _FORM_KIND}
    kinds = kinds_in(_ORDER_OF.sub(_unless_kind, p.quote) if ordered else p.quote)
    came = ""
    if not kinds and first and p.event_first is not None:
        if (coming := _FIRST_CAME.match(p.quote)) is not None:
            # "The first swarms darkened the sky on 7 March", "the first cases appeared":
            # the first of something told of on a day, by whatever verb, is its coming.
            kinds, came = {"deployment"}, _thing(coming["head"])
    # "The swarms that arrived on 7 April", "since the troops arrived": a group named
    # with "the" arrived once (a repeat is told as "more", "fresh", "another").
    arrived = {m["head"].lower() for m in _THE_GROUP_ARRIVED.finditer(p.quote)}
    found: set[Happening] = set()
    if (ordered and kinds & _ENDS_ORDER) or _back_home(p):
        found.update(Happening("end", kind, order) for kind in ordered or {"evacuation"})
    if _CAUGHT_FIRE.search(p.quote):
        found.add(Happening("event", "fire", order))  # "the warehouse caught fire": a fire
    if _WENT_DARK.search(p.quote):
        found.add(Happening("event", "outage", order))  # "the city went dark": a blackout
    if _ERUPTED.search(p.quote):
        found.add(Happening("event", "eruption", order))  # "the volcano erupted": its eruption
    if kinds & _SENDING and _AGAINST.search(p.quote):
        kinds = (kinds - _SENDING) | {"attack"}  # "sent its drones against the grid"
    found.update(in_series(p.quote))
    for kind, target, place in targets(p.quote):
        # "Stormed Morrowgate Prison", "raided a farm outside Orlen", "the mass escape
        # from Morrowgate": what was attacked or escaped from, named after the word.
        found.add(Happening(kind, target, order))
        if place:
            where.setdefault(target, place)
    things = set()
    for head, marked, _place in heads:
        if head in OCCURRENCES or head in EVENT_NOUNS:
            # The happening itself when a verb tells that it happened ("the quake struck",
            # "the talks began") or none does; else what else befell it ("the ceasefire
            # collapsed", "the talks ended", "the ceasefire was announced").  What
            # happened in it or by it did not befall it ("three died in the blast").
            found.update(_befell(head, set() if head in settings else kinds, order))
        elif _plural(head) and head[:-1] in OCCURRENCES and kinds & _IN_FORCE:
            # "The protests began on Friday": a run of occurrences began (or ended) once.
            found.update(
                Happening(kind, OCCURRENCES[head[:-1]], order) for kind in kinds & _IN_FORCE
            )
        elif marked or first or not _plural(head) or (head in arrived and "deployment" in kinds):
            things.add(_thing(head))
    if kinds and not found and not things and _RELATIVE.match(p.quote):
        # "…, which capsized on 14 May": what comes just before in its sentence.
        for head, _marked, _place in _antecedent(sentence_lead(p)):
            if head in OCCURRENCES or head in EVENT_NOUNS:
                found.update(_befell(head, kinds, order))
            elif not _plural(head):
                things.add(_thing(head))
    if kinds and not found and not things and _IT.search(p.quote):
        # "… since it started on 8 August": what "it" is, the sentence says before.
        lead = _heads(sentence_lead(p))
        if lead:
            head, _marked, _place = lead[0]
            if head in OCCURRENCES or head in EVENT_NOUNS:
                found.update(_befell(head, kinds, order))
            elif not _plural(head):
                things.add(_thing(head))
    if kinds & _AGAIN_AND_AGAIN:
        # Going into battle happens again and again: one event only as the first (or a
        # second, …), and it is the fighters' whoever they are told of as ("the
        # Vastrelians", "they", "its troops"): one thing, the troops.
        if first or order:
            found.update(Happening(kind, "troops", order) for kind in kinds & _AGAIN_AND_AGAIN)
        kinds = kinds - _AGAIN_AND_AGAIN
    if came:
        things = {came}  # (the words after the verb are not what came: "darkened the sky")
    if first:
        unit = p.unit or unit_in_words(p.quote) or unit_in_words(sentence_lead(p))
        if unit:
            things.add(unit)
    found.update(
        Happening(kind, thing, order) for kind in kinds - _OCCURRENCE_ONLY for thing in things
    )
    return found, where


# Kinds done to a thing named after their word, and the words that may stand between a
# noun of the kind and that thing: an attack on a place ("stormed Morrowgate Prison",
# "raided a farm", "the attack on Morrowgate"), an escape from one ("the escape from
# Morrowgate", "broke out of Fellgrove").  Words of several meanings ("hit", "struck",
# "strike") name no target: "prices hit a record".
TARGETED = {"attack": ("on", "of", "against", "at"), "escape": ("from", "of")}
_NO_TARGET = frozenset(("hit", "hits", "struck", "strike", "strikes"))
_TARGET_FORMS = re.compile(
    r"\b(?P<form>"
    + "|".join(
        re.escape(f)
        for f in sorted(_FORM_KIND, key=len, reverse=True)
        if _FORM_KIND[f] in TARGETED and f not in _NO_TARGET
    )
    + r")\b",
    re.I,
)
# Words that may name a kind of thing after a name ("Morrowgate Prison", "Orsk Dam").
_KIND_WORDS = (
    frozenset(THINGS)
    | frozenset(KINDS_OF_THING)
    | frozenset(w for kinds in KINDS_OF_THING.values() for w in kinds)
    | frozenset("dam levee bridge mine jail prison camp base farm port airport".split())
)


def targets(text: str) -> list[tuple[str, str, str]]:
    """(kind, thing, place) for each attack on or escape from a thing *text* names just
    after the word of the kind, by a name ("stormed Morrowgate Prison": morrowgate, and
    prison) or with "a" ("raided a farm outside the village of Orlen": farm, at orlen);
    a thing named with "the" is read as any definite phrase is (:func:`_heads`)."""
    found: list[tuple[str, str, str]] = []
    for m in _TARGET_FORMS.finditer(text):
        form = m["form"].lower()
        kind = _FORM_KIND[form]
        tokens = _TOKEN.findall(text[m.end() : m.end() + 120])
        at = 0
        if tokens and tokens[0].lower() in TARGETED[kind] and form in EVENT_NOUNS | {"attack"}:
            at = 1  # "the attack on Morrowgate", "the escape from Morrowgate"
        elif tokens and tokens[0].lower() in ("from", "out") and kind == "escape":
            at = 2 if tokens[0].lower() == "out" else 1  # "escaped from", "got out of"
        if at >= len(tokens):
            continue
        first = tokens[at]
        names: list[str] = []
        end = at
        if first.lower() in ("a", "an"):
            head = ""
            for end in range(at + 1, min(at + 5, len(tokens))):
                w = tokens[end].lower()
                if not w[0].isalpha() or w in _STOP or w in _FORM_KIND or tokens[end][0].isupper():
                    break
                head = w
            else:
                end = min(at + 5, len(tokens))
            if head and head not in _EMPTY and not _plural(head):
                names.append(_thing(head))
        elif first[0].isupper() and first[0].isalpha():
            end = at
            while end < len(tokens) and tokens[end][:1].isupper() and tokens[end][:1].isalpha():
                if tokens[end].lower() in _EMPTY:
                    break
                end += 1
            run = [t.lower() for t in tokens[at:end]]
            if run and not any(w in _STOP for w in run):
                names.append(_bare_word(run[0]))
                if len(run) > 1 and run[-1] in _KIND_WORDS:
                    names.append(_thing(run[-1]))
        place = _place_after(tokens, end)
        found.extend((kind, name, place) for name in names if name not in _EMPTY)
    return found


def _place_after(tokens: list[str], at: int) -> str:
    """The name of a place opened by a word of place at tokens[at] ("outside the village
    of Orlen", "at Orlen"), lowercased; "" when there is none."""
    if at >= len(tokens) or tokens[at].lower() not in _PLACE_WORDS | {"outside", "near"}:
        return ""
    for token in tokens[at + 1 : at + 5]:
        if token[:1].isupper() and token[:1].isalpha() and token.lower() not in _EMPTY:
            return token.lower()
        if not token[:1].isalpha():
            return ""
    return ""


_AGAIN_AND_AGAIN = frozenset(("combat",))
# Sending or launching something against a thing is attacking it ("sent its drones and
# missiles against the grid", "launched an offensive against the port").
_SENDING = frozenset(("deployment", "start"))
_AGAINST = re.compile(r"\bagainst\b", re.I)
# Nouns naming one of a numbered series of happenings: "the second wave", "a third round
# of talks", "the first strike", "the initial landing".
SERIES = frozenset(
    """wave round salvo volley barrage bombardment assault strike airstrike raid attack
    landing seizure offensive sortie incursion""".split()
)
_IN_SERIES = re.compile(
    r"(?<![\w-])(?P<order>" + "|".join(ORDINALS) + r")\s+"
    rf"(?:(?!{_TIME_WORDS}\b)[^\W\d_][\w-]*\s+)?"
    r"(?P<noun>" + "|".join(sorted(SERIES)) + r")s?(?![\w'’-])"
    r"(?:\s+of\s+(?P<of>[^\W\d_][\w-]*))?",
    re.I,
)


# Endings of nouns for people ("refugees", "migrants", "residents", "tourists", "civilians").
_PEOPLE_ENDINGS = ("ees", "ants", "ents", "ists", "ians")


def _people(word: str) -> bool:
    """Whether *word* names people: a class of them ("troops", "people") or a noun for
    people by its ending."""
    word = word.lower()
    return normal_unit(word) in CLASSES or word.endswith(_PEOPLE_ENDINGS)


def in_series(text: str) -> set[Happening]:
    """The numbered happenings of a series *text* names by an ordinal and the series'
    noun ("the first wave of strikes", "the second round of talks", "a third raid"), each
    the one happening of its order; not a wave of people ("the first wave of troops",
    told by what befell them)."""
    found = set()
    for m in _IN_SERIES.finditer(text):
        if m["of"] and _people(m["of"]):
            continue
        found.add(Happening("event", m["noun"].lower(), ORDINALS[m["order"].lower()]))
    return found


# A place going dark is a blackout ("the city went dark on Tuesday", "plunged into darkness").
_WENT_DARK = re.compile(
    r"\b(?:went|goes|go|gone|going)\s+dark\b|\bplunged\s+into\s+(?:the\s+)?darkness\b", re.I
)
_CAUGHT_FIRE = re.compile(
    r"\b(?:caught|catches|catch)\s+(?:fire|alight)\b|\b(?:burst|bursts)\s+into\s+flames\b"
    r"|\bwent\s+up\s+in\s+flames\b",
    re.I,
)
# A volcano erupting is its eruption: "Mount Teskar erupted on Saturday" dates what "the
# eruption on 14 March" dates.
_ERUPTED = re.compile(r"\berupt(?:ed|s|ing)?\b", re.I)
# Kinds that befall an occurrence only ("the fire was put out", not "put out a statement").
_OCCURRENCE_ONLY = frozenset(("extinguishing",))
# A word of happening naming what an order, a notice or a ban is for ("the evacuation
# order", "the lockdown notice"): the phrase is the order, the word what it ordered.
_ORDER_OF = re.compile(r"\b([^\W\d_]+)(?=\s+(?:order|orders|notice|notices|ban)\b)", re.I)


def _unless_kind(m: re.Match[str]) -> str:
    return " " if m.group(1).lower() in _FORM_KIND else m.group(0)


_ENDS_ORDER = frozenset(("end", "withdrawal"))  # an order lifted or withdrawn
# People let back into their homes: the evacuation that kept them out has ended.
_ALLOWED_HOME = re.compile(
    r"\b(?:allowed|permitted|cleared|let)\s+(?:to\s+(?:return|go|move)\s+)?(?:back\s+)?"
    r"(?:home|(?:in)?to\s+their\s+(?:homes|houses|flats|properties))\b(?!\s+from\b)"
    r"|\b(?:allowed|permitted|cleared)\s+to\s+return\b(?!\s+(?:to\s+)?(?:work|school)\b)",
    re.I,
)
# People going back to their homes: "residents returned home", "families went back to
# their flats", "were able to return home" (not "returned home from hospital").
_WENT_HOME = re.compile(
    r"\b(?:returned|returning|went|gone|moved|came|come|got|able\s+to\s+(?:return|go))\s+"
    r"(?:back\s+)?(?:home|(?:in)?to\s+their\s+(?:homes|houses|flats|properties))\b"
    r"(?!\s+from\b)|\bback\s+in\s+their\s+(?:homes|houses|flats)\b",
    re.I,
)
# Those told of as going back: the people moved out, not crews or the injured.
_RESIDENTS = re.compile(
    r"\b(?:residents?|families|evacuees|people|households|tenants|villagers|locals|"
    r"homeowners|occupants|neighbours|those\s+(?:evacuated|moved\s+out))\b",
    re.I,
)


def goes_home(p: Profile) -> bool:
    """Whether the claim tells of people going back home ("families returned home"), not
    of their being let back (a day: "residents were allowed home on Thursday")."""
    return bool(_WENT_HOME.search(p.quote)) and not _ALLOWED_HOME.search(p.quote)


def _back_home(p: Profile) -> bool:
    """Whether the claim tells of people let back or gone back into their homes: the end
    of what kept them out ("residents were allowed home", "families returned home")."""
    if _ALLOWED_HOME.search(p.quote):
        return True
    return bool(_WENT_HOME.search(p.quote)) and bool(
        _RESIDENTS.search(f"{sentence_lead(p)} {p.quote}")
    )


_LAST_DEFINITE = re.compile(r".*\b(?:the|its|their|his|her|this|that)\b", re.I | re.S)


def _antecedent(lead: str) -> list[tuple[str, bool, str]]:
    """The things a relative pronoun after *lead* stands for: the last definite phrase
    ("… the operator of the ferry Solenne Marit, which …"), and a phrase it stands in
    apposition to ("the Solenne Marit, the island ferry which …")."""
    parts = [part for part in lead.rstrip().split(",") if part.strip()]
    if not parts:
        return []

    def last_phrase(text: str) -> list[tuple[str, bool, str]]:
        found = _LAST_DEFINITE.match(text)
        tail = text[found.end() - len(found.group(0).split()[-1]) :] if found else text
        return _heads(tail)[:2]

    heads = last_phrase(parts[-1])
    if len(parts) > 1 and DEFINITE.match(parts[-1].strip()):
        heads += last_phrase(parts[-2])
    return heads


def kin(h: Happening, other: Happening) -> bool:
    """Whether *h*, named by its own noun ("the sinking") or befalling a thing called by
    its general name ("the vessel"), may be *other* (the ferry's sinking)."""
    if (h.kind, h.order) != (other.kind, other.order) or h == other or bare(other):
        return False
    return bare(h) or other.thing in KINDS_OF_THING.get(h.thing, ())


def general(h: Happening) -> bool:
    """Whether *h* is named by its own noun alone or befalls a thing by its general name."""
    return bare(h) or h.thing in KINDS_OF_THING


def bare(h: Happening) -> bool:
    """Whether *h* is named by its own noun alone ("the sinking", "the collapse"), not
    by what it happened to."""
    return not h.thing or (h.thing in EVENT_NOUNS and _FORM_KIND.get(h.thing) == h.kind)


def repeats(p: Profile, h: Happening) -> bool:
    """Whether *p*, repeating the figure of a claim naming *h*, speaks of it too: it
    names that kind of happening, the same thing, and marks no repeat."""
    if REPEAT.search(p.quote) or h.kind not in kinds_in(f"{sentence_lead(p)} {p.quote}"):
        return False
    unit = p.unit or unit_in_words(p.quote)
    return h.thing == unit or any(_thing(w) == h.thing for w, _, _ in _heads(p.quote))
