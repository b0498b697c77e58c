//! The `integrationsplan` binary: the command line, or the GUI when no command is given.

use integrationsplan::cli::{Action, run};
use std::process::ExitCode;

/// mimalloc: loading and saving large plans allocate many small strings and maps, where the
/// system allocator of glibc spends a third of the time (see docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run(std::env::args_os()) {
        Action::Exit(code) => code,
        Action::Gui(start) => start_gui(start),
    }
}

#[cfg(feature = "gui")]
fn start_gui(start: integrationsplan::cli::GuiStart) -> ExitCode {
    match integrationsplan::ui::run(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot start the window: {error}");
            ExitCode::from(integrationsplan::cli::EXIT_FAILURE)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn start_gui(_start: integrationsplan::cli::GuiStart) -> ExitCode {
    eprintln!("error: this build has no GUI (built without the `gui` feature); use validate, simulate or schema");
    ExitCode::from(integrationsplan::cli::EXIT_FAILURE)
}
