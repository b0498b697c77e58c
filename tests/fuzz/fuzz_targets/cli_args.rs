//! The command line's argument handling with arbitrary arguments (split at NUL bytes). Commands
//! that would read a file get a fuzzed path, which does not exist or is a folder: every outcome
//! must be an exit code, never a panic. `open` and no command (the GUI) are only parsed.
#![no_main]

use integrationsplan::cli::{Action, run};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut args: Vec<String> = vec!["integrationsplan".into()];
    args.extend(text.split('\0').take(8).map(str::to_owned));
    // Never write outside a scratch folder, never print the schema thousands of times.
    if args.iter().any(|a| a.starts_with("--output") || a == "-o" || a == "schema") {
        return;
    }
    match run(args) {
        Action::Gui(_) | Action::Exit(_) => {}
    }
});
