//! The lazy walk over inputs: files, folders (recursively, sorted, one file
//! at a time) and standard input.

use crate::decode::not_text;
use crate::format::{by_extension, sniff, ByExtension, Format, SNIFF_BYTES};
use crate::jsonl::LineStream;
use crate::{read_bytes, ErrorKind, IngestError, Input, Read, ReadOptions};
use std::collections::{HashSet, VecDeque};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Cursor, Read as _};
use std::path::{Path, PathBuf};

/// The iterator behind [`crate::read_inputs`].
pub(crate) struct Walk<'a> {
    opts: &'a ReadOptions,
    inputs: std::slice::Iter<'a, Input>,
    /// Folders being walked, innermost last; each holds its sorted entries.
    folders: Vec<std::vec::IntoIter<PathBuf>>,
    /// Results of the last whole-file read not yet handed out.
    pending: VecDeque<Result<Read, IngestError>>,
    /// The JSON Lines input being streamed.
    lines: Option<LineStream<'a>>,
    /// Folders entered, by canonical path: a symlink back into one of them
    /// (a loop, or a second way to the same folder) is not entered again.
    entered: HashSet<PathBuf>,
}

impl<'a> Walk<'a> {
    pub(crate) fn new(inputs: &'a [Input], opts: &'a ReadOptions) -> Walk<'a> {
        Walk {
            opts,
            inputs: inputs.iter(),
            folders: Vec::new(),
            pending: VecDeque::new(),
            lines: None,
            entered: HashSet::new(),
        }
    }

    fn fail(&mut self, origin: impl Into<String>, kind: ErrorKind) {
        self.pending.push_back(Err(IngestError::new(origin, kind)));
    }

    /// Visit a path named by the user (`named`) or found in a folder.
    fn visit(&mut self, path: &Path, named: bool) {
        let origin = path.display().to_string();
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return self.fail(origin, ErrorKind::from_io(&e)),
        };
        if meta.is_dir() {
            return self.enter(path, named);
        }
        if !named && !meta.is_file() {
            // Opening a FIFO found in a folder would block until a writer
            // comes; sockets and devices are no reports either.
            return self.fail(origin, ErrorKind::Special(special_kind(&meta)));
        }
        let ext = by_extension(path);
        let format = match (&ext, named) {
            (ByExtension::Known(f), _) => Some(*f),
            (ByExtension::Json | ByExtension::None, true) | (ByExtension::Json, false) => None,
            (ByExtension::None | ByExtension::Unknown(_), false) => return,
            (ByExtension::Unknown(e), true) => {
                return self.fail(origin, ErrorKind::Unsupported(e.clone()))
            }
        };
        if !meta.is_file() {
            // A pipe or device named on the command line: read it as a stream.
            return match File::open(path) {
                Ok(f) => self.stream(origin, Box::new(BufReader::new(f)), format),
                Err(e) => self.fail(origin, ErrorKind::from_io(&e)),
            };
        }
        if format == Some(Format::JsonLines) {
            return match File::open(path) {
                Ok(f) => self.stream(origin, Box::new(BufReader::new(f)), format),
                Err(e) => self.fail(origin, ErrorKind::from_io(&e)),
            };
        }
        let limit = self.opts.limits.max_file_bytes;
        if meta.len() > limit {
            return self.fail(
                origin,
                ErrorKind::TooLarge {
                    size: meta.len(),
                    limit,
                },
            );
        }
        let bytes = match File::open(path).and_then(|f| read_bounded(f, limit)) {
            Ok(Bounded::All(b)) => b,
            Ok(Bounded::Over) => {
                return self.fail(
                    origin,
                    ErrorKind::TooLarge {
                        size: limit + 1,
                        limit,
                    },
                )
            }
            Err(e) => return self.fail(origin, ErrorKind::from_io(&e)),
        };
        let format = match format {
            Some(f) => Some(f),
            None => {
                let sniffed = crate::detect(Some(path), &bytes);
                if sniffed.is_none() && ext == ByExtension::Json {
                    if !named {
                        return; // some other program's .json in a folder
                    }
                    return self.fail(
                        origin,
                        ErrorKind::Unsupported(
                            ".json that is neither a JSON Feed nor a document object".into(),
                        ),
                    );
                }
                sniffed
            }
        };
        self.pending
            .extend(read_bytes(&origin, &bytes, format, self.opts));
    }

    /// Walk a folder (symlinked folders too), unless it was found inside a
    /// folder and was walked already.
    fn enter(&mut self, dir: &Path, named: bool) {
        match fs::canonicalize(dir) {
            Ok(real) => {
                if !self.entered.insert(real.clone()) && !named {
                    let why = ErrorKind::FolderSeen(real.display().to_string());
                    return self.fail(dir.display().to_string(), why);
                }
            }
            Err(e) => return self.fail(dir.display().to_string(), ErrorKind::from_io(&e)),
        }
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => return self.fail(dir.display().to_string(), ErrorKind::from_io(&e)),
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => {
                    if !e.file_name().to_string_lossy().starts_with('.') {
                        paths.push(e.path());
                    }
                }
                Err(e) => self.fail(dir.display().to_string(), ErrorKind::from_io(&e)),
            }
        }
        paths.sort();
        self.folders.push(paths.into_iter());
    }

    /// Read a stream (standard input, a pipe): JSON Lines stream line by
    /// line; anything else is read whole, up to the size limit.
    fn stream(&mut self, origin: String, mut r: Box<dyn BufRead + 'a>, format: Option<Format>) {
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        if let Err(e) = (&mut r).take(SNIFF_BYTES as u64).read_to_end(&mut head) {
            return self.fail(origin, ErrorKind::from_io(&e));
        }
        let complete = head.len() < SNIFF_BYTES;
        if head.is_empty() {
            return self.fail(origin, ErrorKind::Empty);
        }
        if let Some(kind) = not_text(&head) {
            return self.fail(origin, kind);
        }
        let format = format.or_else(|| sniff(&head, complete));
        if format == Some(Format::JsonLines) {
            let reader: Box<dyn BufRead + 'a> = Box::new(Cursor::new(head).chain(r));
            self.lines = Some(LineStream::new(
                origin,
                reader,
                self.opts.limits.max_line_bytes,
                &self.opts.overrides,
            ));
            return;
        }
        let limit = self.opts.limits.max_file_bytes;
        let mut bytes = head;
        let rest = limit.saturating_add(1).saturating_sub(bytes.len() as u64);
        if let Err(e) = r.take(rest).read_to_end(&mut bytes) {
            return self.fail(origin, ErrorKind::from_io(&e));
        }
        if bytes.len() as u64 > limit {
            return self.fail(
                origin,
                ErrorKind::TooLarge {
                    size: bytes.len() as u64,
                    limit,
                },
            );
        }
        self.pending
            .extend(read_bytes(&origin, &bytes, format, self.opts));
    }
}

/// What kind of special file `meta` describes, in words.
fn special_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "not a regular file"
}

enum Bounded {
    All(Vec<u8>),
    Over,
}

/// Read at most `limit` bytes; a file that grew past it since its size was
/// checked is reported rather than read whole.
fn read_bounded(f: File, limit: u64) -> io::Result<Bounded> {
    let mut bytes = Vec::new();
    f.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(if bytes.len() as u64 > limit {
        Bounded::Over
    } else {
        Bounded::All(bytes)
    })
}

impl Iterator for Walk<'_> {
    type Item = Result<Read, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.pending.pop_front() {
                return Some(r);
            }
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(r) => return Some(r),
                    None => self.lines = None,
                }
                continue;
            }
            if let Some(folder) = self.folders.last_mut() {
                match folder.next() {
                    Some(p) => self.visit(&p, false),
                    None => {
                        self.folders.pop();
                    }
                }
                continue;
            }
            match self.inputs.next()? {
                Input::Path(p) => self.visit(p, true),
                Input::Stdin => {
                    let stdin = Box::new(io::stdin().lock());
                    self.stream("<stdin>".to_string(), stdin, None);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Limits;

    fn streamed(bytes: Vec<u8>, opts: &ReadOptions) -> Vec<Result<Read, IngestError>> {
        let mut w = Walk::new(&[], opts);
        w.stream("<stdin>".into(), Box::new(Cursor::new(bytes)), None);
        w.collect()
    }

    #[test]
    fn streams_json_lines_across_the_sniff_window() {
        let mut input = Vec::new();
        for i in 0..400 {
            input.extend(
                format!("{{\"id\":\"s{i}\",\"text\":\"Line number {i} of the stream.\"}}\n")
                    .bytes(),
            );
        }
        assert!(input.len() > SNIFF_BYTES);
        let reads = streamed(input, &ReadOptions::default());
        assert_eq!(reads.len(), 400);
        let last = reads[399].as_ref().unwrap();
        assert_eq!(
            (last.origin.as_str(), last.doc.id.as_str()),
            ("<stdin>:400", "s399")
        );
    }

    #[test]
    fn streams_of_other_formats_are_bounded() {
        let opts = ReadOptions {
            limits: Limits {
                max_file_bytes: 20_000,
                max_line_bytes: 100,
            },
            ..ReadOptions::default()
        };
        let reads = streamed("word ".repeat(5_000).into_bytes(), &opts);
        assert!(matches!(
            reads[0].as_ref().unwrap_err().kind,
            ErrorKind::TooLarge { limit: 20_000, .. }
        ));
        let reads = streamed(b"<html><body><p>Paged.</p></body></html>".to_vec(), &opts);
        assert_eq!(reads[0].as_ref().unwrap().doc.text, "Paged.");
        assert_eq!(reads[0].as_ref().unwrap().origin, "<stdin>");
        let reads = streamed(Vec::new(), &opts);
        assert_eq!(reads[0].as_ref().unwrap_err().kind, ErrorKind::Empty);
        let reads = streamed(b"\0\x01".to_vec(), &opts);
        assert_eq!(
            reads[0].as_ref().unwrap_err().kind,
            ErrorKind::Binary { offset: 0 }
        );
    }
}
