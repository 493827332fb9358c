//! Exploring a catalogue: the role picker ranks its matches, `c` brings the closest
//! role to the other side, `w` shows long labels whole.

use rolediff::compare::Filter;
use rolediff::model::load_bundled;

use super::{app, apply, screen_text};
use crate::action::{Action, Side};
use crate::app::{MatchRank, Popup, match_rank};

fn picker_matches(app: &crate::app::App) -> Vec<String> {
    let Some(Popup::RolePicker(picker)) = &app.popup else {
        panic!("the role picker is open")
    };
    picker
        .matches
        .iter()
        .map(|&r| app.data.roles[r].id.clone())
        .collect()
}

#[test]
fn matches_rank_exact_then_prefix_then_word_start_then_anywhere_then_fuzzy() {
    assert_eq!(match_rank("cm", "cm"), Some(MatchRank::Exact));
    assert_eq!(match_rank("cm en agence", "cm"), Some(MatchRank::Prefix));
    assert_eq!(
        match_rank("community manager", "man"),
        Some(MatchRank::WordStart)
    );
    assert_eq!(
        match_rank("gestionnaire", "tion"),
        Some(MatchRank::Substring)
    );
    assert_eq!(
        match_rank("social media manager", "smgr"),
        Some(MatchRank::Subsequence)
    );
    assert_eq!(match_rank("community", "xyz"), None);
    // A match in an alias counts one step less than in the name shown.
    assert_eq!(MatchRank::Exact.weaker(), MatchRank::Prefix);
    assert_eq!(MatchRank::Subsequence.weaker(), MatchRank::Subsequence);
}

#[test]
fn the_role_picker_puts_the_best_match_first() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 100, 30);
    apply(
        &mut app,
        &[
            Action::OpenRolePicker,
            Action::Input('c'),
            Action::Input('m'),
        ],
    );
    // `CM` is the community manager's own alias: it comes before the roles that merely
    // contain the letters (it was third, in data order).
    assert_eq!(picker_matches(&app)[0], "community-manager");
    // Letters in order find a role no substring does.
    apply(&mut app, &[Action::ClosePopup, Action::OpenRolePicker]);
    for c in "smmgr".chars() {
        apply(&mut app, &[Action::Input(c)]);
    }
    assert_eq!(picker_matches(&app)[0], "social-media-manager");
}

#[test]
fn c_sets_the_other_side_to_the_closest_role() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 100, 30);
    let closest = app
        .comparator()
        .rank(app.left, &Filter::default())
        .first()
        .map(|r| r.role)
        .expect("a ranking");
    apply(&mut app, &[Action::ClosestRole]);
    assert_eq!(app.right, closest);
    assert_eq!(app.active, Side::Left, "the active side stays");
    let name = app.role_name(closest);
    assert!(screen_text(&app, 100, 30).contains(&name));
}

#[test]
fn the_closest_role_is_looked_for_in_the_background_and_esc_stops_it() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 100, 30);
    let right = app.right;
    crate::update::update(&mut app, Action::ClosestRole);
    // Asked of a worker: the view says so and keeps answering.
    let work = app.take_work();
    assert_eq!(work.len(), 1);
    assert!(screen_text(&app, 100, 30).contains("looking for the closest role… stop: Esc"));
    crate::update::update(&mut app, Action::CursorDown);
    assert!(app.finding_closest());
    // Esc stops it; an answer arriving late is dropped.
    crate::update::update(&mut app, Action::Back);
    assert!(!app.finding_closest());
    assert!(!app.wants(work[0].generation()));
    app.apply_finished(crate::work::Finished::Closest {
        generation: 1,
        side: Side::Right,
        role: Some(0),
    });
    assert_eq!(app.right, right);
    assert!(!app.should_quit);
}

#[test]
fn large_roles_are_compared_in_the_background_and_the_view_answers_meanwhile() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 100, 30);
    // As if every pair were large.
    app.background_from = 0;
    crate::update::update(&mut app, Action::NextRole);
    assert!(app.is_comparing());
    assert!(app.rows().is_empty(), "no row of the roles shown before");
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains("Comparing the two roles…"), "{screen}");
    // Keys still do what they can.
    for action in [
        Action::CursorDown,
        Action::NextDifference,
        Action::OpenDetails,
    ] {
        crate::update::update(&mut app, action);
        let _ = screen_text(&app, 100, 30);
    }
    crate::update::update(&mut app, Action::ClosePopup);
    crate::work::run_now(&mut app);
    assert!(!app.is_comparing());
    assert!(app.is_task_row(app.cursor));
    assert_eq!(app.comparison().left, app.left);
    assert_eq!(app.comparison().right, app.right);
}
