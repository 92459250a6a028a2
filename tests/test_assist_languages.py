"""Suggestions in Korean, Russian, Danish, German and Arabic news text (written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.assist.suggest import Suggestion, suggest

PUB = dt.date(2024, 10, 23)


def at(text: str, needle: str) -> Suggestion:
    lo = text.index(needle)
    hits = [
        s for s in suggest(text, PUB) if s.kind == "figure" and s.target_start <= lo < s.target_end
    ]
    assert hits, needle
    return hits[0]


@pytest.mark.parametrize(
    ("text", "needle", "value", "source", "kind"),
    [
        (
            "국가정보원은 23일 북한이 러시아에 1만2000명 규모의 병력을 파병할 것으로 "
            "보인다고 밝혔다.",
            "1만2000명", 12_000, "국가정보원", "intelligence",
        ),
        (
            "국정원에 따르면 이미 1500명이 러시아 극동 지역으로 이동했다.",
            "1500명", 1_500, "국정원", "intelligence",
        ),
        (
            "По данным украинской разведки, в Курской области находятся до 15 тысяч военных КНДР.",
            "15 тысяч", 15_000, "украинской разведки", "intelligence",
        ),
        (
            "Министерство обороны сообщило, что около 2 тыс. человек уже прибыли.",
            "2 тыс.", 2_000, "Министерство обороны", "government",
        ),
        (
            "«Потери составили 400 человек», — заявил представитель ГУР Андрей Юсов.",
            "400", 400, "Андрей Юсов", "intelligence",
        ),
        (
            "Ifølge den sydkoreanske efterretningstjeneste har Nordkorea sendt 10.000 soldater.",
            "10.000", 10_000, "sydkoreanske efterretningstjeneste", "intelligence",
        ),
        (
            "Forsvarsminister Troels Lund Poulsen siger, at omkring 1.500 soldater er ankommet.",
            "1.500", 1_500, "Troels Lund Poulsen", "government",
        ),
        (
            "Verteidigungsminister Boris Pistorius sagte, etwa 1.500 Soldaten seien angekommen.",
            "1.500", 1_500, "Boris Pistorius", "government",
        ),
        (
            "قال المتحدث باسم وزارة الدفاع إن ١٥٠٠ جندي وصلوا إلى روسيا.",
            "١٥٠٠", 1_500, "المتحدث باسم وزارة الدفاع", "government",
        ),
        (
            "وبحسب الاستخبارات الكورية الجنوبية، أرسلت بيونغ يانغ نحو ١٠ آلاف جندي.",
            "١٠ آلاف", 10_000, "الاستخبارات الكورية الجنوبية", "intelligence",
        ),
    ],
)  # fmt: skip
def test_figure_with_its_source(
    text: str, needle: str, value: float, source: str, kind: str
) -> None:
    found = at(text, needle)
    assert found.value == value
    assert (found.source, found.source_kind) == (source, kind)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("북한군 1만 명 이상이 훈련을 받고 있는 것으로 알려졌다.", "1만 명"),
        ("Tusindvis af soldater er angiveligt på vej.", "Tusindvis"),
        ("وأفادت التقارير بمقتل ٤٠٠ جندي.", "٤٠٠"),
    ],
)
def test_hedged_figures_have_no_source(text: str, needle: str) -> None:
    found = at(text, needle)
    assert found.source is None and found.hedge


def test_danish_date_and_inverted_source() -> None:
    text = "Det skete den 8. oktober 2024, oplyser ministeriet."
    dates = [s for s in suggest(text, PUB) if s.kind == "date"]
    assert [d.event_date for d in dates] == ["2024-10-08"]
    assert dates[0].source == "ministeriet"
