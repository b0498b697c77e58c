//! Writes a synthetic plan file of any size (the input of benchmarks and limit measurements).
//!
//! `cargo run --release --example generate_plan -- REGIONS MONTHS SCENARIOS DOMAINS MEASURES [OUT]`
//! Regions come from the 401 German districts of 2018, split into parts when more are asked for.

use integrationsplan::io::{plan_to_string, write_atomically};
use integrationsplan::synthetic::{PlanSize, german_districts, plan};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let size = PlanSize {
        regions: number(0, 401),
        months: number(1, 240) as u32,
        scenarios: number(2, 10),
        domains: number(3, 4),
        measures: number(4, 2_000),
        statewide_share: 0.5,
    };
    let text = match plan_to_string(&plan(size, &german_districts())) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    match args.get(5) {
        Some(path) => match write_atomically(std::path::Path::new(path), text.as_bytes(), false) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        },
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
    }
}
