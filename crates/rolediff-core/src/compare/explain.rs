//! What a comparison is made of, for a person to read: the words two tasks' labels
//! meet on ([`Comparator::words_in_common`]) and the words two roles' wording has in
//! common ([`Comparator::wording_in_common`]).

use std::collections::{HashMap, HashSet};

use crate::compare::near::Reading;
use crate::compare::wording::Wording;
use crate::compare::{Comparator, Ranked, WordMatch};
use crate::lang::Lang;
use crate::model::{RoleIdx, TaskIdx};

impl Comparator<'_> {
    /// The words the labels of tasks `left` and `right` meet on, in the order of the
    /// left label, each as its label in `lang` writes it (see [`WordMatch`]), read
    /// with the analyzer the comparison keeps.
    pub fn words_in_common(&self, left: TaskIdx, right: TaskIdx, lang: Lang) -> Vec<WordMatch> {
        self.near.words_in_common(self.data, left, right, lang)
    }

    /// The words both roles' wording has (names, aliases, task labels), those that
    /// weigh most in their wording similarity first, at most `most`, each as the data
    /// writes it, lowercase ("marketing", not the stem `market`): what
    /// [`Ranked::wording`] is made of. The wording reads both languages of the labels;
    /// a word only the other language's labels have is left out, so the words are
    /// in `lang`.
    pub fn wording_in_common(
        &self,
        a: RoleIdx,
        b: RoleIdx,
        most: usize,
        lang: Lang,
    ) -> Vec<String> {
        // Built before the analysis is locked: building it locks the analysis too.
        let wording = self.wording();
        let mut reading = self.near.reading();
        let a_terms = self.label_terms(&mut reading, a, lang);
        let b_terms = self.label_terms(&mut reading, b, lang);
        name_shared_stems(wording, &reading, (a, &a_terms), (b, &b_terms), most)
    }

    /// Fills [`Ranked::words_in_common`] of `ranked` (a ranking of `role`, or its
    /// first rows) with at most `most` words each, in `lang`, where there is a wording
    /// (no filter). The ranked role's labels are read once for all rows.
    pub fn explain_wording(&self, role: RoleIdx, ranked: &mut [Ranked], most: usize, lang: Lang) {
        let wording = self.wording();
        let mut reading = self.near.reading();
        let own = self.label_terms(&mut reading, role, lang);
        for row in ranked.iter_mut().filter(|row| row.wording.is_some()) {
            let other = row.role;
            let theirs = self.label_terms(&mut reading, other, lang);
            row.words_in_common =
                name_shared_stems(wording, &reading, (role, &own), (other, &theirs), most);
        }
    }

    /// The terms of `role`'s labels in `lang`, named by the words written there, and
    /// those of its labels in the other language (names and aliases are in neither).
    fn label_terms(&self, reading: &mut Reading, role: RoleIdx, lang: Lang) -> LabelTerms {
        let (own, other) = match lang {
            Lang::Fr => (0, 1),
            Lang::En => (1, 0),
        };
        let mut terms = LabelTerms::default();
        for role_task in &self.data.roles[role].tasks {
            let label = &self.data.tasks[role_task.task].label;
            reading
                .analyzer
                .written_forms(label.get(lang), &mut terms.forms);
            let slots = self.near.label_slots(role_task.task);
            if slots[own] != slots[other] {
                terms
                    .other_language
                    .extend(reading.ordered.get(slots[other]).iter().copied());
            }
        }
        terms
    }
}

/// The stems the wording of `a` and `b` shares (see [`Wording::shared_stems`]),
/// by the words of the labels read (`*_terms`): a stem only the other language's
/// labels have is left out.
fn name_shared_stems(
    wording: &Wording,
    reading: &Reading,
    (a, a_terms): (RoleIdx, &LabelTerms),
    (b, b_terms): (RoleIdx, &LabelTerms),
    most: usize,
) -> Vec<String> {
    let form = |term: u32| {
        a_terms
            .forms
            .get(&term)
            .or_else(|| b_terms.forms.get(&term))
    };
    let in_other_language = |term: u32| {
        a_terms.other_language.contains(&term) || b_terms.other_language.contains(&term)
    };
    wording
        .shared_stems(a, b, most, |term| {
            form(term).is_some() || !in_other_language(term)
        })
        .into_iter()
        .map(|term| match form(term) {
            Some(form) => form.clone(),
            None => reading.analyzer.written_form(term).to_string(),
        })
        .collect()
}

/// What a role's labels say, term by term: see [`Comparator::label_terms`].
#[derive(Default)]
struct LabelTerms {
    /// Term → the word of a label in the report's language that gives it.
    forms: HashMap<u32, String>,
    /// Terms of its labels in the other language.
    other_language: HashSet<u32>,
}
