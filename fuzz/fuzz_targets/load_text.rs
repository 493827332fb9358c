//! The single-file loader on arbitrary bytes: it must return a data set or
//! diagnostics, never panic, and every diagnostic must name the file and print safely.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // Files that are not UTF-8 are refused before parsing (tests/fixtures cover it);
    // lossy decoding still lets the fuzzer reach the parser with any byte soup.
    let text = String::from_utf8_lossy(bytes);
    match rolediff::model::load_text("fuzz.yaml", &text) {
        Ok(data) => {
            // A loaded data set keeps its promises: indices resolve, roles have tasks.
            for role in &data.roles {
                assert!(!role.tasks.is_empty());
                for held in &role.tasks {
                    let task = &data.tasks[held.task];
                    assert!(!task.themes.is_empty() && !held.sources.is_empty());
                    assert!(task.axis.is_none_or(|axis| (0.0..=1.0).contains(&axis)));
                    for &s in held.sources.iter().chain(&held.contested_by) {
                        assert!(s < data.sources.len());
                    }
                }
            }
            let everything = rolediff::compare::Filter::default();
            for role in 0..data.roles.len() {
                let _ = rolediff::report::show_text(&data, role, &everything, rolediff::lang::Lang::En);
            }
            let _ = rolediff::report::list_text(&data, &everything, rolediff::lang::Lang::Fr);
        }
        Err(diagnostics) => {
            assert!(diagnostics.errors().next().is_some());
            // Errors are capped (and one line says so); warnings, per kind.
            assert!(diagnostics.errors().count() <= 1001);
            assert!(diagnostics.warnings().count() <= 3 * 1000);
            for diagnostic in diagnostics.iter() {
                let shown = diagnostic.to_string();
                assert!(shown.starts_with("fuzz.yaml"), "{shown}");
                let safe = rolediff::text::sanitize(&shown);
                assert!(!safe.contains('\u{1b}'));
            }
        }
    }
});
