//! End to end: the built binary in a real pseudo-terminal, keys typed into it, and the
//! screen read back through a VT100 parser.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small");

/// A running `rolediff` in a pseudo-terminal.
struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Self {
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
        command.env_remove("ROLEDIFF_DATA");
        let child = pty.slave.spawn_command(command).expect("rolediff starts");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buffer[..n]);
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

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows every one of `texts`, or fails with the screen.
    fn wait_for(&self, texts: &[&str]) {
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

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Lets a lone Esc be read as the Esc key, not as the start of a sequence.
        std::thread::sleep(Duration::from_millis(150));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

#[test]
fn keys_drive_the_view_and_q_exits_cleanly() {
    let mut session = Session::start(&["--data", FIXTURE, "--lang", "en"], 80, 24);
    // The first two roles of user data, side by side, with the keys in the footer.
    session.wait_for(&[
        "▶ Lead",
        "Maker",
        "similarity 25%",
        "Set the strategy",
        "q quit",
    ]);

    // Tab to the right side, → to its next role.
    session.send("\t");
    session.wait_for(&["▶ Maker"]);
    session.send("l");
    session.wait_for(&["▶ Mixed", "Answer customer complaints"]);

    // A theme filter: t, down to Moderation, Space, Enter.
    session.send("t");
    session.wait_for(&["Filter by theme", "[ ] Moderation"]);
    session.send("j");
    session.send(" ");
    session.wait_for(&["[x] Moderation"]);
    session.send("\r");
    session.wait_for(&["themes: Moderation"]);
    assert!(!session.contents().contains("Set the strategy"));

    // Help, closed with Esc; Esc without a popup would quit, so q quits.
    session.send("?");
    session.wait_for(&["Keys", "switch the active side", "Shift-Tab"]);
    session.send("\x1b");
    let deadline = Instant::now() + Duration::from_secs(10);
    while session.contents().contains("switch the active side") {
        assert!(Instant::now() < deadline, "help did not close");
        std::thread::sleep(Duration::from_millis(50));
    }
    session.send("q");
    let status = session.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn command_line_roles_and_ctrl_c() {
    let mut session = Session::start(
        &["--data", FIXTURE, "--lang", "en", "mixed", "boss"],
        100,
        30,
    );
    session.wait_for(&["▶ Mixed", "Lead"]);
    session.send("\x03");
    assert!(session.wait_exit().success());
}

#[test]
fn too_small_then_resized() {
    let mut session = Session::start(&["--data", FIXTURE, "--lang", "en"], 40, 10);
    session.wait_for(&["terminal too small"]);
    session
        ._master
        .resize(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    session.screen.lock().unwrap().screen_mut().set_size(24, 80);
    session.send("j");
    session.wait_for(&["▶ Lead"]);
    session.send("q");
    assert!(session.wait_exit().success());
}

#[test]
fn without_a_terminal_it_points_to_compare() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_rolediff"))
        .args(["--data", FIXTURE])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("rolediff compare"), "{stderr}");
}

#[test]
fn an_unknown_role_fails_before_the_view_starts() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_rolediff"))
        .args(["--data", FIXTURE, "nobody"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown role"));
}
