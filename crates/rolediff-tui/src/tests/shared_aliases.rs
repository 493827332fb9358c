//! A name several roles share, typed into the role picker: every one of them is
//! listed, with its id, for the user to choose; none is taken on their behalf.

use std::path::Path;

use rolediff::model::{DataSet, load_path};

use super::{app, apply, screen_text};
use crate::action::{Action, Side};
use crate::app::Popup;

fn french() -> DataSet {
    load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/real/fiches-metiers.yaml"),
    )
    .expect("the French fixture loads")
}

#[test]
fn the_picker_lists_every_role_a_shared_alias_names() {
    let data = french();
    let mut app = app(&data, 100, 30);
    apply(&mut app, &[Action::OpenRolePicker]);
    for c in "chargé de com".chars() {
        apply(&mut app, &[Action::Input(c)]);
    }
    let Some(Popup::RolePicker(picker)) = &app.popup else {
        panic!("picker open");
    };
    let ids: Vec<&str> = picker
        .matches
        .iter()
        .map(|&r| data.roles[r].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "charge-de-communication",
            "chargee-de-relations-presse",
            "responsable-communication"
        ]
    );
    assert_eq!(picker.side, Side::Left);
    let screen = screen_text(&app, 100, 30);
    for id in ids {
        assert!(screen.contains(id), "{id} not shown:\n{screen}");
    }
    // The choice is the one under the cursor, shown, and moved by the user.
    apply(&mut app, &[Action::PopupDown, Action::PopupConfirm]);
    assert_eq!(data.roles[app.left].id, "chargee-de-relations-presse");
}
