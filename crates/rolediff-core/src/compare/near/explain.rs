//! Why two tasks are a near pair: the words of their labels that meet, read the way
//! the matcher reads them (same stems, declared synonyms), as the labels write them.
//!
//! Computed on demand for the pairs a person looks at (the details of the interactive
//! view, a JSON report), from the two labels alone: a fresh [`Analyzer`] per call
//! costs microseconds, and no comparison pays for explanations nobody reads.

use crate::compare::near::{Analyzer, Language};
use crate::lang::Lang;
use crate::model::{DataSet, TaskIdx};
use crate::text::fold::word_spans;

/// A word of the left label and the word of the right label it meets: the same word
/// (`night` / `night`), a derivation (`moderate` / `moderation`) or declared synonyms
/// (`track` / `monitoring`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordMatch {
    /// As the left task's label writes it.
    pub left: String,
    /// As the right task's label writes it.
    pub right: String,
}

/// The words `left`'s and `right`'s labels have in common, in the order of the left
/// label, each at most once; in `lang`'s labels, read in the language they are
/// written in. Empty when they share no word (a pair found through the other
/// language's labels, for instance). `analyzer` must read `data`'s synonyms: the
/// near-pair index's does ([`crate::compare::Comparator::words_in_common`]).
pub(crate) fn explain(
    analyzer: &mut Analyzer,
    data: &DataSet,
    left: TaskIdx,
    right: TaskIdx,
    lang: Lang,
) -> Vec<WordMatch> {
    let left_words = stemmed_words(analyzer, data, left, lang);
    let right_words = stemmed_words(analyzer, data, right, lang);
    let mut matches = Vec::new();
    let mut seen_terms = Vec::new();
    for (word, terms) in &left_words {
        // The first word of the right label that shares a term with this one.
        let met = right_words.iter().find_map(|(other, other_terms)| {
            other_terms
                .iter()
                .find(|term| terms.contains(term))
                .map(|&term| (other, term))
        });
        if let Some((other, term)) = met
            && !seen_terms.contains(&term)
        {
            seen_terms.push(term);
            matches.push(WordMatch {
                left: word.to_string(),
                right: other.to_string(),
            });
        }
    }
    matches
}

/// Each content word of `task`'s label in `lang`, with its terms (none for a stop
/// word).
fn stemmed_words<'d>(
    analyzer: &mut Analyzer,
    data: &'d DataSet,
    task: TaskIdx,
    lang: Lang,
) -> Vec<(&'d str, Vec<u32>)> {
    let label = &data.tasks[task].label;
    let text = label.get(lang);
    let language = if label.fr != label.en {
        language_of(lang)
    } else if let Some(declared) = data.language {
        language_of(declared)
    } else {
        let mut words = Vec::new();
        analyzer.words(text, &mut words);
        match analyzer.guess_words(text, &words) {
            Language::Unknown => language_of(lang),
            guessed => guessed,
        }
    };
    let mut words = Vec::new();
    word_spans(text)
        .filter_map(|span| {
            words.clear();
            analyzer.words(span, &mut words);
            let mut terms = Vec::new();
            analyzer.terms_of_words(&words, language, &mut terms);
            (!terms.is_empty()).then_some((span, terms))
        })
        .collect()
}

fn language_of(lang: Lang) -> Language {
    match lang {
        Lang::Fr => Language::French,
        Lang::En => Language::English,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_text;

    fn data(synonyms: &str) -> DataSet {
        load_text(
            "roles.yaml",
            &format!(
                "language: en\n{synonyms}roles:\n  - name: A\n    tasks: [Track the engagement of members, Moderate the forum]\n  - name: B\n    tasks: [Monitoring of member engagement, Forum moderation]\n"
            ),
        )
        .unwrap()
    }

    fn pairs(data: &DataSet, left: usize, right: usize) -> Vec<(String, String)> {
        crate::compare::NearIndex::new(data)
            .words_in_common(data, TaskIdx(left), TaskIdx(right), Lang::En)
            .into_iter()
            .map(|m| (m.left, m.right))
            .collect()
    }

    #[test]
    fn same_words_and_derivations_meet_as_written() {
        let data = data("");
        let [track, moderate, monitoring, moderation] = [
            "Track the engagement of members",
            "Moderate the forum",
            "Monitoring of member engagement",
            "Forum moderation",
        ]
        .map(|label| data.tasks.iter().position(|t| t.label.en == label).unwrap());
        assert_eq!(
            pairs(&data, moderate, moderation),
            [
                ("Moderate".into(), "moderation".into()),
                ("forum".into(), "Forum".into())
            ]
        );
        // Without synonyms, `Track` meets nothing; stop words never meet.
        assert_eq!(
            pairs(&data, track, monitoring),
            [
                ("engagement".into(), "engagement".into()),
                ("members".into(), "member".into())
            ]
        );
    }

    #[test]
    fn declared_synonyms_meet() {
        let data = data("synonyms: [[track, monitor]]\n");
        let track = data
            .tasks
            .iter()
            .position(|t| t.label.en.starts_with("Track"))
            .unwrap();
        let monitoring = data
            .tasks
            .iter()
            .position(|t| t.label.en.starts_with("Monitoring"))
            .unwrap();
        assert_eq!(
            pairs(&data, track, monitoring)[0],
            ("Track".into(), "Monitoring".into())
        );
    }
}
