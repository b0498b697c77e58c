//! The HTML pieces of the report: escaping, tables with captions and header cells, inline SVG
//! with its text alternative, and the style sheet (screen, phone, print on A4).

/// `text` safe inside HTML text and attribute values: `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A table built row by row: a caption, header cells with `scope="col"`, the first cell of each
/// row a header with `scope="row"`. Cells are HTML already (escaped by the caller).
pub struct Table {
    id: String,
    caption: String,
    numeric: Vec<bool>,
    head: String,
    rows: Vec<String>,
}

impl Table {
    /// A table with `columns` (label as HTML, whether the column holds numbers, right-aligned).
    pub fn new(id: String, caption: String, columns: &[(&str, bool)]) -> Self {
        let head = columns
            .iter()
            .map(|(label, numeric)| format!("<th scope=\"col\"{}>{label}</th>", if *numeric { " class=\"n\"" } else { "" }))
            .collect();
        Table { id, caption, numeric: columns.iter().map(|(_, n)| *n).collect(), head, rows: Vec::new() }
    }

    /// Adds a row: its header cell and the other cells.
    pub fn row(&mut self, header: &str, cells: &[String]) {
        let mut row = format!("<tr><th scope=\"row\">{header}</th>");
        for (index, cell) in cells.iter().enumerate() {
            let numeric = self.numeric.get(index + 1).copied().unwrap_or(false);
            row.push_str(&format!("<td{}>{cell}</td>", if numeric { " class=\"n\"" } else { "" }));
        }
        row.push_str("</tr>");
        self.rows.push(row);
    }

    /// The table in a wrapper that scrolls sideways on a narrow screen (and can be reached by
    /// the keyboard to do so).
    pub fn finish(self) -> String {
        format!(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}-c\">\n<table id=\"{id}\">\n<caption id=\"{id}-c\">{caption}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</div>\n",
            id = self.id,
            caption = self.caption,
            head = self.head,
            rows = self.rows.join("\n"),
        )
    }
}

/// The SVG document `svg` as an inline image that scales to the page: its fixed width and height
/// give way to its `viewBox`; it gets `role="img"`, a `<title>` (`title`) and a `<desc>`
/// (`description`) that label it.
pub fn inline_svg(svg: &str, id: &str, title: &str, description: &str) -> String {
    let Some(start) = svg.find("<svg") else { return String::new() };
    let rest = &svg[start..];
    let Some(end) = rest.find('>') else { return String::new() };
    let tag = &rest[..end];
    let body = rest[end + 1..].trim_start();
    let number = |name: &str| -> Option<f64> {
        let key = format!(" {name}=\"");
        let from = tag.find(&key)? + key.len();
        let value = &tag[from..];
        value[..value.find('"')?].trim_end_matches("px").parse().ok()
    };
    let view_box = match tag.find("viewBox=\"") {
        Some(from) => {
            let value = &tag[from + 9..];
            value.find('"').map(|to| value[..to].to_owned())
        }
        None => None,
    };
    let view_box = view_box
        .or_else(|| Some(format!("0 0 {} {}", number("width")?, number("height")?)))
        .unwrap_or_else(|| "0 0 1920 1080".to_owned());
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{}\" class=\"plot\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" preserveAspectRatio=\"xMidYMid meet\">\n<title id=\"{id}-t\">{}</title>\n<desc id=\"{id}-d\">{}</desc>\n{body}",
        escape(&view_box),
        escape(title),
        escape(description),
    )
}

/// The style sheet: readable on any screen, scaled drawings, A4 print with a page per section.
/// Text colours keep a contrast of at least 4.5:1 on white.
pub const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1a1a1a; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; font-size: 1rem; line-height: 1.5; }
main, footer { max-width: 64rem; margin: 0 auto; padding: 1rem 1.25rem; }
header .kind { margin: 0; color: #44505c; text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.45rem; margin: 2rem 0 .75rem; padding-bottom: .2rem; border-bottom: 2px solid #1f4e79; color: #1f4e79; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
a { color: #0b4f9c; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.scenarios { list-style: none; margin: 0; padding: 0; }
.swatch { display: inline-block; width: 1.6em; height: .6em; margin-right: .5em; vertical-align: middle; border-radius: 2px; }
nav ol { margin: 0; padding-left: 1.5rem; }
p.notes { white-space: pre-wrap; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1.25rem; }
.table-wrap:focus { outline: 2px solid #0b4f9c; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; caption-side: top; }
th, td { border: 1px solid #a7b0ba; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e7edf4; }
tbody th { font-weight: 600; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.over { color: #a1000e; }
figure { margin: 1rem 0 2rem; }
figure h3 { margin-top: 0; }
svg.plot { display: block; width: 100%; height: auto; max-width: 100%; border: 1px solid #d5dbe1; }
figcaption { margin-top: .4rem; font-size: .95rem; color: #2b333b; }
footer { color: #44505c; font-size: .9rem; }
@media (max-width: 40rem) {
  main, footer { padding: .75rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .4rem; }
  th, td { padding: .2rem .35rem; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; }
  main, footer { max-width: none; padding: 0; }
  nav { display: none; }
  section.part { break-before: page; }
  h2, h3 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  a { color: inherit; text-decoration: none; }
}
"#;
