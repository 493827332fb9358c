//! Numbers as each language writes them: `0.90` and `23%` in English, `0,90` and
//! `23 %` in French (decimal comma, a space before the percent sign).

use rolediff::lang::Lang;

/// `text` with its numbers written for `lang`: in French a `.` between digits becomes
/// `,` and a `%` after a digit gets a no-break space before it. Other text is kept, so
/// a figure made by the library (`6–15%`, `0.28`) can be passed through whole.
pub fn local(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let digit_before = i > 0 && chars[i - 1].is_ascii_digit();
        let digit_after = chars.get(i + 1).is_some_and(|c| c.is_ascii_digit());
        match c {
            '.' if digit_before && digit_after => out.push(','),
            '%' if digit_before => out.push_str("\u{a0}%"),
            other => out.push(other),
        }
    }
    out
}

/// A count.
pub fn integer(lang: Lang, n: usize) -> String {
    local(lang, &n.to_string())
}

/// `value` with `places` decimals.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    local(lang, &format!("{value:.places$}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_numbers_take_a_comma_and_a_spaced_percent() {
        assert_eq!(local(Lang::Fr, "6–15%"), "6–15\u{a0}%");
        assert_eq!(decimal(Lang::Fr, 0.9, 2), "0,90");
        assert_eq!(local(Lang::Fr, "L 0.28 ‹0.21–0.55›"), "L 0,28 ‹0,21–0,55›");
        assert_eq!(local(Lang::Fr, "fin. 3"), "fin. 3");
        assert_eq!(local(Lang::En, "0.90 23%"), "0.90 23%");
    }
}
