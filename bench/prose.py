"""Newsroom-like prose for benchmark workspaces, made up from word lists (no real article).

Sentences read like a wire report: who said what about a figure, where and when.
Every sentence is generated from the seed, so the same seed gives the same text.
A few names carry accents, Cyrillic or Hangul so the text is not plain ASCII; none
lies outside the Basic Multilingual Plane (news copy rarely does).
"""

from __future__ import annotations

import random

PLACES = (
    "Varnholt", "Kessing", "Orlava", "Dunmere", "Port Aubel", "Trevanne", "Salmoor",
    "Eskerby", "Norwend", "Caldrez", "Île-Berthe", "Łomnica", "Северка", "강변시",
    "Mirovsk", "Halden Bay", "Quarrow", "Belmont Flats", "Tessaly", "Rookhaven",
)  # fmt: skip
SPEAKERS = (
    "the regional governor", "a ministry spokesperson", "the harbour authority",
    "two local officials", "the opposition leader", "an aid coordinator",
    "the central bank", "police commander Ilse Marrow", "the transport minister",
    "a union representative", "the mayor's office", "an army statement",
    "economist Zoë Ferrand", "the statistics office", "relief workers",
    "the coast guard", "a hospital director", "farmers' association head Rui Dantas",
)  # fmt: skip
VERBS = (
    "said", "told reporters", "claimed", "estimated", "confirmed", "denied",
    "reported", "insisted", "warned", "wrote in a statement",
)  # fmt: skip
SUBJECTS = (
    "families were moved out of flooded districts", "tonnes of grain left the port",
    "soldiers were stationed along the river", "ballots were counted overnight",
    "homes lost power after the storm", "trucks crossed the northern checkpoint",
    "jobs were cut at the shipyard", "patients were treated for smoke inhalation",
    "hectares of forest burned", "passengers were stranded at the terminal",
    "vaccines were delivered to rural clinics", "kilometres of road were rebuilt",
    "workers joined the strike", "containers were held for inspection",
    "students sat the delayed exams", "fishing boats stayed in harbour",
)  # fmt: skip
QUALIFIERS = (
    "by Thursday evening", "since the start of the month", "in the past week",
    "before the ceasefire took hold", "according to preliminary figures",
    "well above last year's level", "less than half the official estimate",
    "despite the curfew", "over the weekend", "in the first quarter",
)  # fmt: skip
CONNECTIVES = (
    "However,", "Meanwhile,", "Earlier,", "By contrast,", "In a separate briefing,",
    "Later that day,", "Separately,", "On Monday,", "At the same time,", "Still,",
)  # fmt: skip
REMARKS = (
    "The figure could not be independently verified.",
    "Neither account matched the numbers published a day earlier.",
    "Residents described long queues outside the town hall.",
    "The ministry did not respond to a request for comment.",
    "Satellite images taken on Tuesday show a different picture.",
    "“We are doing everything we can,” one volunteer said — before the lights went out.",
    "Observers called the count premature.",
    "Independent monitors are expected to publish their own tally next week.",
)  # fmt: skip
TOPICS = (
    "flood relief", "grain exports", "the border build-up", "the port strike",
    "the election count", "the power cuts", "the wildfire season", "the budget gap",
)  # fmt: skip
# A word the text filter benchmark searches for: it occurs in a few sentences only.
RARE_WORD = "quarantine"


def _cap(words: str) -> str:
    return words[:1].upper() + words[1:]


def _figure(rng: random.Random) -> str:
    value = rng.choice((rng.randint(12, 990), rng.randint(1000, 98000), rng.randint(2, 40) * 500))
    return f"{value:,}"


def sentence(rng: random.Random) -> str:
    """One sentence of wire-report prose."""
    roll = rng.random()
    if roll < 0.55:
        text = (
            f"{_cap(rng.choice(SPEAKERS))} {rng.choice(VERBS)} that {_figure(rng)} "
            f"{rng.choice(SUBJECTS)} in {rng.choice(PLACES)} {rng.choice(QUALIFIERS)}."
        )
    elif roll < 0.8:
        text = (
            f"{rng.choice(CONNECTIVES)} {rng.choice(SPEAKERS)} put the number at "
            f"{_figure(rng)}, {rng.choice(QUALIFIERS)}."
        )
    elif roll < 0.97:
        text = rng.choice(REMARKS)
    else:
        text = (
            f"A {RARE_WORD} order for {rng.choice(PLACES)} was lifted "
            f"{rng.choice(QUALIFIERS)}, {rng.choice(SPEAKERS)} {rng.choice(VERBS)}."
        )
    return text


def sentences(seed: int, chars: int) -> tuple[str, list[tuple[int, int]]]:
    """Text of about *chars* code points in paragraphs, and each sentence's (start, end)."""
    rng = random.Random(seed)
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    paragraph = 0
    while size < chars:
        text = sentence(rng)
        spans.append((size, size + len(text)))
        paragraph += 1
        gap = "\n\n" if paragraph >= rng.randint(3, 6) else " "
        if gap != " ":
            paragraph = 0
        parts.append(text + gap)
        size += len(text) + len(gap)
    return "".join(parts).rstrip() + "\n", spans


def title(seed: int) -> str:
    rng = random.Random(seed * 7919 + 1)
    return f"{rng.choice(PLACES)}: {rng.choice(TOPICS)}, report {seed + 1}"
