//! What the "Über" dialog, `--version` and the installers say about the program: its version,
//! its licence and the sources of the data it ships.
//!
//! The texts live in the core so that the GUI, the command line and the packaging agree; the
//! package's copyright file (`scripts/package.sh`) repeats [`GERMAN`]'s data source line.

/// The program's name as shown to people.
pub const NAME: &str = "Integrationsplan";

/// The version of this build, from `Cargo.toml` (`integrationsplan --version` prints it too).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The licence of the program as an SPDX expression, from `Cargo.toml`.
pub const LICENSE_SPDX: &str = env!("CARGO_PKG_LICENSE");

/// The text of the data licence of the Destatis figures.
pub const DATA_LICENSE_URL: &str = "https://www.govdata.de/dl-de/by-2-0";

/// The texts of the "Über" dialog in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AboutText {
    /// Title of the dialog.
    pub title: &'static str,
    /// One line naming the program and what it is for.
    pub summary: &'static str,
    /// "Version" in this language; the version itself is [`VERSION`].
    pub version_label: &'static str,
    /// The program's licence.
    pub license: &'static str,
    /// Where the population and area figures of the sample plans come from, and their licence.
    pub data_source: &'static str,
    /// What in the sample plans is not official data.
    pub data_note: &'static str,
}

impl AboutText {
    /// "Version 0.1.0" in this language.
    pub fn version_line(&self) -> String {
        format!("{} {VERSION}", self.version_label)
    }

    /// All lines of the dialog in order, e.g. for a plain-text "Über" box or a copyright file.
    pub fn lines(&self) -> Vec<String> {
        vec![
            NAME.to_owned(),
            self.summary.to_owned(),
            self.version_line(),
            self.license.to_owned(),
            self.data_source.to_owned(),
            self.data_note.to_owned(),
            DATA_LICENSE_URL.to_owned(),
        ]
    }
}

/// The "Über" texts in German.
pub const GERMAN: AboutText = AboutText {
    title: "Über Integrationsplan",
    summary: "Plätze in Kitas, Schulen, Unterkünften und Sprachkursen für Zugewanderte unter \
              Zugangsszenarien planen.",
    version_label: "Version",
    license: "Lizenz: MIT oder Apache-2.0, nach Wahl (MIT OR Apache-2.0).",
    data_source: "Bevölkerung und Fläche: Statistisches Bundesamt (Destatis), Datenlizenz \
                  Deutschland – Namensnennung – Version 2.0 (dl-de/by-2.0)",
    data_note: "Kapazitäten, Maßnahmen, Kosten und Szenarien der Beispielpläne sind illustrativ, \
                keine amtlichen Zahlen.",
};

/// The "About" texts in English.
pub const ENGLISH: AboutText = AboutText {
    title: "About Integrationsplan",
    summary: "Plan places in Kitas, schools, housing and language courses for newcomers under \
              intake scenarios.",
    version_label: "Version",
    license: "Licence: MIT or Apache-2.0, at your option (MIT OR Apache-2.0).",
    data_source: "Population and area: Federal Statistical Office of Germany (Destatis), Data \
                  licence Germany – attribution – version 2.0 (dl-de/by-2.0)",
    data_note: "Capacities, measures, costs and scenarios of the sample plans are illustrative, \
                not official figures.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_the_one_in_cargo_toml_and_names_a_release() {
        assert_eq!(VERSION, env!("CARGO_PKG_VERSION"));
        assert_eq!(VERSION.split('.').count(), 3, "{VERSION}");
        assert_eq!(GERMAN.version_line(), format!("Version {VERSION}"));
    }

    #[test]
    fn licence_is_mit_or_apache_in_both_languages() {
        assert_eq!(LICENSE_SPDX, "MIT OR Apache-2.0");
        for text in [GERMAN, ENGLISH] {
            assert!(text.license.contains("MIT OR Apache-2.0"), "{}", text.license);
        }
    }

    #[test]
    fn data_source_names_destatis_and_the_data_licence_in_both_languages() {
        assert_eq!(
            GERMAN.data_source,
            "Bevölkerung und Fläche: Statistisches Bundesamt (Destatis), Datenlizenz Deutschland – \
             Namensnennung – Version 2.0 (dl-de/by-2.0)"
        );
        for text in [GERMAN, ENGLISH] {
            assert!(text.data_source.contains("(Destatis)"), "{}", text.data_source);
            assert!(text.data_source.ends_with("(dl-de/by-2.0)"), "{}", text.data_source);
        }
    }

    #[test]
    fn lines_give_name_version_licence_and_data_source_in_order() {
        let lines = ENGLISH.lines();
        assert_eq!(lines.first().map(String::as_str), Some(NAME));
        let position = |needle: &str| lines.iter().position(|line| line.contains(needle));
        assert!(position(VERSION) < position("Licence"));
        assert!(position("Licence") < position("Destatis"));
        assert_eq!(lines.last().map(String::as_str), Some(DATA_LICENSE_URL));
    }
}
