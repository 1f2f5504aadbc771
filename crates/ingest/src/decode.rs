//! Checks every input passes before a reader sees it: not binary, UTF-8.

use crate::format::SNIFF_BYTES;
use crate::ErrorKind;

/// Byte-order marks of UTF-16, little- and big-endian.
const UTF16_BOMS: [[u8; 2]; 2] = [[0xFF, 0xFE], [0xFE, 0xFF]];

/// Why `bytes` cannot be text before any reader sees them: UTF-16 (by its
/// byte-order mark; its ASCII has NUL bytes, so it would look binary), or a
/// NUL byte in the first 8 KiB.
pub(crate) fn not_text(bytes: &[u8]) -> Option<ErrorKind> {
    if UTF16_BOMS.iter().any(|bom| bytes.starts_with(bom)) {
        return Some(ErrorKind::Utf16);
    }
    binary_at(bytes).map(|offset| ErrorKind::Binary { offset })
}

/// The position of a NUL byte in the first 8 KiB, the mark of a binary file.
fn binary_at(bytes: &[u8]) -> Option<usize> {
    bytes[..bytes.len().min(SNIFF_BYTES)]
        .iter()
        .position(|&b| b == 0)
}

/// The bytes as UTF-8 text, without a leading byte-order mark; errors for
/// empty, binary and invalid UTF-8 input.
pub(crate) fn text_of(bytes: &[u8]) -> Result<&str, ErrorKind> {
    if bytes.is_empty() {
        return Err(ErrorKind::Empty);
    }
    if let Some(kind) = not_text(bytes) {
        return Err(kind);
    }
    let s = std::str::from_utf8(bytes).map_err(|e| ErrorKind::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    if s.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_is_not_text() {
        assert_eq!(text_of(b""), Err(ErrorKind::Empty));
        assert_eq!(text_of(b" \n "), Err(ErrorKind::Empty));
        assert_eq!(text_of(b"ab\0"), Err(ErrorKind::Binary { offset: 2 }));
        assert_eq!(
            text_of(b"abc\xff"),
            Err(ErrorKind::InvalidUtf8 { offset: 3 })
        );
        assert_eq!(text_of(b"\xEF\xBB\xBFhi"), Ok("hi"));
        assert_eq!(text_of(b"\xFF\xFEh\0i\0"), Err(ErrorKind::Utf16));
        assert_eq!(text_of(b"\xFE\xFF\0h\0i"), Err(ErrorKind::Utf16));
    }
}
