//! The data set compiled into the binary, so that `rolediff` works from any folder.

/// One file of the bundled data set, by its path relative to the data folder.
#[derive(Debug, Clone, Copy)]
pub struct BundledFile {
    /// Path relative to the data folder, with `/` separators.
    pub path: &'static str,
    /// The file's contents, parsed at run time like any data file.
    pub contents: &'static str,
}

macro_rules! bundled {
    ($($path:literal),* $(,)?) => {
        &[$(BundledFile {
            path: $path,
            contents: include_str!(concat!("../../../../data/", $path)),
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
