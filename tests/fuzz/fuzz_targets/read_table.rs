//! Any bytes as a table file: the first byte picks the extension the file is named with
//! (`xlsx`, `ods`, `csv`, `xlsb`, `xls`, none), the rest is the file. Read it (zip check, sparse
//! cells, limits), then preview it as measures and as regions against the sample plan. Nothing
//! may panic; a table that is read stays within the limits; every error has both messages.
#![no_main]

use integrationsplan::import::{
    ImportOptions, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, TableKind, preview, read_table_bytes,
};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn plan() -> &'static integrationsplan::model::Plan {
    static PLAN: OnceLock<integrationsplan::model::Plan> = OnceLock::new();
    PLAN.get_or_init(|| integrationsplan::sample::nrw_2025().expect("the sample loads").plan)
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let extension = ["xlsx", "ods", "csv", "xlsb", "xls", ""][usize::from(pick) % 6];
    match read_table_bytes("fuzz", bytes, extension, None) {
        Ok(table) => {
            assert!(table.rows.len() <= MAX_TABLE_ROWS);
            assert!(table.rows.iter().all(|row| row.len() <= MAX_TABLE_COLUMNS));
            for kind in [TableKind::Measures, TableKind::Regions] {
                match preview(plan(), &table, kind, &ImportOptions::default()) {
                    Ok(preview) => {
                        let _ = (preview.summary_en(), preview.summary_de(), preview.apply(plan()));
                        for problem in &preview.problems {
                            let _ = (problem.message_en(), problem.message_de());
                        }
                    }
                    Err(error) => {
                        let _ = (error.to_string(), error.message_de());
                    }
                }
            }
        }
        Err(error) => {
            let _ = (error.to_string(), error.message_de());
        }
    }
});
