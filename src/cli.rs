//! The command line of SPEC §4: `validate`, `simulate`, `schema`, and opening the GUI.

use crate::engine::simulate_scenarios;
use crate::io::{CsvDialect, ResultsJson, SaveError, check_not_an_input, load_file, write_output, write_results_csv};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code for invalid input: unreadable file, invalid plan, unknown scenario id, bad arguments.
pub const EXIT_INVALID_INPUT: u8 = 2;
/// Exit code for any other failure.
pub const EXIT_FAILURE: u8 = 1;

/// Integrationsplan: places for newcomers in Kitas, schools and housing, under intake scenarios.
#[derive(Debug, Parser)]
#[command(name = "integrationsplan", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command the GUI opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A plan file to open in the GUI.
    pub file: Option<PathBuf>,
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
    },
    /// Print the JSON Schema of the plan file.
    Schema,
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
    Gui(Option<PathBuf>),
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
        None => Action::Gui(cli.file),
        Some(Command::Open { file }) => Action::Gui(Some(file)),
        Some(Command::Validate { file }) => Action::Exit(validate_command(&file)),
        Some(Command::Simulate { file, scenarios, format, output }) => {
            Action::Exit(simulate_command(&file, &scenarios, format, output.as_deref()))
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

fn simulate_command(
    file: &std::path::Path,
    wanted: &[String],
    format: OutputFormat,
    output: Option<&std::path::Path>,
) -> ExitCode {
    // SPEC §9: the plan that is read is never written over; refused before any work.
    if let Some(Err(error)) = output.map(|path| check_not_an_input(path, &[file])) {
        eprintln!("error: {error}");
        return ExitCode::from(EXIT_INVALID_INPUT);
    }
    let loaded = match load_file(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(EXIT_INVALID_INPUT);
        }
    };
    for warning in &loaded.warnings {
        eprintln!("warning: {}: {warning}", file.display());
    }
    let plan = &loaded.plan;
    let mut chosen = Vec::new();
    let mut unknown = false;
    for id in wanted {
        match plan.scenarios.iter().find(|s| s.id == *id) {
            Some(scenario) => chosen.push(scenario),
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
    if wanted.is_empty() {
        chosen = plan.scenarios.iter().collect();
    }
    let results = simulate_scenarios(plan, &chosen);
    let mut bytes = Vec::new();
    let written = match format {
        OutputFormat::Json => serde_json::to_writer(&mut bytes, &ResultsJson(&results))
            .map_err(std::io::Error::other)
            .and_then(|()| bytes.write_all(b"\n")),
        OutputFormat::Csv => write_results_csv(&results, CsvDialect::Standard, &mut bytes),
        OutputFormat::CsvDe => write_results_csv(&results, CsvDialect::German, &mut bytes),
    };
    if let Err(error) = written {
        eprintln!("error: {}: cannot write the results: {error}", file.display());
        return ExitCode::from(EXIT_FAILURE);
    }
    let delivered = match output {
        Some(path) => match write_output(path, &bytes, &[file]) {
            Err(error @ SaveError::OutputIsInput { .. }) => {
                eprintln!("error: {error}");
                return ExitCode::from(EXIT_INVALID_INPUT);
            }
            other => other.map_err(|e| e.to_string()),
        },
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes).and_then(|()| stdout.flush()).map_err(|e| format!("error: standard output: {e}"))
        }
    };
    match delivered {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let message = if message.starts_with("error: ") { message } else { format!("error: {message}") };
            eprintln!("{message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}
