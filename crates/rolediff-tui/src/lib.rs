//! The interactive view: two roles side by side.
//!
//! Flow: a terminal event becomes an [`action::Action`] ([`event`], [`keymap`]),
//! [`update::update`] changes the [`app::App`], and [`ui`] draws the state. The loop
//! blocks on the next event, so an idle screen costs nothing; while a worker computes
//! (the landscape's matrix, [`work`]) it polls both, so that keys are always answered.

pub mod action;
pub mod app;
pub mod event;
pub mod keymap;
pub mod layout;
pub mod numbers;
pub mod picker;
pub mod strings;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
pub mod work;

#[cfg(test)]
mod tests;

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::Event;

use rolediff::lang::Lang;
use rolediff::model::{DataSet, RoleIdx};

use action::Action;
use app::App;
use keymap::Keymap;
use theme::Theme;
use work::Worker;

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
    // Workers borrow the data: they live in a scope that ends with the loop (and are
    // cancelled before it does).
    let result = terminal::enter(appearance.mouse).and_then(|mut screen| {
        std::thread::scope(|scope| event_loop(scope, &mut screen, data, left, right, appearance))
    });
    terminal::leave();
    result
}

/// Builds the state (the text index and the first comparison, seconds on a catalogue of
/// a hundred thousand tasks) in a worker, with a line on screen saying so; `None` when
/// the user quits meanwhile (q, Esc or Ctrl-C). The other events that came meanwhile
/// are returned, to be handled in order once there is a state.
fn first_comparison<'scope, 'env: 'scope>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    screen: &mut terminal::Screen,
    data: &'env DataSet,
    (left, right): (RoleIdx, RoleIdx),
    appearance: &Appearance,
) -> io::Result<Option<(App<'env>, Vec<Event>)>> {
    use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    let area = screen.get_frame().area();
    let (lang, theme) = (appearance.lang, appearance.theme);
    let building = scope.spawn(move || App::new(data, left, right, lang, theme, area));
    let message = strings::strings(lang).comparing;
    let mut shown = false;
    let mut early = Vec::new();
    while !building.is_finished() {
        // Nothing on screen for the first moment: most data sets are ready by then.
        if !shown {
            std::thread::sleep(WORK_POLL);
            shown = true;
            continue;
        }
        screen.draw(|frame| {
            let line = ratatui::text::Line::styled(format!(" {message}"), theme.dim());
            frame.render_widget(line, frame.area());
        })?;
        if !ratatui::crossterm::event::poll(WORK_POLL)? {
            continue;
        }
        let event = ratatui::crossterm::event::read()?;
        if let Event::Key(key) = &event
            && key.kind == KeyEventKind::Press
            && (matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
                || (key.modifiers.contains(KeyModifiers::CONTROL)
                    && matches!(key.code, KeyCode::Char('c' | 'C'))))
        {
            // The comparison cannot be cut midway, and the scope would wait for it:
            // give the terminal back and leave at once.
            terminal::leave();
            std::process::exit(0);
        }
        early.push(event);
    }
    building
        .join()
        .map(|app| Some((app, early)))
        .map_err(|_| io::Error::other("the first comparison failed"))
}

/// Stops the workers on the way out. One in the middle of a comparison cannot be cut,
/// and the scope would wait for it: then the terminal is given back and the program
/// ends at once, as the user asked.
fn leave_workers(workers: Vec<Worker>) {
    workers.iter().for_each(Worker::cancel);
    let deadline = std::time::Instant::now() + WORK_POLL;
    while workers.iter().any(|w| !w.is_done()) {
        if std::time::Instant::now() > deadline {
            terminal::leave();
            std::process::exit(0);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// How often the loop looks at a running worker's results.
const WORK_POLL: Duration = Duration::from_millis(80);

fn event_loop<'scope, 'env: 'scope>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    screen: &mut terminal::Screen,
    data: &'env DataSet,
    left: RoleIdx,
    right: RoleIdx,
    appearance: Appearance,
) -> io::Result<()> {
    let mouse = appearance.mouse;
    // Starts crossterm's event reader (and its SIGWINCH handler) now: a resize while
    // the first comparison is built is then seen, not lost.
    ratatui::crossterm::event::poll(Duration::ZERO)?;
    let Some((mut app, early)) = first_comparison(scope, screen, data, (left, right), &appearance)?
    else {
        return Ok(());
    };
    app.keymap = appearance.keymap;
    // What came while the state was built (a resize, keys typed ahead), in order.
    let mut early = early.into_iter();
    let mut workers: Vec<Worker> = Vec::new();
    loop {
        // The size is read before every frame, not only on resize events: a resize that
        // lands before the event reader listens for it (right at start) sends none.
        let (width, height) = ratatui::crossterm::terminal::size()?;
        let area = terminal::capped(width, height);
        if area != app.area {
            update::update(&mut app, Action::Resize(area.width, area.height));
            screen.resize(area)?;
        }
        // Start what the state asks for, drop (cancel) what it no longer wants, and
        // hand it what is finished.
        for request in app.take_work() {
            workers.push(Worker::start(scope, app.comparator_handle(), request));
        }
        workers.retain(|w| app.wants(w.generation));
        workers.retain(|running| match running.finished() {
            Some(done) => {
                done.into_iter().for_each(|d| app.apply_finished(d));
                true
            }
            None => false,
        });
        screen.draw(|frame| frame.render_widget(&app, frame.area()))?;
        let action = loop {
            if let Some(event) = early.next() {
                match event::to_action(&app, &event) {
                    Some(action) => break Some(action),
                    None => continue,
                }
            }
            // Idle, block until an event that means something: no timer, no busy loop.
            // Working, wake up to show the progress.
            if !workers.is_empty() && !ratatui::crossterm::event::poll(WORK_POLL)? {
                break None;
            }
            let event = ratatui::crossterm::event::read()?;
            if let Some(action) = event::to_action(&app, &event) {
                break Some(action);
            }
        };
        let Some(action) = action else { continue };
        update::update(&mut app, action);
        if app.should_quit {
            leave_workers(workers);
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
