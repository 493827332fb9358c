//! The wording two roles have in common: a role-level text similarity.
//!
//! Shared tasks and near pairs say that two roles do the same things. Free-text
//! catalogues (one task per sentence of a description) seldom have either, yet their
//! words still tell which roles are alike. So each role is also read as one document —
//! its names (both languages), aliases and every task label — and two roles score the
//! cosine of their TF-IDF vectors, in two views weighted 0.6 and 0.4:
//!
//! - **words**: the stems of the near-pair analysis ([`crate::compare::near`]) and the
//!   pairs of consecutive stems ("social media", "media manag"), which carry what two
//!   words mean together;
//! - **characters**: the 4- and 5-letter pieces of each stem, with its start and end
//!   marked (` org`, `organ`, `is `…), so that derived words meet
//!   ("organis" / "organiz", "metallurg" / "metallurgi") where stemming leaves them apart.
//!
//! Term frequencies are saturated (BM25: `tf·(k+1) / (tf + k·(1 − b + b·len/avg))`,
//! `k = 2.5`, `b = 0.75`), so a word a long description repeats does not drown the rest
//! and long documents are not favoured, and weighted by the smoothed inverse document
//! frequency over all roles, `ln((1 + n) / (1 + df)) + 1`. The role's `summary` is not
//! read: it is free commentary about the role, and some catalogues put codes there.
//!
//! Figures and how they were taken: docs/real-data.md.

use std::collections::HashMap;

use crate::compare::near::{Language, NearIndex};
use crate::model::{DataSet, RoleIdx};

/// Term frequency saturation and length normalisation. `B` is BM25's usual value; `K`
/// is above its usual 1.2–2: a role's document is its names, aliases and description,
/// and a word they repeat is what the role is about, so repeats keep counting longer
/// before they saturate. On ESCO (docs/real-data.md) 2.5 gained 2 of 150 on the sample
/// the values were chosen on and 1 on a second, held-out sample; 4 lost 4.
const K: f32 = 2.5;
const B: f32 = 0.75;

/// Weight of the words view in the wording; the letters view has the rest. Whole stems
/// and pairs of stems are the more precise evidence; letter pieces catch the
/// derivations stemming misses but also chance overlaps. 0.6 rather than 0.5 gained 2
/// of 150 on both ESCO samples (with `K` = 2.5).
const WORDS_VIEW: f64 = 0.6;

/// The weight of view `view` (0 words, 1 letters) in the wording.
fn view_share(view: usize) -> f64 {
    if view == 0 {
        WORDS_VIEW
    } else {
        1.0 - WORDS_VIEW
    }
}

/// Character pieces of a stem: 4 and 5 letters.
const PIECES: std::ops::RangeInclusive<usize> = 4..=5;

/// Sparse vector, unsorted: `(feature, weight)`, each feature once.
type Vector = Vec<(u32, f32)>;

/// The wording vectors of every role of a data set.
#[derive(Debug)]
pub(crate) struct Wording {
    /// Per role, its words view and its characters view, each of L2 norm 1 (or empty).
    roles: Vec<[Vector; 2]>,
    /// Number of features of each view.
    features: [usize; 2],
    /// Words view feature → the term it stands for, `None` for a pair of stems: what
    /// [`Wording::shared_stems`] names.
    stem_of_feature: Vec<Option<u32>>,
}

impl Wording {
    /// Reads every role of `data` (names, aliases, task labels) with the analysis kept
    /// by `near`.
    pub(crate) fn new(data: &DataSet, near: &NearIndex) -> Self {
        let mut reading = near.reading();
        let reading = &mut *reading;
        let mut features = Features::default();
        let mut counts = [Counter::default(), Counter::default()];
        let mut roles: Vec<[Vector; 2]> = Vec::with_capacity(data.roles.len());
        let (mut words, mut terms) = (Vec::new(), Vec::new());
        for role in &data.roles {
            let mut add = |terms: &[u32], features: &mut Features| {
                for &term in terms {
                    counts[0].add(features.stem(term), 1.0);
                }
                for pair in terms.windows(2) {
                    counts[0].add(features.pair(pair[0], pair[1]), 1.0);
                }
            };
            let one_name = role.name.fr == role.name.en;
            let names = [&role.name.fr, &role.name.en];
            let names = names.into_iter().take(if one_name { 1 } else { 2 });
            for text in names.chain(&role.aliases) {
                words.clear();
                reading.analyzer.words(text, &mut words);
                let language = match reading.analyzer.guess_words(text, &words) {
                    Language::Unknown => reading.usual,
                    known => known,
                };
                terms.clear();
                reading
                    .analyzer
                    .terms_of_words(&words, language, &mut terms);
                add(&terms, &mut features);
            }
            for role_task in &role.tasks {
                let [french, english] = near.label_slots(role_task.task);
                add(reading.ordered.get(french), &mut features);
                if english != french {
                    add(reading.ordered.get(english), &mut features);
                }
            }
            // The pieces of every stem, counted as often as the stem.
            let words = counts[0].take();
            for &(feature, count) in &words {
                if let Some(term) = features.term_of(feature) {
                    for &piece in features.pieces(term, reading.analyzer.term_name(term)) {
                        counts[1].add(piece, count);
                    }
                }
            }
            roles.push([words, counts[1].take()]);
        }
        let sizes = [features.words.len(), features.piece_ids.len()];
        weigh(&mut roles, sizes);
        let stem_of_feature = (0..sizes[0] as u32)
            .map(|feature| features.term_of(feature))
            .collect();
        Self {
            roles,
            features: sizes,
            stem_of_feature,
        }
    }

    /// The stems (term ids) both roles' wording has, those that add most to their
    /// similarity first (the product of their two weights), at most `most`: what the
    /// wording number is made of, for a person to read. Pairs of stems and letter
    /// pieces are left out: they repeat the stems in a form nobody reads.
    /// Only terms `keep` accepts are named.
    pub(crate) fn shared_stems(
        &self,
        a: RoleIdx,
        b: RoleIdx,
        most: usize,
        keep: impl Fn(u32) -> bool,
    ) -> Vec<u32> {
        let weights: HashMap<u32, f32> = self.roles[a][0].iter().copied().collect();
        let mut shared: Vec<(f32, u32)> = self.roles[b][0]
            .iter()
            .filter_map(|&(feature, weight)| {
                let term = self.stem_of_feature[feature as usize].filter(|&t| keep(t))?;
                Some((weights.get(&feature)? * weight, term))
            })
            .collect();
        shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        shared
            .into_iter()
            .take(most)
            .map(|(_, term)| term)
            .collect()
    }

    /// The wording similarity of `role` with every role of the data set (itself
    /// included), in `0..=1`: the two views' cosines weighted, [`WORDS_VIEW`] for
    /// words.
    pub(crate) fn against_all(&self, role: RoleIdx) -> Vec<f64> {
        let mut scores = vec![0f64; self.roles.len()];
        for view in 0..2 {
            // The role's vector laid out densely, so that each other role's vector is
            // read once, without merging.
            let mut query = vec![0f32; self.features[view]];
            for &(feature, weight) in &self.roles[role][view] {
                query[feature as usize] = weight;
            }
            let share = view_share(view);
            let term = |&(feature, weight): &(u32, f32)| weight * query[feature as usize];
            let dot =
                |vector: &[(u32, f32)], sum: f32| vector.iter().fold(sum, |sum, t| sum + term(t));
            // Four roles at a time, each sum in its own order (the same as one role at a
            // time, bit for bit): four chains of dependent additions run side by side
            // instead of one after the other.
            let mut scores_of_four = scores.chunks_exact_mut(4);
            let mut roles_of_four = self.roles.chunks_exact(4);
            for (scores, roles) in scores_of_four.by_ref().zip(roles_of_four.by_ref()) {
                let vectors: [&[(u32, f32)]; 4] =
                    std::array::from_fn(|lane| &roles[lane][view][..]);
                let together = vectors.iter().map(|v| v.len()).min().unwrap_or(0);
                let [a, b, c, d] = vectors.map(|vector| &vector[..together]);
                let mut sums = [0f32; 4];
                for (((a, b), c), d) in a.iter().zip(b).zip(c).zip(d) {
                    sums[0] += term(a);
                    sums[1] += term(b);
                    sums[2] += term(c);
                    sums[3] += term(d);
                }
                for lane in 0..4 {
                    let sum = dot(&vectors[lane][together..], sums[lane]);
                    scores[lane] += f64::from(sum) * share;
                }
            }
            let rest = scores_of_four.into_remainder();
            for (score, other) in rest.iter_mut().zip(roles_of_four.remainder()) {
                *score += f64::from(dot(&other[view], 0.0)) * share;
            }
        }
        scores.into_iter().map(|s| s.clamp(0.0, 1.0)).collect()
    }
}

/// Counts of features in one role, in a dense array reused from role to role.
#[derive(Debug, Default)]
struct Counter {
    counts: Vec<f32>,
    seen: Vec<u32>,
}

impl Counter {
    fn add(&mut self, feature: u32, count: f32) {
        let at = feature as usize;
        if at >= self.counts.len() {
            self.counts.resize(at + 1, 0.0);
        }
        if self.counts[at] == 0.0 {
            self.seen.push(feature);
        }
        self.counts[at] += count;
    }

    /// The counts so far, as a vector; the counter is left empty.
    fn take(&mut self) -> Vector {
        let vector = self
            .seen
            .iter()
            .map(|&feature| (feature, self.counts[feature as usize]))
            .collect();
        for &feature in &self.seen {
            self.counts[feature as usize] = 0.0;
        }
        self.seen.clear();
        vector
    }
}

/// What each feature id stands for.
#[derive(Debug)]
enum Feature {
    Stem(u32),
    Pair,
}

/// Feature ids of the two views. Words: each stem and each pair of consecutive stems
/// an id; characters: each distinct piece an id.
#[derive(Debug, Default)]
struct Features {
    /// Word feature id → what it is.
    words: Vec<Feature>,
    /// Term id → its word feature id.
    stems: Vec<Option<u32>>,
    /// Pair of term ids → its word feature id.
    pairs: HashMap<(u32, u32), u32, foldhash::fast::RandomState>,
    /// Piece (its characters, 21 bits each) → its piece id.
    piece_ids: HashMap<u128, u32, foldhash::fast::RandomState>,
    /// Term id → its pieces' ids, found on first need.
    pieces_of: Vec<Option<Vec<u32>>>,
}

impl Features {
    fn stem(&mut self, term: u32) -> u32 {
        let at = term as usize;
        if at >= self.stems.len() {
            self.stems.resize(at + 1, None);
        }
        *self.stems[at].get_or_insert_with(|| {
            self.words.push(Feature::Stem(term));
            self.words.len() as u32 - 1
        })
    }

    fn pair(&mut self, a: u32, b: u32) -> u32 {
        let next = self.words.len() as u32;
        let id = *self.pairs.entry((a, b)).or_insert(next);
        if id == next {
            self.words.push(Feature::Pair);
        }
        id
    }

    /// The term a word feature stands for, if it is a stem (not a pair).
    fn term_of(&self, feature: u32) -> Option<u32> {
        match self.words[feature as usize] {
            Feature::Stem(term) => Some(term),
            Feature::Pair => None,
        }
    }

    /// The ids of the pieces of stem `term` named `name`: its 4- and 5-letter windows,
    /// with a space marking its start and end.
    fn pieces(&mut self, term: u32, name: &str) -> &[u32] {
        let at = term as usize;
        if at >= self.pieces_of.len() {
            self.pieces_of.resize(at + 1, None);
        }
        let piece_ids = &mut self.piece_ids;
        self.pieces_of[at].get_or_insert_with(|| {
            let marked: Vec<char> = std::iter::once(' ')
                .chain(name.chars())
                .chain(std::iter::once(' '))
                .collect();
            let mut ids = Vec::new();
            for n in PIECES {
                for window in marked.windows(n) {
                    let piece = window
                        .iter()
                        .fold(0u128, |key, &c| key << 21 | u128::from(u32::from(c)));
                    let next = piece_ids.len() as u32;
                    ids.push(*piece_ids.entry(piece).or_insert(next));
                }
            }
            ids
        })
    }
}

/// Turns counts into BM25-saturated, IDF-weighted, L2-normalised vectors, in place.
/// `sizes` are the numbers of features of the two views.
fn weigh(roles: &mut [[Vector; 2]], sizes: [usize; 2]) {
    let n = roles.len() as f32;
    for (view, &size) in sizes.iter().enumerate() {
        let mut df = vec![0f32; size];
        let mut total = 0f32;
        for role in roles.iter() {
            for &(feature, count) in &role[view] {
                df[feature as usize] += 1.0;
                total += count;
            }
        }
        let idf: Vec<f32> = df
            .into_iter()
            .map(|df| ((1.0 + n) / (1.0 + df)).ln() + 1.0)
            .collect();
        let average = (total / n).max(1.0);
        for role in roles.iter_mut() {
            let length: f32 = role[view].iter().map(|&(_, count)| count).sum();
            let saturation = K * (1.0 - B + B * length / average);
            for (feature, weight) in &mut role[view] {
                *weight = *weight * (K + 1.0) / (*weight + saturation) * idf[*feature as usize];
            }
            crate::compare::near::normalise(&mut role[view]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_data::{bilingual, data, role, task};

    /// Seven roles (the last three outside any group of four) over labels that share
    /// some words, derivations and nothing.
    fn sample() -> DataSet {
        let tasks = vec![
            task("a", "Moderate the forum", &[0], 0.2),
            task("b", "Moderation of the forum comments", &[0], 0.2),
            bilingual("c", "Animer la communauté", "Run the community", &[0], 0.4),
            task("d", "Plan the annual budget", &[0], 0.8),
            task("e", "Budget planning", &[0], 0.8),
            task("f", "Organise events", &[0], 0.5),
            task("g", "Event organisation for members", &[0], 0.5),
            task("h", "Payroll", &[0], 0.1),
        ];
        let roles = vec![
            role("forum-moderator", &[0, 2]),
            role("community-moderator", &[1, 2, 5]),
            role("budget-owner", &[3]),
            role("planner", &[4, 6]),
            role("event-manager", &[5, 6]),
            role("payroll-clerk", &[7]),
            role("organiser", &[6, 1]),
        ];
        data(1, tasks, roles)
    }

    /// The cosines one role at a time, as the plain loop computes them.
    fn one_at_a_time(wording: &Wording, role: RoleIdx) -> Vec<f64> {
        let mut scores = vec![0f64; wording.roles.len()];
        for view in 0..2 {
            let mut query = vec![0f32; wording.features[view]];
            for &(feature, weight) in &wording.roles[role][view] {
                query[feature as usize] = weight;
            }
            let share = view_share(view);
            for (score, other) in scores.iter_mut().zip(&wording.roles) {
                let dot: f32 = other[view]
                    .iter()
                    .map(|&(feature, weight)| weight * query[feature as usize])
                    .sum();
                *score += f64::from(dot) * share;
            }
        }
        scores.into_iter().map(|s| s.clamp(0.0, 1.0)).collect()
    }

    #[test]
    fn four_roles_at_a_time_give_the_plain_sums_bit_for_bit() {
        let data = sample();
        let near = NearIndex::new(&data);
        let wording = Wording::new(&data, &near);
        for role in 0..data.roles.len() {
            assert_eq!(
                wording.against_all(role),
                one_at_a_time(&wording, role),
                "{role}"
            );
        }
    }

    #[test]
    fn the_wording_is_a_symmetric_cosine() {
        let data = sample();
        let near = NearIndex::new(&data);
        let wording = Wording::new(&data, &near);
        let all: Vec<Vec<f64>> = (0..data.roles.len())
            .map(|r| wording.against_all(r))
            .collect();
        for (a, row) in all.iter().enumerate() {
            assert!(
                (row[a] - 1.0).abs() < 1e-5,
                "a role is its own wording: {}",
                row[a]
            );
            for (b, &value) in row.iter().enumerate() {
                assert!((value - all[b][a]).abs() < 1e-6, "{a} {b}");
            }
        }
        // Roles that share words are closer than roles that share none.
        let (forum, community, payroll) = (0, 1, 5);
        assert!(all[forum][community] > 0.3, "{}", all[forum][community]);
        assert!(all[forum][payroll] < 0.1, "{}", all[forum][payroll]);
        // "Plan the annual budget" is nearer "Budget planning" than events.
        assert!(all[2][3] > all[2][4], "{} vs {}", all[2][3], all[2][4]);
    }
}
