"""More kinds of single event a story may date: a derailment or a crash, an explosion,
an evacuation, a flooding, a contamination, a detection, a closing ("shut"); a report
placing one of them a month off is flagged, two reports of the day agree."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, profile

JULY_2025 = dt.datetime(2025, 7, 25, tzinfo=dt.UTC)


def _p(quote: str) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, JULY_2025)


@pytest.mark.parametrize(
    ("quote", "happening"),
    [
        ("the night train derailed on 9 July", Happening("crash", "train", "")),
        ("the goods train came off the rails on 9 July", Happening("crash", "train", "")),
        ("the fertiliser plant exploded on 9 July", Happening("explosion", "plant", "")),
        ("the care home was evacuated on 9 July", Happening("evacuation", "home", "")),
        ("the colliery flooded on 9 July", Happening("flooding", "mine", "")),
        ("the reservoir was contaminated on 9 July", Happening("contamination", "reservoir", "")),
        ("the first case was diagnosed on 9 July", Happening("detection", "case", "")),
        ("the kitchen was shut on 9 July", Happening("end", "kitchen", "")),
    ],
)
def test_the_happening_and_what_it_befell(quote: str, happening: Happening) -> None:
    assert happening in happenings(_p(quote))


def test_a_derailment_dated_a_month_off_is_flagged() -> None:
    right = _p("the night train derailed on 9 July 2025")
    wrong = _p("the night train came off the rails on 9 June 2025")
    (found,) = date_conflicts([right, wrong])
    assert found.earlier is wrong and found.later is right
    assert date_conflicts([right, _p("the night train derailed late on 9 July 2025")]) == []


def test_who_acted_and_repeated_evacuations_name_no_single_event() -> None:
    assert happenings(_p("residents were evacuated on 9 July")) == set()
    police = happenings(_p("Harlow Police evacuated the care home on 9 July"))
    assert {h.thing for h in police} == {"home"}


def test_what_an_occurrence_did_is_not_what_befell_it() -> None:
    did = _p("the landslide, on 2 July 2025, flooded the road and evacuated the hamlet")
    told = happenings(did)
    assert {h for h in told if h.thing == "landslide"} == {Happening("event", "landslide", "")}
    assert Happening("flooding", "road", "") in told
    (found,) = date_conflicts([did, _p("the landslide struck on 2 June 2025")])
    assert found.later is did


def _told(quote: str, sentence: str, published: dt.datetime = JULY_2025) -> Profile:
    """A claim whose sentence, given, tells what it dates."""
    at = sentence.index(quote)
    return profile(
        uuid.uuid4(), uuid.uuid4(), quote, at, at + len(quote), None, published, sentence
    )  # fmt: skip


def test_a_bare_date_dates_what_its_sentence_tells_before_it() -> None:
    sentence = "The tram, running empty to the depot, left the rails on the night of 4 July."
    bare = _told("on the night of 4 July", sentence)
    assert happenings(bare) == {Happening("crash", "tram", "")}
    ago = _told("ten days ago", "The tram left the rails ten days ago, officials said.")
    assert happenings(ago) == {Happening("crash", "tram", "")}
    # Without its sentence the date names nothing.
    assert happenings(_p("on the night of 4 July")) == set()
    (found,) = date_conflicts([bare, _p("the tram left the rails on 11 July")])
    assert found.earlier is bare


def test_a_sudden_happening_told_of_nothing_is_the_one_such_happening() -> None:
    told = _told("derailed late on Friday", "Roads were shut after wagons derailed late on Friday.")
    assert happenings(told) == {Happening("crash", "", "")}  # Friday 18 July
    (found,) = date_conflicts([told, _p("the goods train came off the rails on 25 June")])
    assert found.later is told and "the crash of the train" in found.why
    # Troops sent name no single deployment, with or without a sentence.
    sent = _told("sent on 3 July", "Troops were sent on 3 July.")
    assert happenings(sent) == set()


def test_a_thing_named_with_a_or_an_is_what_befell() -> None:
    sentence = "Roads were shut after a goods train loaded with timber derailed late on Friday."
    train = _told("derailed late on Friday", sentence)
    assert happenings(train) == {Happening("crash", "train", "")}
    # A bus and a van that crashed are two crashes.
    bus = _p("a bus crashed on 3 July")
    van = _p("a delivery van crashed on 9 July")
    assert happenings(van) == {Happening("crash", "van", "")}
    assert date_conflicts([bus, van]) == []


def test_the_derailment_is_the_crash_of_the_one_thing_that_crashed() -> None:
    noun = _p("the derailment on 9 July 2025")
    (found,) = date_conflicts([noun, _p("the night train came off the rails on 9 June 2025")])
    assert found.later is noun


def test_a_sudden_happening_dated_days_apart_is_flagged() -> None:
    right = _p("the night train derailed on 9 July 2025")
    assert date_conflicts([right, _p("the night train came off the rails on 2 July 2025")])
    # Late at night it may be dated either side of midnight.
    assert date_conflicts([right, _p("the night train derailed late on 8 July 2025")]) == []


def test_an_earlier_event_recalled_by_its_year_is_another_one() -> None:
    recalled = _p("the derailment at Ostry in 2016")
    now = _p("the derailment on 9 July 2025")
    assert date_conflicts([recalled, now]) == []
    # Two dates of the day years apart still disagree.
    assert date_conflicts([_p("the derailment on 9 July 2019"), now])


def test_a_word_of_happening_before_a_noun_names_a_kind_of_it() -> None:
    lifted = _p("the evacuation order was lifted on 4 July")
    assert Happening("end", "order", "") in happenings(lifted)
    (found,) = date_conflicts([lifted, _p("officials lifted the evacuation order on 5 July")])
    assert found.earlier is lifted


def test_food_served_sold_or_eaten_on_a_day_is_one_serving_whatever_was_served() -> None:
    served = _told(
        "soup served at the canteen on 3 July",
        "Inspectors believe the outbreak began with soup served at the canteen on 3 July.",
    )
    # The quote's own words say what it dates (a serving), the sentence only what of.
    assert happenings(served) == {Happening("serving", "", "")}
    ate = _told(  # Thursday 24 July
        "diners who ate at the canteen on Thursday",
        "Forty fell ill, most of them diners who ate at the canteen on Thursday.",
    )
    sold = _p("The pies at the heart of the outbreak were sold on 3 July")
    assert happenings(ate) == happenings(sold) == {Happening("serving", "", "")}
    (found,) = date_conflicts([served, ate])
    assert found.later is ate and "the serving" in found.why
    assert date_conflicts([served, sold]) == []
    # A serving is done on a day: a day apart disagrees.
    assert date_conflicts([served, _p("the soup that made them ill was served on 4 July")])


def test_a_count_of_things_served_is_no_single_serving() -> None:
    counted = _p("the kitchen sold 900 pies over the weekend")
    assert happenings(counted) == set()
    assert date_conflicts([counted, _p("the pies were sold on 3 July")]) == []


def test_trade_and_service_are_no_serving_of_food() -> None:
    """Selling or serving is the serving of food only where illness is told of."""
    for quote in (
        "the company sold its stake on 3 July",
        "the mayor, who served two terms, left office on 3 July",
        "diners who ate at the canteen on 3 July",
    ):
        assert all(h.kind != "serving" for h in happenings(_p(quote)))
    assert (
        date_conflicts(
            [_p("the firm sold its stake on 3 July"), _p("the stake was sold on 9 July")]
        )
        == []
    )


def test_prices_that_plunged_or_crashed_are_no_crash() -> None:
    plunged = _told("plunged on 3 July", "Shares in the operator plunged on 3 July.")
    crashed = _told("crashed on 10 July", "Grain prices crashed on 10 July.")
    assert happenings(plunged) == happenings(crashed) == set()
    train = _p("the night train came off the rails on 9 July")
    assert date_conflicts([plunged, crashed, train]) == []


def test_an_outbreak_and_its_putting_out_are_two_events() -> None:
    started = _p("the moorland fire broke out on 3 July 2025")
    out = _p("the moorland fire was put out on 14 July 2025")
    assert happenings(out) == {Happening("extinguishing", "fire", "")}
    assert date_conflicts([started, out]) == []
    # Put out a statement: no fire, nothing put out.
    assert happenings(_p("the board put out a statement on 14 July")) == set()


def test_an_outbreak_dated_a_week_apart_is_flagged() -> None:
    right = _p("a moorland fire broke out on 10 July 2025")
    wrong = _p("The moorland fire started on 3 July 2025")
    (found,) = date_conflicts([right, wrong])
    assert found.earlier is wrong and found.later is right
    # The fire still burning on a later day is not when it broke out.
    assert date_conflicts([right, _p("the moorland fire on 13 July 2025")]) == []


def test_a_date_after_a_relative_pronoun_dates_what_it_stands_for() -> None:
    sentence = "Two walkers were hurt in the blaze, which began on the night of 12 July."
    began = _told("began on the night of 12 July", sentence)
    assert happenings(began) == {Happening("event", "fire", "")}
    (found,) = date_conflicts([began, _p("the blaze broke out on 4 July 2025")])
    assert found.later is began


def test_an_order_lifted_ends_what_it_ordered() -> None:
    lifted = _p("the evacuation order was lifted on 16 July 2025")
    home = _p("Villagers were allowed back home on 14 July 2025")
    assert Happening("end", "evacuation", "") in happenings(lifted)
    assert happenings(home) == {Happening("end", "evacuation", "")}
    (found,) = date_conflicts([lifted, home])
    assert found.later is lifted
    # The order given and the order lifted are two events, whatever their dates.
    issued = _p("the evacuation order was issued on 3 July 2025")
    assert date_conflicts([issued, lifted]) == []
