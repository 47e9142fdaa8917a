"""Frozen records passed between the pipeline stages.

Every record that points into the analysed text carries `line` (1-based line number in
`Document.text`) and, where useful, `start`/`end` character offsets, so that any output can
be traced back to the exact place it came from. Collections are tuples; stages build new
records with `dataclasses.replace` instead of mutating.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

SIDES = ("committee", "delegation", "other")
DOCUMENT_KINDS = ("meeting_summary", "press_release", "summary_record", "concluding_observations")
"""The genres of the JSON contract (`document.kind`); rapporteur.genres registers the ones read."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SectionKind:
    """One kind of section, and which stages look inside it.

    This table is the one list of section kinds: the stages, the outputs and the JSON Schema
    enum (checked by a test) all follow it, so a genre that needs a new kind adds it here.
    """

    name: str
    label: str
    """How the brief and the text output name a section of this kind that has no heading."""
    body: bool = False
    """Part of the dialogue proper (not the lead, which repeats it, nor the page around it)."""
    speaking: bool = False
    """Its paragraphs are someone's turn: the speakers stage gives each one a speaker."""
    evidence: bool = False
    """The delegation may answer a question here."""


SECTION_KIND_TABLE: tuple[SectionKind, ...] = (
    SectionKind(name="chrome", label="Page furniture"),
    SectionKind(name="lead", label="Summary"),
    SectionKind(name="report", label="Report", body=True),
    SectionKind(
        name="presentation",
        label="Presentation of the report",
        body=True,
        speaking=True,
        evidence=True,
    ),
    SectionKind(name="questions", label="Questions by Committee Experts", body=True, speaking=True),
    SectionKind(
        name="responses",
        label="Responses by the delegation",
        body=True,
        speaking=True,
        evidence=True,
    ),
    SectionKind(
        name="concluding", label="Concluding remarks", body=True, speaking=True, evidence=True
    ),
    SectionKind(name="boilerplate", label="Closing notes"),
    SectionKind(name="other", label="Other", body=True, speaking=True, evidence=True),
    # Concluding observations: the Committee's own text, no dialogue.
    SectionKind(name="introduction", label="Introduction"),
    SectionKind(name="positive_aspects", label="Positive aspects"),
    SectionKind(name="factors_and_difficulties", label="Factors and difficulties"),
    SectionKind(
        name="concerns_and_recommendations",
        label="Principal subjects of concern and recommendations",
    ),
    SectionKind(name="follow_up_and_dissemination", label="Follow-up and dissemination"),
    SectionKind(name="implementation", label="Implementation and reporting"),
    SectionKind(name="next_report", label="Next periodic report"),
)
SECTION_KINDS = tuple(k.name for k in SECTION_KIND_TABLE)
BODY_KINDS = frozenset(k.name for k in SECTION_KIND_TABLE if k.body)
SPEAKING_KINDS = frozenset(k.name for k in SECTION_KIND_TABLE if k.speaking)
EVIDENCE_KINDS = frozenset(k.name for k in SECTION_KIND_TABLE if k.evidence)
SECTION_LABELS = {k.name: k.label for k in SECTION_KIND_TABLE}
QUESTION_KINDS = ("direct", "indirect", "request")
STATUSES = ("answered", "partial", "unanswered")


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """One source of a review read in parts (its summary records, a meeting summary in two
    parts): where its text stands in the joined `Document.text`."""

    origin: str
    sha256: str
    """SHA-256 of this part's source bytes."""
    symbol: str | None
    """The part's own UN symbol ("CMW/C/SR.546"), when its header gives one."""
    first_line: int
    last_line: int
    """1-based lines of the joined text that hold this part."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """Normalised text of one source, as every later stage sees it.

    `text` uses "\\n" line ends and no BOM; `format` is the detected input format.
    """

    text: str
    format: str
    origin: str
    sha256: str
    title: str | None = None
    warnings: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    """The sources joined into `text`, in reading order; empty for a single source."""
    line_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.line_starts:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = find("\n", i + 1)
            object.__setattr__(self, "line_starts", tuple(starts))

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect_right(self.line_starts, offset)

    def line_text(self, line: int) -> str:
        """Text of a 1-based line, without its line end."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """A block of text between blank lines; `start`/`end` are offsets into the document.

    `sentences` is the (first, last + 1) range of this paragraph's entries in
    `Review.sentences`, so later stages never split a paragraph twice.
    """

    index: int
    line: int
    last_line: int
    start: int
    end: int
    text: str
    section: int = -1
    sentences: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A run of paragraphs of one kind; `heading_line` is None for headless documents."""

    index: int
    kind: str
    heading: str | None
    heading_line: int | None
    first_line: int
    last_line: int
    paragraphs: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StateParty:
    name: str
    iso3: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportInfo:
    description: str
    kind: str  # initial | periodic | combined
    numbers: tuple[int, ...]
    symbol: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class NextMeeting:
    state_party: StateParty | None
    symbol: str | None
    text: str
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Metadata:
    committee: str | None
    committee_name: str | None
    state_party: StateParty | None
    report: ReportInfo | None
    session: int | None
    date: str | None
    release_code: str | None
    next_meeting: NextMeeting | None
    title: str | None
    year: int | None
    """Year of the review (from the date, else the release code): resolves "last year"."""
    symbol: str | None = None
    """The document's own UN symbol ("CMW/C/SR.545"), not the report's; None when not given."""
    meeting: int | None = None
    """A summary record's meeting number (545); the first meeting of records read joined."""
    chair: str | None = None
    """Who chaired the meeting, as a summary record's header writes it ("Ms. Okonjo")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant:
    """A named person; `aliases` are the folded forms under which the name was seen."""

    id: str
    name: str
    side: str
    roles: tuple[str, ...]
    title: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Voice:
    """Who speaks from one sentence of a paragraph on (a paragraph may hold two speakers)."""

    sentence: int  # index into Review.sentences
    side: str
    speaker: str
    participant: str | None
    inferred: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Turn:
    """Who speaks in one body paragraph; `voices` lists every change of speaker inside it."""

    paragraph: int
    line: int
    side: str
    speaker: str
    participant: str | None
    inferred: bool
    voices: tuple[Voice, ...] = ()

    def voice_at(self, sentence: int) -> Voice | None:
        """The voice speaking at a sentence (an index into Review.sentences), if any. Voices
        are in sentence order, so a binary search keeps a long paragraph with many speaker
        changes from making every caller quadratic."""
        i = bisect_right(self.voices, sentence, key=lambda v: v.sentence)
        return self.voices[i - 1] if i else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    start: int
    end: int
    line: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """One piece of delegation evidence for a question."""

    line: int
    start: int
    end: int
    text: str
    score: float
    paragraph: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    id: str
    line: int
    start: int
    end: int
    text: str
    kind: str
    asker: str
    participant: str | None
    asker_inferred: bool
    paragraph: int
    section: int
    round: int
    status: str = "unanswered"
    status_reason: str = ""
    confidence: float | None = None
    """Estimated probability that `status` is right; None when no question-answer linking ran."""
    needs_check: bool = True
    """The tool is not sure of the status: a person should look before quoting it."""
    answers: tuple[Answer, ...] = ()
    themes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    line: int
    start: int
    end: int
    mention: str
    value: float | str | None
    value_min: float | str | None
    value_max: float | str | None
    qualifier: str | None
    unit: str
    subject: str
    period: str | None
    side: str
    speaker: str | None
    paragraph: int
    themes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Inconsistency:
    a: int
    b: int
    severity: str  # conflict | possible
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Commitment:
    line: int
    start: int
    end: int
    text: str
    kind: str
    side: str
    speaker: str | None
    paragraph: int
    themes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Reiteration:
    """The earlier recommendation a recommendation says it repeats, as far as it says."""

    symbol: str | None
    paragraph: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Recommendation:
    """One recommendation of concluding observations: a numbered paragraph, or one lettered
    item of it ("para. 23 (b)"), so that a tracker can cite each one on its own."""

    id: str
    paragraph: int
    letter: str | None
    line: int
    """1-based line where the item's text starts."""
    text: str
    """The item's text on that line (exact substring of the line)."""
    action: str
    """The whole item, wrapped lines joined."""
    lead_in: str | None
    """"The Committee recommends that the State party:" before lettered items."""
    heading: str | None
    """The innermost heading it stands under."""
    subject: str | None
    """The numbered (CMW) or lettered (CRC) subject heading."""
    articles: tuple[int, ...]
    concern: str | None
    """The paragraph of concern just before it under the same heading, if any."""
    follow_up: bool
    """Named in the follow-up request (to report on within a stated time)."""
    reiterates: Reiteration | None
    themes: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    """Ids of the dialogue's question units on the same subject, best first (filled when the
    review's dialogue is known, as in the library)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class NextReport:
    """When the State party's next report is due, as the concluding observations say."""

    due: str | None
    """ISO date."""
    description: str
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUpRequest:
    """The paragraph asking the State party to report on some recommendations within a stated
    time; `due` is that time counted from the adoption date, when both are given."""

    line: int
    paragraph: int | None
    within: str | None
    """As written: "two years", "24 months"."""
    due: str | None
    """ISO date."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Theme:
    id: str
    label: str
    description: str
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    """Everything rapporteur knows about one document; built stage by stage."""

    document: Document
    language: str = "en"
    """ISO 639-1 code of the body's language (`languages.detect`); 'und' when unknown."""
    document_kind: str | None = None
    """The genre segment detected (`document.kind`: meeting_summary, press_release, ...)."""
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    sections: tuple[Section, ...] = ()
    metadata: Metadata | None = None
    participants: tuple[Participant, ...] = ()
    turns: tuple[Turn, ...] = ()
    questions: tuple[Question, ...] = ()
    figures: tuple[Figure, ...] = ()
    inconsistencies: tuple[Inconsistency, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    next_report: NextReport | None = None
    follow_up: FollowUpRequest | None = None
    taxonomy_version: str | None = None
    warnings: tuple[str, ...] = ()
    is_dialogue: bool = True
