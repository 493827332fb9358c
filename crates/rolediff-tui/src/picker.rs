//! The role picker's state: a typed query and the roles that match it, ranked as fzf
//! and television rank theirs.

use rolediff::model::{DataSet, RoleIdx};
use rolediff::text::fold::fold;

use crate::action::Side;

/// The role picker: a typed query and the roles that match it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePicker {
    /// The side whose role is picked.
    pub side: Side,
    /// What was typed.
    pub query: String,
    /// Roles matching the query, best first ([`match_rank`]), then in data order.
    pub matches: Vec<RoleIdx>,
    /// Index in `matches` under the cursor.
    pub cursor: usize,
}

impl RolePicker {
    /// Recomputes the matches: the roles whose id, a name or an alias matches the
    /// folded query, ranked as fzf and television do: exact, then prefix, then at the
    /// start of a word, then anywhere, then the query's letters in order (fuzzy).
    pub fn refresh(&mut self, data: &DataSet) {
        let query = fold(self.query.trim());
        let mut ranked: Vec<((MatchRank, u8, usize), RoleIdx)> = (0..data.roles.len())
            .filter_map(|r| {
                let role = &data.roles[r];
                if query.is_empty() {
                    return Some(((MatchRank::Exact, 0, 0), r));
                }
                // A match in an alias counts one step less than the same match in the
                // name the list shows (`nurse` finds the specialist nurse before the nanny,
                // a nursemaid); within a rank the name comes first, then the id, then the
                // aliases; then shorter names: `cm` before `cm-agency`.
                [(role.name.en.as_str(), 0), (role.name.fr.as_str(), 0)]
                    .into_iter()
                    .chain([(role.id.as_str(), 1)])
                    .chain(role.aliases.iter().map(|a| (a.as_str(), 2)))
                    .filter_map(|(name, field)| {
                        let name = fold(name);
                        let rank = match_rank(&name, &query)?;
                        let rank = if field == 2 { rank.weaker() } else { rank };
                        Some((rank, field, name.len()))
                    })
                    .min()
                    .map(|best| (best, r))
            })
            .collect();
        // Stable: equal ranks keep the data order.
        ranked.sort_by_key(|&(rank, _)| rank);
        self.matches = ranked.into_iter().map(|(_, r)| r).collect();
        self.cursor = self.cursor.min(self.matches.len().saturating_sub(1));
    }
}

/// How well a name matches a query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchRank {
    /// The whole name.
    Exact,
    /// The name starts with the query.
    Prefix,
    /// A word of the name starts with it.
    WordStart,
    /// It is somewhere in the name.
    Substring,
    /// Its characters are in the name in order, with gaps (`cmgr` in `community manager`).
    Subsequence,
}

impl MatchRank {
    /// The next rank down (the last stays).
    pub fn weaker(self) -> Self {
        match self {
            MatchRank::Exact => MatchRank::Prefix,
            MatchRank::Prefix => MatchRank::WordStart,
            MatchRank::WordStart => MatchRank::Substring,
            MatchRank::Substring | MatchRank::Subsequence => MatchRank::Subsequence,
        }
    }
}

/// How `name` matches `query` (both folded), if it does.
pub fn match_rank(name: &str, query: &str) -> Option<MatchRank> {
    if name == query {
        return Some(MatchRank::Exact);
    }
    if name.starts_with(query) {
        return Some(MatchRank::Prefix);
    }
    let word_start = name.match_indices(query).any(|(at, _)| {
        name[..at]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_alphanumeric())
    });
    if word_start {
        return Some(MatchRank::WordStart);
    }
    if name.contains(query) {
        return Some(MatchRank::Substring);
    }
    let mut letters = name.chars();
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| letters.any(|c| c == q))
        .then_some(MatchRank::Subsequence)
}
