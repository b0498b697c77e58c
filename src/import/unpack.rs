//! Zip bombs: an .xlsx, .xlsb or .ods file is a zip archive, and a few megabytes of it may unpack
//! to gigabytes. Before a workbook is read, every part is unpacked once into nothing, counting
//! the bytes that really come out (a part whose header claims a small size is stopped all the
//! same), and a workbook whose parts are larger than [`MAX_PART_BYTES`] each or
//! [`MAX_UNPACKED_BYTES`] together is refused.

use super::error::TableError;
use std::io::{Cursor, Read};

/// The most one part of a workbook (a sheet, the shared strings) may unpack to.
pub const MAX_PART_BYTES: u64 = 128 * 1024 * 1024;

/// The most all parts of a workbook together may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// The most parts a workbook may have.
pub const MAX_PARTS: usize = 10_000;

/// Checks that the zip archive `bytes` of the file `file` unpacks within the limits. A file that
/// is no zip archive at all passes: the workbook reader says what is wrong with it.
pub fn check_unpacked_size(file: &str, bytes: &[u8]) -> Result<(), TableError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    let unreadable = |reason: String| TableError::Unreadable { file: file.to_owned(), reason };
    if archive.len() > MAX_PARTS {
        return Err(unreadable(format!("the workbook has {} parts (expected at most {MAX_PARTS})", archive.len())));
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).map_err(|e| unreadable(format!("part {} of the zip archive: {e}", index + 1)))?;
        let name = part.name().to_owned();
        let too_large = |limit_bytes| TableError::UnpackedTooLarge { file: file.to_owned(), part: name.clone(), limit_bytes };
        if part.size() > MAX_PART_BYTES {
            return Err(too_large(MAX_PART_BYTES));
        }
        if total.saturating_add(part.size()) > MAX_UNPACKED_BYTES {
            return Err(TableError::UnpackedTooLarge {
                file: file.to_owned(),
                part: String::new(),
                limit_bytes: MAX_UNPACKED_BYTES,
            });
        }
        let unpacked = std::io::copy(&mut (&mut part).take(MAX_PART_BYTES + 1), &mut std::io::sink())
            .map_err(|e| unreadable(format!("part \"{name}\" cannot be unpacked: {e}")))?;
        if unpacked > MAX_PART_BYTES {
            return Err(too_large(MAX_PART_BYTES));
        }
        total += unpacked;
        if total > MAX_UNPACKED_BYTES {
            return Err(TableError::UnpackedTooLarge {
                file: file.to_owned(),
                part: String::new(),
                limit_bytes: MAX_UNPACKED_BYTES,
            });
        }
    }
    Ok(())
}
