//! What is wrong with a field, as a value: the loader and `validate` report an [`IssueKind`] with
//! the offending text, and each front end words it — the command line in English (exactly the
//! messages of SPEC §2), the window in the planner's language ([`IssueKind::german`]).

use crate::format::german_number;
use serde_json::Value;

/// A JSON value as found in a file, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Found {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string: its first 60 characters, and whether it was longer.
    Text {
        /// The shown part.
        shown: String,
        /// Whether the string was cut.
        cut: bool,
    },
    /// A list.
    List,
    /// An object.
    Object,
}

impl Found {
    /// Describes `value`.
    pub fn of(value: &Value) -> Found {
        match value {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::String(s) => Found::Text { shown: s.chars().take(60).collect(), cut: s.chars().count() > 60 },
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }

    /// `the string "x"`, `the number 5`, `a list` …
    pub fn english(&self) -> String {
        match self {
            Found::Null => "null".to_owned(),
            Found::Bool(b) => b.to_string(),
            Found::Number(n) => format!("the number {n}"),
            Found::Text { shown, cut } => format!("the string {}{}", Value::from(shown.as_str()), if *cut { "…" } else { "" }),
            Found::List => "a list".to_owned(),
            Found::Object => "an object".to_owned(),
        }
    }

    /// `„x“`, `die Zahl 5`, `eine Liste` …
    pub fn german(&self) -> String {
        match self {
            Found::Null => "null (leer)".to_owned(),
            Found::Bool(true) => "wahr".to_owned(),
            Found::Bool(false) => "falsch".to_owned(),
            Found::Number(n) => format!("die Zahl {}", n.replace('.', ",")),
            Found::Text { shown, cut } => format!("„{shown}{}“", if *cut { "…" } else { "" }),
            Found::List => "eine Liste".to_owned(),
            Found::Object => "ein Objekt".to_owned(),
        }
    }
}

/// What a field should have held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expected {
    /// An object.
    Object,
    /// A list.
    List,
    /// A string.
    Text,
    /// A number.
    Number,
    /// A month `"YYYY-MM"`.
    Month,
    /// A whole number within a range.
    WholeNumber {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// The horizon object.
    Horizon,
    /// An object of age band → rate.
    Rates,
    /// An object of age band → share.
    Shares,
    /// A list of arrivals steps.
    Arrivals,
    /// A calendar year.
    Year,
}

impl Expected {
    /// English words, as in the messages of SPEC §2.
    pub fn english(self) -> String {
        match self {
            Expected::Object => "an object".to_owned(),
            Expected::List => "a list".to_owned(),
            Expected::Text => "a string".to_owned(),
            Expected::Number => "a number".to_owned(),
            Expected::Month => "a month \"YYYY-MM\"".to_owned(),
            Expected::WholeNumber { min, max } => format!("a whole number from {min} to {max}"),
            Expected::Horizon => "an object with start and months".to_owned(),
            Expected::Rates => "an object of age band → rate".to_owned(),
            Expected::Shares => "an object of age band → share".to_owned(),
            Expected::Arrivals => "a list of {from, per_month}".to_owned(),
            Expected::Year => "a whole number (a calendar year)".to_owned(),
        }
    }

    /// German words.
    pub fn german(self) -> String {
        match self {
            Expected::Object => "ein Objekt".to_owned(),
            Expected::List => "eine Liste".to_owned(),
            Expected::Text => "ein Text".to_owned(),
            Expected::Number => "eine Zahl".to_owned(),
            Expected::Month => "ein Monat MM/JJJJ".to_owned(),
            Expected::WholeNumber { min, max } => format!("eine ganze Zahl von {min} bis {max}"),
            Expected::Horizon => "Beginn und Anzahl der Monate".to_owned(),
            Expected::Rates => "Quoten je Altersgruppe".to_owned(),
            Expected::Shares => "Anteile je Altersgruppe".to_owned(),
            Expected::Arrivals => "eine Liste von Zugängen (ab Monat, je Monat)".to_owned(),
            Expected::Year => "ein Kalenderjahr".to_owned(),
        }
    }

    /// A short noun for "is not a …" messages in German.
    fn german_not(self) -> &'static str {
        match self {
            Expected::Number => "keine Zahl",
            Expected::Text => "kein Text",
            Expected::Month => "kein Monat (erwartet MM/JJJJ)",
            Expected::List => "keine Liste",
            Expected::WholeNumber { .. } | Expected::Year => "keine ganze Zahl",
            _ => "nicht das Erwartete",
        }
    }
}

/// Which sum of the regions is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionTotal {
    /// The population weight is positive but Σ population is 0.
    Population,
    /// The area weight is positive but Σ area is 0.
    Area,
    /// A cap is set but Σ population is 0.
    PopulationForCap,
}

/// A problem with a field (or the whole file), with the values needed to word it.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    /// A required field is missing.
    Missing(Expected),
    /// The field has the wrong type.
    WrongType {
        /// What it should be.
        expected: Expected,
        /// What it is.
        found: Found,
    },
    /// A number that is not finite.
    NotFinite,
    /// A whole number outside its range.
    WholeNumberOutOfRange {
        /// The number as written.
        value: String,
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A string that is not a month.
    NotAMonth {
        /// The text.
        text: String,
    },
    /// A field this version does not know (kept).
    UnknownField,
    /// Not one of the funding words.
    NotAFundingState {
        /// What was found.
        found: Found,
    },
    /// A weight given together with `shares`.
    WeightWithShares,
    /// An empty id.
    IdEmpty,
    /// An id longer than 100 characters.
    IdTooLong {
        /// Its length.
        chars: usize,
    },
    /// An id used twice.
    DuplicateId {
        /// The id.
        id: String,
        /// The list (`regions`, …).
        list: String,
        /// Index of its first use.
        first: usize,
    },
    /// Fewer entries than allowed.
    TooFew {
        /// Entries found.
        count: usize,
        /// Least allowed.
        min: usize,
    },
    /// More entries than allowed.
    TooMany {
        /// Entries found.
        count: usize,
        /// Most allowed.
        max: usize,
    },
    /// A negative number where ≥ 0 is needed.
    Negative {
        /// The value.
        value: f64,
    },
    /// |value| above a limit of SPEC §9.
    TooLargeMagnitude {
        /// The value.
        value: f64,
        /// The limit.
        max: f64,
    },
    /// A value above a limit of SPEC §9.
    TooLarge {
        /// The value.
        value: f64,
        /// The limit.
        max: f64,
    },
    /// Not > 0.
    NotPositive {
        /// The value.
        value: f64,
    },
    /// A rate outside 0 … 1.
    RateOutOfRange {
        /// The value.
        value: f64,
    },
    /// A leave rate outside 0 ≤ r < 1.
    LeaveRateOutOfRange {
        /// The value.
        value: f64,
    },
    /// An upper leave rate that is not below 1.
    RateNotBelowOne {
        /// The value.
        value: f64,
    },
    /// A latitude outside −90 … 90.
    LatitudeOutOfRange {
        /// The value.
        value: f64,
    },
    /// A longitude outside −180 … 180.
    LongitudeOutOfRange {
        /// The value.
        value: f64,
    },
    /// A negative free capacity (a warning).
    NegativeCapacity {
        /// The value.
        value: f64,
    },
    /// The model is larger than SPEC §9 allows.
    ModelTooLarge {
        /// Regions.
        regions: usize,
        /// Months.
        months: u32,
        /// Domains.
        domains: usize,
        /// Scenarios, when the product over all scenarios is meant.
        scenarios: Option<usize>,
        /// The product.
        cells: u64,
        /// The limit.
        limit: u64,
    },
    /// No domain with this id.
    UnknownDomain {
        /// The id.
        id: String,
    },
    /// No region with this id.
    UnknownRegion {
        /// The id.
        id: String,
        /// Whether null (state-wide) would be allowed here.
        statewide_allowed: bool,
    },
    /// No measure with this id.
    UnknownMeasure {
        /// The id.
        id: String,
    },
    /// The weights add up to 0.
    WeightsSumZero,
    /// A positive weight or a cap without the regions' total it needs.
    RegionTotalZero(RegionTotal),
    /// The shares of the distribution add up to 0.
    DistributionSharesZero,
    /// `months_since_arrival.to` is not after `from` (SPEC §10).
    WindowEndNotAfterStart {
        /// The window's `from`.
        from: u32,
        /// The window's `to`.
        to: u32,
    },
    /// A measure ends before it starts.
    EndBeforeStart {
        /// The end month.
        end: String,
        /// The start month.
        start: String,
    },
    /// Two arrivals steps in one month.
    DuplicateArrivalMonth {
        /// The month.
        month: String,
        /// Index of the first.
        first: usize,
    },
    /// Two budget entries for one year.
    DuplicateBudgetYear {
        /// The year.
        year: i32,
    },
    /// Not a `#rrggbb` colour.
    NotAColour {
        /// The text.
        text: String,
    },
    /// An age band that overlaps another.
    BandOverlap {
        /// The other band.
        other: String,
        /// In an age distribution (else in rates).
        distribution: bool,
    },
    /// Not an age band.
    NotAnAgeBand {
        /// The text.
        text: String,
        /// In rates (where `"a+"` is allowed).
        rates: bool,
    },
    /// An age distribution that leaves ages out.
    AgesNotCovered {
        /// The missing ages.
        ages: Vec<String>,
    },
    /// Age shares that do not add up to 1.
    AgeSharesSum {
        /// Their sum.
        sum: f64,
    },
    /// An uncertainty range whose low end lies above the scenario's value.
    LowAboveValue {
        /// The low end.
        low: f64,
        /// The field (`arrival_factor`, `leave_rate_per_year`).
        key: String,
        /// The scenario's value.
        value: f64,
    },
    /// An uncertainty range whose high end lies below the scenario's value.
    HighBelowValue {
        /// The high end.
        high: f64,
        /// The field.
        key: String,
        /// The scenario's value.
        value: f64,
    },
    /// The file could not be opened.
    CannotOpen {
        /// The system's reason.
        reason: String,
    },
    /// The file could not be read.
    CannotRead {
        /// The system's reason.
        reason: String,
    },
    /// The path is a folder.
    IsFolder,
    /// The file is larger than 64 MiB.
    FileTooLarge {
        /// Its size.
        bytes: u64,
    },
    /// UTF-16 or UTF-32 text.
    WideEncoding {
        /// `UTF-16` …
        encoding: String,
        /// How it was recognised.
        how: String,
    },
    /// Not UTF-8.
    NotUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
    },
    /// An empty file.
    EmptyFile,
    /// JSON syntax error.
    JsonSyntax {
        /// The file ended too early.
        eof: bool,
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// The parser's reason.
        reason: String,
    },
    /// The file is JSON but not an object.
    NotAPlan {
        /// What it holds.
        found: Found,
    },
    /// `format` is not `"integrationsplan"`.
    WrongFormat {
        /// What it holds.
        found: Found,
    },
    /// `format` is missing.
    FormatMissing,
    /// A version newer than this program.
    NewerVersion {
        /// The file's version.
        version: u64,
    },
    /// A version that does not exist.
    UnknownVersion {
        /// The file's version.
        version: u64,
    },
    /// `version` is not a whole number.
    VersionNotWhole {
        /// What it holds.
        found: Found,
    },
    /// `version` is missing.
    VersionMissing,
}

/// A number in German form for messages: shortest exact decimal with a comma.
fn de(value: f64) -> String {
    format!("{value}").replace('.', ",")
}

/// A limit in German form with thousands separators.
fn de_limit(value: f64) -> String {
    german_number(value, 0)
}

impl IssueKind {
    /// Whether this problem names an id that a list does not have (a follow-up error when that
    /// list could not be read at all).
    pub fn is_dangling_reference(&self) -> bool {
        matches!(self, IssueKind::UnknownDomain { .. } | IssueKind::UnknownRegion { .. } | IssueKind::UnknownMeasure { .. })
    }

    /// The English message (the command line's words, as SPEC §2 shows them).
    pub fn english(&self) -> String {
        let json = |text: &str| Value::from(text).to_string();
        match self {
            IssueKind::Missing(expected) => format!("missing (expected {})", expected.english()),
            IssueKind::WrongType { expected, found } => format!("expected {}, found {}", expected.english(), found.english()),
            IssueKind::NotFinite => "expected a finite number".to_owned(),
            IssueKind::WholeNumberOutOfRange { value, min, max } => {
                format!("{value} is out of range (expected a whole number from {min} to {max})")
            }
            IssueKind::NotAMonth { text } => format!(
                "{} is not a month (expected \"YYYY-MM\", year {}–{})",
                json(text),
                crate::model::MIN_YEAR,
                crate::model::MAX_YEAR
            ),
            IssueKind::UnknownField => "unknown field (kept and written back on save)".to_owned(),
            IssueKind::NotAFundingState { found } => {
                format!("{} is not a funding state (expected \"secured\", \"planned\" or \"open\")", found.english())
            }
            IssueKind::WeightWithShares => "not allowed together with shares (expected either weights or shares)".to_owned(),
            IssueKind::IdEmpty => "is empty (expected a non-empty id)".to_owned(),
            IssueKind::IdTooLong { chars } => {
                format!("is {chars} characters long (expected at most {})", crate::validate::MAX_ID_CHARS)
            }
            IssueKind::DuplicateId { id, list, first } => {
                format!("{} is already used by {list}[{first}] (expected a unique id)", json(id))
            }
            IssueKind::TooFew { count, min } => format!("has {count} entries (expected at least {min})"),
            IssueKind::TooMany { count, max } => format!("has {count} entries (expected at most {max})"),
            IssueKind::Negative { value } => format!("{value} is negative (expected a number ≥ 0)"),
            IssueKind::TooLargeMagnitude { value, max } => {
                format!("{value} is too large (expected a number from −{max:e} to {max:e})")
            }
            IssueKind::TooLarge { value, max } => format!("{value} is too large (expected at most {max:e})"),
            IssueKind::NotPositive { value } => format!("{value} is not positive (expected a number > 0)"),
            IssueKind::RateOutOfRange { value } => format!("{value} is out of range (expected a rate from 0 to 1)"),
            IssueKind::LeaveRateOutOfRange { value } => format!("{value} is out of range (expected 0 ≤ rate < 1)"),
            IssueKind::RateNotBelowOne { value } => format!("{value} is out of range (expected a rate below 1)"),
            IssueKind::LatitudeOutOfRange { value } => format!("{value} is out of range (expected a latitude from -90 to 90)"),
            IssueKind::LongitudeOutOfRange { value } => {
                format!("{value} is out of range (expected a longitude from -180 to 180)")
            }
            IssueKind::NegativeCapacity { value } => {
                format!("{value} is negative: places are missing from the start (allowed, but check the figure)")
            }
            IssueKind::ModelTooLarge { regions, months, domains, scenarios, cells, limit } => match scenarios {
                None => format!(
                    "regions × horizon.months × domains is {regions} × {months} × {domains} = {cells} model cells (expected at most {limit})"
                ),
                Some(scenarios) => format!(
                    "regions × horizon.months × domains × scenarios is {regions} × {months} × {domains} × {scenarios} = {cells} model cells (expected at most {limit})"
                ),
            },
            IssueKind::UnknownDomain { id } => format!("no domain with id {} (expected a domain id)", json(id)),
            IssueKind::UnknownRegion { id, statewide_allowed: true } => {
                format!("no region with id {} (expected a region id, or null for state-wide)", json(id))
            }
            IssueKind::UnknownRegion { id, statewide_allowed: false } => {
                format!("no region with id {} (expected a region id)", json(id))
            }
            IssueKind::UnknownMeasure { id } => format!("no measure with id {}", json(id)),
            IssueKind::WeightsSumZero => "population_weight + area_weight is 0 (expected a positive sum)".to_owned(),
            IssueKind::RegionTotalZero(RegionTotal::Population) => {
                "is positive but the regions' population adds up to 0 (expected some population)".to_owned()
            }
            IssueKind::RegionTotalZero(RegionTotal::Area) => {
                "is positive but the regions' area adds up to 0 (expected some area)".to_owned()
            }
            IssueKind::RegionTotalZero(RegionTotal::PopulationForCap) => {
                "is set but the regions' population adds up to 0 (expected some population, or no cap)".to_owned()
            }
            IssueKind::DistributionSharesZero => "the shares add up to 0 (expected a positive sum)".to_owned(),
            IssueKind::EndBeforeStart { end, start } => {
                format!("\"{end}\" is before the start \"{start}\" (expected end ≥ start)")
            }
            IssueKind::WindowEndNotAfterStart { from, to } => {
                format!("{to} is not after from = {from} (expected from < to ≤ 1200)")
            }
            IssueKind::DuplicateArrivalMonth { month, first } => {
                format!("\"{month}\" is already used by arrivals[{first}] (expected one entry per month)")
            }
            IssueKind::DuplicateBudgetYear { year } => format!("the year {year} appears twice (expected one entry per year)"),
            IssueKind::NotAColour { text } => format!("{} is not a colour (expected \"#rrggbb\")", json(text)),
            IssueKind::BandOverlap { other, distribution: false } => {
                format!("overlaps the band {other:?} (expected bands that do not overlap)")
            }
            IssueKind::BandOverlap { other, distribution: true } => {
                format!("overlaps the band {other:?} (expected every age exactly once)")
            }
            IssueKind::NotAnAgeBand { text, rates: true } => format!(
                "{text:?} is not an age band (expected an age band \"a-b\" with 0 ≤ a ≤ b ≤ 17, \"a+\" with 0 ≤ a ≤ 17, or \"18+\")"
            ),
            IssueKind::NotAnAgeBand { text, rates: false } => {
                format!("{text:?} is not an age band (expected an age band \"a-b\" with 0 ≤ a ≤ b ≤ 17 or \"18+\")")
            }
            IssueKind::AgesNotCovered { ages } => {
                format!("does not cover the ages {} (expected bands covering 0–17 and 18+ exactly once)", ages.join(", "))
            }
            IssueKind::AgeSharesSum { sum } => format!("the shares add up to {sum} (expected 1)"),
            IssueKind::LowAboveValue { low, key, value } => {
                format!("{low} is above the scenario's {key} {value} (expected low ≤ {value})")
            }
            IssueKind::HighBelowValue { high, key, value } => {
                format!("{high} is below the scenario's {key} {value} (expected high ≥ {value})")
            }
            IssueKind::CannotOpen { reason } => format!("cannot open the file: {reason}"),
            IssueKind::CannotRead { reason } => format!("cannot read the file: {reason}"),
            IssueKind::IsFolder => "is a folder (expected a plan file)".to_owned(),
            IssueKind::FileTooLarge { bytes } => {
                format!("the file has {:.1} MiB (expected at most 64 MiB for a plan file)", *bytes as f64 / (1024.0 * 1024.0))
            }
            IssueKind::WideEncoding { encoding, how } => {
                format!("is {encoding} text ({how}), not UTF-8 (expected a JSON plan file in UTF-8: save it again as UTF-8)")
            }
            IssueKind::NotUtf8 { offset } => {
                format!("is not UTF-8 text (invalid byte at offset {offset}; expected a JSON plan file)")
            }
            IssueKind::EmptyFile => "the file is empty (expected a JSON plan file)".to_owned(),
            IssueKind::JsonSyntax { eof, line, column, reason } => {
                let what = if *eof { "the file ends too early" } else { "invalid JSON" };
                let hint = match reason.as_str() {
                    "number out of range" => " (expected a finite number)",
                    "recursion limit exceeded" => " (brackets nested too deep for a plan file)",
                    _ => "",
                };
                format!("{what} at line {line}, column {column}: {reason}{hint}")
            }
            IssueKind::NotAPlan { found } => format!(
                "the file holds {}, not a plan (expected a JSON object with \"format\": \"{}\")",
                found.english(),
                crate::model::FORMAT_NAME
            ),
            IssueKind::WrongFormat { found } => {
                format!("{} is not this program's format (expected \"{}\")", found.english(), crate::model::FORMAT_NAME)
            }
            IssueKind::FormatMissing => {
                format!("missing (expected \"{}\"): is this an Integrationsplan file?", crate::model::FORMAT_NAME)
            }
            IssueKind::NewerVersion { version } => format!(
                "the file was written by a newer version of Integrationsplan (file format version {version}; this program reads up to version {}): please update the program",
                crate::model::FORMAT_VERSION
            ),
            IssueKind::UnknownVersion { version } => format!("{version} is not a known version (expected 1)"),
            IssueKind::VersionNotWhole { found } => format!("expected a whole number, found {}", found.english()),
            IssueKind::VersionMissing => "missing (expected 1)".to_owned(),
        }
    }

    /// The English message for the window: the command line's words ([`Self::english`]),
    /// except where those are the JSON parser's own ("EOF while parsing a string"), which the
    /// window says as a sentence, keeping line and column.
    pub fn window_english(&self) -> String {
        match self {
            IssueKind::JsonSyntax { eof, line, column, reason } => {
                let what = if *eof { "the file ends too early" } else { "invalid JSON" };
                let why = json_reason(reason).map_or(String::new(), |(_, english)| format!(": {english}"));
                format!("{what} at line {line}, column {column}{why}")
            }
            _ => self.english(),
        }
    }

    /// The German message for the window (the field itself is named by the window, by name).
    pub fn german(&self) -> String {
        match self {
            IssueKind::Missing(expected) => format!("fehlt (erwartet: {})", expected.german()),
            IssueKind::WrongType { expected, found: found @ (Found::Text { .. } | Found::Number(_)) } => {
                format!("{} ist {}", found.german(), expected.german_not())
            }
            IssueKind::WrongType { expected, found } => {
                format!("{} gefunden, erwartet: {}", capitalise(&found.german()), expected.german())
            }
            IssueKind::NotFinite => "keine endliche Zahl".to_owned(),
            IssueKind::WholeNumberOutOfRange { value, min, max } => {
                format!("{} liegt außerhalb (erwartet eine ganze Zahl von {min} bis {max})", value.replace('.', ","))
            }
            IssueKind::NotAMonth { text } => format!("„{text}“ ist kein Monat (erwartet MM/JJJJ)"),
            IssueKind::UnknownField => "unbekanntes Feld (bleibt erhalten und wird mitgespeichert)".to_owned(),
            IssueKind::NotAFundingState { found } => {
                format!("{} ist keine Finanzierungsart (erwartet gesichert, geplant oder offen)", found.german())
            }
            IssueKind::WeightWithShares => {
                "nicht zusammen mit festen Anteilen erlaubt (entweder Gewichte oder Anteile)".to_owned()
            }
            IssueKind::IdEmpty => "die Kennung ist leer".to_owned(),
            IssueKind::IdTooLong { chars } => {
                format!("die Kennung hat {chars} Zeichen (höchstens {} erlaubt)", crate::validate::MAX_ID_CHARS)
            }
            IssueKind::DuplicateId { id, first, .. } => {
                format!("die Kennung „{id}“ ist schon vergeben (Eintrag {})", first + 1)
            }
            IssueKind::TooFew { count, min } => format!("{count} Einträge (mindestens {min} nötig)"),
            IssueKind::TooMany { count, max } => format!("{count} Einträge (höchstens {max} erlaubt)"),
            IssueKind::Negative { value } => format!("{} ist negativ (erwartet eine Zahl ≥ 0)", de(*value)),
            IssueKind::TooLargeMagnitude { value, max } => {
                format!("{} ist zu groß (erlaubt von −{} bis {})", de(*value), de_limit(*max), de_limit(*max))
            }
            IssueKind::TooLarge { value, max } => format!("{} ist zu groß (höchstens {})", de(*value), de_limit(*max)),
            IssueKind::NotPositive { value } => format!("{} ist nicht größer als 0", de(*value)),
            IssueKind::RateOutOfRange { value } => format!("{} liegt außerhalb (erwartet eine Quote von 0 bis 1)", de(*value)),
            IssueKind::LeaveRateOutOfRange { value } => {
                format!("{} liegt außerhalb (erwartet 0 ≤ Quote < 1)", de(*value))
            }
            IssueKind::RateNotBelowOne { value } => format!("{} liegt außerhalb (erwartet eine Quote unter 1)", de(*value)),
            IssueKind::LatitudeOutOfRange { value } => {
                format!("{} liegt außerhalb (erwartet eine Breite von −90 bis 90)", de(*value))
            }
            IssueKind::LongitudeOutOfRange { value } => {
                format!("{} liegt außerhalb (erwartet eine Länge von −180 bis 180)", de(*value))
            }
            IssueKind::NegativeCapacity { value } => {
                format!("{} ist negativ: schon zu Beginn fehlen Plätze (erlaubt, bitte prüfen)", de(*value))
            }
            IssueKind::ModelTooLarge { regions, months, domains, scenarios, cells, limit } => {
                let product = match scenarios {
                    None => format!("Regionen × Monate × Bereiche = {regions} × {months} × {domains}"),
                    Some(s) => format!("Regionen × Monate × Bereiche × Szenarien = {regions} × {months} × {domains} × {s}"),
                };
                format!(
                    "der Plan ist zu groß: {product} = {} Modellzellen (höchstens {})",
                    de_limit(*cells as f64),
                    de_limit(*limit as f64)
                )
            }
            IssueKind::UnknownDomain { id } => format!("es gibt keinen Bereich „{id}“"),
            IssueKind::UnknownRegion { id, statewide_allowed: true } => {
                format!("es gibt keine Region „{id}“ (leer lassen für landesweit)")
            }
            IssueKind::UnknownRegion { id, .. } => format!("es gibt keine Region „{id}“"),
            IssueKind::UnknownMeasure { id } => format!("es gibt keine Maßnahme „{id}“"),
            IssueKind::WeightsSumZero => "die Gewichte für Einwohner und Fläche ergeben zusammen 0".to_owned(),
            IssueKind::RegionTotalZero(RegionTotal::Population) => {
                "ist positiv, aber die Regionen haben zusammen 0 Einwohner".to_owned()
            }
            IssueKind::RegionTotalZero(RegionTotal::Area) => {
                "ist positiv, aber die Regionen haben zusammen 0 km² Fläche".to_owned()
            }
            IssueKind::RegionTotalZero(RegionTotal::PopulationForCap) => {
                "ist gesetzt, aber die Regionen haben zusammen 0 Einwohner (Einwohner nötig oder keine Kappung)".to_owned()
            }
            IssueKind::DistributionSharesZero => "die Anteile ergeben zusammen 0".to_owned(),
            IssueKind::EndBeforeStart { end, start } => {
                format!("{} liegt vor dem Beginn {}", month_de(end), month_de(start))
            }
            IssueKind::WindowEndNotAfterStart { from, to } => {
                format!("{to} liegt nicht nach dem ersten Monat {from} (erwartet „von“ < „bis“ ≤ 1200)")
            }
            IssueKind::DuplicateArrivalMonth { month, first } => {
                format!("für {} gibt es schon einen Zugang (Eintrag {})", month_de(month), first + 1)
            }
            IssueKind::DuplicateBudgetYear { year } => format!("das Jahr {year} steht zweimal im Haushalt"),
            IssueKind::NotAColour { text } => format!("„{text}“ ist keine Farbe (erwartet #rrggbb)"),
            IssueKind::BandOverlap { other, .. } => format!("überschneidet sich mit der Altersgruppe „{other}“"),
            IssueKind::NotAnAgeBand { text, rates: true } => {
                format!("„{text}“ ist keine Altersgruppe (erwartet „a-b“ mit 0 ≤ a ≤ b ≤ 17, „a+“ oder „18+“)")
            }
            IssueKind::NotAnAgeBand { text, rates: false } => {
                format!("„{text}“ ist keine Altersgruppe (erwartet „a-b“ mit 0 ≤ a ≤ b ≤ 17 oder „18+“)")
            }
            IssueKind::AgesNotCovered { ages } => format!("die Altersjahre {} fehlen", ages.join(", ")),
            IssueKind::AgeSharesSum { sum } => format!("die Anteile ergeben {} statt 1", de(*sum)),
            IssueKind::LowAboveValue { low, value, .. } => {
                format!("der niedrigste Wert {} liegt über dem Wert des Szenarios {}", de(*low), de(*value))
            }
            IssueKind::HighBelowValue { high, value, .. } => {
                format!("der höchste Wert {} liegt unter dem Wert des Szenarios {}", de(*high), de(*value))
            }
            IssueKind::CannotOpen { .. } => "die Datei lässt sich nicht öffnen".to_owned(),
            IssueKind::CannotRead { .. } => "die Datei lässt sich nicht lesen".to_owned(),
            IssueKind::IsFolder => "ist ein Ordner, keine Plandatei".to_owned(),
            IssueKind::FileTooLarge { bytes } => format!(
                "die Datei ist {} MiB groß (höchstens 64 MiB für eine Plandatei)",
                german_number(*bytes as f64 / (1024.0 * 1024.0), 1)
            ),
            IssueKind::WideEncoding { encoding, .. } => {
                format!("die Datei ist in {encoding} gespeichert, nicht in UTF-8 (bitte als UTF-8 speichern)")
            }
            IssueKind::NotUtf8 { offset } => format!("die Datei ist kein UTF-8-Text (ungültiges Byte an Stelle {offset})"),
            IssueKind::EmptyFile => "die Datei ist leer".to_owned(),
            IssueKind::JsonSyntax { eof, line, column, reason } => {
                let what = if *eof { "die Datei endet zu früh" } else { "ungültiges JSON" };
                format!("{what} in Zeile {line}, Spalte {column}{}", json_reason_de(reason))
            }
            IssueKind::NotAPlan { found } => format!("die Datei enthält {}, keinen Plan", found.german()),
            IssueKind::WrongFormat { found } => format!("{} ist nicht das Format dieses Programms", found.german()),
            IssueKind::FormatMissing => "„format“ fehlt: ist das eine Integrationsplan-Datei?".to_owned(),
            IssueKind::NewerVersion { version } => format!(
                "die Datei stammt aus einer neueren Version von Integrationsplan (Formatversion {version}, dieses Programm liest bis Version {}): bitte das Programm aktualisieren",
                crate::model::FORMAT_VERSION
            ),
            IssueKind::UnknownVersion { version } => format!("Version {version} gibt es nicht (erwartet 1)"),
            IssueKind::VersionNotWhole { found } => format!("{} ist keine ganze Zahl", found.german()),
            IssueKind::VersionMissing => "„version“ fehlt (erwartet 1)".to_owned(),
        }
    }
}

/// `"2024-13"` shown as `„2024-13“`, a valid month `"2025-08"` as `08/2025`.
fn month_de(text: &str) -> String {
    match crate::model::Month::parse(text) {
        Some(month) => month.to_german(),
        None => format!("„{text}“"),
    }
}

/// The parser's reason in German, for the usual ones; empty for others (line and column say where).
fn json_reason_de(reason: &str) -> String {
    json_reason(reason).map_or(String::new(), |(german, _)| format!(": {german}"))
}

/// The parser's reason (serde_json's English words) as a German and an English sentence for
/// the window; `None` for a reason without one (then only line and column are told).
fn json_reason(reason: &str) -> Option<(&'static str, &'static str)> {
    // The more specific first: "EOF while parsing a string" before "EOF while parsing".
    const KNOWN: [(&str, &str, &str); 19] = [
        ("trailing comma", "ein Komma zu viel", "a comma too many"),
        ("expected value", "hier fehlt ein Wert", "a value is missing here"),
        ("EOF while parsing a string", "ein Text in Anführungszeichen ist nicht geschlossen", "a text in quotes is not closed"),
        ("EOF while parsing an object", "ein „{“ ist nicht geschlossen", "a \"{\" is not closed"),
        ("EOF while parsing a list", "ein „[“ ist nicht geschlossen", "a \"[\" is not closed"),
        ("EOF while parsing", "die Datei endet mitten im Text", "the file ends in the middle of the text"),
        ("key must be a string", "ein Feldname muss in Anführungszeichen stehen", "a field name must stand in quotes"),
        ("number out of range", "die Zahl ist zu groß", "the number is too large"),
        ("recursion limit exceeded", "zu tief verschachtelt", "brackets nested too deep"),
        ("trailing characters", "nach dem Ende folgt noch Text", "more text follows after the end"),
        ("invalid number", "ungültige Zahl", "an invalid number"),
        ("control character", "ein Steuerzeichen im Text", "a control character in a text"),
        ("invalid escape", "ungültige Escape-Folge", "an invalid escape sequence"),
        ("invalid unicode code point", "ungültiges Unicode-Zeichen", "an invalid Unicode character"),
        ("expected `,` or `}`", "hier fehlt ein Komma oder „}“", "a comma or \"}\" is missing here"),
        ("expected `,` or `]`", "hier fehlt ein Komma oder „]“", "a comma or \"]\" is missing here"),
        ("expected `:`", "hier fehlt ein Doppelpunkt", "a colon is missing here"),
        ("expected ident", "hier steht ein unbekanntes Wort", "an unknown word stands here"),
        ("invalid type", "ein Wert der falschen Art", "a value of the wrong kind"),
    ];
    KNOWN.iter().find(|(serde, _, _)| reason.starts_with(serde)).map(|(_, german, english)| (*german, *english))
}

/// The first letter in upper case.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_keeps_the_english_words_of_spec_section_2() {
        let kind = IssueKind::NotAMonth { text: "2024-13".into() };
        assert_eq!(kind.english(), "\"2024-13\" is not a month (expected \"YYYY-MM\", year 1900–2200)");
        let kind = IssueKind::UnknownMeasure { id: "kita-x".into() };
        assert_eq!(kind.english(), "no measure with id \"kita-x\"");
        let found = Found::of(&Value::from("viele"));
        assert_eq!(
            IssueKind::WrongType { expected: Expected::Number, found }.english(),
            "expected a number, found the string \"viele\""
        );
    }

    #[test]
    fn the_window_words_problems_in_german_with_the_offending_text() {
        let found = Found::of(&Value::from("viele"));
        assert_eq!(IssueKind::WrongType { expected: Expected::Number, found }.german(), "„viele“ ist keine Zahl");
        assert_eq!(IssueKind::NotAMonth { text: "2024-13".into() }.german(), "„2024-13“ ist kein Monat (erwartet MM/JJJJ)");
        assert_eq!(IssueKind::Negative { value: -1.5 }.german(), "-1,5 ist negativ (erwartet eine Zahl ≥ 0)");
        let end = IssueKind::EndBeforeStart { end: "2025-01".into(), start: "2025-03".into() };
        assert_eq!(end.german(), "01/2025 liegt vor dem Beginn 03/2025");
        let syntax = IssueKind::JsonSyntax { eof: false, line: 3, column: 7, reason: "trailing comma".into() };
        assert_eq!(syntax.german(), "ungültiges JSON in Zeile 3, Spalte 7: ein Komma zu viel");
    }

    /// Issue 20, point 11: the English window tells a parser error as a sentence, never in the
    /// parser's own words, and keeps line and column.
    #[test]
    fn the_english_window_says_a_json_error_as_a_sentence() {
        let cut = IssueKind::JsonSyntax { eof: true, line: 4, column: 19, reason: "EOF while parsing a string".into() };
        assert_eq!(cut.window_english(), "the file ends too early at line 4, column 19: a text in quotes is not closed");
        assert_eq!(
            cut.german(),
            "die Datei endet zu früh in Zeile 4, Spalte 19: ein Text in Anführungszeichen ist nicht geschlossen"
        );
        assert!(cut.english().contains("EOF while parsing a string"), "the command line keeps the parser's words");
        let odd = IssueKind::JsonSyntax { eof: false, line: 1, column: 2, reason: "something new".into() };
        assert_eq!(odd.window_english(), "invalid JSON at line 1, column 2");
    }

    #[test]
    fn only_unknown_ids_count_as_dangling_references() {
        assert!(IssueKind::UnknownRegion { id: "x".into(), statewide_allowed: true }.is_dangling_reference());
        assert!(!IssueKind::IdEmpty.is_dangling_reference());
    }
}
