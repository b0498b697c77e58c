//! Any bytes as a plan file: load (size limit, UTF-8, JSON, decode, validate), then simulate
//! what loads and save it again. Nothing may panic, and a loaded plan must survive a round trip.
#![no_main]

use integrationsplan::io::{load_bytes, load_str, plan_to_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match load_bytes(data, "fuzz.json") {
        Ok(loaded) => {
            // Keep a single run cheap: the horizon × regions a fuzzer can build are small anyway.
            let results = integrationsplan::simulate(&loaded.plan);
            assert_eq!(results.scenarios.len(), loaded.plan.scenarios.len());
            let text = plan_to_string(&loaded.plan).expect("a loaded plan encodes");
            let again = load_str(&text, "again.json").expect("a saved plan loads again");
            assert_eq!(again.plan, loaded.plan, "round trip changed the plan");
        }
        Err(error) => {
            assert!(error.errors().next().is_some(), "a failed load names at least one error");
            let _ = error.to_string();
        }
    }
});
