//! Loading at catalogue scale: load + validate + index against the floors of parsing
//! the same files into a generic tree (serde's `serde_yaml::Value`, which the target
//! was set on, and the parser's own `saphyr::Yaml`), and how load time grows with the
//! catalogue.
//!
//! `cargo bench --bench load -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rolediff::compare::Comparator;
use rolediff::model::load_path;

use rolediff_synth::Synthetic;

/// Every YAML file of a data set folder, in the order the loader reads them.
fn yaml_files(folder: &Path) -> Vec<PathBuf> {
    let mut roles: Vec<PathBuf> = std::fs::read_dir(folder.join("roles"))
        .expect("roles folder")
        .map(|entry| entry.expect("entry").path())
        .collect();
    roles.sort();
    ["themes.yaml", "sources.yaml", "tasks.yaml"]
        .iter()
        .map(|name| folder.join(name))
        .chain(roles)
        .collect()
}

/// The floor: read each file and parse it into saphyr's generic YAML tree (the same
/// parser as rolediff's, building the tree any program would), then drop it.
fn parse_only(files: &[PathBuf]) -> usize {
    use saphyr::LoadableYamlNode;
    let mut documents = 0;
    for file in files {
        let text = std::fs::read_to_string(file).expect("read");
        let value = saphyr::Yaml::load_from_str(&text).expect("parse");
        documents += value.len();
    }
    documents
}

/// The floor the load target was set against: read each file and parse it into a
/// serde YAML tree (`serde_yaml::Value`), then drop it.
fn serde_value_only(files: &[PathBuf]) -> usize {
    let mut documents = 0;
    for file in files {
        let text = std::fs::read_to_string(file).expect("read");
        let value: serde_yaml::Value = serde_yaml::from_str(&text).expect("parse");
        documents += usize::from(!value.is_null());
    }
    documents
}

/// Below the floor: read each file and walk the parser's events, building nothing.
fn events_only(files: &[PathBuf]) -> usize {
    let mut events = 0;
    for file in files {
        let text = std::fs::read_to_string(file).expect("read");
        let mut parser = saphyr_parser::Parser::new_from_str(&text);
        while let Some(event) = parser.next_event() {
            let (event, _) = event.expect("parse");
            if matches!(event, saphyr_parser::Event::StreamEnd) {
                break;
            }
            events += 1;
        }
    }
    events
}

/// rolediff's own parsing step alone (`rolediff_yaml::parse_document`: its `Node` tree
/// and the positions of every value), to split the load into parsing and checking.
fn own_parse_only(files: &[PathBuf]) -> usize {
    let mut documents = 0;
    for file in files {
        let text = std::fs::read_to_string(file).expect("read");
        let document = rolediff_yaml::parse_document(&text).expect("parse");
        documents += usize::from(!matches!(document.root, rolediff_yaml::Node::Null));
    }
    documents
}

/// What `rolediff` does before it can compare: load, validate, build the text index.
fn load_and_index(folder: &Path) -> usize {
    let data = load_path(folder).expect("valid data");
    let comparator = Comparator::new(&data);
    black_box(&comparator);
    data.tasks.len()
}

fn catalogue_3000(c: &mut Criterion) {
    let synthetic = Synthetic::new(3000, None);
    let files = yaml_files(&synthetic.path);
    eprintln!("{} files, {} bytes", files.len(), synthetic.bytes);
    let mut group = c.benchmark_group("load_3000_roles");
    group.sample_size(10);
    group.bench_function("floor_saphyr_yaml", |b| {
        b.iter(|| parse_only(black_box(&files)))
    });
    group.bench_function("floor_serde_yaml_value", |b| {
        b.iter(|| serde_value_only(black_box(&files)))
    });
    group.bench_function("events_only", |b| b.iter(|| events_only(black_box(&files))));
    group.bench_function("load_validate_index", |b| {
        b.iter(|| load_and_index(black_box(&synthetic.path)))
    });
    // The two parts, to see where the time goes.
    group.bench_function("load_validate", |b| {
        b.iter(|| load_path(black_box(&synthetic.path)).expect("valid data"))
    });
    group.bench_function("parse_only", |b| {
        b.iter(|| own_parse_only(black_box(&files)))
    });
    let data = synthetic.load();
    group.bench_function("index", |b| b.iter(|| Comparator::new(black_box(&data))));
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_scaling");
    group.sample_size(10);
    group.sampling_mode(criterion::SamplingMode::Flat);
    for roles in [300, 3000, 30_000] {
        let synthetic = Synthetic::new(roles, None);
        eprintln!("{roles} roles: {} bytes", synthetic.bytes);
        group.bench_with_input(BenchmarkId::from_parameter(roles), &synthetic, |b, s| {
            b.iter(|| load_and_index(&s.path))
        });
    }
    group.finish();
}

criterion_group!(benches, catalogue_3000, scaling);
criterion_main!(benches);
