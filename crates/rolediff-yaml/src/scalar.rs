//! Plain scalars resolved by the YAML 1.2 core schema.
//!
//! `~`, `null` (and `Null`, `NULL`) and nothing are null; `true`/`false` (and their
//! capitalised forms) booleans; decimal, `0o` octal and `0x` hexadecimal integers,
//! decimals with an optional exponent, `.inf`, `-.inf` and `.nan` numbers. Anything
//! else is a string, and so is every quoted scalar (the caller never asks here).
//! `yes`, `no`, `on`, `off` and `1_000` are YAML 1.1 and stay strings.

use crate::Node;

/// The value of a plain (unquoted) scalar.
pub(crate) fn resolve_plain(text: &str) -> Node {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Node::Null,
        "true" | "True" | "TRUE" => return Node::Bool(true),
        "false" | "False" | "FALSE" => return Node::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Node::Number(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Node::Number(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Node::Number(f64::NAN),
        _ => {}
    }
    // Only a scalar that starts like a number can be one: most plain scalars are
    // words, and this keeps them off the slower paths below.
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Node::String(text.into());
    }
    number(text).map_or_else(|| Node::String(text.into()), Node::Number)
}

/// The number a plain scalar writes, if it is one by the core schema.
fn number(text: &str) -> Option<f64> {
    if let Some(digits) = text.strip_prefix("0o") {
        return radix(digits, 8);
    }
    if let Some(digits) = text.strip_prefix("0x") {
        return radix(digits, 16);
    }
    is_decimal(text).then(|| text.parse().ok()).flatten()
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`: the core schema's decimal
/// integers and floats. Rust's own float syntax is wider (`inf`, `1_0` no, but
/// `infinity`, `NaN`), so the form is checked before parsing.
fn is_decimal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    let digits = |i: &mut usize| {
        let start = *i;
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let whole = digits(&mut i);
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        let fraction = digits(&mut i);
        // `1.` is a number, `.` and `-.` are not.
        if whole == 0 && fraction == 0 {
            return false;
        }
    } else if whole == 0 {
        return false;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == bytes.len()
}

/// Digits in `base` (8 or 16) as a number; too many for 64 bits still give one.
fn radix(digits: &str, base: u32) -> Option<f64> {
    if digits.is_empty() {
        return None;
    }
    digits.chars().try_fold(0f64, |value, c| {
        c.to_digit(base)
            .map(|digit| value * f64::from(base) + f64::from(digit))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number_of(text: &str) -> Option<f64> {
        match resolve_plain(text) {
            Node::Number(n) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn core_schema_values() {
        for null in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(resolve_plain(null), Node::Null, "{null:?}");
        }
        assert_eq!(resolve_plain("True"), Node::Bool(true));
        assert_eq!(resolve_plain("FALSE"), Node::Bool(false));
        for (text, value) in [
            ("0", 0.0),
            ("-12", -12.0),
            ("+3", 3.0),
            ("0.5", 0.5),
            ("1.", 1.0),
            (".5", 0.5),
            ("-.5e2", -50.0),
            ("1E3", 1000.0),
            ("0o17", 15.0),
            ("0xfF", 255.0),
            ("99999999999999999999999999999999", 1e32),
        ] {
            assert_eq!(number_of(text), Some(value), "{text}");
        }
        assert_eq!(number_of("-.inf"), Some(f64::NEG_INFINITY));
        assert_eq!(number_of(".Inf"), Some(f64::INFINITY));
        assert!(number_of(".nan").is_some_and(f64::is_nan));
    }

    #[test]
    fn everything_else_is_a_string() {
        for text in [
            "yes", "no", "on", "off", "1_000", "1.2.3", "inf", "nan", "NaN", "infinity", "-", ".",
            "-.", "1e", "1e+", "0x", "0o8", "0b1", "+", "12abc", "1 2", "nULL", "tRUE",
        ] {
            assert_eq!(resolve_plain(text), Node::String(text.into()), "{text:?}");
        }
    }
}
