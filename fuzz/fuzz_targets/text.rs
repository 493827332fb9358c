//! `sanitize`, `truncate` and `fit` on arbitrary text: the result is safe to print and
//! never wider than asked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolediff::text::{fit, sanitize, truncate, width};

fuzz_target!(|input: (u8, &str)| {
    let (max, text) = input;
    let max = usize::from(max);
    let safe = sanitize(text);
    assert!(!safe.chars().any(|c| c.is_control()), "{safe:?}");
    assert_eq!(sanitize(&safe), safe, "sanitize is idempotent");
    let cut = truncate(&safe, max);
    assert!(width(&cut) <= max, "{safe:?} cut to {max}: {cut:?}");
    assert!(safe.starts_with(cut.trim_end_matches('…')) || cut.ends_with('…'));
    assert_eq!(
        width(&fit(&safe, max)),
        max.max(width(&truncate(&safe, max)))
    );
});
