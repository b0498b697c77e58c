//! The panels of the main window, one file each.

pub mod domains;
pub mod indicators;
pub mod measures;
pub mod plots;
pub mod presentation;
pub mod regions;
pub mod scenarios;
