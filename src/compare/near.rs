//! Near pairs: different tasks whose labels say nearly the same thing.
//!
//! Each task label becomes a TF-IDF vector of stems, once per data set:
//! 1. words are split on anything not a letter or digit, lowercased and compared
//!    without accents ([`fold`]);
//! 2. a few paraphrases are replaced by one canonical word ([`PARAPHRASES`]), and stop
//!    words are dropped;
//! 3. each word is reduced to its Snowball stem, French for the French label and
//!    English for the English one (`modération`, `modérer` → `moder`);
//! 4. each stem weighs its inverse document frequency over all the tasks of the data
//!    set, so that words nearly every task uses ("communauté", "contenu") count little;
//! 5. the vector is L2-normalised, so a dot product is a cosine.
//!
//! Two tasks score the better of their French-to-French and English-to-English cosines.
//! A label given in one language only (the other falls back to it) is analysed once, in
//! the language its stop words and accents point to, and stands for both.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::compare::stem_table::{Slot, StemTable};
use crate::compare::textnorm::{fold, word_spans};
use crate::compare::words::{ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, PARAPHRASES};
use crate::model::{DataSet, IdIndex, TaskIdx};

/// Pairs scoring at least this are near pairs.
///
/// 0.6 is the ratio at which `delta` pairs changed lines, and it fits TF-IDF cosines of
/// short labels: sharing only a common word ("la communauté") scores well below it,
/// while labels that share their distinctive words ("Modérer les commentaires" /
/// "Modération des commentaires") score near 1. A pair of two-word labels that shares
/// one of two equally rare stems scores 0.5, so one word in common is not enough.
pub const NEAR_THRESHOLD: f64 = 0.6;

/// A sparse vector: `(term id, weight)` sorted by term id, L2 norm 1 (or empty).
type SparseVector = [(u32, f32)];

/// The French and English vectors of every task, one after the other in one array: a
/// catalogue has tens of thousands of tasks, and two small vectors of their own each
/// were as many allocations as the rest of the index.
#[derive(Debug, Default)]
struct TaskVectors {
    /// Every vector's entries.
    entries: Vec<(u32, f32)>,
    /// Task t's French vector is `entries[spans[t][0]..spans[t][1]]`, its English one
    /// `entries[spans[t][2]..spans[t][3]]`: the same entries when the label has one
    /// text for both languages, which then stands for both.
    spans: Vec<[u32; 4]>,
}

impl TaskVectors {
    /// The French and English vectors of `task`.
    fn slots(&self, task: TaskIdx) -> [&SparseVector; 2] {
        let [french, french_end, english, english_end] = self.spans[task].map(|i| i as usize);
        [
            &self.entries[french..french_end],
            &self.entries[english..english_end],
        ]
    }

    fn len(&self) -> usize {
        self.spans.len()
    }
}

/// Text index of every task of a data set.
#[derive(Debug)]
pub struct NearIndex {
    /// Indexed like [`DataSet::tasks`].
    tasks: TaskVectors,
    /// Number of distinct terms.
    vocabulary: usize,
    /// French and English postings of every task, to find a task's neighbours in the
    /// whole data set.
    postings: [Postings; 2],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    French,
    English,
    /// Not known from the data: guessed from the words.
    Unknown,
}

/// Turns a label into its terms (stems), each named by a term id.
///
/// Indexing a catalogue analyses tens of thousands of labels made of a few thousand
/// distinct words, so everything about a word (folded form, stop-word flags, French and
/// English stems) is worked out once, on first need, and a label's words are looked up
/// in one hash probe each, without allocating.
struct Analyzer {
    french: Stemmer,
    english: Stemmer,
    french_stop: HashSet<&'static str, Hasher>,
    english_stop: HashSet<&'static str, Hasher>,
    /// Word (lowercase, with accents) → its entry in `forms`. The loader's id table:
    /// words are short, so each is kept in its slot and a lookup reads one place.
    words: IdIndex,
    forms: Vec<WordForms>,
    /// Term (a folded stem) → term id, and back.
    term_ids: HashMap<String, u32, Hasher>,
    term_names: Vec<String>,
    /// Scratch space for lowercasing a word, and for a label's words, kept words and
    /// terms.
    lowercase: String,
    entries: Vec<u32>,
    kept: Vec<u32>,
    terms: Vec<u32>,
}

/// Words and terms are looked up once per word of every label: foldhash is several
/// times faster than std's SipHash on short strings.
type Hasher = foldhash::quality::RandomState;

/// What the analyzer derives from one lowercase word.
struct WordForms {
    word: String,
    folded: String,
    french_stop: bool,
    english_stop: bool,
    /// True when a paraphrase starts with this word: only then are they compared.
    opens_paraphrase: bool,
    /// Term ids of the word's French and English stems, computed on first need.
    french: Option<u32>,
    english: Option<u32>,
    /// The word's folded French and English stems, when the bundled table has them.
    bundled: Option<(&'static str, &'static str)>,
}

/// The stems of every word of the bundled data, found when rolediff was built.
static BUNDLED_STEMS: StemTable<'static> = include!(concat!(env!("OUT_DIR"), "/stems.rs"));

impl Analyzer {
    /// An analyzer sized for about `words` distinct words (and as many terms), so that
    /// its tables are not regrown while a catalogue is read.
    fn new(words: usize) -> Self {
        Self {
            french: Stemmer::create(Algorithm::French),
            english: Stemmer::create(Algorithm::English),
            french_stop: FRENCH_STOP_WORDS.iter().copied().collect(),
            english_stop: ENGLISH_STOP_WORDS.iter().copied().collect(),
            words: IdIndex::with_capacity(words),
            forms: Vec::new(),
            term_ids: HashMap::with_capacity_and_hasher(words, Hasher::default()),
            term_names: Vec::new(),
            lowercase: String::new(),
            entries: Vec::new(),
            kept: Vec::new(),
            terms: Vec::new(),
        }
    }

    /// The entry of `word` (lowercase, with accents), created on first sight.
    fn word(&mut self, word: &str) -> u32 {
        if let Some(entry) = self.words.get(word) {
            return entry as u32;
        }
        let folded = fold(word);
        let entry = self.forms.len() as u32;
        self.forms.push(WordForms {
            word: word.to_string(),
            french_stop: self.french_stop.contains(folded.as_str()),
            english_stop: self.english_stop.contains(folded.as_str()),
            opens_paraphrase: PARAPHRASES.iter().any(|(phrase, _)| phrase[0] == folded),
            folded,
            french: None,
            english: None,
            bundled: BUNDLED_STEMS.get(word),
        });
        // New, as the lookup above just said.
        let _ = self.words.insert_new(word, entry as usize);
        entry
    }

    /// The term id of a word's stem in `language` (French or English).
    fn stem(&mut self, entry: u32, language: Language) -> u32 {
        let forms = &self.forms[entry as usize];
        let cached = match language {
            Language::English => forms.english,
            _ => forms.french,
        };
        if let Some(term) = cached {
            return term;
        }
        // Stem with accents (the French algorithm relies on them), compare without.
        let term: Cow<str> = match (language, forms.bundled) {
            // Numbers ("Level 2", reference codes) are their own stems in both
            // languages (a test checks): no need to run the stemmers.
            _ if forms.word.bytes().all(|b| b.is_ascii_digit()) => forms.word.as_str().into(),
            (Language::English, Some((_, english))) => english.into(),
            (_, Some((french, _))) => french.into(),
            (Language::English, None) => fold(&self.english.stem(&forms.word)).into(),
            (_, None) => fold(&self.french.stem(&forms.word)).into(),
        };
        let id = match self.term_ids.get(term.as_ref()) {
            Some(&id) => id,
            None => {
                let id = self.term_names.len() as u32;
                self.term_names.push(term.to_string());
                self.term_ids.insert(term.into_owned(), id);
                id
            }
        };
        let forms = &mut self.forms[entry as usize];
        match language {
            Language::English => forms.english = Some(id),
            _ => forms.french = Some(id),
        }
        id
    }

    /// The language a text of unknown language is most likely in: the one more of its
    /// words are stop words of, an accent counting for French. `Unknown` on a tie.
    fn guess(&self, text: &str, entries: &[u32]) -> Language {
        let forms = entries.iter().map(|&e| &self.forms[e as usize]);
        let french = forms.clone().filter(|f| f.french_stop).count()
            + usize::from(fold(text) != text.to_lowercase());
        let english = forms.filter(|f| f.english_stop).count();
        match french.cmp(&english) {
            std::cmp::Ordering::Greater => Language::French,
            std::cmp::Ordering::Less => Language::English,
            std::cmp::Ordering::Equal => Language::Unknown,
        }
    }

    fn is_stop(&self, entry: u32, language: Language) -> bool {
        let forms = &self.forms[entry as usize];
        match language {
            Language::French => forms.french_stop,
            Language::English => forms.english_stop,
            Language::Unknown => forms.french_stop || forms.english_stop,
        }
    }

    /// Appends to `out` the term ids of the stems of `text`, deduplicated, sorted.
    fn terms(&mut self, text: &str, language: Language, out: &mut Vec<u32>) {
        // The words of `text` as `textnorm::words` gives them (lowercase, accents
        // kept), without allocating for the common all-lowercase ASCII word.
        let mut entries = std::mem::take(&mut self.entries);
        entries.clear();
        entries.extend(word_spans(text).map(|w| {
            if w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                self.word(w)
            } else {
                let mut lower = std::mem::take(&mut self.lowercase);
                lower.clear();
                if w.is_ascii() {
                    lower.push_str(w);
                    lower.make_ascii_lowercase();
                } else if w.contains('Σ') {
                    // A final capital sigma lowercases to ς: only `str` knows.
                    lower.push_str(&w.to_lowercase());
                } else {
                    for c in w.chars() {
                        if c.is_ascii() {
                            lower.push(c.to_ascii_lowercase());
                        } else {
                            lower.extend(c.to_lowercase());
                        }
                    }
                }
                let entry = self.word(&lower);
                self.lowercase = lower;
                entry
            }
        }));
        let language = match language {
            Language::Unknown => self.guess(text, &entries),
            known => known,
        };
        let mut kept = std::mem::take(&mut self.kept);
        kept.clear();
        let mut i = 0;
        while i < entries.len() {
            let rest = &entries[i..];
            let paraphrase = self.forms[entries[i] as usize].opens_paraphrase;
            let paraphrase = paraphrase
                .then(|| {
                    PARAPHRASES.iter().find(|(phrase, _)| {
                        phrase.len() <= rest.len()
                            && phrase
                                .iter()
                                .zip(rest)
                                .all(|(p, &w)| *p == self.forms[w as usize].folded)
                    })
                })
                .flatten();
            if let Some((phrase, canonical)) = paraphrase {
                kept.push(self.word(canonical));
                i += phrase.len();
                continue;
            }
            if !self.is_stop(entries[i], language) {
                kept.push(entries[i]);
            }
            i += 1;
        }
        let mut terms = std::mem::take(&mut self.terms);
        terms.clear();
        for &entry in &kept {
            if language != Language::English {
                terms.push(self.stem(entry, Language::French));
            }
            if language != Language::French {
                terms.push(self.stem(entry, Language::English));
            }
        }
        terms.sort_unstable();
        terms.dedup();
        out.extend_from_slice(&terms);
        self.entries = entries;
        self.kept = kept;
        self.terms = terms;
    }
}

/// The final term ids: terms are numbered in the order they are first met, label by
/// label and in name order within a label, so that vectors (sorted by id), and so the
/// order scores are summed in, do not depend on how the analyzer caches words.
#[derive(Default)]
struct Numbering {
    /// Analyzer term id → final id (`u32::MAX`: not numbered yet).
    of: Vec<u32>,
    next: u32,
    /// Scratch space: a label's terms not numbered yet.
    unseen: Vec<u32>,
}

impl Numbering {
    /// Turns a label's `terms` into their final ids, in place, sorted.
    fn ids(&mut self, terms: &mut [u32], names: &[String]) {
        let mut unseen = std::mem::take(&mut self.unseen);
        unseen.clear();
        unseen.extend(
            terms
                .iter()
                .copied()
                .filter(|&t| self.of.get(t as usize).is_none_or(|&id| id == u32::MAX)),
        );
        unseen.sort_unstable_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
        for &term in &unseen {
            let term = term as usize;
            if term >= self.of.len() {
                self.of.resize(term + 1, u32::MAX);
            }
            self.of[term] = self.next;
            self.next += 1;
        }
        self.unseen = unseen;
        for term in terms.iter_mut() {
            *term = self.of[*term as usize];
        }
        terms.sort_unstable();
    }
}

impl NearIndex {
    /// Builds the index: terms of every task label, weighted by their inverse document
    /// frequency over all tasks, `ln((1 + n) / (1 + df)) + 1` (the smoothed form, which
    /// never reaches 0, so a label made only of common words still has a direction).
    pub fn new(data: &DataSet) -> Self {
        // A catalogue has a few distinct words per task at most.
        let mut analyzer = Analyzer::new(4 * data.tasks.len());
        let mut numbering = Numbering::default();
        // Every label's term ids, one after the other, and where each task's are (like
        // `TaskVectors::spans`); weighed in place below.
        let mut ids: Vec<u32> = Vec::with_capacity(8 * data.tasks.len());
        let mut spans: Vec<[u32; 4]> = Vec::with_capacity(data.tasks.len());
        let mut label = |text: &str, language: Language, ids: &mut Vec<u32>| {
            let start = ids.len();
            analyzer.terms(text, language, ids);
            numbering.ids(&mut ids[start..], &analyzer.term_names);
            [start as u32, ids.len() as u32]
        };
        for task in &data.tasks {
            spans.push(if task.label.fr == task.label.en {
                let [start, end] = label(&task.label.fr, Language::Unknown, &mut ids);
                [start, end, start, end]
            } else {
                let [french, french_end] = label(&task.label.fr, Language::French, &mut ids);
                let [english, english_end] = label(&task.label.en, Language::English, &mut ids);
                [french, french_end, english, english_end]
            });
        }
        let vocabulary = numbering.next as usize;

        // Document frequency: a task counts once per term even when both labels have it.
        let mut df = vec![0u32; vocabulary];
        let mut last_seen = vec![usize::MAX; vocabulary];
        for (task, span) in spans.iter().enumerate() {
            let [french, _, _, end] = span.map(|i| i as usize);
            for &id in &ids[french..end] {
                if last_seen[id as usize] != task {
                    last_seen[id as usize] = task;
                    df[id as usize] += 1;
                }
            }
        }
        let n = spans.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        let mut entries: Vec<(u32, f32)> = ids.iter().map(|&id| (id, idf[id as usize])).collect();
        for span in &spans {
            let [french, french_end, english, english_end] = span.map(|i| i as usize);
            let normalise = |vector: &mut SparseVector| {
                let norm = vector.iter().map(|&(_, w)| w.powi(2)).sum::<f32>().sqrt();
                for (_, weight) in vector {
                    *weight /= norm;
                }
            };
            normalise(&mut entries[french..french_end]);
            // A label with one text for both languages has one vector, normalised once.
            if (english, english_end) != (french, french_end) {
                normalise(&mut entries[english..english_end]);
            }
        }
        let tasks = TaskVectors { entries, spans };
        let postings = [0, 1]
            .map(|slot| Postings::new(vocabulary, (0..tasks.len()).map(|t| tasks.slots(t)[slot])));
        Self {
            tasks,
            vocabulary,
            postings,
        }
    }

    /// The text similarity of two tasks, in `0..=1`.
    pub fn score(&self, a: TaskIdx, b: TaskIdx) -> f64 {
        let [a_fr, a_en] = self.tasks.slots(a);
        let [b_fr, b_en] = self.tasks.slots(b);
        clean(dot(a_fr, b_fr).max(dot(a_en, b_en)))
    }

    /// Best one-to-one pairs `(index in left, index in right, score)`, best first.
    ///
    /// Only pairs of different tasks scoring at least [`NEAR_THRESHOLD`] count. Pairs
    /// are taken greedily from the best score down, skipping any pair whose left or
    /// right task is already taken; equal scores go in the order of the tasks' indices
    /// in the data set, so the result never depends on hashing or sorting stability and
    /// swapping `left` and `right` swaps the pairs.
    pub fn pairs(&self, left: &[TaskIdx], right: &[TaskIdx]) -> Vec<(usize, usize, f64)> {
        if left.is_empty() || right.is_empty() {
            return Vec::new();
        }
        let indexed = self.prepare(right);
        let mut scratch = PairScratch::default();
        self.candidates(
            left,
            &indexed,
            Walk::Auto,
            &mut scratch.candidates,
            &mut scratch.groups,
        );
        select(&mut scratch, left.len(), right.len(), true)
    }

    /// For each task of `tasks`, the tasks of the whole data set it could pair with
    /// (scoring at least the threshold). Computed once for the left role of a ranking,
    /// it answers the near pairs of every comparison of that role without a search.
    pub(crate) fn neighbours(&self, tasks: &[TaskIdx]) -> Neighbours {
        let everything = Prepared {
            postings: [Postings::empty(), Postings::empty()],
            tasks: Vec::new(),
        };
        let mut found = Vec::new();
        self.candidates(tasks, &everything, Walk::Auto, &mut found, &mut Vec::new());
        // Bucket by data-set task: `starts[t]..starts[t + 1]` are the entries of task t.
        let mut starts = vec![0u32; self.tasks.len() + 1];
        for candidate in &found {
            starts[candidate.right() + 1] += 1;
        }
        for t in 0..self.tasks.len() {
            starts[t + 1] += starts[t];
        }
        let mut fill = starts.clone();
        let mut entries = vec![(0u32, 0f32); found.len()];
        for candidate in found {
            let at = &mut fill[candidate.right()];
            entries[*at as usize] = (candidate.left() as u32, candidate.score());
            *at += 1;
        }
        Neighbours {
            tasks: tasks.to_vec(),
            starts,
            entries,
        }
    }

    /// [`NearIndex::pairs`] of `left`, a subset of the tasks `neighbours` was computed
    /// for (`position[p]` is the index in `left` of its task `p`, or [`NOT_THERE`]),
    /// with `right`.
    pub(crate) fn pairs_prepared(
        &self,
        neighbours: &Neighbours,
        position: &[u32],
        left_len: usize,
        right: &[TaskIdx],
        scratch: &mut PairScratch,
    ) -> Vec<(usize, usize, f64)> {
        if left_len == 0 || right.is_empty() {
            return Vec::new();
        }
        let candidates = &mut scratch.candidates;
        for (j, &task) in right.iter().enumerate() {
            scratch.groups.push(candidates.len() as u32);
            let bucket = &neighbours.entries
                [neighbours.starts[task] as usize..neighbours.starts[task + 1] as usize];
            for &(p, score) in bucket {
                let i = position[p as usize];
                if i != NOT_THERE {
                    let other = neighbours.tasks[p as usize];
                    candidates.push(Candidate::new(score, task, other, i, j as u32));
                }
            }
        }
        select(scratch, left_len, right.len(), false)
    }

    /// An inverted index of `tasks`, to score lists of tasks against them.
    fn prepare(&self, tasks: &[TaskIdx]) -> Prepared {
        Prepared {
            postings: [0, 1].map(|slot| {
                Postings::new(
                    self.vocabulary,
                    tasks.iter().map(|&t| self.tasks.slots(t)[slot]),
                )
            }),
            tasks: tasks.to_vec(),
        }
    }

    /// Every pair of a task of `probes` and a task of `indexed` that scores at least
    /// the threshold, as a candidate `(score, smaller task, larger task, probe index,
    /// indexed index)`, in probe order; `groups` gets where each probe's candidates
    /// start.
    ///
    /// Scores go through the inverted index: the work is proportional to the terms the
    /// two sides have in common, not to |probes| × |indexed|. Each sum adds the products
    /// in ascending term order, like [`dot`], so the scores equal [`NearIndex::score`]
    /// whichever side is indexed.
    fn candidates(
        &self,
        probes: &[TaskIdx],
        indexed: &Prepared,
        walk: Walk,
        candidates: &mut Vec<Candidate>,
        groups: &mut Vec<u32>,
    ) {
        // An empty `indexed` stands for every task of the data set.
        let everything = indexed.tasks.is_empty();
        let (postings, count) = if everything {
            (&self.postings, self.tasks.len())
        } else {
            (&indexed.postings, indexed.tasks.len())
        };
        let mut sums = vec![[0f32; 2]; count];
        let mut seen = vec![false; count];
        let mut touched: Vec<u32> = Vec::new();
        for (i, &task) in probes.iter().enumerate() {
            groups.push(candidates.len() as u32);
            let vectors = self.tasks.slots(task);
            let mut judge = |p: u32, [french, english]: [f32; 2]| {
                let score = french.max(english);
                // A cheap bound first: `clean` rounds, and it is only worth it near
                // the threshold. Judged on the score as reported, so `score` and
                // `pairs` agree at the edge.
                if score < BELOW_THRESHOLD
                    || (score < ABOVE_THRESHOLD && clean(score) < NEAR_THRESHOLD)
                {
                    return;
                }
                let other = if everything {
                    p as usize
                } else {
                    indexed.tasks[p as usize]
                };
                if other != task {
                    candidates.push(Candidate::new(score, task, other, i as u32, p));
                }
            };
            // When the walk reaches a good part of the indexed tasks (two roles of one
            // field, whose labels share words), reading every sum afterwards is cheaper
            // than keeping a list of the tasks reached; when it reaches a few of many
            // (a probe against a whole catalogue), the list is cheaper.
            let dense = match walk {
                Walk::Auto => {
                    let reach: usize = (0..2)
                        .map(|slot| {
                            let of = |&(term, _): &(u32, f32)| postings[slot].of(term).len();
                            vectors[slot].iter().map(of).sum::<usize>()
                        })
                        .sum();
                    reach * DENSE_WALK >= count
                }
                Walk::Dense => true,
                Walk::Sparse => false,
            };
            if dense {
                for (slot, vector) in vectors.into_iter().enumerate() {
                    for &(term, weight) in vector {
                        for &(p, other) in postings[slot].of(term) {
                            sums[p as usize][slot] += weight * other;
                        }
                    }
                }
                // In blocks of 16 tasks that the compiler turns into vector
                // instructions: most blocks hold no sum worth a look; in the others, a
                // bit per sum (French, English, French…) and only those are looked at.
                for (block, sums) in sums.chunks_mut(16).enumerate() {
                    let flat = sums.as_flattened();
                    let any = flat
                        .iter()
                        .fold(false, |any, &sum| any | (sum >= BELOW_THRESHOLD));
                    let mut worth = if any {
                        (flat.iter().enumerate()).fold(0u32, |bits, (k, &sum)| {
                            bits | u32::from(sum >= BELOW_THRESHOLD) << k
                        })
                    } else {
                        0
                    };
                    while worth != 0 {
                        let k = worth.trailing_zeros() as usize / 2;
                        judge((16 * block + k) as u32, sums[k]);
                        // Both bits of that task.
                        worth &= !(0b11 << (2 * k));
                    }
                    sums.fill([0.0; 2]);
                }
                continue;
            }
            for (slot, vector) in vectors.into_iter().enumerate() {
                for &(term, weight) in vector {
                    for &(p, other) in postings[slot].of(term) {
                        let at = p as usize;
                        sums[at][slot] += weight * other;
                        if !seen[at] {
                            seen[at] = true;
                            touched.push(p);
                        }
                    }
                }
            }
            for p in touched.drain(..) {
                let at = p as usize;
                judge(p, sums[at]);
                sums[at] = [0.0; 2];
                seen[at] = false;
            }
        }
    }
}

/// A probe whose walk reads at least one indexed task in this many reads every sum
/// afterwards instead of listing the tasks it reaches.
const DENSE_WALK: usize = 4;

/// How [`NearIndex::candidates`] finds the sums a probe reached: both ways give the
/// same candidates, and the tests check it (only they force a way).
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(test), allow(dead_code))]
enum Walk {
    /// The cheaper way for each probe.
    Auto,
    /// Read every sum.
    Dense,
    /// List the tasks reached.
    Sparse,
}

/// A pair of tasks that scores at least the threshold, packed so that candidates sort in
/// the order they are taken in: best score first; ties broken by the two task indices,
/// smaller first, so that comparing B with A pairs exactly like A with B; then by
/// position (left, then right), for a total order. Scores are positive, so their bits
/// sort like them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate {
    /// Inverted score bits, smaller task index, larger task index, 32 bits each.
    order: u128,
    /// Left index, right index, 32 bits each.
    positions: u64,
}

impl Candidate {
    fn new(score: f32, a: TaskIdx, b: TaskIdx, left: u32, right: u32) -> Self {
        // Task indices fit in 32 bits: the loader numbers tasks with u32 ids.
        let (low, high) = (a.min(b) as u128, a.max(b) as u128);
        Self {
            order: u128::from(u32::MAX - score.to_bits()) << 64 | low << 32 | high,
            positions: u64::from(left) << 32 | u64::from(right),
        }
    }

    fn score(&self) -> f32 {
        f32::from_bits(u32::MAX - (self.order >> 64) as u32)
    }

    fn left(&self) -> usize {
        (self.positions >> 32) as usize
    }

    fn right(&self) -> usize {
        self.positions as u32 as usize
    }
}

/// In a position map, a task that is not in the list.
pub(crate) const NOT_THERE: u32 = u32::MAX;

/// Scores below this round to less than [`NEAR_THRESHOLD`] (see [`clean`]), scores
/// above it to at least it.
const BELOW_THRESHOLD: f32 = (NEAR_THRESHOLD - 1e-4) as f32;
const ABOVE_THRESHOLD: f32 = (NEAR_THRESHOLD + 1e-4) as f32;

/// Near-pair candidates of a list of tasks, by data-set task.
#[derive(Debug)]
pub(crate) struct Neighbours {
    /// The tasks the neighbours are of; entries point into this list.
    tasks: Vec<TaskIdx>,
    /// `entries[starts[t]..starts[t + 1]]`: (index in `tasks`, score) of data-set task t.
    starts: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

/// The tasks of one side, indexed by term.
#[derive(Debug)]
struct Prepared {
    /// French and English postings; document `p` is `tasks[p]`.
    postings: [Postings; 2],
    tasks: Vec<TaskIdx>,
}

/// Working memory of the pair search, reused across the comparisons of a ranking.
#[derive(Debug, Default)]
pub(crate) struct PairScratch {
    candidates: Vec<Candidate>,
    /// Where each group of candidates (those of one probe) starts in `candidates`.
    groups: Vec<u32>,
    /// Where each group's next candidate is, and the heap that merges the groups.
    heads: Vec<u32>,
    heap: BinaryHeap<Reverse<Candidate>>,
    left_taken: Vec<bool>,
    right_taken: Vec<bool>,
}

/// The best one-to-one pairs among `scratch.candidates`, best first: candidates are
/// taken in their order ([`Candidate`]), skipping any whose left or right task is
/// already taken.
///
/// Sorting every candidate would do, but most are never needed: once a probe's task is
/// taken, its other candidates are skipped unseen. So each group (one probe's
/// candidates, a few) is sorted on its own and the groups are merged lazily, through a
/// heap of each group's best candidate whose tasks are still free. A task once taken
/// stays taken, so skipping a candidate early is what the full sort would do later, and
/// the pairs are the same. `grouped_by_left` tells whether groups are of left tasks
/// (else of right tasks).
fn select(
    scratch: &mut PairScratch,
    left: usize,
    right: usize,
    grouped_by_left: bool,
) -> Vec<(usize, usize, f64)> {
    let PairScratch {
        candidates,
        groups,
        heads,
        heap,
        left_taken,
        right_taken,
    } = scratch;
    left_taken.clear();
    left_taken.resize(left, false);
    right_taken.clear();
    right_taken.resize(right, false);
    groups.push(candidates.len() as u32);
    heap.clear();
    for bounds in groups.windows(2) {
        let group = &mut candidates[bounds[0] as usize..bounds[1] as usize];
        group.sort_unstable();
        if let Some(&best) = group.first() {
            heap.push(Reverse(best));
        }
    }
    // Group g ends where group g + 1 starts.
    heads.clear();
    heads.extend_from_slice(&groups[..groups.len() - 1]);
    let free = |c: &Candidate, left_taken: &[bool], right_taken: &[bool]| {
        !left_taken[c.left()] && !right_taken[c.right()]
    };
    let mut pairs = Vec::with_capacity(left.min(right).min(candidates.len()));
    while let Some(Reverse(best)) = heap.pop() {
        let (i, j) = (best.left(), best.right());
        if free(&best, left_taken, right_taken) {
            left_taken[i] = true;
            right_taken[j] = true;
            pairs.push((i, j, clean(best.score())));
            // The group's own task is taken: none of its other candidates can be.
            continue;
        }
        let g = if grouped_by_left { i } else { j };
        let end = groups[g + 1] as usize;
        let mut at = heads[g] as usize + 1;
        while at < end && !free(&candidates[at], left_taken, right_taken) {
            at += 1;
        }
        if at < end {
            heads[g] = at as u32;
            heap.push(Reverse(candidates[at]));
        }
    }
    candidates.clear();
    groups.clear();
    pairs
}

/// A cosine computed in `f32`, as an `f64` in `0..=1` without the rounding noise
/// (identical labels score exactly 1, not 0.99999994).
fn clean(score: f32) -> f64 {
    ((f64::from(score) * 1e5).round() / 1e5).clamp(0.0, 1.0)
}

/// Dot product of two sparse vectors sorted by term id.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// For each term, the documents that have it and its weight there (compressed rows).
#[derive(Debug)]
struct Postings {
    /// `entries[starts[t]..starts[t + 1]]` are the postings of term `t`.
    starts: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    fn new<'a>(
        vocabulary: usize,
        documents: impl Iterator<Item = &'a SparseVector> + Clone,
    ) -> Self {
        let mut starts = vec![0u32; vocabulary + 1];
        for document in documents.clone() {
            for &(term, _) in document {
                starts[term as usize + 1] += 1;
            }
        }
        for t in 0..vocabulary {
            starts[t + 1] += starts[t];
        }
        let mut fill = starts.clone();
        let mut entries = vec![(0u32, 0f32); starts[vocabulary] as usize];
        for (doc, document) in documents.enumerate() {
            for &(term, weight) in document {
                let at = &mut fill[term as usize];
                entries[*at as usize] = (doc as u32, weight);
                *at += 1;
            }
        }
        Self { starts, entries }
    }

    fn empty() -> Self {
        Self {
            starts: vec![0],
            entries: Vec::new(),
        }
    }

    fn of(&self, term: u32) -> &[(u32, f32)] {
        let t = term as usize;
        &self.entries[self.starts[t] as usize..self.starts[t + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::stem_table::EMPTY;
    use crate::compare::test_data::{bilingual, data, task};

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

    impl Analyzer {
        /// The names of [`Analyzer::terms`], for tests.
        fn term_names_of(&mut self, text: &str, language: Language) -> Vec<String> {
            let mut ids = Vec::new();
            self.terms(text, language, &mut ids);
            let mut names: Vec<String> = ids
                .iter()
                .map(|&id| self.term_names[id as usize].clone())
                .collect();
            names.sort();
            names
        }
    }

    #[test]
    fn the_bundled_stem_table_gives_the_stemmers_stems() {
        let french = Stemmer::create(Algorithm::French);
        let english = Stemmer::create(Algorithm::English);
        let mut checked = 0;
        for slot in BUNDLED_STEMS.slots.iter().filter(|s| s.start != EMPTY) {
            let start = slot.start as usize;
            let word = &BUNDLED_STEMS.text[start..start + usize::from(slot.word)];
            let stems = (fold(&french.stem(word)), fold(&english.stem(word)));
            let found = BUNDLED_STEMS
                .get(word)
                .expect("a word of the table is found");
            assert_eq!(
                (found.0, found.1),
                (stems.0.as_str(), stems.1.as_str()),
                "{word}"
            );
            checked += 1;
        }
        // Every word of the bundled labels is there ("modérer" is in the data).
        assert!(checked > 500, "{checked} words");
        assert!(BUNDLED_STEMS.get("modérer").is_some());
        let bundled = crate::model::load_bundled().expect("bundled data loads");
        for task in &bundled.tasks {
            for text in [&task.label.fr, &task.label.en] {
                for word in crate::compare::textnorm::words(text) {
                    assert!(BUNDLED_STEMS.get(&word).is_some(), "{word} of {text}");
                }
            }
        }
    }

    #[test]
    fn numbers_are_their_own_stems() {
        let french = Stemmer::create(Algorithm::French);
        let english = Stemmer::create(Algorithm::English);
        let numbers = (0..3000)
            .map(|n| n.to_string())
            .chain(["007".into(), "2026".into()]);
        for number in numbers {
            assert_eq!(french.stem(&number), number);
            assert_eq!(english.stem(&number), number);
        }
        let mut analyzer = Analyzer::new(0);
        assert_eq!(
            analyzer.term_names_of("Niveau 2 (2026)", Language::Unknown),
            ["2", "2026", "niveau"]
        );
    }

    #[test]
    fn the_analyzer_splits_words_like_textnorm() {
        let mut analyzer = Analyzer::new(0);
        for text in [
            "Animer l'équipe, co-construire (B2B)!",
            "ÉVÉNEMENTS et Ǆemal ΣΟΦΟΣ",
            "plain words only",
            " -- ",
        ] {
            analyzer.terms(text, Language::Unknown, &mut Vec::new());
            let seen: Vec<String> = crate::compare::textnorm::words(text);
            for word in &seen {
                assert!(analyzer.words.get(word).is_some(), "{word} of {text}");
            }
        }
    }

    #[test]
    fn terms_are_folded_stems_without_stop_words() {
        let mut analyzer = Analyzer::new(0);
        assert_eq!(
            analyzer.term_names_of("Modérer les commentaires", Language::French),
            ["commentair", "moder"]
        );
        assert_eq!(
            analyzer.term_names_of("Modération des commentaires", Language::Unknown),
            ["commentair", "moder"]
        );
        assert_eq!(
            analyzer.term_names_of("Moderate the comments", Language::Unknown),
            ["comment", "moder"]
        );
        // The paraphrase is replaced before "faire" would go as a stop word.
        assert_eq!(
            analyzer.term_names_of("Faire vivre la communauté", Language::Unknown),
            analyzer.term_names_of("Animer la communauté", Language::Unknown)
        );
    }

    #[test]
    fn paraphrases_and_word_forms_pair_but_a_common_word_alone_does_not() {
        let (_, index) = index(COMMUNITY);
        assert!(index.score(0, 1) > 0.99, "animer ~ faire vivre");
        assert!(index.score(2, 3) > 0.99, "modérer ~ modération");
        assert!(
            index.score(0, 4) < NEAR_THRESHOLD,
            "only communauté in common"
        );
        assert!(index.score(5, 6) < NEAR_THRESHOLD, "only contenu in common");
        assert!(index.score(0, 2) == 0.0);

        let pairs = index.pairs(&[0, 2, 5], &[3, 1, 6, 4]);
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
        assert!((index.score(0, 1) - expected).abs() < 1e-5);
        assert!((expected - 0.336_097).abs() < 1e-5);
    }

    #[test]
    fn each_task_is_used_once_best_pair_first() {
        // Right 0 matches left 0 exactly and left 1 a little less: left 1 gets nothing.
        let (_, index) = index(&[
            "Modérer les commentaires clients",
            "Modérer les commentaires",
            "Modération des commentaires clients",
        ]);
        let pairs = index.pairs(&[1, 0], &[2]);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (1, 0));
        // The same task on both sides is never a near pair.
        assert!(index.pairs(&[0], &[0]).is_empty());
        assert!(index.pairs(&[], &[0]).is_empty());
    }

    #[test]
    fn equal_scores_break_ties_by_position() {
        let (_, index) = index(&[
            "Modérer les avis",
            "Modérer les avis clients",
            "Modérer les avis",
        ]);
        // Tasks 0 and 2 have the same label: both score 1 with each other.
        let pairs = index.pairs(&[0, 2], &[2, 0]);
        let found: Vec<(usize, usize)> = pairs.iter().map(|&(i, j, _)| (i, j)).collect();
        assert_eq!(found, [(0, 0), (1, 1)]);
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
                let [a_fr, a_en] = index.tasks.slots(a);
                let [b_fr, b_en] = index.tasks.slots(b);
                let score = dot(a_fr, b_fr).max(dot(a_en, b_en));
                if a != b && clean(score) >= NEAR_THRESHOLD {
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
            .map(|(score, _, _, i, j)| (i, j, clean(score)))
            .collect()
    }

    proptest::proptest! {
        /// The inverted index, either way of reading its sums, and the lazy merge of
        /// sorted groups find exactly the pairs of the plain greedy over every pair.
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
            let index = NearIndex::new(&data);
            let n = data.tasks.len();
            // Lists may share tasks, in any order.
            let left: Vec<TaskIdx> = left.into_iter().filter(|&t| t < n).rev().collect();
            let right: Vec<TaskIdx> = right.into_iter().filter(|&t| t < n).collect();
            let expected = brute_force_pairs(&index, &left, &right);
            proptest::prop_assert_eq!(&index.pairs(&left, &right), &expected);
            if !left.is_empty() && !right.is_empty() {
                for walk in [Walk::Dense, Walk::Sparse] {
                    let mut scratch = PairScratch::default();
                    let indexed = index.prepare(&right);
                    index.candidates(&left, &indexed, walk, &mut scratch.candidates, &mut scratch.groups);
                    let pairs = select(&mut scratch, left.len(), right.len(), true);
                    proptest::prop_assert_eq!(&pairs, &expected, "{:?}", walk);
                }
            }
        }
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
        assert!(index.score(0, 1) > 0.99);
        assert!(index.score(0, 2) > 0.99);
        assert!(
            index.score(1, 2) < NEAR_THRESHOLD,
            "no translation between languages"
        );
    }
}
