//! Every number on screen counts what the screen shows, or says what it counts.

use rolediff::compare::Row;
use rolediff::model::load_bundled;

use super::{app, apply, screen_text};
use crate::action::{Action, Side};

/// The number in `Label (n)` on each side of the heading line showing `label`.
fn heading_numbers(screen: &str, label: &str) -> Vec<usize> {
    let line = screen
        .lines()
        .find(|l| l.contains(&format!("{label} (")))
        .unwrap_or_else(|| panic!("no heading {label}:\n{screen}"));
    line.match_indices(&format!("{label} ("))
        .map(|(at, found)| {
            let rest = &line[at + found.len()..];
            rest[..rest.find(')').unwrap()].parse().unwrap()
        })
        .collect()
}

#[test]
fn a_heading_counts_the_tasks_listed_under_it() {
    let data = load_bundled().expect("bundled data");
    let left = data.role_index("community-strategist").unwrap();
    let right = data.role_index("social-media-manager").unwrap();
    let mut app = app(&data, 100, 30);
    app.left = left;
    app.right = right;
    app.recompute();
    apply(&mut app, &[Action::Last]);
    let screen = screen_text(&app, 100, 30);
    // Was `(3)` on the left with nothing under it: the strategist's tasks of that theme
    // are listed under their first theme.
    for (i, row) in app.rows().iter().enumerate() {
        let Row::Theme(theme) = *row else { continue };
        let under = app.rows()[i + 1..]
            .iter()
            .take_while(|r| matches!(r, Row::Task { .. }))
            .fold((0, 0), |(l, r), row| match *row {
                Row::Task { left, right, .. } => (
                    l + usize::from(left.is_some()),
                    r + usize::from(right.is_some()),
                ),
                Row::Theme(_) => (l, r),
            });
        assert_eq!(app.section_count(i), under, "{}", app.theme_label(theme));
    }
    assert_eq!(heading_numbers(&screen, "Profile & hiring"), vec![0, 4]);
    // On the default pair's first screen, `Strategy` counted 7 on the right: the
    // right role's tasks of that theme, 4 of them listed under other themes.
    let app = self::app(&data, 100, 30);
    let screen = screen_text(&app, 100, 30);
    assert_eq!(heading_numbers(&screen, "Strategy"), vec![2, 3]);
}

#[test]
fn pane_titles_say_how_many_of_the_role_s_tasks_they_show() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 100, 30);
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains("left · 37 tasks"), "{screen}");
    apply(
        &mut app,
        &[Action::StartSearch, Action::Input('p'), Action::Input('o')],
    );
    let (left, right) = app.shown_cells();
    let screen = screen_text(&app, 100, 30);
    assert!(
        screen.contains(&format!("left · {left} of 37 tasks")),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("right · {right} of 20 tasks")),
        "{screen}"
    );
    assert!(left < 37);
    let _ = Side::Left;
}

#[test]
fn one_task_is_singular_in_both_languages() {
    let data = rolediff::model::load_text(
        "two.yaml",
        "roles:\n  - name: Solo\n    tasks: [Write]\n  - name: Duo\n    tasks: [Write, Read]\n",
    )
    .expect("the file loads");
    let mut app = app(&data, 100, 30);
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains("· 1 task "), "{screen}");
    assert!(screen.contains("· 2 tasks "), "{screen}");
    app.lang = rolediff::lang::Lang::Fr;
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains("· 1 tâche "), "{screen}");
    assert!(screen.contains("· 2 tâches "), "{screen}");
}

#[test]
fn narrow_screens_give_the_names_room_before_the_words_around_them() {
    let data = load_bundled().expect("bundled data");
    // 60 columns: the counts close up, "similarity" goes, the names stay readable.
    let app = app(&data, 60, 16);
    let screen = screen_text(&app, 60, 16);
    let header = screen.lines().next().unwrap();
    assert!(header.starts_with(" Community m"), "{screen}");
    assert!(header.contains("⟷  Social media"), "{screen}");
    assert!(header.contains("=7 <29 >12"), "{screen}");
    assert!(!header.contains("similarity"), "{screen}");
    // Pane titles drop the side word (the ▶ and the place say it) rather than the name.
    assert!(screen.contains("┏ ▶ Community … ━ 37 tasks ┓"), "{screen}");
    // The axis line gives the panes' letters alone rather than names cut to "…".
    assert!(screen.contains("L 0.28 ‹0.21–0.55›  R 0.56"), "{screen}");
    // 120 columns: everything in full words.
    let app = super::app(&data, 120, 40);
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("similarity 6–15%   = 7  < 29"), "{screen}");
    assert!(screen.contains("left · 37 tasks"), "{screen}");
}
