//! Parses the bundled data (`data/`) when rolediff is built.
//!
//! Each YAML file of `data/` is parsed with rolediff's own parser (`src/model/yaml.rs`,
//! compiled in here as a module) and its tree stored in a compact binary form in
//! `OUT_DIR/nodes/<path>.bin`, which `src/model/bundled.rs` compiles in beside the
//! text. A command on the bundled data then decodes trees instead of parsing YAML
//! (about ten times faster) and checks them like any data set. A file that does not
//! parse gets an empty form: the loader then parses its text and reports the problem.

use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/diagnostics.rs"]
mod diagnostics;

#[allow(dead_code)]
#[path = "src/model/yaml.rs"]
mod yaml;

fn main() {
    println!("cargo::rerun-if-changed=../../data");
    println!("cargo::rerun-if-changed=src/model/yaml.rs");
    println!("cargo::rerun-if-changed=src/diagnostics.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let data = Path::new("../../data");
    let mut files = Vec::new();
    collect_files(data, &mut files);
    // Sorted, so that the table is the same from one build to the next.
    files.sort();
    for file in files {
        let relative = file.strip_prefix(data).expect("under data/");
        let target = out
            .join("nodes")
            .join(format!("{}.bin", relative.display()));
        fs::create_dir_all(target.parent().expect("a parent")).expect("create OUT_DIR/nodes");
        let mut bytes = Vec::new();
        if file.extension().is_some_and(|e| e == "yaml") {
            let text = fs::read_to_string(&file).expect("data files are UTF-8");
            if let Ok(node) = yaml::parse(&text) {
                yaml::encode(&node, &mut bytes);
            }
        }
        write_if_changed(&target, &bytes);
    }
}

/// Writes `bytes` to `path` unless it already holds them, so that an unchanged output
/// does not rebuild the crate.
fn write_if_changed(path: &Path, bytes: &[u8]) {
    if fs::read(path).ok().as_deref() != Some(bytes) {
        fs::write(path, bytes).expect("write OUT_DIR");
    }
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read data/") {
        let path = entry.expect("data/ entry").path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}
