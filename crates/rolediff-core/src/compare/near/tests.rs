use std::collections::HashSet;

use super::search::ReadAll;
use super::vectors::dot;
use super::*;
use crate::compare::test_data::{bilingual, data, task};

/// Task indices written as plain numbers.
fn ids(list: &[usize]) -> Vec<TaskIdx> {
    list.iter().copied().map(TaskIdx).collect()
}

fn index(labels: &[&str]) -> (DataSet, NearIndex) {
    let tasks = labels
        .iter()
        .enumerate()
        .map(|(i, label)| task(&format!("k{i}"), label, &[0], 0.5))
        .collect();
    let data = data(1, tasks, Vec::new());
    let index = NearIndex::new(&data);
    (data, index)
}

const COMMUNITY: &[&str] = &[
    "Animer la communauté",
    "Faire vivre la communauté",
    "Modérer les commentaires",
    "Modération des commentaires",
    "Répondre à la communauté",
    "Créer du contenu pour la communauté",
    "Rédiger le contenu",
];

#[test]
fn paraphrases_and_word_forms_pair_but_a_common_word_alone_does_not() {
    let (_, index) = index(COMMUNITY);
    assert!(
        index.score(TaskIdx(0), TaskIdx(1)) > 0.99,
        "animer ~ faire vivre"
    );
    assert!(
        index.score(TaskIdx(2), TaskIdx(3)) > 0.99,
        "modérer ~ modération"
    );
    assert!(
        index.score(TaskIdx(0), TaskIdx(4)) < NEAR_THRESHOLD,
        "only communauté in common"
    );
    assert!(
        index.score(TaskIdx(5), TaskIdx(6)) < NEAR_THRESHOLD,
        "only contenu in common"
    );
    assert!(index.score(TaskIdx(0), TaskIdx(2)) == 0.0);

    let pairs = index.pairs(&ids(&[0, 2, 5]), &ids(&[3, 1, 6, 4]));
    let found: Vec<(usize, usize)> = pairs.iter().map(|&(i, j, _)| (i, j)).collect();
    // Left 0 (Animer) with right 1 (Faire vivre), left 1 (Modérer) with right 0.
    assert_eq!(found, [(0, 1), (1, 0)]);
    assert!(pairs.iter().all(|p| p.2 >= NEAR_THRESHOLD && p.2 <= 1.0));
}

#[test]
fn score_matches_the_tf_idf_cosine_worked_by_hand() {
    // Two tasks: {moder, commentair} and {moder, avis}. n = 2;
    // idf(moder) = ln(3/3) + 1 = 1, idf(commentair) = idf(avis) = ln(3/2) + 1.
    // cosine = 1·1 / (1 + idf²) because both vectors have norm √(1 + idf²).
    let (_, index) = index(&["Modérer les commentaires", "Modérer les avis"]);
    let rare = (1.5f64).ln() + 1.0;
    let expected = 1.0 / (1.0 + rare * rare);
    assert!((index.score(TaskIdx(0), TaskIdx(1)) - expected).abs() < 1e-5);
    assert!((expected - 0.336_097).abs() < 1e-5);
}

#[test]
fn a_label_without_clues_is_read_in_the_data_sets_usual_language() {
    // "Weekly newsletter writing" has no stop word: it is read in English like the
    // others, so it meets "Draft the weekly newsletter" on English stems.
    let (_, index) = index(&[
        "Draft the weekly newsletter",
        "Weekly newsletter writing",
        "Answer the questions of the members",
        "Write the charter",
    ]);
    // {draft, week, newslett} and {week, newslett, write}; n = 4, and every term but
    // draft (df 1) is in two labels (df 2).
    let rare = (5f64 / 2.0).ln() + 1.0;
    let common = (5f64 / 3.0).ln() + 1.0;
    let expected = 2.0 * common * common
        / ((rare * rare + 2.0 * common * common).sqrt() * (3.0 * common * common).sqrt());
    assert!((expected - 0.607_84).abs() < 1e-4, "{expected}");
    assert!(
        (index.score(TaskIdx(0), TaskIdx(1)) - expected).abs() < 1e-4,
        "{}",
        index.score(TaskIdx(0), TaskIdx(1))
    );
}

#[test]
fn each_task_is_used_once_best_pair_first() {
    // Right 0 matches left 0 exactly and left 1 a little less: left 1 gets nothing.
    let (_, index) = index(&[
        "Modérer les commentaires clients",
        "Modérer les commentaires",
        "Modération des commentaires clients",
    ]);
    let pairs = index.pairs(&ids(&[1, 0]), &ids(&[2]));
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].0, pairs[0].1), (1, 0));
    // The same task on both sides is never a near pair.
    assert!(index.pairs(&ids(&[0]), &ids(&[0])).is_empty());
    assert!(index.pairs(&ids(&[]), &ids(&[0])).is_empty());
}

#[test]
fn equal_scores_break_ties_by_position() {
    let (_, index) = index(&[
        "Modérer les avis",
        "Modérer les avis clients",
        "Modérer les avis",
    ]);
    // Tasks 0 and 2 have the same label: both score 1 with each other.
    let pairs = index.pairs(&ids(&[0, 2]), &ids(&[2, 0]));
    let found: Vec<(usize, usize)> = pairs.iter().map(|&(i, j, _)| (i, j)).collect();
    assert_eq!(found, [(0, 0), (1, 1)]);
}

#[test]
fn a_one_language_label_meets_a_bilingual_one_in_its_language() {
    let tasks = vec![
        bilingual(
            "moderate",
            "Modérer les échanges",
            "Moderate conversations",
            &[0],
            0.2,
        ),
        task("inline-fr", "Modération des échanges", &[0], 0.2),
        task("inline-en", "Conversation moderation", &[0], 0.2),
    ];
    let data = data(1, tasks, Vec::new());
    let index = NearIndex::new(&data);
    assert!(index.score(TaskIdx(0), TaskIdx(1)) > 0.99);
    assert!(index.score(TaskIdx(0), TaskIdx(2)) > 0.99);
    assert!(
        index.score(TaskIdx(1), TaskIdx(2)) < NEAR_THRESHOLD,
        "no translation between languages"
    );
}

#[test]
fn the_work_budget_bounds_the_search_and_keeps_it_sound() {
    // 300 labels sharing "commentaires"; each also has one word of its own, and task
    // 300 repeats task 0's label.
    let labels: Vec<String> = (0..300)
        .map(|i| format!("Modérer les commentaires mot{i}"))
        .chain(["Modérer les commentaires mot0".to_string()])
        .collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let (_, mut index) = index(&labels);
    let left: Vec<TaskIdx> = ids(&[0, 1, 2]);
    let right: Vec<TaskIdx> = (3..301).map(TaskIdx).collect();
    // Walking only the rare word's list (one posting) still finds the twin.
    index.limits = Limits {
        budget: 1,
        per_task: 1,
        scored: 1,
        ..Limits::DEFAULT
    };
    let pairs = index.pairs(&left, &right);
    assert_eq!(pairs, [(0, 297, 1.0)]);
}

/// Few words, several forms of one stem and a paraphrase, so that labels often pair.
const WORDS: &[&str] = &[
    "animer",
    "faire vivre",
    "la",
    "communauté",
    "modérer",
    "modération",
    "des",
    "commentaires",
    "avis",
    "clients",
    "moderate",
    "comments",
];

/// The pairs `pairs` must give, found the plain way: every pair of tasks scored,
/// sorted by score then task indices then positions, taken greedily.
fn brute_force_pairs(
    index: &NearIndex,
    left: &[TaskIdx],
    right: &[TaskIdx],
) -> Vec<(usize, usize, f64)> {
    let mut all = Vec::new();
    for (i, &a) in left.iter().enumerate() {
        for (j, &b) in right.iter().enumerate() {
            let [a_fr, a_en] = index.vectors.of(a);
            let [b_fr, b_en] = index.vectors.of(b);
            let score = clean(dot(a_fr, b_fr).max(dot(a_en, b_en)));
            if a != b && score >= NEAR_THRESHOLD {
                all.push((score, a.min(b), a.max(b), i, j));
            }
        }
    }
    all.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1, x.2, x.3, x.4).cmp(&(y.1, y.2, y.3, y.4)))
    });
    let (mut left_taken, mut right_taken) = (HashSet::new(), HashSet::new());
    all.into_iter()
        .filter(|&(_, _, _, i, j)| {
            let free = !left_taken.contains(&i) && !right_taken.contains(&j);
            if free {
                left_taken.insert(i);
                right_taken.insert(j);
            }
            free
        })
        .map(|(score, _, _, i, j)| (i, j, score))
        .collect()
}

proptest::proptest! {
    /// The inverted list finds exactly the pairs of the plain greedy over every pair;
    /// under tight limits, what it finds are still one-to-one pairs with their true
    /// scores; the ranking's way through the neighbours agrees with `pairs`.
    #[test]
    fn pairs_are_those_of_the_plain_greedy(
        labels in proptest::collection::vec(
            (
                proptest::collection::vec(proptest::sample::select(WORDS), 1..5),
                proptest::option::of(proptest::collection::vec(proptest::sample::select(WORDS), 1..4)),
            ),
            1..40,
        ),
        left in proptest::collection::btree_set(0usize..40, 0..25),
        right in proptest::collection::btree_set(0usize..40, 0..25),
        budget in 1usize..20,
        per_task in 1usize..4,
        scored in 1usize..4,
    ) {
        let tasks = labels
            .iter()
            .enumerate()
            .map(|(i, (fr, en))| {
                let fr = fr.join(" ");
                let en = en.as_ref().map_or(fr.clone(), |en| en.join(" "));
                bilingual(&format!("k{i}"), &fr, &en, &[0], 0.5)
            })
            .collect();
        let data = data(1, tasks, Vec::new());
        let mut index = NearIndex::new(&data);
        let n = data.tasks.len();
        // Lists may share tasks, in any order.
        let left: Vec<TaskIdx> = left.into_iter().filter(|&t| t < n).rev().map(TaskIdx).collect();
        let right: Vec<TaskIdx> = right.into_iter().filter(|&t| t < n).map(TaskIdx).collect();
        index.limits = Limits::NONE;
        let expected = brute_force_pairs(&index, &left, &right);
        proptest::prop_assert_eq!(&index.pairs(&left, &right), &expected);
        // Reading every partial sum or only those of the tasks reached finds the same.
        index.limits.read_all_from = ReadAll::Never;
        proptest::prop_assert_eq!(&index.pairs(&left, &right), &expected);
        index.limits.read_all_from = ReadAll::PostingsPerTask(usize::MAX);
        proptest::prop_assert_eq!(&index.pairs(&left, &right), &expected);
        index.limits = Limits::NONE;

        let neighbours = index.neighbours(&left);
        let position: Vec<Option<usize>> = (0..left.len()).map(Some).collect();
        proptest::prop_assert_eq!(
            &index.pairs_with_neighbours(&neighbours, &position, left.len(), &right),
            &expected
        );

        index.limits = Limits { budget, per_task, scored, ..Limits::DEFAULT };
        let bounded = index.pairs(&left, &right);
        let mut seen = (HashSet::new(), HashSet::new());
        for &(i, j, score) in &bounded {
            proptest::prop_assert!(seen.0.insert(i) && seen.1.insert(j));
            proptest::prop_assert_eq!(score, index.score(left[i], right[j]));
            proptest::prop_assert!(score >= NEAR_THRESHOLD && left[i] != right[j]);
        }
    }
}
