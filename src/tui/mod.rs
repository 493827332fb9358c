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
pub mod strings;
pub mod theme;
pub mod ui;
pub mod update;

#[cfg(test)]
mod tests;

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;
use rolediff::lang::Lang;
use rolediff::model::{DataSet, RoleIdx};

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
}

/// Runs the interactive view until the user quits. The terminal is restored on return,
/// on error and on panic.
pub fn run(
    data: &DataSet,
    left: RoleIdx,
    right: RoleIdx,
    appearance: Appearance,
) -> io::Result<()> {
    // ratatui's init installs a panic hook that restores the terminal; ours runs first
    // and also turns the mouse reporting off, which ratatui does not know about.
    let mut terminal = ratatui::init();
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui_hook(info);
    }));
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, data, left, right, appearance));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    data: &DataSet,
    left: RoleIdx,
    right: RoleIdx,
    appearance: Appearance,
) -> io::Result<()> {
    let size = terminal.size()?;
    let area = Rect::new(0, 0, size.width, size.height);
    let mut app = App::new(data, left, right, appearance.lang, appearance.theme, area);
    app.keymap = appearance.keymap;
    loop {
        terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
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
    }
}
