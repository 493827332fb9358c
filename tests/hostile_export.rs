//! `export-data` never leaves a partial file: not into a read-only folder, not onto a
//! full disk. Each file is written to a temporary sibling, synced, then renamed.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

fn export(dir: &Path) -> std::process::Output {
    Command::cargo_bin("rolediff")
        .unwrap()
        .arg("export-data")
        .arg(dir)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

/// Every file under `dir` is complete (equal to its bundled original) and no
/// temporary file is left behind.
fn assert_no_partial_file(dir: &Path) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            assert!(
                !relative.ends_with(".tmp"),
                "temporary file left: {relative}"
            );
            let written = std::fs::read_to_string(&path).unwrap();
            if relative == "rolediff.schema.json" {
                assert!(written.ends_with("}\n"), "{relative} is partial");
                continue;
            }
            let bundled = rolediff::model::BUNDLED_FILES
                .iter()
                .find(|f| f.path == relative)
                .unwrap_or_else(|| panic!("unexpected file {relative}"));
            // A data file starts with the line that gives editors the schema.
            let body = match written.split_once('\n') {
                Some((first, body)) if first.starts_with("# yaml-language-server:") => body,
                _ => written.as_str(),
            };
            assert_eq!(body, bundled.contents, "{relative} is partial");
        }
    }
}

#[cfg(unix)]
#[test]
fn read_only_target_gets_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out");
    std::fs::create_dir(&target).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(target.join("probe"), "").is_ok() {
        let _ = std::fs::remove_file(target.join("probe"));
        // Root writes whatever the mode: a read-only mount stops it.
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs"])
            .arg(&target)
            .output();
        if !mounted.as_ref().is_ok_and(|o| o.status.success()) {
            eprintln!("skipped: running as root and cannot mount a read-only tmpfs");
            return;
        }
        let output = export(&target.join("data"));
        let result = std::panic::catch_unwind(|| {
            assert_eq!(output.status.code(), Some(2));
            assert_no_partial_file(&target);
        });
        let _ = std::process::Command::new("umount").arg(&target).status();
        if let Err(panic) = result {
            std::panic::resume_unwind(panic);
        }
        return;
    }
    let output = export(&target);
    assert_eq!(output.status.code(), Some(2));
    assert_no_partial_file(&target);
}

/// A 16 KiB tmpfs fills up part-way through the export (needs root to mount; skipped
/// with a message otherwise).
#[cfg(target_os = "linux")]
#[test]
fn full_disk_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let mount = dir.path().join("small");
    std::fs::create_dir(&mount).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
        .arg(&mount)
        .output();
    if !mounted.as_ref().is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root): {mounted:?}");
        return;
    }
    let target = mount.join("data");
    let output = export(&target);
    let total: usize = rolediff::model::BUNDLED_FILES
        .iter()
        .map(|f| f.contents.len())
        .sum();
    let result = std::panic::catch_unwind(|| {
        assert!(total > 16 * 1024, "the export must not fit: {total} bytes");
        {
            assert_eq!(
                output.status.code(),
                Some(2),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(String::from_utf8_lossy(&output.stderr).contains("cannot write"));
        }
        assert_no_partial_file(&target);
    });
    let _ = std::process::Command::new("umount").arg(&mount).status();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn a_file_where_a_folder_belongs_stops_the_export_before_any_write() {
    let dir = tempfile::tempdir().unwrap();
    // `roles` is a file: nothing is written, and the message says why.
    let target = dir.path().join("out");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("roles"), "not a folder").unwrap();
    let output = export(&target);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("roles is a file, expected a folder"),
        "{stderr}"
    );
    let written: Vec<_> = std::fs::read_dir(&target).unwrap().flatten().collect();
    assert_eq!(written.len(), 1, "files were written before the refusal");
    // The target itself a file: the same message, not "File exists".
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let output = export(&file);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("a-file is a file, expected a folder"),
        "{stderr}"
    );
    // A hostile path is printed sanitised.
    let evil = dir.path().join("evil\u{1b}]0;PWNED\u{7}");
    let output = export(&evil);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
}
