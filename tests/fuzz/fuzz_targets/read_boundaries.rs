//! Any bytes as a GeoJSON boundary file: read it (encodings, streaming reader, thinning, limits),
//! prepare it for drawing (triangles), look for far-away areas and match it to the sample's
//! regions. Nothing may panic; every ring kept has at least three points and at most the
//! drawable number.
#![no_main]

use integrationsplan::geo::{match_boundaries, parse_boundaries_bytes, prepare, triangulate::MAX_RING_POINTS};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn plan() -> &'static integrationsplan::model::Plan {
    static PLAN: OnceLock<integrationsplan::model::Plan> = OnceLock::new();
    PLAN.get_or_init(|| integrationsplan::sample::nrw_2025().expect("the sample loads").plan)
}

fuzz_target!(|data: &[u8]| {
    match parse_boundaries_bytes(data.to_vec()) {
        Ok(file) => {
            let _ = file.far_away();
            let prepared = prepare(file);
            for boundary in &prepared.file.boundaries {
                assert!(!boundary.rings.is_empty());
                assert!(boundary.rings.iter().all(|ring| ring.len() <= MAX_RING_POINTS + 1));
            }
            let matched = match_boundaries(&prepared.file.boundaries, &plan().regions);
            assert!(matched.matched() <= plan().regions.len());
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
