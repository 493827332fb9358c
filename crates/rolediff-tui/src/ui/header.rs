//! The header: both role names, the similarity, the view and the active filters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use rolediff::compare::RowCounts;
use rolediff::report::similarity_range;
use rolediff::text::{sanitize, width};

use crate::app::{App, ViewMode};
use crate::ui::fit_pair;

/// Columns each role name should get before the header closes up its figures.
const NAME_ROOM: usize = 12;

/// The row counts after their marks (`= 7  < 29 …`), each mark `gap` after the
/// previous count and `tight` before its own; the text starts with a `gap`.
fn count_marks(counts: &RowCounts, gap: &str, tight: &str) -> String {
    [
        ('=', counts.shared),
        ('<', counts.left),
        ('>', counts.right),
        ('~', counts.near),
        ('^', counts.split),
        ('!', counts.contested),
    ]
    .iter()
    .map(|(mark, count)| format!("{gap}{mark}{tight}{count}"))
    .collect()
}

/// Draws the two header lines.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let theme = &app.theme;
    let c = &app.comparison();
    let counts = &app.counts();
    let similarity = crate::numbers::local(
        app.lang,
        &similarity_range(c.similarity, c.similarity_agreed),
    );
    let view = match app.view {
        ViewMode::All => s.view_all,
        ViewMode::Shared => s.view_shared,
        ViewMode::Differences => s.view_differences,
    };
    let mut first = vec![
        Span::raw(" "),
        Span::raw(""),
        Span::styled("  ⟷  ", theme.dim()),
        Span::raw(""),
        Span::styled(format!("   {} ", s.similarity), theme.dim()),
        Span::styled(similarity, theme.similarity()),
        Span::styled(format!(" {}", count_marks(counts, "  ", " ")), theme.dim()),
    ];
    if app.view != ViewMode::All {
        first.push(Span::styled(
            format!("   {}{}", s.view, s.colon),
            theme.dim(),
        ));
        first.push(Span::styled(view, theme.filter()));
    }
    // Long names are cut so that the similarity and the counts stay on screen. When
    // that would leave the names less than NAME_ROOM columns each, the counts close up,
    // then the word "similarity" goes (60 columns, say): the names matter more.
    let fixed = |spans: &[Span]| spans.iter().map(|sp| width(&sp.content)).sum::<usize>();
    let mut room = usize::from(area.width).saturating_sub(fixed(&first));
    let names = width(&app.role_name(app.left)) + width(&app.role_name(app.right));
    if names > room && room < 2 * NAME_ROOM {
        first[6] = Span::styled(format!(" {}", count_marks(counts, " ", "")), theme.dim());
        room = usize::from(area.width).saturating_sub(fixed(&first));
    }
    if names > room && room < 2 * NAME_ROOM {
        first[4] = Span::raw("  ");
        room = usize::from(area.width).saturating_sub(fixed(&first));
    }
    let (left, right) = fit_pair(
        &app.role_name(app.left),
        &app.role_name(app.right),
        room.max(2),
    );
    first[1] = Span::styled(left, theme.left_role());
    first[3] = Span::styled(right, theme.right_role());
    Line::from(first).render(Rect::new(area.x, area.y, area.width, 1), buf);

    let filters = filter_spans(app);
    let used: usize = filters.iter().map(|sp| width(&sp.content)).sum();
    let mut second = filters;
    // The legend goes on the right when there is room for it.
    let legend_width = width(s.legend) + 1;
    if used + legend_width + 2 <= usize::from(area.width) {
        let pad = usize::from(area.width) - used - legend_width;
        second.push(Span::raw(" ".repeat(pad)));
        second.push(Span::styled(s.legend, theme.dim()));
    }
    Line::from(second).render(Rect::new(area.x, area.y + 1, area.width, 1), buf);
}

/// The active filters as spans, or "no filter" (also used by the landscape view).
pub fn filter_spans(app: &App) -> Vec<Span<'static>> {
    let s = app.strings();
    let theme = &app.theme;
    let f = &app.filter;
    let mut spans = vec![Span::raw(" ")];
    if f.is_empty() {
        spans.push(Span::styled(s.no_filter.to_string(), theme.dim()));
        return spans;
    }
    let mut part = |name: &str, value: String| {
        if spans.len() > 1 {
            spans.push(Span::styled("  ·  ", theme.dim()));
        }
        spans.push(Span::styled(format!("{name}{}", s.colon), theme.dim()));
        spans.push(Span::styled(value, theme.filter()));
    };
    if !f.themes.is_empty() {
        let names: Vec<String> = f.themes.iter().map(|&t| app.theme_label(t)).collect();
        part(s.themes, names.join(", "));
    }
    if !f.sources.is_empty() {
        let names: Vec<String> = f
            .sources
            .iter()
            .map(|&i| sanitize(&app.data.sources[i].id).into_owned())
            .collect();
        part(s.sources, names.join(", "));
    }
    if !f.query.trim().is_empty() {
        part(s.text, format!("“{}”", sanitize(f.query.trim())));
    }
    spans
}
