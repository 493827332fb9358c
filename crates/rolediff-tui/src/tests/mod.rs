//! Tests of the interactive view: the state after sequences of actions, and whole
//! screens rendered into a `TestBackend` and compared with reviewed snapshots.
//!
//! They live in the binary (the TUI is not part of the library), next to the code.

mod capture;
mod colours;
mod counts;
mod explore;
mod keys;
mod landscape;
mod properties;
mod reading;
mod screens;
mod shared_aliases;
mod updates;
mod wide;

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use rolediff::lang::Lang;
use rolediff::model::{DataSet, load_path};

use crate::action::Action;
use crate::app::App;
use crate::theme::Theme;
use crate::update::update;
use rolediff::model::default_roles;

/// The small hand-made data set: roles lead, maker, mixed.
fn small() -> DataSet {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/small"))
        .expect("the small fixture loads")
}

/// An app on `data` sized for a `width`×`height` terminal, on the default roles.
fn app(data: &DataSet, width: u16, height: u16) -> App<'_> {
    let (left, right) = default_roles(data);
    App::new(
        data,
        left,
        right,
        Lang::En,
        Theme::new(true),
        Rect::new(0, 0, width, height),
    )
}

/// Applies `actions`, doing the work each asks for at once (the event loop does it in
/// a worker).
fn apply(app: &mut App, actions: &[Action]) {
    for &action in actions {
        update(app, action);
        crate::work::run_now(app);
    }
}

/// The screen as a test terminal shows it.
fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    terminal
}

/// The screen's text, one line per row, for assertions on contents.
fn screen_text(app: &App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
