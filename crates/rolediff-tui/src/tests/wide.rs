//! Text that is hard to lay out (accents, combining marks, CJK, emoji, 1,000-character
//! labels) and text that tries to drive the terminal: the panes stay aligned, and what
//! reaches the screen is neutralised. Snapshots plus explicit checks of the borders.

use std::path::Path;

use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use rolediff::lang::Lang;
use rolediff::model::{DataSet, load_path};

use super::{app, apply, draw, screen_text};
use crate::action::Action;
use crate::layout;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 50)];

fn hostile(name: &str) -> DataSet {
    load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/hostile/text")
            .join(name),
    )
    .expect("the hostile text fixture is valid data")
}

/// Every line inside the panes has its four vertical borders exactly where the layout
/// puts them: a character drawn one column too wide would push one of them away.
fn assert_panes_aligned(buffer: &Buffer, width: u16, height: u16, context: &str) {
    let screen = layout::screen(ratatui::layout::Rect::new(0, 0, width, height));
    let vertical = ["│", "┃", "║", "█"];
    for pane in screen.panes {
        for y in pane.y + 1..pane.y + pane.height - 1 {
            for x in [pane.x, pane.x + pane.width - 1] {
                let symbol = buffer[(x, y)].symbol();
                assert!(
                    vertical.contains(&symbol),
                    "{context}: {symbol:?} at ({x}, {y}) where a border belongs"
                );
            }
        }
    }
}

/// No cell holds a control character or a character that `sanitize` removes.
fn assert_no_unsafe_cells(buffer: &Buffer, context: &str) {
    for cell in buffer.content() {
        let symbol = cell.symbol();
        assert_eq!(
            rolediff::text::sanitize(symbol),
            symbol,
            "{context}: unsafe cell {symbol:?}"
        );
    }
}

fn check(data: &DataSet, name: &str, lang: Lang, actions: &[Action], snapshot: bool) {
    for (width, height) in SIZES {
        let mut app = app(data, width, height);
        app.lang = lang;
        apply(&mut app, actions);
        let terminal = draw(&app, width, height);
        let buffer = terminal.backend().buffer();
        let context = format!("{name} {width}x{height}");
        if app.popup.is_none() {
            assert_panes_aligned(buffer, width, height, &context);
        }
        assert_no_unsafe_cells(buffer, &context);
        if snapshot && width < 200 {
            assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
        }
    }
}

#[test]
fn wide_text_keeps_the_panes_aligned() {
    let data = hostile("wide.yaml");
    check(&data, "wide_start", Lang::En, &[], true);
    check(&data, "wide_start_fr", Lang::Fr, &[], true);
    check(
        &data,
        "wide_long_label",
        Lang::Fr,
        &[Action::CursorDown, Action::CursorDown],
        true,
    );
}

#[test]
fn wide_text_in_popups() {
    let data = hostile("wide.yaml");
    check(
        &data,
        "wide_details",
        Lang::Fr,
        &[Action::CursorDown, Action::CursorDown, Action::OpenDetails],
        true,
    );
    check(
        &data,
        "wide_roles",
        Lang::Fr,
        &[Action::OpenRolePicker],
        true,
    );
    check(
        &data,
        "wide_themes",
        Lang::En,
        &[Action::OpenThemeFilter],
        false,
    );
    check(
        &data,
        "wide_sources",
        Lang::En,
        &[Action::OpenSourceFilter],
        false,
    );
}

#[test]
fn every_cursor_position_and_view_stays_aligned() {
    let data = hostile("wide.yaml");
    for lang in [Lang::En, Lang::Fr] {
        for (width, height) in [(60, 16), (61, 17), (80, 24), (97, 31), (120, 40), (170, 45)] {
            let mut app = app(&data, width, height);
            app.lang = lang;
            for step in 0..12 {
                let action = match step % 4 {
                    0 => Action::CursorDown,
                    1 => Action::SwitchSide,
                    2 => Action::CycleView,
                    _ => Action::NextRole,
                };
                apply(&mut app, &[action]);
                let terminal = draw(&app, width, height);
                assert_panes_aligned(
                    terminal.backend().buffer(),
                    width,
                    height,
                    &format!("{lang:?} {width}x{height} step {step}"),
                );
            }
        }
    }
}

#[test]
fn escape_sequences_are_shown_not_obeyed() {
    let data = hostile("escapes.yaml");
    check(&data, "escapes_start", Lang::En, &[], true);
    check(
        &data,
        "escapes_details",
        Lang::En,
        &[Action::SwitchSide, Action::Last, Action::OpenDetails],
        true,
    );
    check(
        &data,
        "escapes_sources",
        Lang::En,
        &[Action::OpenSourceFilter],
        true,
    );
    check(
        &data,
        "escapes_themes",
        Lang::En,
        &[Action::OpenThemeFilter],
        false,
    );
    check(
        &data,
        "escapes_roles",
        Lang::En,
        &[Action::OpenRolePicker],
        false,
    );
    let mut app = app(&data, 120, 40);
    apply(&mut app, &[Action::StartSearch]);
    for c in "\u{1b}]0;x\u{7}".chars() {
        apply(&mut app, &[Action::Input(c)]);
    }
    let text = screen_text(&app, 120, 40);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    // The escapes are visible as U+FFFD, so a reader sees that something was there.
    assert!(text.contains("Evil\u{FFFD}[2J"), "{text}");
}

#[test]
fn wrapped_labels_keep_the_panes_and_the_gutter_aligned() {
    let data = hostile("wide.yaml");
    check(
        &data,
        "wide_wrapped",
        Lang::Fr,
        &[Action::ToggleWrap, Action::CursorDown],
        true,
    );
    // The 1,000-character label is shown whole, over as many lines as the panes have.
    let mut app = app(&data, 120, 40);
    apply(&mut app, &[Action::ToggleWrap]);
    let placed = layout::placed_rows(&app, &layout::screen(app.area));
    assert!(placed.iter().any(|p| p.height > 1), "{placed:?}");
    let lines: u16 = placed.iter().map(|p| p.height).sum();
    assert!(usize::from(lines) > placed.len() + 10, "{placed:?}");
    // Back to one line per row.
    apply(&mut app, &[Action::ToggleWrap]);
    let placed = layout::placed_rows(&app, &layout::screen(app.area));
    assert!(placed.iter().all(|p| p.height == 1));
}
