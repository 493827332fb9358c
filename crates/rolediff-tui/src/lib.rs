//! The interactive view: two roles side by side.
//!
//! Flow: a terminal event becomes an [`action::Action`] ([`event`], [`keymap`]),
//! [`update::update`] changes the [`app::App`], and [`ui`] draws the state. The loop
//! blocks on the next event, so an idle screen costs nothing.

pub mod action;
pub mod app;
pub mod event;
pub mod keymap;
pub mod layout;
pub mod numbers;
pub mod strings;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;

#[cfg(test)]
mod tests;

use std::io;

use rolediff::lang::Lang;
use rolediff::model::{DataSet, RoleIdx};

use action::Action;
use app::App;
use keymap::Keymap;
use theme::Theme;

/// How the interface looks and answers, as the command line and the config decide it
/// (the command line's own resolved settings are `cli::settings::Settings`).
#[derive(Debug, Clone)]
pub struct Appearance {
    /// Interface and data language.
    pub lang: Lang,
    /// Styles (palette, or none with `NO_COLOR`).
    pub theme: Theme,
    /// The key table with the config's overrides.
    pub keymap: Keymap,
    /// Whether the view takes the mouse (clicks, wheel); off, the terminal's own text
    /// selection works.
    pub mouse: bool,
}

/// Runs the interactive view until the user quits. The terminal is restored on return,
/// on error, on panic and when a signal ends the program.
pub fn run(
    data: &DataSet,
    left: RoleIdx,
    right: RoleIdx,
    appearance: Appearance,
) -> io::Result<()> {
    terminal::install_guards();
    let result = terminal::enter(appearance.mouse)
        .and_then(|mut screen| event_loop(&mut screen, data, left, right, appearance));
    terminal::leave();
    result
}

fn event_loop(
    screen: &mut terminal::Screen,
    data: &DataSet,
    left: RoleIdx,
    right: RoleIdx,
    appearance: Appearance,
) -> io::Result<()> {
    let area = screen.get_frame().area();
    let mouse = appearance.mouse;
    let mut app = App::new(data, left, right, appearance.lang, appearance.theme, area);
    app.keymap = appearance.keymap;
    loop {
        screen.draw(|frame| frame.render_widget(&app, frame.area()))?;
        // Block until an event that means something: no timer, no busy loop.
        let action = loop {
            let event = ratatui::crossterm::event::read()?;
            if let Some(action) = event::to_action(&app, &event) {
                break action;
            }
        };
        update::update(&mut app, action);
        if app.should_quit {
            return Ok(());
        }
        if let Action::Resize(..) = action {
            screen.resize(app.area)?;
        }
        if std::mem::take(&mut app.suspend_requested) {
            terminal::suspend(screen, mouse)?;
        }
    }
}
