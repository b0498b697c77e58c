#!/usr/bin/env python3
"""Writes the sample plans from shared/data/districts-de-2018.csv (run from the repo root:
`python3 sample-data/make_samples.py ../shared/data/districts-de-2018.csv`).

Population and area are Destatis figures; free capacities, measures and scenarios are
illustrative and labelled so in meta.notes. Deterministic: the same CSV gives the same files."""
import csv, hashlib, json, sys

SOURCE = ("Bevölkerung und Fläche: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem, "
          "\"Kreisfreie Städte und Landkreise nach Fläche, Bevölkerung und Bevölkerungsdichte\", Stand 31.12.2018, "
          "Datenlizenz Deutschland – Namensnennung – Version 2.0.")

def slug(name):
    s = name.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = "".join(c if c.isalnum() else "-" for c in s)
    while "--" in s:
        s = s.replace("--", "-")
    return s.strip("-")

def clean(name):
    base, _, kind = name.partition(", ")
    if kind == "Städteregion":
        return "Städteregion " + base
    return base

def factor(key, low=0.55, high=1.45):
    h = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return low + (high - low) * h

def regions(path):
    rows = [r for r in csv.DictReader(open(path, encoding="utf-8"), delimiter=";") if r["AGS"].startswith("05")]
    out = []
    for r in rows:
        name = clean(r["name"])
        pop = int(r["population"])
        out.append({"id": slug(name), "name": name, "population": pop, "area_km2": float(r["area_km2"]),
                    "capacity": {
                        "kita": round(pop * 0.00027 * factor(r["AGS"] + "kita")),
                        "school": round(pop * 0.0012 * factor(r["AGS"] + "school")),
                        "erstfoerderung": round(pop * 0.0008 * factor(r["AGS"] + "erstfoerderung")),
                        "housing": round(pop * 0.0018 * factor(r["AGS"] + "housing")),
                        "language": round(pop * 0.0018 * factor(r["AGS"] + "language"))},
                    "ags": r["AGS"]})
    return out

DOMAINS = [
    {"id": "kita", "name": "Kita-Plätze", "unit": "Plätze", "rates": {"1-1": 0.28, "2-2": 0.63, "3-5": 0.90}, "persons_per_unit": 1},
    {"id": "school", "name": "Schulplätze", "unit": "Plätze", "rates": {"6-17": 1.0}, "persons_per_unit": 1},
    {"id": "housing", "name": "Wohnungen", "unit": "Wohnungen", "rates": {"0+": 1.0}, "persons_per_unit": 3.0},
    {"id": "language", "name": "Sprachkursplätze", "unit": "Plätze", "rates": {"18+": 0.55}, "persons_per_unit": 1},
]
# SPEC §10 and §11 for the 2025 sample (sources and simplifications in sample-data/README.md).
KITA_PLANNING = {"group_size": 20, "group_word": "Gruppen", "staff_per_group": 1.97, "cost_per_group_per_year_eur": 260000}
SCHOOL_PLANNING = {"group_size": 25, "group_word": "Klassen", "staff_per_group": 1.57, "cost_per_group_per_year_eur": 118000}
FIRST_SUPPORT_PLANNING = {"group_size": 15, "group_word": "Fördergruppen", "staff_per_group": 1.2, "cost_per_group_per_year_eur": 90000}
DOMAINS_2025 = [
    dict(DOMAINS[0], planning=KITA_PLANNING),
    {"id": "erstfoerderung", "name": "Erstförderung", "unit": "Plätze", "rates": {"6-17": 1.0},
     "persons_per_unit": 1, "months_since_arrival": {"from": 0, "to": 24}, "planning": FIRST_SUPPORT_PLANNING},
    dict(DOMAINS[1], name="Regelklassen", months_since_arrival={"from": 24}, planning=SCHOOL_PLANNING),
    DOMAINS[2],
    dict(DOMAINS[3], months_since_arrival={"from": 0, "to": 24}),
]
# Measures of the 2025 sample that serve newly arrived pupils in their first support.
FIRST_SUPPORT_MEASURES = {"school-land-seiteneinstieg", "school-land-ausbau-2026", "school-essen-klassen"}
AGES = {"0-2": 0.08, "3-5": 0.07, "6-17": 0.22, "18+": 0.63}

def m(id, name, domain, region, places, start, end=None, ramp=0, once=0, year=0, funding="planned", notes=""):
    return {"id": id, "name": name, "domain": domain, "region": region, "places": places, "start": start, "end": end,
            "ramp_months": ramp, "cost_once_eur": once, "cost_per_year_eur": year, "funding": funding, "notes": notes}

MEASURES_2025 = [
    m("land-kita-brueckenprojekte", "Landesprogramm Kita-Einstieg (Brückenprojekte)", "kita", None, 1800, "2025-08", None, 6, 0, 9_000_000, "secured", "Landesweit, nach Verteilschlüssel"),
    m("land-kita-ausbau-2026", "Kita-Ausbauprogramm 2026", "kita", None, 2500, "2026-08", None, 12, 40_000_000, 14_000_000, "planned"),
    m("land-kita-ausbau-2027", "Kita-Ausbau 2027 (Haushaltsentwurf offen)", "kita", None, 3000, "2027-08", None, 12, 55_000_000, 17_000_000, "open"),
    m("kita-koeln-kalk", "Kita Neubau Köln-Kalk", "kita", "koeln", 75, "2025-08", None, 3, 2_500_000, 900_000, "secured"),
    m("kita-koeln-muelheim", "Kita Köln-Mülheim (Modulbau)", "kita", "koeln", 60, "2026-02", None, 2, 1_800_000, 720_000, "planned"),
    m("kita-duesseldorf-flingern", "Kita Düsseldorf-Flingern", "kita", "duesseldorf", 70, "2025-10", None, 3, 2_300_000, 850_000, "secured"),
    m("kita-dortmund-nordstadt", "Kita Dortmund-Nordstadt", "kita", "dortmund", 90, "2026-01", None, 4, 2_900_000, 1_050_000, "planned"),
    m("kita-essen-altenessen", "Kita Essen-Altenessen", "kita", "essen", 65, "2025-09", None, 3, 2_100_000, 780_000, "secured"),
    m("kita-duisburg-marxloh", "Kita Duisburg-Marxloh", "kita", "duisburg", 80, "2026-08", None, 4, 2_600_000, 960_000, "open"),
    m("kita-bielefeld-sieker", "Kita Bielefeld-Sieker", "kita", "bielefeld", 50, "2025-11", None, 2, 1_600_000, 600_000, "planned"),
    m("kita-borken-tagespflege", "Kindertagespflege Kreis Borken", "kita", "borken", 40, "2025-06", None, 0, 150_000, 420_000, "secured"),
    m("kita-hoexter-landkita", "Landkita Höxter (Gruppenerweiterung)", "kita", "hoexter", 25, "2026-03", None, 0, 600_000, 300_000, "planned"),
    m("school-land-seiteneinstieg", "Seiteneinsteigerklassen Landesprogramm", "school", None, 4000, "2025-08", None, 12, 0, 48_000_000, "secured", "Lehrerstellen für neu zugewanderte Schülerinnen und Schüler"),
    m("school-land-ausbau-2026", "Zusätzliche Vorbereitungsklassen 2026", "school", None, 3000, "2026-08", None, 6, 10_000_000, 36_000_000, "planned"),
    m("school-land-2027-offen", "Schulraumprogramm 2027", "school", None, 4000, "2027-08", None, 12, 80_000_000, 45_000_000, "open"),
    m("school-koeln-container", "Schulcontainer Köln-Chorweiler", "school", "koeln", 200, "2025-09", "2028-07", 0, 3_000_000, 400_000, "secured", "befristet"),
    m("school-essen-klassen", "Internationale Förderklassen Essen", "school", "essen", 150, "2026-02", None, 0, 0, 1_200_000, "planned"),
    m("school-gelsenkirchen", "Neue Klassen Gelsenkirchen", "school", "gelsenkirchen", 120, "2025-08", None, 0, 500_000, 950_000, "secured"),
    m("school-hagen", "Erweiterung Gesamtschule Hagen", "school", "hagen", 100, "2026-08", None, 0, 4_500_000, 700_000, "open"),
    m("school-steinfurt", "Schulplätze Kreis Steinfurt", "school", "steinfurt", 80, "2025-11", None, 0, 900_000, 600_000, "planned"),
    m("housing-land-wohnraum", "Landesförderung Wohnraum für Geflüchtete", "housing", None, 6000, "2025-07", None, 18, 150_000_000, 6_000_000, "secured"),
    m("housing-land-2026", "Sozialer Wohnungsbau Sonderprogramm 2026", "housing", None, 8000, "2026-06", None, 24, 240_000_000, 8_000_000, "planned"),
    m("housing-land-2027-offen", "Wohnraumoffensive 2027", "housing", None, 10000, "2027-06", None, 24, 300_000_000, 10_000_000, "open"),
    m("housing-koeln-notunterkunft", "Notunterkunft Köln Messehalle schließt", "housing", "koeln", -300, "2026-03", None, 0, 0, 0, "secured", "Rückbau der Notunterkunft: Plätze fallen weg"),
    m("housing-koeln-modular", "Modulare Wohnungen Köln-Porz", "housing", "koeln", 250, "2025-10", None, 6, 18_000_000, 300_000, "secured"),
    m("housing-duesseldorf", "Wohnprojekt Düsseldorf-Garath", "housing", "duesseldorf", 180, "2026-04", None, 6, 14_000_000, 250_000, "planned"),
    m("housing-dortmund", "Anmietung Wohnungen Dortmund", "housing", "dortmund", 150, "2025-05", None, 0, 0, 1_400_000, "secured"),
    m("housing-muenster", "Wohnungsbau Münster-Gievenbeck", "housing", "muenster", 120, "2026-09", None, 6, 11_000_000, 150_000, "open"),
    m("housing-bochum-hotel", "Umbau Hotel Bochum-Wattenscheid", "housing", "bochum", 80, "2025-12", "2028-12", 0, 2_000_000, 600_000, "planned", "befristet bis Ende 2028"),
    m("housing-unna", "Wohnungen Kreis Unna", "housing", "unna", 100, "2026-01", None, 3, 7_500_000, 120_000, "planned"),
    m("housing-hsk", "Dezentrale Unterbringung Hochsauerlandkreis", "housing", "hochsauerlandkreis", 60, "2025-08", None, 0, 0, 500_000, "secured"),
    m("housing-wesel-notunterkunft", "Notunterkunft Wesel schließt", "housing", "wesel", -120, "2025-12", None, 0, 0, 0, "secured"),
    m("language-komm-an", "Komm-An NRW: Sprachcafés und Erstorientierung", "language", None, 8000, "2025-01", None, 0, 0, 11_000_000, "secured", "Förderprogramm Komm-An NRW"),
    m("language-integrationskurse-plus", "Zusätzliche Integrationskurse", "language", None, 10000, "2025-09", None, 6, 0, 30_000_000, "planned"),
    m("language-berufssprachkurse", "Berufssprachkurse Ausbau", "language", None, 8000, "2026-09", None, 6, 0, 24_000_000, "open"),
    m("language-ki-koeln", "KI Köln: Sprachlernangebote", "language", "koeln", 600, "2025-03", None, 0, 0, 1_200_000, "secured", "Kommunales Integrationszentrum"),
    m("language-ki-duisburg", "KI Duisburg: Elternsprachkurse", "language", "duisburg", 400, "2025-10", None, 0, 0, 800_000, "planned", "Kommunales Integrationszentrum"),
    m("language-vhs-paderborn", "VHS Paderborn Zusatzkurse", "language", "paderborn", 250, "2026-01", None, 0, 0, 450_000, "planned"),
    m("language-lippe", "Sprachkurse Kreis Lippe", "language", "lippe", 200, "2025-09", None, 0, 0, 380_000, "open"),
    m("language-siegen", "Sprachkurse Siegen-Wittgenstein", "language", "siegen-wittgenstein", 180, "2026-04", None, 0, 0, 340_000, "planned"),
]

def scenario(id, name, arrivals, color, factor=1.0, leave=0.05, funding=("secured", "planned", "open"), off=(), uncertainty=None):
    out = {"id": id, "name": name, "arrivals": [{"from": f, "per_month": v} for f, v in arrivals], "arrival_factor": factor,
           "age_distribution": AGES, "leave_rate_per_year": leave, "funding_included": list(funding),
           "measures_off": list(off), "color": color}
    if uncertainty:
        out["uncertainty"] = uncertainty
    return out

CENTROIDS = "../shared/data/districts-nrw-centroids.csv"

def centroids(path=CENTROIDS):
    """AGS → (lat, lon) of each NRW district (SPEC §8)."""
    return {r["AGS"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(open(path, encoding="utf-8"), delimiter=";")}

def region_entries(rs, domains):
    points = centroids()
    out = []
    for r in rs:
        entry = {"id": r["id"], "name": r["name"], "population": r["population"], "area_km2": r["area_km2"],
                 "capacity": {d: r["capacity"][d] for d in domains}}
        if r["ags"] in points:
            lat, lon = points[r["ags"]]
            entry["location"] = {"lat": lat, "lon": lon}
        out.append(entry)
    return out

UNCERTAINTY_NOTE = (" Die Bandbreiten der Szenarien (uncertainty: Zugangsfaktor und Fortzugsrate) sind illustrativ.")

def ranges(factor_low, factor_high, leave_low, leave_high):
    return {"arrival_factor": {"low": factor_low, "high": factor_high},
            "leave_rate_per_year": {"low": leave_low, "high": leave_high}}

def plan_2025(rs):
    return {
        "format": "integrationsplan", "version": 1,
        "meta": {"title": "NRW 2025 – Beispielplan", "author": "Integrationsplan (Beispieldaten)",
                 "notes": SOURCE + " Freie Kapazitäten, Maßnahmen, Kosten und Szenarien sind illustrativ, keine amtlichen Zahlen. "
                          "Annahmen: Kita-Quoten U3 nach Einzeljahren (1 Jahr 28 %, 2 Jahre 63 %), 3–5 Jahre 90 %; Schulpflicht 6–17 Jahre; "
                          "3,0 Personen je Wohnung (Annahme); 55 % der Erwachsenen brauchen einen Sprachkursplatz (Annahme), "
                          "gezählt in den ersten 24 Monaten nach Ankunft (Integrationskurs und Anschlusskurse). "
                          "Schülerinnen und Schüler zählen in den ersten 24 Monaten in der Erstförderung, danach in Regelklassen. "
                          "Gruppen, Klassen, Personal und laufende Kosten: vereinfachte Werte, Quellen in sample-data/README.md." + UNCERTAINTY_NOTE
                          + " Lage der Kreise: Mittelpunkte (WGS 84) aus districts-nrw-centroids.csv."},
        "horizon": {"start": "2025-01", "months": 60},
        "domains": DOMAINS_2025,
        "regions": region_entries(rs, ["kita", "erstfoerderung", "school", "housing", "language"]),
        "distribution": {"population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": 0.25},
        "measures": [dict(x, domain="erstfoerderung") if x["id"] in FIRST_SUPPORT_MEASURES else x for x in MEASURES_2025],
        "planning_year": {"start_month": 8, "reference_month": 10},
        "scenarios": [
            scenario("basis", "Basis 2025", [("2025-01", 3750)], "#1f77b4", uncertainty=ranges(0.6, 1.8, 0.02, 0.10)),
            scenario("hoch", "Hoher Zugang wie 2015/16", [("2025-01", 3750), ("2025-07", 16700), ("2027-01", 6000)], "#d62728", leave=0.08,
                     uncertainty=ranges(0.7, 1.4, 0.04, 0.15)),
            scenario("gesichert", "Nur gesicherte Finanzierung", [("2025-01", 3750)], "#2ca02c", funding=("secured",),
                     uncertainty=ranges(0.6, 1.8, 0.02, 0.10)),
        ],
        "budget": [{"year": y, "eur": e} for y, e in ((2025, 180_000_000), (2026, 420_000_000), (2027, 520_000_000), (2028, 300_000_000), (2029, 250_000_000))],
    }

def plan_2016(rs):
    domains = DOMAINS + [{"id": "beratung", "name": "Beratungsplätze (Integration Points, KI)", "unit": "Plätze",
                          "rates": {"16+": 0.15}, "persons_per_unit": 1}]
    for r in rs:
        r["capacity"]["beratung"] = round(r["population"] * 0.0002 * factor(r["ags"] + "beratung"))
    measures = [
        m("komm-an-nrw", "Komm-An NRW (Ankommenstreffpunkte, Sprachcafés)", "language", None, 12000, "2016-04", None, 3, 0, 12_000_000, "secured", "Landesprogramm seit 2016"),
        m("kommunale-integrationszentren", "Kommunale Integrationszentren (54 KI)", "beratung", None, 3000, "2015-01", None, 0, 0, 15_000_000, "secured"),
        m("integration-points", "Integration Points der Arbeitsagenturen", "beratung", None, 4000, "2016-01", None, 6, 0, 9_000_000, "secured"),
        m("seiteneinstieg-2016", "Lehrerstellen für Seiteneinsteiger 2016", "school", None, 20000, "2016-02", None, 6, 0, 120_000_000, "secured"),
        m("seiteneinstieg-2017", "Weitere Vorbereitungsklassen 2017", "school", None, 10000, "2017-02", None, 6, 0, 60_000_000, "planned"),
        m("kita-brueckenprojekte-2016", "Kita-Brückenprojekte", "kita", None, 6000, "2016-03", None, 6, 0, 18_000_000, "secured"),
        m("kita-ausbau-2017", "Kita-Platzausbau U3 und Ü3", "kita", None, 8000, "2017-08", None, 12, 90_000_000, 30_000_000, "planned"),
        m("wohnraum-2016", "Förderprogramm Flüchtlingswohnungen", "housing", None, 25000, "2016-06", None, 18, 500_000_000, 0, "secured"),
        m("wohnraum-2017", "Sozialer Wohnungsbau 2017", "housing", None, 20000, "2017-06", None, 24, 400_000_000, 0, "planned"),
        m("notunterkuenfte-abbau", "Abbau Notunterkünfte", "housing", None, -5000, "2017-01", None, 0, 0, 0, "secured", "Turnhallen werden wieder frei"),
        m("integrationskurse-bund", "Integrationskurse (Bund)", "language", None, 40000, "2016-01", None, 12, 0, 0, "secured"),
        m("sprachkurse-land-2017", "Landes-Sprachkurse für Geduldete", "language", None, 8000, "2017-01", None, 3, 0, 8_000_000, "open"),
        m("kita-koeln-2016", "Kita-Container Köln", "kita", "koeln", 300, "2016-05", "2019-07", 0, 4_000_000, 1_500_000, "secured"),
        m("schule-dortmund-2016", "Auffangklassen Dortmund", "school", "dortmund", 600, "2016-01", None, 0, 0, 3_600_000, "secured"),
    ]
    ages = {"0-2": 0.09, "3-5": 0.08, "6-17": 0.21, "18+": 0.62}
    s = lambda *a, **k: {**scenario(*a, **k), "age_distribution": ages}
    return {
        "format": "integrationsplan", "version": 1,
        "meta": {"title": "NRW Integrationsplan 2016/17 – Rückblick", "author": "Integrationsplan (Beispieldaten)",
                 "notes": SOURCE + " Lage des Integrationsplans 2016/17: über 200.000 Zugänge 2015, Integrationsbudget 2017 rund 65 Mio. €. "
                          "Kapazitäten, Maßnahmen und Zugangszahlen je Monat sind illustrativ, keine amtlichen Zahlen." + UNCERTAINTY_NOTE},
        "horizon": {"start": "2015-01", "months": 60},
        "domains": domains,
        "regions": region_entries(rs, ["kita", "school", "housing", "language", "beratung"]),
        "measures": measures,
        "scenarios": [
            s("verlauf", "Verlauf 2015–2019", [("2015-01", 7000), ("2015-07", 28000), ("2016-01", 12000), ("2016-04", 5000), ("2017-01", 3000), ("2018-01", 2500)], "#1f77b4", leave=0.06,
              uncertainty=ranges(0.8, 1.3, 0.03, 0.12)),
            s("ohne-2017", "Ohne Maßnahmen ab 2017", [("2015-01", 7000), ("2015-07", 28000), ("2016-01", 12000), ("2016-04", 5000), ("2017-01", 3000), ("2018-01", 2500)], "#ff7f0e", leave=0.06,
              off=("seiteneinstieg-2017", "kita-ausbau-2017", "wohnraum-2017", "sprachkurse-land-2017")),
        ],
        "budget": [{"year": 2016, "eur": 60_000_000}, {"year": 2017, "eur": 65_000_000}],
    }

def write(path, plan):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False, indent=2)
        f.write("\n")

if __name__ == "__main__":
    csv_path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/districts-de-2018.csv"
    write("sample-data/nrw-2025.json", plan_2025(regions(csv_path)))
    write("sample-data/nrw-2016-integrationsplan.json", plan_2016(regions(csv_path)))
