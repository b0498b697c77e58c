//! Reading plan files: size limit, encoding, JSON syntax, version, decoding and validation.

use super::decode::decode_plan;
use crate::issue::{Found, Issue, IssueKind};
use crate::model::{FORMAT_NAME, FORMAT_VERSION, Plan};
use crate::validate::validate;
use serde_json::Value;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Largest plan file accepted, in bytes (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A plan that loaded, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The plan, valid by every rule of SPEC §2.
    pub plan: Plan,
    /// Warnings (unknown fields, …).
    pub warnings: Vec<Issue>,
}

/// Why a plan could not be loaded: every problem found, each with its field path.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file (or source name) that failed.
    pub file: String,
    /// Errors first, then warnings; never empty of errors.
    pub issues: Vec<Issue>,
    /// What could be read of the plan (bad values replaced by defaults), so that a window can
    /// name the fields by their names ("Region Köln") instead of their paths; `None` when the
    /// file is not a JSON object at all.
    pub partial: Option<Box<Plan>>,
}

impl LoadError {
    fn single(file: &str, kind: IssueKind) -> Self {
        LoadError { file: file.to_owned(), issues: vec![Issue::error("", kind)], partial: None }
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }
}

impl fmt::Display for LoadError {
    /// One line per problem: `file: path: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for issue in &self.issues {
            if !first {
                writeln!(f)?;
            }
            first = false;
            let kind = if issue.is_error() { "error" } else { "warning" };
            write!(f, "{kind}: {}: {issue}", self.file)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Loads a plan file; never panics and never reads more than [`MAX_FILE_BYTES`] + 1 bytes.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| LoadError::single(&name, IssueKind::CannotOpen { reason: e.to_string() }))?;
    if let Ok(metadata) = file.metadata() {
        if metadata.is_dir() {
            return Err(LoadError::single(&name, IssueKind::IsFolder));
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(too_large(&name, metadata.len()));
        }
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::single(&name, IssueKind::CannotRead { reason: e.to_string() }))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(&name, bytes.len() as u64));
    }
    load_bytes(&bytes, &name)
}

fn too_large(name: &str, bytes: u64) -> LoadError {
    LoadError::single(
        name,
        IssueKind::FileTooLarge { bytes },
    )
}

/// Loads a plan from bytes; `name` is used in messages.
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(name, bytes.len() as u64));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some((encoding, how)) = wide_encoding(bytes) {
        return Err(LoadError::single(
            name,
            IssueKind::WideEncoding { encoding: encoding.to_string(), how: how.to_string() },
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        LoadError::single(
            name,
            IssueKind::NotUtf8 { offset: e.valid_up_to() },
        )
    })?;
    load_str(text, name)
}

/// Names the encoding (and how it was recognised) of a file written in UTF-16 or UTF-32, recognised by its byte-order mark
/// or, without one, by the zero bytes that ASCII characters such as `{` have in those encodings
/// (a JSON file in UTF-8 never contains a zero byte).
fn wide_encoding(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    let at = |i: usize| bytes.get(i).copied();
    let zero = |i: usize| at(i) == Some(0);
    let text = |i: usize| at(i).is_some_and(|b| b != 0);
    Some(match bytes {
        [0xFF, 0xFE, 0, 0, ..] => ("UTF-32", "little-endian, byte-order mark FF FE 00 00"),
        [0, 0, 0xFE, 0xFF, ..] => ("UTF-32", "big-endian, byte-order mark 00 00 FE FF"),
        [0xFF, 0xFE, ..] => ("UTF-16", "little-endian, byte-order mark FF FE"),
        [0xFE, 0xFF, ..] => ("UTF-16", "big-endian, byte-order mark FE FF"),
        _ if text(0) && zero(1) && zero(2) && zero(3) => ("UTF-32", "little-endian, no byte-order mark"),
        _ if zero(0) && zero(1) && zero(2) && text(3) => ("UTF-32", "big-endian, no byte-order mark"),
        _ if text(0) && zero(1) => ("UTF-16", "little-endian, no byte-order mark"),
        _ if zero(0) && text(1) => ("UTF-16", "big-endian, no byte-order mark"),
        _ => return None,
    })
}

/// Loads a plan from JSON text; `name` is used in messages.
pub fn load_str(text: &str, name: &str) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::single(name, IssueKind::EmptyFile));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let eof = e.classify() == serde_json::error::Category::Eof;
        // serde_json appends "at line L column C" itself; the position is given once, up front.
        let full = e.to_string();
        let reason = full.rsplit_once(" at line ").map_or(full.as_str(), |(reason, _)| reason).to_owned();
        LoadError::single(name, IssueKind::JsonSyntax { eof, line: e.line(), column: e.column(), reason })
    })?;
    from_value(&value, name)
}

/// Checks format and version, decodes and validates a parsed document.
pub fn from_value(value: &Value, name: &str) -> Result<Loaded, LoadError> {
    let Value::Object(map) = value else {
        return Err(LoadError::single(
            name,
            IssueKind::NotAPlan { found: Found::of(value) },
        ));
    };
    let mut issues = Vec::new();
    match map.get("format") {
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        Some(other) => issues.push(Issue::error(
            "format",
            IssueKind::WrongFormat { found: Found::of(other) },
        )),
        None => issues
            .push(Issue::error("format", IssueKind::FormatMissing)),
    }
    match map.get("version") {
        Some(Value::Number(n)) if whole_number(n).is_some() => {
            let version = whole_number(n).unwrap_or(0);
            if version > FORMAT_VERSION {
                issues.push(Issue::error(
                    "version",
                    IssueKind::NewerVersion { version },
                ));
                return Err(LoadError { file: name.to_owned(), issues, partial: None });
            }
            // Versions below 1 do not exist yet; migration would go here.
            if version < 1 {
                issues.push(Issue::error("version", IssueKind::UnknownVersion { version }));
            }
        }
        Some(other) => issues.push(Issue::error("version", IssueKind::VersionNotWhole { found: Found::of(other) })),
        None => issues.push(Issue::error("version", IssueKind::VersionMissing)),
    }
    let plan = decode_plan(value, &mut issues);
    let decoding_failed = issues.iter().any(Issue::is_error);
    // Range and reference rules run on the decoded plan even after type errors, so that one pass
    // reports as much as possible; type errors have already replaced bad values by defaults,
    // which can only add follow-up errors on fields already named.
    let mut rule_issues = validate(&plan);
    if decoding_failed {
        rule_issues.retain(|rule| !issues.iter().any(|t| t.is_error() && lies_under(&rule.path, &t.path)));
        // A list that could not be read at all would make every reference to it dangle.
        for (list, follow_up) in FOLLOW_UPS {
            if issues.iter().any(|t| t.is_error() && t.path == *list) {
                rule_issues.retain(|rule| !follow_up(rule));
            }
        }
    }
    issues.extend(rule_issues);
    if issues.iter().any(Issue::is_error) {
        issues.sort_by_key(|i| i.severity);
        return Err(LoadError { file: name.to_owned(), issues, partial: Some(Box::new(plan)) });
    }
    Ok(Loaded { plan, warnings: issues })
}

/// Tells whether a rule issue only follows from some list being unreadable.
type FollowUp = fn(&Issue) -> bool;

/// Per top-level list: the rule issues that only follow from that list being unreadable.
const FOLLOW_UPS: &[(&str, FollowUp)] = &[
    ("regions", |i| matches!(i.kind, IssueKind::UnknownRegion { .. }) || i.path.starts_with("distribution")),
    ("domains", |i| matches!(i.kind, IssueKind::UnknownDomain { .. })),
    ("measures", |i| matches!(i.kind, IssueKind::UnknownMeasure { .. })),
];

/// Whether `path` is `parent` or a field or entry inside it (`measures[1].end` lies under
/// `measures[1]`, `measures[10]` does not).
fn lies_under(path: &str, parent: &str) -> bool {
    parent.is_empty()
        || path.strip_prefix(parent).is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// A JSON number that is a whole number ≥ 0 (`1` or `1.0`).
fn whole_number(n: &serde_json::Number) -> Option<u64> {
    n.as_u64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 9e15).map(|f| f as u64))
}
