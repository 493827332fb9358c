//! Colour palettes: small YAML files, the bundled ones compiled in, others read by path.
//!
//! A palette names the colour of each meaning (accent, shared, left only, …) and the
//! five steps of the similarity heatmap. Colours are the terminal's own names (`cyan`,
//! `light-red`, `default`), a 256-colour index (`0`–`255`) or `#rrggbb`. The interface
//! never relies on colour alone, and `NO_COLOR` turns every palette off.

use std::fmt;
use std::path::Path;

use crate::config::read::{Document, read_file};
use rolediff_yaml::Node;

use crate::diagnostics::{Anchor, Diagnostics, did_you_mean};
use crate::yaml_path::YamlPath;

/// A colour as a palette writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaletteColor {
    /// The terminal's own foreground or background.
    Default,
    /// One of the 16 named terminal colours, by ANSI number (0 = black … 15 = white).
    Named(u8),
    /// A colour of the 256-colour table.
    Indexed(u8),
    /// A true colour.
    Rgb(u8, u8, u8),
}

/// The 16 terminal colour names, in ANSI order.
pub const COLOR_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark-gray",
    "light-red",
    "light-green",
    "light-yellow",
    "light-blue",
    "light-magenta",
    "light-cyan",
    "white",
];

impl PaletteColor {
    /// Reads `default`, a colour name, `#rrggbb` or a number 0–255.
    pub fn parse(text: &str) -> Result<Self, String> {
        let lower = text.trim().to_lowercase().replace('_', "-");
        if lower == "default" || lower == "reset" {
            return Ok(PaletteColor::Default);
        }
        if let Some(index) = COLOR_NAMES.iter().position(|n| *n == lower) {
            return Ok(PaletteColor::Named(index as u8));
        }
        if let Some(hex) = lower.strip_prefix('#') {
            let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            if hex.len() == 6
                && let (Some(r), Some(g), Some(b)) = (channel(0), channel(2), channel(4))
            {
                return Ok(PaletteColor::Rgb(r, g, b));
            }
            return Err(format!("`{text}` is not a `#rrggbb` colour"));
        }
        if let Ok(index) = lower.parse::<u8>() {
            return Ok(PaletteColor::Indexed(index));
        }
        Err(format!(
            "unknown colour `{text}`: use `default`, a name ({}), a number 0-255 or `#rrggbb`",
            COLOR_NAMES.join(", ")
        ))
    }
}

impl fmt::Display for PaletteColor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PaletteColor::Default => f.write_str("default"),
            PaletteColor::Named(i) => f.write_str(COLOR_NAMES[usize::from(*i) % 16]),
            PaletteColor::Indexed(i) => write!(f, "{i}"),
            PaletteColor::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

/// One step of the heatmap: the cell's background and the text on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeatStep {
    /// Cell background.
    pub background: PaletteColor,
    /// Percentage text.
    pub text: PaletteColor,
}

/// Steps of the heatmap, from least to most similar.
pub const HEAT_STEPS: usize = 5;

/// The colours of the interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// Name (bundled) or file path (user palette).
    pub name: String,
    /// Role names, key names, borders of the active pane and of popups.
    pub accent: PaletteColor,
    /// The active filters in the header.
    pub filter: PaletteColor,
    /// Shared tasks (`=`).
    pub shared: PaletteColor,
    /// The left role and its own tasks (`<`).
    pub left: PaletteColor,
    /// The right role and its own tasks (`>`).
    pub right: PaletteColor,
    /// Near pairs (`~`).
    pub near: PaletteColor,
    /// Split pairs (`^`): one subject at two levels. Optional in a file: `near` then.
    pub split: PaletteColor,
    /// Contested tasks (`!`). Optional in a file: `warning` then.
    pub contested: PaletteColor,
    /// The selected task on the axis, warnings (and contested tasks, unless
    /// `contested` names another colour).
    pub warning: PaletteColor,
    /// Heatmap steps, least similar first.
    pub heat: [HeatStep; HEAT_STEPS],
}

/// A palette compiled into the binary.
#[derive(Debug, Clone, Copy)]
pub struct BundledPalette {
    /// The name `--palette` takes.
    pub name: &'static str,
    /// The YAML text.
    pub text: &'static str,
}

/// The bundled palettes; the first is the default.
pub const BUNDLED_PALETTES: &[BundledPalette] = &[
    BundledPalette {
        name: "default",
        text: include_str!("../../../../assets/palettes/default.yaml"),
    },
    BundledPalette {
        name: "dark",
        text: include_str!("../../../../assets/palettes/dark.yaml"),
    },
    BundledPalette {
        name: "light",
        text: include_str!("../../../../assets/palettes/light.yaml"),
    },
    BundledPalette {
        name: "high-contrast",
        text: include_str!("../../../../assets/palettes/high-contrast.yaml"),
    },
    BundledPalette {
        name: "colorblind",
        text: include_str!("../../../../assets/palettes/colorblind.yaml"),
    },
];

/// The name of the default palette.
pub const DEFAULT_PALETTE: &str = "default";

/// The keys of a palette file.
const KEYS: &[&str] = &[
    "description",
    "accent",
    "filter",
    "shared",
    "left",
    "right",
    "near",
    "split",
    "contested",
    "warning",
    "heat",
];

/// True when `value` names a file rather than a bundled palette: it has a path
/// separator or a YAML extension.
pub fn is_path(value: &str) -> bool {
    value.contains('/')
        || value.contains(std::path::MAIN_SEPARATOR)
        || value.ends_with(".yaml")
        || value.ends_with(".yml")
}

/// The names of the bundled palettes.
pub fn bundled_names() -> impl Iterator<Item = &'static str> {
    BUNDLED_PALETTES.iter().map(|p| p.name)
}

/// Why a bundled name is unknown, with the closest names.
pub fn unknown_name_message(name: &str) -> (String, Option<String>) {
    (
        format!(
            "unknown palette `{name}`; bundled palettes: {} (or give a file path)",
            bundled_names().collect::<Vec<_>>().join(", ")
        ),
        did_you_mean(name, bundled_names()),
    )
}

impl Palette {
    /// The default palette.
    pub fn default_palette() -> Self {
        // The bundled files are checked by the tests, so this cannot fail.
        Self::bundled(DEFAULT_PALETTE)
            .and_then(Result::ok)
            .expect("the default palette parses")
    }

    /// A bundled palette by name; `None` for an unknown name.
    pub fn bundled(name: &str) -> Option<Result<Self, Diagnostics>> {
        let bundled = BUNDLED_PALETTES.iter().find(|p| p.name == name)?;
        let file = Path::new("<bundled>/palettes").join(format!("{name}.yaml"));
        Some(Self::parse(&file, name, bundled.text))
    }

    /// A palette from a file.
    pub fn load(path: &Path) -> Result<Self, Diagnostics> {
        let text = read_file(path, "palette file")?;
        Self::parse(path, &path.display().to_string(), &text)
    }

    /// A bundled name or a file path, as `--palette` and the config take it.
    pub fn resolve(value: &str) -> Result<Self, Diagnostics> {
        if is_path(value) {
            return Self::load(Path::new(value));
        }
        Self::bundled(value).unwrap_or_else(|| {
            let (message, hint) = unknown_name_message(value);
            Err(Diagnostics(vec![
                crate::diagnostics::Diagnostic::file(Path::new("--palette"), message)
                    .with_hint(hint),
            ]))
        })
    }

    /// Reads palette text; `file` is what messages show.
    pub fn parse(file: &Path, name: &str, text: &str) -> Result<Self, Diagnostics> {
        let (mut doc, node) = Document::parse(file, text)?;
        let root = YamlPath::root();
        let entries = doc.mapping(&node, &root, "a palette", Some(KEYS));
        let color = |doc: &mut Document, key: &str| -> Option<PaletteColor> {
            let Some((_, value, path)) = entries.iter().find(|(k, _, _)| *k == key) else {
                doc.problem(
                    &root.key(key),
                    Anchor::Value,
                    format!("missing key `{key}`: every palette names all its colours"),
                    None,
                );
                return None;
            };
            read_color(doc, value, path)
        };
        let accent = color(&mut doc, "accent");
        let filter = color(&mut doc, "filter");
        let shared = color(&mut doc, "shared");
        let left = color(&mut doc, "left");
        let right = color(&mut doc, "right");
        let near = color(&mut doc, "near");
        let warning = color(&mut doc, "warning");
        // Added after the first palettes: a file without them stays valid.
        let optional = |doc: &mut Document, key: &str| {
            entries
                .iter()
                .find(|(k, _, _)| *k == key)
                .and_then(|(_, value, path)| read_color(doc, value, path))
        };
        let split = optional(&mut doc, "split");
        let contested = optional(&mut doc, "contested");
        if let Some((_, value, path)) = entries.iter().find(|(k, _, _)| *k == "description") {
            doc.string(value, path, "description");
        }
        let heat = match entries.iter().find(|(k, _, _)| *k == "heat") {
            Some((_, value, path)) => read_heat(&mut doc, value, path),
            None => {
                doc.problem(
                    &root.key("heat"),
                    Anchor::Value,
                    format!("missing key `heat`: a list of {HEAT_STEPS} steps"),
                    None,
                );
                None
            }
        };
        let palette = match (accent, filter, shared, left, right, near, warning, heat) {
            (
                Some(accent),
                Some(filter),
                Some(shared),
                Some(left),
                Some(right),
                Some(near),
                Some(warning),
                Some(heat),
            ) => Some(Palette {
                name: name.to_string(),
                accent,
                filter,
                shared,
                left,
                right,
                near,
                split: split.unwrap_or(near),
                contested: contested.unwrap_or(warning),
                warning,
                heat,
            }),
            _ => None,
        };
        match palette {
            Some(palette) => doc.finish(palette),
            None => Err(doc.into_diagnostics()),
        }
    }
}

fn read_color(doc: &mut Document, node: &Node, path: &YamlPath) -> Option<PaletteColor> {
    let text = doc.string(node, path, "colour")?;
    match PaletteColor::parse(&text) {
        Ok(color) => Some(color),
        Err(message) => {
            let hint = did_you_mean(&text.to_lowercase(), COLOR_NAMES);
            doc.problem(path, Anchor::Value, message, hint);
            None
        }
    }
}

fn read_heat(doc: &mut Document, node: &Node, path: &YamlPath) -> Option<[HeatStep; HEAT_STEPS]> {
    let Node::Seq(items) = node else {
        doc.problem(
            path,
            Anchor::Value,
            format!(
                "expected a list of {HEAT_STEPS} steps ({{background: …, text: …}}), found {}",
                node.kind()
            ),
            None,
        );
        return None;
    };
    if items.len() != HEAT_STEPS {
        doc.problem(
            path,
            Anchor::Value,
            format!(
                "expected {HEAT_STEPS} heat steps (least to most similar), found {}",
                items.len()
            ),
            None,
        );
        return None;
    }
    let mut steps = Vec::with_capacity(HEAT_STEPS);
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        let entries = doc.mapping(
            item,
            &item_path,
            "a heat step",
            Some(&["background", "text"]),
        );
        let get = |doc: &mut Document, key: &str| match entries.iter().find(|(k, _, _)| *k == key) {
            Some((_, value, p)) => read_color(doc, value, p),
            None => {
                doc.problem(
                    &item_path.key(key),
                    Anchor::Value,
                    format!("missing key `{key}` in a heat step"),
                    None,
                );
                None
            }
        };
        let background = get(doc, "background");
        let text = get(doc, "text");
        if let (Some(background), Some(text)) = (background, text) {
            steps.push(HeatStep { background, text });
        }
    }
    steps.try_into().ok()
}

/// Where each heat step after the first starts. Roles share a small part of their
/// tasks, so equal bands would paint almost every cell the same: the bands double
/// instead (under 5 %, 5–10 %, 10–20 %, 20–40 %, 40 % and more).
pub const HEAT_THRESHOLDS: [f64; HEAT_STEPS - 1] = [0.05, 0.10, 0.20, 0.40];

/// The heat step of a similarity (0–1), 0 being the least similar.
pub fn heat_step(similarity: f64) -> usize {
    HEAT_THRESHOLDS
        .iter()
        .take_while(|&&t| similarity >= t)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_palette_parses() {
        for bundled in BUNDLED_PALETTES {
            let palette = Palette::bundled(bundled.name).unwrap();
            assert!(palette.is_ok(), "{}: {:?}", bundled.name, palette.err());
        }
        assert_eq!(Palette::default_palette().name, DEFAULT_PALETTE);
    }

    #[test]
    fn colours_in_every_form() {
        assert_eq!(PaletteColor::parse("Cyan"), Ok(PaletteColor::Named(6)));
        assert_eq!(PaletteColor::parse("light_red"), Ok(PaletteColor::Named(9)));
        assert_eq!(
            PaletteColor::parse("#0072B2"),
            Ok(PaletteColor::Rgb(0, 0x72, 0xb2))
        );
        assert_eq!(PaletteColor::parse("208"), Ok(PaletteColor::Indexed(208)));
        assert_eq!(PaletteColor::parse("default"), Ok(PaletteColor::Default));
        assert!(PaletteColor::parse("#12345").is_err());
        assert!(PaletteColor::parse("256").is_err());
        assert!(PaletteColor::parse("cyam").is_err());
    }

    #[test]
    fn broken_palette_reports_every_problem_with_places() {
        let text = "accent: cyam\nfilter: green\nshared: green\nleft: magenta\nright: cyan\n\
                    near: red\nwarning: red\nheat: [{background: default, text: default}]\nextra: 1\n";
        let errors = Palette::parse(Path::new("p.yaml"), "p", text).unwrap_err();
        let text = errors.to_string();
        assert!(
            text.contains("p.yaml:1:9: accent: unknown colour `cyam`"),
            "{text}"
        );
        assert!(text.contains("did you mean `cyan`?"), "{text}");
        assert!(
            text.contains("p.yaml:8:7: heat: expected 5 heat steps"),
            "{text}"
        );
        assert!(
            text.contains("p.yaml:9:1: extra: unknown key `extra`"),
            "{text}"
        );
    }

    #[test]
    fn heat_steps_cover_the_range() {
        assert_eq!(heat_step(0.0), 0);
        assert_eq!(heat_step(0.049), 0);
        assert_eq!(heat_step(0.05), 1);
        assert_eq!(heat_step(0.15), 2);
        assert_eq!(heat_step(0.39), 3);
        assert_eq!(heat_step(0.4), 4);
        assert_eq!(heat_step(1.0), 4);
    }
}
