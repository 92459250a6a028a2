"""More of how Arabic, Danish and English news attribute what they report: "أعلنت X أمس خفض
…" (the day between the body and what it announced), a relative clause before the colon of a
quotation, "يُرجَّح أن" as a hedge; Danish print's »…,« siger X over one sentence or two, "Ifølge
X viste målinger, at …", "siden 2012" and a sentence opening on "I 2019"; "according to a
statement the bank issued on Monday", "the bank" taking up the bank named before, an unnamed
source cited by a paper still passed on by it when taken up again.  Every text here is written
for these tests."""

from __future__ import annotations

import datetime as dt

from assist_support import figure_at, of_kind

from db.assist.dates import extract_dates
from db.assist.suggest import Suggestion, suggest

PUBLISHED = dt.date(2025, 11, 12)  # a Wednesday


def at(found: list[Suggestion], kind: str, target: str, text: str) -> Suggestion:
    """The one suggestion of *kind* whose target reads *target*."""
    hits = [s for s in of_kind(found, kind) if text[s.target_start : s.target_end] == target]
    assert len(hits) == 1, [(s.kind, s.quote, s.source) for s in found]
    return hits[0]


# Arabic


def test_the_day_between_a_body_and_what_it_announced_is_the_announcings() -> None:
    text = (
        "أعلنت شركة المياه الوطنية أمس خفض ساعات الضخ في ١٤ حيا من ٢٠ ساعة إلى ١٢ ساعة يوميا. "
        "وأعلن المجلس البلدي مساء الأحد وقف أعمال الحفر في ٣ شوارع."
    )
    found = suggest(text, PUBLISHED, "ar")
    for target in ("١٤", "٢٠", "١٢"):
        assert figure_at(found, target, text).source == "شركة المياه الوطنية"
    assert figure_at(found, "٣", text).source == "المجلس البلدي"
    assert at(found, "date", "أمس", text).source is None  # the day it was said


def test_a_relative_clause_before_the_colon_of_a_quotation_describes_the_speaker() -> None:
    text = (
        "وقال المزارع حسن العبيدي، الذي يملك بستانا قرب النهر: «خسرت نصف المحصول هذا الموسم». "
        "وقالت الممرضة ليلى حداد، وهي تعمل في المستشفى منذ سنوات: «لم نر مثل هذا الضغط من قبل»."
    )
    quotations = of_kind(suggest(text, PUBLISHED, "ar"), "quotation")
    assert [(q.quote, q.source) for q in quotations] == [
        ("خسرت نصف المحصول هذا الموسم", "المزارع حسن العبيدي"),
        ("لم نر مثل هذا الضغط من قبل", "الممرضة ليلى حداد"),
    ]


def test_yurajjah_is_a_hedge_with_no_source() -> None:
    for opening in ("ويُرجَّح أن", "ومن المرجح أن"):
        text = f"{opening} يرتفع عدد الزوار إلى نحو ٥٠ ألف زائر خلال العطلة."
        hit = figure_at(suggest(text, PUBLISHED, "ar"), "نحو ٥٠ ألف", text)
        assert (hit.source, hit.hedge) == (None, opening)


# Danish


def test_a_danish_quotation_closing_on_its_guillemet_is_the_speakers() -> None:
    text = (
        "Vandværket i Hobro lukkede mandag for vandet.\n\n"
        "»Vi har ikke haft bakterier i vandet siden 2012. Nu må vi lukke i mindst fem dage,« "
        "siger driftschef Jonas Vinther fra Hobro Vand til Mariagerfjord Avis.\n\n"
        "»Vi har købt 40 liter vand på flaske!« siger borger Lise Krag."
    )
    found = suggest(text, PUBLISHED, "da")
    assert [(q.quote, q.source) for q in of_kind(found, "quotation")] == [
        (
            "Vi har ikke haft bakterier i vandet siden 2012. Nu må vi lukke i mindst fem dage",
            "Jonas Vinther",
        ),
        ("Vi har købt 40 liter vand på flaske!", "Lise Krag"),
    ]
    # the figures and the date inside each quotation are its speaker's
    assert at(found, "date", "siden 2012", text).source == "Jonas Vinther"
    assert figure_at(found, "mindst fem", text).source == "Jonas Vinther"
    assert figure_at(found, "40", text).source == "Lise Krag"


def test_ifolge_before_a_verb_of_showing_is_the_account_not_a_subject() -> None:
    text = (
        "Ifølge Kystdirektoratet viste målinger fra oktober, at stranden er skrumpet med 12 meter."
    )
    found = suggest(text, PUBLISHED, "da")
    assert figure_at(found, "12", text).source == "Kystdirektoratet"
    assert [s.source for s in found] == ["Kystdirektoratet"] * len(found)


def test_a_danish_year_after_siden_or_opening_a_sentence_is_a_date() -> None:
    for sentence, span in (
        ("Siden 2012 er prisen steget hvert år.", "Siden 2012"),
        ("Priserne er steget siden 2012.", "siden 2012"),
        ("I 2019 var 31 strande lukket.", "I 2019"),
    ):
        found = extract_dates(sentence, PUBLISHED)
        assert [sentence[d.start : d.end] for d in found] == [span]
        year = int(span[-4:])
        assert (found[0].first, found[0].last) == (dt.date(year, 1, 1), dt.date(year, 12, 31))


# English


def test_a_statement_the_body_issued_names_the_body() -> None:
    text = (
        "Kelso Water Company will raise bills by 6 per cent from April, according to a statement "
        "the company issued on Tuesday."
    )
    found = suggest(text, PUBLISHED, "en")
    assert figure_at(found, "6 per cent", text).source == "Kelso Water Company"
    assert at(found, "date", "on Tuesday", text).source is None  # the day it was issued
    text = "Waiting lists fell by 8 per cent, according to figures the Health Ministry published."
    hit = figure_at(suggest(text, PUBLISHED, "en"), "8 per cent", text)
    assert hit.source == "Health Ministry"


def test_the_bank_takes_up_the_bank_named_before() -> None:
    text = "Northgate Bank will shut 30 branches next year. The bank said 200 jobs would go."
    hit = figure_at(suggest(text, PUBLISHED, "en"), "200", text)
    assert hit.source == "Northgate Bank"


def test_a_cited_source_taken_up_again_is_still_relayed() -> None:
    text = (
        "The Harbour Gazette reported, citing a port official, that 300 containers were stuck. "
        "The official said 40 ships were waiting outside the harbour."
    )
    hit = figure_at(suggest(text, PUBLISHED, "en"), "40", text)
    assert (hit.source, hit.relayed_by) == ("port official", ("Harbour Gazette",))
    # a named person spoke for themself
    text = (
        "The Harbour Gazette reported, citing a port official, that 300 containers were stuck. "
        "Harbour master Ann Cole said 40 ships were waiting outside the harbour."
    )
    hit = figure_at(suggest(text, PUBLISHED, "en"), "40", text)
    assert (hit.source, hit.relayed_by) == ("Ann Cole", ())
