//! Keys as a user presses them (through the key table): Esc means back, paging keys,
//! popups that jump to their ends, and the footer that keeps help and quit.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{app, screen_text, small};
use crate::app::{App, Notice, Popup};
use crate::event::to_action;
use crate::update::update;
use rolediff::model::load_bundled;

/// Presses keys given as text: one character each, or a name in angle brackets
/// (`<esc>`, `<enter>`, `<end>`, `<pgdn>`, `<home>`, `<pgup>`, `<c-d>`).
fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, modifiers, len) = if c == '<' {
            let end = rest.find('>').expect("closed key name");
            let (code, modifiers) = match &rest[1..end] {
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "end" => (KeyCode::End, KeyModifiers::NONE),
                "home" => (KeyCode::Home, KeyModifiers::NONE),
                "pgdn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "pgup" => (KeyCode::PageUp, KeyModifiers::NONE),
                name if name.starts_with("c-") => (
                    KeyCode::Char(name.chars().nth(2).expect("ctrl key")),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            (code, modifiers, end + 1)
        } else {
            (KeyCode::Char(c), KeyModifiers::NONE, c.len_utf8())
        };
        let event = Event::Key(KeyEvent::new(code, modifiers));
        if let Some(action) = to_action(app, &event) {
            update(app, action);
            crate::work::run_now(app);
        }
        rest = &rest[len..];
    }
}

#[test]
fn esc_means_back_and_never_quits_the_main_view() {
    let data = small();
    let mut app = app(&data, 80, 24);
    // `/ e Enter` keeps a filter; Esc clears it, and does not quit.
    press(&mut app, "/e<enter>");
    assert_eq!(app.filter.query, "e");
    press(&mut app, "<esc>");
    assert!(app.filter.query.is_empty());
    assert!(!app.should_quit);
    // Nothing left to go back from: Esc says how to quit, and still does not.
    press(&mut app, "<esc><esc>");
    assert!(!app.should_quit);
    assert_eq!(app.notice, Some(Notice::HowToQuit));
    assert!(screen_text(&app, 80, 24).contains("q Ctrl-C"));
    // From a popup, from help opened in details, from the landscape: back, never out.
    press(&mut app, "<enter>?<esc><esc>");
    assert!(app.popup.is_none() && !app.should_quit);
    press(&mut app, "m<esc>");
    assert!(app.landscape.is_none() && !app.should_quit);
    press(&mut app, "m?<esc><esc><esc>");
    assert!(app.landscape.is_none() && !app.should_quit);
    press(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn the_footer_keeps_help_and_quit_at_every_width() {
    let data = load_bundled().expect("bundled data");
    for width in [60, 70, 80, 100] {
        let app = app(&data, width, 16);
        let screen = screen_text(&app, width, 16);
        let footer = screen.lines().last().unwrap_or_default();
        assert!(footer.contains("? help"), "{width}: {footer}");
        assert!(footer.contains("q quit"), "{width}: {footer}");
    }
    let app = app(&data, 60, 16);
    let screen = screen_text(&app, 60, 16);
    assert!(screen.lines().last().unwrap().starts_with(" Tab side"));
}

#[test]
fn paging_keys_move_by_screens_and_half_screens() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 80, 24);
    let start = app.cursor;
    press(&mut app, "<c-d>");
    let half = app.cursor;
    assert!(half > start + 2, "Ctrl-d moves half a screen");
    press(&mut app, "<c-u>");
    assert_eq!(app.cursor, start);
    press(&mut app, " ");
    let page = app.cursor;
    assert!(page > half, "Space moves a screen");
    press(&mut app, "<c-b>");
    assert_eq!(app.cursor, start);
    press(&mut app, "<c-f>");
    assert_eq!(app.cursor, page);
}

#[test]
fn popups_jump_to_their_ends_and_page() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 60, 16);
    press(&mut app, "t<end>");
    let Some(Popup::Choice(choice)) = &app.popup else {
        panic!("theme popup")
    };
    assert_eq!(choice.cursor, choice.items.len() - 1);
    press(&mut app, "g");
    let Some(Popup::Choice(choice)) = &app.popup else {
        panic!("theme popup")
    };
    assert_eq!(choice.cursor, 0);
    press(&mut app, "<pgdn>");
    let Some(Popup::Choice(choice)) = &app.popup else {
        panic!("theme popup")
    };
    assert!(choice.cursor > 1);
    press(&mut app, "<esc>?G");
    let Some(Popup::Help(bottom)) = app.popup else {
        panic!("help")
    };
    assert!(bottom > 10, "G scrolls the help to its end");
    // One step up from the end moves at once: the scroll never passes the end.
    press(&mut app, "k");
    assert_eq!(app.popup, Some(Popup::Help(bottom - 1)));
    press(&mut app, "<home>");
    assert_eq!(app.popup, Some(Popup::Help(0)));
    press(&mut app, "<pgdn>");
    assert!(matches!(app.popup, Some(Popup::Help(n)) if n > 3));
}

#[test]
fn a_cut_list_says_how_much_it_hides() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 60, 16);
    press(&mut app, "t");
    let screen = screen_text(&app, 60, 16);
    assert!(screen.contains("↓ "), "{screen}");
    assert!(screen.contains(" more"), "{screen}");
    press(&mut app, "G");
    let screen = screen_text(&app, 60, 16);
    assert!(screen.contains("↑ "), "{screen}");
}

#[test]
fn n_past_the_last_difference_wraps_and_says_so() {
    let data = load_bundled().expect("bundled data");
    let mut app = app(&data, 80, 24);
    press(&mut app, "G");
    let last = app.cursor;
    press(&mut app, "n");
    assert!(app.cursor < last, "n wrapped to the top");
    assert!(
        screen_text(&app, 80, 24).contains("search hit BOTTOM, continuing at TOP"),
        "the footer says so"
    );
    press(&mut app, "j");
    assert_eq!(app.notice, None, "the next key clears the notice");
    press(&mut app, "gN");
    assert!(screen_text(&app, 80, 24).contains("search hit TOP, continuing at BOTTOM"));
}

#[test]
fn the_help_says_how_to_give_the_mouse_back_and_lists_the_new_keys() {
    let data = small();
    let mut app = app(&data, 120, 40);
    press(&mut app, "?G");
    let screen = screen_text(&app, 120, 40);
    assert!(
        screen.contains("`mouse: false` in the config file"),
        "{screen}"
    );
    press(&mut app, "g");
    let screen = screen_text(&app, 120, 40);
    for keys in [
        "Ctrl-U",
        "Ctrl-D",
        "PgDn Space Ctrl-F",
        "PgUp Ctrl-B",
        "Ctrl-Z",
    ] {
        assert!(screen.contains(keys), "{keys}:\n{screen}");
    }
}
