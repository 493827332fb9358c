//! Settling the aliases of a catalogue: the ones that repeat their role are dropped,
//! and the names several roles answer to are reported as warnings, each where it can
//! be fixed, following the order in which [`DataSet::lookup_role`] resolves names.
//!
//! [`DataSet::lookup_role`]: crate::model::DataSet::lookup_role

use std::collections::HashSet;

use crate::diagnostics::{Anchor, WarningKind};
use crate::model::names::{Claim, name_key};
use crate::model::raw::{Located, MAX_PROBLEMS, Origin, Problem};
use crate::model::{Role, RoleIdx};

/// Most role ids a warning names before it says how many more there are.
const ROLES_NAMED: usize = 5;

/// The warnings of [`settle_aliases`]: the first [`MAX_PROBLEMS`] of each kind in
/// data order, and how many there are of each kind in all.
#[derive(Debug, Default)]
pub(crate) struct AliasWarnings {
    pub kept: Vec<(WarningKind, Problem)>,
    /// Indexed by `WarningKind as usize`.
    pub counts: [usize; WarningKind::ALL.len()],
}

/// A warning found, not yet written: where it goes and the claims it is about.
struct Found {
    role: RoleIdx,
    claim: Claim,
    kind: WarningKind,
    /// The claims of the name, as a range of the sorted claims.
    group: std::ops::Range<usize>,
}

/// Settles the aliases of `roles`, whose aliases as written are `written` (with their
/// places) and whose ids are at `id_origins`.
///
/// An alias that repeats the role's own id, one of its names, or another of its
/// aliases is dropped: it names nothing new. Each name that several roles answer to
/// is reported, following lookup's order (ids, then names, then aliases): an alias
/// that is another role's id or name names that role, never its own
/// ([`WarningKind::AliasOfOtherRole`], one per such alias); an alias of several roles
/// and no role's id or name is ambiguous ([`WarningKind::SharedAlias`], one per name,
/// at the second role's alias); so is a name of several roles
/// ([`WarningKind::SharedName`], at the second role's name).
pub(crate) fn settle_aliases(
    roles: &mut [Role],
    written: Vec<Vec<Located>>,
    id_origins: &[Origin],
) -> AliasWarnings {
    // Every (key, claim, role), sorted so that each key's holders are together, in
    // order of precedence and then of roles.
    let mut claims: Vec<(String, Claim, RoleIdx)> = Vec::new();
    let mut alias_origins: Vec<Vec<Origin>> = Vec::with_capacity(roles.len());
    // The keys of the role being settled; a set, since a hostile role may list a
    // million aliases.
    let mut own: HashSet<String, foldhash::quality::RandomState> = HashSet::default();
    for (index, (role, aliases)) in roles.iter_mut().zip(written).enumerate() {
        own.clear();
        own.insert(role.id.clone());
        claims.push((role.id.clone(), Claim::Id, index));
        for name in [&role.name.en, &role.name.fr] {
            let key = name_key(name).into_owned();
            if own.insert(key.clone()) {
                claims.push((key, Claim::Name, index));
            }
        }
        let mut kept = Vec::with_capacity(aliases.len());
        let mut origins = Vec::with_capacity(aliases.len());
        for alias in aliases {
            let key = name_key(&alias.value).into_owned();
            if !own.insert(key.clone()) {
                continue;
            }
            claims.push((key, Claim::Alias(kept.len()), index));
            kept.push(alias.value);
            origins.push(alias.origin);
        }
        role.aliases = kept;
        alias_origins.push(origins);
    }
    claims.sort_unstable_by(|a, b| (&a.0, a.1.step(), a.2, a.1).cmp(&(&b.0, b.1.step(), b.2, b.1)));

    let mut found = find_warnings(&claims);
    // Data order, so that the first of each kind are kept and reported first.
    found.sort_unstable_by_key(|f| (f.role, f.claim));
    let mut warnings = AliasWarnings::default();
    for warning in found {
        let count = &mut warnings.counts[warning.kind as usize];
        *count += 1;
        // Written out only while kept: a hostile catalogue can share millions of names.
        if *count <= MAX_PROBLEMS {
            let problem = write(&warning, &claims, roles, &alias_origins, id_origins);
            warnings.kept.push((warning.kind, problem));
        }
    }
    warnings
}

/// The roles a name's claims give it to: those holding it at the first step that has
/// it (at most one id, or every name, or every alias), in role order.
fn owners(group: &[(String, Claim, RoleIdx)]) -> Vec<RoleIdx> {
    let step = group[0].1.step();
    let mut owners: Vec<RoleIdx> = group
        .iter()
        .take_while(|(_, claim, _)| claim.step() == step)
        .map(|(_, _, role)| *role)
        .collect();
    owners.dedup();
    owners
}

/// Finds the warnings among `claims`, sorted by key.
fn find_warnings(claims: &[(String, Claim, RoleIdx)]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut start = 0;
    for group in claims.chunk_by(|a, b| a.0 == b.0) {
        let range = start..start + group.len();
        start = range.end;
        if group.iter().all(|(_, _, role)| *role == group[0].2) {
            continue;
        }
        let owners = owners(group);
        let aliases = group.iter().filter_map(|&(_, claim, role)| match claim {
            Claim::Alias(at) => Some((role, at)),
            Claim::Id | Claim::Name => None,
        });
        match group[0].1 {
            Claim::Alias(_) => {
                // Only aliases: ambiguous, said once, where the second role's alias is.
                let second = owners[1];
                if let Some((_, at)) = aliases.clone().find(|(role, _)| *role == second) {
                    found.push(Found {
                        role: second,
                        claim: Claim::Alias(at),
                        kind: WarningKind::SharedAlias,
                        group: range.clone(),
                    });
                }
                continue;
            }
            Claim::Name if owners.len() > 1 => found.push(Found {
                role: owners[1],
                claim: Claim::Name,
                kind: WarningKind::SharedName,
                group: range.clone(),
            }),
            Claim::Id | Claim::Name => {}
        }
        // A name equal to another role's id is left alone: the id names its role, and
        // the other role keeps its own id. Aliases are another matter: they were meant
        // to name their role and never will.
        for (role, at) in aliases.filter(|(role, _)| !owners.contains(role)) {
            found.push(Found {
                role,
                claim: Claim::Alias(at),
                kind: WarningKind::AliasOfOtherRole,
                group: range.clone(),
            });
        }
    }
    found
}

/// The problem of a warning, at its place, with its message.
fn write(
    warning: &Found,
    claims: &[(String, Claim, RoleIdx)],
    roles: &[Role],
    alias_origins: &[Vec<Origin>],
    id_origins: &[Origin],
) -> Problem {
    let group = &claims[warning.group.clone()];
    let owners = owners(group);
    let role = warning.role;
    let (origin, message, hint) = match (warning.kind, warning.claim) {
        (WarningKind::SharedAlias, Claim::Alias(at)) => (
            alias_origins[role][at].clone(),
            format!(
                "alias `{}` is shared by {} roles: {}; naming a role by it lists them instead of choosing one",
                roles[role].aliases[at],
                owners.len(),
                list_roles(roles, &owners)
            ),
            None,
        ),
        (WarningKind::AliasOfOtherRole, Claim::Alias(at)) => {
            let what = if group[0].1 == Claim::Id {
                "id"
            } else {
                "name"
            };
            let (which, gives) = match owners.as_slice() {
                [one] => (
                    format!("role `{}`", roles[*one].id),
                    format!("gives role `{}`", roles[*one].id),
                ),
                many => (
                    format!("roles {}", list_roles(roles, many)),
                    "lists those roles".to_string(),
                ),
            };
            (
                alias_origins[role][at].clone(),
                format!(
                    "alias `{}` is the {what} of {which}: naming a role by it {gives}, never this one",
                    roles[role].aliases[at]
                ),
                None,
            )
        }
        _ => {
            // A shared name, at the role's `name` (beside its `id`).
            let id = &id_origins[role];
            let name = Origin {
                file: id.file,
                path: id.path.prefix(id.path.len().saturating_sub(1)).key("name"),
            };
            (
                name,
                format!(
                    "role name `{}` is shared by {} roles: {}; naming a role by it lists them instead of choosing one",
                    group[0].0,
                    owners.len(),
                    list_roles(roles, &owners)
                ),
                Some("give each role its own name".into()),
            )
        }
    };
    Problem {
        file: origin.file,
        path: origin.path,
        anchor: Anchor::Value,
        message,
        hint,
        related: None,
    }
}

/// "`a`, `b`" — or "`a`, …, `e` and 3 more" past [`ROLES_NAMED`] roles.
fn list_roles(roles: &[Role], holders: &[RoleIdx]) -> String {
    let named: Vec<String> = holders
        .iter()
        .take(ROLES_NAMED)
        .map(|&role| format!("`{}`", roles[role].id))
        .collect();
    let mut listed = named.join(", ");
    if holders.len() > ROLES_NAMED {
        listed.push_str(&format!(" and {} more", holders.len() - ROLES_NAMED));
    }
    listed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn role(id: &str, name: &str) -> Role {
        Role {
            id: id.into(),
            name: Text::same(name),
            aliases: Vec::new(),
            summary: None,
            tasks: Vec::new(),
        }
    }

    fn located(value: &str, at: usize) -> Located {
        Located {
            value: value.into(),
            origin: Origin {
                file: 0,
                path: crate::yaml_path::YamlPath::root()
                    .key("roles")
                    .index(at)
                    .key("aliases"),
            },
        }
    }

    fn settle(roles: &mut [Role], written: Vec<Vec<&str>>) -> Vec<(WarningKind, String)> {
        let written = written
            .into_iter()
            .enumerate()
            .map(|(at, aliases)| aliases.into_iter().map(|a| located(a, at)).collect())
            .collect();
        let ids: Vec<Origin> = (0..roles.len())
            .map(|at| Origin {
                file: 0,
                path: crate::yaml_path::YamlPath::root()
                    .key("roles")
                    .index(at)
                    .key("id"),
            })
            .collect();
        let warnings = settle_aliases(roles, written, &ids);
        for kind in WarningKind::ALL {
            let kept = warnings.kept.iter().filter(|(k, _)| *k == kind).count();
            assert_eq!(warnings.counts[kind as usize], kept, "{kind:?}");
        }
        warnings
            .kept
            .into_iter()
            .map(|(kind, problem)| (kind, format!("{}: {}", problem.path, problem.message)))
            .collect()
    }

    #[test]
    fn self_aliases_are_dropped_silently() {
        let mut roles = vec![role("usher", "Usher")];
        roles[0].name.fr = "Huissier".into();
        let warnings = settle(
            &mut roles,
            vec![vec![
                "usher",
                " USHER",
                "huissier",
                "Door keeper",
                "door keeper",
            ]],
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(roles[0].aliases, ["Door keeper"]);
    }

    #[test]
    fn shared_names_warn_once_each_at_the_place_that_made_them_shared() {
        let mut roles = vec![
            role("usher", "Usher"),
            role("court-jury-coordinator", "Court jury coordinator"),
            role("court-usher", "Court usher"),
            role("club-bouncer", "Bouncer"),
            role("doorman", "Bouncer"),
            role("porter", "Porter"),
        ];
        let warnings = settle(
            &mut roles,
            vec![
                vec!["door keeper"],
                vec!["court usher", "Usher", "Ticket checker"],
                vec![],
                vec!["Door Keeper"],
                vec![],
                vec!["bouncer", "door keeper", "ticket checker", "Doorman"],
            ],
        );
        let expected = [
            (
                WarningKind::AliasOfOtherRole,
                "roles[1].aliases: alias `court usher` is the name of role `court-usher`: naming a role by it gives role `court-usher`, never this one",
            ),
            (
                WarningKind::AliasOfOtherRole,
                "roles[1].aliases: alias `Usher` is the id of role `usher`: naming a role by it gives role `usher`, never this one",
            ),
            (
                WarningKind::SharedAlias,
                "roles[3].aliases: alias `Door Keeper` is shared by 3 roles: `usher`, `club-bouncer`, `porter`; naming a role by it lists them instead of choosing one",
            ),
            (
                WarningKind::SharedName,
                "roles[4].name: role name `bouncer` is shared by 2 roles: `club-bouncer`, `doorman`; naming a role by it lists them instead of choosing one",
            ),
            (
                WarningKind::AliasOfOtherRole,
                "roles[5].aliases: alias `bouncer` is the name of roles `club-bouncer`, `doorman`: naming a role by it lists those roles, never this one",
            ),
            (
                WarningKind::SharedAlias,
                "roles[5].aliases: alias `ticket checker` is shared by 2 roles: `court-jury-coordinator`, `porter`; naming a role by it lists them instead of choosing one",
            ),
            (
                WarningKind::AliasOfOtherRole,
                "roles[5].aliases: alias `Doorman` is the id of role `doorman`: naming a role by it gives role `doorman`, never this one",
            ),
        ];
        let expected: Vec<(WarningKind, String)> =
            expected.iter().map(|(k, m)| (*k, m.to_string())).collect();
        assert_eq!(warnings, expected);
        // The shared aliases stay, to be answered with their candidates.
        assert_eq!(roles[1].aliases, ["court usher", "Usher", "Ticket checker"]);
    }

    #[test]
    fn past_the_cap_warnings_are_counted_not_written() {
        let pairs = MAX_PROBLEMS + 20;
        let mut roles: Vec<Role> = (0..2 * pairs)
            .map(|i| role(&format!("role-{i}"), &format!("Role {i}")))
            .collect();
        let written = (0..2 * pairs)
            .map(|i| vec![located(&format!("shared {}", i / 2), i)])
            .collect();
        let ids: Vec<Origin> = (0..2 * pairs)
            .map(|at| Origin {
                file: 0,
                path: crate::yaml_path::YamlPath::root().key("roles").index(at),
            })
            .collect();
        let warnings = settle_aliases(&mut roles, written, &ids);
        assert_eq!(warnings.counts[WarningKind::SharedAlias as usize], pairs);
        assert_eq!(warnings.kept.len(), MAX_PROBLEMS);
        // The first ones in data order are the ones kept.
        assert_eq!(warnings.kept[0].1.path.to_string(), "roles[1].aliases");
        assert_eq!(
            warnings.kept[MAX_PROBLEMS - 1].1.path.to_string(),
            format!("roles[{}].aliases", 2 * MAX_PROBLEMS - 1)
        );
    }
}
