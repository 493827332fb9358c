//! What a comparison is made of, for a person to read: the words two tasks' labels
//! meet on ([`Comparator::words_in_common`]) and the words two roles' wording has in
//! common ([`Comparator::wording_in_common`]).

use crate::compare::wording::Wording;
use crate::compare::{Comparator, Ranked, WordMatch};
use crate::lang::Lang;
use crate::model::{RoleIdx, TaskIdx};

impl Comparator<'_> {
    /// The words the labels of tasks `left` and `right` meet on (see
    /// [`crate::compare::words_in_common`]), with the analyzer the comparison keeps.
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
        let wording = self
            .wording
            .get_or_init(|| Wording::new(self.data, &self.near));
        let mut reading = self.near.reading();
        let (own, other) = match lang {
            Lang::Fr => (0, 1),
            Lang::En => (1, 0),
        };
        // Terms of the two roles' labels in `lang` (named by the words written
        // there) and in the other language; names and aliases are in neither.
        let mut forms = std::collections::HashMap::new();
        let mut other_lang = std::collections::HashSet::new();
        for role in [a, b] {
            for role_task in &self.data.roles[role].tasks {
                let label = &self.data.tasks[role_task.task].label;
                reading.analyzer.written_forms(label.get(lang), &mut forms);
                let slots = self.near.label_slots(role_task.task);
                if slots[own] != slots[other] {
                    other_lang.extend(reading.ordered.get(slots[other]).iter().copied());
                }
            }
        }
        let terms = wording.shared_stems(a, b, most, |term| {
            forms.contains_key(&term) || !other_lang.contains(&term)
        });
        terms
            .into_iter()
            .map(|term| match forms.get(&term) {
                Some(form) => form.clone(),
                None => reading.analyzer.written_form(term).to_string(),
            })
            .collect()
    }

    /// Fills [`Ranked::words_in_common`] of `ranked` (a ranking of `role`, or its
    /// first rows) with at most `most` words each, in `lang`, where there is a wording
    /// (no filter).
    pub fn explain_wording(&self, role: RoleIdx, ranked: &mut [Ranked], most: usize, lang: Lang) {
        for row in ranked.iter_mut().filter(|row| row.wording.is_some()) {
            row.words_in_common = self.wording_in_common(role, row.comparison.right, most, lang);
        }
    }
}
