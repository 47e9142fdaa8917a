"""Fictional treaty-body review summaries, generated from templates (tests and bench/library.py).

Every document follows the genre of a UN Geneva meeting summary (title, lead, report,
presentation, rounds of questions and responses, concluding remarks, release code) with a
State, committee, year, session, names, numbers and topics drawn from a seeded random
generator: the same seed gives the same text. Nothing here is a real record.
"""

from __future__ import annotations

import random
from pathlib import Path

COMMITTEES = {
    "CMW": "Committee on the Protection of the Rights of All Migrant Workers and Members of "
    "Their Families",
    "CRC": "Committee on the Rights of the Child",
    "CEDAW": "Committee on the Elimination of Discrimination against Women",
    "CERD": "Committee on the Elimination of Racial Discrimination",
    "CAT": "Committee against Torture",
    "CCPR": "Human Rights Committee",
    "CESCR": "Committee on Economic, Social and Cultural Rights",
    "CRPD": "Committee on the Rights of Persons with Disabilities",
}

STATES = [
    ("Norway", "NOR"),
    ("Chile", "CHL"),
    ("Ghana", "GHA"),
    ("Senegal", "SEN"),
    ("Mongolia", "MNG"),
    ("Peru", "PER"),
    ("Tunisia", "TUN"),
    ("Portugal", "PRT"),
    ("Kenya", "KEN"),
    ("Nepal", "NPL"),
    ("Uruguay", "URY"),
    ("Jordan", "JOR"),
    ("Albania", "ALB"),
    ("Namibia", "NAM"),
    ("Ecuador", "ECU"),
    ("Fiji", "FJI"),
    ("Georgia", "GEO"),
    ("Malawi", "MWI"),
    ("Paraguay", "PRY"),
    ("Sri Lanka", "LKA"),
    ("Morocco", "MAR"),
    ("Finland", "FIN"),
    ("Bolivia", "BOL"),
    ("Cambodia", "KHM"),
    ("Armenia", "ARM"),
    ("Benin", "BEN"),
    ("Iceland", "ISL"),
    ("Guatemala", "GTM"),
    ("Zambia", "ZMB"),
    ("Mexico", "MEX"),
    ("Croatia", "HRV"),
    ("Lesotho", "LSO"),
]

FIRST = [
    "Amina",
    "Jonas",
    "Lucía",
    "Kwame",
    "Ingrid",
    "Tariq",
    "Mei",
    "Olga",
    "Rafael",
    "Nadia",
    "Pablo",
    "Selin",
    "Dmitri",
    "Aïcha",
    "Henrik",
    "Priya",
    "Mateo",
    "Zeynep",
    "Kofi",
    "Elena",
]
LAST = [
    "Okafor",
    "Lindberg",
    "Ferreira",
    "Haddad",
    "Novak",
    "Mensah",
    "Castillo",
    "Ivanova",
    "Tanaka",
    "Schulz",
    "Ndiaye",
    "Rossi",
    "Kowalski",
    "Aziz",
    "Moreau",
    "Petrov",
    "Silva",
    "Jansen",
    "Mbeki",
    "Vargas",
    "Nielsen",
    "Çelik",
]
MINISTRIES = [
    "Minister of Justice",
    "Deputy Minister for Foreign Affairs",
    "Minister of Labour",
    "Minister of Social Affairs",
    "Secretary of State for Human Rights",
    "Minister of Interior",
]
ORDINALS = ["initial", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
MONTHS = ["February", "March", "May", "June", "July", "September", "October", "November"]

# (topic, question forms, answer sentences); {n}, {m}, {p}, {y} are filled with numbers.
TOPICS = [
    (
        "remittances",
        [
            "What measures had been taken to reduce the cost of remittances?",
            "Were the costs of transferring remittances still above {p} per cent?",
        ],
        [
            "Remittances had reached {m} million dollars in {y}, or {p} per cent of gross "
            "domestic product.",
            "The cost of sending remittances had fallen to {p} per cent.",
        ],
    ),
    (
        "domestic workers",
        [
            "What protection did migrant domestic workers enjoy under the Labour Code?",
            "Were labour inspectors able to enter private homes employing domestic workers?",
        ],
        [
            "A draft law would extend the Labour Code to domestic workers.",
            "Labour inspectors had carried out {n} inspections involving domestic workers in {y}.",
        ],
    ),
    (
        "trafficking",
        [
            "How many victims of trafficking in persons had been identified since {y}?",
            "What support did shelters provide to victims of trafficking?",
        ],
        [
            "In {y}, {n} victims of trafficking had been identified and {m} cases prosecuted.",
            "A national referral mechanism for victims of trafficking had been set up.",
        ],
    ),
    (
        "detention",
        [
            "What were the conditions in pretrial detention facilities?",
            "How long could a person be held in police custody before seeing a judge?",
        ],
        [
            "Police custody was limited to {n} hours under the Code of Criminal Procedure.",
            "The prison population stood at {m} persons, of whom {p} per cent were in "
            "pretrial detention.",
        ],
    ),
    (
        "child labour",
        [
            "What was being done to remove children from hazardous work in mines?",
            "Were statistics available on the number of children working in agriculture?",
        ],
        [
            "A national survey had found {m} children in child labour in {y}.",
            "Labour inspectors had removed {n} children from hazardous work.",
        ],
    ),
    (
        "birth registration",
        [
            "How was the birth of a child born abroad registered?",
            "What proportion of births were registered within the legal time limit?",
        ],
        [
            "{p} per cent of births had been registered in {y}.",
            "Mobile registration units visited remote areas every month.",
        ],
    ),
    (
        "gender-based violence",
        [
            "How many shelters for women victims of violence were in operation?",
            "What was the rate of convictions for domestic violence?",
        ],
        [
            "There were {n} shelters, with a total of {m} places.",
            "In {y}, courts had handed down {n} convictions for domestic violence.",
        ],
    ),
    (
        "hate speech",
        [
            "What measures were in place to counter hate speech on social media?",
            "Had any cases of racist hate speech been brought before the courts?",
        ],
        [
            "A cybercrime unit monitored social media, and {n} cases had been prosecuted since "
            "{y}.",
            "The Penal Code prohibited incitement to racial hatred, including online.",
        ],
    ),
    (
        "inclusive education",
        [
            "How many children with disabilities attended mainstream schools?",
            "What was the budget allocated to inclusive education?",
        ],
        [
            "{p} per cent of children with disabilities attended mainstream schools in {y}.",
            "The budget for inclusive education amounted to {m} million euros.",
        ],
    ),
    (
        "indigenous peoples",
        [
            "How were indigenous peoples consulted on mining projects on their lands?",
            "What progress had been made on the recognition of land rights?",
        ],
        [
            "A law on prior consultation had been adopted in {y}.",
            "{n} land titles had been granted to indigenous communities.",
        ],
    ),
    (
        "national human rights institution",
        [
            "Did the national human rights institution comply with the Paris Principles?",
            "What resources were allocated to the national human rights institution?",
        ],
        [
            "The institution had been accredited with A status in {y}.",
            "Its budget had increased by {p} per cent.",
        ],
    ),
    (
        "returnees",
        [
            "What reintegration support did returnees receive?",
            "How many of the returns had been voluntary?",
        ],
        [
            "In {y}, {n} nationals had returned, of whom {m} voluntarily.",
            "Returnees received vocational training and start-up grants.",
        ],
    ),
    (
        "health care",
        [
            "Did migrants in an irregular situation have access to emergency health care?",
            "What was the maternal mortality rate?",
        ],
        [
            "Emergency health care was free for everyone, whatever their status.",
            "Maternal mortality had fallen to {n} deaths per 100,000 live births in {y}.",
        ],
    ),
    (
        "juvenile justice",
        [
            "What was the minimum age of criminal responsibility?",
            "Were children ever detained together with adults?",
        ],
        [
            "The minimum age of criminal responsibility was {n} years.",
            "{m} children had been placed in specialised juvenile facilities in {y}.",
        ],
    ),
]


def _lower(sentence: str) -> str:
    return sentence[0].lower() + sentence[1:] if sentence[1:2].islower() else sentence


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _numbers(rng: random.Random, year: int) -> dict[str, object]:
    return {
        "n": rng.randint(12, 980),
        "m": f"{rng.randint(1, 99)},{rng.randint(100, 999)}",
        "p": rng.randint(2, 64),
        "y": rng.randint(year - 6, year - 1),
    }


def review_text(
    seed: int,
    *,
    committee: str | None = None,
    state: tuple[str, str] | None = None,
    year: int | None = None,
    extra: str | None = None,
) -> str:
    """One fictional review summary; `extra` is a sentence added to an Expert's questions."""
    rng = random.Random(seed)
    committee = committee or rng.choice(sorted(COMMITTEES))
    name, iso3 = state or rng.choice(STATES)
    year = year or rng.randint(2006, 2024)
    session = rng.randint(10, 120)
    ordinal = rng.choice(ORDINALS)
    number = ORDINALS.index(ordinal) + 1
    head = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    head_title = f"{rng.choice(MINISTRIES)} of {name}"
    experts = []
    while len(experts) < 3:
        candidate = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if candidate != head and candidate not in experts:
            experts.append(candidate)
    topics = rng.sample(TOPICS, 6)
    symbol = f"{committee}/C/{iso3}/{number}"
    next_name, next_iso3 = rng.choice([s for s in STATES if s[1] != iso3])
    full = COMMITTEES[committee]
    subjects = " and ".join(t[0] for t in topics[:2])

    def fill(text: str) -> str:
        return text.format(**_numbers(rng, year))

    paragraphs = [
        "Skip to main content",
        f"{full} Reviews the {ordinal.capitalize()} Report of {name}, Asks about {subjects}",
        "Meeting Summaries",
        f"The {full} today concluded its review of the {ordinal} periodic report of {name}, "
        f"with Committee Experts asking about {subjects}.",
        f"Introducing the report, {head}, {head_title} and head of delegation, said "
        f"{name} had made progress since the last dialogue.",
        f"The Committee will next meet at 10 a.m. on Tuesday, {rng.randint(2, 28)} "
        f"{rng.choice(MONTHS)} to begin its review of the initial report of {next_name} "
        f"({committee}/C/{next_iso3}/1).",
        "Report",
        f"The Committee has before it the {ordinal} periodic report of {name} ({symbol}).",
        "Presentation of Report",
        f"{head.upper()}, {head_title} and head of delegation, said {name} took its "
        f"obligations under the Convention seriously.  "
        + "  ".join(fill(t[2][0]) for t in topics[:3]),
        "Questions by Committee Experts",
    ]
    for i, expert in enumerate(experts[:2]):
        qs = [fill(q) for t in topics[i * 2 : i * 2 + 3] for q in t[1]]
        if extra and i == 0:
            qs.insert(1, extra)
        paragraphs.append(
            f"{expert.upper()}, Committee Expert and Country Rapporteur, said the Committee "
            f"welcomed the report of {name}.  " + "  ".join(qs)
        )
    paragraphs.append(
        "A Committee Expert asked " + fill(topics[4][1][0])[0].lower() + fill(topics[4][1][0])[1:]
    )
    paragraphs.append("Responses by the Delegation")
    for t in topics[:4]:
        paragraphs.append("The delegation said that " + "  ".join(_lower(fill(a)) for a in t[2]))
    paragraphs.append("Questions by Committee Experts")
    paragraphs.append(
        f"{experts[2].upper()}, Committee Expert and Country Rapporteur, asked "
        + "  ".join(fill(q) for q in topics[5][1])
    )
    paragraphs.append("Responses by the Delegation")
    paragraphs.append("The delegation said that " + _lower(fill(topics[5][2][0])))
    paragraphs.append("Concluding Remarks")
    paragraphs.append(
        f"{experts[0].split()[-1].join(['Ms. ', ''])} thanked the delegation for the "
        "constructive dialogue."
    )
    paragraphs.append(
        f"{head.split()[-1].join(['Mr. ', ''])} said {name} would take the Committee's "
        "recommendations into account in its national action plan."
    )
    paragraphs.append(
        "Documents and reports related to the Committee's "
        f"{_ordinal(session)} session can be found here."
    )
    paragraphs.append(f"{committee}{year % 100:02d}.{rng.randint(1, 60):03d}E")
    paragraphs.append("FICTIONAL SAMPLE for rapporteur tests: not a UN record.")
    return "\n\n".join(paragraphs) + "\n"


def write_reviews(folder: Path, count: int, start: int = 0) -> list[Path]:
    """`count` distinct fictional reviews as .txt files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(start, start + count):
        path = folder / f"review-{seed:05d}.txt"
        path.write_text(review_text(seed), encoding="utf-8")
        paths.append(path)
    return paths
