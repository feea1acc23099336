"""Mentions become entities: one node per thing, with its canonical name and aliases.

Rules, in order:

1. **Scope.** Districts, towns, metro lines and stations are the city's: one entity
   whatever report names them. Everything else is scoped to the town whose report
   mentions it: the same name in the same town is one entity, in two towns two.
2. **Gazetteer names win.** A village name one character away from a village of the
   same town in the gazetteer (束里桥村 / 東里桥村) is an alias of the gazetteer's name.
3. **Variant characters** (蕰/蕴, see ``loaders/data/variants.tsv``) are folded before
   names are compared; the first spelling seen is the canonical name.
4. **Abbreviations.** Within a type and scope, a name is an alias of a longer one when
   it is its tail (智力产业园 → 上海智力产业园, 朗香公园 → 大华朗香公园) or its
   characters appear in it in order with the same first and last characters
   (智园 → 智力产业园); phases are compared separately (智园一期 → 上海智力产业园一期).
   A short name that fits two longer ones stays its own entity.
5. **Types keep things apart**: 大康路 the road and 大康路站 the station are two
   entities, as are a phase and its whole (linked by ``PART_OF``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from kg.graph.vocab import class_group
from kg.ids import district_id, entity_id, town_id
from loaders.gazetteer import gazetteer
from loaders.normalise import fold_variants

CITY_SCOPED = class_group("CityScoped")
_PHASE = re.compile(r"([一二三四五六七八九十两\d]{1,3}期)$")


@dataclass
class Entity:
    id: str
    type: str
    name: str
    scope: str
    aliases: set[str] = field(default_factory=set)
    town: str | None = None
    district: str | None = None
    city: str | None = None
    code: str | None = None
    part_of: str | None = None  # entity id
    on_line: str | None = None  # entity id
    located_in: str | None = None  # entity id (a town or district)


@dataclass
class ReportPlace:
    """Where a report is from: its mentions are scoped to this town."""

    report: str
    city: str | None
    district: str | None
    town: str | None
    province: str | None = None

    @cached_property
    def scope(self) -> str:  # asked for each of a report's mentions, several times
        return "/".join(p or "?" for p in (self.city or self.province, self.district, self.town))


@lru_cache(maxsize=1 << 18)
def _key(name: str) -> str:
    # Kept per name: resolution folds every mention's name several times, and a store
    # of 1000 reports holds 300,000 mentions of far fewer names.
    return fold_variants(name).replace("·", "")


@lru_cache(maxsize=1 << 18)
def _split_phase(name: str) -> tuple[str, str]:
    m = _PHASE.search(name)
    return (name[: m.start()], m.group()) if m and m.start() > 0 else (name, "")


def _skipped(short: str, long: str) -> str | None:
    """The characters of ``long`` left out when ``short`` is matched as a subsequence
    (greedily, from the left), or None if it is not one."""
    skipped, it = [], iter(long)
    for ch in short:
        for candidate in it:
            if candidate == ch:
                break
            skipped.append(candidate)
        else:
            return None
    return "".join(skipped) + "".join(it)


# A direction tells two things apart rather than abbreviating one: 呼兰西路 is not 呼兰路,
# 南泗塘河 not 泗塘河, 西区 not 区.
_DISTINGUISHING = set("东西南北")


@cache
def _official_indicators() -> frozenset[str]:
    """The official names of the indicator gazetteer: each names its own measure."""
    return frozenset(gazetteer().indicators.values())


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is an abbreviation of ``long`` (same type assumed).

    >>> abbreviates("智力产业园", "上海智力产业园"), abbreviates("智园", "智力产业园")
    (True, True)
    >>> abbreviates("大康路", "大康路站")  # the tail must match
    False
    >>> abbreviates("呼兰路", "呼兰西路")  # a direction names another road
    False
    """
    if len(short) >= len(long) or len(short) < 2:
        return False
    if long.endswith(short):
        return long[-len(short) - 1] not in _DISTINGUISHING
    # 智园 abbreviates 智力产业园, and so 上海智力产业园 whose tail that is.
    for i in range(len(long) - len(short) + 1):
        tail = long[i:]
        if tail[0] == short[0] and tail[-1] == short[-1]:
            skipped = _skipped(short, tail)
            if skipped is not None and not _DISTINGUISHING & set(skipped):
                return True
    return False


def _village_slip(name: str, town: str | None, district: str | None) -> str | None:
    """The gazetteer village one character away from ``name`` in the same town."""
    g = gazetteer()
    code = g.locate(town, district)
    if not town or code is None or len(code) != 9:
        return None
    for v_name in (v.name for v in g.villages(code)):
        if len(v_name) == len(name) and v_name != name:
            if sum(a != b for a, b in zip(v_name, name)) == 1 and v_name[-1] == name[-1]:
                return v_name
    return None


def resolve(
    mentions: dict[str, list[dict]],
    places: dict[str, ReportPlace],
    within: set[str] | None = None,
    city: CityNames | None = None,
) -> tuple[dict[str, Entity], list[tuple[dict, str]]]:
    """Entities from all reports' mentions; returns (entities by id, [(mention, entity id)]).

    ``mentions`` maps a report id to its mentions (as :meth:`kg.extraction.mentions.Mention.as_dict`).
    With ``within`` (town scopes, :attr:`ReportPlace.scope`), only the reports of those
    towns are resolved in full; of the others, only their city-scoped mentions (and those
    naming a city-scoped whole) are, and only the city-scoped entities, the entities of
    the towns ``within`` and the links of the reports of those towns come back. A town-scoped name depends on
    nothing outside its town (rule 1), so the rest is what the store holds already —
    provided the caller closed ``within`` over the changes (:func:`resolution_scopes`).
    """
    g = gazetteer()
    if within is not None:
        city = city or CityNames()
        mentions = {
            report_id: items if places[report_id].scope in within else [m for m, _, _ in city.of(items, places[report_id])]
            for report_id, items in mentions.items()
        }
    mentions = _retype_abbreviated_parks(mentions, places)
    canonical: dict[tuple[str, str, str], str] = {}  # (type, scope, folded key) → canonical name
    for (entity_type, scope), spellings in _names(mentions, places).items():
        canonical.update(_group_canonical(entity_type, scope, spellings))

    entities: dict[str, Entity] = {}
    links: list[tuple[dict, str]] = []
    for report_id, items in mentions.items():
        place = places[report_id]
        outside = within is not None and place.scope not in within
        for m in items:
            scope = _scope(m["type"], m["name"], place)
            name = canonical[(m["type"], scope, _key(m["name"]))]
            entity = _entity(entities, m["type"], scope, name, place)
            if m["name"] != name:
                entity.aliases.add(m["name"])
            if m["text"] != name and m["text"] != m["name"] and m.get("rule") not in ("enumeration", "tod"):
                entity.aliases.add(m["text"])
            if m.get("part_of"):
                parent_type = m.get("part_of_type") or m["type"]
                parent_scope = _scope(parent_type, m["part_of"], place)
                parent_name = canonical.get((parent_type, parent_scope, _key(m["part_of"])), m["part_of"])
                parent = _entity(entities, parent_type, parent_scope, parent_name, place)
                if parent.id != entity.id:
                    if parent_type == "MetroLine" and m["type"] == "MetroStation":
                        entity.on_line = parent.id
                    else:
                        entity.part_of = parent.id
            if not outside:
                links.append((m, entity.id))
    # A phase of a thing is part of it even where the text never names the whole alone.
    for entity in list(entities.values()):
        base, phase = _split_phase(entity.name)
        if phase and not entity.part_of:
            place = ReportPlace("", *_scope_parts(entity.scope))
            entity.part_of = _entity(entities, entity.type, entity.scope, base, place).id
    for entity in list(entities.values()):
        if entity.type == "MetroStation" and not entity.on_line:
            lines = sorted(g.station_lines.get(entity.name.removesuffix("站"), ()))
            if len(lines) == 1:
                place = ReportPlace("", entity.city, None, None)
                entity.on_line = _entity(entities, "MetroLine", _scope("MetroLine", lines[0], place), lines[0], place).id
    for entity in entities.values():
        entity.aliases.discard(entity.name)
    if within is not None:
        # The other towns' entities were made only as far as their city-scoped mentions go.
        entities = {k: e for k, e in entities.items() if e.type in CITY_SCOPED or e.scope in within}
    return entities, links


def _names(mentions: dict[str, list[dict]], places: dict[str, ReportPlace]) -> dict[tuple[str, str], dict[str, str]]:
    """Surface names per (type, scope), keeping the first spelling of each folded key."""
    names: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for report_id, items in mentions.items():
        place = places[report_id]
        for m in items:
            scope = _scope(m["type"], m["name"], place)
            names[(m["type"], scope)].setdefault(_key(m["name"]), m["name"])
    return names


Named = tuple[str, str, str]  # (type, scope, folded key)


class CityNames:
    """Each report's mentions that name a city-scoped entity, itself or as its whole,
    with what they name (:data:`Named`, or None): worked out once for a list of mentions
    (a report a change leaves alone keeps its list, before the change and after)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, str], tuple[list, list]] = {}

    def of(self, items: list[dict], place: ReportPlace) -> list[tuple[dict, Named | None, Named | None]]:
        key = (id(items), place.scope)
        hit = self._seen.get(key)
        if hit is not None and hit[0] is items:
            return hit[1]
        out = []
        for m in items:
            entity_type = m["type"]
            own = (entity_type, _scope(entity_type, m["name"], place), _key(m["name"])) if entity_type in CITY_SCOPED else None
            parent = None
            if m.get("part_of"):
                parent_type = m.get("part_of_type") or entity_type
                if parent_type in CITY_SCOPED:
                    parent = (parent_type, _scope(parent_type, m["part_of"], place), _key(m["part_of"]))
            if own or parent:
                out.append((m, own, parent))
        self._seen[key] = (items, out)
        return out

    def names(self, mentions: dict[str, list[dict]], places: dict[str, ReportPlace]) -> dict[tuple[str, str], dict[str, str]]:
        """:func:`_names` of the city-scoped types."""
        names: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for report_id, items in mentions.items():
            for m, own, _ in self.of(items, places[report_id]):
                if own is not None:
                    names[(own[0], own[1])].setdefault(own[2], m["name"])
        return names


def _group_canonical(entity_type: str, scope: str, spellings: dict[str, str]) -> dict[tuple[str, str, str], str]:
    """The canonical name of each folded key of one (type, scope): rules 2–4."""
    town = scope.split("/")[-1] if entity_type not in CITY_SCOPED else None
    scope_district = _scope_parts(scope)[1]
    base_names = {_key(_split_phase(n)[0]): _split_phase(n)[0] for n in spellings.values()}
    resolved_base: dict[str, str] = {}
    for key, base in base_names.items():
        target = base
        if entity_type == "Village" and (fixed := _village_slip(base, town, scope_district)):
            target = fixed
        elif entity_type == "Indicator" and base in _official_indicators():
            pass  # an official measure is no short form of another (地区生产总值, 人均地区生产总值)
        else:
            longer = [b for k, b in base_names.items() if k != key and abbreviates(key, k)]
            if len(longer) == 1:
                target = longer[0]
            elif len(longer) > 1:
                # Several longer names: the abbreviation is fine if they are one thing already.
                longest = max(longer, key=len)
                if all(abbreviates(_key(b), _key(longest)) or b == longest for b in longer):
                    target = longest
        resolved_base[key] = target
    # Follow chains (智园 → 智力产业园 → 上海智力产业园).
    for key in resolved_base:
        seen = set()
        target = resolved_base[key]
        while _key(target) in resolved_base and resolved_base[_key(target)] != target and target not in seen:
            seen.add(target)
            target = resolved_base[_key(target)]
        resolved_base[key] = target
    out = {}
    for key, name in spellings.items():
        base, phase = _split_phase(name)
        out[(entity_type, scope, key)] = resolved_base[_key(base)] + phase
    return out


def city_changes(
    before: dict[str, list[dict]],
    before_places: dict[str, ReportPlace],
    after: dict[str, list[dict]],
    after_places: dict[str, ReportPlace],
    city: CityNames,
) -> set[Named]:
    """The city-scoped names whose canonical name differs between two sets of mentions
    (a new spelling seen first, a longer name that a short one now abbreviates…): only
    the groups whose spellings differ are resolved again."""
    names_0, names_1 = city.names(before, before_places), city.names(after, after_places)
    changed: set[Named] = set()
    for group in names_0.keys() | names_1.keys():
        spellings_0, spellings_1 = names_0.get(group, {}), names_1.get(group, {})
        if list(spellings_0.items()) == list(spellings_1.items()):
            continue
        canonical_0, canonical_1 = _group_canonical(*group, spellings_0), _group_canonical(*group, spellings_1)
        changed |= {k for k in canonical_0.keys() | canonical_1.keys() if canonical_0.get(k) != canonical_1.get(k)}
    return changed


def resolution_scopes(
    mentions: dict[str, list[dict]], places: dict[str, ReportPlace], within: set[str], changed: set[Named], city: CityNames
) -> set[str]:
    """``within`` with the towns whose resolution a change of city-scoped names
    (``changed``: :func:`city_changes`) reaches: a town whose mention of a city-scoped
    name, or of a city-scoped whole, now resolves otherwise, and a town whose city-scoped
    mention has a town-scoped whole (resolved only with the rest of its town)."""
    out = set(within)
    for report_id, items in mentions.items():
        place = places[report_id]
        if place.scope in out:
            continue
        for m, own, parent in city.of(items, place):
            if own in changed or parent in changed or (own is not None and parent is None and m.get("part_of")):
                out.add(place.scope)
                break
    return out


def _retype_abbreviated_parks(mentions: dict[str, list[dict]], places: dict[str, ReportPlace]) -> dict[str, list[dict]]:
    """A Project named …园 (found before a phase: 智园一期) that abbreviates the parks of
    one type in its town is of that type, so that it resolves to them."""
    parks: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for report_id, items in mentions.items():
        for m in items:
            if m["type"] in ("IndustrialPark", "Park"):
                parks[places[report_id].scope].add((m["type"], _key(_split_phase(m["name"])[0])))
    retyped: dict[str, list[dict]] = {}
    for report_id, items in mentions.items():
        scope = places[report_id].scope
        retyped[report_id] = []
        for m in items:
            base = _key(_split_phase(m["name"])[0])
            if m["type"] == "Project" and base.endswith("园"):
                types = {t for t, park in parks[scope] if abbreviates(base, park)}
                if len(types) == 1:
                    (new_type,) = types
                    m = {
                        **m,
                        "type": new_type,
                        "part_of_type": new_type if m.get("part_of_type") == "Project" else m.get("part_of_type"),
                    }
            retyped[report_id].append(m)
    return retyped


@lru_cache(maxsize=1 << 16)
def _scope_parts(scope: str) -> tuple[str | None, str | None, str | None]:
    parts = [p if p != "?" else None for p in scope.split("/")]
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def _scope(entity_type: str, name: str, place: ReportPlace) -> str:
    # Nothing defaults to a city: a report whose city is unknown scopes its names by
    # what it does know (its province), or "?".
    city = place.city or place.province or "?"
    if entity_type == "District":
        return city
    if entity_type == "Town":
        return f"{city}/{place.district or '?'}"
    if entity_type in CITY_SCOPED:
        return city
    return place.scope


def _entity(entities: dict[str, Entity], entity_type: str, scope: str, name: str, place: ReportPlace) -> Entity:
    city, district, town = _scope_parts(scope)
    if entity_type == "Town":
        node_id = town_id(city, district, name)
    elif entity_type == "District":
        node_id = district_id(city, name)
    else:
        node_id = entity_id(entity_type, scope, name)
    if node_id in entities:
        return entities[node_id]
    entity = Entity(node_id, entity_type, name, scope, city=city or place.city)
    g = gazetteer()
    if entity_type == "Town":
        entity.district = district
        entity.code = g.locate(name, district)
    elif entity_type == "District":
        entity.code = g.locate(None, name) if len(g.named(name, "county")) == 1 else None
    elif entity_type not in CITY_SCOPED:
        entity.town, entity.district = town, district
        town_code = g.locate(town, district) if entity_type == "Village" else None
        if town_code and len(town_code) == 9:
            entity.code = next((v.code for v in g.villages(town_code) if v.name == name), None)
        if town:
            entity.located_in = town_id(city, district, town)
    entities[node_id] = entity
    return entity
