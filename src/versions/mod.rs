//! Versions of a plan (SPEC §12): compare two plans by meaning and merge two changed versions
//! of one base. No GUI: the command line's `diff` and `merge` and the window share it.
//!
//! - [`canonical`]: a plan's meaning as JSON (defaults written, numbers by value, keys and sets
//!   sorted, version bookkeeping of `meta` left out).
//! - [`diff_plans`]: the [`Change`]s from one plan to another, items matched by id (by year in
//!   `budget`), in a fixed order; [`Change::describe`] words one for people.
//! - [`merge_plans`]: every change of BASE→OURS and BASE→THEIRS; conflicts are listed and
//!   resolved one by one ([`MergeOutcome::resolve`]) or all for one side.
//! - [`lineage`]: the version ids every save of the window writes into `meta`, and where a plan
//!   comes from; [`store`]: the versions the program saved or opened, and the common original
//!   of two of them ([`VersionStore::find_base`]).

pub mod canonical;
mod diff;
pub mod lineage;
mod merge;
pub mod store;
mod words;

pub use canonical::{IGNORED_META_FIELDS, canonical, canonical_value};
pub use diff::{Change, List, Op, Section, Target, diff_plans, diff_to_json, diff_values};
pub use lineage::{Lineage, content_hash};
pub use merge::{Conflict, ConflictKind, MergeError, MergeOutcome, Side, merge_plans};
pub use store::{StoreLimits, StoredVersion, VersionStore};
pub use words::{escape_controls, field_word, item_word, no_changes, section_word, shortest, target_label, value_text};
