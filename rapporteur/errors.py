"""Exceptions with messages written for the people who use rapporteur.

    RapporteurError            message, hint, code, exit_code, status (HTTP)
    ├── IngestError            the source could not be read
    │   ├── SourceNotFound     missing path, directory given as a file
    │   ├── UnsupportedFormat  binary junk, images, archives
    │   ├── EmptyDocument      nothing but whitespace
    │   ├── EncodingError      text whose encoding cannot be recognised
    │   ├── SourceTooLarge     over the size limit
    │   ├── AnalysisTooSlow    over the per-document time limit
    │   └── FetchError         a URL that cannot be fetched in time
    ├── ParseError             a recognised format whose content is broken (PDF, HTML)
    ├── NotADialogue           the text is not a treaty-body review
    ├── PipelineError          stages configured in an impossible order
    ├── ConfigError            a settings or taxonomy file that cannot be used
    ├── StoreError             the library database
    │   ├── ReviewNotFound     no review with that id
    │   ├── AmbiguousReview    an id prefix that matches several reviews
    │   ├── SchemaTooNew       a library written by a newer rapporteur
    │   ├── QuestionNotFound   no question with that id in the review
    │   └── DecisionConflict   someone else decided the question since it was shown
    ├── InvalidQuery           a search or filter the library cannot run
    ├── CrossSiteRequest       a web form posted from another site, or without its token
    ├── AccountError           an account that cannot be added, found or removed
    ├── LoginFailed            a name and password that do not match an account
    │   └── TooManyAttempts    too many wrong passwords for one name: wait, then retry
    ├── NotAllowed             a write this visitor may not make
    │   ├── ReadOnly           the server was started with --read-only
    │   └── LoginRequired      writing needs an account and the visitor is not logged in
    └── ExportError            an output that cannot be written

Exit codes of the CLI: 0 success, 1 unexpected error, 2 wrong command-line usage, 3 the input
cannot be read, 4 not a treaty-body dialogue (the analysis is still written), 5 settings or
taxonomy, 6 library database, 7 export, 70 internal error (a bug: please report it).

Front ends catch `RapporteurError` in one place each: the CLI prints `Error: <message>` and
exits with `exit_code`; the web layer renders the JSON envelope with `status`.
"""

from __future__ import annotations


class RapporteurError(Exception):
    """Base class: one sentence for the user, an optional hint, a stable code."""

    code = "error"
    exit_code = 1
    status = 400

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} {self.hint}"


class IngestError(RapporteurError):
    code = "ingest_error"
    exit_code = 3


class SourceNotFound(IngestError):
    code = "source_not_found"
    status = 404


class UnsupportedFormat(IngestError):
    code = "unsupported_format"
    status = 415


class EmptyDocument(IngestError):
    code = "empty_document"
    status = 422


class EncodingError(IngestError):
    code = "encoding_error"
    status = 422


class SourceTooLarge(IngestError):
    code = "source_too_large"
    status = 413


class AnalysisTooSlow(IngestError):
    code = "analysis_too_slow"
    status = 422


class FetchError(IngestError):
    code = "fetch_error"
    status = 502


class ParseError(RapporteurError):
    code = "parse_error"
    exit_code = 3
    status = 422


class NotADialogue(RapporteurError):
    """Raised only when the caller asked for strictness; otherwise a warning is recorded."""

    code = "not_a_dialogue"
    exit_code = 4
    status = 422


class PipelineError(RapporteurError):
    code = "pipeline_error"
    exit_code = 70
    status = 500


class ConfigError(RapporteurError):
    code = "config_error"
    exit_code = 5
    status = 400


class StoreError(RapporteurError):
    code = "store_error"
    exit_code = 6
    status = 500


class ReviewNotFound(StoreError):
    code = "review_not_found"
    status = 404


class AmbiguousReview(StoreError):
    code = "ambiguous_review"
    status = 400


class SchemaTooNew(StoreError):
    code = "schema_too_new"
    status = 409


class QuestionNotFound(StoreError):
    code = "question_not_found"
    status = 404


class DecisionConflict(StoreError):
    """Two people saved a decision on the same question: the second save is refused."""

    code = "decision_conflict"
    status = 409


class InvalidQuery(RapporteurError):
    """An empty search, an unknown filter value or sort key: the user's input, not the data."""

    code = "invalid_query"
    exit_code = 2
    status = 400


class CrossSiteRequest(RapporteurError):
    """A POST to the web UI or API whose Origin is another site: refused, nothing changes."""

    code = "cross_site_request"
    exit_code = 2
    status = 403


class AccountError(RapporteurError):
    """`rapporteur user add/remove` with a name or password that cannot be used."""

    code = "account_error"
    status = 400


class LoginFailed(RapporteurError):
    """Wrong name or wrong password: one message for both, so neither is revealed."""

    code = "login_failed"
    status = 401


class TooManyAttempts(LoginFailed):
    """Too many wrong passwords for one name in a short time: wait before trying again."""

    code = "too_many_attempts"
    status = 429


class NotAllowed(RapporteurError):
    """A write (upload, decision) that this visitor of the web UI or API may not make."""

    code = "not_allowed"
    exit_code = 2
    status = 403


class ReadOnly(NotAllowed):
    code = "read_only"


class LoginRequired(NotAllowed):
    code = "login_required"


class ExportError(RapporteurError):
    code = "export_error"
    exit_code = 7
    status = 500
