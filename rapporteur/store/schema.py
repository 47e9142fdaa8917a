"""The library schema as ordered migrations, and the FTS5 indexes kept in step by triggers.

`MIGRATIONS[i]` brings a library from schema version i to i + 1. Never edit a migration
that has been released; append a new one (and a test that upgrades a library from the
previous version).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence

TOKENIZE = "porter unicode61 remove_diacritics 2"
"""Stemmed (remittance = remittances), case- and accent-insensitive (Ünver = Unver)."""

SEARCH_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "question": ("questions", ("text", "asker")),
    "answer": ("answers", ("text",)),
    "paragraph": ("paragraphs", ("text", "speaker")),
    "figure": ("figures", ("mention", "subject")),
    "commitment": ("commitments", ("text", "speaker")),
    "recommendation": ("recommendations", ("text", "heading", "subject")),
}
"""kind -> (content table, indexed columns). Each content table has review_id, line, side,
status and the indexed columns; its FTS5 table `<table>_fts` is an external-content index
over it, so the text is stored once."""

# Row ids of the searchable tables carry what search filters and counts by, so that a search
# reads only the FTS index (no lookup in the content table per match):
#
#     id = review seq << 24 | side << 22 | status << 20 | n      (n < 2**20 rows per kind)
#
# `reviews.seq` is a stable integer per review; side and status are the codes below.
ROW_BITS = 20
STATUS_SHIFT = 20
SIDE_SHIFT = 22
REVIEW_SHIFT = 24
SIDE_CODES = {None: 0, "committee": 1, "delegation": 2, "other": 3}
STATUS_CODES = {None: 0, "answered": 1, "partial": 2, "unanswered": 3}


def row_id(seq: int, side: str | None, status: str | None, n: int) -> int:
    """The id of the n-th row of one kind in review `seq` (see above)."""
    if n >= 1 << ROW_BITS:
        raise ValueError(f"a review cannot have more than {1 << ROW_BITS} rows of one kind")
    return (
        seq << REVIEW_SHIFT
        | SIDE_CODES.get(side, 3) << SIDE_SHIFT
        | STATUS_CODES.get(status, 0) << STATUS_SHIFT
        | n
    )


def fts_statements(table: str, columns: Sequence[str]) -> list[str]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
        f"content_rowid='id', tokenize='{TOKENIZE}')",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
    ]


_V1_KINDS = {k: v for k, v in SEARCH_KINDS.items() if k != "recommendation"}
"""The searchable tables of schema 1 (a released migration never changes)."""

_REVIEW_CHILD = "review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE"

V1: tuple[str, ...] = (
    """CREATE TABLE reviews (
        id TEXT PRIMARY KEY,              -- first 12 hex digits of sha256
        seq INTEGER NOT NULL UNIQUE,      -- stable integer key, part of the FTS row ids
        sha256 TEXT NOT NULL UNIQUE,      -- of the document's bytes: ingest is idempotent
        origin TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT,
        committee TEXT,
        state_name TEXT,
        state_iso3 TEXT,
        year INTEGER,
        session INTEGER,
        date TEXT,
        report TEXT,
        report_symbol TEXT,
        is_dialogue INTEGER NOT NULL,
        analyzer_version TEXT NOT NULL,   -- older than the running one: re-analysed on ingest
        n_participants INTEGER NOT NULL,
        n_questions INTEGER NOT NULL,
        n_answered INTEGER NOT NULL,
        n_partial INTEGER NOT NULL,
        n_unanswered INTEGER NOT NULL,
        n_figures INTEGER NOT NULL,
        n_contradictions INTEGER NOT NULL,
        n_commitments INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL                -- the rapporteur/review@1 object, as analysed
    )""",
    "CREATE INDEX reviews_committee ON reviews(committee)",
    "CREATE INDEX reviews_state ON reviews(state_iso3)",
    "CREATE INDEX reviews_year ON reviews(year)",
    f"""CREATE TABLE sources (              -- original bytes (zlib), to re-analyse uploads
        {_REVIEW_CHILD.replace("NOT NULL", "PRIMARY KEY")},
        size INTEGER NOT NULL,
        data BLOB NOT NULL
    )""",
    f"""CREATE TABLE participants (
        {_REVIEW_CHILD},
        pid TEXT NOT NULL,
        name TEXT NOT NULL,
        side TEXT NOT NULL,
        roles TEXT NOT NULL,              -- JSON list
        title TEXT,
        PRIMARY KEY (review_id, pid)
    )""",
    f"""CREATE TABLE paragraphs (
        id INTEGER PRIMARY KEY,
        {_REVIEW_CHILD},
        line INTEGER NOT NULL,
        last_line INTEGER NOT NULL,
        section TEXT,
        side TEXT,
        status TEXT,                      -- always NULL: paragraphs have no status
        speaker TEXT,
        text TEXT NOT NULL
    )""",
    f"""CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        {_REVIEW_CHILD},
        qid TEXT NOT NULL,
        line INTEGER NOT NULL,
        round INTEGER,
        kind TEXT,
        asker TEXT,
        participant TEXT,
        side TEXT,
        status TEXT,
        themes TEXT NOT NULL,             -- space-separated theme ids
        text TEXT NOT NULL
    )""",
    f"""CREATE TABLE answers (              -- one row per distinct answer passage
        id INTEGER PRIMARY KEY,
        {_REVIEW_CHILD},
        line INTEGER NOT NULL,
        score REAL,                       -- best link score
        side TEXT,
        status TEXT,                      -- best status among the questions it answers
        qids TEXT NOT NULL,               -- space-separated question ids
        text TEXT NOT NULL
    )""",
    """CREATE TABLE question_answers (
        question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        score REAL,
        PRIMARY KEY (question_id, answer_id)
    )""",
    "CREATE INDEX question_answers_answer ON question_answers(answer_id)",
    f"""CREATE TABLE figures (
        id INTEGER PRIMARY KEY,
        {_REVIEW_CHILD},
        idx INTEGER NOT NULL,             -- index in the review's figures (inconsistencies)
        line INTEGER NOT NULL,
        mention TEXT NOT NULL,
        value REAL,
        value_min REAL,
        value_max REAL,
        qualifier TEXT,
        unit TEXT,
        subject TEXT,
        period TEXT,
        side TEXT,
        status TEXT,
        speaker TEXT,
        contradicted INTEGER NOT NULL
    )""",
    f"""CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        {_REVIEW_CHILD},
        idx INTEGER NOT NULL,
        line INTEGER NOT NULL,
        kind TEXT,
        side TEXT,
        status TEXT,
        speaker TEXT,
        text TEXT NOT NULL
    )""",
    *(f"CREATE INDEX {t}_review ON {t}(review_id)" for t, _ in _V1_KINDS.values()),
    *(stmt for t, cols in _V1_KINDS.values() for stmt in fts_statements(t, cols)),
)

V2: tuple[str, ...] = (
    # needs_check: 1 when the tool is not sure of the question's status (review@1
    # `questions[].needs_check`), 0 when it is; taken from the stored analysis of each review,
    # 1 when that analysis predates the field.
    "ALTER TABLE questions ADD COLUMN needs_check INTEGER NOT NULL DEFAULT 1",
    f"""UPDATE questions SET needs_check = coalesce(
        (SELECT json_extract(r.data, '$.questions[' || (questions.id & {(1 << ROW_BITS) - 1})
                || '].needs_check')
         FROM reviews r WHERE r.id = questions.review_id), 1)""",
)


def _backfill_v3(conn: sqlite3.Connection) -> None:
    """Kind, symbol, review grouping and recommendation rows of the reviews already stored
    (in Python: the grouping reads the stored analysis)."""
    from .grouping import regroup
    from .write import insert_recommendations

    rows = conn.execute("SELECT id, seq, data FROM reviews ORDER BY seq").fetchall()
    for review_id, seq, text in rows:
        data = json.loads(text)
        doc = data.get("document") or {}
        conn.execute(
            "UPDATE reviews SET kind = ?, symbol = ? WHERE id = ?",
            (doc.get("kind"), doc.get("symbol"), review_id),
        )
        insert_recommendations(conn, review_id, int(seq), data)
        regroup(conn, review_id, data)


V3: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    # The review cycle: what each document is, which review it belongs to, its
    # recommendations and their links to the dialogue and to the previous cycle.
    "ALTER TABLE reviews ADD COLUMN kind TEXT",  # document.kind
    "ALTER TABLE reviews ADD COLUMN symbol TEXT",  # document.symbol (UN document symbol)
    # Documents of one review (meeting summary, summary records, concluding observations)
    # share review_key (`grouping.py`); links are recomputed while linked = 0.
    "ALTER TABLE reviews ADD COLUMN review_key TEXT",
    "ALTER TABLE reviews ADD COLUMN linked INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX reviews_review_key ON reviews(review_key)",
    "CREATE INDEX reviews_linked ON reviews(linked)",
    f"""CREATE TABLE review_aliases (        -- what ties documents of one review together
        {_REVIEW_CHILD},
        alias TEXT NOT NULL,              -- report:SYMBOL, state:COMMITTEE|STATE|N, doc:SYMBOL
        PRIMARY KEY (review_id, alias)
    )""",
    "CREATE INDEX review_aliases_alias ON review_aliases(alias)",
    f"""CREATE TABLE recommendations (      -- one row per paragraph or lettered item
        id INTEGER PRIMARY KEY,
        {_REVIEW_CHILD},
        rid TEXT NOT NULL,                -- 'r23b', as in review@1 recommendations[].id
        paragraph INTEGER NOT NULL,
        letter TEXT,
        line INTEGER NOT NULL,
        side TEXT,                        -- always 'committee'
        status TEXT,                      -- always NULL
        heading TEXT,
        subject TEXT,
        articles TEXT NOT NULL,           -- space-separated article numbers
        themes TEXT NOT NULL,             -- space-separated theme ids
        follow_up INTEGER NOT NULL,
        follow_up_due TEXT,               -- ISO date of the follow-up request, when in it
        reiterates_symbol TEXT,
        reiterates_paragraph INTEGER,
        repeated INTEGER NOT NULL,        -- says it reiterates, or linked to the last cycle
        text TEXT NOT NULL                -- the whole item (review@1 `action`)
    )""",
    "CREATE INDEX recommendations_review ON recommendations(review_id)",
    *fts_statements("recommendations", SEARCH_KINDS["recommendation"][1]),
    """CREATE TABLE recommendation_questions (  -- recommendation -> dialogue question unit
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        rid TEXT NOT NULL,
        dialogue_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        qid TEXT NOT NULL,
        rank INTEGER NOT NULL,
        score REAL,
        reason TEXT,
        PRIMARY KEY (review_id, rid, dialogue_id, qid)
    )""",
    "CREATE INDEX recommendation_questions_dialogue ON recommendation_questions(dialogue_id)",
    """CREATE TABLE recommendation_previous (   -- recommendation -> the one it repeats
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        rid TEXT NOT NULL,
        previous_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        previous_rid TEXT,                -- NULL when the cited paragraph is no recommendation
        paragraph INTEGER NOT NULL,
        letter TEXT,
        score REAL NOT NULL,              -- 1.0: the text says it reiterates
        reason TEXT NOT NULL,
        PRIMARY KEY (review_id, rid)
    )""",
    "CREATE INDEX recommendation_previous_previous ON recommendation_previous(previous_id)",
    _backfill_v3,
)


def _add_superseded(conn: sqlite3.Connection) -> None:
    """reviews.superseded: 1 for a summary record also stored joined with the other records
    of its review, so that search shows the joined review's passages, not each twice. (A
    library created by a development build of schema 3 may have the column already.)"""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(reviews)")}
    if "superseded" not in columns:
        conn.execute("ALTER TABLE reviews ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0")


V4: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    _add_superseded,
    "UPDATE reviews SET linked = 0",  # links and joins are recomputed by the next ingest
)

V5: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    # A person's decision on a question's status. Not a child of `reviews`: re-analysing or
    # removing a review never deletes a decision (they are applied again when the same or a
    # changed edition of the document is stored; `store/decisions.py`).
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,           -- also the version a web form saw (version check)
        sha256 TEXT NOT NULL,             -- of the document the person read
        origin TEXT,                      -- path or URL: a changed edition of it inherits
        symbol TEXT,                      -- UN symbol: likewise
        kind TEXT,                        -- document kind
        anchor TEXT NOT NULL,             -- the question's normalised text and occurrence
        qid TEXT NOT NULL,                -- the question's id when decided (ids may shift)
        question TEXT NOT NULL,           -- its text, for a decision no question matches now
        status TEXT NOT NULL CHECK (status IN ('answered', 'partial', 'unanswered')),
        evidence TEXT,                    -- JSON [{line, text}]; NULL: the tool's passages
        note TEXT,
        author TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        machine_status TEXT,              -- the tool's verdict the person saw
        machine_confidence REAL,
        machine_answers TEXT NOT NULL     -- JSON, the tool's passages the person saw
    )""",
    "CREATE INDEX decisions_document ON decisions(sha256, anchor)",
    "CREATE INDEX decisions_origin ON decisions(origin)",
    "CREATE INDEX decisions_symbol ON decisions(symbol)",
    # checked: 1 when a person decided the question's status (search facet "checked").
    "ALTER TABLE questions ADD COLUMN checked INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE reviews ADD COLUMN n_checked INTEGER NOT NULL DEFAULT 0",
    # language: the body's language (review@1 `document.language`); reviews stored before
    # it was recorded were all English, the only language rapporteur read then.
    "ALTER TABLE reviews ADD COLUMN language TEXT NOT NULL DEFAULT 'en'",
    """UPDATE reviews SET language = coalesce(json_extract(data, '$.document.language'), 'en')""",
    """CREATE TABLE users (                 -- who may write when the server is shared
        name TEXT PRIMARY KEY COLLATE NOCASE,
        password TEXT NOT NULL,           -- argon2id hash (argon2-cffi), never the password
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE sessions (              -- web logins
        token TEXT PRIMARY KEY,           -- SHA-256 of the cookie's value, never the value
        name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        csrf TEXT NOT NULL,               -- the session's anti-forgery token for forms
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    )""",
    """CREATE TABLE login_failures (         -- wrong passwords, to slow down guessing
        name TEXT NOT NULL COLLATE NOCASE,   -- the name tried (an account or not)
        at REAL NOT NULL                     -- when (Unix time)
    )""",
    "CREATE INDEX login_failures_name ON login_failures(name, at)",
)

Migration = tuple[str | Callable[[sqlite3.Connection], None], ...]
MIGRATIONS: tuple[Migration, ...] = (V1, V2, V3, V4, V5)
SCHEMA_VERSION = len(MIGRATIONS)
