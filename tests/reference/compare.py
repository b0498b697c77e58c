#!/usr/bin/env python3
"""Differential test: random valid plans -> `integrationsplan simulate --format json`
versus the independent Python reference (reference.py).

    python3 tests/reference/compare.py --binary target/debug/integrationsplan --plans 300 --seed 1
    python3 tests/reference/compare.py --binary target/debug/integrationsplan --file sample-data/nrw-2025.json

Random plans also carry SPEC §10 windows (`months_since_arrival`) and §11
`planning` / `planning_year`; `planning_years` is compared like every other
number (group counts exactly; a count that differs only where x / group_size is
within 1e-6 of a whole number, or x within rounding of the 0.001 threshold, is
a rounding tie, reported but not a failure).  Some plans are also checked
against the "sum rule" of §10: a domain D without window and two copies with
windows [0, a) and [a, no end) must add up to D's demand (relative 1e-9).

Exit status 0 when everything agrees, 1 otherwise.  Failing plans are saved to
/tmp/ipcmp-<seed>-<n>.json for inspection.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
from collections import OrderedDict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

REL = 1e-6
SETTLE_TIES = False
MAX_REGIONS = 8


# ---------------------------------------------------------------- generator
MIN_MONTH = 1900 * 12       # 1900-01
MAX_MONTH = 2200 * 12 + 11  # 2200-12


def clamp_month(k: int) -> int:
    return max(MIN_MONTH, min(MAX_MONTH, k))


def month_str(k: int) -> str:
    assert MIN_MONTH <= k <= MAX_MONTH, k
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def random_partition(rng: random.Random, lo: int, hi: int) -> list[tuple[int, int]]:
    """Random split of lo..hi (inclusive) into consecutive bands."""
    bands = []
    a = lo
    while a <= hi:
        b = rng.randint(a, min(hi, a + rng.choice([0, 1, 2, 3, 5, 8, 17])))
        bands.append((a, b))
        a = b + 1
    return bands


def gen_rates(rng: random.Random) -> dict:
    rates = {}
    style = rng.random()
    if style < 0.15:
        rates["0+"] = round(rng.random(), 3)
        return rates
    if style < 0.3:
        a = rng.randint(0, 17)
        for (x, y) in random_partition(rng, 0, a - 1) if a > 0 else []:
            if rng.random() < 0.6:
                rates[f"{x}-{y}"] = rng.random()
        rates[f"{a}+"] = rng.random()
        return rates
    for (x, y) in random_partition(rng, 0, 17):
        if rng.random() < 0.6:
            rates[f"{x}-{y}"] = rng.choice([0.0, 1.0, rng.random()])
    if rng.random() < 0.5:
        rates["18+"] = rng.random()
    return rates


def gen_age_distribution(rng: random.Random) -> dict:
    bands = random_partition(rng, 0, 17)
    keys = [f"{a}-{b}" for a, b in bands] + ["18+"]
    vals = [rng.choice([0.0, rng.random(), rng.random() * 5]) for _ in keys]
    if sum(vals) == 0:
        vals[-1] = 1.0
    tot = sum(vals)
    vals = [v / tot for v in vals]
    d = OrderedDict()
    order = list(range(len(keys)))
    rng.shuffle(order)
    for i in order:
        d[keys[i]] = vals[i]
    return d


def gen_plan(rng: random.Random) -> dict:
    kind = rng.random()
    # horizon
    if kind < 0.05:
        start = 1900 * 12  # 1900-01
        months = rng.randint(1, 36)
    elif kind < 0.10:
        months = rng.randint(1, 36)
        start = 2200 * 12 + 11 - (months - 1)  # ends exactly 2200-12
    else:
        start = rng.randint(1990 * 12, 2060 * 12)
        months = rng.choice([1, 2, 12, rng.randint(1, 60), rng.randint(1, 130), rng.randint(100, 300)])
        if rng.random() < 0.01:
            months = 1200
        if rng.random() < 0.03:
            start = rng.randint(2150 * 12, MAX_MONTH)  # horizon may run past 2200

    # domains
    nd = rng.randint(1, 4)
    domains = []
    for i in range(nd):
        d = {"id": f"d{i}", "name": f"Domain {i}", "rates": gen_rates(rng)}
        r = rng.random()
        if r < 0.4:
            d["persons_per_unit"] = rng.choice([0.5, 1.0, 2.5, 3.2, rng.uniform(0.01, 10)])
        elif r < 0.5:
            d["persons_per_unit"] = 1
        if rng.random() < 0.5:
            d["unit"] = "Plätze"
        domains.append(d)

    # regions
    nr = rng.randint(1, MAX_REGIONS)
    zero_pop = rng.random() < 0.07
    regions = []
    for i in range(nr):
        pop = 0 if zero_pop else rng.choice([0, rng.randint(0, 1000), rng.randint(1000, 2_000_000), rng.uniform(0, 1e6)])
        area = rng.choice([0, rng.uniform(0, 5000), rng.uniform(0, 50), rng.randint(1, 3000)])
        cap = {}
        for d in domains:
            x = rng.random()
            if x < 0.25:
                continue
            elif x < 0.35:
                cap[d["id"]] = rng.uniform(-500, 0)
            elif x < 0.45:
                cap[d["id"]] = 0
            else:
                cap[d["id"]] = rng.choice([rng.randint(0, 2000), rng.uniform(0, 20000)])
        regions.append({"id": f"r{i}", "name": f"Region {i}", "population": pop,
                        "area_km2": area, "capacity": cap})
    spop = sum(r["population"] for r in regions)
    sarea = sum(r["area_km2"] for r in regions)
    if spop == 0 and sarea == 0:
        regions[0]["area_km2"] = 10.0
        sarea = 10.0

    # distribution
    dist = None
    x = rng.random()
    if x < 0.2 and spop > 0 and sarea > 0:
        dist = None  # default (FlüAG)
    elif x < 0.4 or (spop == 0 and sarea == 0):
        shares = {}
        for r in regions:
            if rng.random() < 0.8:
                shares[r["id"]] = rng.choice([0, rng.random(), rng.randint(1, 100)])
        if sum(shares.values()) == 0:
            shares[regions[rng.randrange(nr)]["id"]] = 1.0
        dist = {"shares": shares}
    else:
        if spop == 0:
            wp, wa = 0.0, rng.uniform(0.1, 2)
        elif sarea == 0:
            wp, wa = rng.uniform(0.1, 2), 0.0
        else:
            wp = rng.choice([0.0, 0.9, rng.uniform(0, 2)])
            wa = rng.choice([0.0, 0.1, rng.uniform(0, 2)])
            if wp + wa == 0:
                wp = 1.0
        dist = {"population_weight": wp, "area_weight": wa}
        if spop > 0:
            c = rng.random()
            if c < 0.4:
                dist["area_uplift_cap"] = rng.choice([0.0, 0.25, rng.uniform(0, 1), 0.05])
            elif c < 0.55:
                dist["area_uplift_cap"] = None

    # measures
    nm = rng.choice([0, rng.randint(0, 4), rng.randint(0, 12)])
    measures = []
    end_h = start + months - 1
    for i in range(nm):
        ms = clamp_month(rng.randint(start - 24, end_h + 6))
        m = {"id": f"m{i}", "name": f"Measure {i}", "domain": rng.choice(domains)["id"],
             "places": rng.choice([rng.randint(-200, 500), rng.uniform(-100, 1000), 0]),
             "start": month_str(ms)}
        x = rng.random()
        if x < 0.3:
            m["region"] = None
        elif x < 0.45:
            pass  # absent = state-wide
        else:
            m["region"] = rng.choice(regions)["id"]
        x = rng.random()
        if x < 0.4:
            m["end"] = None
        elif x < 0.5:
            pass
        else:
            m["end"] = month_str(clamp_month(ms + rng.choice([0, 1, rng.randint(0, 40)])))
        if rng.random() < 0.7:
            m["ramp_months"] = rng.choice([0, 1, 2, 3, 6, 12, rng.randint(0, 30)])
        if rng.random() < 0.7:
            m["cost_once_eur"] = rng.choice([0, rng.randint(0, 5_000_000), rng.uniform(0, 1e5)])
        if rng.random() < 0.7:
            m["cost_per_year_eur"] = rng.choice([0, rng.randint(0, 2_000_000), rng.uniform(0, 1e5)])
        if rng.random() < 0.8:
            m["funding"] = rng.choice(["secured", "planned", "open"])
        measures.append(m)

    # scenarios
    ns = rng.randint(1, 3)
    scenarios = []
    for i in range(ns):
        s = {"id": f"s{i}", "name": f"Scenario {i}"}
        na = rng.choice([0, 1, 1, 2, 3, 5])
        froms = set()
        arr = []
        for _ in range(na):
            f = clamp_month(rng.randint(start - 12, end_h + 3))
            if f in froms:
                continue
            froms.add(f)
            arr.append({"from": month_str(f),
                        "per_month": rng.choice([0, rng.randint(0, 3000), rng.uniform(0, 500)])})
        rng.shuffle(arr)
        s["arrivals"] = arr
        if rng.random() < 0.6:
            s["arrival_factor"] = rng.choice([0, 1, 0.5, 1.3, rng.uniform(0, 3)])
        s["age_distribution"] = gen_age_distribution(rng)
        if rng.random() < 0.75:
            s["leave_rate_per_year"] = rng.choice([0, 0.05, rng.uniform(0, 0.5), 0.99, rng.random() * 0.999])
        if rng.random() < 0.5:
            s["funding_included"] = rng.sample(["secured", "planned", "open"], rng.randint(0, 3))
        if measures and rng.random() < 0.5:
            s["measures_off"] = [m["id"] for m in rng.sample(measures, rng.randint(0, len(measures)))]
        scenarios.append(s)

    plan = {"format": "integrationsplan", "version": 1,
            "meta": {"title": f"Random plan {rng.randint(0, 10**6)}"},
            "horizon": {"start": month_str(start), "months": months},
            "domains": domains, "regions": regions}
    if rng.random() < 0.1:
        del plan["meta"]
    if dist is not None:
        plan["distribution"] = dist
    if measures or rng.random() < 0.5:
        plan["measures"] = measures
    plan["scenarios"] = scenarios
    if rng.random() < 0.1:
        # null for an optional field = its default (docs/FORMAT.md; SPEC only says so for some)
        for sc in scenarios:
            for k in ("arrival_factor", "leave_rate_per_year", "funding_included", "measures_off"):
                if rng.random() < 0.3:
                    sc[k] = None
        for m in measures:
            for k in ("ramp_months", "cost_once_eur", "cost_per_year_eur", "funding"):
                if rng.random() < 0.3:
                    m[k] = None
        for d in domains:
            if rng.random() < 0.3:
                d["persons_per_unit"] = None
        if rng.random() < 0.3 and spop > 0 and sarea > 0:
            plan["distribution"] = None
    if rng.random() < 0.05:
        for m in measures:
            if isinstance(m.get("ramp_months"), int):
                m["ramp_months"] = float(m["ramp_months"])  # 3.0 is a whole number
    if rng.random() < 0.3:
        plan["budget"] = [{"year": start // 12, "eur": 1e6}]
    add_v12_fields(rng, plan)
    return plan


def gen_window(rng: random.Random, T: int):
    """A random `months_since_arrival` of every kind (SPEC §10: from >= 0,
    from < to <= 1200, to null/absent = no end)."""
    k = rng.random()
    a = rng.randint(0, max(0, min(1199, T + 2)))
    if k < 0.15:
        return {"from": a}                                    # open-ended
    if k < 0.25:
        return {"from": a, "to": None}                        # open-ended, explicit null
    if k < 0.40:
        return {"from": a, "to": a + 1}                       # one month wide
    if k < 0.47:
        return {"from": 0, "to": 1} if rng.random() < 0.5 else {"to": 1}   # month of arrival only
    if k < 0.60:
        return {"to": rng.randint(1, min(1200, T + 3))}       # the first months only
    if k < 0.72:
        b = rng.randint(a + 1, min(1200, a + 1 + rng.choice([1, 2, 5, 12, 24, 60, T])))
        return {"from": a, "to": b}
    if k < 0.82:                                             # starts at or after the horizon's end
        f = rng.randint(min(T, 1199), min(1199, T + 24))
        return {"from": f} if rng.random() < 0.5 else {"from": f, "to": rng.randint(f + 1, 1200)}
    if k < 0.90:
        return {"from": rng.randint(0, min(1199, a)), "to": 1200}  # up to 1200
    if k < 0.95:
        return {}                                             # both defaults: everyone
    return {"from": 0, "to": None}


def add_v12_fields(rng: random.Random, plan: dict):
    T = plan["horizon"]["months"]
    doms = plan["domains"]
    # §10 windows (the literal reference is O(T^2): fewer on very long horizons)
    if rng.random() < (0.5 if T <= 400 else 0.15):
        for d in doms:
            if rng.random() < 0.6:
                d["months_since_arrival"] = gen_window(rng, T)
        if rng.random() < 0.03:
            doms[0]["months_since_arrival"] = None            # null = no window
    # §11 planning per domain
    if rng.random() < 0.5:
        for d in doms:
            if rng.random() < 0.6:
                pl = {"group_size": rng.choice([20, 12.5, 0.7, 1, 25, 10, 0.5, 3.2,
                                                rng.uniform(0.1, 100), rng.uniform(100, 5000),
                                                rng.choice([1e-3, 1e6, 1e12])])}
                if rng.random() < 0.7:
                    pl["staff_per_group"] = rng.choice([1.9, 0, 2.5, 1, rng.uniform(0, 5), 1e6])
                if rng.random() < 0.6:
                    pl["cost_per_group_per_year_eur"] = rng.choice([420000, 0, rng.uniform(0, 1e6), 1e15])
                if rng.random() < 0.3:
                    pl["group_word"] = rng.choice(["Gruppen", "Klassen", "Kurse", "=x"])
                if rng.random() < 0.05:
                    for k in ("staff_per_group", "cost_per_group_per_year_eur", "group_word"):
                        if k in pl:
                            pl[k] = None                       # null = default
                d["planning"] = pl
    # whole numbers: demand and demand - capacity exact multiples of the group size,
    # so that the "- 1e-9" of groups() decides (exact in f64 on both sides)
    if rng.random() < 0.08:
        plan["distribution"] = {"shares": {plan["regions"][0]["id"]: 1}}
        for r in plan["regions"]:
            r["capacity"] = {d["id"]: rng.choice([0, 20, 100, 250, -50]) for d in doms}
        for d in doms:
            d["rates"] = rng.choice([{"0+": 1.0}, {"18+": 1.0}])
            d["persons_per_unit"] = 1
            d["planning"] = {"group_size": rng.choice([20, 12.5, 25, 10, 0.5, 50]),
                             "staff_per_group": 2}
        for sc in plan["scenarios"]:
            sc["age_distribution"] = {"0-17": 0.0, "18+": 1.0}
            sc["arrival_factor"] = 1
            sc["leave_rate_per_year"] = 0
            sc["arrivals"] = [{"from": plan["horizon"]["start"], "per_month": rng.choice([100, 50, 25, 200])}]
    # §11 planning year
    k = rng.random()
    if k < 0.35:
        pass                                                   # absent: defaults 8 / 8
    elif k < 0.75:
        plan["planning_year"] = {"start_month": rng.randint(1, 12),
                                 "reference_month": rng.randint(1, 12)}
    elif k < 0.9:
        plan["planning_year"] = {"start_month": rng.randint(1, 12)}
    elif k < 0.95:
        plan["planning_year"] = {"reference_month": rng.randint(1, 12)}
    else:
        plan["planning_year"] = {}


# ---------------------------------------------------------------- comparison
def close(a: float, b: float, atol: float) -> bool:
    return abs(a - b) <= REL * max(abs(a), abs(b)) + atol


def path_class(path: str) -> str:
    """Generalise a path into a mismatch class."""
    p = re.sub(r"\[\d+\]", "[]", path)
    p = re.sub(r"\.regions\.[^.]+", ".regions.R", p)
    p = re.sub(r"\.domains\.[^.]+", ".domains.D", p)
    p = re.sub(r"\.cost_per_year\.[^.]+", ".cost_per_year.Y", p)
    p = re.sub(r"\.regions_missing\.[^.]+", ".regions_missing.R", p)
    return p


def compare_scenario(ex: dict, got: dict, months: list[str], out: list, path: str):
    T = len(months)

    def num_array(p, a, b, atol):
        if not isinstance(b, list) or len(b) != len(a):
            out.append((p, "array shape", f"expected len {len(a)}, got {type(b).__name__} "
                        f"{len(b) if isinstance(b, list) else b!r}"))
            return
        for t, (x, y) in enumerate(zip(a, b)):
            if not isinstance(y, (int, float)) or isinstance(y, bool):
                out.append((f"{p}[{t}]", "type", f"expected number {x!r}, got {y!r}"))
                return
            if not close(x, y, atol):
                out.append((f"{p}[{t}]", "value", f"month {months[t]}: ref {x!r} bin {y!r}"))
                return  # first mismatch of the array only

    def num(p, x, y, atol):
        if not isinstance(y, (int, float)) or isinstance(y, bool):
            out.append((p, "type", f"expected number {x!r}, got {y!r}"))
        elif not close(x, y, atol):
            out.append((p, "value", f"ref {x!r} bin {y!r}"))

    for k in ("id", "name"):
        if ex.get(k) != got.get(k):
            out.append((f"{path}.{k}", "value", f"ref {ex.get(k)!r} bin {got.get(k)!r}"))

    scale_p = max([abs(v) for v in ex["persons"]] + [0.0])
    num_array(f"{path}.persons", ex["persons"], got.get("persons"), 1e-9 * scale_p + 1e-9)
    scale_c = max([abs(v) for v in ex["cost_eur"]] + [0.0])
    num_array(f"{path}.cost_eur", ex["cost_eur"], got.get("cost_eur"), 1e-9 * scale_c + 1e-9)

    cpy_e, cpy_g = ex["cost_per_year"], got.get("cost_per_year")
    if not isinstance(cpy_g, dict):
        out.append((f"{path}.cost_per_year", "type", f"got {cpy_g!r}"))
    else:
        if set(cpy_e) != set(cpy_g):
            out.append((f"{path}.cost_per_year", "keys",
                        f"ref {sorted(cpy_e)} bin {sorted(cpy_g)}"))
        for y in cpy_e:
            if y in cpy_g:
                num(f"{path}.cost_per_year.{y}", cpy_e[y], cpy_g[y], 1e-9 * scale_c * 12 + 1e-9)

    dg = got.get("domains") or {}
    if list(dg) != list(ex["domains"]):
        out.append((f"{path}.domains", "keys", f"ref {list(ex['domains'])} bin {list(dg)}"))
    for did, de in ex["domains"].items():
        g = dg.get(did)
        if not isinstance(g, dict):
            continue
        p = f"{path}.domains.{did}"
        extra = set(g) - set(de)
        if extra:
            out.append((p, "extra keys(info)", f"{sorted(extra)}"))
        # tolerance for shortage-like numbers: cancellation of demand vs capacity
        scale = max([abs(v) for v in de["demand"]] + [abs(v) for v in de["capacity"]] + [0.0])
        atol = 1e-9 * scale + 1e-9
        num_array(f"{p}.demand", de["demand"], g.get("demand"), atol)
        num_array(f"{p}.capacity", de["capacity"], g.get("capacity"), atol)
        num_array(f"{p}.shortage", de["shortage"], g.get("shortage"), 1e-7 * scale + 1e-9)
        num(f"{p}.peak_shortage", de["peak_shortage"], g.get("peak_shortage"), 1e-7 * scale + 1e-9)
        num(f"{p}.shortage_place_months", de["shortage_place_months"],
            g.get("shortage_place_months"), 1e-7 * scale * T + 1e-9)
        sh = de["shortage"]
        stol = 1e-7 * scale + 1e-9
        idx = {m: i for i, m in enumerate(months)}
        # first_shortage_month: allow differences only when the value is within tolerance of 0.001
        fe, fg = de["first_shortage_month"], g.get("first_shortage_month", "<missing>")
        if fe != fg:
            ok = False
            if fg is None or fg in idx:
                lo = idx.get(fe, T) if fe is not None else T
                hi = idx.get(fg, T) if fg is not None else T
                a, b = min(lo, hi), max(lo, hi)
                ok = all(sh[t] <= 0.001 + stol for t in range(a, min(b, T))) and \
                    (a >= T or abs(sh[a] - 0.001) <= stol)
            out.append((f"{p}.first_shortage_month", "value" if not ok else "tie",
                        f"ref {fe!r} bin {fg!r}"))
        pe, pg = de["peak_shortage_month"], g.get("peak_shortage_month", "<missing>")
        if pe != pg:
            ok = False
            peak = de["peak_shortage"]
            if pg is None:
                ok = abs(peak) <= stol
            elif pg in idx:
                ok = abs(sh[idx[pg]] - peak) <= stol and (pe is None or abs(sh[idx[pe]] - peak) <= stol)
            out.append((f"{p}.peak_shortage_month", "value" if not ok else "tie",
                        f"ref {pe!r} bin {pg!r}"))

    rg = got.get("regions") or {}
    if list(rg) != list(ex["regions"]):
        out.append((f"{path}.regions", "keys", f"ref {list(ex['regions'])[:10]} bin {list(rg)[:10]}"))
    for rid, re_ in ex["regions"].items():
        g = rg.get(rid)
        if not isinstance(g, dict):
            continue
        p = f"{path}.regions.{rid}"
        extra = set(g) - set(re_)
        if extra:
            out.append((p, "extra keys(info)", f"{sorted(extra)}"))
        sp = max([abs(v) for v in re_["persons"]] + [0.0])
        num_array(f"{p}.persons", re_["persons"], g.get("persons"), 1e-9 * sp + 1e-9)
        gd = g.get("domains") or {}
        for did, de in re_["domains"].items():
            gg = gd.get(did)
            if not isinstance(gg, dict):
                out.append((f"{p}.domains.{did}", "missing", ""))
                continue
            extra = set(gg) - set(de)
            if extra:
                out.append((f"{p}.domains.{did}", "extra keys(info)", f"{sorted(extra)}"))
            scale = max([abs(v) for v in de["demand"]] + [abs(v) for v in de["capacity"]] + [0.0])
            atol = 1e-9 * scale + 1e-9
            num_array(f"{p}.domains.{did}.demand", de["demand"], gg.get("demand"), atol)
            num_array(f"{p}.domains.{did}.capacity", de["capacity"], gg.get("capacity"), atol)


def near_whole(q: float) -> bool:
    """x / group_size within 1e-6 of a whole number (rounding decides the ceiling)."""
    return abs(q - round(q)) <= 1e-6 + 1e-12 * abs(q)


def rounding_can_decide(x: float, g: float, scale: float) -> bool:
    """groups(x) may differ between two correct f64 implementations: x / g near a
    whole number, or x within rounding noise of the 0.001 threshold."""
    if abs(x - 0.001) <= 1e-9 * scale + 1e-12:
        return True
    return x > 0.001 - 1e-9 * scale and near_whole(x / g)


def compare_planning_years(plan: dict, ex: dict, got: dict, out: list, path: str):
    """SPEC §11: `planning_years` of one scenario."""
    pe = ex["planning_years"]
    pg = got.get("planning_years")
    if not isinstance(pg, list):
        out.append((f"{path}.planning_years", "missing", f"got {pg!r}"))
        return
    ke = [(y["year"], y["reference_month"]) for y in pe]
    kg = [(y.get("year"), y.get("reference_month")) for y in pg if isinstance(y, dict)]
    if ke != kg:
        only_e = [k for k in ke if k not in kg]
        only_g = [k for k in kg if k not in ke]
        out.append((f"{path}.planning_years", "years",
                    f"ref {len(ke)} years, bin {len(kg)}; only ref {only_e[:4]}, only bin {only_g[:4]}"
                    + ("" if only_e or only_g else f"; order ref {ke[:4]} bin {kg[:4]}")))
    by_ref = {y.get("reference_month"): y for y in pg if isinstance(y, dict)}
    doms = {d["id"]: d for d in plan["domains"]}
    for i, ye in enumerate(pe):
        yg = by_ref.get(ye["reference_month"])
        if yg is None:
            continue
        p = f"{path}.planning_years[{i}]"
        extra = set(yg) - {"year", "reference_month", "domains"}
        if extra:
            out.append((p, "extra keys(info)", f"{sorted(extra)}"))
        dg = yg.get("domains")
        if not isinstance(dg, dict):
            out.append((f"{p}.domains", "missing", f"got {dg!r}"))
            continue
        if list(dg) != list(ye["domains"]):
            out.append((f"{p}.domains", "keys", f"ref {list(ye['domains'])} bin {list(dg)}"))
        for did, de in ye["domains"].items():
            g = dg.get(did)
            q = f"{p}.domains.{did}"
            if not isinstance(g, dict):
                out.append((q, "missing", f"got {g!r}"))
                continue
            if set(g) != set(de):
                out.append((q, "keys", f"missing {sorted(set(de) - set(g))} extra {sorted(set(g) - set(de))}"))
            full = ex["domains"][did]
            scale = max([abs(v) for v in full["demand"]] + [abs(v) for v in full["capacity"]] + [0.0])
            atol = 1e-9 * scale + 1e-9
            for k, tol in (("demand", atol), ("capacity", atol), ("shortage", 1e-7 * scale + 1e-9)):
                y = g.get(k)
                if not isinstance(y, (int, float)) or isinstance(y, bool):
                    out.append((f"{q}.{k}", "type", f"expected number {de[k]!r}, got {y!r}"))
                elif not close(de[k], y, tol):
                    out.append((f"{q}.{k}", "value", f"{ye['reference_month']}: ref {de[k]!r} bin {y!r}"))
            if "groups_needed" not in de:
                continue
            pl = doms[did]["planning"]
            gs = float(pl["group_size"])
            spg = float(pl.get("staff_per_group") or 0)
            cpg = float(pl.get("cost_per_group_per_year_eur") or 0)
            t = ex["_months_index"][ye["reference_month"]]
            regs = ex["regions"]
            x_need = {rid: r["domains"][did]["demand"][t] for rid, r in regs.items()}
            x_miss = {rid: r["domains"][did]["demand"][t] - r["domains"][did]["capacity"][t]
                      for rid, r in regs.items()}
            bin_groups = {}
            for k, xs in (("groups_needed", x_need), ("groups_missing", x_miss)):
                y = g.get(k)
                if not isinstance(y, (int, float)) or isinstance(y, bool) or y != y or \
                        y in (float("inf"), float("-inf")) or y != int(y):
                    out.append((f"{q}.{k}", "type", f"expected whole number {de[k]!r}, got {y!r}"))
                    continue
                bin_groups[k] = y
                if y != de[k]:
                    n_tie = sum(1 for x in xs.values() if rounding_can_decide(x, gs, scale))
                    kind = "tie" if abs(y - de[k]) <= n_tie else "value"
                    out.append((f"{q}.{k}", kind, f"{ye['reference_month']}: ref {de[k]!r} bin {y!r}"
                                + (f" ({n_tie} region(s) at a rounding edge)" if n_tie else "")))
            # staff and cost follow the binary's own counts (a tie in the count is reported above)
            for k, gk, f in (("staff_needed", "groups_needed", spg), ("staff_missing", "groups_missing", spg),
                             ("running_cost_missing_eur", "groups_missing", cpg)):
                y = g.get(k)
                exp = bin_groups.get(gk, de[gk]) * f
                if not isinstance(y, (int, float)) or isinstance(y, bool):
                    out.append((f"{q}.{k}", "type", f"expected number {exp!r}, got {y!r}"))
                elif not close(exp, y, 0.0):
                    out.append((f"{q}.{k}", "value", f"expected {exp!r} (= {gk} {bin_groups.get(gk, de[gk])!r}"
                                f" x {f!r}; ref {gk} {de[gk]!r}) bin {y!r}"))
            rm_e, rm_g = de["regions_missing"], g.get("regions_missing")
            if not isinstance(rm_g, dict):
                out.append((f"{q}.regions_missing", "type", f"expected {rm_e!r}, got {rm_g!r}"))
                continue
            for rid in list(rm_e) + [r for r in rm_g if r not in rm_e]:
                a, b = rm_e.get(rid), rm_g.get(rid)
                if a == b and not isinstance(b, bool):
                    continue
                r_path = f"{q}.regions_missing.{rid}"
                if rid not in x_miss:
                    out.append((r_path, "unknown region", f"bin {b!r}"))
                elif b is not None and (isinstance(b, bool) or not isinstance(b, (int, float))
                                        or b != int(b) or b <= 0):
                    out.append((r_path, "value", f"ref {a!r} bin {b!r} (only counts > 0 are listed)"))
                else:
                    tie = abs((a or 0) - (b or 0)) <= 1 and rounding_can_decide(x_miss[rid], gs, scale)
                    out.append((r_path, "tie" if tie else "value",
                                f"ref {a!r} bin {b!r} (x = {x_miss[rid]!r}, x/group_size = {x_miss[rid] / gs!r})"))


def compare(ex: dict, got: dict, plan: dict | None = None) -> list:
    out = []
    ex["_months_index"] = {m: i for i, m in enumerate(ex["months"])}
    for k in ("format", "version", "title", "months"):
        if ex.get(k) != got.get(k):
            out.append((k, "value", f"ref {str(ex.get(k))[:120]!r} bin {str(got.get(k, '<missing>'))[:120]!r}"))
    extra = set(got) - set(ex)
    if extra:
        out.append(("<top>", "extra keys(info)", f"{sorted(extra)}"))
    se, sg = ex["scenarios"], got.get("scenarios") or []
    if [s["id"] for s in se] != [s.get("id") for s in sg]:
        out.append(("scenarios", "ids", f"ref {[s['id'] for s in se]} bin {[s.get('id') for s in sg]}"))
    for i, (a, b) in enumerate(zip(se, sg)):
        extra = set(b) - set(a)
        if extra:
            out.append((f"scenarios[{i}]", "extra keys(info)", f"{sorted(extra)}"))
        compare_scenario(a, b, ex["months"], out, f"scenarios[{i}]")
        if plan is not None:
            a["_months_index"] = ex["_months_index"]
            compare_planning_years(plan, a, b, out, f"scenarios[{i}]")
    return out


def run_binary(binary: str, plan_path: str, scen_ids) -> tuple[int, str, str]:
    cmd = [binary, "simulate", plan_path, "--format", "json"]
    for s in scen_ids or []:
        cmd += ["--scenario", s]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def check_plan(binary: str, plan: dict, plan_path: str, scen_ids=None) -> list:
    rc, so, se = run_binary(binary, plan_path, scen_ids)
    if rc != 0:
        return [("<binary>", f"exit {rc}", se.strip()[:400])]
    try:
        got = json.loads(so)
    except json.JSONDecodeError as e:
        return [("<binary>", "bad json", str(e))]
    ex = reference.simulate(plan, scen_ids)
    out = compare(ex, got, plan)
    if SETTLE_TIES and any(kind == "tie" for _, kind, _ in out):
        out = settle_ties(plan, scen_ids, got, out)
    return out


def _lookup(doc, path):
    """Follow a path like scenarios[1].domains.d0.peak_shortage_month."""
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        doc = doc[int(part[1:-1])] if part.startswith("[") else doc[part]
    return doc


class _Timeout(Exception):
    pass


def settle_ties(plan, scen_ids, got, out):
    """A month indicator that differs only because float rounding noise breaks a
    tie (a plateau of equal shortage values): recompute in exact rational
    arithmetic to see which month truly comes first.  Ties never fail the run;
    they are reported as their own classes."""
    import signal

    def alarm(*_):
        raise _Timeout()

    exact = None
    if True:  # with leave_rate > 0 the f64 factor (1 - m) is taken as an exact rational
        old = signal.signal(signal.SIGALRM, alarm)
        signal.alarm(120)
        try:
            exact = reference.simulate(plan, scen_ids, exact=True)
        except _Timeout:
            exact = None
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
    res = []
    for path, kind, msg in out:
        if kind != "tie":
            res.append((path, kind, msg))
            continue
        if exact is None:
            res.append((path, "tie(no exact run)", msg))
            continue
        xm = _lookup(exact, path)
        gm = _lookup(got, path)
        res.append((path, "tie: binary = exact" if gm == xm else "tie: binary != exact",
                    f"{msg}, exact {xm!r}"))
    return res


def sum_rule_plan(rng: random.Random, plan: dict):
    """SPEC §10: a copy of the plan with, for a domain D without window, two more
    domains D with windows [0, a) and [a, no end).  None when every domain has a window."""
    plain = [d for d in plan["domains"] if d.get("months_since_arrival") is None]
    if not plain or len(plan["domains"]) + 2 > 32:
        return None
    d = rng.choice(plain)
    T = plan["horizon"]["months"]
    a = rng.choice([1, 1, 2, 12, 24, rng.randint(1, max(1, T)), rng.randint(1, min(1199, T + 5))])
    p = json.loads(json.dumps(plan))
    lo = json.loads(json.dumps(d))
    hi = json.loads(json.dumps(d))
    lo["id"], hi["id"] = d["id"] + "~lo", d["id"] + "~hi"
    lo["months_since_arrival"] = rng.choice([{"to": a}, {"from": 0, "to": a}])
    hi["months_since_arrival"] = rng.choice([{"from": a}, {"from": a, "to": None}])
    p["domains"] = p["domains"] + [lo, hi]
    return p, d["id"], a


def check_sum_rule(binary: str, rng: random.Random, plan: dict, path: str):
    """The binary (and the reference) must give demand(D) = demand(D[0,a)) + demand(D[a,inf))
    month by month, state-wide and per region, relative 1e-9."""
    made = sum_rule_plan(rng, plan)
    if made is None:
        return None
    p, did, a = made
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(p, fh, ensure_ascii=False, indent=1)
    rc, so, se = run_binary(binary, path, None)
    if rc != 0:
        return [("<sum rule>", f"exit {rc}", se.strip()[:400])]
    out = []
    for who, res in (("bin", json.loads(so)), ("ref", reference.simulate(p))):
        for sc in res["scenarios"]:
            places = [("", sc["domains"])] + [(f".regions.{rid}", r["domains"]) for rid, r in sc["regions"].items()]
            for where, doms in places:
                whole, lo, hi = doms[did]["demand"], doms[did + "~lo"]["demand"], doms[did + "~hi"]["demand"]
                for t, (x, y, z) in enumerate(zip(whole, lo, hi)):
                    if abs(x - (y + z)) > 1e-9 * max(abs(x), abs(y) + abs(z)) + 1e-300:
                        out.append((f"<sum rule {who}> {sc['id']}{where}.{did}", "value",
                                    f"a = {a}, month {res['months'][t]}: whole {x!r}, [0,a) {y!r} + [a,inf) {z!r}"))
                        break
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/debug/integrationsplan")
    ap.add_argument("--plans", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--file", action="append", default=[], help="compare an existing plan file")
    ap.add_argument("--show", type=int, default=3, help="examples shown per mismatch class")
    ap.add_argument("--info", action="store_true", help="also report extra keys in the binary output")
    ap.add_argument("--max-regions", type=int, default=8)
    ap.add_argument("--sum-rule", type=float, default=0.3,
                    help="share of random plans also checked against the §10 sum rule")
    ap.add_argument("--settle-ties", action="store_true",
                    help="recompute month-indicator ties in exact arithmetic (slow)")
    args = ap.parse_args()
    global MAX_REGIONS, SETTLE_TIES
    SETTLE_TIES = args.settle_ties
    MAX_REGIONS = args.max_regions

    classes: "OrderedDict[str, list]" = OrderedDict()
    failing = 0

    def record(label, mism, saved, count=True):
        nonlocal failing
        real = [m for m in mism if args.info or "(info)" not in m[1]]
        if not real:
            return False
        if count and any(not m[1].startswith("tie") for m in real):
            failing += 1
        seen = set()
        for path, kind, msg in real:
            c = f"{path_class(path)} [{kind}]"
            if c in seen:
                continue
            seen.add(c)
            classes.setdefault(c, []).append((label, saved, path, msg))
        return True

    for f in args.file:
        with open(f, encoding="utf-8") as fh:
            plan = json.load(fh)
        mism = check_plan(args.binary, plan, f)
        shown = record(f, mism, f)
        kinds = {k for _, k, _ in mism if args.info or "(info)" not in k}
        print(f"{f}: {'OK' if not shown else 'only rounding-noise ties' if all(k.startswith('tie') for k in kinds) else 'MISMATCH, see below'}")

    sum_checked = sum_failing = 0
    rng = random.Random(args.seed)
    for n in range(args.plans):
        plan = gen_plan(rng)
        path = f"/tmp/ipcmp-{args.seed}-{n}.json"
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(plan, fh, ensure_ascii=False, indent=1)
        scen_ids = None
        if len(plan["scenarios"]) > 1 and rng.random() < 0.3:
            ids = [s["id"] for s in plan["scenarios"]]
            scen_ids = rng.sample(ids, rng.randint(1, len(ids)))
        mism = check_plan(args.binary, plan, path, scen_ids)
        if not record(f"plan {n}" + (f" --scenario {' '.join(scen_ids)}" if scen_ids else ""), mism, path):
            os.remove(path)
        if rng.random() < args.sum_rule:
            spath = f"/tmp/ipcmp-{args.seed}-{n}-sum.json"
            sm = check_sum_rule(args.binary, rng, plan, spath)
            if sm is not None:
                sum_checked += 1
                if sm:
                    sum_failing += 1
                    record(f"plan {n} (sum rule)", sm, spath, count=False)
                else:
                    os.remove(spath)

    total = len(args.file) + args.plans
    nreal = sum(1 for c in classes if "[tie" not in c)
    print(f"{total - failing}/{total} plans agree; {nreal} mismatch classes "
          f"(+ {len(classes) - nreal} classes of rounding-noise ties, not failures); "
          f"sum rule (§10) held in {sum_checked - sum_failing}/{sum_checked} plans")
    for c, items in classes.items():
        print(f"\n== {c}: {len(items)} plan(s)")
        for label, saved, path, msg in items[: args.show]:
            print(f"   {label} ({saved}) {path}: {msg}")
    return 0 if failing == 0 and sum_failing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
