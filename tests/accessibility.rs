//! Public bodies must support screen readers (BITV 2.0, EN 301 549): the window is built with
//! eframe's `accesskit` feature, so the release build carries the platform bridge.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose; the crate denies unwrap outside tests.

fn read(relative: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap()
}

#[test]
fn the_window_is_built_with_the_screen_reader_bridge() {
    let manifest = read("Cargo.toml");
    let eframe = manifest.lines().find(|l| l.starts_with("eframe = ")).unwrap();
    assert!(eframe.contains("\"accesskit\""), "eframe without its accesskit feature: {eframe}");
    assert!(read("Cargo.lock").contains("name = \"accesskit_winit\""), "no accesskit_winit in Cargo.lock");
}
