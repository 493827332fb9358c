//! Which two roles a comparison starts on: the bundled pair, the command line's `LEFT`
//! and `RIGHT`, or a partner chosen for one of them. Shared by the command line and the
//! interactive view.

use crate::model::{DataSet, RoleIdx};

/// Roles the bundled data opens on.
pub const DEFAULT_ROLES: (&str, &str) = ("community-manager", "social-media-manager");

/// The roles to open on: the named defaults when the data has them, else the first two.
pub fn default_roles(data: &DataSet) -> (RoleIdx, RoleIdx) {
    let left = data.role_index(DEFAULT_ROLES.0);
    let right = data.role_index(DEFAULT_ROLES.1);
    match (left, right) {
        (Some(l), Some(r)) => (l, r),
        _ => (0, if data.roles.len() > 1 { 1 } else { 0 }),
    }
}

/// A right role for a chosen left one: the default right, or the first other role.
pub fn partner_for(data: &DataSet, left: RoleIdx) -> RoleIdx {
    let (dl, dr) = default_roles(data);
    let preferred = if left == dr { dl } else { dr };
    if preferred != left {
        return preferred;
    }
    (0..data.roles.len()).find(|&r| r != left).unwrap_or(left)
}

/// The roles to open on from the command line's `LEFT` and `RIGHT`, resolved by
/// `resolve`; the defaults fill what is not given.
pub fn initial_roles<E>(
    data: &DataSet,
    left: Option<&str>,
    right: Option<&str>,
    resolve: impl Fn(&str) -> Result<RoleIdx, E>,
) -> Result<(RoleIdx, RoleIdx), E> {
    let (default_left, default_right) = default_roles(data);
    let left = left.map(&resolve).transpose()?;
    let right = right.map(&resolve).transpose()?;
    Ok(match (left, right) {
        (Some(l), Some(r)) => (l, r),
        (Some(l), None) => (l, partner_for(data, l)),
        (None, Some(r)) => (partner_for(data, r), r),
        (None, None) => (default_left, default_right),
    })
}
