//! The toolchain CI uses is pinned, and CI stops loudly when it cannot get rustfmt or clippy.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

fn read(relative: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap()
}

#[test]
fn rust_toolchain_toml_pins_the_release_that_cargo_toml_requires() {
    let toolchain = read("rust-toolchain.toml");
    let manifest = read("Cargo.toml");
    let rust_version = manifest.lines().find_map(|l| l.strip_prefix("rust-version = ")).unwrap().trim_matches('"');
    let channel = toolchain.lines().find_map(|l| l.strip_prefix("channel = ")).unwrap().trim_matches('"');
    assert!(channel.starts_with(rust_version) && channel.split('.').count() == 3, "{channel} vs {rust_version}");
    assert!(toolchain.contains(r#"components = ["rustfmt", "clippy"]"#), "{toolchain}");
    assert!(toolchain.contains(r#"profile = "minimal""#), "{toolchain}");
}

#[test]
fn ci_does_not_hide_a_failed_component_install() {
    let ci = read(".ci/run");
    let line = ci.lines().find(|l| l.contains("rustup component add")).unwrap();
    assert!(!line.contains("|| true") && !line.contains("/dev/null"), "{line}");
    assert!(ci.contains("set -euo pipefail"));
}
