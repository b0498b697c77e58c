#!/usr/bin/env python3
"""Independent reference implementation of SPEC.md §3 (the model) and the
`simulate --format json` output of §4.

Written from the specification text only (standard library, Python 3.11).
It assumes the plan is valid; it does not reproduce the loader's error
reporting.

Usage:  python3 reference.py PLAN.json [--scenario ID]...   -> JSON on stdout
"""
from __future__ import annotations

import json
import math
import sys

N_COHORTS = 19  # ages 0..17 and the adult cohort (index 18)
ADULT = 18


# --------------------------------------------------------------------- months
def parse_month(s: str) -> int:
    """"YYYY-MM" -> absolute month number (year*12 + month-1)."""
    y, m = s.split("-")
    return int(y) * 12 + int(m) - 1


def fmt_month(k: int) -> str:
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


# ---------------------------------------------------------------- age bands
def band_cohorts(band: str, allow_plus: bool) -> list[int]:
    """Cohort indices covered by an age band.

    "a-b"  -> single years a..b
    "18+"  -> the adult cohort
    "a+"   -> (rates only) ages a..17 and the adult cohort
    """
    band = band.strip()
    if band == "18+":
        return [ADULT]
    if band.endswith("+"):
        if not allow_plus:
            raise ValueError(f"band {band!r} not allowed here")
        a = int(band[:-1])
        return list(range(a, 18)) + [ADULT]
    if "-" in band:
        a, b = band.split("-")
        return list(range(int(a), int(b) + 1))
    # tolerate a bare single year "a" (not in the spec, harmless)
    return [int(band)]


def rates_vector(domain: dict) -> list[float]:
    v = [0.0] * N_COHORTS
    for band, rate in (domain.get("rates") or {}).items():
        for c in band_cohorts(band, allow_plus=True):
            v[c] = float(rate)
    return v


def age_vector(age_distribution: dict) -> list[float]:
    """Share of arrivals per cohort; a band's share is divided equally among
    its single-year cohorts ("18+" is one cohort)."""
    v = [0.0] * N_COHORTS
    for band, share in age_distribution.items():
        cs = band_cohorts(band, allow_plus=False)
        for c in cs:
            v[c] += float(share) / len(cs)
    return v


# ------------------------------------------------------------- distribution
DEFAULT_DISTRIBUTION = {"population_weight": 0.9, "area_weight": 0.1, "area_uplift_cap": 0.25}


def region_shares(plan: dict) -> list[float]:
    regions = plan["regions"]
    n = len(regions)
    dist = plan.get("distribution")
    if dist is None:
        dist = DEFAULT_DISTRIBUTION

    if "shares" in dist:
        raw = dist["shares"] or {}
        vals = [float(raw.get(r["id"], 0.0)) for r in regions]
        tot = sum(vals)
        return [x / tot for x in vals]

    wp = float(dist.get("population_weight", 0.0) or 0.0)
    wa = float(dist.get("area_weight", 0.0) or 0.0)
    cap = dist.get("area_uplift_cap", None)

    pops = [float(r.get("population", 0.0)) for r in regions]
    areas = [float(r.get("area_km2", 0.0)) for r in regions]
    spop = sum(pops)
    sarea = sum(areas)

    def term(w, x, tot):
        # a weight of 0 contributes nothing even if the total is 0
        if w == 0.0:
            return 0.0
        return w * x / tot

    base = [(term(wp, pops[i], spop) + term(wa, areas[i], sarea)) / (wp + wa) for i in range(n)]
    if cap is None:
        return base

    cap = float(cap)
    limit = [(1.0 + cap) * pops[i] / spop for i in range(n)]
    in_c = [False] * n
    while True:
        sum_lim_c = sum(limit[i] for i in range(n) if in_c[i])
        sum_base_not_c = sum(base[i] for i in range(n) if not in_c[i])
        share = [0.0] * n
        for i in range(n):
            if in_c[i]:
                share[i] = limit[i]
            else:
                share[i] = base[i] * (1.0 - sum_lim_c) / sum_base_not_c if sum_base_not_c != 0 else 0.0
        over = [i for i in range(n) if not in_c[i] and share[i] > limit[i]]
        if not over:
            return share
        for i in over:
            in_c[i] = True


# ------------------------------------------------------------------ helpers
def arrivals_value(scen: dict, month: int) -> float:
    """per_month of the latest arrivals entry whose from <= month, else 0."""
    best_from = None
    best_v = 0.0
    for e in scen.get("arrivals") or []:
        f = parse_month(e["from"])
        if f <= month and (best_from is None or f > best_from):
            best_from = f
            best_v = float(e["per_month"])
    return best_v


def measure_active_in_scenario(meas: dict, scen: dict) -> bool:
    off = set(scen.get("measures_off") or [])
    funding_included = scen.get("funding_included")
    if funding_included is None:
        funding_included = ["secured", "planned", "open"]
    funding = meas.get("funding") or "planned"
    return meas["id"] not in off and funding in funding_included


def measure_bounds(meas: dict):
    start = parse_month(meas["start"])
    end = meas.get("end")
    end = parse_month(end) if end is not None else None
    return start, end


def measure_places(meas: dict, month: int) -> float:
    start, end = measure_bounds(meas)
    if month < start or (end is not None and month > end):
        return 0.0
    places = float(meas.get("places", 0.0))
    ramp = int(meas.get("ramp_months", 0) or 0)
    if ramp == 0:
        return places
    return places * min(1.0, (month - start + 1) / ramp)


# -------------------------------------------------------------- simulation
def simulate_scenario(plan: dict, scen: dict, shares: list[float]) -> dict:
    T = int(plan["horizon"]["months"])
    m0 = parse_month(plan["horizon"]["start"])
    regions = plan["regions"]
    domains = plan["domains"]
    measures = plan.get("measures") or []
    R = len(regions)

    factor = float(scen.get("arrival_factor", 1.0) if scen.get("arrival_factor") is not None else 1.0)
    ages = age_vector(scen["age_distribution"])
    leave = float(scen.get("leave_rate_per_year", 0.0) or 0.0)
    m_leave = 1.0 - (1.0 - leave) ** (1.0 / 12.0)
    keep = 1.0 - m_leave

    dom_ids = [d["id"] for d in domains]
    rates = [rates_vector(d) for d in domains]
    ppu = [float(d.get("persons_per_unit", 1.0) if d.get("persons_per_unit") is not None else 1.0)
           for d in domains]
    active = [m for m in measures if measure_active_in_scenario(m, scen)]
    region_index = {r["id"]: i for i, r in enumerate(regions)}

    # capacity per region, domain, month
    cap = [[[0.0] * T for _ in domains] for _ in regions]
    for ri, r in enumerate(regions):
        rc = r.get("capacity") or {}
        for di, d in enumerate(domains):
            v = float(rc.get(d["id"], 0.0))
            for t in range(T):
                cap[ri][di][t] = v
    dom_index = {d: i for i, d in enumerate(dom_ids)}
    for meas in active:
        di = dom_index[meas["domain"]]
        reg = meas.get("region")
        contrib = [measure_places(meas, m0 + t) for t in range(T)]
        if reg is None:
            for ri in range(R):
                s = shares[ri]
                row = cap[ri][di]
                for t in range(T):
                    row[t] += contrib[t] * s
        else:
            row = cap[region_index[reg]][di]
            for t in range(T):
                row[t] += contrib[t]

    # stock
    S = [[0.0] * N_COHORTS for _ in regions]
    persons_r = [[0.0] * T for _ in regions]
    demand = [[[0.0] * T for _ in domains] for _ in regions]
    for t in range(T):
        A = factor * arrivals_value(scen, m0 + t)
        for ri in range(R):
            st = S[ri]
            ar = A * shares[ri]
            for c in range(N_COHORTS):
                st[c] += ar * ages[c]
            persons_r[ri][t] = sum(st)
            for di in range(len(domains)):
                rv = rates[di]
                demand[ri][di][t] = sum(st[c] * rv[c] for c in range(N_COHORTS)) / ppu[di]
            # departures
            st = [x * keep for x in st]
            # ageing
            new = [0.0] * N_COHORTS
            new[0] = st[0] * 11.0 / 12.0
            for a in range(1, 18):
                new[a] = st[a] * 11.0 / 12.0 + st[a - 1] / 12.0
            new[ADULT] = st[ADULT] + st[17] / 12.0
            S[ri] = new

    months = [fmt_month(m0 + t) for t in range(T)]

    # state-wide figures and indicators
    dom_out = {}
    for di, did in enumerate(dom_ids):
        dem = [sum(demand[ri][di][t] for ri in range(R)) for t in range(T)]
        cp = [sum(cap[ri][di][t] for ri in range(R)) for t in range(T)]
        sh = [sum(max(0.0, demand[ri][di][t] - cap[ri][di][t]) for ri in range(R)) for t in range(T)]
        first = None
        for t in range(T):
            if sh[t] > 0.001:
                first = months[t]
                break
        peak = max(sh) if sh else 0.0
        peak_month = None
        if peak != 0.0:
            peak_month = months[sh.index(peak)]
        dom_out[did] = {
            "demand": dem,
            "capacity": cp,
            "shortage": sh,
            "first_shortage_month": first,
            "peak_shortage": peak,
            "peak_shortage_month": peak_month,
            "shortage_place_months": sum(sh),
        }

    # cost
    cost = [0.0] * T
    for meas in active:
        start, end = measure_bounds(meas)
        once = float(meas.get("cost_once_eur", 0.0) or 0.0)
        per_year = float(meas.get("cost_per_year_eur", 0.0) or 0.0)
        for t in range(T):
            k = m0 + t
            if k == start:
                cost[t] += once
            if k >= start and (end is None or k <= end):
                cost[t] += per_year / 12.0
    cost_per_year: dict[str, float] = {}
    for t in range(T):
        y = str((m0 + t) // 12)
        cost_per_year[y] = cost_per_year.get(y, 0.0) + cost[t]

    persons = [sum(persons_r[ri][t] for ri in range(R)) for t in range(T)]

    reg_out = {}
    for ri, r in enumerate(regions):
        reg_out[r["id"]] = {
            "persons": persons_r[ri],
            "domains": {
                did: {"demand": demand[ri][di], "capacity": cap[ri][di]}
                for di, did in enumerate(dom_ids)
            },
        }

    return {
        "id": scen["id"],
        "name": scen.get("name"),
        "persons": persons,
        "cost_eur": cost,
        "cost_per_year": cost_per_year,
        "domains": dom_out,
        "regions": reg_out,
    }


def simulate(plan: dict, scenario_ids: list[str] | None = None) -> dict:
    T = int(plan["horizon"]["months"])
    m0 = parse_month(plan["horizon"]["start"])
    shares = region_shares(plan)
    scen_by_id = {s["id"]: s for s in plan["scenarios"]}
    if scenario_ids:
        scens = [scen_by_id[i] for i in scenario_ids]
    else:
        scens = plan["scenarios"]
    return {
        "format": "integrationsplan-results",
        "version": 1,
        # spec silent on a missing title; "" (docs/FORMAT.md: meta.title defaults to "")
        "title": (plan.get("meta") or {}).get("title") or "",
        "months": [fmt_month(m0 + t) for t in range(T)],
        "scenarios": [simulate_scenario(plan, s, shares) for s in scens],
    }


def main(argv: list[str]) -> int:
    args = argv[1:]
    scen_ids = []
    path = None
    i = 0
    while i < len(args):
        if args[i] == "--scenario":
            scen_ids.append(args[i + 1])
            i += 2
        else:
            path = args[i]
            i += 1
    if path is None:
        print("usage: reference.py PLAN.json [--scenario ID]...", file=sys.stderr)
        return 2
    with open(path, encoding="utf-8") as f:
        plan = json.load(f)
    json.dump(simulate(plan, scen_ids or None), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
