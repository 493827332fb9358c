//! The data set compiled into the binary, so that `rolediff` works from any folder.

/// One file of the bundled data set, by its path relative to the data folder.
#[derive(Debug, Clone, Copy)]
pub struct BundledFile {
    /// Path relative to the data folder, with `/` separators.
    pub path: &'static str,
    /// The file's contents.
    pub contents: &'static str,
    /// The file parsed when rolediff was built (`build.rs`), in the compact form of
    /// `yaml::encode`; empty for a file that is not YAML or did not parse.
    pub nodes: &'static [u8],
}

macro_rules! bundled {
    ($($path:literal),* $(,)?) => {
        &[$(BundledFile {
            path: $path,
            contents: include_str!(concat!("../../../../data/", $path)),
            nodes: include_bytes!(concat!(env!("OUT_DIR"), "/nodes/", $path, ".bin")),
        }),*]
    };
}

/// Every file of `data/`, in load order. A test checks this list against the folder,
/// so a role file added to `data/roles/` cannot be forgotten here.
pub const BUNDLED_FILES: &[BundledFile] = bundled![
    "README.md",
    "themes.yaml",
    "sources.yaml",
    "tasks.yaml",
    "roles/community-builder.yaml",
    "roles/community-manager-agency.yaml",
    "roles/community-manager-in-house.yaml",
    "roles/community-manager.yaml",
    "roles/community-strategist.yaml",
    "roles/gestionnaire-de-communaute.yaml",
    "roles/social-media-manager.yaml",
];
