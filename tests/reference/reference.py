#!/usr/bin/env python3
"""Independent reference implementation of SPEC.md §3 (the model), the
`simulate --format json` output of §4, §10 (time since arrival) and §11
(planning years, groups and staff).

§10 is done in the most literal way on purpose: per region a separate cohort
stock for every arrival month t0 (S_r(c, u, t) with u = t - t0), each aged and
thinned by departures like the whole stock, and a windowed domain sums the
stocks with from <= u < to.  The whole stock S_r(c, t) of §3 is kept as
before and still gives `persons` and the demand of domains without a window.

Written from the specification text only (standard library, Python 3.11).
It assumes the plan is valid; it does not reproduce the loader's error
reporting.

Usage:  python3 reference.py PLAN.json [--scenario ID]... [--exact]   -> JSON on stdout

--exact computes in rational arithmetic (slow; exact only where
leave_rate_per_year is 0) to settle which month really reaches a peak when
float rounding noise decides ties.
"""
from __future__ import annotations

import json
import math
import operator
import sys
from fractions import Fraction

# number type of the model: float (the spec's f64), or Fraction for an exact
# diagnosis run (--exact; only exact when leave_rate_per_year is 0)
NUM = float

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
    v = [0] * N_COHORTS
    for band, rate in (domain.get("rates") or {}).items():
        for c in band_cohorts(band, allow_plus=True):
            v[c] = NUM(rate)
    return v


def age_vector(age_distribution: dict) -> list[float]:
    """Share of arrivals per cohort; a band's share is divided equally among
    its single-year cohorts ("18+" is one cohort)."""
    v = [0] * N_COHORTS
    for band, share in age_distribution.items():
        cs = band_cohorts(band, allow_plus=False)
        for c in cs:
            v[c] += NUM(share) / len(cs)
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
        vals = [NUM(raw.get(r["id"], 0.0)) for r in regions]
        tot = sum(vals)
        return [x / tot for x in vals]

    wp = NUM(dist.get("population_weight", 0.0) or 0.0)
    wa = NUM(dist.get("area_weight", 0.0) or 0.0)
    cap = dist.get("area_uplift_cap", None)

    pops = [NUM(r.get("population", 0.0)) for r in regions]
    areas = [NUM(r.get("area_km2", 0.0)) for r in regions]
    spop = sum(pops)
    sarea = sum(areas)

    def term(w, x, tot):
        # a weight of 0 contributes nothing even if the total is 0
        if w == 0:
            return 0
        return w * x / tot

    base = [(term(wp, pops[i], spop) + term(wa, areas[i], sarea)) / (wp + wa) for i in range(n)]
    if cap is None:
        return base

    cap = NUM(cap)
    limit = [(1 + cap) * pops[i] / spop for i in range(n)]
    in_c = [False] * n
    while True:
        sum_lim_c = sum(limit[i] for i in range(n) if in_c[i])
        sum_base_not_c = sum(base[i] for i in range(n) if not in_c[i])
        share = [0] * n
        for i in range(n):
            if in_c[i]:
                share[i] = limit[i]
            else:
                share[i] = base[i] * (1 - sum_lim_c) / sum_base_not_c if sum_base_not_c != 0 else 0
        over = [i for i in range(n) if not in_c[i] and share[i] > limit[i]]
        if not over:
            return share
        for i in over:
            in_c[i] = True


# ------------------------------------------------------------------ helpers
def arrivals_value(scen: dict, month: int) -> float:
    """per_month of the latest arrivals entry whose from <= month, else 0."""
    best_from = None
    best_v = 0
    for e in scen.get("arrivals") or []:
        f = parse_month(e["from"])
        if f <= month and (best_from is None or f > best_from):
            best_from = f
            best_v = NUM(e["per_month"])
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
        return 0
    places = NUM(meas.get("places", 0.0))
    ramp = int(meas.get("ramp_months", 0) or 0)
    if ramp == 0:
        return places
    return places * min(1, NUM(month - start + 1) / ramp)


# --------------------------------------------------- §10 time since arrival
def domain_window(domain: dict):
    """(from, to) of `months_since_arrival`, to None = no end; None when the
    domain has no window (counts everyone).  null fields take their defaults."""
    w = domain.get("months_since_arrival")
    if w is None:
        return None
    f = w.get("from")
    f = 0 if f is None else int(f)
    to = w.get("to")
    to = None if to is None else int(to)
    return (f, to)


def step_stock(st: list, keep) -> list:
    """Step 3 (departures) and step 4 (ageing) of §3 on one cohort vector."""
    st = [x * keep for x in st]
    new = [st[0] * 11 / 12]
    new += [st[a] * 11 / 12 + st[a - 1] / 12 for a in range(1, 18)]
    new.append(st[ADULT] + st[17] / 12)
    return new


# ------------------------------------------------ §11 planning years, groups
def planning_year_months(plan: dict, m0: int, T: int) -> list[tuple[str, int]]:
    """(name, reference month) of every planning year whose reference month
    lies in the horizon, in time order."""
    py = plan.get("planning_year") or {}
    sm = py.get("start_month")
    sm = 8 if sm is None else int(sm)
    rm = py.get("reference_month")
    rm = sm if rm is None else int(rm)
    out = []
    # a planning year beginning in y has its reference month in y or y + 1
    for y in range(m0 // 12 - 1, (m0 + T - 1) // 12 + 1):
        ref = y * 12 + (rm - 1) if rm >= sm else (y + 1) * 12 + (rm - 1)
        if m0 <= ref <= m0 + T - 1:
            name = str(y) if sm == 1 else f"{y}/{(y + 1) % 100:02d}"
            out.append((name, ref))
    out.sort(key=lambda x: x[1])
    return out


def groups(x, group_size) -> int:
    """groups(x) = 0 when x <= 0.001, else ceil(x / group_size - 1e-9)."""
    if x <= 0.001:
        return 0
    q = x / group_size - 1e-9
    return math.ceil(q) if math.isfinite(q) else q  # inf: a group size near 5e-324


# -------------------------------------------------------------- simulation
def simulate_scenario(plan: dict, scen: dict, shares: list[float]) -> dict:
    T = int(plan["horizon"]["months"])
    m0 = parse_month(plan["horizon"]["start"])
    regions = plan["regions"]
    domains = plan["domains"]
    measures = plan.get("measures") or []
    R = len(regions)

    factor = NUM(scen.get("arrival_factor", 1.0) if scen.get("arrival_factor") is not None else 1.0)
    ages = age_vector(scen["age_distribution"])
    leave = NUM(scen.get("leave_rate_per_year", 0.0) or 0.0)
    if leave == 0:
        keep = NUM(1)
    else:
        # m = 1 - (1 - r)^(1/12) is irrational in general: float even in exact mode
        m_leave = 1.0 - (1.0 - float(leave)) ** (1.0 / 12.0)
        keep = NUM(1.0 - m_leave)

    dom_ids = [d["id"] for d in domains]
    rates = [rates_vector(d) for d in domains]
    ppu = [NUM(d.get("persons_per_unit", 1.0) if d.get("persons_per_unit") is not None else 1.0)
           for d in domains]
    active = [m for m in measures if measure_active_in_scenario(m, scen)]
    region_index = {r["id"]: i for i, r in enumerate(regions)}

    # capacity per region, domain, month
    cap = [[[0] * T for _ in domains] for _ in regions]
    for ri, r in enumerate(regions):
        rc = r.get("capacity") or {}
        for di, d in enumerate(domains):
            v = NUM(rc.get(d["id"], 0.0))
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

    # §10: windows; per region the list of [t0, cohort vector] of every arrival month
    windows = [domain_window(d) for d in domains]
    windowed = [di for di, w in enumerate(windows) if w is not None]
    # a stock can be dropped once no window can count it any more (u >= every `to`)
    u_max = None
    if windowed and all(windows[di][1] is not None for di in windowed):
        u_max = max(windows[di][1] for di in windowed)
    by_arrival = [[] for _ in regions]

    # stock
    S = [[0] * N_COHORTS for _ in regions]
    persons_r = [[0] * T for _ in regions]
    demand = [[[0] * T for _ in domains] for _ in regions]
    for t in range(T):
        A = factor * arrivals_value(scen, m0 + t)
        for ri in range(R):
            st = S[ri]
            ar = A * shares[ri]
            for c in range(N_COHORTS):
                st[c] += ar * ages[c]
            persons_r[ri][t] = sum(st)
            if windowed:
                # this month's arrivals start their own stock (u = 0)
                by_arrival[ri].append([t, [ar * ages[c] for c in range(N_COHORTS)]])
            for di in range(len(domains)):
                rv = rates[di]
                w = windows[di]
                if w is None:
                    demand[ri][di][t] = sum(st[c] * rv[c] for c in range(N_COHORTS)) / ppu[di]
                else:
                    lo, hi = w
                    tot = 0
                    for t0, v in by_arrival[ri]:
                        u = t - t0
                        if lo <= u and (hi is None or u < hi):
                            tot += sum(map(operator.mul, v, rv))
                    demand[ri][di][t] = tot / ppu[di]
            # departures and ageing, of the whole stock and of every arrival month's stock
            S[ri] = step_stock(st, keep)
            if windowed:
                kept = []
                for item in by_arrival[ri]:
                    if u_max is not None and t + 1 - item[0] >= u_max:
                        continue  # no window counts it from next month on
                    item[1] = step_stock(item[1], keep)
                    kept.append(item)
                by_arrival[ri] = kept

    months = [fmt_month(m0 + t) for t in range(T)]

    # state-wide figures and indicators
    dom_out = {}
    for di, did in enumerate(dom_ids):
        dem = [sum(demand[ri][di][t] for ri in range(R)) for t in range(T)]
        cp = [sum(cap[ri][di][t] for ri in range(R)) for t in range(T)]
        sh = [sum(max(0, demand[ri][di][t] - cap[ri][di][t]) for ri in range(R)) for t in range(T)]
        first = None
        for t in range(T):
            if sh[t] > 0.001:
                first = months[t]
                break
        peak = max(sh) if sh else 0
        peak_month = None
        if peak != 0:
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
    cost = [0] * T
    for meas in active:
        start, end = measure_bounds(meas)
        once = NUM(meas.get("cost_once_eur", 0.0) or 0.0)
        per_year = NUM(meas.get("cost_per_year_eur", 0.0) or 0.0)
        for t in range(T):
            k = m0 + t
            if k == start:
                cost[t] += once
            if k >= start and (end is None or k <= end):
                cost[t] += per_year / 12
    cost_per_year: dict[str, float] = {}
    for t in range(T):
        y = str((m0 + t) // 12)
        cost_per_year[y] = cost_per_year.get(y, 0) + cost[t]

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

    # §11 planning years
    planning_years = []
    for name, ref in planning_year_months(plan, m0, T):
        t = ref - m0
        pdoms = {}
        for di, d in enumerate(domains):
            do = dom_out[d["id"]]
            e = {"demand": do["demand"][t], "capacity": do["capacity"][t],
                 "shortage": do["shortage"][t]}
            pl = d.get("planning")
            if pl is not None:
                g = NUM(pl["group_size"])
                spg = NUM(pl.get("staff_per_group") or 0)
                cpg = NUM(pl.get("cost_per_group_per_year_eur") or 0)
                needed = sum(groups(demand[ri][di][t], g) for ri in range(R))
                missing_r = {}
                for ri, r in enumerate(regions):
                    k = groups(demand[ri][di][t] - cap[ri][di][t], g)
                    if k > 0:
                        missing_r[r["id"]] = k
                missing = sum(missing_r.values())
                e.update({"groups_needed": needed, "groups_missing": missing,
                          "staff_needed": needed * spg, "staff_missing": missing * spg,
                          "running_cost_missing_eur": missing * cpg,
                          "regions_missing": missing_r})
            pdoms[d["id"]] = e
        planning_years.append({"year": name, "reference_month": fmt_month(ref), "domains": pdoms})

    return {
        "id": scen["id"],
        "name": scen.get("name"),
        "persons": persons,
        "cost_eur": cost,
        "cost_per_year": cost_per_year,
        "domains": dom_out,
        "regions": reg_out,
        "planning_years": planning_years,
    }


def _floats(x):
    if isinstance(x, Fraction):
        return float(x)
    if isinstance(x, list):
        return [_floats(v) for v in x]
    if isinstance(x, dict):
        return {k: _floats(v) for k, v in x.items()}
    return x


def simulate(plan: dict, scenario_ids: list[str] | None = None, exact: bool = False) -> dict:
    """Results as `simulate --format json` prints them.  exact=True computes in
    rational arithmetic (Fraction) and rounds only the printed numbers."""
    global NUM
    NUM = Fraction if exact else float
    try:
        return _floats(_simulate(plan, scenario_ids))
    finally:
        NUM = float


def _simulate(plan: dict, scenario_ids: list[str] | None = None) -> dict:
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
    exact = False
    i = 0
    while i < len(args):
        if args[i] == "--exact":
            exact = True
            i += 1
        elif args[i] == "--scenario":
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
    json.dump(simulate(plan, scen_ids or None, exact), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
