//! Invalidation trace records: every event that reaches the optimizer and what it
//! did about it (which units and guard sites, which action, and why), written as
//! text for people and diffs or as JSON lines for tools. Records name objects and
//! units the way the event trace does (kind, name, serial in order of first
//! appearance), so a trace is identical from run to run: no addresses, no times, no
//! hash order. Sites are listed in ascending order whatever order the index gave.
//!
//! Depends on tripwire-watchers (through core) for JSON string quoting.

use std::fmt::Write;
use tripwire_core::watchers::trace::json_str;

/// What the optimizer did to a unit (or one of its frames) because of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActionKind {
    /// Guard sites turned into unconditional exits; the rest of the unit stays.
    Patched,
    /// The whole unit was dropped; its entry goes back to the interpreter.
    Invalidated,
    /// A frame running the unit was rebuilt as interpreter frames.
    DeoptimisedFrame,
    /// The unit was compiled again.
    Recompiled,
    /// The event reached the optimizer and changed nothing (re-checked and still
    /// true, or nothing depends on it).
    Ignored,
}

impl ActionKind {
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::Patched => "patched",
            ActionKind::Invalidated => "invalidated",
            ActionKind::DeoptimisedFrame => "deoptimised-frame",
            ActionKind::Recompiled => "recompiled",
            ActionKind::Ignored => "ignored",
        }
    }
}

/// One action of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub kind: ActionKind,
    /// The unit's stable name (`unit#2 f`), empty for an ignored event that touched
    /// no unit.
    pub unit: String,
    /// The guard sites concerned, by number.
    pub sites: Vec<u32>,
    pub why: String,
}

/// An event and everything done about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub seq: u64,
    /// `dict.modified`, `func.modify_code`, `guard.failed`...
    pub event: String,
    /// The object's stable name (`dict#3`, `function f#5`).
    pub object: String,
    /// Event details already rendered without addresses (`key='x'`).
    pub detail: String,
    pub actions: Vec<Action>,
}

impl Record {
    /// The text form: the event line, then one indented line per action.
    ///
    /// ```text
    ///    5 dict.modified          dict#3 key='x'
    ///        invalidated          unit#1 f sites=2,4: global 'x' rebound
    /// ```
    pub fn text(&self) -> String {
        let mut s = format!("{:>4} {:<22} {}", self.seq, self.event, self.object);
        if !self.detail.is_empty() {
            let _ = write!(s, " {}", one_line(&self.detail));
        }
        for a in self.sorted_actions() {
            let _ = write!(s, "\n       {:<20} {}", a.kind.label(), a.unit);
            if !a.sites.is_empty() {
                let sites: Vec<String> = a.sites.iter().map(u32::to_string).collect();
                let _ = write!(s, " sites={}", sites.join(","));
            }
            match (a.unit.is_empty(), a.why.is_empty()) {
                (_, true) => {}
                (true, false) => s.push_str(&one_line(&a.why)),
                (false, false) => {
                    let _ = write!(s, ": {}", one_line(&a.why));
                }
            }
        }
        s
    }

    /// The JSON-lines form: one object, actions in an array.
    pub fn json(&self) -> String {
        let mut s = format!(
            "{{\"seq\":{},\"event\":{},\"object\":{},\"detail\":{},\"actions\":[",
            self.seq,
            json_str(&self.event),
            json_str(&self.object),
            json_str(&self.detail)
        );
        for (i, a) in self.sorted_actions().iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            let sites: Vec<String> = a.sites.iter().map(u32::to_string).collect();
            let _ = write!(
                s,
                "{{\"action\":{},\"unit\":{},\"sites\":[{}],\"why\":{}}}",
                json_str(a.kind.label()),
                json_str(&a.unit),
                sites.join(","),
                json_str(&a.why)
            );
        }
        s.push_str("]}");
        s
    }

    /// Actions in a stable order (by unit, then kind), sites ascending: the order in
    /// which an index reports dependents is not part of the trace.
    fn sorted_actions(&self) -> Vec<Action> {
        let mut actions = self.actions.clone();
        for a in &mut actions {
            a.sites.sort_unstable();
            a.sites.dedup();
        }
        actions.sort_by(|a, b| (&a.unit, a.kind).cmp(&(&b.unit, b.kind)));
        actions
    }
}

/// Newlines and other control characters escaped, so one record's line is one line
/// whatever a name or repr holds.
fn one_line(s: &str) -> String {
    s.escape_debug()
        .to_string()
        .replace("\\'", "'")
        .replace("\\\"", "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            seq: 5,
            event: "dict.modified".into(),
            object: "dict#3".into(),
            detail: "key='x'".into(),
            actions: vec![
                Action {
                    kind: ActionKind::Invalidated,
                    unit: "unit#2 g".into(),
                    sites: vec![],
                    why: "global 'x' rebound".into(),
                },
                Action {
                    kind: ActionKind::Patched,
                    unit: "unit#1 f".into(),
                    sites: vec![4, 2, 4],
                    why: "global 'x' rebound".into(),
                },
            ],
        }
    }

    #[test]
    fn text_is_stable_whatever_order_the_index_gave() {
        let mut r = record();
        let first = r.text();
        r.actions.reverse();
        assert_eq!(r.text(), first);
        assert_eq!(
            first,
            "   5 dict.modified          dict#3 key='x'\n       patched              unit#1 f sites=2,4: global 'x' rebound\n       invalidated          unit#2 g: global 'x' rebound"
        );
    }

    #[test]
    fn a_newline_in_a_name_stays_on_its_line() {
        let mut r = record();
        r.detail = "key='a\nb'".into();
        assert_eq!(r.text().lines().count(), 3);
        assert!(r.text().contains("key='a\\nb'"));
    }

    #[test]
    fn json_lines_hold_every_field() {
        let line = record().json();
        assert!(!line.contains('\n'));
        assert_eq!(
            line,
            "{\"seq\":5,\"event\":\"dict.modified\",\"object\":\"dict#3\",\"detail\":\"key='x'\",\"actions\":[{\"action\":\"patched\",\"unit\":\"unit#1 f\",\"sites\":[2,4],\"why\":\"global 'x' rebound\"},{\"action\":\"invalidated\",\"unit\":\"unit#2 g\",\"sites\":[],\"why\":\"global 'x' rebound\"}]}"
        );
    }
}
