"""Across-article entity resolution: gazetteer, acronyms, names, surnames; merges keep evidence."""

from __future__ import annotations

import pytest

from claimledger.reconcile.origins import origins_of
from claimledger.resolve.across import (
    acronym_of,
    canonical_names,
    find_places,
    lookup,
    resolve_entities,
)
from claimledger.store import Store


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(str(tmp_path / "e.db"))
    yield s
    s.close()


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("the Kremlin", "Russia"),
        ("Moscow", "Russia"),
        ("Kyiv", "Ukraine"),
        ("Washington", "United States"),
        ("DPRK", "North Korea"),
        ("D.P.R.K.", "North Korea"),
        ("Pyongyang", "North Korea"),
        ("Democratic People's Republic of Korea", "North Korea"),
        ("Democratic People’s Republic of Korea", "North Korea"),
        ("Downing Street", "United Kingdom"),
    ],
)
def test_gazetteer_names(name: str, entity: str) -> None:
    hit = lookup(name)
    assert hit is not None and hit[0] == entity


def test_find_places_in_running_text() -> None:
    found = find_places("U.S. officials met South Korean envoys in Seoul, not in the US.")
    assert [p.entity for p in found] == ["United States", "South Korea", "South Korea",
                                         "United States"]


def test_acronyms() -> None:
    assert acronym_of("National Intelligence Service") == "NIS"
    assert acronym_of("N.I.S.") == "NIS"
    assert acronym_of("officials") is None


def test_merges_across_articles_keep_evidence(store: Store) -> None:
    names = [
        (1, "Lloyd Austin", "person"),
        (2, "Lloyd J. Austin III", "person"),
        (3, "Austin", "person"),
        (4, "National Intelligence Service", "government"),
        (5, "NIS", "government"),
        (6, "the Kremlin", "government"),
        (7, "Russia", "government"),
        (8, "Volodymyr Zelenskyy", "person"),
        (9, "President Volodymyr Zelensky", "person"),
        (10, "Kim Jong-un", "person"),
        (11, "Kim Barker", "person"),
        (12, "Kim", "person"),
    ]
    with store.engine.begin() as conn:
        for row in names:
            resolve_entities(conn, [row])
        canon = canonical_names(conn, range(1, 13))
    assert canon[1] == canon[2] == canon[3] == "Lloyd J. Austin III"
    assert canon[4] == canon[5]
    assert canon[6] == canon[7] == "Russia"
    assert canon[8] == canon[9]
    assert canon[10] != canon[11] and canon[12] == "Kim"  # an ambiguous surname stays apart
    evidence = {r["entity_id"]: r for r in store.rows("entity_links", order_by=("entity_id",))}
    assert evidence[3]["rule"] == "surname" and "Austin" in evidence[3]["evidence"]
    assert evidence[5]["rule"] == "acronym"
    assert evidence[6]["rule"] == "gazetteer" and "seat of government" in evidence[6]["evidence"]


def test_group_origins(store: Store) -> None:
    with store.engine.connect() as conn:
        assert origins_of(conn, None, "U.S. officials, speaking anonymously", "anonymous",
                          "X") == ["United States officials"]
        assert origins_of(conn, None, "American officials", "anonymous", "X") == [
            "United States officials"
        ]
        assert origins_of(conn, None, "the Ukrainian and South Korean governments",
                          "government", "X") == ["Ukraine governments", "South Korea governments"]
        assert origins_of(conn, None, None, "unknown", "Daily") == ["Daily (unattributed)"]
        # one who speaks for a body is its voice; a sentence's capital is no other group
        assert origins_of(conn, "Mara Lind", "Helix spokeswoman Mara Lind", "person", "X") == [
            "Helix"
        ]
        assert origins_of(conn, None, "a spokesman for Helix", "anonymous", "X") == ["Helix"]
        assert origins_of(
            conn, "Department of Health spokesperson", "A Department of Health spokesperson",
            "person", "X",
        ) == ["Department of Health"]
        # a body named in lower case or in an apposition; "A spokesman" names no body "A"
        assert origins_of(conn, "Ann Roe", "harbour police spokeswoman Sgt. Ann Roe", "person",
                          "X") == ["harbour police"]
        assert origins_of(conn, "Col Ian Moss", "Col Ian Moss, the defence ministry spokesman",
                          "person", "X") == ["defence ministry"]
        assert origins_of(conn, "Ian Moss", "government spokesman Ian Moss", "person",
                          "X") == ["Ian Moss"]
        assert origins_of(conn, "Helix spokesman", "A spokesman", "person", "X") == ["Helix"]
        # a body whose name holds a possessive, as the body itself is named
        assert origins_of(conn, None, "a spokesman for the Port Authority's Office",
                          "anonymous", "X") == origins_of(
            conn, None, "The Port Authority's Office", "organization", "X")
        assert origins_of(conn, None, "Helix's spokesperson", "anonymous", "X") == ["Helix"]
        assert origins_of(conn, None, "a senior spokesman", "anonymous", "X") != ["senior"]
        # a joint statement stands for each body that made it
        assert origins_of(conn, None, "The Red Cross and the World Food Programme",
                          "organization", "X") == ["Red Cross", "World Food Programme"]
        assert origins_of(conn, None, "People familiar with the matter", "anonymous", "X") == (
            origins_of(conn, None, "people familiar with the matter", "anonymous", "Y")
        )


def test_a_body_described_or_on_its_own_channel_is_one_origin(store: Store) -> None:
    with store.engine.connect() as conn:
        # words saying what the body is are no part of its name; "&" joins a name
        assert origins_of(conn, None, "German carmaker Velm & Sons", "organization", "X") == [
            "Velm & Sons"
        ]
        assert origins_of(conn, None, "chipmaker Orrin", "organization", "X") == ["Orrin"]
        assert origins_of(conn, None, "A Velm & Sons spokesman", "anonymous", "X") == [
            "Velm & Sons"
        ]
        assert origins_of(conn, None, "Office of the Rail Regulator", "government", "X") == [
            "Office of the Rail Regulator"
        ]
        # a body's own newsroom: its "we" and its unattributed figures are the body's
        assert origins_of(conn, "Velm & Sons Newsroom", "We", "outlet", "Velm & Sons Newsroom") == [
            "Velm & Sons"
        ]
        assert origins_of(conn, None, "Our review", "report", "Orrin Press Office") == ["Orrin"]
        assert origins_of(conn, None, None, "unknown", "Daily Newsroom Times") == [
            "Daily Newsroom Times (unattributed)"
        ]


def test_two_bodies_with_the_same_initials_stay_apart(store: Store) -> None:
    names = [
        (1, "Harbour Police", "government"),
        (2, "Halverson Properties", "organization"),
        (3, "HP", "organization"),
        (4, "FAA", "government"),
        (5, "Federal Aviation Administration", "government"),
    ]
    with store.engine.begin() as conn:
        for row in names:
            resolve_entities(conn, [row])
        canon = canonical_names(conn, range(1, 6))
    assert canon[1] != canon[2]
    assert canon[3] == "HP"  # two bodies fit: no guess
    assert canon[4] == canon[5]  # a full name joins the bare acronym named before it


def test_a_body_s_first_word_is_its_short_name_when_only_one_body_has_it(store: Store) -> None:
    names = [
        (1, "Northwind Telecom", "organization"),
        (2, "Northwind", "organization"),
        (3, "Ashby Rovers", "organization"),
        (4, "Ashby Council", "organization"),
        (5, "Ashby", "organization"),
        (6, "Northwind Holdings", "organization"),
    ]
    with store.engine.begin() as conn:
        for row in names:
            resolve_entities(conn, [row])
        canon = canonical_names(conn, range(1, 7))
    assert canon[1] == canon[2] == "Northwind Telecom"
    assert canon[5] == "Ashby"  # two bodies begin with it: no guess
    assert canon[6] == "Northwind Holdings"  # a full name is nobody's short name


def test_a_bare_surname_seen_first_joins_the_one_full_name_that_comes_later(store: Store) -> None:
    """ "Rilke has denied ..." in Monday's paper, "Finance Minister Tomas Rilke" in Tuesday's:
    one speaker, whichever came first; not when two full names share the surname."""
    names = [
        (1, "Rilke", "unknown"),
        (2, "Tomas Rilke", "person"),
        (3, "Lee", "person"),
        (4, "Ann Lee", "person"),
        (5, "Tom Lee", "person"),
    ]
    with store.engine.begin() as conn:
        renames = [r for row in names for r in resolve_entities(conn, [row])]
        canon = canonical_names(conn, range(1, 6))
    assert canon[1] == canon[2] == "Tomas Rilke" and ("Rilke", "Tomas Rilke") in renames
    assert canon[3] in ("Lee", "Ann Lee") and canon[4] != canon[5]
    evidence = {r["entity_id"]: r for r in store.rows("entity_links", order_by=("entity_id",))}
    assert evidence[1]["rule"] == "surname"


def test_a_body_named_in_either_word_order_is_one_entity(store: Store) -> None:
    """ "Ministry of Fisheries" in one paper, "Fisheries Ministry" in the next: one body, in
    whichever order they come; a gazetteer seat said the long way is still that country's."""
    names = [
        (1, "Ministry of Fisheries", "government"),
        (2, "Fisheries Ministry", "organization"),
        (3, "Transport Department", "organization"),
        (4, "the Department of Transport", "government"),
        (5, "Ministry of Forests", "government"),
        (6, "Department of State", "government"),
        (7, "State Department", "government"),
    ]
    with store.engine.begin() as conn:
        for row in names:
            resolve_entities(conn, [row])
        canon = canonical_names(conn, range(1, 8))
    assert canon[1] == canon[2] == "Ministry of Fisheries"
    assert canon[3] == canon[4] == "Transport Department"
    assert canon[5] not in (canon[1], canon[3])
    assert canon[6] == canon[7] == "United States"
    evidence = {r["entity_id"]: r for r in store.rows("entity_links", order_by=("entity_id",))}
    assert evidence[4]["rule"] == "word order" and "Transport Department" in evidence[4]["evidence"]


def test_a_body_s_short_name_seen_first_joins_the_one_full_name_that_comes_later(
    store: Store,
) -> None:
    """ "Tallis said ..." on Monday, "Tallis & Reed" named in full on Tuesday: one company; its
    spokeswoman's description is no second body with that first word; a place is no short
    name of a body."""
    names = [
        (1, "Tallis", "organization"),
        (2, "Tallis & Reed", "organization"),
        (3, "Vey & Cole", "organization"),
        (4, "Vey & Cole spokeswoman", "anonymous"),
        (5, "Vey", "government"),
        (6, "Ashby", "place"),
        (7, "Ashby Council", "government"),
    ]
    with store.engine.begin() as conn:
        renames = [r for row in names for r in resolve_entities(conn, [row])]
        canon = canonical_names(conn, range(1, 8))
    assert canon[1] == canon[2] == "Tallis & Reed" and ("Tallis", "Tallis & Reed") in renames
    assert canon[5] == canon[3] == "Vey & Cole"
    assert canon[6] == "Ashby" and canon[7] == "Ashby Council"
    evidence = {r["entity_id"]: r for r in store.rows("entity_links", order_by=("entity_id",))}
    assert evidence[1]["rule"] == "short name" and "Tallis & Reed" in evidence[1]["evidence"]


def test_a_bare_surname_tagged_a_body_joins_the_one_person_so_named(store: Store) -> None:
    """ "the figure Quist cited", the tagger taking Quist for a company: the one person of that
    surname, before or after; not when a body or two people bear the name."""
    names = [
        (1, "Mara Quist", "person"),
        (2, "Quist", "organization"),
        (3, "Fenn", "organization"),
        (4, "Ida Fenn", "person"),
        (5, "Fenn Group", "organization"),  # Fenn, taken in by Ida Fenn, waits for no one else
        (6, "Dovey Foods", "organization"),
        (7, "Tom Dovey", "person"),
        (8, "Dovey", "organization"),
        (9, "Ann Holt", "person"),
        (10, "Ben Holt", "person"),
        (11, "Holt", "organization"),
    ]
    with store.engine.begin() as conn:
        for row in names:
            resolve_entities(conn, [row])
        canon = canonical_names(conn, range(1, 12))
    assert canon[1] == canon[2] == "Mara Quist"
    assert canon[3] == canon[4] == "Ida Fenn" and canon[5] == "Fenn Group"
    assert canon[8] == "Dovey Foods"  # a body of that name comes first
    assert canon[11] == "Holt"  # two people: no guess


def test_a_company_named_with_or_without_its_legal_form_is_one_entity(store: Store) -> None:
    """ "Marlow Gas Co." on the wire, "Marlow Gas" in the local paper, "Marlow Gas Co" after a
    ticker: one company; a place whose name a company bears is no company."""
    names = [
        (1, "Marlow Gas Co.", "organization"),
        (2, "Marlow Gas", "organization"),
        (3, "Marlow Gas Co", "organization"),
        (4, "Teller Bank", "organization"),
        (5, "Teller Bank, Inc.", "organization"),
        (6, "Garnet Bay", "place"),
        (7, "Garnet Bay Company", "organization"),
        (8, "Pell & Co.", "organization"),
        (9, "Pell", "organization"),
    ]
    with store.engine.begin() as conn:
        for row in names:
            resolve_entities(conn, [row])
        canon = canonical_names(conn, range(1, 10))
    assert canon[1] == canon[2] == canon[3] == "Marlow Gas Co."
    assert canon[4] == canon[5] == "Teller Bank"
    assert canon[6] == "Garnet Bay" and canon[7] == "Garnet Bay Company"
    assert canon[8] == canon[9] == "Pell & Co."
    evidence = {r["entity_id"]: r for r in store.rows("entity_links", order_by=("entity_id",))}
    assert evidence[3]["rule"] == "legal form" and "Marlow Gas Co." in evidence[3]["evidence"]


def test_a_body_named_by_its_kind_is_the_one_of_that_kind_named_in_full(store: Store) -> None:
    """ "the coroner's office" and "Brisk County coroner's office" in the next paper, or the
    other way round: one office, when the corpus names only one of its kind; with two fire
    departments named, "the fire department" is neither."""
    names = [
        (1, "coroner's office", "government"),
        (2, "Brisk County coroner's office", "government"),
        (3, "Vale County Sheriff's Office", "government"),
        (4, "the sheriff's office", "government"),
        (5, "Board of Elections", "organization"),
        (6, "Kettle City Board of Elections", "organization"),
        (7, "Ardo fire department", "government"),
        (8, "Brandt fire department", "government"),
        (9, "the fire department", "government"),
    ]
    with store.engine.begin() as conn:
        renames = [r for row in names for r in resolve_entities(conn, [row])]
        canon = canonical_names(conn, range(1, 10))
    assert canon[1] == canon[2] == "Brisk County coroner's office"
    assert ("coroner's office", "Brisk County coroner's office") in renames
    assert canon[3] == canon[4] == "Vale County Sheriff's Office"
    assert canon[5] == canon[6] == "Kettle City Board of Elections"
    assert canon[9] == "the fire department" and canon[7] != canon[8]
    evidence = {r["entity_id"]: r for r in store.rows("entity_links", order_by=("entity_id",))}
    assert evidence[4]["rule"] == "generic name" and "Vale County" in evidence[4]["evidence"]


def test_a_full_name_the_tagger_could_not_type_claims_its_short_name(store: Store) -> None:
    """ "Crane did not respond" on Monday, "Crane Risk Partners" (typed unknown) on Tuesday:
    one firm, as it would be the other way round."""
    names = [
        (1, "Crane", "government"),
        (2, "Crane Risk Partners", "unknown"),
        (3, "Osk Labs", "unknown"),
        (4, "Osk", "organization"),
    ]
    with store.engine.begin() as conn:
        for row in names:
            resolve_entities(conn, [row])
        canon = canonical_names(conn, range(1, 5))
    assert canon[1] == canon[2] == "Crane Risk Partners"
    assert canon[3] == canon[4] == "Osk Labs"
