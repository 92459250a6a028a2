"""Counts of people told by what befell them, in the general words of news English, not
those of one kind of story: people who got away (escaped, broke out, got out), caught
again (recaptured, caught, back in custody), let go or handed back (released, handed
back, returned, extradited), not yet caught (at large, on the run), taken as hostages,
charged, convicted, gone across a border, vaccinated; people held in prison as a class
of their own whose dead are not everyone's dead; troops' dead and hurt held apart; a
noun that names a fate by itself ("escapees", "hostages") when no verb tells another."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.facts.profile import DENIED, Profile, profile, read_quote
from db.facts.proposals import _parts, _sentence_before, conflicts, profiles
from db.facts.relate import counted_whole, relate
from db.models import Relation

MAY_4 = dt.datetime(2033, 5, 4, tzinfo=dt.UTC)
MAY_11 = dt.datetime(2033, 5, 11, tzinfo=dt.UTC)


def _p(
    quote: str,
    published: dt.datetime = MAY_4,
    *,
    around: str = "",
    before: str = "",
    article: uuid.UUID | None = None,
) -> Profile:
    return profile(
        uuid.uuid4(), article or uuid.uuid4(), quote, 0, len(quote), None, published, around,
        before=before,
    )  # fmt: skip


def _relation(a: Profile, b: Profile) -> Relation | None:
    found = relate(a, b)
    return None if found is None else found.relation


def _fate(quote: str) -> str:
    return read_quote(quote, "", None).predicate


@pytest.mark.parametrize(
    "quote",
    [
        "31 convicts escaped from the island jail",
        "more than 90 inmates got out through a tunnel",
        "at least 12 men broke out of the detention centre",
        "six prisoners fled custody during the transfer",
        "four detainees absconded from the clinic",
    ],
)
def test_people_who_got_away_are_the_escaped(quote: str) -> None:
    assert _fate(quote) == "escaped"


@pytest.mark.parametrize(
    ("quote", "fate"),
    [
        ("22 hikers got out alive after the rockfall", "rescued"),
        ("300 villagers fled their homes as the river rose", "displaced"),
        ("40 tonnes of ammonia escaped from the tank", "spilled"),
    ],
)
def test_getting_out_alive_fleeing_home_and_a_substance_escaping_are_other_fates(
    quote: str, fate: str
) -> None:
    assert _fate(quote) == fate


def test_escaping_injury_is_no_escape() -> None:
    assert _fate("all 52 passengers escaped injury when the coach overturned") != "escaped"


@pytest.mark.parametrize(
    "quote",
    [
        "police have recaptured 25 of the runaways",
        "troops caught 14 fugitives at a checkpoint",
        "officers apprehended nine men near the quarry",
        "about 30 are back in custody",
        "no more than 20 have been returned to their cells",
        "17 were rounded up in the woods",
    ],
)
def test_people_caught_again_are_held_like_the_arrested(quote: str) -> None:
    assert _fate(quote) == "detained"


@pytest.mark.parametrize(
    "quote",
    [
        "the warehouse caught fire and 12 workers were hurt",
        "40 motorists caught in the flood waters were pulled out",
    ],
)
def test_catching_fire_or_being_caught_in_a_flood_is_no_arrest(quote: str) -> None:
    assert _fate(quote) != "detained"


@pytest.mark.parametrize(
    "quote",
    [
        "the neighbouring state has handed back 14 fugitives",
        "its border police say they returned only nine",
        "eight suspects were extradited last month",
        "11 fishermen have been sent back to Korvania",
    ],
)
def test_people_handed_back_or_returned_are_let_go_by_those_holding_them(quote: str) -> None:
    assert _fate(quote) == "released"


def test_people_returned_home_are_not_handed_back() -> None:
    assert _fate("about 400 residents returned home on Sunday") != "released"


@pytest.mark.parametrize(
    "quote",
    ["about 50 remain at large", "some 30 convicts are still on the run", "12 remain free"],
)
def test_people_not_yet_caught_are_counted_as_the_missing(quote: str) -> None:
    reading = _p(quote)
    assert (reading.predicate, reading.unit) == ("missing", "missing")


def test_a_later_count_at_large_updates_the_earlier() -> None:
    early = _p("About 50 remain at large", MAY_4)
    later = _p("Some 35 are still at large", MAY_11)
    assert _relation(later, early) is Relation.UPDATES


@pytest.mark.parametrize(
    "quote",
    [
        "gunmen kidnapped 27 pupils from the boarding school",
        "19 tourists were taken hostage at the hotel",
        "the militia is holding 60 hostages",
    ],
)
def test_people_taken_as_hostages_are_the_abducted(quote: str) -> None:
    assert _fate(quote) == "abducted"


def test_hostages_freed_are_the_released_not_the_abducted() -> None:
    assert _fate("the army freed 18 hostages on Monday") == "released"
    freed = _p("the army freed 18 hostages on Monday")
    taken = _p("18 hostages are still held in the hills")
    assert _relation(freed, taken) is None


def test_charged_and_convicted_are_counts_apart_from_the_arrested() -> None:
    arrested = _p("police arrested 120 protesters")
    charged = _p("64 protesters have been charged with rioting")
    convicted = _p("nine protesters were convicted on Friday")
    assert (arrested.predicate, charged.predicate, convicted.predicate) == (
        "detained",
        "charged",
        "convicted",
    )
    assert _relation(arrested, charged) is None
    assert _relation(charged, convicted) is None


@pytest.mark.parametrize(
    "quote",
    [
        "about 200 refugees have crossed the hills into Tesmar",
        "some 40 fighters entered Tesmari territory",
        "nine men slipped across the border at night",
    ],
)
def test_people_gone_across_a_border_are_one_count(quote: str) -> None:
    assert _fate(quote) == "crossed"


def test_none_of_them_across_the_border_denies_the_part_said_to_have_crossed() -> None:
    denial = read_quote("Not one escaped convict has entered Tesmari territory", "", None)
    assert (denial.value, denial.qualifier, denial.unit, denial.predicate) == (
        0.0,
        DENIED,
        "prisoners",
        "crossed",
    )
    part = _p("About 25 of the escapees have crossed the river into Tesmar")
    assert _relation(part, _p("Not one escaped convict has entered Tesmari territory")) is (
        Relation.CONTRADICTS
    )


@pytest.mark.parametrize(
    "quote",
    [
        "1.2 million people have been vaccinated",
        "another 300,000 received a first dose",
        "40,000 care workers were inoculated last week",
    ],
)
def test_people_given_a_vaccine_are_the_vaccinated(quote: str) -> None:
    assert _fate(quote) == "vaccinated"


def test_the_vaccinated_are_not_the_infected() -> None:
    assert _relation(_p("2,000 people have been vaccinated"), _p("2,400 people were infected")) is (
        None
    )


@pytest.mark.parametrize("noun", ["inmates", "prisoners", "convicts", "escapees", "fugitives"])
def test_people_held_in_prison_are_one_class(noun: str) -> None:
    assert read_quote(f"31 {noun} were recaptured", "", None).unit == "prisoners"


def test_dead_prisoners_are_not_the_dead_guards() -> None:
    guards = _p("Seven guards were killed in the riot")
    prisoners = _p("Seven inmates were killed in the riot")
    assert guards.unit == "killed"
    assert (prisoners.unit, prisoners.predicate) == ("prisoners", "casualty")
    assert relate(guards, prisoners) is None


def test_escaped_and_recaptured_prisoners_are_different_counts() -> None:
    escaped = _p("120 inmates escaped")
    caught = _p("120 inmates have been recaptured")
    assert relate(escaped, caught) is None


def test_troops_killed_and_troops_wounded_are_held_apart() -> None:
    killed = _p("300 soldiers were killed in the offensive")
    wounded = _p("1,100 soldiers were wounded in the offensive")
    assert (killed.predicate, wounded.predicate) == ("casualty", "hurt")
    assert relate(killed, wounded) is None
    casualties = _p("1,400 soldiers were killed or wounded, counted as casualties")
    assert casualties.predicate == "casualty"


@pytest.mark.parametrize(
    ("quote", "fate"),
    [
        ("the latest count is 233 escapees", "escaped"),
        ("the ministry now puts the number of escapees at 231", "escaped"),
        ("the militia is said to hold some 60 captives", "abducted"),
        ("121 escapees have been recaptured", "detained"),
        ("Five escapees have been killed since the break", "casualty"),
    ],
)
def test_a_noun_naming_a_fate_tells_it_unless_a_verb_tells_another(quote: str, fate: str) -> None:
    assert _fate(quote) == fate


def test_a_participle_naming_who_is_counted_leaves_the_fate_to_the_verb() -> None:
    assert _fate("14 escaped inmates were recaptured at the port") == "detained"
    assert _fate("14 inmates escaped from the port lock-up") == "escaped"


def test_revised_up_to_a_figure_is_that_figure_not_a_bound() -> None:
    reading = read_quote("The number of convicts who escaped has been revised up to 96", "", None)
    assert (reading.value, reading.qualifier) == (96.0, "")
    bound = read_quote("up to 96 convicts may have escaped", "", None)
    assert bound.qualifier == "up to"


def test_a_number_word_of_a_bodys_members_is_read_with_its_qualifier() -> None:
    reading = read_quote("as many as twelve of its members may have been killed", "", None)
    assert (reading.value, reading.qualifier, reading.unit) == (12.0, "as many as", "killed")


def test_a_verb_of_fate_before_some_of_a_group_counts_that_fate_not_a_part() -> None:
    caught = read_quote("police had recaptured 18 of the escapees", "", None)
    assert (caught.predicate, caught.subset) == ("detained", False)
    part = read_quote("18 of the escapees were serving life sentences", "", None)
    assert part.subset


def test_what_a_figure_includes_is_a_part_of_it() -> None:
    reading = read_quote("the 37 caught in one sweep", "The police figure includes ", None)
    assert reading.subset


def test_a_count_of_one_sweep_is_one_incidents_count() -> None:
    swept = _p("41 were caught in a single sweep of the marshes")
    assert swept.scope == "incident"


def test_a_figure_told_only_as_the_figure_counts_what_the_sentence_before_named() -> None:
    bare = _p(
        "The army's figure stands at 52",
        around="The army's figure stands at 52, though the families say more.",
        before="The count of hostages keeps climbing.",
    )
    assert (bare.unit, bare.predicate) == ("people", "abducted")
    alone = _p(
        "The army's figure stands at 52",
        around="The army's figure stands at 52, though the families say more.",
    )
    assert alone.unit == ""


def test_people_told_by_their_fate_alone_are_those_the_sentence_before_named() -> None:
    caught = _p(
        "Police say 180 have been recaptured",
        around="Police say 180 have been recaptured.",
        before="Forty of the 260 convicts were serving life sentences.",
    )
    assert (caught.unit, caught.predicate) == ("prisoners", "detained")
    other = _p(
        "Police say 180 have been recaptured",
        around="Police say 180 have been recaptured.",
        before="The storm flattened 40 barns.",
    )
    assert other.unit == "people"


def test_a_bare_figure_after_a_fate_only_count_takes_that_fate() -> None:
    sentence = "Police say 180 have been recaptured; the monitor counts at least 170."
    bare = _p(
        "the monitor counts at least 170",
        around=sentence,
        before="Forty of the 260 convicts were serving life sentences.",
    )
    assert (bare.unit, bare.predicate) == ("prisoners", "detained")


def test_a_part_told_after_the_dead_of_a_class_is_a_part_of_its_dead() -> None:
    sentence = "Five escapees have been killed since the break, four of them at the mill."
    part = _p("four of them at the mill", around=sentence)
    assert part.subset and part.predicate == "casualty"
    assert counted_whole(part) == counted_whole(_p("Five escapees have been killed")) == "killed"


def _claim_in(ws, body: str, quote: str, published: dt.datetime) -> uuid.UUID:  # type: ignore[no-untyped-def]
    article = add_article(ws, NewArticle(text=body, original=body.encode(), published_at=published))
    start = body.index(quote)
    return claim_ops.create_claim(ws, article.id, start, start + len(quote)).id


def test_a_workspace_reads_the_sentence_before_a_figure_told_only_as_the_figure(ws) -> None:  # type: ignore[no-untyped-def]
    early = _claim_in(
        ws,
        "The count of hostages keeps climbing. The army's figure stands at 52, officers say.",
        "The army's figure stands at 52",
        MAY_4,
    )
    later = _claim_in(ws, "Gunmen are now holding 61 hostages in the hills.", "61 hostages", MAY_11)
    read = {p.claim_id: p for p in profiles(ws)}
    assert (read[early].unit, read[early].predicate) == ("people", "abducted")
    pairs = {(x.relation, x.from_claim.claim_id, x.to_claim.claim_id) for x in conflicts(ws)}
    assert (Relation.UPDATES, later, early) in pairs


def test_a_figure_told_as_the_figure_at_a_paragraphs_start_reads_nothing_before() -> None:
    text = "The count of hostages keeps climbing.\nThe army's figure stands at 52."
    assert _sentence_before(text, text.index("The army")) == ""
    text = "The count of hostages keeps climbing. The army's figure stands at 52."
    assert _sentence_before(text, text.index("The army")) == "The count of hostages keeps climbing."


def test_a_part_of_them_is_a_part_of_the_whole_its_sentence_gives() -> None:
    article = uuid.uuid4()
    sentence = "Five escapees have been killed since the break, four of them at the mill."
    whole = _p("Five escapees have been killed since the break", article=article)
    rival = _p("at least seven escapees have died in custody", article=article)
    guards = _p("Nine guards died in the attack", article=article)
    part = _p("four of them at the mill", around=sentence, article=article)
    found = {(a.claim_id, b.claim_id) for a, b in _parts([whole, rival, guards, part])}
    assert found == {(part.claim_id, whole.claim_id)}


@pytest.mark.parametrize(
    ("lead", "quote"),
    [
        ("По данным полиции, эта цифра включает ", "37 задержанных"),
        ("Politiets tal omfatter ", "37 anholdte"),
        ("الرقم يشمل ", "37 معتقلا"),
    ],
)
def test_what_a_figure_includes_is_a_part_of_it_in_other_languages(lead: str, quote: str) -> None:
    assert read_quote(quote, lead, None).subset


def test_an_area_is_no_length() -> None:
    area = read_quote("the marsh covers some 37 square kilometres", "", None)
    length = read_quote("patrols cover all 37 kilometres of the coast", "", None)
    assert area.unit == "square kilometres" and length.unit == "kilometres"
    assert (
        relate(
            _p("the marsh covers some 37 square kilometres"), _p("all 37 kilometres of the coast")
        )
        is None
    )
