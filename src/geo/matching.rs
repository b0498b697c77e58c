//! Which boundary belongs to which region: by a property equal to the region id, then by the
//! official key (AGS/ARS/RS, whose first five digits name the district), then by name.

use super::Boundary;
use crate::model::Region;
use std::collections::HashMap;

/// Property names that hold an official key (compared without case).
const KEY_PROPERTIES: [&str; 8] = ["ags", "ars", "rs", "krs", "ags_0", "ars_0", "rs_0", "kreisschluessel"];
/// Property names that hold a name (compared without case).
const NAME_PROPERTIES: [&str; 6] = ["gen", "name", "bez_name", "kreis", "kreisname", "krs_name"];

/// Whether a property name holds a region's name.
pub fn is_name_key(key: &str) -> bool {
    NAME_PROPERTIES.iter().any(|k| k.eq_ignore_ascii_case(key))
}

/// How the boundaries of a file fit the regions of a plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BoundaryMatch {
    /// Per region of the plan, in plan order: the position of its boundary in the file.
    pub boundary_of_region: Vec<Option<usize>>,
    /// Labels of the features no region was found for (or whose region had one already).
    pub unmatched_features: Vec<String>,
    /// Names of the regions without a boundary.
    pub regions_without: Vec<String>,
}

impl BoundaryMatch {
    /// How many regions got a boundary.
    pub fn matched(&self) -> usize {
        self.boundary_of_region.iter().flatten().count()
    }
}

/// Matches every boundary to at most one region and every region to at most one boundary.
pub fn match_boundaries(boundaries: &[Boundary], regions: &[Region]) -> BoundaryMatch {
    let by_id: HashMap<&str, usize> = regions.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    let by_district_key: HashMap<&str, usize> =
        regions.iter().enumerate().filter_map(|(i, r)| Some((district_key(&r.id)?, i))).collect();
    let by_name: HashMap<String, usize> = regions.iter().enumerate().map(|(i, r)| (r.name.to_lowercase(), i)).collect();
    let mut by_short_name: HashMap<String, Option<usize>> = HashMap::new();
    for (i, region) in regions.iter().enumerate() {
        by_short_name.entry(short_name(&region.name)).and_modify(|found| *found = None).or_insert(Some(i));
    }
    // A short name is only used when it names one feature of the file too.
    let mut feature_short_names: HashMap<String, usize> = HashMap::new();
    for boundary in boundaries {
        for (_, name) in boundary.properties.iter().filter(|(k, _)| is_name_key(k)) {
            *feature_short_names.entry(short_name(name)).or_default() += 1;
        }
    }

    let mut result = BoundaryMatch { boundary_of_region: vec![None; regions.len()], ..BoundaryMatch::default() };
    for (b, boundary) in boundaries.iter().enumerate() {
        let properties = &boundary.properties;
        let found = properties
            .iter()
            .find_map(|(_, value)| by_id.get(value.as_str()).copied())
            .or_else(|| {
                properties
                    .iter()
                    .filter(|(k, _)| KEY_PROPERTIES.iter().any(|p| p.eq_ignore_ascii_case(k)))
                    .find_map(|(_, value)| by_district_key.get(district_key(value)?).copied())
            })
            .or_else(|| {
                let names = properties.iter().filter(|(k, _)| is_name_key(k)).map(|(_, v)| v);
                names.clone().find_map(|name| by_name.get(&name.to_lowercase()).copied()).or_else(|| {
                    names.clone().find_map(|name| {
                        let short = short_name(name);
                        if feature_short_names.get(&short).copied() != Some(1) {
                            return None;
                        }
                        by_short_name.get(&short).copied().flatten()
                    })
                })
            });
        match found.and_then(|r| result.boundary_of_region.get_mut(r)) {
            Some(slot @ None) => *slot = Some(b),
            _ => result.unmatched_features.push(boundary.label()),
        }
    }
    result.regions_without =
        regions.iter().zip(&result.boundary_of_region).filter(|(_, b)| b.is_none()).map(|(r, _)| r.name.clone()).collect();
    result
}

/// The five-digit district key of an AGS (8 digits), ARS/RS (12 digits) or district key itself.
fn district_key(value: &str) -> Option<&str> {
    let value = value.trim();
    let digits = value.len() >= 5 && value.bytes().all(|b| b.is_ascii_digit());
    (digits && matches!(value.len(), 5 | 8 | 9 | 12)).then(|| value.get(..5)).flatten()
}

/// A name without what official lists add or leave out: `Köln, Stadt` = `Köln`,
/// `Kreis Kleve` = `Kleve`.
fn short_name(name: &str) -> String {
    let mut name = name.trim().to_lowercase();
    for suffix in [", kreisfreie stadt", ", stadt", ", kreis", " (kreis)", " (stadt)"] {
        if let Some(stripped) = name.strip_suffix(suffix) {
            name = stripped.to_owned();
        }
    }
    for prefix in ["kreisfreie stadt ", "stadt ", "kreis "] {
        if let Some(stripped) = name.strip_prefix(prefix) {
            name = stripped.to_owned();
        }
    }
    name.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::LonLat;

    fn region(id: &str, name: &str) -> Region {
        Region {
            id: id.into(),
            name: name.into(),
            population: 1.0,
            area_km2: 1.0,
            capacity: Vec::new(),
            location: None,
            extra: crate::model::Extra::new(),
        }
    }

    fn boundary(properties: &[(&str, &str)]) -> Boundary {
        let ring = vec![LonLat { lon: 7.0, lat: 51.0 }, LonLat { lon: 7.1, lat: 51.0 }, LonLat { lon: 7.0, lat: 51.1 }];
        Boundary { properties: properties.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect(), rings: vec![ring] }
    }

    #[test]
    fn boundaries_match_by_id_then_official_key_then_name() {
        let regions = [
            region("koeln", "Köln"),
            region("05154", "Kleve"),
            region("wesel", "Wesel"),
            region("mettmann", "Mettmann"),
            region("unna", "Unna"),
        ];
        let boundaries = [
            boundary(&[("GEN", "Cologne"), ("key", "koeln")]),
            boundary(&[("GEN", "Kreis Kleve"), ("AGS", "05154000")]),
            boundary(&[("GEN", "WESEL")]),
            boundary(&[("GEN", "Mettmann, Kreis")]),
            boundary(&[("GEN", "Atlantis")]),
        ];
        let found = match_boundaries(&boundaries, &regions);
        assert_eq!(found.boundary_of_region, vec![Some(0), Some(1), Some(2), Some(3), None]);
        assert_eq!(found.unmatched_features, vec!["Atlantis".to_owned()]);
        assert_eq!(found.regions_without, vec!["Unna".to_owned()]);
        assert_eq!(found.matched(), 4);
    }

    #[test]
    fn a_twelve_digit_regional_key_names_its_district_by_the_first_five_digits() {
        let regions = [region("05315", "Köln")];
        let found = match_boundaries(&[boundary(&[("RS", "053150000000")])], &regions);
        assert_eq!(found.boundary_of_region, vec![Some(0)]);
    }

    #[test]
    fn a_short_name_shared_by_a_town_and_its_district_matches_neither() {
        let regions = [region("kassel-stadt", "Kassel, Stadt"), region("kassel-kreis", "Kreis Kassel")];
        let found = match_boundaries(&[boundary(&[("GEN", "Kassel")])], &regions);
        assert_eq!(found.matched(), 0, "ambiguous names are not guessed");
        assert_eq!(found.unmatched_features, vec!["Kassel".to_owned()]);
    }

    #[test]
    fn a_second_boundary_of_the_same_region_is_reported() {
        let regions = [region("koeln", "Köln")];
        let found = match_boundaries(&[boundary(&[("id", "koeln")]), boundary(&[("GEN", "Köln")])], &regions);
        assert_eq!(found.boundary_of_region, vec![Some(0)]);
        assert_eq!(found.unmatched_features.len(), 1);
    }
}
