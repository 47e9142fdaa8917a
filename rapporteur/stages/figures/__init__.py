"""Figures: the numbers each side put on the record, with unit, subject, period and speaker.

A figure is a quantitative statement of the body: a count, amount, share, age or duration.
Regular expressions over each sentence do the work (about a millisecond for a 35 KB summary);
parsers such as quantulum3 or spaCy cost a hundred times more and still need the genre rules
of `exclusions`, which are what matter: document symbols, article and convention numbers,
ordinals, meeting dates and years that date an event are not figures.

The stage is split by job: `numbers` (where a number is and its value), `exclusions`
(numbers that count nothing), `units`, `candidates` (one sentence's figures with range and
qualifier), `periods`, `subjects`, and `stage`, whose `run` assembles them.
"""

from .exclusions import MONTHS, names_an_identifier
from .numbers import NUMBER_WORDS
from .stage import run

__all__ = ["MONTHS", "NUMBER_WORDS", "names_an_identifier", "run"]
