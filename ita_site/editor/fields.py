"""Decap CMS fields from the typed model: one form field per model field, never written by hand.

``fields_of(model, catalog)`` walks a pydantic model (``ita_site.model.files``) and returns
Decap's field list: the label and the help text are the field's Thai ``title`` and
``description`` (the same text the JSON Schemas show in a code editor), lists stay lists,
nested models become groups, numbers stay numbers, and a code is chosen from the agency's own
catalog (``Catalog``: methodologies, indicators, question codes, levels, statuses), not typed.

Two widgets are the project's own (``admin/ita-cms.js``): ``ita-number`` (Decap's number
field, refusing a value outside the model's bounds with the validator's Thai message) and
``ita-date`` (a calendar date ``2023-11-15``; in a progress file also refused outside the plan
year, with the validator's message).
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

# Text fields written as paragraphs (a multi-line box), by model and field
PARAGRAPHS: dict[str, set[str]] = {
    "Indicator": {"measures"},
    "IndicatorScore": {"analysis"},
    "Narrative": {"*"},
    "Question": {"text", "asks"},
    "RecommendationSection": {"intro"},
    "Recommendation": {"text"},
    "ProgressUpdate": {"text"},
    "Disclosure": {"not_applicable"},
}
# Fields whose value is a file of data/evidence/ or a link (Decap's file widget: upload or URL)
FILES: dict[str, set[str]] = {"ProgressUpdate": {"evidence"}, "DisclosureLink": {"link"}}
# Dates checked against the plan year of the file (progress files)
PLAN_YEAR_DATES: dict[str, set[str]] = {"TrackedAction": {"start", "end"}, "ProgressUpdate": {"date"}}
# Fields chosen from the catalog: (model, field) -> Catalog attribute
CHOICES: dict[tuple[str, str], str] = {
    ("YearFile", "methodology"): "methodologies",
    ("IndicatorScore", "indicator"): "indicators",
    ("OitGroup", "indicator"): "indicators",
    ("Question", "indicator"): "indicators",
    ("Recommendation", "indicators"): "indicators",
    ("Stated", "level"): "levels",
    ("ActionRow", "question"): "questions",
    ("TrackedAction", "question"): "questions",
    ("Disclosure", "code"): "oit_items",
    ("TrackedAction", "status"): "statuses",
    ("Rank", "group"): "rank_groups",
}


@dataclass(frozen=True)
class Option:
    value: str | int
    label: str


@dataclass
class Catalog:
    """What a clerk chooses from, read from the agency's data at build time."""

    methodologies: list[Option] = field(default_factory=list)
    indicators: list[Option] = field(default_factory=list)
    levels: list[Option] = field(default_factory=list)
    questions: list[Option] = field(default_factory=list)
    oit_items: list[Option] = field(default_factory=list)
    statuses: list[Option] = field(default_factory=list)
    rank_groups: list[Option] = field(default_factory=list)
    literals: dict[str, str] = field(default_factory=dict)  # Thai label of a fixed value (IIT -> ...)


@dataclass(frozen=True)
class Messages:
    """The validator's messages, as templates the browser fills ({value}, {key}, {min}, ...)."""

    out_of_range: str
    outside_year: str
    date_what: dict[str, str]


def _unwrap(annotation: Any) -> tuple[Any, bool, list[Any]]:
    """(the type, whether None is allowed, the constraints) of an annotation."""
    optional = False
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            args = get_args(annotation)
            annotation = args[0]
            metadata.extend(args[1:])
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            if len(args) == 1:
                annotation = args[0]
            else:  # one mapping or a list of them (rank): the editor writes the list
                annotation = next(a for a in args if get_origin(_strip(a)) is list)
        else:
            return annotation, optional, metadata


def _strip(annotation: Any) -> Any:
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _alternatives(annotation: Any) -> list[Any]:
    """The types a value may have (unions flattened, None left out)."""
    annotation = _strip(annotation)
    if get_origin(annotation) in (typing.Union, types.UnionType):
        return [t for a in get_args(annotation) if a is not type(None) for t in _alternatives(a)]
    return [annotation]


def _bounds(metadata: list[Any]) -> tuple[Any, Any]:
    lo = hi = None
    for item in metadata:
        for constraint in [item, *getattr(item, "metadata", [])]:
            if isinstance(constraint, annotated_types.Ge):
                lo = constraint.ge
            elif isinstance(constraint, annotated_types.Gt):
                lo = constraint.gt
            elif isinstance(constraint, annotated_types.Le):
                hi = constraint.le
            elif isinstance(constraint, annotated_types.Lt):
                hi = constraint.lt
    return lo, hi


def _options(options: list[Option]) -> list[dict[str, Any]]:
    return [{"label": o.label, "value": o.value} for o in options]


class FieldWriter:
    """Decap fields of the model's fields (see the module's text)."""

    def __init__(self, catalog: Catalog, messages: Messages):
        self.catalog = catalog
        self.messages = messages

    def fields_of(self, model: type[BaseModel]) -> list[dict[str, Any]]:
        return [self.field(model, name, info) for name, info in model.model_fields.items()]

    def field(self, model: type[BaseModel], name: str, info: FieldInfo) -> dict[str, Any]:
        owner = model.__name__
        annotation, optional, metadata = _unwrap(info.annotation)
        metadata = [*metadata, *info.metadata]
        out: dict[str, Any] = {"name": name, "label": info.title or name}
        if info.description:
            out["hint"] = info.description
        has_default = not info.is_required()
        if optional or has_default:
            out["required"] = False
        out.update(self.widget(owner, name, annotation, metadata))
        return out

    def widget(self, owner: str, name: str, annotation: Any, metadata: list[Any]) -> dict[str, Any]:
        origin = get_origin(annotation)
        choice = CHOICES.get((owner, name))
        if origin is list:
            (item,) = get_args(annotation)
            item_type, _, item_meta = _unwrap(item)
            if choice:  # several values chosen from the catalog
                return {"widget": "select", "multiple": True, "options": _options(getattr(self.catalog, choice))}
            if isinstance(item_type, type) and issubclass(item_type, BaseModel):
                return {
                    "widget": "list",
                    "fields": self.fields_of(item_type),
                    **self.summary(item_type),
                }
            inner = {"name": name, "label": "", **self.widget(owner, name, item_type, item_meta)}
            return {"widget": "list", "field": inner}
        if origin is dict:
            key_type, value_type = get_args(annotation)
            keys = get_args(_strip(key_type)) if get_origin(_strip(key_type)) is Literal else ()
            value, _, value_meta = _unwrap(value_type)
            if keys:  # a fixed set of keys (tool scores): one optional field each
                return {
                    "widget": "object",
                    "collapsed": False,
                    "fields": [
                        {"name": k, "label": self.catalog.literals.get(k, k), "required": False, **self.widget(owner, k, value, value_meta)}
                        for k in keys
                    ],
                }
            return {  # a year -> a text (names_by_year): pairs
                "widget": "code",
                "output_code_only": True,
                "default_language": "yaml",
            }
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return {"widget": "object", "collapsed": owner == "YearFile" and name == "narrative", "fields": self.fields_of(annotation)}
        if choice:
            return {"widget": "select", "options": _options(getattr(self.catalog, choice))}
        if origin is Literal:
            return {
                "widget": "select",
                "options": [{"label": self.catalog.literals.get(v, v), "value": v} for v in get_args(annotation)],
            }
        if name in FILES.get(owner, set()):
            return {"widget": "file", "choose_url": True}
        if annotation is date:
            out: dict[str, Any] = {
                "widget": "ita-date",  # Decap's datetime field, a date only, written 2023-11-15
                "format": "YYYY-MM-DD",
                "date_format": "YYYY-MM-DD",
                "time_format": False,
                "picker_utc": True,
                "ita_message": "",
            }
            if name in PLAN_YEAR_DATES.get(owner, set()):
                out["ita_message"] = self.messages.outside_year
                out["ita_what"] = self.messages.date_what[name]
            if not out["ita_message"]:
                del out["ita_message"]
            return out
        if annotation in (int, float):
            lo, hi = _bounds(metadata)
            out = {"widget": "ita-number", "value_type": "int" if annotation is int else "float"}
            if annotation is float:
                out["step"] = 0.01
            if lo is not None:
                out["ita_min"] = lo
            if hi is not None:
                out["ita_max"] = hi
            if lo is not None or hi is not None:
                out["ita_message"] = self.messages.out_of_range
            return out
        if annotation is str:
            paragraphs = PARAGRAPHS.get(owner, set())
            return {"widget": "text" if "*" in paragraphs or name in paragraphs else "string"}
        raise TypeError(f"no editor widget for {owner}.{name}: {annotation!r}")

    @classmethod
    def key_tree(cls, model: type[BaseModel]) -> dict[str, Any]:
        """The order of the keys as the model declares them (the order a person writes), for
        the file writer of admin/ita-cms.js: {"keys": [...], "children": {key: tree},
        "one_or_list": [keys written as one mapping or a list, read as a list],
        "null_if_empty": [keys that must be written, as null when left empty]}."""
        tree: dict[str, Any] = {"keys": list(model.model_fields), "children": {}, "one_or_list": [], "null_if_empty": []}
        for name, info in model.model_fields.items():
            annotation, optional, _ = _unwrap(info.annotation)
            if optional and info.is_required():  # a key that must be there, null when not known (period)
                tree["null_if_empty"].append(name)
            if len(_alternatives(info.annotation)) > 1:
                tree["one_or_list"].append(name)
            if get_origin(annotation) is list:
                annotation, _, _ = _unwrap(get_args(annotation)[0])
            if get_origin(annotation) is dict:
                key_type = _strip(get_args(annotation)[0])
                if get_origin(key_type) is Literal:
                    tree["children"][name] = {"keys": list(get_args(key_type)), "children": {}, "one_or_list": [], "null_if_empty": []}
            elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
                tree["children"][name] = cls.key_tree(annotation)
        return tree

    def summary(self, model: type[BaseModel]) -> dict[str, Any]:
        """How a collapsed list item is named: its first field(s)."""
        keys = list(model.model_fields)[:2]
        return {"summary": " · ".join("{{fields.%s}}" % k for k in keys)}
