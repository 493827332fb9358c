//! The state's side of the work done in the background ([`crate::work`]): what it asks
//! for, which answers it still wants, and how it takes them in.

use rolediff::compare::{Comparison, Matrix};

use super::{App, Landscape, Notice, Selection};
use crate::action::Side;
use crate::work::{ClosestRequest, CompareRequest, Finished, MatrixRequest, MatrixRow, Request};

impl App<'_> {
    /// Opens the landscape view on the current pair, or starts it again after the
    /// filter changed (keeping the selected cell). The matrix is asked of a worker.
    pub fn refresh_landscape(&mut self) {
        let (row, column) = self
            .landscape
            .as_ref()
            .map_or((self.left, self.right), |l| (l.row, l.column));
        let count = self.data.roles.len();
        self.generation += 1;
        self.landscape = Some(Landscape {
            matrix: Matrix {
                roles: (0..count).collect(),
                similarity: vec![vec![None; count]; count],
                similarity_agreed: vec![vec![None; count]; count],
                axis: vec![None; count],
                tasks: vec![0; count],
            },
            computed: vec![false; count],
            done: 0,
            generation: self.generation,
            row,
            column,
        });
        self.closest_pending = None;
        self.work.push(Request::Matrix(MatrixRequest {
            generation: self.generation,
            filter: self.filter.clone(),
            first_row: row,
            count,
        }));
    }

    /// Asks a worker for the role closest to the active side's, for the other side.
    pub fn find_closest(&mut self) {
        self.generation += 1;
        let side = self.active.other();
        self.closest_pending = Some((self.generation, side));
        self.work.push(Request::Closest(ClosestRequest {
            generation: self.generation,
            role: self.role(self.active),
            side,
            filter: self.filter.clone(),
        }));
    }

    /// True while the closest role is being looked for.
    pub fn finding_closest(&self) -> bool {
        self.closest_pending.is_some()
    }

    /// Stops looking for the closest role (Esc); true when there was a search.
    pub fn stop_finding_closest(&mut self) -> bool {
        self.closest_pending.take().is_some()
    }

    /// The work asked for and not started yet, taken by the event loop.
    pub fn take_work(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.work)
    }

    /// True while the answer to `generation` is still wanted: the comparison shown,
    /// the closest role looked for, the landscape's missing rows.
    pub fn wants(&self, generation: u64) -> bool {
        self.comparing.as_ref().map(|(g, _)| *g) == Some(generation)
            || self.closest_pending.map(|(g, _)| g) == Some(generation)
            || self
                .landscape
                .as_ref()
                .is_some_and(|l| l.generation == generation && l.done < l.computed.len())
    }

    /// True while the two roles shown are compared in the background.
    pub fn is_comparing(&self) -> bool {
        self.comparing.is_some()
    }

    /// Asks a worker for the comparison of the two roles, and shows none meanwhile:
    /// rows of the roles shown before would point at tasks the new roles do not have.
    pub(super) fn compare_in_background(&mut self, previous: Selection) {
        self.generation += 1;
        self.comparing = Some((self.generation, previous));
        self.work.push(Request::Compare(CompareRequest {
            generation: self.generation,
            left: self.left,
            right: self.right,
            filter: self.filter.clone(),
        }));
        self.comparison = Comparison {
            left: self.left,
            right: self.right,
            shared: Vec::new(),
            left_only: Vec::new(),
            right_only: Vec::new(),
            near: Vec::new(),
            similarity: None,
            similarity_agreed: None,
            left_axis: None,
            right_axis: None,
            themes: Vec::new(),
        };
        self.comparison_ready(None);
    }

    /// Takes what a worker finished, when the request is still wanted.
    pub fn apply_finished(&mut self, finished: Finished) {
        match finished {
            Finished::Row(row) => self.apply_matrix_row(row),
            Finished::Compared {
                generation,
                comparison,
            } => {
                let Some((wanted, previous)) = self.comparing.take() else {
                    return;
                };
                if wanted != generation {
                    self.comparing = Some((wanted, previous));
                    return;
                }
                self.comparison = *comparison;
                self.comparison_ready(previous);
            }
            Finished::Closest {
                generation,
                side,
                role,
            } => {
                if self.closest_pending != Some((generation, side)) {
                    return;
                }
                self.closest_pending = None;
                match (role, side) {
                    (Some(role), Side::Left) => self.left = role,
                    (Some(role), Side::Right) => self.right = role,
                    (None, _) => {
                        self.notice = Some(Notice::NoOtherRole);
                        return;
                    }
                }
                self.recompute();
            }
        }
    }

    /// Puts a finished row in the landscape it was computed for (and drops it when
    /// that landscape is gone).
    fn apply_matrix_row(&mut self, row: MatrixRow) {
        let Some(landscape) = &mut self.landscape else {
            return;
        };
        if landscape.generation != row.generation || landscape.computed.get(row.row) != Some(&false)
        {
            return;
        }
        let i = row.row;
        landscape.matrix.similarity[i] = row.similarity;
        landscape.matrix.similarity_agreed[i] = row.agreed;
        landscape.matrix.axis[i] = row.axis;
        landscape.matrix.tasks[i] = row.tasks;
        landscape.computed[i] = true;
        landscape.done += 1;
    }
}
