"""Participants (named people, their roles and side) and one speaker per body paragraph.

The same person appears as "JASMINKA DZUMHUR", "Jasminka Dzumhur" and "Ms. Dzumhur"; names
are matched on an accent-, case- and hyphen-folded key, and an honorific with a surname is
resolved to the one participant with that surname. Anonymous Experts keep their label as
written and are not participants. A paragraph that names nobody inherits the previous
speaker of its section; the first one of a section falls back on what the section is.
The speaker patterns and each section kind's default side come from the document's genre
(`rapporteur.genres`), so a genre that names its speakers differently needs no branch here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

from .. import genres
from ..genres.cues import DEFAULT_LANGUAGE, SpeakerCue, cue_language, patterns, speaker_data
from ..models import SPEAKING_KINDS, Participant, Review, Section, Turn, Voice
from ..settings import Settings

_CHAIR_ROLE = re.compile(r"^(?:Committee )?Chair(?:person|man|woman)?\b(?!.*Vice)")
_HONORIFIC_PREFIX = re.compile(
    r"^(Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Judge|Justice|Ambassador|Maître|Me|Sir|Dame)\.?\s+"
)
_PARTICLES = {
    "de",
    "da",
    "del",
    "della",
    "der",
    "di",
    "do",
    "dos",
    "das",
    "du",
    "van",
    "von",
    "den",
    "la",
    "le",
    "al",
    "el",
    "bin",
    "ibn",
    "y",
    "e",
    "ter",
}


# Letters that NFKD does not split into a base letter and an accent.
_UNDECOMPOSABLE = str.maketrans("ıłŁøØđĐħæÆœŒþ", "ilLoOdDhaAoOt")


def fold_name(name: str) -> str:
    """Comparison key: no accents, no case, no hyphens or apostrophes, single spaces."""
    name = _HONORIFIC_PREFIX.sub("", name.strip())
    name = name.translate(_UNDECOMPOSABLE)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"[-'’.]", "", name.casefold())
    return " ".join(name.split())


def display_name(name: str) -> str:
    """Title-case a name written in capitals, keeping particles in lower case."""
    name = " ".join(_HONORIFIC_PREFIX.sub("", name.strip()).split())
    if any(c.islower() for c in name):
        return name
    words = []
    for i, w in enumerate(name.split()):
        low = w.lower()
        if i > 0 and low in _PARTICLES:
            words.append(low)
        else:
            words.append(re.sub(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(), low))
    return " ".join(words)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_name(name)).strip("-") or "person"


@dataclass(frozen=True, slots=True)
class _TitleCues:
    """One language's title words: which side a title puts its holder on, and its roles."""

    strong_committee: re.Pattern[str]
    head_of_delegation: re.Pattern[str]
    other: re.Pattern[str]
    strong_delegation: re.Pattern[str]
    committee: re.Pattern[str]
    delegation: re.Pattern[str]
    roles: re.Pattern[str]
    role_names: tuple[str | None, ...]
    rest: re.Pattern[str]
    conjunction: re.Pattern[str]


@cache
def _title_cues(language: str) -> _TitleCues:
    """The `[titles]` and `[roles]` of a language's speakers.toml, compiled once."""
    data = speaker_data(cue_language(language))
    assert data is not None, "the English cues ship with rapporteur"
    t, r = data["titles"], data["roles"]
    named = r.get("named", [])
    if named:
        # Each role named in English, whatever the language: "rapporteuse pour le pays" is
        # the Country Rapporteur.
        phrases = "(" + "|".join(f"(?P<r{i}>{n['pattern']})" for i, n in enumerate(named)) + ")"
        names: tuple[str | None, ...] = tuple(n["name"] for n in named)
    else:
        phrases, names = r["phrases"], (None,)
    return _TitleCues(
        strong_committee=re.compile(t["strong_committee"]),
        head_of_delegation=re.compile(t["head_of_delegation"], re.I),
        other=re.compile(t["other"], re.I),
        strong_delegation=re.compile(t["strong_delegation"], re.I),
        committee=re.compile(t["committee"]),
        delegation=re.compile(t["delegation"], re.I),
        roles=re.compile(phrases, re.I),
        role_names=names,
        rest=re.compile(rf"(?:{r['joiner']})(?:{r['article']})?" + phrases, re.I),
        conjunction=re.compile(rf"^\s*(?:{r['conjunction']}|,)\s*"),
    )


def side_of_title(title: str | None, language: str = DEFAULT_LANGUAGE) -> str | None:
    """committee / delegation / other from a title, strongest evidence first."""
    if not title:
        return None
    c = _title_cues(language)
    if c.strong_committee.search(title) and not c.head_of_delegation.search(title):
        return "committee"
    if c.other.search(title) and not c.strong_delegation.search(title):
        return "other"
    if c.committee.search(title) and not c.strong_delegation.search(title):
        return "committee"
    if c.delegation.search(title):
        return "delegation"
    return None


def _role(m: re.Match[str], names: tuple[str | None, ...]) -> str:
    """A role as written (English), or its English name."""
    if names == (None,):
        return m.group(1)
    found = next(i for i in range(len(names)) if m.group(f"r{i}") is not None)
    return names[found] or m.group(1)


def split_title(
    title: str | None, side: str | None, language: str = DEFAULT_LANGUAGE
) -> tuple[tuple[str, ...], str | None]:
    """Roles (Committee Expert, Country Rapporteur, head of delegation) and the rest as title."""
    if not title:
        return (), None
    c = _title_cues(language)
    roles = []
    for m in c.roles.finditer(title):
        role = _role(m, c.role_names)
        if re.fullmatch(r"(deputy )?head of (the )?delegation", role, re.I):
            role = re.sub(r"head of the delegation", "head of delegation", role.lower())
        if role not in roles:
            roles.append(role)
    rest = c.rest.sub("", title)
    rest = c.conjunction.sub("", rest).strip(" ,")
    if side == "committee" and roles and len(rest.split()) <= 2:
        rest = ""
    return tuple(roles), (rest or None)


@dataclass
class _Person:
    key: str
    name: str
    side: str | None
    roles: list[str] = field(default_factory=list)
    title: str | None = None
    aliases: set[str] = field(default_factory=set)
    order: int = 0


class _Registry:
    """Collects people as they are named and resolves later references to them."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.people: dict[str, _Person] = {}
        self.language = language

    def add(self, cue: SpeakerCue, context_side: str | None) -> _Person:
        key = fold_name(cue.name)
        person = self._find(key)
        side = cue.side or (
            "delegation" if cue.presenting else side_of_title(cue.title, self.language)
        )
        if person is None:
            person = _Person(
                key=key,
                name=display_name(cue.name),
                side=side or context_side,
                order=len(self.people),
            )
            self.people[key] = person
        if any(c.islower() for c in cue.name) and not any(c.islower() for c in person.name):
            person.name = display_name(cue.name)
        if side and (person.side is None or person.side == context_side):
            person.side = side
        roles, title = split_title(cue.title, person.side, self.language)
        for role in roles:
            if role not in person.roles:
                person.roles.append(role)
        if title and not person.title:
            person.title = title
        person.aliases.add(key)
        return person

    def _find(self, key: str) -> _Person | None:
        if key in self.people:
            return self.people[key]
        tokens = key.split()
        for person in self.people.values():
            ptoks = person.key.split()
            if tokens and ptoks and tokens[0] == ptoks[0] and tokens[-1] == ptoks[-1]:
                return person
        return None

    def chair(self) -> _Person | None:
        """The one person named as the Committee's Chair ("Chair: Ms. X" heads a summary
        record), so that "The Chair said" is hers."""
        found = [
            p
            for p in self.people.values()
            if p.side == "committee"
            and any(_CHAIR_ROLE.search(r) for r in (*p.roles, p.title or ""))
        ]
        return found[0] if len(found) == 1 else None

    def resolve_surname(self, surname: str) -> _Person | None:
        key = fold_name(surname)
        matches = [
            p
            for p in self.people.values()
            if p.key.endswith(" " + key) or p.key == key or key in p.aliases
        ]
        if not matches:
            # Family name first ("Li Wenjing" ... "Ms. Li").
            matches = [p for p in self.people.values() if p.key.startswith(key + " ")]
        return matches[0] if len(matches) == 1 else None


def run(review: Review, settings: Settings) -> Review:
    genre = genres.by_name(review.document_kind)
    find_speaker, find_led_by = genre.find_speaker, genre.find_led_by
    language = cue_language(review.language)
    sides = genre.default_sides
    sections = review.sections
    sentences = review.sentences
    registry = _Registry(language)
    kind_of = {
        p.index: sections[p.section].kind if p.section >= 0 else "other" for p in review.paragraphs
    }
    cues: dict[int, list[tuple[int, SpeakerCue]]] = {}
    presenter: _Person | None = None

    # Pass 1: every titled name in the lead and the body makes a participant.
    for p in review.paragraphs:
        kind = kind_of[p.index]
        if kind not in SPEAKING_KINDS | {"lead", "report"}:
            continue
        found = []
        for si in range(*p.sentences):
            cue = find_speaker(sentences[si].text, language)
            if cue is None:
                continue
            found.append((si, cue))
            if cue.kind == "named":
                person = registry.add(cue, sides.get(kind))
                if cue.presenting and presenter is None:
                    presenter = person
        led = find_led_by(p.text, language)
        if led is not None:
            found_person = registry.resolve_surname(led.name) if led.kind == "honorific" else None
            person = found_person or registry.add(led, "delegation")
            if person.side is None:
                person.side = "delegation"
            if "head of delegation" not in person.roles:
                person.roles.append("head of delegation")
        cues[p.index] = found

    # Pass 2: honorific references become participants only if they resolve or have context.
    for p in review.paragraphs:
        for _, cue in cues.get(p.index, []):
            if cue.kind == "honorific" and registry.resolve_surname(cue.name) is None:
                side = side_of_title(cue.title, language) or sides.get(kind_of[p.index])
                if side is not None and kind_of[p.index] in SPEAKING_KINDS:
                    registry.add(cue, side)

    if presenter is not None and patterns(language).presenter_heads_delegation:
        _presenter_heads(registry, presenter)
    participants = _participants(registry)
    pid = {p.key: slug(p.name) for p in registry.people.values()}
    head = next(
        (p for p in registry.people.values() if any("head of" in r.lower() for r in p.roles)),
        None,
    )

    turns: list[Turn] = []
    previous: Voice | None = None
    previous_section = -1
    for p in review.paragraphs:
        kind = kind_of[p.index]
        if kind not in SPEAKING_KINDS or p.sentences[0] == p.sentences[1]:
            continue
        if p.section != previous_section:
            if kind != "concluding" and not _interrupted(sections, previous_section, p.section):
                previous = None
            previous_section = p.section
        first_sentence = p.sentences[0]
        own: list[Voice] = []
        for si, cue in cues.get(p.index, []):
            voice = _voice_for(cue, si, registry, pid, sides.get(kind))
            if voice is not None:
                own.append(voice)
        if not own or own[0].sentence != first_sentence:
            inherited = previous or _default_voice(kind, sides.get(kind), head, pid)
            if inherited is None:
                if not own:
                    continue
                own.insert(0, replace(own[0], sentence=first_sentence, inferred=True))
            else:
                own.insert(0, replace(inherited, sentence=first_sentence, inferred=True))
        first = own[0]
        turns.append(
            Turn(
                paragraph=p.index,
                line=p.line,
                side=first.side,
                speaker=first.speaker,
                participant=first.participant,
                inferred=first.inferred,
                voices=tuple(own),
            )
        )
        previous = replace(own[-1], inferred=True)
    return replace(review, participants=participants, turns=tuple(turns))


def _presenter_heads(registry: _Registry, presenter: _Person) -> None:
    """The person who presented the State's report heads its delegation when the record names
    no head otherwise ("Présentant le rapport de son pays, M. X, ministre ..., a déclaré")."""
    named = any("head of" in r.lower() for p in registry.people.values() for r in p.roles)
    if not named and presenter.side == "delegation":
        presenter.roles.insert(0, "head of delegation")


def _interrupted(sections: tuple[Section, ...], before: int, after: int) -> bool:
    """Whether a section only resumes the one before it, cut by page furniture or a closing
    note (a record's running header, "The meeting was suspended"): the speaker goes on."""
    if before < 0 or sections[after].heading is not None:
        return False
    if sections[before].kind != sections[after].kind:
        return False
    return all(sections[k].kind in {"chrome", "boilerplate"} for k in range(before + 1, after))


def _voice_for(
    cue: SpeakerCue, si: int, registry: _Registry, pid: dict[str, str], context: str | None
) -> Voice | None:
    if cue.kind in {"named", "honorific"}:
        if cue.kind == "named":
            person = registry._find(fold_name(cue.name))
        else:
            person = registry.resolve_surname(cue.name)
        if person is None:
            return None
        side = person.side or context or "other"
        return Voice(
            sentence=si, side=side, speaker=person.name, participant=pid[person.key], inferred=False
        )
    label = cue.name[0].upper() + cue.name[1:]
    vice = patterns(registry.language).vice_chair.search(cue.name)
    chair = registry.chair() if cue.kind == "chair" and not vice else None
    if chair is not None:
        return Voice(
            sentence=si,
            side="committee",
            speaker=chair.name,
            participant=pid[chair.key],
            inferred=False,
        )
    if cue.kind in {"anonymous", "chair"}:
        return Voice(sentence=si, side="committee", speaker=label, participant=None, inferred=False)
    if cue.kind == "delegation":
        return Voice(
            sentence=si, side="delegation", speaker=label, participant=None, inferred=False
        )
    return None


def _default_voice(
    kind: str, side: str | None, head: _Person | None, pid: dict[str, str]
) -> Voice | None:
    """Who speaks in a section's first paragraph when it names nobody: the head of delegation
    presents the report; otherwise the side the genre gives the section kind."""
    if kind == "presentation" and head is not None:
        return Voice(
            sentence=0,
            side=head.side or "delegation",
            speaker=head.name,
            participant=pid[head.key],
            inferred=True,
        )
    if side == "delegation":
        return Voice(
            sentence=0, side="delegation", speaker="The delegation", participant=None, inferred=True
        )
    if side == "committee":
        return Voice(
            sentence=0,
            side="committee",
            speaker="Committee Experts",
            participant=None,
            inferred=True,
        )
    return None


def _participants(registry: _Registry) -> tuple[Participant, ...]:
    out = []
    seen: set[str] = set()
    for person in sorted(registry.people.values(), key=lambda p: p.order):
        ident = slug(person.name)
        if ident in seen:
            continue
        seen.add(ident)
        out.append(
            Participant(
                id=ident,
                name=person.name,
                side=person.side or "other",
                roles=tuple(person.roles),
                title=person.title,
                aliases=tuple(sorted(person.aliases)),
            )
        )
    return tuple(out)
