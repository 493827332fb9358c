//! The pager for long reports on a terminal, as git and bat page: `ROLEDIFF_PAGER`,
//! else `PAGER`, else `less -FRX` (quit at once when the text fits on one screen, keep
//! colours, leave the text on screen). Never when standard output is not a terminal,
//! never with `--no-pager`, and an empty pager or `cat` means no pager.

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

/// The pager command to run for `text`, or `None` when it should be printed directly:
/// not a terminal, no pager wanted, or the text fits on the screen.
pub fn pager_for(text: &str) -> Option<String> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let rows = ratatui::crossterm::terminal::size()
        .map(|(_, rows)| usize::from(rows))
        .unwrap_or(24);
    if text.lines().count() < rows {
        return None;
    }
    choose(
        std::env::var("ROLEDIFF_PAGER").ok(),
        std::env::var("PAGER").ok(),
    )
}

/// The pager from `ROLEDIFF_PAGER`, then `PAGER`, then `less -FRX`; `None` when the
/// chosen one is empty or `cat` (the usual ways to turn paging off).
pub fn choose(rolediff_pager: Option<String>, pager: Option<String>) -> Option<String> {
    let chosen = rolediff_pager
        .or(pager)
        .unwrap_or_else(|| "less -FRX".to_string());
    let trimmed = chosen.trim();
    (!trimmed.is_empty() && trimmed != "cat").then(|| trimmed.to_string())
}

/// Runs `command` through the shell with `text` on its input, and waits for it. An
/// error (the pager cannot start) lets the caller print the text directly.
pub fn page(command: &str, text: &str) -> std::io::Result<()> {
    let mut child = Command::new("sh")
        .args(["-c", command])
        // As git does: less keeps colours and quits on short text unless told otherwise.
        .env(
            "LESS",
            std::env::var("LESS").unwrap_or_else(|_| "FRX".into()),
        )
        .stdin(Stdio::piped())
        .spawn()?;
    if let Some(mut input) = child.stdin.take() {
        // The reader quitting early (`q` in less) closes the pipe: not an error.
        let _ = input.write_all(text.as_bytes());
    }
    child.wait().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_is_chosen_like_git_chooses_it() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(choose(None, None).as_deref(), Some("less -FRX"));
        assert_eq!(choose(None, some("more")).as_deref(), Some("more"));
        assert_eq!(
            choose(some("bat -p"), some("more")).as_deref(),
            Some("bat -p")
        );
        assert_eq!(choose(some(""), some("more")), None);
        assert_eq!(choose(None, some("cat")), None);
    }
}
