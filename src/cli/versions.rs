//! `diff` and `merge` (SPEC §12).

use super::{EXIT_CONFLICT, EXIT_FAILURE, EXIT_INVALID_INPUT, StartLanguage, load_reporting_warnings};
use crate::io::{check_not_an_input, plan_to_string, write_output};
use crate::language::Language;
use crate::versions::{MergeError, Side, diff_plans, diff_to_json, merge_plans, no_changes};
use clap::ValueEnum;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change, items by name (the default).
    Text,
    /// `{"format": "integrationsplan-diff", "version": 1, "changes": […]}`.
    Json,
}

/// The side `merge --prefer` takes in a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PreferSide {
    /// OURS' version.
    Ours,
    /// THEIRS' version.
    Theirs,
}

/// Loads every file, reporting all that fail; `None` when one did.
fn load_all(files: &[&Path]) -> Option<Vec<crate::model::Plan>> {
    let mut plans = Vec::new();
    let mut failed = false;
    for file in files {
        match load_reporting_warnings(file) {
            Ok(loaded) => plans.push(loaded.plan),
            Err(_) => failed = true,
        }
    }
    (!failed).then_some(plans)
}

/// `diff OLD NEW`: exit 0 with or without changes, 2 when a plan is invalid.
pub(super) fn diff_command(old: &Path, new: &Path, format: DiffFormat, language: StartLanguage) -> ExitCode {
    let Some(plans) = load_all(&[old, new]) else { return ExitCode::from(EXIT_INVALID_INPUT) };
    let [old_plan, new_plan] = plans.as_slice() else { return ExitCode::from(EXIT_FAILURE) };
    let changes = diff_plans(old_plan, new_plan);
    let text = match format {
        DiffFormat::Json => match serde_json::to_string_pretty(&diff_to_json(&changes)) {
            Ok(text) => text + "\n",
            Err(error) => {
                eprintln!("error: cannot write the changes: {error}");
                return ExitCode::from(EXIT_FAILURE);
            }
        },
        DiffFormat::Text => {
            let language = match language {
                StartLanguage::De => Language::German,
                StartLanguage::En => Language::English,
            };
            if changes.is_empty() {
                format!("{}\n", no_changes(language))
            } else {
                changes.iter().map(|change| change.describe(language, old_plan, new_plan) + "\n").collect()
            }
        }
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: standard output: {error}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// The three plans of `merge`.
pub(super) struct MergeFiles<'a> {
    /// The common ancestor.
    pub base: &'a Path,
    /// Our changed version (its item order is kept).
    pub ours: &'a Path,
    /// Their changed version.
    pub theirs: &'a Path,
}

/// `merge BASE OURS THEIRS --output OUT`: exit 0 when OUT was written, 3 on conflicts without
/// `--prefer` (nothing written), 2 for invalid input or an invalid merged plan.
pub(super) fn merge_command(files: &MergeFiles, output: &Path, prefer: Option<PreferSide>) -> ExitCode {
    let inputs = [files.base, files.ours, files.theirs];
    if let Err(error) = check_not_an_input(output, &inputs) {
        eprintln!("error: --output: {error}");
        return ExitCode::from(EXIT_INVALID_INPUT);
    }
    let Some(plans) = load_all(&inputs) else { return ExitCode::from(EXIT_INVALID_INPUT) };
    let [base, ours, theirs] = plans.as_slice() else { return ExitCode::from(EXIT_FAILURE) };
    let mut outcome = merge_plans(base, ours, theirs);
    let conflicts = outcome.conflicts().len();
    match prefer {
        Some(prefer) => {
            let side = if prefer == PreferSide::Ours { Side::Ours } else { Side::Theirs };
            for conflict in outcome.conflicts() {
                for line in conflict.lines() {
                    eprintln!("warning: conflict, taking {}: {line}", side.as_str());
                }
            }
            outcome.resolve_all(side);
        }
        None if conflicts > 0 => {
            for conflict in outcome.conflicts() {
                for line in conflict.lines() {
                    eprintln!("conflict: {line}");
                }
            }
            eprintln!(
                "error: {conflicts} conflict{} between {} and {}; nothing written (take a side with --prefer ours|theirs)",
                if conflicts == 1 { "" } else { "s" },
                files.ours.display(),
                files.theirs.display()
            );
            return ExitCode::from(EXIT_CONFLICT);
        }
        None => {}
    }
    let plan = match outcome.merged_plan(&output.display().to_string()) {
        Ok(plan) => plan,
        Err(MergeError::Invalid(error)) => {
            eprintln!("{error}");
            eprintln!("error: {}: the merged plan would be invalid; nothing written", output.display());
            return ExitCode::from(EXIT_INVALID_INPUT);
        }
        Err(error @ MergeError::Unresolved { .. }) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let text = match plan_to_string(&plan) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: {}: cannot write JSON: {error}", output.display());
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    match write_output(output, text.as_bytes(), &inputs) {
        Ok(()) => {
            println!(
                "{}: merged ({} change{} of {} taken, {conflicts} conflict{} resolved)",
                output.display(),
                outcome.taken().len(),
                if outcome.taken().len() == 1 { "" } else { "s" },
                files.theirs.display(),
                if conflicts == 1 { "" } else { "s" }
            );
            ExitCode::SUCCESS
        }
        Err(error) => super::output_failure(error),
    }
}
