//! `integrationsplan import PLAN.json [--measures TABLE] [--regions TABLE] [--sheet NAME]
//! [--remove-missing] --output OUT.json`: the shell around [`crate::import`].
//!
//! Regions are read first, so that measures may name regions the same run adds. Every bad row
//! is printed in English, one per line (`error: measures.xlsx: row 12, column "Plätze":
//! "zwölf" is not a number`); any bad row, an unreadable table, an unknown sheet or a resulting
//! plan that breaks a rule exits with 2 and writes nothing; then the summary line on stdout
//! says that nothing was imported instead of counting what would have been.
//!
//! Messages quote the file's contents (headers, cells, sheet names); control characters in
//! them (NUL, ESC, BEL, …) are printed as escapes (`\u{1b}`), so that a table cannot send
//! escape sequences to the terminal.

use super::{EXIT_FAILURE, EXIT_INVALID_INPUT};
use crate::import::{ImportOptions, TableKind, preview_file};
use crate::io::{load_file, plan_to_string, write_output};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The tables to import and how.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// The measures table.
    pub measures: Option<PathBuf>,
    /// The regions table.
    pub regions: Option<PathBuf>,
    /// The sheet to read from workbooks (default: the first).
    pub sheet: Option<String>,
    /// Remove what the tables do not list.
    pub remove_missing: bool,
}

/// Runs the import; writes the resulting plan to `output` (nothing without it: a dry run).
pub fn import_command(plan_path: &Path, tables: &Tables, output: Option<&Path>) -> ExitCode {
    let invalid = ExitCode::from(EXIT_INVALID_INPUT);
    if tables.measures.is_none() && tables.regions.is_none() {
        eprintln!("error: nothing to import (expected --measures TABLE and/or --regions TABLE)");
        return invalid;
    }
    if let Some(output) = output
        && crate::io::check_not_an_input(output, &[plan_path]).is_err()
    {
        eprintln!(
            "error: {}: --output names the plan that is read (expected another file; the plan itself is never overwritten)",
            output.display()
        );
        return invalid;
    }
    let loaded = match load_file(plan_path) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{error}");
            return invalid;
        }
    };
    for warning in &loaded.warnings {
        eprintln!("warning: {}: {warning}", plan_path.display());
    }
    let options = ImportOptions { remove_missing: tables.remove_missing };
    let mut plan = loaded.plan;
    let (mut bad_rows, mut problems) = (0, 0);
    let jobs = [(TableKind::Regions, &tables.regions, "regions"), (TableKind::Measures, &tables.measures, "measures")];
    for (kind, path, what) in jobs {
        let Some(path) = path else { continue };
        let preview = match preview_file(&plan, path, kind, tables.sheet.as_deref(), &options) {
            Ok(preview) => preview,
            Err(error) => {
                eprintln!("error: {}", escape_controls(&error.to_string()));
                return invalid;
            }
        };
        let file = escape_controls(&preview.file);
        for warning in &preview.warnings {
            eprintln!("warning: {file}: {}", escape_controls(&warning.message_en()));
        }
        for problem in &preview.problems {
            eprintln!("error: {file}: {}", escape_controls(&problem.message_en()));
        }
        problems += preview.problems.len();
        bad_rows += preview.problems.iter().map(|p| p.row).collect::<std::collections::BTreeSet<_>>().len();
        if preview.problems.is_empty() {
            println!("{file}: {what}: {}", preview.summary_en());
        } else {
            println!("{file}: {what}: nothing imported (bad rows)");
        }
        plan = preview.apply(&plan);
    }
    if bad_rows > 0 {
        let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
        eprintln!("error: {}, {} (nothing written)", plural(bad_rows, "bad row"), plural(problems, "problem"));
        return invalid;
    }
    let errors: Vec<_> = crate::validate::validate(&plan).into_iter().filter(|i| i.is_error()).collect();
    if !errors.is_empty() {
        for issue in &errors {
            eprintln!("error: the imported plan: {}", escape_controls(&issue.to_string()));
        }
        eprintln!(
            "error: the imported plan breaks {} rule{} (nothing written)",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
        return invalid;
    }
    let Some(output) = output else {
        println!("dry run: nothing written");
        return ExitCode::SUCCESS;
    };
    let written = plan_to_string(&plan)
        .map_err(|e| format!("{}: cannot write JSON: {e}", output.display()))
        .and_then(|text| write_output(output, text.as_bytes(), &read_files(plan_path, tables)).map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            println!("wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `text` with every control character (NUL, ESC, BEL, line breaks, …) written as a Rust escape
/// (`\u{1b}`, `\n`), so that text from a file cannot drive the terminal.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// Every file the command reads (none of them may be written over, SPEC §9).
fn read_files<'a>(plan_path: &'a Path, tables: &'a Tables) -> Vec<&'a Path> {
    [Some(plan_path), tables.measures.as_deref(), tables.regions.as_deref()].into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_controls("Köln"), "Köln");
        assert_eq!(escape_controls("a\u{1b}[31mb\u{7}\0"), "a\\u{1b}[31mb\\u{7}\\u{0}");
        assert_eq!(escape_controls("x\ny"), "x\\ny");
    }
}
