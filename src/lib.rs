//! Integrationsplan: plans places in Kitas, schools, housing and language courses for newcomers.
//!
//! The core is free of any GUI: [`model`] holds the plan, [`io`] reads and writes plan files
//! (every error named with its field path), [`validate`] checks the rules of the format,
//! [`import`] reads measures and regions from spreadsheet tables,
//! [`versions`] compares and merges versions of a plan,
//! [`engine`] turns a plan into demand, capacity and shortage curves, [`optimize`] finds the
//! cheapest mix of open measures that closes a gap, and [`cli`] prints them.
//! [`about`] holds the version, licence and data sources that the "Über" dialog and installers show.
//! The `ui` module (feature `gui`) draws all of this with egui.

pub mod about;
pub mod cli;
pub mod domain_words;
pub mod engine;
pub mod exchange;
pub mod format;
pub mod geo;
pub mod import;
pub mod io;
pub mod issue;
mod issue_kind;
pub mod language;
pub mod model;
pub mod optimize;
pub mod picture;
pub mod ranking;
pub mod report;
pub mod sample;
pub mod schema;
pub mod synthetic;
#[cfg(feature = "gui")]
pub mod ui;
pub mod validate;
pub mod versions;

pub use engine::{Results, simulate};
pub use issue::{Issue, Severity};
pub use model::Plan;
