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
