//! Long work off the event loop, so that the view always answers keys: the landscape's
//! matrix, computed row by row in a worker thread (the rows nearest the selected cell
//! first), and the ranking behind `c` (the closest role). The loop polls the worker
//! between events, hands what is finished to the state, and drops the worker (which
//! cancels it) when the state no longer wants it: the landscape was left (Esc), its
//! filter changed, or Esc stopped the search for the closest role.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::{Scope, ScopedJoinHandle};

use rolediff::compare::{Comparator, Comparison, Filter};
use rolediff::model::RoleIdx;

use crate::action::Side;
use crate::app::App;

/// Work the state asks for; the event loop starts it in a worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// The landscape's matrix.
    Matrix(MatrixRequest),
    /// The role closest to one role.
    Closest(ClosestRequest),
    /// The comparison of two large roles.
    Compare(CompareRequest),
}

/// Compare two roles (too large to compare between two keys).
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRequest {
    /// Which request it is.
    pub generation: u64,
    /// Left role.
    pub left: RoleIdx,
    /// Right role.
    pub right: RoleIdx,
    /// The filter.
    pub filter: Filter,
}

impl Request {
    /// Which request of the state it is: results of an older one are dropped.
    pub fn generation(&self) -> u64 {
        match self {
            Request::Matrix(m) => m.generation,
            Request::Closest(c) => c.generation,
            Request::Compare(c) => c.generation,
        }
    }
}

/// Find the role closest to `role` (the first answer of `rolediff similar`).
#[derive(Debug, Clone, PartialEq)]
pub struct ClosestRequest {
    /// Which request it is.
    pub generation: u64,
    /// The role to find a partner for.
    pub role: RoleIdx,
    /// The side that gets the answer.
    pub side: Side,
    /// The filter of the ranking.
    pub filter: Filter,
}

/// What a worker finished.
#[derive(Debug, Clone, PartialEq)]
pub enum Finished {
    /// A row of the matrix.
    Row(MatrixRow),
    /// The closest role, if there is another role.
    Closest {
        /// The request answered.
        generation: u64,
        /// The side that gets it.
        side: Side,
        /// The role.
        role: Option<RoleIdx>,
    },
    /// The comparison of two roles.
    Compared {
        /// The request answered.
        generation: u64,
        /// The comparison.
        comparison: Box<Comparison>,
    },
}

/// The answer to `request`.
pub fn compare(comparator: &Comparator, request: &CompareRequest) -> Finished {
    Finished::Compared {
        generation: request.generation,
        comparison: Box::new(comparator.compare(request.left, request.right, &request.filter)),
    }
}

/// The answer to `request`.
pub fn closest(comparator: &Comparator, request: &ClosestRequest) -> Finished {
    Finished::Closest {
        generation: request.generation,
        side: request.side,
        role: comparator
            .rank(request.role, &request.filter)
            .first()
            .map(|ranked| ranked.role),
    }
}

/// Work the state asks for; the event loop starts it.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRequest {
    /// Which landscape the rows are for: rows of an older one are dropped.
    pub generation: u64,
    /// The filter the matrix is computed under.
    pub filter: Filter,
    /// The row to compute first (the selected cell's); the others follow outward.
    pub first_row: usize,
    /// Roles in the matrix.
    pub count: usize,
}

/// One finished row of the matrix: the left role `row` against every role.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    /// The landscape it belongs to.
    pub generation: u64,
    /// Its index.
    pub row: usize,
    /// Similarity with each role, as `Matrix::similarity[row]`.
    pub similarity: Vec<Option<f64>>,
    /// The same over uncontested tasks.
    pub agreed: Vec<Option<f64>>,
    /// The role's mean axis under the filter.
    pub axis: Option<f64>,
    /// The role's tasks that pass the filter.
    pub tasks: usize,
}

/// The rows in the order they are computed: `first`, then outward from it, so that
/// what the screen shows around the selection fills in first.
pub fn row_order(first: usize, count: usize) -> impl Iterator<Item = usize> {
    let first = first.min(count.saturating_sub(1));
    (0..count * 2).filter_map(move |step| {
        let distance = step.div_ceil(2);
        if step % 2 == 1 {
            (first + distance < count).then_some(first + distance)
        } else {
            first.checked_sub(distance)
        }
    })
}

/// Computes one row, or `None` when `cancel` is set midway.
pub fn compute_row(
    comparator: &Comparator,
    request: &MatrixRequest,
    row: usize,
    cancel: &AtomicBool,
) -> Option<MatrixRow> {
    let mut out = MatrixRow {
        generation: request.generation,
        row,
        similarity: vec![None; request.count],
        agreed: vec![None; request.count],
        axis: None,
        tasks: 0,
    };
    for column in 0..request.count {
        // Checked per pair: one pair of large roles can take a while on its own.
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let comparison = comparator.compare(row, column, &request.filter);
        out.similarity[column] = comparison.similarity;
        out.agreed[column] = comparison.similarity_agreed;
        if row == column {
            out.axis = comparison.left_axis;
            out.tasks = comparison.shared.len() + comparison.left_only.len();
        }
    }
    Some(out)
}

/// Running work. Dropping it cancels it (a matrix stops after the pair it is on; a
/// ranking or a comparison runs to its end, and its answer is not read).
#[derive(Debug)]
pub struct Worker<'scope> {
    /// The request it answers.
    pub generation: u64,
    cancel: Arc<AtomicBool>,
    rows: Receiver<Finished>,
    thread: ScopedJoinHandle<'scope, ()>,
}

impl<'scope> Worker<'scope> {
    /// Starts `request` in a thread of `scope`.
    pub fn start<'env: 'scope>(
        scope: &'scope Scope<'scope, 'env>,
        comparator: Arc<Comparator<'env>>,
        request: Request,
    ) -> Self {
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, rows) = channel();
        let stop = Arc::clone(&cancel);
        let generation = request.generation();
        let thread = scope.spawn(move || match request {
            Request::Matrix(request) => {
                for row in row_order(request.first_row, request.count) {
                    let Some(done) = compute_row(&comparator, &request, row, &stop) else {
                        return;
                    };
                    // A closed channel means the loop is gone: stop too.
                    if sender.send(Finished::Row(done)).is_err() {
                        return;
                    }
                }
            }
            // One ranking, not cut midway: a dropped worker's answer is not read.
            Request::Closest(request) => {
                let _ = sender.send(closest(&comparator, &request));
            }
            Request::Compare(request) => {
                let _ = sender.send(compare(&comparator, &request));
            }
        });
        Self {
            generation,
            cancel,
            rows,
            thread,
        }
    }

    /// True once its thread has ended.
    pub fn is_done(&self) -> bool {
        self.thread.is_finished()
    }

    /// Asks it to stop (without waiting).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// What was finished since the last call; `None` once the worker has ended and
    /// everything was taken.
    pub fn finished(&self) -> Option<Vec<Finished>> {
        let mut rows = Vec::new();
        loop {
            match self.rows.try_recv() {
                Ok(row) => rows.push(row),
                Err(TryRecvError::Empty) => return Some(rows),
                Err(TryRecvError::Disconnected) if rows.is_empty() => return None,
                Err(TryRecvError::Disconnected) => return Some(rows),
            }
        }
    }
}

impl Drop for Worker<'_> {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Does the work the state asks for at once, in this thread: for tests, which step
/// through actions without an event loop.
pub fn run_now(app: &mut App) {
    loop {
        let requests = app.take_work();
        if requests.is_empty() {
            return;
        }
        for request in requests {
            run_one(app, request);
        }
    }
}

fn run_one(app: &mut App, request: Request) {
    let comparator = app.comparator_handle();
    let cancel = AtomicBool::new(false);
    {
        match request {
            Request::Matrix(request) => {
                for row in row_order(request.first_row, request.count) {
                    if let Some(done) = compute_row(&comparator, &request, row, &cancel) {
                        app.apply_finished(Finished::Row(done));
                    }
                }
            }
            Request::Closest(request) => app.apply_finished(closest(&comparator, &request)),
            Request::Compare(request) => app.apply_finished(compare(&comparator, &request)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_go_outward_from_the_first_and_each_comes_once() {
        assert_eq!(row_order(2, 5).collect::<Vec<_>>(), [2, 3, 1, 4, 0]);
        assert_eq!(row_order(0, 3).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(row_order(9, 3).collect::<Vec<_>>(), [2, 1, 0]);
        assert_eq!(row_order(0, 0).count(), 0);
    }
}
