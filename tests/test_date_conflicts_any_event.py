"""Date conflicts for any single event, not only a first deployment: a collapse, an
announcement, an arrival, an opening dated a year apart by two articles is flagged; a
second or another such event, a repeatable happening, a different happening and two
dates in one article are not."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, profile

JUNE_2024 = dt.datetime(2024, 6, 20, tzinfo=dt.UTC)


def _p(quote: str, article: uuid.UUID | None = None, lead: str = "") -> Profile:
    return profile(
        uuid.uuid4(), article or uuid.uuid4(), quote, 0, len(quote), None, JUNE_2024, lead=lead
    )


@pytest.mark.parametrize(
    ("a", "b", "event"),
    [
        (
            "the dam above Varn collapsed on 14 June 2022",
            "the dam gave way on 14 June 2023",
            "the failure of the dam",
        ),
        (
            "the ceasefire was announced on 3 May 2021",
            "the ceasefire was declared on 9 September 2021",
            "the announcement of the ceasefire",
        ),
        (
            "the relief convoy arrived in Telmar on 2 April 2024",
            "the convoy arrived on 28 May 2024",
            "the deployment of the convoy",
        ),
        (
            "the new bridge opened to traffic in March 2019",
            "the bridge was opened in March 2020",
            "the start of the bridge",
        ),
        # The event noun itself as the thing: "the collapse".
        (
            "the collapse came on 14 June 2022",
            "the collapse, on 14 June 2023, flooded the valley",
            "the collapse",
        ),
    ],
)
def test_a_single_event_dated_apart_by_two_articles_is_flagged(a: str, b: str, event: str) -> None:
    (found,) = date_conflicts([_p(a), _p(b)])
    assert found.earlier.quote == a and found.later.quote == b
    assert found.event == event
    assert "days apart" in found.why


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A second one, another one: other events of that kind.
        ("the dam above Varn collapsed on 14 June 2022", "a second dam collapsed on 2 June 2023"),
        ("the convoy arrived on 2 April 2024", "another convoy arrived on 28 May 2024"),
        ("the dam collapsed on 14 June 2022", "the second dam collapsed on 20 June 2023"),
        # Plural things without a mark of the first may have it again and again.
        ("bridges collapsed in March 2019", "bridges collapsed in March 2020"),
        # Different happenings to one thing, different things.
        ("the dam collapsed on 14 June 2022", "the dam was opened on 14 June 2012"),
        ("the dam above Varn collapsed on 14 June 2022", "the bridge collapsed on 2 June 2023"),
        # Agreeing dates: a few days apart.
        ("the dam collapsed on 14 June 2023", "the dam gave way on 16 June 2023"),
    ],
)
def test_other_events_and_agreeing_dates_are_not_flagged(a: str, b: str) -> None:
    assert date_conflicts([_p(a), _p(b)]) == []


def test_one_article_dating_two_such_happenings_tells_of_two_events() -> None:
    article = uuid.uuid4()
    a = _p("the dam collapsed on 14 June 2022", article)
    b = _p("the dam collapsed on 14 June 2023", article)
    assert date_conflicts([a, b]) == []
    assert len(date_conflicts([a, _p("the dam collapsed on 14 June 2023")])) == 1


def test_the_things_a_claim_names_once() -> None:
    assert happenings(_p("the levee near Orsk broke on 3 May")) == {
        Happening("failure", "levee", "")
    }
    # The first of a group names what the group is of.
    assert happenings(_p("the first batch of engineers arrived on 3 May")) == {
        Happening("deployment", "engineers", "")
    }
    assert happenings(_p("a third levee failed on 9 May")) == set()
    assert happenings(_p("the levee failed again on 9 May")) == set()
    assert happenings(_p("the third levee failed on 9 May")) == {
        Happening("failure", "levee", "third")
    }


def test_where_it_happened_is_not_what_it_happened_to() -> None:
    # "on the island" is a place: marines landing twice are two landings.
    assert date_conflicts(
        [_p("4,000 marines landed on the island in August 2023"),
         _p("9,000 marines landed on the island in October 2023")]
    ) == []  # fmt: skip
    # "broke through the levee": the levee failed.
    (found,) = date_conflicts(
        [_p("the river broke through the levee on 2 May 2023"),
         _p("the levee gave way on 2 May 2024")]
    )  # fmt: skip
    assert found.event == "the failure of the levee"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A happening named by its noun alone, whatever verb tells of it.
        ("the quake struck the coast on 6 February 2022", "the earthquake of 6 February 2023"),
        ("the blast tore through the port on 4 August 2019", "the explosion on 4 August 2020"),
        # An occurrence is told of once, whatever its article: "a fire broke out".
        ("a fire broke out at the mill on 3 March 2021", "the fire started on 3 March 2022"),
        # The same thing at the same place.
        ("the pier at Holm collapsed on 1 May 2022", "the pier at Holm gave way on 1 May 2023"),
    ],
)
def test_an_event_named_by_its_noun_or_place_is_one_event(a: str, b: str) -> None:
    assert len(date_conflicts([_p(a), _p(b)])) == 1


def test_the_same_thing_at_different_places_is_two_events() -> None:
    assert date_conflicts(
        [_p("the pier at Holm collapsed on 1 May 2022"),
         _p("the pier at Vessby collapsed on 1 May 2023")]
    ) == []  # fmt: skip
    # A new fire, a second quake: other occurrences.
    assert date_conflicts(
        [_p("a fire broke out at the mill on 3 March 2021"),
         _p("a new fire broke out on 3 March 2022")]
    ) == []  # fmt: skip
    assert date_conflicts(
        [_p("the quake struck the coast on 6 February 2022"),
         _p("a second quake struck on 9 March 2023")]
    ) == []  # fmt: skip


def test_two_dates_of_a_day_disagree_sooner_than_two_months() -> None:
    # Both give the day: ten days apart is another date for the same failure …
    (found,) = date_conflicts(
        [_p("the dam gave way on 2 March 2023"), _p("the dam collapsed on 12 March 2023")]
    )
    assert "10 days apart" in found.why
    # … but a sending and an arrival five days apart may tell of one deployment,
    assert date_conflicts(
        [_p("the first troops were sent on 3 October 2024"),
         _p("the first troops arrived on 8 October 2024")]
    ) == []  # fmt: skip
    # and a month against a day within it, or the next, agree.
    assert (
        date_conflicts(
            [_p("the dam collapsed in March 2023"), _p("the dam gave way on 2 April 2023")]
        )
        == []
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the ferry sank off Kolby on 9 May 2020", "the ferry capsized on 9 May 2021"),
        ("the storm made landfall on 28 August 2019", "the hurricane struck on 28 August 2020"),
        ("the hostage was freed on 4 April 2022", "the hostage was released on 4 April 2023"),
    ],
)
def test_more_kinds_of_happening(a: str, b: str) -> None:
    assert len(date_conflicts([_p(a), _p(b)])) == 1


def test_a_figure_reaching_a_level_is_no_event() -> None:
    assert (
        date_conflicts([_p("the toll hit 40 on 3 May 2023"), _p("the toll hit 12 on 9 June 2023")])
        == []
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Who acted is not what happened to: a government announces many things,
        # a president meets many people.
        (
            "the government announced the plan on 1 April 2024",
            "the government announced sanctions on 15 July 2024",
        ),
        ("the president met the envoy on 4 June 2024", "the president met mayors on 30 July 2024"),
        # Different phases of one occurrence: its start and its end or collapse.
        ("the ceasefire took effect on 12 May 2024", "the ceasefire collapsed on 20 June 2024"),
        ("the strike began on 1 June 2024", "the strike ended on 28 July 2024"),
        ("the talks began on 3 May 2024", "the talks ended on 9 July 2024"),
        ("the election was called on 2 April 2024", "the election was held on 7 July 2024"),
    ],
)
def test_agents_and_phases_are_not_one_event(a: str, b: str) -> None:
    assert date_conflicts([_p(a), _p(b)]) == []


def test_what_an_agent_acted_on_is_the_event() -> None:
    (found,) = date_conflicts(
        [_p("the army launched the offensive on 6 May 2024"),
         _p("the offensive began on 6 May 2023")]
    )  # fmt: skip
    assert found.event == "the offensive"
    (found,) = date_conflicts(
        [_p("the court released the journalist on 9 July 2024"),
         _p("the journalist was freed on 9 July 2023")]
    )  # fmt: skip
    assert found.event == "the release of the journalist"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the old mill was destroyed on 3 May 2021", "the old mill burned down on 3 May 2022"),
        ("the dike gave out on 9 March 2020", "the dike toppled on 9 March 2021"),
        ("the new law was passed on 2 June 2022", "the new law was adopted on 2 June 2023"),
        ("the mayor was sworn in on 1 July 2022", "the mayor took office on 1 July 2021"),
        ("the bridge was built in 1961", "the bridge was completed in 1971"),
    ],
)
def test_general_kinds_of_happening(a: str, b: str) -> None:
    assert len(date_conflicts([_p(a), _p(b)])) == 1


def test_words_before_an_event_noun_do_not_hide_it() -> None:
    (found,) = date_conflicts(
        [_p("the main quake struck on 3 May 2021"), _p("the deadly quake of 3 May 2022")]
    )
    assert found.event == "the earthquake"
    # A subsequent one is another.
    assert (
        date_conflicts(
            [_p("the main quake struck on 3 May 2021"), _p("the subsequent quake of 3 July 2021")]
        )
        == []
    )


def test_a_name_before_the_thing_tells_which_one() -> None:
    assert date_conflicts(
        [_p("the levee at Kessin gave way on 2 March 2024"),
         _p("the Orsk levee failed on 7 April 2024")]
    ) == []  # fmt: skip
    (found,) = date_conflicts(
        [_p("the levee at Kessin gave way on 2 March 2024"),
         _p("the Kessin levee failed on 2 March 2025")]
    )  # fmt: skip
    assert found.event == "the failure of the levee"
    # What broke through the levee is not what failed.
    assert date_conflicts(
        [_p("the river broke through the levee on 2 May 2023"),
         _p("the river flooded the valley on 2 May 2024")]
    ) == []  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # One thing under several names: the ferry is the vessel, the pit is the mine.
        ("the ferry capsized on 3 April 2024", "the vessel sank on 3 May 2024"),
        ("the pit caved in on 2 February 2024", "the mine collapsed on 9 March 2024"),
        # "Last Saturday", "on the second day" date the event; they do not number it.
        ("the reservoir wall burst on 1 June 2024", "since last Saturday, when the wall burst"),
        # A part's failure is its whole's: "the roof of the tunnel fell in".
        ("the No. 4 tunnel collapsed on 11 May 2024", "the roof of the tunnel fell in on 12 June"),
        # Events told by verbs of many kinds.
        ("the blaze ignited on 2 May 2024", "the blaze broke out on 9 June 2024"),
        ("the freighter ran aground on 4 March 2024", "the freighter ran aground on 4 June 2024"),
        ("the trawler went down on 2 February 2024", "the trawler foundered on 12 June 2024"),
    ],
)
def test_one_event_told_in_other_words_is_flagged(a: str, b: str) -> None:
    assert len(date_conflicts([_p(a), _p(b)])) == 1


def test_the_events_own_noun_names_the_one_thing_it_befell() -> None:
    named = _p("the barge capsized on 2 May 2024")
    bare = _p("the capsizing on 14 June 2024 was the worst on the river")
    (found,) = date_conflicts([named, bare])
    assert {found.earlier, found.later} == {named, bare}
    # Of two things it befell, the noun alone could be either.
    other = _p("the tug capsized on 14 June 2024")
    assert date_conflicts([named, bare, other]) == []


def test_it_is_what_its_sentence_named_before() -> None:
    sentence = "The Brenna Point lighthouse has stood empty since it closed in May 2019."
    quote = "since it closed in May 2019"
    it = profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, JUNE_2024, sentence)
    assert happenings(it) == {Happening("end", "lighthouse", "")}
    other = _p("the lighthouse closed in August 2021")
    assert len(date_conflicts([it, other])) == 1
    # Without its sentence, "it" names nothing.
    assert happenings(_p(quote)) == set()


@pytest.mark.parametrize(
    "named",
    ["the MV Corra Lind capsized on 9 June 2023", "the barge Corra Lind overturned on 9 June 2023"],
)
def test_a_vessel_called_by_its_name_is_the_vessel(named: str) -> None:
    assert len(date_conflicts([_p(named), _p("the vessel sank on 9 June 2024")])) == 1
    # A ferry's terminal is not the ferry; a name alone says no kind of thing.
    assert happenings(_p("the ferry terminal opened on 2 May 2019")) == {
        Happening("start", "terminal", "")
    }
    assert date_conflicts([_p("the Corra Lind sank on 9 June 2023"), _p(named)]) == []


def test_the_vessel_is_the_one_ferry_not_one_of_two_ships() -> None:
    ferry = _p("the ferry capsized on 3 April 2024")
    vessel = _p("the vessel sank on 3 June 2024")
    assert len(date_conflicts([ferry, vessel])) == 1
    # With a tanker that sank as well, "the vessel" could be either; the ferry and the
    # tanker are two vessels.
    tanker = _p("the tanker sank on 3 June 2024")
    assert date_conflicts([ferry, vessel, tanker]) == []


def test_a_landslide_is_the_failure_of_the_slope_the_story_tells_of() -> None:
    slope = _p("the embankment above Corran gave way on 3 March 2025")
    later = _p("the landslide on 3 April 2025")
    found = date_conflicts([slope, later])
    assert [(c.earlier, c.later) for c in found] == [(slope, later)]
    assert "embankment" in found[0].event
    assert date_conflicts([slope, _p("the landslide on 3 March 2025")]) == []
    # a storm is no failure of the embankment
    assert date_conflicts([slope, _p("the storm on 3 April 2025")]) == []
