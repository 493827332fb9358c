//! How a role is named — by its id, its names or its aliases — and what happens when
//! several roles answer to one name.
//!
//! Real catalogues publish alternative labels as they are: some repeat the role's own
//! name, some are shared by two occupations, some are another occupation's name.
//! Loading drops the first kind (they add nothing) and reports the others as warnings
//! (`aliases.rs`). Looking a role up follows one order: an id, then a name, then an
//! alias. A role's own id or name always names it; an alias names its role only when
//! no other role has that id or name; and when several roles answer at the same step,
//! the answer is every candidate, never one picked among equals.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::model::{DataSet, Role, RoleIdx};

/// The form in which role names are compared: trimmed, lowercase and in Unicode NFKC,
/// so that `Chargé de communication` typed with a decomposed `é` (as some keyboards
/// and file systems write it), in capitals, or with a typographic ligature (`ﬁ` for
/// `fi`) or a full-width letter still names the same role, and two names that print
/// alike are one name.
pub fn name_key(text: &str) -> Cow<'_, str> {
    let text = text.trim();
    if text.is_ascii() {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(text.to_ascii_lowercase());
        }
        return Cow::Borrowed(text);
    }
    // Lowercase first: lowercasing a decomposed capital leaves a decomposed letter,
    // which NFKC then composes like the precomposed one. NFKC also folds compatibility
    // forms (ligatures, full-width letters) into the letters they stand for.
    let folded: String = text.to_lowercase().nfkc().collect();
    // A ligature or full-width capital may only lowercase once decomposed.
    Cow::Owned(folded.to_lowercase())
}

/// Result of resolving a role argument typed by a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleLookup {
    /// Exactly one role matches.
    Found(RoleIdx),
    /// Several roles match at the same step; none is picked.
    Ambiguous {
        /// Why they all match.
        reason: Ambiguity,
        /// Every matching role, the closest first.
        roles: Vec<RoleIdx>,
    },
    /// Nothing matches; the closest ids, best first (empty when none is close).
    NotFound(Vec<String>),
}

/// Why several roles answer to what a user typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ambiguity {
    /// It is the name of each of them.
    SharedName,
    /// It is an alias of each of them (and no role's id or name).
    SharedAlias,
    /// It is the initials of each of their ids (`cm` for `community-manager` and
    /// `content-marketer`).
    Initials,
    /// It is the start of an id, a name or an alias of each of them.
    Prefix,
}

/// The initials of an id, the short label the landscape heads its columns with when a
/// role has no one-word alias: `community-manager-agency` → `cma`. Typing them names
/// the role, so every label shown can be typed back.
pub fn initials(id: &str) -> String {
    id.split(['-', '_', '.'])
        .filter_map(|part| part.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How a role holds a name. The order is the order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Claim {
    Id,
    Name,
    /// The alias at this index of the role's aliases.
    Alias(usize),
}

impl Claim {
    /// The step of lookup the claim is matched at.
    pub(super) fn step(self) -> u8 {
        match self {
            Claim::Id => 0,
            Claim::Name => 1,
            Claim::Alias(_) => 2,
        }
    }
}

impl DataSet {
    /// Resolves what a user typed: an id, a name (English or French), an alias, or a
    /// unique prefix of any of them, compared as [`name_key`] does. Exact matches are
    /// tried in that order — ids, then names, then aliases — and the first step that
    /// matches answers; only when none does are prefixes tried. Several roles matching
    /// at one step give [`RoleLookup::Ambiguous`], never a silent pick.
    pub fn lookup_role(&self, query: &str) -> RoleLookup {
        let wanted = name_key(query);
        // Roles matching exactly, by step (names, aliases); ids return at once.
        let mut exact: [Vec<RoleIdx>; 2] = [Vec::new(), Vec::new()];
        // Roles whose id's initials are what was typed.
        let mut by_initials: Vec<RoleIdx> = Vec::new();
        // (characters left to type, role): the fewer, the closer.
        let mut prefixed: Vec<(usize, RoleIdx)> = Vec::new();
        for (index, role) in self.roles.iter().enumerate() {
            if name_key(&role.id) == wanted {
                return RoleLookup::Found(index);
            }
            if wanted.is_empty() {
                continue;
            }
            let mut best_step: Option<u8> = None;
            let mut shortest: Option<usize> = None;
            // The id was compared above; it only counts here as something to complete.
            for (name, claim) in role_names(role) {
                let key = name_key(name);
                if key == wanted {
                    let step = claim.step();
                    best_step = Some(best_step.map_or(step, |s| s.min(step)));
                } else if key.starts_with(wanted.as_ref()) {
                    let left = key[wanted.len()..].chars().count();
                    shortest = Some(shortest.map_or(left, |s| s.min(left)));
                }
            }
            if initials(&role.id) == wanted.as_ref() && role.id.contains(['-', '_', '.']) {
                by_initials.push(index);
            }
            match best_step {
                Some(step) => exact[usize::from(step) - 1].push(index),
                None => {
                    if let Some(left) = shortest {
                        prefixed.push((left, index));
                    }
                }
            }
        }
        let [names, aliases] = exact;
        for (roles, reason) in [
            (names, Ambiguity::SharedName),
            (aliases, Ambiguity::SharedAlias),
            (by_initials, Ambiguity::Initials),
        ] {
            match roles.as_slice() {
                [] => {}
                [one] => return RoleLookup::Found(*one),
                _ => return RoleLookup::Ambiguous { reason, roles },
            }
        }
        match prefixed.as_slice() {
            [] => {
                let ids = self.roles.iter().map(|r| r.id.as_str());
                RoleLookup::NotFound(
                    crate::diagnostics::closest(query, ids)
                        .into_iter()
                        .map(String::from)
                        .collect(),
                )
            }
            [(_, one)] => RoleLookup::Found(*one),
            _ => {
                prefixed.sort_unstable();
                RoleLookup::Ambiguous {
                    reason: Ambiguity::Prefix,
                    roles: prefixed.into_iter().map(|(_, role)| role).collect(),
                }
            }
        }
    }
}

/// Every name a role answers to, with how it holds it: its id, its English and
/// French names, its aliases.
fn role_names(role: &Role) -> impl Iterator<Item = (&str, Claim)> {
    [
        (role.id.as_str(), Claim::Id),
        (role.name.en.as_str(), Claim::Name),
        (role.name.fr.as_str(), Claim::Name),
    ]
    .into_iter()
    .chain(
        role.aliases
            .iter()
            .enumerate()
            .map(|(at, alias)| (alias.as_str(), Claim::Alias(at))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    #[test]
    fn name_keys_fold_compatibility_forms() {
        assert_eq!(name_key("\u{FB01}le"), "file");
        assert_eq!(name_key("ＣＭ"), "cm");
        assert_eq!(name_key("Cafe\u{301}"), name_key("Café"));
    }

    #[test]
    fn name_keys_ignore_case_spaces_and_normal_form() {
        assert_eq!(name_key("  Community Manager "), "community manager");
        assert!(matches!(name_key("cm"), Cow::Borrowed("cm")));
        let composed = "Chargée de communication";
        let decomposed = "Charge\u{301}e de communication";
        assert_ne!(composed, decomposed);
        assert_eq!(name_key(composed), name_key(decomposed));
        assert_eq!(name_key("CHARGÉE DE COMMUNICATION"), name_key(decomposed));
        assert_eq!(name_key("CHARGE\u{301}E"), "chargée");
        assert_ne!(name_key("chargee"), name_key("chargée"));
    }

    fn role(id: &str, name: &str, aliases: &[&str]) -> Role {
        Role {
            id: id.into(),
            name: Text::same(name),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            summary: None,
            tasks: Vec::new(),
        }
    }

    fn data(roles: Vec<Role>) -> DataSet {
        DataSet {
            themes: Vec::new(),
            sources: Vec::new(),
            tasks: Vec::new(),
            roles,
            origin: crate::model::DataOrigin::Bundled,
            language: None,
            synonyms: Vec::new(),
        }
    }

    #[test]
    fn lookup_prefers_ids_then_names_then_aliases_then_prefixes() {
        let data = data(vec![
            role("usher", "Usher", &["door keeper"]),
            role(
                "court-jury-coordinator",
                "Court jury coordinator",
                &["court usher", "usher", "doorman"],
            ),
            role("court-usher", "Court usher", &[]),
            role("bouncer", "Bouncer", &["door keeper"]),
            role("doorman", "Doorman", &["court jury coordinator"]),
            role("courtier", "Courtier", &[]),
        ]);
        // An id, even when it is another role's alias.
        assert_eq!(data.lookup_role("usher"), RoleLookup::Found(0));
        assert_eq!(data.lookup_role(" Doorman "), RoleLookup::Found(4));
        // A name, even when it is another role's alias.
        assert_eq!(data.lookup_role("COURT USHER"), RoleLookup::Found(2));
        assert_eq!(
            data.lookup_role("court jury coordinator"),
            RoleLookup::Found(1)
        );
        // An alias of several roles: all of them, in data order.
        assert_eq!(
            data.lookup_role("Door Keeper"),
            RoleLookup::Ambiguous {
                reason: Ambiguity::SharedAlias,
                roles: vec![0, 3]
            }
        );
        // Closest first (`courtier` needs 3 more letters, `court usher` 6, `court
        // jury coordinator` 17), ties in data order.
        assert_eq!(
            data.lookup_role("court"),
            RoleLookup::Ambiguous {
                reason: Ambiguity::Prefix,
                roles: vec![5, 1, 2, 4]
            }
        );
        assert_eq!(data.lookup_role("boun"), RoleLookup::Found(3));
        assert_eq!(
            data.lookup_role("ushr"),
            RoleLookup::NotFound(vec!["usher".into()])
        );
        assert_eq!(data.lookup_role(""), RoleLookup::NotFound(Vec::new()));
    }

    #[test]
    fn a_name_of_several_roles_is_ambiguous() {
        let data = data(vec![
            role("cm-agency", "Community manager", &[]),
            role("cm-in-house", "Community manager", &[]),
            role("moderator", "Moderator", &["community manager"]),
        ]);
        assert_eq!(
            data.lookup_role("community manager"),
            RoleLookup::Ambiguous {
                reason: Ambiguity::SharedName,
                roles: vec![0, 1]
            }
        );
    }
}
