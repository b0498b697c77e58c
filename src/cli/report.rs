//! `report PLAN --output bericht.html`: the HTML report for colleagues without the program.

use super::{EXIT_INVALID_INPUT, StartLanguage, load_reporting_warnings};
use crate::io::{check_not_an_input, write_output};
use crate::language::Language;
use crate::report::{ReportRequest, report_html};
use std::path::Path;
use std::process::ExitCode;

/// `report PLAN --output OUT [--scenario ID]… [--language de|en]`: exit 0 when OUT was written,
/// 2 for invalid input (an invalid plan, an unknown scenario, OUT being the plan), 1 otherwise.
pub(super) fn report_command(file: &Path, output: &Path, scenarios: &[String], language: StartLanguage) -> ExitCode {
    // SPEC §9: the plan that is read is never written over; refused before any work.
    if let Err(error) = check_not_an_input(output, &[file]) {
        eprintln!("error: --output: {error}");
        return ExitCode::from(EXIT_INVALID_INPUT);
    }
    let loaded = match load_reporting_warnings(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let plan = &loaded.plan;
    let unknown: Vec<&String> = scenarios.iter().filter(|id| !plan.scenarios.iter().any(|s| s.id == **id)).collect();
    if !unknown.is_empty() {
        let known: Vec<String> = plan.scenarios.iter().map(|s| format!("{:?}", s.id)).collect();
        for id in unknown {
            eprintln!("error: {}: --scenario: no scenario with id {id:?} (expected one of {})", file.display(), known.join(", "));
        }
        return ExitCode::from(EXIT_INVALID_INPUT);
    }
    let language = match language {
        StartLanguage::De => Language::German,
        StartLanguage::En => Language::English,
    };
    let results = crate::simulate(plan);
    let request = ReportRequest { scenario_ids: scenarios.to_vec(), ..ReportRequest::new(language) };
    let html = report_html(plan, &results, &request);
    match write_output(output, html.as_bytes(), &[file]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failure(error),
    }
}
