//! One interactive step on roles of 1,000 tasks: an action applied with `update` and
//! the whole frame rendered into a 200×60 buffer, as the event loop does.
//!
//! The view is its own crate (`rolediff-tui`), imported here like any library.
//!
//! `cargo bench --bench tui_step -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use rolediff::lang::Lang;

use rolediff_synth::Synthetic;
use rolediff_tui::action::Action;
use rolediff_tui::app::App;
use rolediff_tui::theme::Theme;
use rolediff_tui::update::update;

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
