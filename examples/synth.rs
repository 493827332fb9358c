//! Writes a synthetic data set in rolediff's format, for benchmarks at catalogue scale.
//!
//! `cargo run --release --example synth -- --roles N --out DIR [--seed S]`
//!
//! N roles in families of about eight (roles of a family share most of their tasks), a
//! catalogue of about 5×N tasks, 20–60 tasks per role, some inline tasks, 15 themes,
//! 4 sources, labels in French and English of realistic length. The same seed gives
//! the same files.

use std::fmt::Write as _;
use std::path::PathBuf;

/// A small, fast, deterministic generator (SplitMix64): no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const VERBS: [(&str, &str); 16] = [
    ("Define", "Définir"),
    ("Plan", "Planifier"),
    ("Write", "Rédiger"),
    ("Moderate", "Modérer"),
    ("Measure", "Mesurer"),
    ("Analyse", "Analyser"),
    ("Organise", "Organiser"),
    ("Coordinate", "Coordonner"),
    ("Publish", "Publier"),
    ("Answer", "Répondre à"),
    ("Monitor", "Surveiller"),
    ("Negotiate", "Négocier"),
    ("Train", "Former"),
    ("Report on", "Rendre compte de"),
    ("Budget", "Budgéter"),
    ("Recruit", "Recruter"),
];
const OBJECTS: [(&str, &str); 20] = [
    ("the editorial calendar", "le calendrier éditorial"),
    ("community guidelines", "la charte de la communauté"),
    ("customer complaints", "les réclamations des clients"),
    ("campaign performance", "la performance des campagnes"),
    (
        "influencer partnerships",
        "les partenariats avec des influenceurs",
    ),
    ("the advertising budget", "le budget publicitaire"),
    ("online events", "les événements en ligne"),
    ("brand reputation", "la réputation de la marque"),
    ("competitor activity", "l'activité des concurrents"),
    ("product feedback", "les retours sur les produits"),
    (
        "the social media accounts",
        "les comptes de réseaux sociaux",
    ),
    (
        "key performance indicators",
        "les indicateurs de performance",
    ),
    ("supplier contracts", "les contrats fournisseurs"),
    ("the team's priorities", "les priorités de l'équipe"),
    (
        "the onboarding of new members",
        "l'accueil des nouveaux membres",
    ),
    ("crisis communication", "la communication de crise"),
    ("the newsletter", "la lettre d'information"),
    ("the forum", "le forum"),
    ("market trends", "les tendances du marché"),
    ("internal requests", "les demandes internes"),
];
const QUALIFIERS: [(&str, &str); 8] = [
    ("every week", "chaque semaine"),
    ("for each client", "pour chaque client"),
    ("across all channels", "sur tous les canaux"),
    ("with the sales team", "avec l'équipe commerciale"),
    ("in line with the strategy", "en accord avec la stratégie"),
    ("during launches", "pendant les lancements"),
    ("for the executive committee", "pour le comité de direction"),
    ("on the company blog", "sur le blog de l'entreprise"),
];
const THEMES: [&str; 15] = [
    "strategy",
    "content",
    "moderation",
    "engagement",
    "analytics",
    "influence",
    "acquisition",
    "customer-relations",
    "reputation",
    "monitoring",
    "events",
    "platforms",
    "project-management",
    "internal",
    "training",
];

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn label(rng: &mut Rng) -> (String, String) {
    let (ve, vf) = VERBS[rng.below(VERBS.len())];
    let (oe, of) = OBJECTS[rng.below(OBJECTS.len())];
    let (qe, qf) = QUALIFIERS[rng.below(QUALIFIERS.len())];
    (format!("{ve} {oe} {qe}"), format!("{vf} {of} {qf}"))
}

fn main() -> std::io::Result<()> {
    let mut roles = 300usize;
    let mut out: Option<PathBuf> = None;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--roles" => roles = args.next().and_then(|v| v.parse().ok()).expect("--roles N"),
            "--out" => out = args.next().map(PathBuf::from),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed S"),
            other => panic!("unknown argument {other}; usage: --roles N --out DIR [--seed S]"),
        }
    }
    let out = out.expect("--out DIR is required");
    let mut rng = Rng(seed);
    std::fs::create_dir_all(out.join("roles"))?;

    let mut themes = String::new();
    for id in THEMES {
        let name = id.replace('-', " ");
        writeln!(
            themes,
            "- id: {id}\n  label: {{fr: {}, en: {}}}",
            quote(&name),
            quote(&name)
        )
        .unwrap();
    }
    std::fs::write(out.join("themes.yaml"), themes)?;

    let sources = ["survey-2024", "job-board", "hr-reference", "interviews"];
    let mut sources_yaml = String::new();
    for id in sources {
        writeln!(sources_yaml, "- id: {id}\n  title: {}\n  language: en\n  summary: {{fr: Source synthétique., en: Synthetic source.}}", quote(id)).unwrap();
    }
    std::fs::write(out.join("sources.yaml"), sources_yaml)?;

    let task_count = roles * 5;
    let mut tasks = String::with_capacity(task_count * 200);
    for i in 0..task_count {
        let (en, fr) = label(&mut rng);
        let first = rng.pick(&THEMES);
        let second = rng.pick(&THEMES);
        let themes = if first == second {
            first.to_string()
        } else {
            format!("{first}, {second}")
        };
        let axis = rng.below(11) as f64 / 10.0;
        writeln!(
            tasks,
            "- id: task-{i}\n  label: {{fr: {}, en: {}}}\n  themes: [{themes}]\n  axis: {axis}",
            quote(&fr),
            quote(&en)
        )
        .unwrap();
    }
    std::fs::write(out.join("tasks.yaml"), tasks)?;

    // Families of eight roles draw most tasks from a shared pool of 80 tasks.
    let families = roles.div_ceil(8);
    for r in 0..roles {
        let family = r % families;
        let pool_start = (family * 80) % task_count;
        let count = 20 + rng.below(41);
        let mut chosen: Vec<usize> = Vec::with_capacity(count);
        while chosen.len() < count {
            let task = if rng.below(10) < 7 {
                (pool_start + rng.below(80)) % task_count
            } else {
                rng.below(task_count)
            };
            if !chosen.contains(&task) {
                chosen.push(task);
            }
        }
        let mut role = format!(
            "id: role-{r}\nname: {{fr: \"Métier {r}\", en: \"Role {r}\"}}\naliases: [\"r{r}\"]\nsummary: {{fr: \"Métier de la famille {family}.\", en: \"A role of family {family}.\"}}\nsources: [{}]\ntasks:\n",
            sources[r % sources.len()]
        );
        for task in chosen {
            writeln!(role, "  - task: task-{task}").unwrap();
        }
        // A few inline tasks, as users write them.
        for k in 0..2 {
            let (en, fr) = label(&mut rng);
            writeln!(
                role,
                "  - label: {{fr: {}, en: {}}}\n    themes: [{}]\n    axis: 0.5",
                quote(&format!("{fr} ({r}-{k})")),
                quote(&format!("{en} ({r}-{k})")),
                rng.pick(&THEMES)
            )
            .unwrap();
        }
        std::fs::write(out.join("roles").join(format!("role-{r:05}.yaml")), role)?;
    }
    println!(
        "wrote {roles} roles and {task_count} catalogue tasks to {}",
        out.display()
    );
    Ok(())
}
