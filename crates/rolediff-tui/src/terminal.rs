//! Taking the terminal over and giving it back: raw mode, the alternate screen, mouse
//! reporting and a hidden cursor, restored on return, on error, on panic, around a
//! suspend (Ctrl-Z), and when a signal ends the program (SIGTERM, SIGHUP, SIGINT,
//! SIGQUIT): a killed rolediff never leaves a broken shell behind.

use std::io::{self, Stdout};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The terminal the view draws on.
pub type Screen = Terminal<CrosstermBackend<Stdout>>;

/// Widest screen drawn. A pseudo-terminal may claim 65,535 × 65,535 cells (four billion
/// cells, hundreds of gigabytes of buffers); past these bounds the view is drawn in the
/// top-left corner instead.
pub const MAX_COLUMNS: u16 = 1_000;
/// Tallest screen drawn (see [`MAX_COLUMNS`]).
pub const MAX_ROWS: u16 = 500;

/// The part of a `width` × `height` terminal that is drawn.
pub fn capped(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_COLUMNS), height.min(MAX_ROWS))
}

/// Puts the terminal in the view's mode and returns it, sized to the capped screen.
/// Call [`install_guards`] first, so that any failure after this restores it.
pub fn enter(mouse: bool) -> io::Result<Screen> {
    take_over(mouse)?;
    let (width, height) = ratatui::crossterm::terminal::size()?;
    Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        // A fixed viewport is resized by the event loop only, to capped sizes: the
        // library never allocates buffers for what the terminal claims.
        TerminalOptions {
            viewport: Viewport::Fixed(capped(width, height)),
        },
    )
}

fn take_over(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    // Bracketed paste: a paste arrives as one event, not as thousands of keys (and a
    // stray "ESC[200~" in typed input is read as the start of one, not swallowed).
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        Hide,
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back as it was. Best effort, and safe to call more than once
/// and from any thread: every step is tried even when one fails.
pub fn leave() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal on a panic and when a signal ends the program. The signal
/// thread restores it, then exits with the shell's convention for a killed program
/// (128 + the signal's number).
pub fn install_guards() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    // Without the thread the signals keep their default action, which is no worse
    // than before: nothing else depends on it.
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    {
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                leave();
                std::process::exit(128 + signal);
            }
        });
    }
}

/// Ctrl-Z: gives the terminal back and stops, as a shell job does; `fg` resumes here,
/// and the terminal is taken over again and cleared for a full redraw.
pub fn suspend(screen: &mut Screen, mouse: bool) -> io::Result<()> {
    leave();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    take_over(mouse)?;
    screen.clear()
}
