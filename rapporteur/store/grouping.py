"""Which documents belong to one review: the review key.

A review (one State's dialogue with one committee on one report) is published as several
documents: a meeting summary (sometimes in two parts), two or three summary records and the
concluding observations. Each document gets aliases from what it says about itself:

- `report:CMW|CMW/C/ARD/2`: the committee and the symbol of the State report considered;
- `state:CMW|ARDENIA|2`: committee, State (ISO code or folded name) and report numbers;
- `doc:CMW/C/SR.545`: its own UN symbol, and for concluding observations the summary records
  cited by their introduction ("at its 545th and 546th meetings (see CMW/C/SR.545 and 546)").

Documents sharing an alias, directly or through others, are one review: they share
`reviews.review_key`, the smallest alias of the group (report before state before doc), so the
grouping does not depend on the order in which documents arrive.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

_PRIORITY = {"report": 0, "state": 1, "doc": 2, "id": 3}

_MEETINGS = re.compile(
    r"\b((?:[A-Z]{2,6}/)+C/SR\.)(\d+)((?:\s*(?:,|and|&|-|–)\s*(?:(?:[A-Z]{2,6}/)+C/SR\.)?\d+)*)"
)


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^A-Za-z0-9]+", " ", plain).split()).upper()


def cited_meetings(text: str) -> list[str]:
    """Summary-record symbols in a text, ranges and "545 and 546" expanded."""
    out: list[str] = []
    for m in _MEETINGS.finditer(text):
        prefix = m.group(1)
        numbers = [int(m.group(2))]
        for sep, number in re.findall(
            r"(,|and|&|-|–)\s*(?:(?:[A-Z]{2,6}/)+C/SR\.)?(\d+)", m.group(3)
        ):
            n = int(number)
            if sep in "-–" and numbers[-1] < n <= numbers[-1] + 10:
                numbers += range(numbers[-1] + 1, n + 1)
            else:
                numbers.append(n)
        out += [f"{prefix}{n}" for n in numbers]
    return list(dict.fromkeys(out))


def aliases(data: Mapping[str, Any]) -> list[str]:
    """The aliases of one stored review@1 object (see the module docstring)."""
    doc = data.get("document") or {}
    meta = data.get("review") or {}
    report = meta.get("report") or {}
    state = meta.get("state_party") or {}
    committee = (meta.get("committee") or "").upper()
    out: list[str] = []
    if report.get("symbol"):
        symbol = str(report["symbol"]).upper().replace(" ", "")
        out.append(f"report:{committee}|{symbol}" if committee else f"report:{symbol}")
    who = state.get("iso3") or (_fold(state["name"]) if state.get("name") else None)
    numbers = [str(n) for n in report.get("numbers") or []]
    if committee and who and numbers:
        out.append(f"state:{committee}|{who.upper()}|{'-'.join(numbers)}")
    if doc.get("symbol"):
        out.append("doc:" + str(doc["symbol"]).upper().replace(" ", ""))
    if doc.get("kind") == "concluding_observations":
        intro = " ".join(str(p.get("text") or "") for p in (data.get("paragraphs") or [])[:12])
        out += ["doc:" + s for s in cited_meetings(intro)]
    return list(dict.fromkeys(out))


def _best(keys: Iterable[str]) -> str:
    return min(keys, key=lambda a: (_PRIORITY.get(a.split(":", 1)[0], 9), a))


def _component(conn: sqlite3.Connection, start: str) -> set[str]:
    """Every review linked to `start` through shared aliases."""
    seen = {start}
    frontier = [start]
    while frontier:
        marks = ",".join("?" * len(frontier))
        rows = conn.execute(
            "SELECT DISTINCT b.review_id FROM review_aliases a "
            "JOIN review_aliases b ON a.alias = b.alias "
            f"WHERE a.review_id IN ({marks})",
            frontier,
        ).fetchall()
        frontier = [r for (r,) in rows if r not in seen]
        seen.update(frontier)
    return seen


def _rekey(conn: sqlite3.Connection, members: set[str]) -> str:
    marks = ",".join("?" * len(members))
    found = [
        a
        for (a,) in conn.execute(
            f"SELECT alias FROM review_aliases WHERE review_id IN ({marks})", sorted(members)
        )
    ]
    key = _best(found) if found else "id:" + min(members)
    conn.execute(
        f"UPDATE reviews SET review_key = ? WHERE id IN ({marks})", [key, *sorted(members)]
    )
    # A document that does not name the State (a meeting summary of a State the tool does
    # not know) takes it from the others of its review, so that listing, search filters and
    # facets by State find it.
    named = conn.execute(
        f"SELECT state_name, state_iso3 FROM reviews WHERE id IN ({marks}) "
        "AND state_name IS NOT NULL ORDER BY kind = 'concluding_observations' DESC, id LIMIT 1",
        sorted(members),
    ).fetchone()
    if named:
        conn.execute(
            f"UPDATE reviews SET state_name = ?, state_iso3 = ? WHERE id IN ({marks}) "
            "AND state_name IS NULL",
            [*named, *sorted(members)],
        )
    return key


def regroup(conn: sqlite3.Connection, review_id: str, data: Mapping[str, Any]) -> str:
    """Store the aliases of one review and give its whole group one key (inside the caller's
    transaction); documents of its former group are regrouped too. Returns its key."""
    old = conn.execute("SELECT review_key FROM reviews WHERE id = ?", (review_id,)).fetchone()
    conn.execute("DELETE FROM review_aliases WHERE review_id = ?", (review_id,))
    conn.executemany(
        "INSERT OR IGNORE INTO review_aliases (review_id, alias) VALUES (?, ?)",
        [(review_id, a) for a in aliases(data)],
    )
    members = _component(conn, review_id)
    key = _rekey(conn, members)
    if old and old[0] and old[0] != key:
        forgot(conn, old[0], exclude=review_id)
    return key


def forgot(conn: sqlite3.Connection, key: str, exclude: str | None = None) -> None:
    """Regroup what is left of group `key` after a member left it (or was deleted)."""
    rest = {
        r
        for (r,) in conn.execute("SELECT id FROM reviews WHERE review_key = ?", (key,))
        if r != exclude
    }
    while rest:
        members = _component(conn, min(rest))
        _rekey(conn, members)
        rest -= members
