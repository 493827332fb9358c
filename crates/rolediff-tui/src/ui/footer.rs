//! The footer: the most useful keys, or the text filter being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use rolediff::text::{sanitize, width};

use crate::action::Action;
use crate::app::{App, Notice};
use crate::keymap::Context;
use crate::ui::popup_help::hint_line;
use crate::ui::put;

/// Draws the footer line.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(text) = notice_text(app) {
        let text = format!(" {text} ");
        let used = put(buf, area.x, area.y, &text, area.width, app.theme.notice()) + 1;
        let rest = area.width.saturating_sub(used);
        hint_line(
            app,
            app.context(),
            Rect::new(area.x + area.width - rest, area.y, rest, 1),
            buf,
        );
        return;
    }
    if !app.searching {
        hint_line(app, app.context(), area, buf);
        return;
    }
    let prompt = format!(" /{} ", app.strings().search);
    let query = sanitize(&app.filter.query).into_owned();
    let used = width(&prompt) + width(&query) + 2;
    Line::from(vec![
        Span::styled(prompt, app.theme.key()),
        Span::styled(query, app.theme.input()),
        Span::styled("▏", app.theme.input()),
    ])
    .render(area, buf);
    let rest = area.width.saturating_sub(used as u16 + 2);
    hint_line(
        app,
        Context::Search,
        Rect::new(area.x + area.width - rest, area.y, rest, 1),
        buf,
    );
}

/// The keys of `back` in the main view, as the footer names them.
fn back_keys(app: &App) -> String {
    app.keymap
        .bindings(Context::Main)
        .find(|b| b.action == Action::Back)
        .map(|b| b.keys_display(app.lang))
        .unwrap_or_default()
}

/// The notice's words, with the keys in force where it names one.
fn notice_text(app: &App) -> Option<String> {
    let s = app.strings();
    if app.finding_closest() {
        return Some(format!("{} {}", s.finding_closest, back_keys(app)));
    }
    Some(match app.notice? {
        Notice::WrappedToTop => s.wrapped_to_top.to_string(),
        Notice::WrappedToBottom => s.wrapped_to_bottom.to_string(),
        Notice::NoDifference => s.no_difference.to_string(),
        Notice::NoOtherRole => s.no_other_role.to_string(),
        Notice::HowToQuit => {
            let quit = app
                .keymap
                .bindings(Context::Main)
                .find(|b| b.action == Action::Quit)
                .map(|b| b.keys_display(app.lang))
                .unwrap_or_default();
            format!("{} {quit}", s.how_to_quit)
        }
    })
}
