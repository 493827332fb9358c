//! The landscape view (`m`): snapshots with the seven bundled roles, and its keys.

use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rolediff::compare::Filter;
use rolediff::model::{DataSet, load_bundled};

use super::{app, apply, draw, screen_text, small};
use crate::action::Action;
use crate::event::to_action;
use crate::keymap::Context;
use crate::theme::Theme;

fn bundled() -> DataSet {
    load_bundled().expect("the bundled data loads")
}

#[test]
fn landscape_screens_with_seven_roles() {
    let data = bundled();
    assert_eq!(
        data.roles.len(),
        7,
        "the snapshots show the bundled seven roles"
    );
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(&data, width, height);
        apply(&mut app, &[Action::OpenLandscape, Action::CursorDown]);
        let terminal = draw(&app, width, height);
        assert_snapshot!(format!("landscape_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn landscape_with_a_theme_filter() {
    let data = bundled();
    let moderation = data.theme_index("moderation").expect("a moderation theme");
    let mut app = app(&data, 80, 24);
    apply(&mut app, &[Action::OpenLandscape, Action::OpenThemeFilter]);
    for _ in 0..moderation {
        apply(&mut app, &[Action::PopupDown]);
    }
    apply(&mut app, &[Action::PopupToggle, Action::PopupConfirm]);
    assert_eq!(app.filter.themes, vec![moderation]);
    assert_eq!(app.context(), Context::Landscape);
    // The matrix follows the filter.
    let matrix = &app.landscape.as_ref().unwrap().matrix;
    let filter = Filter {
        themes: vec![moderation],
        ..Filter::default()
    };
    assert_eq!(
        matrix.similarity[0][1],
        app.comparator().compare(0, 1, &filter).similarity
    );
    assert_snapshot!("landscape_moderation_80x24", draw(&app, 80, 24).backend());
}

#[test]
fn cells_move_and_enter_opens_the_pair() {
    let data = small();
    let mut app = app(&data, 80, 24);
    let (left, right) = (app.left, app.right);
    apply(&mut app, &[Action::OpenLandscape]);
    let landscape = app.landscape.as_ref().unwrap();
    assert_eq!((landscape.row, landscape.column), (left, right));
    // Moves stay inside the matrix.
    apply(
        &mut app,
        &[
            Action::ColumnRight,
            Action::ColumnRight,
            Action::ColumnRight,
        ],
    );
    apply(
        &mut app,
        &[Action::CursorDown, Action::CursorDown, Action::CursorDown],
    );
    let landscape = app.landscape.as_ref().unwrap();
    assert_eq!((landscape.row, landscape.column), (2, 2));
    // The diagonal is not a pair: Enter does nothing there.
    apply(&mut app, &[Action::OpenPair]);
    assert!(app.landscape.is_some());
    apply(
        &mut app,
        &[Action::CursorUp, Action::ColumnLeft, Action::ColumnLeft],
    );
    apply(&mut app, &[Action::OpenPair]);
    assert!(app.landscape.is_none());
    assert_eq!((app.left, app.right), (1, 0));
    assert_eq!(app.comparison().left, 1);
    // `m` opens it again, Esc closes it.
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    assert_eq!(
        app.keymap
            .action_for(app.context(), key(KeyCode::Char('m'))),
        Some(Action::OpenLandscape)
    );
    apply(&mut app, &[Action::OpenLandscape]);
    assert_eq!(
        app.keymap.action_for(app.context(), key(KeyCode::Esc)),
        Some(Action::CloseLandscape)
    );
}

#[test]
fn the_selected_cell_and_the_legend_read_without_colour() {
    let data = bundled();
    let mut app = app(&data, 80, 24);
    app.theme = Theme::new(false);
    apply(&mut app, &[Action::OpenLandscape]);
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("░ 5–10%"), "{text}");
    assert!(text.contains("%"), "{text}");
}

/// A left click at `x`, `y` as the terminal reports it.
fn click(x: u16, y: u16) -> ratatui::crossterm::event::Event {
    use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn a_click_selects_the_cell_drawn_under_it_and_a_second_click_opens_the_pair() {
    let data = bundled();
    let roles = data.roles.len();
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(&data, width, height);
        apply(&mut app, &[Action::OpenLandscape]);
        let terminal = draw(&app, width, height);
        let buffer = terminal.backend().buffer();
        // Every position of the screen: where a click picks a cell, that cell is drawn
        // there, six columns wide (a shade, the percentage or `·`/`–`, a gap).
        let mut runs: std::collections::BTreeMap<(usize, usize), Vec<(u16, u16)>> =
            Default::default();
        for y in 0..height {
            for x in 0..width {
                match to_action(&app, &click(x, y)) {
                    Some(Action::SelectCell(row, column)) => {
                        runs.entry((row, column)).or_default().push((x, y))
                    }
                    None => {}
                    other => panic!("a click in the landscape gave {other:?}"),
                }
            }
        }
        assert_eq!(
            runs.len(),
            roles * roles,
            "every cell shows at {width}×{height}"
        );
        for ((row, column), places) in &runs {
            let (x, y) = places[0];
            assert_eq!(places.len(), 6, "({row}, {column})");
            assert!(places.iter().all(|&(px, py)| py == y && px < x + 6));
            let sign = buffer[(x + 4, y)].symbol();
            let expected = if row == column { "·" } else { "%" };
            assert!(
                sign == expected || sign == "–",
                "({row}, {column}): {sign:?}"
            );
        }
        // The title and the legend are not cells.
        assert_eq!(to_action(&app, &click(1, 0)), None);

        // One click selects, a second one on the same cell opens the pair.
        let (x, y) = runs[&(2, 5)][0];
        let action = to_action(&app, &click(x, y)).expect("a cell");
        apply(&mut app, &[action]);
        let landscape = app.landscape.as_ref().expect("still in the landscape");
        assert_eq!((landscape.row, landscape.column), (2, 5));
        let action = to_action(&app, &click(x, y)).expect("the same cell");
        apply(&mut app, &[action]);
        assert!(app.landscape.is_none(), "the pair is open");
        assert_eq!((app.left, app.right), (2, 5));

        // A role with itself is not a pair: clicking the diagonal twice stays.
        apply(&mut app, &[Action::OpenLandscape]);
        let (x, y) = runs[&(3, 3)][0];
        for _ in 0..2 {
            let action = to_action(&app, &click(x, y)).expect("a cell");
            apply(&mut app, &[action]);
        }
        assert!(app.landscape.is_some());
    }
}

#[test]
fn the_footer_offers_no_key_that_does_nothing() {
    let data = bundled();
    let mut app = app(&data, 100, 30);
    apply(&mut app, &[Action::OpenLandscape]);
    let footer = |app: &crate::app::App| {
        screen_text(app, 100, 30)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    assert!(footer(&app).contains("Enter open pair"));
    // On the diagonal, a role with itself: Enter does nothing, so it is not offered.
    let landscape = app.landscape.as_mut().unwrap();
    landscape.column = landscape.row;
    assert!(!footer(&app).contains("open pair"), "{}", footer(&app));
    // Shared tasks only: there is no difference to jump to, so `n/N` is not offered.
    apply(&mut app, &[Action::CloseLandscape]);
    assert!(footer(&app).contains("n/N diff"));
    apply(&mut app, &[Action::CycleView]);
    assert!(!footer(&app).contains("diff"), "{}", footer(&app));
}

#[test]
fn more_than_a_hundred_roles_fill_in_from_the_selected_row() {
    use crate::work::{compute_row, row_order};
    use std::sync::atomic::AtomicBool;
    // Rows arrive one by one; the screen shows the progress and what is done.
    let data = bundled();
    let mut app = app(&data, 100, 30);
    crate::update::update(&mut app, Action::OpenLandscape);
    let Some(crate::work::Request::Matrix(request)) = app.take_work().pop() else {
        panic!("the landscape asks for its matrix")
    };
    let screen = screen_text(&app, 100, 30);
    assert!(
        screen.contains("computing the similarities: 0 of 7 roles"),
        "{screen}"
    );
    let comparator = app.comparator_handle();
    let first = row_order(request.first_row, request.count).next().unwrap();
    let row = compute_row(&comparator, &request, first, &AtomicBool::new(false)).unwrap();
    app.apply_finished(crate::work::Finished::Row(row.clone()));
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains("1 of 7 roles"), "{screen}");
    // A row of an older request (the filter changed since) is dropped.
    crate::update::update(&mut app, Action::OpenLandscape);
    app.apply_finished(crate::work::Finished::Row(row));
    assert_eq!(app.landscape.as_ref().unwrap().done, 0);
    // Leaving the landscape leaves no work wanted: the loop drops the worker.
    crate::update::update(&mut app, Action::CloseLandscape);
    assert!(!app.wants(request.generation));
}
