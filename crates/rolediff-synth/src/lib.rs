//! The synthetic catalogue generator, shared by `examples/synth` and the benchmarks
//! (through [`Synthetic`], a generated data set in a temp folder): N roles in families of about eight (roles
//! of a family share most of their tasks), a catalogue of about 5×N tasks, 20–60 tasks
//! per role (or exactly `role_tasks`), two inline tasks per role, 15 themes, 4 sources,
//! labels in French and English of realistic length. The same seed gives the same files.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rolediff::model::{DataSet, load_path};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Number of roles.
    pub roles: usize,
    /// Catalogue tasks per role; `None` draws 20–60 per role.
    pub role_tasks: Option<usize>,
    /// Seed of the generator.
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Clone, Copy)]
pub struct Written {
    /// Catalogue tasks.
    pub tasks: usize,
    /// Total bytes of the YAML files.
    pub bytes: u64,
}

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

/// Writes the data set folder `out` (created if needed).
pub fn write(out: &Path, shape: Shape) -> std::io::Result<Written> {
    let mut rng = Rng(shape.seed);
    let mut bytes = 0u64;
    let mut put = |path: &Path, text: String| {
        bytes += text.len() as u64;
        std::fs::write(path, text)
    };
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
    put(&out.join("themes.yaml"), themes)?;

    let sources = ["survey-2024", "job-board", "hr-reference", "interviews"];
    let mut sources_yaml = String::new();
    for id in sources {
        writeln!(sources_yaml, "- id: {id}\n  title: {}\n  language: en\n  summary: {{fr: Source synthétique., en: Synthetic source.}}", quote(id)).unwrap();
    }
    put(&out.join("sources.yaml"), sources_yaml)?;

    // Large roles need a catalogue and family pools large enough to draw from.
    let task_count = (shape.roles * 5).max(shape.role_tasks.unwrap_or(0) * 3);
    let pool = 80.max(shape.role_tasks.unwrap_or(0) * 3 / 2);
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
    put(&out.join("tasks.yaml"), tasks)?;

    // Families of eight roles draw most tasks (seven in ten) from a shared pool.
    let families = shape.roles.div_ceil(8);
    for r in 0..shape.roles {
        let family = r % families;
        let pool_start = (family * pool) % task_count;
        let count = shape.role_tasks.unwrap_or_else(|| 20 + rng.below(41));
        let mut chosen: Vec<usize> = Vec::with_capacity(count);
        let mut taken = HashSet::with_capacity(count);
        while chosen.len() < count {
            let task = if rng.below(10) < 7 {
                (pool_start + rng.below(pool)) % task_count
            } else {
                rng.below(task_count)
            };
            if taken.insert(task) {
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
        put(&out.join("roles").join(format!("role-{r:05}.yaml")), role)?;
    }
    Ok(Written {
        tasks: task_count,
        bytes,
    })
}

/// A generated data set folder, removed when dropped.
pub struct Synthetic {
    _dir: tempfile::TempDir,
    /// The data set folder.
    pub path: PathBuf,
    /// Total bytes of its YAML files.
    pub bytes: u64,
}

impl Synthetic {
    /// `roles` roles of 20–60 tasks (or exactly `role_tasks`), seed 1.
    pub fn new(roles: usize, role_tasks: Option<usize>) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("data");
        let shape = Shape {
            roles,
            role_tasks,
            seed: 1,
        };
        let written = write(&path, shape).expect("write synthetic data");
        Self {
            _dir: dir,
            path,
            bytes: written.bytes,
        }
    }

    /// The data set, loaded and validated.
    pub fn load(&self) -> DataSet {
        load_path(&self.path).unwrap_or_else(|e| panic!("synthetic data is invalid: {e:?}"))
    }
}
