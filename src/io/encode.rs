//! Turns a typed [`Plan`] back into JSON, with unknown fields written back after the known ones.

use crate::model::*;
use serde_json::{Map, Value, json};

/// The plan as a JSON document (the form written to files).
pub fn encode_plan(plan: &Plan) -> Value {
    let mut root = Map::new();
    root.insert("format".into(), FORMAT_NAME.into());
    root.insert("version".into(), FORMAT_VERSION.into());
    root.insert("meta".into(), with_extra(meta(&plan.meta), &plan.meta.extra));
    root.insert(
        "horizon".into(),
        with_extra(json!({ "start": plan.horizon.start.to_string(), "months": plan.horizon.months }), &plan.horizon.extra),
    );
    root.insert("domains".into(), plan.domains.iter().map(domain).collect());
    root.insert("regions".into(), plan.regions.iter().map(region).collect());
    root.insert("distribution".into(), distribution(&plan.distribution));
    root.insert("measures".into(), plan.measures.iter().map(measure).collect());
    root.insert("scenarios".into(), plan.scenarios.iter().map(scenario).collect());
    root.insert(
        "budget".into(),
        plan.budget.iter().map(|b| with_extra(json!({ "year": b.year, "eur": number(b.eur) }), &b.extra)).collect(),
    );
    if let Some(year) = &plan.planning_year {
        root.insert("planning_year".into(), planning_year(year));
    }
    for (key, value) in &plan.extra {
        root.insert(key.clone(), value.clone());
    }
    Value::Object(root)
}

/// A number as JSON, whole numbers without a decimal point (`75`, not `75.0`).
pub fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.007_199_254_740_992e15 { Value::from(value as i64) } else { Value::from(value) }
}

fn number_map(entries: &[(String, f64)]) -> Value {
    Value::Object(entries.iter().map(|(k, v)| (k.clone(), number(*v))).collect())
}

fn with_extra(mut value: Value, extra: &Extra) -> Value {
    if let Value::Object(map) = &mut value {
        for (key, v) in extra {
            map.insert(key.clone(), v.clone());
        }
    }
    value
}

fn meta(meta: &Meta) -> Value {
    json!({ "title": meta.title, "author": meta.author, "notes": meta.notes })
}

fn domain(domain: &Domain) -> Value {
    let mut value = json!({
        "id": domain.id, "name": domain.name, "unit": domain.unit,
        "rates": number_map(&domain.rates), "persons_per_unit": number(domain.persons_per_unit),
    });
    if let Value::Object(map) = &mut value {
        if let Some(window) = &domain.months_since_arrival {
            let mut fields = Map::new();
            fields.insert("from".into(), window.from.into());
            if let Some(to) = window.to {
                fields.insert("to".into(), to.into());
            }
            map.insert("months_since_arrival".into(), with_extra(Value::Object(fields), &window.extra));
        }
        if let Some(planning) = &domain.planning {
            let mut fields = Map::new();
            fields.insert("group_size".into(), number(planning.group_size));
            if let Some(word) = &planning.group_word {
                fields.insert("group_word".into(), word.clone().into());
            }
            fields.insert("staff_per_group".into(), number(planning.staff_per_group));
            fields.insert("cost_per_group_per_year_eur".into(), number(planning.cost_per_group_per_year_eur));
            map.insert("planning".into(), with_extra(Value::Object(fields), &planning.extra));
        }
    }
    with_extra(value, &domain.extra)
}

/// The plan's `planning_year` (SPEC §11), written only when the plan has one.
fn planning_year(year: &PlanningYear) -> Value {
    let mut fields = Map::new();
    fields.insert("start_month".into(), year.start_month.into());
    if let Some(reference) = year.reference_month {
        fields.insert("reference_month".into(), reference.into());
    }
    with_extra(Value::Object(fields), &year.extra)
}

fn region(region: &Region) -> Value {
    let mut value = json!({
        "id": region.id, "name": region.name, "population": number(region.population),
        "area_km2": number(region.area_km2), "capacity": number_map(&region.capacity),
    });
    if let (Some(location), Value::Object(map)) = (&region.location, &mut value) {
        let point = json!({ "lat": number(location.lat), "lon": number(location.lon) });
        map.insert("location".into(), with_extra(point, &location.extra));
    }
    with_extra(value, &region.extra)
}

fn uncertainty(uncertainty: &Uncertainty) -> Value {
    let mut map = Map::new();
    let ranges = [("arrival_factor", &uncertainty.arrival_factor), ("leave_rate_per_year", &uncertainty.leave_rate_per_year)];
    for (key, range) in ranges {
        if let Some(range) = range {
            map.insert(key.into(), with_extra(json!({ "low": number(range.low), "high": number(range.high) }), &range.extra));
        }
    }
    with_extra(Value::Object(map), &uncertainty.extra)
}

fn distribution(distribution: &Distribution) -> Value {
    match distribution {
        Distribution::Weights { population_weight, area_weight, area_uplift_cap, extra } => with_extra(
            json!({
                "population_weight": number(*population_weight), "area_weight": number(*area_weight),
                "area_uplift_cap": area_uplift_cap.map(number),
            }),
            extra,
        ),
        Distribution::Shares { shares, extra } => with_extra(json!({ "shares": number_map(shares) }), extra),
    }
}

fn measure(measure: &Measure) -> Value {
    with_extra(
        json!({
            "id": measure.id, "name": measure.name, "domain": measure.domain, "region": measure.region,
            "places": number(measure.places), "start": measure.start.to_string(),
            "end": measure.end.map(|m| m.to_string()), "ramp_months": measure.ramp_months,
            "cost_once_eur": number(measure.cost_once_eur), "cost_per_year_eur": number(measure.cost_per_year_eur),
            "funding": measure.funding.as_str(), "notes": measure.notes,
        }),
        &measure.extra,
    )
}

fn scenario(scenario: &Scenario) -> Value {
    let mut value = json!({
        "id": scenario.id, "name": scenario.name,
        "arrivals": scenario.arrivals.iter().map(|step| with_extra(
            json!({ "from": step.from.to_string(), "per_month": number(step.per_month) }), &step.extra)).collect::<Vec<_>>(),
        "arrival_factor": number(scenario.arrival_factor),
        "age_distribution": number_map(&scenario.age_distribution),
        "leave_rate_per_year": number(scenario.leave_rate_per_year),
        "funding_included": scenario.funding_included.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        "measures_off": scenario.measures_off,
    });
    if let Value::Object(map) = &mut value {
        if let Some(color) = &scenario.color {
            map.insert("color".into(), color.clone().into());
        }
        if let Some(ranges) = &scenario.uncertainty {
            map.insert("uncertainty".into(), uncertainty(ranges));
        }
    }
    with_extra(value, &scenario.extra)
}
