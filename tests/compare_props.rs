//! Invariants of the comparison on generated data sets.

use std::collections::BTreeSet;

use proptest::prelude::*;
use rolediff::compare::{Comparator, Comparison, Filter, Marker, NEAR_THRESHOLD, Row, rows};
use rolediff::model::{DataOrigin, DataSet, Role, RoleTask, Source, Task, TaskIdx, Text, Theme};

/// Few words, so that labels often share their stems and near pairs happen: word forms
/// of one stem (modérer, modération), a paraphrase (faire vivre), stop words, English.
const WORDS: &[&str] = &[
    "animer",
    "la",
    "communauté",
    "modérer",
    "commentaires",
    "modération",
    "des",
    "rédiger",
    "faire vivre",
    "moderate",
    "comments",
    "posts",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..4).prop_map(|w| w.join(" "))
}

fn task(themes: usize) -> impl Strategy<Value = (String, Option<String>, Vec<usize>, f64)> {
    (
        text(),
        prop::option::of(text()),
        prop::collection::btree_set(0..themes, 1..=themes.min(3)),
        0.0..=1.0f64,
    )
        .prop_map(|(fr, en, themes, axis)| (fr, en, themes.into_iter().collect(), axis))
}

fn role_tasks(tasks: usize, sources: usize) -> impl Strategy<Value = Vec<RoleTask>> {
    prop::collection::btree_map(
        0..tasks,
        (
            prop::collection::btree_set(0..sources, 1..=sources),
            prop::collection::btree_set(0..sources, 0..=1),
        ),
        0..=tasks,
    )
    .prop_map(|map| {
        map.into_iter()
            .map(|(task, (sources, contested))| RoleTask {
                task: TaskIdx(task),
                sources: sources.into_iter().collect(),
                contested_by: contested.into_iter().collect(),
                note: None,
            })
            .collect()
    })
}

fn data_set() -> impl Strategy<Value = DataSet> {
    (1usize..4, 1usize..3, 1usize..16).prop_flat_map(|(themes, sources, tasks)| {
        (
            prop::collection::vec(task(themes), tasks),
            prop::collection::vec(role_tasks(tasks, sources), 2..4),
        )
            .prop_map(move |(task_values, role_values)| DataSet {
                themes: (0..themes)
                    .map(|i| Theme {
                        id: format!("t{i}"),
                        label: Text::same(format!("Theme {i}")),
                        description: None,
                    })
                    .collect(),
                sources: (0..sources)
                    .map(|i| Source {
                        id: format!("s{i}"),
                        title: format!("S{i}"),
                        language: "fr".into(),
                        url: None,
                        summary: None,
                    })
                    .collect(),
                tasks: task_values
                    .into_iter()
                    .enumerate()
                    .map(|(i, (fr, en, themes, axis))| Task {
                        id: format!("k{i}"),
                        label: match en {
                            Some(en) => Text { fr, en },
                            None => Text::same(fr),
                        },
                        themes,
                        axis: Some(axis),
                        description: None,
                        inline: false,
                    })
                    .collect(),
                roles: role_values
                    .into_iter()
                    .enumerate()
                    .map(|(i, tasks)| Role {
                        id: format!("r{i}"),
                        name: Text::same(format!("R{i}")),
                        aliases: Vec::new(),
                        summary: None,
                        tasks,
                    })
                    .collect(),
                origin: DataOrigin::Bundled,
                language: None,
                synonyms: Vec::new(),
            })
    })
}

/// Half the cases unfiltered, so that the near pairs are not all filtered away.
fn filter() -> impl Strategy<Value = Filter> {
    let some = (
        prop::collection::vec(0usize..3, 0..3),
        prop::collection::vec(0usize..2, 0..2),
        prop::option::weighted(0.3, prop::sample::select(WORDS)),
    )
        .prop_map(|(themes, sources, query)| Filter {
            themes,
            sources,
            query: query.unwrap_or_default().to_uppercase(),
        });
    prop_oneof![Just(Filter::default()), some]
}

/// A data set, a filter whose ids exist in it, and two role indices.
fn case() -> impl Strategy<Value = (DataSet, Filter, usize, usize)> {
    (data_set(), filter(), 0usize..4, 0usize..4).prop_map(|(data, mut filter, a, b)| {
        filter.themes.retain(|&t| t < data.themes.len());
        filter.sources.retain(|&s| s < data.sources.len());
        let (a, b) = (a % data.roles.len(), b % data.roles.len());
        (data, filter, a, b)
    })
}

fn filtered(data: &DataSet, role: usize, filter: &Filter) -> BTreeSet<usize> {
    (0..data.roles[role].tasks.len())
        .filter(|&i| filter.accepts(data, &data.roles[role].tasks[i]))
        .collect()
}

fn shared_tasks(c: &Comparison) -> BTreeSet<usize> {
    c.shared.iter().map(|s| s.task.get()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn shared_and_only_lists_partition_each_side((data, filter, a, b) in case()) {
        let c = Comparator::new(&data).compare(a, b, &filter);
        let left: Vec<usize> = c.shared.iter().map(|s| s.left).chain(c.left_only.iter().copied()).collect();
        let right: Vec<usize> = c.shared.iter().map(|s| s.right).chain(c.right_only.iter().copied()).collect();
        prop_assert_eq!(left.len(), left.iter().collect::<BTreeSet<_>>().len());
        prop_assert_eq!(right.len(), right.iter().collect::<BTreeSet<_>>().len());
        prop_assert_eq!(left.into_iter().collect::<BTreeSet<_>>(), filtered(&data, a, &filter));
        prop_assert_eq!(right.into_iter().collect::<BTreeSet<_>>(), filtered(&data, b, &filter));
        for s in &c.shared {
            prop_assert_eq!(data.roles[a].tasks[s.left].task, s.task);
            prop_assert_eq!(data.roles[b].tasks[s.right].task, s.task);
        }
    }

    #[test]
    fn swapping_sides_swaps_lists_and_keeps_similarity((data, filter, a, b) in case()) {
        let comparator = Comparator::new(&data);
        let ab = comparator.compare(a, b, &filter);
        let ba = comparator.compare(b, a, &filter);
        prop_assert_eq!(shared_tasks(&ab), shared_tasks(&ba));
        prop_assert_eq!(&ab.left_only, &ba.right_only);
        prop_assert_eq!(&ab.right_only, &ba.left_only);
        let pairs = |c: &Comparison, swap: bool| -> BTreeSet<(usize, usize)> {
            c.near.iter().map(|p| if swap { (p.right, p.left) } else { (p.left, p.right) }).collect()
        };
        prop_assert_eq!(pairs(&ab, false), pairs(&ba, true));
        prop_assert_eq!(ab.similarity, ba.similarity);
        prop_assert_eq!(ab.left_axis, ba.right_axis);
        let counts = |c: &Comparison, swap: bool| -> Vec<(usize, usize, usize, usize)> {
            c.themes.iter().map(|t| if swap { (t.theme, t.right, t.left, t.shared) } else { (t.theme, t.left, t.right, t.shared) }).collect()
        };
        prop_assert_eq!(counts(&ab, false), counts(&ba, true));
    }

    #[test]
    fn a_role_compared_with_itself_is_identical((data, filter, a, _b) in case()) {
        let c = Comparator::new(&data).compare(a, a, &filter);
        // Identical, unless nothing passes the filter: then nothing is compared.
        let expected = (!filtered(&data, a, &filter).is_empty()).then_some(1.0);
        prop_assert_eq!(c.similarity, expected);
        prop_assert!(c.left_only.is_empty() && c.right_only.is_empty() && c.near.is_empty());
        prop_assert_eq!(c.shared.len(), filtered(&data, a, &filter).len());
    }

    #[test]
    fn a_theme_filter_lets_through_only_tasks_with_that_theme((data, filter, a, b) in case()) {
        let c = Comparator::new(&data).compare(a, b, &filter);
        if !filter.themes.is_empty() {
            let tasks = c.shared.iter().map(|s| s.task)
                .chain(c.left_only.iter().map(|&i| data.roles[a].tasks[i].task))
                .chain(c.right_only.iter().map(|&j| data.roles[b].tasks[j].task));
            for task in tasks {
                prop_assert!(data.tasks[task].themes.iter().any(|t| filter.themes.contains(t)));
            }
        }
    }

    #[test]
    fn near_pairs_are_one_to_one_among_only_tasks((data, filter, a, b) in case()) {
        let c = Comparator::new(&data).compare(a, b, &filter);
        let mut lefts = BTreeSet::new();
        let mut rights = BTreeSet::new();
        for p in &c.near {
            prop_assert!(c.left_only.contains(&p.left));
            prop_assert!(c.right_only.contains(&p.right));
            prop_assert!(lefts.insert(p.left) && rights.insert(p.right), "a task is reused");
            prop_assert!(p.score >= NEAR_THRESHOLD && p.score <= 1.0);
            prop_assert_ne!(data.roles[a].tasks[p.left].task, data.roles[b].tasks[p.right].task);
        }
        prop_assert!(c.near.windows(2).all(|w| w[0].score >= w[1].score), "best first");
    }

    #[test]
    fn similarity_is_in_range_and_1_only_for_identical_sets((data, filter, a, b) in case()) {
        let c = Comparator::new(&data).compare(a, b, &filter);
        let nothing = c.shared.is_empty() && c.left_only.is_empty() && c.right_only.is_empty();
        prop_assert_eq!(c.similarity.is_none(), nothing, "no figure when nothing is compared");
        for value in [c.similarity, c.similarity_agreed].into_iter().flatten() {
            prop_assert!((0.0..=1.0).contains(&value));
        }
        let identical = !nothing && c.left_only.is_empty() && c.right_only.is_empty();
        prop_assert_eq!(c.similarity == Some(1.0), identical);
    }

    #[test]
    fn rows_show_every_task_once((data, filter, a, b) in case()) {
        let c = Comparator::new(&data).compare(a, b, &filter);
        let mut left = Vec::new();
        let mut right = Vec::new();
        for row in rows(&data, &c, &filter) {
            if let Row::Task { marker, left: l, right: r, .. } = row {
                let both = matches!(marker, Marker::Shared | Marker::Near | Marker::Split);
                prop_assert_eq!(both, l.is_some() && r.is_some());
                left.extend(l);
                right.extend(r);
            }
        }
        prop_assert_eq!(left.len(), c.shared.len() + c.left_only.len());
        prop_assert_eq!(right.len(), c.shared.len() + c.right_only.len());
        prop_assert_eq!(left.into_iter().collect::<BTreeSet<_>>(), filtered(&data, a, &filter));
        prop_assert_eq!(right.into_iter().collect::<BTreeSet<_>>(), filtered(&data, b, &filter));
    }

    #[test]
    fn ranking_is_sorted_and_skips_the_role((data, _filter, a, _b) in case()) {
        let ranked = Comparator::new(&data).rank(a, &Filter::default());
        prop_assert_eq!(ranked.len(), data.roles.len() - 1);
        prop_assert!(ranked.iter().all(|r| r.role != a));
        let roles: BTreeSet<usize> = ranked.iter().map(|r| r.role).collect();
        prop_assert_eq!(roles.len(), ranked.len(), "each other role once");
        prop_assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
        for r in &ranked {
            let wording = r.wording.expect("no filter: the wording counts");
            prop_assert!((0.0..=1.0).contains(&wording));
            prop_assert_eq!(r.score, (r.similarity.unwrap_or(0.0) + wording) / 2.0);
        }
    }

    /// The ranking finds near pairs through a prepared index of the role and reads
    /// only the figures of each comparison; they must be exactly those `compare` gives.
    #[test]
    fn ranking_agrees_with_compare((data, filter, a, _b) in case()) {
        let comparator = Comparator::new(&data);
        for r in comparator.rank(a, &filter) {
            let c = comparator.compare(a, r.role, &filter);
            prop_assert_eq!(r.similarity, c.similarity);
            prop_assert_eq!(r.similarity_agreed, c.similarity_agreed);
            prop_assert_eq!(r.shared, c.shared.len());
            prop_assert_eq!(r.near, c.near.len());
            if !filter.is_empty() {
                prop_assert_eq!(r.wording, None);
                prop_assert_eq!(r.score, c.similarity.unwrap_or(0.0));
            }
        }
    }
}
