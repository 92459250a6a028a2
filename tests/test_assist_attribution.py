"""Attributions: cues, sources, chains and hedges, on sentences written for the tests."""

from __future__ import annotations

import pytest

from db.assist.attribution import Attribution, extract_attributions


def covering(text: str, needle: str) -> Attribution | None:
    """The innermost attribution whose content holds *needle*."""
    lo = text.index(needle)
    hi = lo + len(needle)
    found = [a for a in extract_attributions(text) if a.start <= lo and hi <= a.end]
    return min(found, key=lambda a: a.end - a.start) if found else None


@pytest.mark.parametrize(
    ("text", "needle", "source", "kind"),
    [
        (
            "According to South Korean lawmaker Park Min-ho, 2,000 troops arrived in May.",
            "2,000 troops",
            "Park Min-ho",
            "lawmaker",
        ),
        (
            "About 1,500 soldiers have already arrived, according to Seoul's spy agency.",
            "1,500 soldiers",
            "Seoul's spy agency",
            "intelligence",
        ),
        (
            "The transfers took place last week, the Defence Ministry reported.",
            "The transfers",
            "Defence Ministry",
            "government",
        ),
        (
            "Military analyst Jane Moss estimated that 600,000 had been wounded.",
            "600,000",
            "Jane Moss",
            "expert",
        ),
        (
            "Kim Ha-neul, a defector who left in 2009, told reporters that 200 had volunteered.",
            "200 had volunteered",
            "Kim Ha-neul",
            "defector",
        ),
        (
            "Some 1,200 soldiers died, according to a statement from the Defence Ministry.",
            "1,200 soldiers",
            "Defence Ministry",
            "government",
        ),
        (
            "NATO confirmed that 3,000 troops had been seen near the border.",
            "3,000 troops",
            "NATO",
            "government",
        ),
    ],
)
def test_named_sources(text: str, needle: str, source: str, kind: str) -> None:
    found = covering(text, needle)
    assert found is not None and found.source == source and found.source_kind == kind


def test_he_said_resolves_to_the_person_last_named() -> None:
    text = (
        "Hugo Brandt, a sanctions specialist, spoke on Monday. "
        "“Millions are under arms but none are tested,” he said."
    )
    found = covering(text, "Millions are under arms")
    assert found is not None and found.source == "Hugo Brandt" and found.quotation


def test_surname_and_role_resolve_to_the_full_name() -> None:
    text = (
        "Defence Secretary Ann Rowe visited the base. "
        "Rowe said 40 instructors were there. "
        "The Defence Secretary also told MPs that 12 more would follow."
    )
    assert covering(text, "40 instructors").source == "Ann Rowe"  # type: ignore[union-attr]
    assert covering(text, "12 more").source == "Ann Rowe"  # type: ignore[union-attr]


def test_citing_chain_gives_original_source_and_relay() -> None:
    text = (
        "South Korean lawmaker Park Min-ho visited Kyiv. "
        "Park, citing Ukraine's defence intelligence chief Kyrylo Budanov, said 400 soldiers died."
    )
    found = covering(text, "400 soldiers")
    assert found is not None
    assert found.source == "Kyrylo Budanov"
    assert found.source_kind == "intelligence"
    assert found.relayed_by == ("Park Min-ho",)


def test_it_said_citing_makes_the_outlet_a_relay() -> None:
    text = (
        "The broadcaster Suspilne reported that troops had moved. "
        "Among them, 18 had deserted, it said, citing Ukrainian intelligence sources."
    )
    found = covering(text, "18 had deserted")
    assert found is not None
    assert found.source == "Ukrainian intelligence sources"
    assert found.relayed_by == ("Suspilne",)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("North Korea has reportedly sent 3,500 more soldiers.", "reportedly"),
        ("The soldiers are believed to number 2,000.", "are believed"),
        ("The soldiers are said to be training in the east.", "are said to"),
        ("Reports indicate that 12,000 could be sent.", "reports indicate"),
    ],
)
def test_hedges_give_no_source(text: str, hedge: str) -> None:
    (found,) = extract_attributions(text)
    assert found.source is None and found.hedge == hedge


def test_the_outlets_own_statement_has_no_attribution() -> None:
    text = "North Korea has 1.2 million troops. It lacks combat experience."
    assert extract_attributions(text) == []


def test_date_of_saying_is_not_the_sources() -> None:
    text = "On October 15, the broadcaster Suspilne reported that hundreds of troops had moved."
    assert covering(text, "October 15") is None
    assert covering(text, "hundreds of troops").source == "Suspilne"  # type: ignore[union-attr]


def test_carried_over_sentence_keeps_the_source() -> None:
    text = (
        "According to lawmaker Park Min-ho, 400 soldiers were killed. "
        "Of these, 300 were conscripts."
    )
    assert covering(text, "300 were conscripts").source == "Park Min-ho"  # type: ignore[union-attr]


def test_crlf_text_keeps_code_point_offsets() -> None:
    text = "🙂 Intro line.\r\nAccording to NATO, 3,000 troops moved.\r\n"
    found = covering(text, "3,000 troops")
    assert found is not None and found.source == "NATO"
    assert "3,000 troops" in text[found.start : found.end]


@pytest.mark.parametrize(
    ("text", "needle", "source"),
    [
        # a common noun at the head of the subject, after "the" or a possessive
        (
            "The incumbent finished 212 votes ahead, the county clerk’s office said on Wednesday.",
            "212 votes",
            "county clerk’s office",
        ),
        ("Dunn’s campaign said it had found as many as 40 polling places.", "40",
         "Dunn’s campaign"),
        ("Farmers’ groups warned that nearly one-third of the crop could be lost.", "one-third",
         "Farmers’ groups"),
        # a participle carrying the subject's words
        ("The clerk’s office rejected that claim, saying only two precincts had discrepancies.",
         "two precincts", "clerk’s office"),
    ],
)  # fmt: skip
def test_common_noun_subjects(text: str, needle: str, source: str) -> None:
    found = covering(text, needle)
    assert found is not None and found.source == source


@pytest.mark.parametrize(
    "text",
    [
        "Preliminary estimates put the cost of repairs at 45 million pounds.",
        "The recount is expected to take seven to 10 days.",
        "Rescue crews have reached 37 of the 52 villages.",
    ],
)
def test_no_source_for_the_outlets_own_sentences(text: str) -> None:
    assert [a.source for a in extract_attributions(text) if a.source] == []


def test_date_between_the_verb_and_that_is_the_sayings() -> None:
    text = "The agency said on Thursday that about 4,200 people remain in shelters."
    inside = covering(text, "4,200")
    assert inside is not None and inside.source == "agency"
    assert covering(text, "on Thursday") is None


def test_a_source_quoted_inside_another_is_the_original_and_the_other_a_relay() -> None:
    text = "وأعلنت الأمم المتحدة أنها ستخصص ٥ ملايين دولار، بحسب ما نقلت وكالة الأنباء الرسمية."
    found = covering(text, "٥ ملايين")
    assert found is not None
    assert (found.source, found.relayed_by) == ("الأمم المتحدة", ("وكالة الأنباء الرسمية",))


@pytest.mark.parametrize(
    ("text", "needle", "source"),
    [
        # a carry-over word opening the next paragraph
        ("중앙선거관리위원회는 투표율이 58.4%로 집계됐다고 밝혔다.\n\n"
         "이는 4년 전보다 2.1%포인트 높은 수치다.", "2.1%", "중앙선거관리위원회"),
        ("Forsvarsminister Jens Holm siger, at 150 soldater sendes.\n\n"
         "Dermed vil omkring 900 soldater være udsendt.", "900", "Jens Holm"),
        # an Arabic speech verb without a subject goes on with the last speaker
        ("وقال محافظ المدينة، علي الشمري، إن 2300 منزل غمرتها المياه.\n\n"
         "وأضاف أن الحكومة خصصت 15 مليار دينار.", "15 مليار", "علي الشمري"),
    ],
)  # fmt: skip
def test_account_carried_into_the_next_paragraph(text: str, needle: str, source: str) -> None:
    found = covering(text, needle)
    assert found is not None and found.source == source


def test_no_carry_over_two_paragraphs_on() -> None:
    text = (
        "Forsvarsminister Jens Holm siger, at 150 soldater sendes.\n\nVejret var koldt.\n\n"
        "Dermed vil omkring 900 soldater være udsendt."
    )
    assert covering(text, "900") is None


def test_expected_to_is_a_plan_not_a_speaker() -> None:
    text = "Party leader Maria Novak told supporters that the coalition expected to hold 62 seats."
    found = covering(text, "62 seats")
    assert found is not None and found.source == "Maria Novak" and found.relayed_by == ()


def test_roles_and_earlier_sources_found_by_word_as_by_looking_back_through_all() -> None:
    """ "the lawmaker", "the agency" and "it" name the latest fitting role or source before
    them, found through the index by word exactly as by reading every one back in turn."""
    import random

    from db.assist.names import NameIndex, clean_name, guess_kind, is_person

    people = ["Kim Min-jun", "Lee Ji-woo", "Anna Petrova", "John Walsh", "Park Seo-yeon"]
    roles = ["lawmaker", "minister", "spokesman", "official", "professor"]
    rng = random.Random(4)
    parts = []
    for n in range(120):
        parts.append(f"{rng.choice(['Senior', 'The'])} {rng.choice(roles)} {rng.choice(people)} ")
        parts.append(f"met the committee on day {n}. ")
    text = "".join(parts)
    index = NameIndex(text)
    assert index._roles  # the text gives people with roles
    bodies = ["Defence Ministry", "Unification Agency", "Park Seo-yeon", "the Seoul Agency"]
    for _ in range(80):
        index.note_source(rng.choice(bodies), "government", rng.randrange(len(text)))

    def looked_back(raw: str, pos: int):  # type: ignore[no-untyped-def]
        raw = clean_name(raw)
        head = raw.split()[-1].casefold()
        for p, role, name in reversed(index._roles):
            if p < pos and head in role.split():
                return name, guess_kind(role, name), (raw,)
        for p, name, kind in reversed(index._sources):
            if p < pos and head in name.casefold().split() and name.casefold() != raw.casefold():
                return name, kind, (raw,)
        return raw, guess_kind(raw), ()

    def it_back(pos: int):  # type: ignore[no-untyped-def]
        for p, name, kind in reversed(index._sources):
            if p < pos and not is_person(name):
                return name, kind, ()
        return None

    found_role = found_source = 0
    for pos in range(0, len(text), 97):
        for raw in ("the lawmaker", "the official", "the agency", "the ministry"):
            expected = looked_back(raw, pos)
            assert index.resolve(raw, pos) == expected, (raw, pos)
            found_role += expected[0] in people
            found_source += expected[0] in bodies
        assert index.resolve("it", pos) == it_back(pos)
    assert found_role and found_source  # both ways of naming were exercised
