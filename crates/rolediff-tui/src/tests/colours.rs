//! One meaning per colour, and heat scales that rise in lightness in every bundled
//! palette, also as people with the common colour-vision deficiencies see them.

use rolediff::config::{BUNDLED_PALETTES, HEAT_STEPS, Palette, PaletteColor};

/// xterm's values for the 16 named colours (terminals differ, but keep their order of
/// lightness).
const XTERM: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

fn rgb(color: PaletteColor) -> Option<(u8, u8, u8)> {
    match color {
        PaletteColor::Default => None,
        PaletteColor::Named(i) => Some(XTERM[usize::from(i) % 16]),
        PaletteColor::Rgb(r, g, b) => Some((r, g, b)),
        PaletteColor::Indexed(i) if i < 16 => Some(XTERM[usize::from(i)]),
        PaletteColor::Indexed(i) if i >= 232 => {
            let v = 8 + 10 * (i - 232);
            Some((v, v, v))
        }
        PaletteColor::Indexed(i) => {
            let i = i - 16;
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            Some((level(i / 36), level(i / 6 % 6), level(i % 6)))
        }
    }
}

fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// How a colour vision sees linear RGB (Viénot, Brettel and Mollon 1999).
#[derive(Debug, Clone, Copy)]
enum Vision {
    Typical,
    Protanopia,
    Deuteranopia,
}

/// Relative luminance (WCAG) of a colour as `vision` sees it.
fn luminance((r, g, b): (u8, u8, u8), vision: Vision) -> f64 {
    let (r, g, b) = (linear(r), linear(g), linear(b));
    let (r, g, b) = match vision {
        Vision::Typical => (r, g, b),
        Vision::Protanopia => (
            0.11238 * r + 0.88762 * g,
            0.11238 * r + 0.88762 * g,
            0.00401 * r - 0.00401 * g + b,
        ),
        Vision::Deuteranopia => (
            0.29275 * r + 0.70725 * g,
            0.29275 * r + 0.70725 * g,
            -0.02234 * r + 0.02234 * g + b,
        ),
    };
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

fn bundled() -> Vec<Palette> {
    BUNDLED_PALETTES
        .iter()
        .map(|p| Palette::bundled(p.name).unwrap().unwrap())
        .collect()
}

#[test]
fn every_heat_scale_rises_in_lightness_for_every_vision() {
    for palette in bundled() {
        // The first steps may be the terminal's own background; the coloured steps after
        // them go away from the background: lighter on a dark one, darker on "light".
        let backgrounds: Vec<(u8, u8, u8)> = palette
            .heat
            .iter()
            .filter_map(|s| rgb(s.background))
            .collect();
        assert!(backgrounds.len() >= HEAT_STEPS - 2, "{}", palette.name);
        let defaults = HEAT_STEPS - backgrounds.len();
        assert!(
            palette.heat[..defaults]
                .iter()
                .all(|s| s.background == PaletteColor::Default),
            "{}: the terminal's background comes first",
            palette.name
        );
        for vision in [Vision::Typical, Vision::Protanopia, Vision::Deuteranopia] {
            let mut steps: Vec<f64> = backgrounds.iter().map(|&c| luminance(c, vision)).collect();
            if palette.name == "light" {
                steps.reverse();
            }
            assert!(
                steps.windows(2).all(|w| w[0] < w[1]),
                "{} as {vision:?}: {steps:?}",
                palette.name
            );
        }
    }
}

#[test]
fn every_mark_has_its_own_colour() {
    for palette in bundled() {
        let marks = [
            ("= shared", palette.shared),
            ("< left", palette.left),
            ("> right", palette.right),
            ("~ near", palette.near),
            ("^ split", palette.split),
            ("! contested", palette.contested),
        ];
        for (i, (a, ca)) in marks.iter().enumerate() {
            for (b, cb) in &marks[i + 1..] {
                assert_ne!(ca, cb, "{}: {a} and {b}", palette.name);
            }
        }
        // The active border is not the colour of one side's tasks.
        assert_ne!(palette.accent, palette.left, "{}", palette.name);
        assert_ne!(palette.accent, palette.right, "{}", palette.name);
    }
}
