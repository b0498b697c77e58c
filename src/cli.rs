//! The command line of SPEC §4, §5, §7 and §12: `validate`, `simulate`, `optimize`, `schema`,
//! `import`, `diff`, `merge`, `report`, and opening the GUI.

use crate::engine::{DEFAULT_SEED, MAX_RUNS, RunControl, results_frame, simulate_one};
use crate::io::{
    CsvDialect, ResultsCsvStream, ResultsJsonStream, SaveError, check_not_an_input, load_file, write_output, write_output_with,
};
use crate::optimize::{OptimizeRequest, SearchControl, optimization_to_json, optimize};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

mod import;
mod report;
mod versions;

pub use versions::{DiffFormat, PreferSide};

/// Exit code for invalid input: unreadable file, invalid plan, unknown scenario id, bad arguments.
pub const EXIT_INVALID_INPUT: u8 = 2;
/// Exit code for any other failure.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code of `merge` when the versions conflict and no side is preferred (SPEC §12).
pub const EXIT_CONFLICT: u8 = 3;

/// Integrationsplan: places for newcomers in Kitas, schools and housing, under intake scenarios.
#[derive(Debug, Parser)]
#[command(name = "integrationsplan", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command the GUI opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A plan file to open in the GUI.
    pub file: Option<PathBuf>,
    /// Open the GUI in presentation mode (full screen, large text, what-if controls).
    #[arg(long)]
    pub presentation: bool,
    /// Language of the GUI (remembered for the next start).
    #[arg(long, value_enum, value_name = "LANG")]
    pub language: Option<StartLanguage>,
}

/// The languages the GUI can start in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StartLanguage {
    /// Deutsch.
    De,
    /// English.
    En,
}

/// How the GUI starts: on which file, in which mode and language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuiStart {
    /// The plan file to open (else the last plan, else the sample).
    pub file: Option<PathBuf>,
    /// Start in presentation mode.
    pub presentation: bool,
    /// The language to use, when asked for.
    pub language: Option<StartLanguage>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the GUI on FILE.
    Open {
        /// The plan file.
        file: PathBuf,
    },
    /// Print every error and warning of FILE; exit 0 if valid, 2 if not.
    Validate {
        /// The plan file.
        file: PathBuf,
    },
    /// Run the model and print the results (all scenarios unless named).
    Simulate {
        /// The plan file.
        file: PathBuf,
        /// Only this scenario (repeatable; results come in the order given).
        #[arg(long = "scenario", value_name = "ID")]
        scenarios: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
        /// Write to PATH instead of standard output.
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Add the uncertainty of SPEC §5 from N runs (JSON only; 1–100 000).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_RUNS)))]
        runs: Option<u32>,
        /// Seed of the runs' draws (an unsigned 64-bit integer).
        #[arg(long, value_name = "S", default_value_t = DEFAULT_SEED, requires = "runs")]
        seed: u64,
    },
    /// Find the cheapest mix of open measures that keeps the shortage within a limit (SPEC §7).
    Optimize {
        /// The plan file.
        file: PathBuf,
        /// The scenario whose open measures are the candidates.
        #[arg(long = "scenario", value_name = "ID")]
        scenario: String,
        /// Limit only this domain's shortage (repeatable; default: all domains).
        #[arg(long = "domain", value_name = "D")]
        domains: Vec<String>,
        /// Most shortage place-months allowed per named domain (≥ 0).
        #[arg(long, value_name = "X", default_value_t = 0.0, allow_negative_numbers = true)]
        max_shortage_place_months: f64,
        /// Stop after SECONDS with the best mix found so far (reported as not optimal).
        #[arg(long, value_name = "SECONDS", default_value_t = crate::optimize::DEFAULT_TIME_LIMIT.as_secs_f64(), allow_negative_numbers = true)]
        time_limit: f64,
        /// Write to PATH instead of standard output.
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of the plan file.
    Schema,
    /// Compare two plans by meaning (SPEC §12); exit 0 with or without changes, 2 if a plan is invalid.
    Diff {
        /// The older plan.
        old: PathBuf,
        /// The newer plan.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
        /// Language of the text output.
        #[arg(long, value_enum, value_name = "LANG", default_value = "de")]
        language: StartLanguage,
    },
    /// Merge the changes of OURS and THEIRS to BASE into OUT (SPEC §12); exit 3 on conflicts.
    Merge {
        /// The version both changed versions started from.
        base: PathBuf,
        /// Our changed version (the merged plan keeps its order of items).
        ours: PathBuf,
        /// Their changed version.
        theirs: PathBuf,
        /// Where to write the merged plan (never one of the three plans).
        #[arg(long, value_name = "OUT.json")]
        output: PathBuf,
        /// In a conflict, take this side's version (each reported as a warning).
        #[arg(long, value_enum, value_name = "SIDE")]
        prefer: Option<PreferSide>,
    },
    /// Write a report of PLAN as one self-contained HTML file (opens in any browser).
    Report {
        /// The plan file.
        plan: PathBuf,
        /// Where to write the report (never the plan that is read).
        #[arg(long, value_name = "OUT.html")]
        output: PathBuf,
        /// Only this scenario (repeatable, in the order given; the first one is shaded).
        #[arg(long = "scenario", value_name = "ID")]
        scenarios: Vec<String>,
        /// Language of the report.
        #[arg(long, value_enum, value_name = "LANG", default_value = "de")]
        language: StartLanguage,
    },
    /// Import measures and/or regions from spreadsheet tables (.xlsx, .ods, .csv) into PLAN.
    Import {
        /// The plan file to import into (not changed).
        plan: PathBuf,
        /// A table of measures, one row each, columns found by header.
        #[arg(long, value_name = "TABLE")]
        measures: Option<PathBuf>,
        /// A table of regions: ID, Name, Einwohner, Fläche (km²), one column per domain.
        #[arg(long, value_name = "TABLE")]
        regions: Option<PathBuf>,
        /// The sheet to read from workbooks (default: the first sheet).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Remove measures and regions that the tables do not list.
        #[arg(long)]
        remove_missing: bool,
        /// Only check the tables and print what would change; write nothing.
        #[arg(long, conflicts_with = "output")]
        dry_run: bool,
        /// Where to write the resulting plan (never the plan that is read).
        #[arg(long, value_name = "OUT.json", required_unless_present = "dry_run")]
        output: Option<PathBuf>,
    },
}

/// Formats of `simulate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The results document (SPEC §4).
    Json,
    /// RFC 4180 CSV, dot decimals.
    Csv,
    /// CSV for German Excel: `;`, decimal comma, UTF-8 BOM.
    CsvDe,
}

/// What `main` should do after parsing the arguments.
#[derive(Debug)]
pub enum Action {
    /// Start the GUI, optionally on a file.
    Gui(GuiStart),
    /// A command ran; exit with this code.
    Exit(ExitCode),
}

/// Parses the arguments and runs a headless command, or says to start the GUI.
pub fn run<I, T>(args: I) -> Action
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            let code = if error.use_stderr() { EXIT_INVALID_INPUT } else { 0 };
            return Action::Exit(ExitCode::from(code));
        }
    };
    match cli.command {
        None => Action::Gui(GuiStart { file: cli.file, presentation: cli.presentation, language: cli.language }),
        Some(Command::Open { file }) => Action::Gui(GuiStart { file: Some(file), ..GuiStart::default() }),
        Some(Command::Validate { file }) => Action::Exit(validate_command(&file)),
        Some(Command::Simulate { file, scenarios, format, output, runs, seed }) => {
            let request =
                SimulateRequest { wanted: &scenarios, format, output: output.as_deref(), runs: runs.map(|n| (n, seed)) };
            Action::Exit(simulate_command(&file, &request))
        }
        Some(Command::Import { plan, measures, regions, sheet, remove_missing, dry_run: _, output }) => {
            let tables = import::Tables { measures, regions, sheet, remove_missing };
            Action::Exit(import::import_command(&plan, &tables, output.as_deref()))
        }
        Some(Command::Optimize { file, scenario, domains, max_shortage_place_months, time_limit, output }) => {
            let request = OptimizeRequest { scenario_id: scenario, domain_ids: domains, max_shortage_place_months };
            Action::Exit(optimize_command(&file, &request, time_limit, output.as_deref()))
        }
        Some(Command::Diff { old, new, format, language }) => Action::Exit(versions::diff_command(&old, &new, format, language)),
        Some(Command::Merge { base, ours, theirs, output, prefer }) => {
            let files = versions::MergeFiles { base: &base, ours: &ours, theirs: &theirs };
            Action::Exit(versions::merge_command(&files, &output, prefer))
        }
        Some(Command::Report { plan, output, scenarios, language }) => {
            Action::Exit(report::report_command(&plan, &output, &scenarios, language))
        }
        Some(Command::Schema) => {
            print!("{}", crate::schema::plan_schema_text());
            Action::Exit(ExitCode::SUCCESS)
        }
    }
}

fn validate_command(file: &std::path::Path) -> ExitCode {
    match load_file(file) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                eprintln!("warning: {}: {warning}", file.display());
            }
            let plan = &loaded.plan;
            println!(
                "{}: valid plan ({} regions, {} domains, {} measures, {} scenarios; {} warnings)",
                file.display(),
                plan.regions.len(),
                plan.domains.len(),
                plan.measures.len(),
                plan.scenarios.len(),
                loaded.warnings.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            let count = error.errors().count();
            eprintln!("{}: invalid plan: {count} error{}", file.display(), if count == 1 { "" } else { "s" });
            ExitCode::from(EXIT_INVALID_INPUT)
        }
    }
}

/// What `simulate` was asked for.
struct SimulateRequest<'a> {
    wanted: &'a [String],
    format: OutputFormat,
    output: Option<&'a std::path::Path>,
    runs: Option<(u32, u64)>,
}

/// Loads `file`, printing its warnings; on errors prints them and gives exit code 2.
fn load_reporting_warnings(file: &std::path::Path) -> Result<crate::io::Loaded, ExitCode> {
    let loaded = load_file(file).map_err(|error| {
        eprintln!("{error}");
        ExitCode::from(EXIT_INVALID_INPUT)
    })?;
    for warning in &loaded.warnings {
        eprintln!("warning: {}: {warning}", file.display());
    }
    Ok(loaded)
}

fn simulate_command(file: &std::path::Path, request: &SimulateRequest) -> ExitCode {
    // SPEC §9: the plan that is read is never written over; refused before any work.
    if let Some(Err(error)) = request.output.map(|path| check_not_an_input(path, &[file])) {
        eprintln!("error: --output: {error}");
        return ExitCode::from(EXIT_INVALID_INPUT);
    }
    let loaded = match load_reporting_warnings(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let plan = &loaded.plan;
    let mut chosen = Vec::new();
    let mut unknown = false;
    for id in request.wanted {
        match plan.scenarios.iter().position(|s| s.id == *id) {
            Some(index) => chosen.push(index),
            None => {
                let known: Vec<String> = plan.scenarios.iter().map(|s| format!("{:?}", s.id)).collect();
                eprintln!(
                    "error: {}: --scenario: no scenario with id {id:?} (expected one of {})",
                    file.display(),
                    known.join(", ")
                );
                unknown = true;
            }
        }
    }
    if unknown {
        return ExitCode::from(EXIT_INVALID_INPUT);
    }
    if request.wanted.is_empty() {
        chosen = (0..plan.scenarios.len()).collect();
    }
    // Scenario by scenario: only one scenario's results are in memory at a time (SPEC §9).
    let frame = results_frame(plan);
    let control = RunControl::default();
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        let simulate = |index: usize| {
            simulate_one(plan, index, request.runs, &control).ok_or_else(|| std::io::Error::other("the computation stopped"))
        };
        match request.format {
            OutputFormat::Json => {
                let mut stream = ResultsJsonStream::begin(&frame, out)?;
                for &index in &chosen {
                    stream.scenario(&frame, &simulate(index)?)?;
                }
                stream.end()
            }
            OutputFormat::Csv | OutputFormat::CsvDe => {
                let dialect = if request.format == OutputFormat::Csv { CsvDialect::Standard } else { CsvDialect::German };
                let mut stream = ResultsCsvStream::begin(&frame, dialect, out)?;
                for &index in &chosen {
                    stream.scenario(&frame, &simulate(index)?)?;
                }
                stream.end()
            }
        }
    };
    let delivered = match request.output {
        Some(path) => match write_output_with(path, &[file], write) {
            Err(error @ SaveError::OutputIsInput { .. }) => {
                eprintln!("error: --output: {error}");
                return ExitCode::from(EXIT_INVALID_INPUT);
            }
            other => other.map_err(|e| format!("error: {e}")),
        },
        None => {
            let mut stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            write(&mut stdout).and_then(|()| stdout.flush()).map_err(|e| format!("error: standard output: {e}"))
        }
    };
    match delivered {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn optimize_command(file: &Path, request: &OptimizeRequest, time_limit_seconds: f64, output: Option<&Path>) -> ExitCode {
    let invalid = |message: String| {
        eprintln!("error: {}: {message}", file.display());
        ExitCode::from(EXIT_INVALID_INPUT)
    };
    let limit = request.max_shortage_place_months;
    if !limit.is_finite() || limit < 0.0 {
        return invalid(format!("--max-shortage-place-months: {limit} is not a finite number ≥ 0"));
    }
    if !time_limit_seconds.is_finite() || time_limit_seconds < 0.0 {
        return invalid(format!("--time-limit: {time_limit_seconds} is not a finite number of seconds ≥ 0"));
    }
    if let Some(Err(error)) = output.map(|path| check_not_an_input(path, &[file])) {
        return invalid(format!("--output: {error}"));
    }
    let loaded = match load_reporting_warnings(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    // A limit too large for a `Duration` is no limit.
    let control = SearchControl { time_limit: Duration::try_from_secs_f64(time_limit_seconds).ok(), ..SearchControl::default() };
    let optimization = match optimize(&loaded.plan, request, &control) {
        Ok(optimization) => optimization,
        Err(error) => return invalid(error.to_string()),
    };
    let mut bytes = match serde_json::to_vec_pretty(&optimization_to_json(&optimization)) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: {}: cannot write the result: {error}", file.display());
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    bytes.push(b'\n');
    deliver(&bytes, output)
}

/// Writes `bytes` to `output` atomically, or to standard output; exit 1 when that fails.
/// Says why `--output` could not be written and gives the exit code: 2 when it names an input
/// file (SPEC §9), else 1.
fn output_failure(error: SaveError) -> ExitCode {
    match error {
        SaveError::OutputIsInput { .. } => {
            eprintln!("error: --output: {error}");
            ExitCode::from(EXIT_INVALID_INPUT)
        }
        error => {
            eprintln!("error: {error}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn deliver(bytes: &[u8], output: Option<&Path>) -> ExitCode {
    let delivered = match output {
        Some(path) => write_output(path, bytes, &[]).map_err(|e| format!("error: {e}")),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes).and_then(|()| stdout.flush()).map_err(|e| format!("error: standard output: {e}"))
        }
    };
    match delivered {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start_of(args: &[&str]) -> Option<GuiStart> {
        let args = std::iter::once("integrationsplan").chain(args.iter().copied()).map(std::ffi::OsString::from);
        match run(args) {
            Action::Gui(start) => Some(start),
            Action::Exit(_) => None,
        }
    }

    #[test]
    fn the_gui_starts_in_presentation_mode_and_a_language_when_asked() {
        assert_eq!(start_of(&[]), Some(GuiStart::default()));
        let start = start_of(&["--presentation", "--language", "en", "plan.json"]).expect("starts the GUI");
        assert_eq!(start.file, Some(PathBuf::from("plan.json")));
        assert!(start.presentation);
        assert_eq!(start.language, Some(StartLanguage::En));
        assert_eq!(start_of(&["--language", "de"]).and_then(|s| s.language), Some(StartLanguage::De));
        assert_eq!(start_of(&["--language", "fr"]), None, "an unknown language is refused");
    }
}
