//! Which column of a table holds which field: headers matched case-insensitively, German or
//! English, with or without the unit in brackets (`Einmalkosten (€)`, `Einmalkosten`,
//! `cost_once_eur` all name the one-off cost).

use super::table::Cell;
use crate::model::Domain;

/// The meaning of a column: one field of a measure or region.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Column {
    /// `ID` / `id`: the key that matches rows to the plan.
    Id,
    /// `Name` / `name`.
    Name,
    /// `Bereich` / `domain` (measures): a domain id or name.
    Domain,
    /// `Region` / `region` (measures): a region id or name, empty or `landesweit` = state-wide.
    Region,
    /// `Plätze` / `places` (measures).
    Places,
    /// `Beginn` / `start` (measures): a month.
    Start,
    /// `Ende` / `end` (measures): a month, empty = open-ended.
    End,
    /// `Anlauf (Monate)` / `ramp_months` (measures).
    RampMonths,
    /// `Einmalkosten (€)` / `cost_once_eur` (measures).
    CostOnceEur,
    /// `Kosten pro Jahr (€)` / `cost_per_year_eur` (measures).
    CostPerYearEur,
    /// `Finanzierung` / `funding` (measures).
    Funding,
    /// `Notizen` / `notes` (measures).
    Notes,
    /// `Einwohner` / `population` (regions).
    Population,
    /// `Fläche (km²)` / `area_km2` (regions).
    AreaKm2,
    /// Free places of the domain with this id (regions), headed by the domain's id or name.
    Capacity(String),
}

/// The columns of a measures table, in the order the export writes them.
pub const MEASURE_COLUMNS: [Column; 12] = [
    Column::Id,
    Column::Name,
    Column::Domain,
    Column::Region,
    Column::Places,
    Column::Start,
    Column::End,
    Column::RampMonths,
    Column::CostOnceEur,
    Column::CostPerYearEur,
    Column::Funding,
    Column::Notes,
];

/// The fixed columns of a regions table; one column per domain follows.
pub const REGION_COLUMNS: [Column; 4] = [Column::Id, Column::Name, Column::Population, Column::AreaKm2];

impl Column {
    /// The German header, exactly as the export writes it.
    pub fn german_header(&self) -> &str {
        match self {
            Column::Id => "ID",
            Column::Name => "Name",
            Column::Domain => "Bereich",
            Column::Region => "Region",
            Column::Places => "Plätze",
            Column::Start => "Beginn",
            Column::End => "Ende",
            Column::RampMonths => "Anlauf (Monate)",
            Column::CostOnceEur => "Einmalkosten (€)",
            Column::CostPerYearEur => "Kosten pro Jahr (€)",
            Column::Funding => "Finanzierung",
            Column::Notes => "Notizen",
            Column::Population => "Einwohner",
            Column::AreaKm2 => "Fläche (km²)",
            Column::Capacity(domain_id) => domain_id,
        }
    }

    /// The English header: the field's name in the plan file.
    pub fn english_header(&self) -> &str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Domain => "domain",
            Column::Region => "region",
            Column::Places => "places",
            Column::Start => "start",
            Column::End => "end",
            Column::RampMonths => "ramp_months",
            Column::CostOnceEur => "cost_once_eur",
            Column::CostPerYearEur => "cost_per_year_eur",
            Column::Funding => "funding",
            Column::Notes => "notes",
            Column::Population => "population",
            Column::AreaKm2 => "area_km2",
            Column::Capacity(domain_id) => domain_id,
        }
    }

    /// Further headers accepted for this column besides the German and English ones.
    fn other_headers(&self) -> &'static [&'static str] {
        match self {
            Column::Id => &["AGS", "Kennung", "Maßnahmen-ID", "Maßnahme-ID", "measure_id"],
            Column::Domain => &["Bereich (ID)"],
            Column::Region => &["Region (ID)"],
            Column::Places => &["Plaetze", "Anzahl Plätze"],
            Column::RampMonths => &["Anlauf", "Anlaufmonate", "ramp"],
            Column::CostOnceEur => &["Einmalkosten", "Einmalkosten (EUR)", "cost_once"],
            Column::CostPerYearEur => &["Kosten pro Jahr", "Kosten pro Jahr (EUR)", "Kosten/Jahr", "cost_per_year"],
            Column::Notes => &["Notiz", "Bemerkung", "Bemerkungen", "Anmerkung", "Anmerkungen", "Kommentar"],
            Column::AreaKm2 => &["Fläche", "Fläche (km2)", "Flaeche", "area"],
            _ => &[],
        }
    }

    /// Whether the header key `key` is this column's German or English header.
    fn is_named_exactly(&self, key: &str) -> bool {
        header_key(self.german_header()) == key || header_key(self.english_header()) == key
    }

    /// Whether the header key `key` names this column.
    fn is_named(&self, key: &str) -> bool {
        [self.german_header(), self.english_header()]
            .into_iter()
            .chain(self.other_headers().iter().copied())
            .any(|h| header_key(h) == key)
    }
}

/// The comparable form of a header: lower case, `€` → `eur`, `²` → `2`, only letters and digits.
pub fn header_key(header: &str) -> String {
    header.replace('€', "eur").replace('²', "2").chars().flat_map(char::to_lowercase).filter(|c| c.is_alphanumeric()).collect()
}

/// One column of the table's header row that was recognised.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundColumn {
    /// What the column holds.
    pub column: Column,
    /// Position in the row, 0 = column A.
    pub index: usize,
    /// The header as written in the file (surrounding spaces removed).
    pub header: String,
}

/// The header row read: the columns recognised and those that are not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header {
    /// Recognised columns, left to right.
    pub found: Vec<FoundColumn>,
    /// Headers not recognised, as written, left to right (ignored by the import).
    pub unknown: Vec<String>,
    /// Two headers that name the same field: (first, second) as written.
    pub duplicates: Vec<(String, String)>,
}

impl Header {
    /// The column of `column`, if the table has it.
    pub fn get(&self, column: &Column) -> Option<&FoundColumn> {
        self.found.iter().find(|found| found.column == *column)
    }
}

/// One header cell: its position, its text as written, and the column it names with whether it
/// names it exactly (German or English header, domain id or name) or loosely (another word, a
/// remark in brackets).
type HeaderMatch = (usize, String, Option<(Column, bool)>);

/// Reads a header row against the known `columns`; with `domains`, columns headed by a domain's
/// id or name are capacity columns (regions tables).
pub fn read_header(cells: &[Cell], columns: &[Column], domains: Option<&[Domain]>) -> Header {
    let mut matches: Vec<HeaderMatch> = Vec::new();
    for (index, cell) in cells.iter().enumerate() {
        let text = cell.text();
        let written = text.trim();
        if written.is_empty() {
            continue;
        }
        let known = header_keys(written).into_iter().enumerate().find_map(|(k, key)| {
            let fixed = columns.iter().find(|c| c.is_named(&key)).map(|c| (c.clone(), k == 0 && c.is_named_exactly(&key)));
            fixed.or_else(|| {
                let domain = domains.and_then(|domains| capacity_column(&key, domains));
                domain.map(|id| (Column::Capacity(id.to_owned()), k == 0))
            })
        });
        matches.push((index, written.to_owned(), known));
    }
    let mut header = Header::default();
    for (index, written, known) in &matches {
        let Some((column, exact)) = known else {
            header.unknown.push(written.clone());
            continue;
        };
        // A loose name gives way to an exact one (`ID` and `AGS` both present: `ID` is the id).
        let exact_elsewhere =
            !exact && matches.iter().any(|(i, _, other)| i != index && other.as_ref().is_some_and(|(c, e)| c == column && *e));
        if exact_elsewhere {
            header.unknown.push(written.clone());
        } else if let Some(first) = header.get(column) {
            header.duplicates.push((first.header.clone(), written.clone()));
        } else {
            header.found.push(FoundColumn { column: column.clone(), index: *index, header: written.clone() });
        }
    }
    header
}

/// The id of the domain whose id (first) or name `key` matches.
fn capacity_column<'d>(key: &str, domains: &'d [Domain]) -> Option<&'d str> {
    domains
        .iter()
        .find(|d| header_key(&d.id) == key)
        .or_else(|| domains.iter().find(|d| header_key(&d.name) == key))
        .map(|d| d.id.as_str())
}

/// The keys a header may match: the whole header, then without a trailing remark in brackets
/// (`Beginn (JJJJ-MM)` → `Beginn`, `Kita-Plätze (frei)` → `Kita-Plätze`).
fn header_keys(written: &str) -> Vec<String> {
    let mut keys = vec![header_key(written)];
    if let Some(open) = written.rfind('(')
        && written.trim_end().ends_with(')')
        && let Some(stem) = written.get(..open)
        && !header_key(stem).is_empty()
    {
        keys.push(header_key(stem));
    }
    keys
}

/// Whether some cell of `cells` is an id header (the header row is the first such row).
pub fn has_id_header(cells: &[Cell]) -> bool {
    cells.iter().any(|cell| header_keys(cell.text().trim()).iter().any(|key| Column::Id.is_named(key)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_in_any_case_with_or_without_unit() {
        for written in
            ["Einmalkosten (€)", "einmalkosten (€)", "EINMALKOSTEN", "cost_once_eur", "Cost_Once_EUR", "Einmalkosten (EUR)"]
        {
            assert!(Column::CostOnceEur.is_named(&header_key(written)), "{written}");
        }
        assert!(Column::AreaKm2.is_named(&header_key("Fläche (km2)")));
        assert!(Column::Places.is_named(&header_key("PLÄTZE")));
        assert!(!Column::Places.is_named(&header_key("Plätze frei")));
        let header = read_header(
            &[Cell::Text("ID (AGS)".into()), Cell::Text("Beginn (JJJJ-MM)".into()), Cell::Text("Plätze (frei)".into())],
            &MEASURE_COLUMNS,
            None,
        );
        let columns: Vec<Column> = header.found.iter().map(|f| f.column.clone()).collect();
        assert_eq!(columns, [Column::Id, Column::Start, Column::Places]);
    }

    #[test]
    fn an_exact_header_wins_over_another_word_for_the_same_field() {
        let cells: Vec<Cell> = ["AGS", "ID", "Name", "Fläche", "Fläche (km²)"].iter().map(|t| Cell::Text((*t).into())).collect();
        let header = read_header(&cells, &REGION_COLUMNS, None);
        let found: Vec<(Column, usize)> = header.found.iter().map(|f| (f.column.clone(), f.index)).collect();
        assert_eq!(found, [(Column::Id, 1), (Column::Name, 2), (Column::AreaKm2, 4)]);
        assert_eq!(header.unknown, ["AGS", "Fläche"]);
        assert!(header.duplicates.is_empty());
        let cells: Vec<Cell> = ["ID", "id"].iter().map(|t| Cell::Text((*t).into())).collect();
        assert_eq!(read_header(&cells, &REGION_COLUMNS, None).duplicates, [("ID".to_owned(), "id".to_owned())]);
    }
}
