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

/// One problem, with the path of the field it concerns (`measures[3].end`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// Field path in JSON-pointer-like form; empty for the document as a whole.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Issue {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Issue { severity: Severity::Error, path: path.into(), message: message.into() }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Issue { severity: Severity::Warning, path: path.into(), message: message.into() }
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
        assert_eq!(Issue::error("x.y", "bad").to_string(), "x.y: bad");
    }
}
