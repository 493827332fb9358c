//! The pseudo-terminal harness of `tests/tui_pty.rs`: a running `rolediff`, the keys sent
//! to it, and its screen read back through a VT100 parser.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What the program asked the terminal to do besides drawing: a hostile data set
/// must not get any of it done.
#[derive(Debug, Default)]
pub struct Recorder {
    pub titles: Vec<String>,
    pub clipboard_writes: usize,
    pub bells: usize,
}

impl vt100::Callbacks for Recorder {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles
            .push(String::from_utf8_lossy(title).into_owned());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(String::from_utf8_lossy(name).into_owned());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], _: &[u8]) {
        self.clipboard_writes += 1;
    }
}

/// Held by the tests that keep the machine's cores busy (large catalogues) and by the
/// one that needs them (the resize storm, whose timing a busy machine upsets): they
/// never run at the same time.
static BUSY_CORES: Mutex<()> = Mutex::new(());

pub fn busy_cores() -> std::sync::MutexGuard<'static, ()> {
    BUSY_CORES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A running `rolediff` in a pseudo-terminal.
pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser<Recorder>>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    pub _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Self {
        Self::start_with(args, &[], cols, rows)
    }

    /// [`Session::start`] with extra environment variables.
    pub fn start_with(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_rolediff"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        command.env_remove("LC_ALL");
        // Nothing of the caller's environment that changes what is drawn: CI machines
        // set CI and sometimes CLICOLOR_FORCE, developers NO_COLOR or COLUMNS.
        for name in [
            "ROLEDIFF_DATA",
            "ROLEDIFF_CONFIG",
            "ROLEDIFF_LANG",
            "ROLEDIFF_PALETTE",
            "ROLEDIFF_PAGER",
            "NO_COLOR",
            "CLICOLOR",
            "CLICOLOR_FORCE",
            "CI",
            "COLUMNS",
            "LINES",
        ] {
            command.env_remove(name);
        }
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pty.slave.spawn_command(command).expect("rolediff starts");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            rows,
            cols,
            0,
            Recorder::default(),
        )));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                let mut parser = sink.lock().unwrap();
                // vt100 panics on a few sequences at tiny sizes (it subtracts a wide
                // character's width from a one-column screen), which a resize storm
                // sends it: bytes drawn for the old size arrive after the emulator
                // shrank. A real terminal shrugs that off, and so does this one: a fresh
                // screen of the same size, keeping what was recorded, which the app's
                // next full redraw repaints.
                let chunk = &buffer[..n];
                let processed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    parser.process(chunk)
                }));
                if processed.is_err() {
                    let (rows, cols) = parser.screen().size();
                    let recorded = std::mem::take(parser.callbacks_mut());
                    *parser = vt100::Parser::new_with_callbacks(rows, cols, 0, recorded);
                }
            }
        });
        let writer = pty.master.take_writer().expect("pty writer");
        Self {
            screen,
            writer,
            child,
            _master: pty.master,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows every one of `texts`, or fails with the screen.
    pub fn wait_for(&self, texts: &[&str]) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let contents = self.contents();
            if texts.iter().all(|t| contents.contains(t)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {texts:?}; the screen shows:\n{contents}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Resizes the pseudo-terminal and the emulator together: with the emulator locked,
    /// nothing the app draws for the new size can be read at the old one (which, on a
    /// busy machine, left a frame drawn at the wrong width).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let mut parser = self.screen.lock().unwrap();
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        parser.screen_mut().set_size(rows, cols);
    }

    /// The character at a cell, or a space.
    pub fn cell(&self, row: u16, col: u16) -> String {
        let parser = self.screen.lock().unwrap();
        parser
            .screen()
            .cell(row, col)
            .map(|c| c.contents().to_string())
            .unwrap_or_default()
    }

    /// Every line between the header and the axis starts with the left pane's border
    /// and holds the four vertical borders of the two panes, the header is on the first
    /// line and the footer on the last: nothing was drawn out of place, no line was
    /// cleared or scrolled. (Columns right of a `�` are not compared: vt100 does not
    /// advance over U+FFFD, which real terminals draw one column wide.)
    pub fn assert_layout(&self, rows: u16) {
        if let Err(problem) = self.layout_problem(rows) {
            panic!("{problem}");
        }
    }

    /// Polls until [`Session::assert_layout`] holds, or fails with the last screen
    /// after a deadline: after a resize the app redraws when it gets to it, which a
    /// fixed sleep only guesses at.
    pub fn wait_for_layout(&self, rows: u16) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match self.layout_problem(rows) {
                Ok(()) => return,
                Err(problem) if Instant::now() > deadline => panic!("{problem}"),
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    /// What [`Session::assert_layout`] checks, as a value.
    pub fn layout_problem(&self, rows: u16) -> Result<(), String> {
        let contents = self.contents();
        let lines: Vec<&str> = contents.lines().collect();
        if !lines.first().is_some_and(|l| l.contains('⟷')) {
            return Err(format!("header:\n{contents}"));
        }
        let last = lines.last().copied().unwrap_or_default();
        if !last.contains("quit") {
            return Err(format!("footer: {last:?}\n{contents}"));
        }
        for row in 3..rows - 1 - 4 - 1 {
            let symbol = self.cell(row, 0);
            if !["│", "┃"].contains(&symbol.as_str()) {
                return Err(format!("{symbol:?} at row {row}:\n{contents}"));
            }
            let line = lines.get(usize::from(row)).copied().unwrap_or_default();
            let borders = line.chars().filter(|c| "│┃║█".contains(*c)).count();
            if borders < 4 {
                return Err(format!("row {row} has {borders} borders:\n{contents}"));
            }
        }
        Ok(())
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Lets a lone Esc be read as the Esc key, not as the start of a sequence.
        std::thread::sleep(Duration::from_millis(150));
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "rolediff did not exit; the screen shows:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
