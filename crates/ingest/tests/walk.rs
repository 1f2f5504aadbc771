//! Folders: recursive, sorted, lazy; hidden and foreign files skipped.

mod common;

use common::*;
use tally_ingest::{read_inputs, ErrorKind, Input, ReadOptions};

#[test]
fn folders_are_walked_in_sorted_order_skipping_hidden_and_foreign_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "b.txt", "Bee text.");
    write(d, "a.md", "Ay text.");
    write(d, "sub/c.txt", "Sea text.");
    write(
        d,
        "sub/deeper/d.jsonl",
        "{\"id\":\"dd\",\"text\":\"Dee.\"}\n",
    );
    write(d, ".git/config.txt", "hidden folder");
    write(d, ".hidden.txt", "hidden file");
    write(d, "image.png", b"\x89PNG\r\n\0\0");
    write(d, "README", "no extension");
    write(d, "package.json", "{\"name\": \"not a feed\"}");
    write(d, "zz.txt", b"bin\0ary");
    let reads = read_all(&[Input::Path(d.to_path_buf())], &ReadOptions::default());
    let got: Vec<String> = reads
        .iter()
        .map(|r| match r {
            Ok(read) => read.doc.text.clone(),
            Err(e) => format!("error {}", e.kind),
        })
        .collect();
    assert_eq!(
        got,
        [
            "Ay text.",
            "Bee text.",
            "Sea text.",
            "Dee.",
            "error binary file (NUL byte at byte 3), not a report"
        ]
    );
    let origins: Vec<String> = reads
        .iter()
        .map(|r| match r {
            Ok(read) => read.origin.clone(),
            Err(e) => e.origin.clone(),
        })
        .collect();
    assert!(origins[3].ends_with(&format!("deeper{}d.jsonl:1", std::path::MAIN_SEPARATOR)));
}

#[test]
fn files_are_opened_lazily_one_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "1.txt", "First.");
    let second = write(dir.path(), "2.txt", "Second.");
    let inputs = [Input::Path(dir.path().to_path_buf())];
    let opts = ReadOptions::default();
    let mut it = read_inputs(&inputs, &opts);
    assert_eq!(it.next().unwrap().unwrap().doc.text, "First.");
    // Removed after the folder was listed but before it was read.
    std::fs::remove_file(&second).unwrap();
    let e = it.next().unwrap().unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert!(it.next().is_none());
}

#[test]
fn explicitly_named_files_without_a_known_extension() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "saved_page", PAGE);
    let notes = write(dir.path(), "NOTES", "Plain notes.");
    let reads = read_all(
        &[Input::Path(page), Input::Path(notes)],
        &ReadOptions::default(),
    );
    assert_eq!(
        reads[0].as_ref().unwrap().doc.publisher.as_deref(),
        Some("The Test Gazette")
    );
    assert_eq!(reads[1].as_ref().unwrap().doc.text, "Plain notes.");
}

#[test]
fn an_explicit_json_that_is_not_a_feed_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "conf.json", "{\"name\": \"x\"}");
    let reads = read_all(&[Input::Path(p)], &ReadOptions::default());
    assert!(matches!(
        reads[0].as_ref().unwrap_err().kind,
        ErrorKind::Unsupported(_)
    ));
}

/// Walk `inputs` on another thread; `None` if it has not finished in 20 s.
#[cfg(unix)]
fn read_within(inputs: Vec<Input>) -> Option<Vec<Result<String, String>>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let reads = read_all(&inputs, &ReadOptions::default());
        let got = reads
            .into_iter()
            .map(|r| r.map(|x| x.doc.text).map_err(|e| e.to_string()))
            .collect();
        let _ = tx.send(got);
    });
    rx.recv_timeout(std::time::Duration::from_secs(20)).ok()
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_message_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Before the pipe.");
    write(dir.path(), "c.txt", "After the pipe.");
    let fifo = dir.path().join("b.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let got =
        read_within(vec![Input::Path(dir.path().to_path_buf())]).expect("blocked on the FIFO");
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].as_deref(), Ok("Before the pipe."));
    let err = got[1].as_ref().unwrap_err();
    assert!(
        err.contains("b.txt") && err.contains("special file (a FIFO), skipped"),
        "{err}"
    );
    assert_eq!(got[2].as_deref(), Ok("After the pipe."));
}

#[cfg(unix)]
#[test]
fn symlinked_folders_are_followed_and_loops_reported() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("tree");
    write(&tree, "a.txt", "Inside the tree.");
    write(dir.path(), "outside/b.txt", "Behind a link.");
    std::os::unix::fs::symlink(dir.path().join("outside"), tree.join("linked")).unwrap();
    std::fs::create_dir_all(tree.join("sub")).unwrap();
    std::os::unix::fs::symlink(&tree, tree.join("sub").join("up")).unwrap();
    let got = read_within(vec![Input::Path(tree.clone())]).expect("looped");
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].as_deref(), Ok("Inside the tree."));
    assert_eq!(got[1].as_deref(), Ok("Behind a link."));
    let err = got[2].as_ref().unwrap_err();
    assert!(
        err.contains("up:") && err.contains("folder already read"),
        "{err}"
    );
}
