//! What every test that runs the binary shares.

use assert_cmd::Command;

/// The built `rolediff`, isolated from the developer's own settings: no config file,
/// no `ROLEDIFF_*` or locale overrides, no completion request, English, no colour.
pub fn rolediff() -> Command {
    let mut cmd = Command::cargo_bin("rolediff").unwrap();
    for name in [
        "ROLEDIFF_DATA",
        "ROLEDIFF_CONFIG",
        "ROLEDIFF_LANG",
        "ROLEDIFF_PALETTE",
        "LC_ALL",
        "LC_MESSAGES",
        "COMPLETE",
    ] {
        cmd.env_remove(name);
    }
    cmd.env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent-rolediff-test");
    cmd
}
