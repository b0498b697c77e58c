//! Problems found in a plan: errors make it unusable, warnings are information.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The plan cannot be used until this is fixed.
    Error,
    /// The plan works; the user should know (e.g. an unknown field that is kept).
    Warning,
}

pub use crate::issue_kind::{Expected, Found, IssueKind, RegionTotal};

/// One problem, with the path of the field it concerns (`measures[3].end`).
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// Field path in JSON-pointer-like form; empty for the document as a whole.
    pub path: String,
    /// What is wrong, as a value (worded by each front end).
    pub kind: IssueKind,
    /// What is wrong and what was expected, in English (the command line's words).
    pub message: String,
}

impl Issue {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, kind: IssueKind) -> Self {
        Issue { severity: Severity::Error, path: path.into(), message: kind.english(), kind }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, kind: IssueKind) -> Self {
        Issue { severity: Severity::Warning, path: path.into(), message: kind.english(), kind }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Issue {
    /// `path: message`, or just the message for the whole document.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() { write!(f, "{}", self.message) } else { write!(f, "{}: {}", self.path, self.message) }
    }
}

/// Appends an object key to a field path: `.key`, or `["key"]` when the key is not a plain word.
pub fn key_path(parent: &str, key: &str) -> String {
    let plain = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '+'));
    match (parent.is_empty(), plain) {
        (true, true) => key.to_owned(),
        (false, true) => format!("{parent}.{key}"),
        (_, false) => format!("{parent}[{}]", serde_json::Value::from(key)),
    }
}

/// A field path that is written out only when a message needs it (loading a large plan builds
/// no path strings for the fields that are fine).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldPath<'a> {
    /// A path already written out.
    Whole(&'a str),
    /// `parent.key`, as [`key_path`] writes it.
    Field(&'a str, &'a str),
}

impl FieldPath<'_> {
    /// The path as text.
    pub fn text(self) -> String {
        match self {
            FieldPath::Whole(path) => path.to_owned(),
            FieldPath::Field(parent, key) => key_path(parent, key),
        }
    }
}

impl<'a> From<&'a str> for FieldPath<'a> {
    fn from(path: &'a str) -> Self {
        FieldPath::Whole(path)
    }
}

impl<'a> From<&'a String> for FieldPath<'a> {
    fn from(path: &'a String) -> Self {
        FieldPath::Whole(path)
    }
}

/// Appends an array index to a field path: `[3]`.
pub fn index_path(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_the_spec() {
        assert_eq!(index_path(&key_path("", "measures"), 3), "measures[3]");
        assert_eq!(key_path(&index_path("measures", 3), "end"), "measures[3].end");
        assert_eq!(key_path("domains[0].rates", "3-5"), "domains[0].rates.3-5");
        assert_eq!(key_path("regions[0].capacity", "a b"), "regions[0].capacity[\"a b\"]");
        assert_eq!(Issue::error("x.y", IssueKind::IdEmpty).to_string(), "x.y: is empty (expected a non-empty id)");
    }
}
