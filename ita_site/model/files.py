"""The typed model of each kind of file in `data/` (one class per file kind).

These classes are the single source of the file formats: the loader validates with them
and ``scripts/schema.py`` writes the JSON Schema for editors from them.
"""

from __future__ import annotations

import re
from typing import Annotated, Iterator, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

ToolCode = Literal["IIT", "EIT", "OIT"]
Channel = Literal["IIT", "EIT", "EIT Public", "EIT Survey", "OIT"]
CODE_RE = r"^(I|E|EP|ES|O)[1-9][0-9]*$"


def _number(value: object) -> object:
    """Accept a score written with Thai digits ("๙๕.๐๗") and normalise it to a number."""
    if isinstance(value, str):
        text = value.strip().translate(THAI_DIGITS)
        if re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):
            return float(text)
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Score = Annotated[
    float,
    BeforeValidator(_number),
    Field(ge=0, le=100, description="คะแนน 0-100 (ทศนิยมสองตำแหน่ง)"),
]
Weight = Annotated[float, Field(gt=0, le=1)]
IndicatorNo = Annotated[int, Field(ge=1, le=99, description="หมายเลขตัวชี้วัด")]
FiscalYear = Annotated[int, Field(ge=2500, le=2700, description="ปีงบประมาณ พ.ศ.")]
QuestionCode = Annotated[str, StringConstraints(pattern=CODE_RE)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class Organization(_Strict):
    """`data/organization.yml`: the agency whose results the site publishes."""

    name: Text
    short_name: Text
    type: Text
    district: Text
    province: Text
    prepared_by: Text


class Indicator(_Strict):
    """`data/indicators/NN.yml`: one indicator of the catalog."""

    number: IndicatorNo
    name: Text
    tool: ToolCode
    measures: Text
    names_by_year: dict[FiscalYear, Text] = Field(default_factory=dict)

    def name_in(self, year: int) -> str:
        return self.names_by_year.get(year, self.name)


class Tool(_Strict):
    code: ToolCode
    name: Text
    weight: Weight


class Level(_Strict):
    name: Text
    min_total: Score
    min_each_tool: Score | None = None


class Methodology(_Strict):
    """`data/methodology/<id>.yml`: the rules of the fiscal years that name it."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]
    title: Text
    tools: Annotated[list[Tool], Field(min_length=1)]
    indicators: Annotated[list[IndicatorNo], Field(min_length=1)]
    pass_mark: Score
    strength_threshold: Score
    levels: Annotated[list[Level], Field(min_length=1)]


class Rank(_Strict):
    position: Annotated[int, Field(ge=1)]
    among: Text


class Stated(_Strict):
    """Figures as printed by the NACC; each is checked against the computed value."""

    total: Score
    level: Text | None = None
    tools: dict[ToolCode, Score] = Field(default_factory=dict)


class IndicatorScore(_Strict):
    indicator: IndicatorNo
    name: Text | None = None
    score: Score
    analysis: Text | None = None


class Narrative(_Strict):
    """Hand-written prose; each paragraph given here replaces the generated one."""

    preface: list[Text] = Field(default_factory=list)
    rationale: list[Text] = Field(default_factory=list)
    results: Text | None = None
    results_summary: Text | None = None
    analysis_intro: Text | None = None
    strengths: Text | None = None
    weak_points: Text | None = None
    changes: Text | None = None
    recommendations_intro: Text | None = None
    conclusion: list[Text] = Field(default_factory=list)

    def texts(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Every paragraph with its path in the year file (for checks that read prose)."""
        for key in type(self).model_fields:
            value = getattr(self, key)
            if isinstance(value, list):
                for i, text in enumerate(value):
                    yield ("narrative", key, i), text
            elif value:
                yield ("narrative", key), value


class YearFile(_Strict):
    """`data/years/<พ.ศ.>.yml`: the results of one fiscal year."""

    fiscal_year: FiscalYear
    methodology: Text
    rank: Rank | None = None
    stated: Stated
    scores: Annotated[list[IndicatorScore], Field(min_length=1)]
    narrative: Narrative = Field(default_factory=Narrative)


class Question(_Strict):
    code: QuestionCode
    tool: Channel
    indicator: IndicatorNo
    text: Text | None = None


class QuestionsFile(_Strict):
    """`data/questions/<พ.ศ.>.yml`: the codes of questions and OIT items of a year."""

    fiscal_year: FiscalYear
    questions: Annotated[list[Question], Field(min_length=1)]


class ActionRow(_Strict):
    question: QuestionCode
    score: Score | None = None
    scores: dict[Literal["EIT Public", "EIT Survey"], Score] | None = None
    practice: list[Text]
    responsible: list[Text]
    steps: list[Text]
    period: Text | None
    constraints: list[Text]

    def score_items(self) -> list[tuple[str | None, float]]:
        """(channel, score) pairs: one with channel None, or one per EIT channel."""
        if self.scores:
            return list(self.scores.items())
        return [(None, self.score)] if self.score is not None else []


class Issue(_Strict):
    number: Annotated[int, Field(ge=1, le=99)]
    title: Text
    rows: Annotated[list[ActionRow], Field(min_length=1)]


class ActionsFile(_Strict):
    """`data/actions/<พ.ศ.>.yml`: the seven issues and their action tables."""

    fiscal_year: FiscalYear
    issues: Annotated[list[Issue], Field(min_length=1)]


class Recommendation(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]+$")]
    indicators: list[IndicatorNo] = Field(default_factory=list)
    text: Text


class RecommendationSection(_Strict):
    tool: Channel
    title: Text
    intro: Text | None = None
    items: list[Recommendation]


class RecommendationsFile(_Strict):
    """`data/recommendations/<พ.ศ.>.yml`: the recommendations of a year, per tool."""

    fiscal_year: FiscalYear
    sections: Annotated[list[RecommendationSection], Field(min_length=1)]
