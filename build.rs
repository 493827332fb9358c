//! Stems every word of the text of the bundled data (`data/`) when rolediff is built,
//! and writes the stems into `OUT_DIR/stems.rs`, a table that near-pair analysis looks
//! words up in before running the stemmers (`src/compare/stem_table.rs` says why and
//! how). The YAML files are read with the `rolediff-yaml` crate, as at run time.

use std::fs;
use std::path::{Path, PathBuf};

use rolediff_yaml::Node;

#[allow(dead_code)]
#[path = "src/compare/textnorm.rs"]
mod textnorm;

#[allow(dead_code)]
#[path = "src/compare/stem_table.rs"]
mod stem_table;

fn main() {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/compare/textnorm.rs");
    println!("cargo::rerun-if-changed=src/compare/stem_table.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let data = Path::new("data");
    let mut files = Vec::new();
    collect_files(data, &mut files);
    // Sorted, so that the table is the same from one build to the next.
    files.sort();
    let mut words = std::collections::BTreeSet::new();
    for file in files {
        if file.extension().is_some_and(|e| e == "yaml") {
            let text = fs::read_to_string(&file).expect("data files are UTF-8");
            if let Ok(node) = rolediff_yaml::parse(&text) {
                collect_words(&node, &mut words);
            }
        }
    }

    write_if_changed(&out.join("stems.rs"), stem_table_source(&words).as_bytes());
}

/// The words of every string value of `node`, split and lowercased like near-pair
/// analysis splits labels (`textnorm::words`).
fn collect_words(node: &Node, words: &mut std::collections::BTreeSet<String>) {
    match node {
        Node::String(text) => words.extend(textnorm::words(text)),
        Node::Seq(items) => items.iter().for_each(|item| collect_words(item, words)),
        Node::Map(entries) => entries
            .iter()
            .for_each(|(_, value)| collect_words(value, words)),
        _ => {}
    }
}

/// Rust source of the `StemTable` of `words`: each word with its French and English
/// stems, folded.
fn stem_table_source(words: &std::collections::BTreeSet<String>) -> String {
    use rust_stemmers::{Algorithm, Stemmer};
    let french = Stemmer::create(Algorithm::French);
    let english = Stemmer::create(Algorithm::English);
    let entries: Vec<(String, String, String)> = words
        .iter()
        .map(|word| {
            (
                word.clone(),
                textnorm::fold(&french.stem(word)),
                textnorm::fold(&english.stem(word)),
            )
        })
        .collect();
    let (slots, text) = stem_table::lay_out(&entries);
    let mut source = String::from("StemTable { slots: &[\n");
    for slot in slots {
        source.push_str(&format!(
            "Slot {{ start: {}, word: {}, french: {}, english: {} }},\n",
            slot.start, slot.word, slot.french, slot.english
        ));
    }
    source.push_str(&format!("], text: {text:?} }}\n"));
    source
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
