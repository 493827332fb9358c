//! One interactive step on roles of 1,000 tasks: an action applied with `update` and
//! the whole frame rendered into a 200×60 buffer, as the event loop does.
//!
//! The TUI lives in the binary crate, which a bench cannot import; its modules are
//! compiled into this bench instead (they only use `rolediff::` and `crate::tui::`
//! paths), so the library's API does not grow for a benchmark.
//!
//! `cargo bench --bench tui_step -- --warm-up-time 1 --measurement-time 3`

mod support;
#[path = "../src/tui/mod.rs"]
#[allow(dead_code, unused_imports)]
mod tui;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use rolediff::lang::Lang;

use support::Synthetic;
use tui::action::Action;
use tui::app::App;
use tui::theme::Theme;
use tui::update::update;

fn step(c: &mut Criterion) {
    let data = Synthetic::new(16, Some(1000)).load();
    let area = Rect::new(0, 0, 200, 60);
    let mut group = c.benchmark_group("tui_step_1000_tasks");
    // Each step: the actions of one user intent, then one frame.
    let steps: [(&str, &[Action]); 4] = [
        ("next_role", &[Action::NextRole]),
        ("cursor_down", &[Action::CursorDown]),
        ("page_down", &[Action::PageDown]),
        (
            "toggle_theme",
            &[
                Action::OpenThemeFilter,
                Action::PopupToggle,
                Action::PopupConfirm,
            ],
        ),
    ];
    for (name, actions) in steps {
        let mut app = App::new(&data, 0, 1, Lang::En, Theme::new(true), area);
        let mut buffer = Buffer::empty(area);
        group.bench_function(name, |b| {
            b.iter(|| {
                for &action in actions {
                    update(&mut app, action);
                }
                // The terminal draws into a cleared buffer each frame.
                buffer.reset();
                (&app).render(area, &mut buffer);
                black_box(&buffer);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, step);
criterion_main!(benches);
