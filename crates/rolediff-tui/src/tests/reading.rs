//! Text the view cuts says it is cut and can be read whole; nothing is said twice.

use rolediff::model::load_bundled;

use super::{app, apply, screen_text};
use crate::action::Action;

#[test]
fn a_cut_summary_ends_with_an_ellipsis_and_i_reads_it_whole() {
    let data = load_bundled().expect("bundled data");
    for (width, height) in [(120, 40), (200, 60)] {
        let mut app = app(&data, width, height);
        let screen = screen_text(&app, width, height);
        assert!(screen.contains("… (i)"), "{width}x{height}:\n{screen}");
        apply(&mut app, &[Action::OpenAbout]);
        let screen = screen_text(&app, width, height);
        // The summary's last words, in the popup.
        assert!(
            screen.contains("leading community strategy."),
            "{width}x{height}:\n{screen}"
        );
    }
}

#[test]
fn the_side_panel_and_the_details_popup_never_show_the_same_text() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 200, 60);
    let screen = screen_text(&app, 200, 60);
    assert_eq!(screen.matches("English: ").count(), 1, "{screen}");
    apply(&mut app, &[Action::OpenDetails]);
    let screen = screen_text(&app, 200, 60);
    assert_eq!(screen.matches("English: ").count(), 1, "{screen}");
}

#[test]
fn the_first_screen_explains_the_histograms_and_the_axis_column() {
    let data = load_bundled().expect("bundled data");
    let app = app(&data, 100, 30);
    let screen = screen_text(&app, 100, 30);
    // The figure ending each task row is named under its column.
    assert!(
        screen.contains("axis: 0 execution … 1 strategy ↑"),
        "{screen}"
    );
    // The bars say what they count and their scale.
    assert!(screen.contains("L tasks, █ = "), "{screen}");
    assert!(screen.contains("R tasks "), "{screen}");
}

#[test]
fn the_french_view_is_french_keys_colons_and_numbers() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 100, 30);
    app.lang = rolediff::lang::Lang::Fr;
    let screen = screen_text(&app, 100, 30);
    for expected in [
        "similarité 6–15\u{a0}%",
        "tâche 0,90",
        "Entrée détails",
        "? aide",
    ] {
        assert!(screen.contains(expected), "{expected}:\n{screen}");
    }
    for english in ["Enter", "0.9", "15%"] {
        assert!(!screen.contains(english), "{english}:\n{screen}");
    }
    apply(&mut app, &[Action::OpenDetails]);
    let screen = screen_text(&app, 100, 30);
    for expected in ["Anglais : ", "Axe : 0,90", "Échap fermer"] {
        assert!(screen.contains(expected), "{expected}:\n{screen}");
    }
    assert!(!screen.contains("Anglais:"), "{screen}");
}

#[test]
fn a_near_pair_says_which_words_its_labels_meet_on() {
    let data = rolediff::model::load_text(
        "roles.yaml",
        "language: en\nsynonyms: [[oversee, supervise]]\nroles:\n  - name: Shift lead\n    tasks: [Oversee the night crew]\n  - name: Night manager\n    tasks: [Supervision of the night crew]\n",
    )
    .expect("the data loads");
    let mut app = app(&data, 100, 30);
    apply(&mut app, &[Action::OpenDetails]);
    let screen = screen_text(&app, 100, 30);
    assert!(
        screen.contains("Words in common: Oversee = Supervision, night, crew"),
        "{screen}"
    );
    // The same from the right pane: its own words first.
    apply(
        &mut app,
        &[Action::Back, Action::SwitchSide, Action::OpenDetails],
    );
    let screen = screen_text(&app, 100, 30);
    assert!(
        screen.contains("Words in common: Supervision = Oversee, night, crew"),
        "{screen}"
    );
}
