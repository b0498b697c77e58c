//! Plan files in and out: loading with every error named, atomic saving, result exports.

mod decode;
mod encode;
mod export;
mod labelled;
mod load;
mod measures_table;
mod output;
mod recovery;
mod save;
mod temp;
mod xlsx;

pub use decode::describe;
pub use encode::{encode_plan, number};
pub use export::{
    CsvDialect, ResultsCsvStream, ResultsJson, ResultsJsonStream, finite, format_csv_number, results_to_json, spreadsheet_text,
    write_results_csv,
};
pub use labelled::{LABELLED_HEADERS, LABELLED_STATE_ROW, Labels, whole_places, write_labelled_results_csv};
pub use load::{LoadError, Loaded, MAX_FILE_BYTES, from_value, load_bytes, load_file, load_str};
pub use measures_table::{MEASURES_SHEET, measures_xlsx_bytes, save_measures_xlsx};
pub use output::{check_not_an_input, same_file, write_output, write_output_with};
pub use recovery::{RECOVERY_FILE_NAME, Recovered, RecoveryFile};
pub use save::{SaveError, SaveStep, backup_path, plan_to_string, save_plan, write_atomically, write_atomically_with_faults};
pub use xlsx::{
    BUDGET_HEADERS, BUDGET_SHEET, CUT_NOTE, GROUPS_HEADERS, GROUPS_SHEET, LABELLED_SCENARIO_HEADERS, MAX_CELL_CHARS, STATE_ROW,
    SUMMARY_SHEET, XlsxExportError, cell_text, labelled_results_xlsx_bytes, results_xlsx_bytes, save_labelled_results_xlsx,
    save_results_xlsx,
};
