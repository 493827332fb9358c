//! What every benchmark needs: synthetic data sets written to a temp folder at start
//! (never committed), by the generator of `crates/rolediff-synth`.

// Each bench uses part of this module.
#![allow(dead_code)]

use rolediff_synth as catalogue;

use std::path::PathBuf;

use rolediff::model::{DataSet, load_path};

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
        let shape = catalogue::Shape {
            roles,
            role_tasks,
            seed: 1,
        };
        let written = catalogue::write(&path, shape).expect("write synthetic data");
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
