//! The `rolediff` binary: parses arguments and hands over to the command or the TUI.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
