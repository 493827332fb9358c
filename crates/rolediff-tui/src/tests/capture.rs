//! The README's capture of the view is drawn by this test, so that it cannot go stale:
//! `assets/tui-screenshot.txt` must be the bundled default pair at 100×30 as the view
//! draws it today, and the README's block must be that file.
//! `UPDATE_CAPTURE=1 cargo test -p rolediff-tui capture` rewrites both.

use std::path::PathBuf;

use rolediff::model::load_bundled;

use super::{app, screen_text};

const SIZE: (u16, u16) = (100, 30);
/// The sentence the README's capture block follows.
const README_MARK: &str = "A real capture at 100×30";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The README with its capture block replaced by `capture`, and the block found.
fn readme_with(readme: &str, capture: &str) -> (String, String) {
    let mark = readme
        .find(README_MARK)
        .expect("the README shows a capture");
    let open = mark + readme[mark..].find("```text\n").expect("a text block") + 8;
    let close = open + readme[open..].find("```").expect("a closed block");
    let block = readme[open..close].to_string();
    let replaced = format!("{}{capture}{}", &readme[..open], &readme[close..]);
    (replaced, block)
}

#[test]
fn the_readme_capture_is_the_view_as_drawn_today() {
    let data = load_bundled().expect("bundled data");
    let app = app(&data, SIZE.0, SIZE.1);
    let capture = screen_text(&app, SIZE.0, SIZE.1) + "\n";
    let file = root().join("assets/tui-screenshot.txt");
    let readme_path = root().join("README.md");
    let readme = std::fs::read_to_string(&readme_path).expect("README.md");
    if std::env::var_os("UPDATE_CAPTURE").is_some() {
        std::fs::write(&file, &capture).expect("write the capture");
        std::fs::write(&readme_path, readme_with(&readme, &capture).0).expect("write README");
        return;
    }
    let stored = std::fs::read_to_string(&file).expect("assets/tui-screenshot.txt");
    assert_eq!(
        stored, capture,
        "the capture is stale: UPDATE_CAPTURE=1 cargo test -p rolediff-tui capture"
    );
    let (_, block) = readme_with(&readme, &capture);
    assert_eq!(
        block, stored,
        "README's capture differs from assets/tui-screenshot.txt"
    );
}
