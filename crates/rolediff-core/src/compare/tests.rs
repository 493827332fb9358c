//! Unit tests of the comparison: a worked example, filters, the similarity, contested tasks, splits and rows.

use super::*;
use crate::compare::test_data::{data, role, task};

/// Tasks: 0 strategy (t0), 1 and 2 say the same thing in other words (t1),
/// 3 writing (t2 then t0), 4 events (t2). A = [0, 1, 3], B = [0, 2, 4, 3].
fn example() -> DataSet {
    let tasks = vec![
        task("strategy", "Définir la stratégie", &[0], 0.9),
        task("moderate", "Modérer les commentaires", &[1], 0.2),
        task("moderation", "Modération des commentaires", &[1], 0.3),
        task("write", "Rédiger les publications", &[2, 0], 0.4),
        task("events", "Organiser des événements", &[2], 0.5),
    ];
    let mut b = role("b", &[0, 2, 4, 3]);
    b.tasks[2].sources = vec![1].into();
    data(3, tasks, vec![role("a", &[0, 1, 3]), b])
}

#[test]
fn comparison_worked_by_hand() {
    let data = example();
    let c = Comparator::new(&data).compare(0, 1, &Filter::default());
    let shared: Vec<(TaskIdx, usize, usize)> =
        c.shared.iter().map(|s| (s.task, s.left, s.right)).collect();
    assert_eq!(shared, [(TaskIdx(0), 0, 0), (TaskIdx(3), 2, 3)]);
    assert_eq!(c.left_only, [1]);
    assert_eq!(c.right_only, [1, 2]);
    assert_eq!(c.near.len(), 1);
    assert_eq!((c.near[0].left, c.near[0].right), (1, 1));
    assert!(c.near[0].score > 0.999);
    // overlap = 2 shared + 1 near ≈ 3; union = 3 + 4 − 3 = 4.
    let similarity = c.similarity.unwrap();
    assert!((similarity - 0.75).abs() < 1e-6, "{similarity}");
    assert_eq!(c.similarity_agreed, c.similarity, "nothing is contested");
    assert!((c.left_axis.unwrap() - 0.5).abs() < 1e-12);
    assert!((c.right_axis.unwrap() - 0.525).abs() < 1e-12);
    let counts: Vec<(ThemeIdx, usize, usize, usize)> = c
        .themes
        .iter()
        .map(|t| (t.theme, t.left, t.right, t.shared))
        .collect();
    // Task 3 counts in t2 and t0: every theme of a task counts.
    assert_eq!(counts, [(0, 2, 2, 2), (1, 1, 1, 0), (2, 1, 2, 1)]);
}

#[test]
fn filters_apply_before_everything() {
    let data = example();
    let comparator = Comparator::new(&data);
    let by_theme = Filter {
        themes: vec![1],
        ..Filter::default()
    };
    let c = comparator.compare(0, 1, &by_theme);
    assert!(c.shared.is_empty());
    assert_eq!(
        (c.left_only.as_slice(), c.right_only.as_slice()),
        (&[1][..], &[1][..])
    );
    // One near pair scoring 1 out of one task each: high, but not identical.
    assert_eq!(c.similarity, Some(0.999));
    assert_eq!(c.themes.len(), 1);

    let by_query = Filter {
        query: "  STRATEGIE ".into(),
        ..Filter::default()
    };
    let c = comparator.compare(0, 1, &by_query);
    assert_eq!(c.shared.len(), 1);
    assert_eq!(c.similarity, Some(1.0));
    assert_eq!(c.left_axis, Some(0.9));

    let by_source = Filter {
        sources: vec![1],
        ..Filter::default()
    };
    let c = comparator.compare(0, 1, &by_source);
    assert!(c.shared.is_empty() && c.left_only.is_empty());
    assert_eq!(c.right_only, [2]);
    assert_eq!(c.similarity, Some(0.0));
    assert_eq!(c.left_axis, None);

    // Nothing kept on either side: nothing compared, no similarity.
    let nothing = Filter {
        query: "no such words".into(),
        ..Filter::default()
    };
    let c = comparator.compare(0, 1, &nothing);
    assert_eq!((c.similarity, c.similarity_agreed), (None, None));
}

#[test]
fn similarity_is_a_soft_jaccard() {
    let near = |score| NearPair {
        left: 0,
        right: 0,
        score,
        kind: PairKind::Near,
    };
    // overlap = 1 + 0.8 = 1.8; union = 3 + 2 − 1.8 = 3.2.
    assert!((similarity(1, &[near(0.8)], 3, 2).unwrap() - 0.5625).abs() < 1e-12);
    assert_eq!(similarity(2, &[], 2, 2), Some(1.0));
    assert_eq!(similarity(0, &[], 0, 0), None);
    assert_eq!(similarity(0, &[], 0, 3), Some(0.0));
    assert_eq!(similarity(1, &[], 2, 2), Some(1.0 / 3.0));
}

#[test]
fn contested_tasks_leave_the_agreed_similarity_and_the_axis() {
    // Both roles hold tasks 0 and 3; a's task 0 is contested by source 1.
    let tasks = vec![
        task("strategy", "Définir la stratégie", &[0], 0.9),
        task("moderate", "Modérer les commentaires", &[1], 0.2),
        task("write", "Rédiger les publications", &[2], 0.4),
        task("events", "Organiser des événements", &[2], 0.5),
    ];
    let mut a = role("a", &[0, 3]);
    a.tasks[0].contested_by = vec![1];
    let data = data(3, tasks, vec![a, role("b", &[0, 3, 2])]);
    let comparator = Comparator::new(&data);
    let c = comparator.compare(0, 1, &Filter::default());
    // Claimed: 2 shared of 3 → 2/3. Agreed: a keeps task 3 only, b keeps 3 tasks,
    // 1 shared → 1/3.
    assert!((c.similarity.unwrap() - 2.0 / 3.0).abs() < 1e-12);
    assert!((c.similarity_agreed.unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(c.left_axis, Some(0.5));
    // Source 0's view: source 1's contest is not part of it.
    let view = Filter {
        sources: vec![0],
        ..Filter::default()
    };
    let c = comparator.compare(0, 1, &view);
    assert_eq!(c.similarity, c.similarity_agreed);
    assert_eq!(c.left_axis, Some(0.7));
    // Source 1's view: it states nothing of either role.
    let c = comparator.compare(
        0,
        1,
        &Filter {
            sources: vec![1],
            ..Filter::default()
        },
    );
    assert_eq!((c.similarity, c.left_axis), (None, None));
}

#[test]
fn pairs_far_apart_on_the_axis_are_splits() {
    assert_eq!(PairKind::of(Some(0.9), Some(0.3)), PairKind::Split);
    assert_eq!(PairKind::of(Some(0.2), Some(0.7)), PairKind::Split);
    assert_eq!(PairKind::of(Some(0.2), Some(0.69)), PairKind::Near);
    assert_eq!(PairKind::of(None, Some(0.9)), PairKind::Near);
}

#[test]
fn rows_group_by_theme_with_pairs_on_one_row() {
    let data = example();
    let c = Comparator::new(&data).compare(0, 1, &Filter::default());
    let layout = rows(&data, &c, &Filter::default());
    let cells: Vec<String> = layout
        .iter()
        .map(|row| match row {
            Row::Theme(t) => format!("#{t}"),
            Row::Task {
                marker,
                left,
                right,
                ..
            } => format!("{}{:?}{:?}", marker.symbol(), left, right),
        })
        .collect();
    assert_eq!(
        cells,
        [
            "#0",
            "=Some(0)Some(0)",
            "#1",
            "~Some(1)Some(1)",
            "#2",
            "=Some(2)Some(3)",
            ">NoneSome(2)",
        ]
    );
}

#[test]
fn a_declared_language_beats_the_guess_from_the_words() {
    // French-looking labels (accents, French stop words) in a file that says it is
    // English: the declaration wins.
    let text = "language: en\nroles:\n  - name: A\n    tasks: [Gérer les réseaux, Rédiger des posts]\n  - name: B\n    tasks: [Gérer la communauté]\n";
    let data = crate::model::load_text("declared.yaml", text).expect("loads");
    assert_eq!(data.language, Some(crate::lang::Lang::En));
    let index = NearIndex::new(&data);
    assert_eq!(
        index.reading().usual,
        crate::compare::near::Language::English
    );
    // Without the declaration, the words tell: French.
    let guessed = crate::model::load_text("guessed.yaml", &text.replace("language: en\n", ""))
        .expect("loads");
    assert_eq!(guessed.language, None);
    assert_eq!(
        NearIndex::new(&guessed).reading().usual,
        crate::compare::near::Language::French
    );
}

#[test]
fn the_wording_in_common_needs_no_ranking_first() {
    // The wording is built on first need, and building it locks the analysis: asked
    // for before any ranking, the words must still come (not a deadlock).
    let data = example();
    let words = Comparator::new(&data).wording_in_common(0, 1, 4, crate::lang::Lang::Fr);
    assert!(words.contains(&"stratégie".to_string()), "{words:?}");
    assert!(words.contains(&"commentaires".to_string()), "{words:?}");
}
