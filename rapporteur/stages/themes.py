"""Themes: tag questions, figures and commitments with the themes of a versioned taxonomy.

The taxonomy is a TOML file (the packaged `data/taxonomy.toml`, or `Settings.taxonomy`):
a `version` and `[[theme]]` tables with `id`, `label`, `description` and `cues`. All cues
of all themes are compiled into one character-trie regular expression, so a text is
scanned once however many themes there are (one regex per theme would scan it forty
times); where the scan finds a cue, a walk down the same trie collects every cue that
starts there, so "consular protection" counts for both its own theme and "consul*".

In French and Spanish the same theme ids are found with that language's labels and cues
(`rapporteur/data/lang/<language>/themes.toml`, `in_language`), matched on text with its
accents folded, so that a French question and an English one land on the same id.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..languages import cues as language_cues
from ..models import Question, Recommendation, Review, Theme
from ..settings import Settings
from .facts_common import flat_text, paragraph_sentences
from .thesaurus import fold

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_CUE = re.compile(r"[a-z0-9][a-z0-9' -]*\*?")


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """A loaded, validated taxonomy; `source` names the file it came from."""

    version: str
    themes: tuple[Theme, ...]
    source: str
    language: str = "en"
    """The language of the cues; any other than English is matched on accent-folded text."""


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The taxonomy in `path`, or the packaged one; ConfigError when it cannot be used."""
    if path is None:
        return _packaged()
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        raise ConfigError(f"The taxonomy file {path} does not exist.") from None
    if not path.is_file():
        raise ConfigError(f"The taxonomy file {path} is not a file.")
    return _load_file(str(path), stat.st_mtime_ns, stat.st_size)


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def fold_cue_text(text: str) -> str:
    """Lower case without accents ("Éducation" -> "education"): how cues of a language other
    than English are written to the trie and how the text they are matched on is read."""
    return fold(text.translate(_LIGATURES)).lower()


@lru_cache(maxsize=16)
def in_language(taxonomy: Taxonomy, language: str) -> Taxonomy:
    """The taxonomy with the labels and cues of `language`, theme ids unchanged; itself for
    English or a language without a themes file. A theme the file does not list keeps its own
    cues (a user's taxonomy may add themes the packaged translations do not know)."""
    data = language_cues("themes", language) if language != "en" else {}
    entries = data.get("theme", {})
    if not entries:
        return taxonomy
    where = f"The {language} themes file"
    themes = []
    for theme in taxonomy.themes:
        entry = entries.get(theme.id)
        if entry is None:
            themes.append(replace(theme, cues=tuple(fold_cue_text(c) for c in theme.cues)))
            continue
        cues = tuple(fold_cue_text(c.strip()) for c in entry.get("cues", []))
        for cue in cues:
            if not _CUE.fullmatch(cue):
                raise ConfigError(f"{where}: theme {theme.id!r} has the cue {cue!r}.")
        themes.append(replace(theme, label=str(entry.get("label", theme.label)), cues=cues))
    return Taxonomy(
        version=f"{taxonomy.version}+{language}.{data.get('version', '')}",
        themes=tuple(themes),
        source=taxonomy.source,
        language=language,
    )


@lru_cache(maxsize=1)
def _packaged() -> Taxonomy:
    ref = resources.files("rapporteur") / "data" / "taxonomy.toml"
    return _parse(ref.read_text(encoding="utf-8"), str(ref))


@lru_cache(maxsize=16)
def _load_file(path: str, mtime_ns: int, size: int) -> Taxonomy:
    """Cached by modification time and size, so an edited file is read again."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"The taxonomy file {path} cannot be read ({exc}).") from exc
    return _parse(raw, path)


def _parse(raw: str, source: str) -> Taxonomy:
    where = f"The taxonomy file {source}"
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where} is not valid TOML ({exc}).") from exc
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise ConfigError(f'{where} needs a top-level version string, such as version = "1.0".')
    entries = data.get("theme")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{where} defines no themes: add [[theme]] tables with id and cues.")
    themes: list[Theme] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: theme {n} is not a table.")
        tid = entry.get("id")
        if not isinstance(tid, str) or not _ID.fullmatch(tid):
            raise ConfigError(
                f"{where}: theme {n} needs an id of lower-case letters, digits and hyphens."
            )
        if tid in seen:
            raise ConfigError(f"{where}: the theme id {tid!r} is used twice.")
        seen.add(tid)
        label = entry.get("label")
        if not isinstance(label, str) or not label.strip():
            raise ConfigError(f"{where}: theme {tid!r} needs a label.")
        description = entry.get("description", "")
        if not isinstance(description, str):
            raise ConfigError(f"{where}: the description of theme {tid!r} must be a string.")
        cues = entry.get("cues")
        if not isinstance(cues, list) or not cues:
            raise ConfigError(f"{where}: theme {tid!r} needs a non-empty list of cues.")
        for cue in cues:
            if not isinstance(cue, str) or not _CUE.fullmatch(cue.strip()):
                raise ConfigError(
                    f"{where}: theme {tid!r} has the cue {cue!r}; cues are lower-case words "
                    "or phrases, optionally ending in '*'."
                )
        themes.append(
            Theme(
                id=tid,
                label=label.strip(),
                description=description.strip(),
                cues=tuple(c.strip() for c in cues),
            )
        )
    return Taxonomy(version=version.strip(), themes=tuple(themes), source=source)


# --- matching ----------------------------------------------------------------------------


class _Node:
    """A trie node: children by character, `sep` for the gap between the words of a phrase,
    and the themes whose cue ends here exactly (`exact`) or as a word stem (`prefix`)."""

    __slots__ = ("children", "exact", "prefix", "sep")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.sep: _Node | None = None
        self.exact: list[int] = []
        self.prefix: list[int] = []


class Matcher:
    """All cues of a taxonomy in one trie, and a regular expression that finds where a cue
    may start (one scan of the text whatever the number of themes)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.ids = tuple(t.id for t in taxonomy.themes)
        self.folded = taxonomy.language != "en"
        self.trie = _Node()
        for index, theme in enumerate(taxonomy.themes):
            for cue in theme.cues:
                self._add(cue, index)
        self.pattern = re.compile(r"\b(?=" + _trie_regex(self.trie) + ")")

    def _add(self, cue: str, theme: int) -> None:
        words = re.split(r"[\s-]+", cue.rstrip("*").strip())
        node = self.trie
        for k, word in enumerate(words):
            if k:
                if node.sep is None:
                    node.sep = _Node()
                node = node.sep
            for ch in word:
                node = node.children.setdefault(ch, _Node())
        ends = node.prefix if cue.endswith("*") else node.exact
        if theme not in ends:
            ends.append(theme)

    def _walk(self, text: str, i: int, found: set[int]) -> None:
        """Every theme whose cue starts at text[i]: the cues met on the text's path down
        the trie (a path is unique, so this is a loop, not a search)."""
        node: _Node | None = self.trie
        n = len(text)
        while node is not None:
            if node.prefix:
                found.update(node.prefix)
            if node.exact and (i == n or not (text[i].isalnum() or text[i] == "_")):
                found.update(node.exact)
            if i == n:
                return
            ch = text[i]
            if node.sep is not None and (ch.isspace() or ch == "-"):
                while i < n and (text[i].isspace() or text[i] == "-"):
                    i += 1
                node = node.sep
                continue
            node = node.children.get(ch)
            i += 1

    def counts(self, text: str) -> Counter[int]:
        """How many cue occurrences of each theme (by index) the text holds."""
        low = fold_cue_text(text) if self.folded else text.lower()
        hits: Counter[int] = Counter()
        for m in self.pattern.finditer(low):
            found: set[int] = set()
            self._walk(low, m.start(), found)
            hits.update(found)
        return hits

    def rank(self, text: str) -> tuple[str, ...]:
        """Theme ids found in the text, most cue occurrences first, then taxonomy order."""
        hits = self.counts(text)
        return tuple(self.ids[i] for i in sorted(hits, key=lambda i: (-hits[i], i)))


def _trie_regex(node: _Node, depth: int = 3) -> str:
    """A regex that matches where a cue may start: the first `depth` characters of every
    cue, as a trie (the walk in `_walk` confirms the rest). Cutting the trie short keeps
    the pattern small, which makes it compile in a millisecond instead of thirty."""
    if depth == 0:
        return ""
    alts = [
        re.escape(ch) + _trie_regex(child, depth - 1) for ch, child in sorted(node.children.items())
    ]
    if node.sep is not None:
        alts.append(r"[\s-]")
    if node.prefix:
        alts.append("")
    if node.exact:
        alts.append(r"(?!\w)")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=8)
def matcher(taxonomy: Taxonomy) -> Matcher:
    return Matcher(taxonomy)


# --- stage -------------------------------------------------------------------------------


def _question_themes(
    review: Review,
    text: str,
    q: Question,
    m: Matcher,
    paragraph_top: Callable[[int], tuple[str, ...]],
) -> tuple[str, ...]:
    """Themes of a question: its own words, else the sentences around it, else the most
    relevant theme of its paragraph, else of the asker's earlier paragraphs."""
    own = m.rank(q.text)
    if own:
        return own
    paras = review.paragraphs
    if 0 <= q.paragraph < len(paras):
        spans = paragraph_sentences(review, paras[q.paragraph])
        k = next((n for n, (s0, s1) in enumerate(spans) if s0 <= q.start < s1), None)
        if k is not None:
            lo, hi = max(0, k - 2), min(len(spans), k + 2)
            around = m.rank(text[spans[lo][0] : spans[hi - 1][1]])
            if around:
                return around
        top = paragraph_top(q.paragraph)
        if top:
            return top[:1]
    asked = sorted({p.paragraph for p in review.questions if p.paragraph < q.paragraph})
    for earlier in reversed(asked[-3:]):
        if _asker_of(review, earlier) == q.asker and (top := paragraph_top(earlier)):
            return top[:1]
    return ()


def _asker_of(review: Review, paragraph: int) -> str | None:
    for t in review.turns:
        if t.paragraph == paragraph:
            return t.speaker
    return None


def run(review: Review, settings: Settings) -> Review:
    """Tag questions, figures, commitments and recommendations; record the taxonomy version."""
    taxonomy = in_language(load_taxonomy(settings.taxonomy), review.language)
    m = matcher(taxonomy)
    text = flat_text(review)
    cache: dict[str, tuple[str, ...]] = {}

    def rank(s: str) -> tuple[str, ...]:
        if s not in cache:
            cache[s] = m.rank(s)
        return cache[s]

    def paragraph_top(index: int) -> tuple[str, ...]:
        p = review.paragraphs[index]
        return rank(text[p.start : p.end])

    questions = tuple(
        replace(q, themes=_question_themes(review, text, q, m, paragraph_top))
        for q in review.questions
    )
    figures = tuple(
        replace(
            f, themes=rank(f"{_sentence_around(review, text, f.paragraph, f.start)} {f.subject}")
        )
        for f in review.figures
    )
    commitments = tuple(replace(c, themes=rank(c.text)) for c in review.commitments)
    recommendations = tuple(
        replace(r, themes=rank(_recommendation_text(r))) for r in review.recommendations
    )
    return replace(
        review,
        recommendations=recommendations,
        questions=questions,
        figures=figures,
        commitments=commitments,
        taxonomy_version=taxonomy.version,
    )


def _recommendation_text(r: Recommendation) -> str:
    """The subject heading says what a recommendation is about more surely than its verbs;
    the lead-in before lettered items is the same for all of them, so it is left out. The
    Convention's own name says nothing about the subject either (`without_convention_names`)."""
    heads = dict.fromkeys(h for h in (r.subject, r.heading) if h)
    return without_convention_names(" ".join([*heads, r.action]))


def without_convention_names(text: str) -> str:
    """`text` with the treaties' names and their formula for all the people a Convention
    covers made neutral: "the International Convention on the Protection of the Rights of All
    Migrant Workers and Members of Their Families" becomes "the Convention", and "(all) migrant
    workers and members of their families" becomes "migrant workers".

    Why: concluding observations repeat these phrases in nearly every recommendation and in
    the part titles of the Convention they stand under, and their words are cues of other
    themes ("families": family life; "members of their families": the Convention's
    definitions), so every recommendation was tagged with them. A formula naming one group
    ("persons with disabilities") is left alone: it is the recommendation's subject.
    """
    names, holders = _convention_patterns()
    text = names.sub("the Convention", text)
    return holders.sub(lambda m: next(g for g in m.groups() if g), text)


@lru_cache(maxsize=1)
def _convention_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regular expressions of every treaty's name and of the formulas naming more than one
    group of rights-holders, built from the committees' names in `reference.TREATY_BODIES`."""
    from ..reference import TREATY_BODIES

    titles: list[str] = []
    holders: dict[str, str] = {}
    for body in TREATY_BODIES:
        for name in (body.name, *body.names):
            m = re.match(r"(?:Sub)?[Cc]ommittee (on|against) (.+)$", name)
            if m is None:
                continue
            titles.append(m.group(1) + " " + m.group(2))
            rights = re.search(r"\bRights of (?:All |the )?(.+)$", m.group(2))
            if rights and " and " in rights.group(1):
                first, _, rest = rights.group(1).partition(" and ")
                # The first group may be named by its last word ("workers and members of
                # their families", as in the title of the Convention's Part VI).
                *qualifiers, head = first.split()
                optional = "".join(f"(?:{re.escape(w)}\\s+)?" for w in qualifiers)
                pattern = f"({optional}{re.escape(head)})\\s+and\\s+{_words(rest)}"
                holders.setdefault(pattern.casefold(), pattern)

    name = (
        r"\b(?:the\s+)?(?:International\s+)?(?:Convention|Committee|Subcommittee)\s+(?:"
        + ("|".join(sorted({_words(t) for t in titles}, key=len, reverse=True)))
        + r")\b"
    )
    holder = r"\b(?:all\s+)?(?:" + "|".join(holders.values()) + r")\b" if holders else r"(?!)"
    return re.compile(name, re.I), re.compile(holder, re.I)


def _words(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _sentence_around(review: Review, text: str, paragraph: int, offset: int) -> str:
    if not 0 <= paragraph < len(review.paragraphs):
        return ""
    for s0, s1 in paragraph_sentences(review, review.paragraphs[paragraph]):
        if s0 <= offset < s1:
            return text[s0:s1]
    return ""


def theme_counts(review: Review) -> Counter[str]:
    """How many questions carry each theme (for summaries and the README)."""
    return Counter(t for q in review.questions for t in q.themes)


__all__ = [
    "Matcher",
    "Taxonomy",
    "in_language",
    "load_taxonomy",
    "matcher",
    "run",
    "theme_counts",
]
