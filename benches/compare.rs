//! Comparing at catalogue scale: two roles of 1,000 tasks (near pairs included),
//! `similar ROLE` (one role ranked against all the others) over 3,000 roles, once the
//! index and the wording are built and with them, and the landscape (`matrix`) of 40
//! roles of 300 tasks.
//!
//! `cargo bench --bench compare -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rolediff::compare::{Comparator, Filter, Matrix};
use rolediff::model::{DataOrigin, DataSet, Role, RoleTask, Source, Task, TaskIdx, Text, Theme};

use rolediff_synth::Synthetic;

fn large_roles(c: &mut Criterion) {
    // 16 roles of 1,000 catalogue tasks (+2 inline) in two families, 3,000 tasks.
    let data = Synthetic::new(16, Some(1000)).load();
    let comparator = Comparator::new(&data);
    let filter = Filter::default();
    let mut group = c.benchmark_group("compare_1000_tasks");
    // Roles 0 and 2 are of one family (many shared tasks), 0 and 1 of two (many
    // only-tasks, so most near-pair work).
    for (name, left, right) in [("same_family", 0, 2), ("other_family", 0, 1)] {
        let sample = comparator.compare(left, right, &filter);
        eprintln!(
            "{name}: {} shared, {}+{} only, {} near pairs",
            sample.shared.len(),
            sample.left_only.len(),
            sample.right_only.len(),
            sample.near.len()
        );
        group.bench_function(name, |b| {
            b.iter(|| comparator.compare(black_box(left), black_box(right), &filter))
        });
    }
    // The shape of the former timed test: made-up words, skewed like real labels.
    let data = made_up_words();
    let comparator = Comparator::new(&data);
    group.bench_function("made_up_words", |b| {
        b.iter(|| comparator.compare(black_box(0), black_box(1), &filter))
    });
    group.finish();
}

fn similar(c: &mut Criterion) {
    let data = Synthetic::new(3000, None).load();
    let comparator = Comparator::new(&data);
    let filter = Filter::default();
    c.bench_function("similar_3000_roles", |b| {
        b.iter(|| comparator.rank(black_box(0), &filter))
    });
    // What the first ranking of a session (and so every `rolediff similar`) pays on
    // top of the load: the text index of every task, the wording of every role, then
    // the ranking. The bench above reuses both.
    let mut group = c.benchmark_group("similar_3000_roles_first");
    group.sample_size(10);
    group.bench_function("index_wording_rank", |b| {
        b.iter(|| Comparator::new(black_box(&data)).rank(0, &filter))
    });
    group.finish();
}

fn landscape(c: &mut Criterion) {
    let data = Synthetic::new(40, Some(300)).load();
    let comparator = Comparator::new(&data);
    let filter = Filter::default();
    let mut group = c.benchmark_group("matrix_40x300");
    group.sample_size(10);
    group.bench_function("matrix", |b| {
        b.iter(|| Matrix::compute(&comparator, black_box(&filter)))
    });
    // What `Matrix::compute` did before it used the symmetry: every ordered pair.
    group.bench_function("every_ordered_pair", |b| {
        b.iter(|| {
            let n = data.roles.len();
            (0..n)
                .flat_map(|i| (0..n).map(move |j| (i, j)))
                .map(|(i, j)| comparator.compare(i, j, &filter).similarity)
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

/// Two roles of 1,000 tasks each out of 3,000, with labels of 3 to 6 words from a
/// vocabulary of 400 (a few words very common, like "communauté" in real data).
fn made_up_words() -> DataSet {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let vocabulary: Vec<String> = (0..400).map(|i| format!("mot{i}")).collect();
    let tasks: Vec<Task> = (0..3000)
        .map(|i| {
            let words: Vec<&str> = (0..3 + next(4))
                .map(|_| {
                    // Squaring skews the draw towards the first words.
                    let r = next(400);
                    vocabulary[(r * r / 400) as usize].as_str()
                })
                .collect();
            Task {
                id: format!("t{i}"),
                label: Text::same(words.join(" ")),
                themes: vec![(i % 10) as usize],
                axis: Some((i % 100) as f64 / 100.0),
                description: None,
                inline: true,
            }
        })
        .collect();
    let role = |id: &str, range: std::ops::Range<usize>| Role {
        id: id.into(),
        name: Text::same(id),
        aliases: Vec::new(),
        summary: None,
        tasks: range
            .map(|task| RoleTask {
                task: TaskIdx(task),
                sources: vec![0].into(),
                contested_by: Vec::new(),
                note: None,
            })
            .collect(),
    };
    DataSet {
        themes: (0..10)
            .map(|i| Theme {
                id: format!("th{i}"),
                label: Text::same(format!("Theme {i}")),
                description: None,
            })
            .collect(),
        sources: vec![Source {
            id: "s".into(),
            title: "S".into(),
            language: "fr".into(),
            url: None,
            summary: None,
        }],
        tasks,
        // 200 tasks in common, 800 only on each side.
        roles: vec![role("a", 0..1000), role("b", 800..1800)],
        origin: DataOrigin::Bundled,
        language: None,
        synonyms: Vec::new(),
    }
}

criterion_group!(benches, large_roles, similar, landscape);
criterion_main!(benches);
