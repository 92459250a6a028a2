"""Attribution cues of Russian, Ukrainian, Danish, German, Korean and Arabic news text.

Each cue gives the content span the source asserts and the source's words as
written; :mod:`db.assist.attribution` resolves the names and kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.assist.text import Span


@dataclass(frozen=True, slots=True)
class Cue:
    start: int  # content the source asserts
    end: int
    raw: str  # the source as written
    cue: str
    cue_start: int
    cue_end: int


# "according to X," before the statement; X runs to a comma or, in V2 languages, to the verb.
_PREFIX = re.compile(
    r"(?P<cue>(?i:по данным|по словам|по информации|по оценкам|как сообщает|как сообщил[аио]?|"
    r"как заявил[аио]?|за даними|за словами|ifølge|iflg\.|laut|nach angaben|nach angaben von|"
    r"wie .{0,40}? berichtet|وفقا لـ?|وفقاً لـ?|بحسب|حسب|نقلا عن|نقلاً عن))\s*"
)
_V2_VERB = re.compile(
    r"\s(?:har|er|var|blev|bliver|skal|vil|kan|kunne|havde|hat|ist|sind|war|waren|wurde|wurden|"
    r"haben|hätten|seien|sollen|soll|habe|befinden|befindet)\s"
)
_RU_VERBS = (
    r"сообщил[аио]?|заявил[аио]?|сказал[аио]?|отметил[аио]?|рассказал[аио]?|подчеркнул[аио]?|"
    r"уточнил[аио]?|добавил[аио]?|передает|передаёт|пишет|сообщает|заявляет|повідомив|"
    r"повідомила|повідомили|заявив|заявила|сказав|зазначив"
)
_DA_DE_VERBS = (
    r"siger|sagde|oplyser|oplyste|skriver|skrev|fortæller|fortalte|vurderer|vurderede|"
    r"meddeler|meddelte|sagte|sagt|erklärte|erklärt|berichtete|berichtet|teilte mit|betonte|"
    r"schätzt|schätzte|sagt"
)
_SUBJECT_VERB = re.compile(
    rf"(?P<verb>{_RU_VERBS}|{_DA_DE_VERBS})(?P<that>,\s*(?:что|що|at|dass)\b|,|:)",
)
_INVERTED = re.compile(
    rf"(?:,|»|“|\")\s*[—–-]?\s*(?P<verb>{_RU_VERBS}|{_DA_DE_VERBS})\s+(?P<who>[^.!?\n]+?)\s*[.!?]?$"
)
_KO_ACCORDING = re.compile(r"(?P<who>[^\s,.]+(?:\s[^\s,.]+)?)에\s?따르면\s*,?\s*")
_KO_VERB = re.compile(
    r"(?:고|다고|라고|며)\s*(?P<verb>밝혔다|말했다|전했다|보도했다|주장했다|설명했다|강조했다|"
    r"발표했다|덧붙였다|추정했다|분석했다)[.]?$"
)
_KO_SUBJECT = re.compile(r"^(?P<who>(?:\S+\s){0,3}?\S+?)(?:은|는|이|가)\s")
_AR_SAID = re.compile(
    r"(?:^|\s)و?(?P<verb>قال|قالت|أعلن|أعلنت|أكد|أكدت|ذكر|ذكرت|أفاد|أفادت|صرح|صرحت)\s+"
    r"(?P<who>[^،,.]+?)\s+(?:إن|أن|بأن)\s"
)


def foreign_cues(text: str, sent: Span) -> list[Cue]:
    """Cues in one sentence of *text*."""
    s, e = sent.start, sent.end
    body = text[s:e]
    out: list[Cue] = []
    for m in _PREFIX.finditer(body):
        rest = body[m.end() :]
        stop = re.search(r"[,،:;]", rest)
        verb = _V2_VERB.search(rest)
        end = min(x for x in (stop.start() if stop else None, verb.start() if verb else None,
                              len(rest)) if x is not None)  # fmt: skip
        who = rest[:end].strip()
        if not who or len(who) > 80:
            continue
        after = m.end() + end
        before = body[: m.start()].strip()
        if len(before.split()) <= 1:
            c_start, c_end = s + after, e
        else:
            c_start, c_end = s, s + len(body[: m.start()].rstrip(" ,"))
        out.append(Cue(c_start, c_end, who, m.group("cue").casefold(), s + m.start(), s + after))
    for m in _SUBJECT_VERB.finditer(body):
        head = body[: m.start()]
        clause_start = max(head.rfind(","), head.rfind("«"), head.rfind("»"), -1) + 1
        who = head[clause_start:].strip(" —–-")
        if not who or len(who.split()) > 8:
            continue
        out.append(Cue(s + m.end(), e, who, m.group("verb"), s + clause_start, s + m.end()))
    inv = _INVERTED.search(body)
    if inv:
        who = inv.group("who").strip()
        if who and len(who.split()) <= 10:
            out.append(Cue(s, s + inv.start(), who, inv.group("verb"), s + inv.start(), e))
    ko = _KO_ACCORDING.search(body)
    if ko:
        out.append(Cue(s + ko.end(), e, ko.group("who"), "에 따르면", s + ko.start(), s + ko.end()))
    elif _KO_VERB.search(body):
        subject = _KO_SUBJECT.match(body)
        if subject:
            verb = _KO_VERB.search(body)
            assert verb is not None
            out.append(
                Cue(s + subject.end(), s + verb.start(), subject.group("who"), verb.group("verb"),
                    s, s + subject.end())
            )  # fmt: skip
    ar = _AR_SAID.search(body)
    if ar:
        out.append(
            Cue(s + ar.end(), e, ar.group("who"), ar.group("verb"), s + ar.start(), s + ar.end())
        )
    return out


__all__ = ["Cue", "foreign_cues"]
