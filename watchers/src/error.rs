//! Registration errors and their messages, which are CPython's word for word (the
//! function kind spells them in lower case, as CPython does).

use crate::event::Kind;
use std::fmt;

/// Why a registration call failed. Core raises the `Full` case as RuntimeError and
/// every other case as ValueError.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WatchError {
    /// All eight slots of the kind are taken.
    Full(Kind),
    /// The id is outside 0..8.
    InvalidId(Kind, i64),
    /// The id is in range but its slot is empty.
    NoWatcher(Kind, i64),
    /// The object to watch is not of the kind (checked before the id).
    NotWatchable(Kind),
}

impl fmt::Display for WatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            WatchError::Full(k) => write!(f, "no more {} watcher IDs available", k.label()),
            WatchError::InvalidId(Kind::Func, id) => write!(f, "invalid func watcher ID {id}"),
            WatchError::InvalidId(k, id) => write!(f, "Invalid {} watcher ID {id}", k.label()),
            WatchError::NoWatcher(Kind::Func, id) => write!(f, "no func watcher set for ID {id}"),
            WatchError::NoWatcher(k, id) => write!(f, "No {} watcher set for ID {id}", k.label()),
            WatchError::NotWatchable(Kind::Dict) => f.write_str("Cannot watch non-dictionary"),
            WatchError::NotWatchable(k) => write!(f, "Cannot watch non-{}", k.label()),
        }
    }
}

impl std::error::Error for WatchError {}

impl WatchError {
    /// Whether CPython raises this as RuntimeError (else ValueError).
    pub fn is_runtime_error(&self) -> bool {
        matches!(self, WatchError::Full(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_cpythons() {
        let cases = [
            (
                WatchError::Full(Kind::Dict),
                "no more dict watcher IDs available",
            ),
            (
                WatchError::Full(Kind::Func),
                "no more func watcher IDs available",
            ),
            (
                WatchError::InvalidId(Kind::Dict, 8),
                "Invalid dict watcher ID 8",
            ),
            (
                WatchError::InvalidId(Kind::Type, -1),
                "Invalid type watcher ID -1",
            ),
            (
                WatchError::InvalidId(Kind::Code, 8),
                "Invalid code watcher ID 8",
            ),
            (
                WatchError::InvalidId(Kind::Func, 8),
                "invalid func watcher ID 8",
            ),
            (
                WatchError::NoWatcher(Kind::Dict, 3),
                "No dict watcher set for ID 3",
            ),
            (
                WatchError::NoWatcher(Kind::Func, 3),
                "no func watcher set for ID 3",
            ),
            (
                WatchError::NotWatchable(Kind::Dict),
                "Cannot watch non-dictionary",
            ),
            (
                WatchError::NotWatchable(Kind::Type),
                "Cannot watch non-type",
            ),
        ];
        for (e, text) in cases {
            assert_eq!(e.to_string(), text);
        }
    }
}
