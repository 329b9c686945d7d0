//! "Did you mean" suggestions: what a printed AttributeError, NameError or
//! ImportError adds after its message, as CPython 3.13 prints it.
//!
//! The matcher compares UTF-8 bytes with a weighted edit distance: inserting or
//! deleting a byte costs 2, replacing it costs 2, or 1 when the two bytes are the
//! same ASCII letter in another case. The common prefix and suffix are set aside
//! first; a name whose remaining middle is longer than 40 bytes, or a candidate's,
//! matches nothing. A candidate is accepted when its distance is at most
//! (len(name) + len(candidate) + 3) * 2 / 6 (integer division, lengths in bytes)
//! and strictly below the best so far, so the first of equals wins. The name itself
//! is never a candidate, and a list of 750 candidates or more gives no suggestion.
//!
//! Candidates are gathered only when a traceback is printed, never when the
//! exception is made: an AttributeError's are `dir(obj)`, a NameError's the
//! innermost traceback frame's locals, then globals, then builtins (with the hint
//! `self.name` first when that frame's `self` has the attribute), an ImportError's
//! `dir()` of the module it named. Names starting with `_` are left out unless the
//! wrong name starts with one too (or, for an attribute, the frame's `self` is the
//! object). A NameError naming a standard-library module also asks whether it was
//! imported. The matcher is also what tripwire-stdlib's `_suggestions` gives CPython's
//! `traceback` module, which gathers candidates the same way from `name` and `obj`
//! and the traceback's frames. Depends on the exception fields (`errors`), frame objects and calls.

use super::Vm;
use crate::object::Value;

/// Candidate lists this long or longer are not searched.
pub const MAX_CANDIDATES: usize = 750;
/// The longest middle (past the common prefix and suffix) that is compared.
const MAX_MIDDLE: usize = 40;
/// The cost of inserting, deleting or replacing a byte.
const MOVE: usize = 2;
/// The cost of replacing an ASCII letter by itself in the other case.
const CASE: usize = 1;

fn replace_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE
    } else {
        MOVE
    }
}

/// The weighted edit distance of `a` and `b` when it is at most `limit`, else
/// something above `limit`.
pub fn distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE;
    }
    if a.len() > MAX_MIDDLE || b.len() > MAX_MIDDLE {
        return limit + 1;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if (long.len() - short.len()) * MOVE > limit {
        return limit + 1;
    }
    // One row of the table per byte of `long`, over the bytes of `short`.
    let mut row: Vec<usize> = (0..=short.len()).map(|j| j * MOVE).collect();
    for (i, &l) in long.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = (i + 1) * MOVE;
        let mut lowest = row[0];
        for (j, &s) in short.iter().enumerate() {
            let here = (diagonal + replace_cost(l, s))
                .min(row[j + 1] + MOVE)
                .min(row[j] + MOVE);
            diagonal = row[j + 1];
            row[j + 1] = here;
            lowest = lowest.min(here);
        }
        if lowest > limit {
            return limit + 1;
        }
    }
    row[short.len()]
}

/// The candidate closest to `name`, if one is close enough.
pub fn best_match<'a>(candidates: &[&'a str], name: &str) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for &candidate in candidates {
        if candidate == name {
            continue;
        }
        let mut limit = (name.len() + candidate.len() + 3) * MOVE / 6;
        if let Some((_, d)) = best {
            limit = limit.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), candidate.as_bytes(), limit);
        if d <= limit {
            best = Some((candidate, d));
        }
    }
    best.map(|(c, _)| c)
}

/// A frame's variables, (name, value).
type Variables = Vec<(String, Value)>;

/// The str items of a list value (anything else is skipped).
fn str_items(v: &Value) -> Vec<String> {
    match v {
        Value::List(l) => l
            .items
            .borrow()
            .iter()
            .filter_map(|x| x.as_str().map(|s| s.as_str().to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

fn public(names: Vec<String>, wrong: &str) -> Vec<String> {
    if wrong.starts_with('_') {
        names
    } else {
        names.into_iter().filter(|n| !n.starts_with('_')).collect()
    }
}

fn pick(names: &[String], wrong: &str) -> Option<String> {
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    best_match(&refs, wrong).map(str::to_string)
}

impl Vm {
    /// What the last line of a printed traceback of `exc` adds after its message
    /// (empty when nothing): `. Did you mean: 'x'?` and, for a NameError naming a
    /// standard module, whether it was imported.
    pub fn suggestion_note(&mut self, exc: &Value) -> String {
        let cls = self.type_of(exc);
        let t = self.types;
        if cls.is_subtype(&t.import_error) {
            let Some(wrong) = self.str_field(exc, "name_from") else {
                return String::new();
            };
            return self
                .import_candidates(exc, &wrong)
                .and_then(|names| pick(&names, &wrong))
                .map(|s| format!(". Did you mean: '{s}'?"))
                .unwrap_or_default();
        }
        let is_name_error = cls.is_subtype(&t.name_error);
        if !is_name_error && !cls.is_subtype(&t.attribute_error) {
            return String::new();
        }
        let Some(wrong) = self.str_field(exc, "name") else {
            return String::new();
        };
        let found = if is_name_error {
            self.name_suggestion(exc, &wrong)
        } else {
            self.attribute_candidates(exc, &wrong)
                .and_then(|names| pick(&names, &wrong))
        };
        let mut note = match &found {
            Some(s) => format!(". Did you mean: '{s}'?"),
            None => String::new(),
        };
        if is_name_error && crate::modules::sys::is_stdlib_module(&wrong) {
            note.push_str(&match found {
                Some(_) => format!(" Or did you forget to import '{wrong}'?"),
                None => format!(". Did you forget to import '{wrong}'?"),
            });
        }
        note
    }

    /// The exception's attribute `name` when it is a str.
    fn str_field(&mut self, exc: &Value, name: &str) -> Option<String> {
        let key = self.intern(name);
        match self.get_attr_opt(exc, &key) {
            Ok(Some(Value::Str(s))) => Some(s.as_str().to_string()),
            Ok(_) => None,
            Err(_) => None,
        }
    }

    /// `dir()` of `v` through the builtin (None if it fails).
    fn dir_of(&mut self, v: &Value) -> Option<Vec<String>> {
        let dir = self.builtins.get_str(&self.intern("dir"))?;
        self.call(&dir, std::slice::from_ref(v), &[])
            .ok()
            .map(|names| str_items(&names))
    }

    fn attribute_candidates(&mut self, exc: &Value, wrong: &str) -> Option<Vec<String>> {
        let obj = exc_data_field(exc, |d| d.obj.clone());
        let names = self.dir_of(&obj)?;
        let own = match self.innermost_self(exc) {
            Some(this) => this.is(&obj),
            None => false,
        };
        Some(if own { names } else { public(names, wrong) })
    }

    fn import_candidates(&mut self, exc: &Value, wrong: &str) -> Option<Vec<String>> {
        let module_name = self.str_field(exc, "name")?;
        let import = self.builtins.get_str(&self.intern("__import__"))?;
        let module = self.call(&import, &[Value::str(&module_name)], &[]).ok()?;
        Some(public(self.dir_of(&module)?, wrong))
    }

    /// `self.wrong` when the innermost frame's `self` has it, else the closest of
    /// that frame's locals, globals and builtins.
    fn name_suggestion(&mut self, exc: &Value, wrong: &str) -> Option<String> {
        let (locals, globals) = self.innermost_namespaces(exc)?;
        if let Some(this) = locals.iter().find(|(k, _)| k == "self").map(|(_, v)| v) {
            let key = self.intern(wrong);
            if let Ok(Some(_)) = self.get_attr_opt(&this.clone(), &key) {
                return Some(format!("self.{wrong}"));
            }
        }
        let mut names: Vec<String> = locals.into_iter().map(|(k, _)| k).collect();
        names.extend(globals);
        for k in self.builtins.keys() {
            if let Value::Str(s) = k {
                names.push(s.as_str().to_string());
            }
        }
        pick(&names, wrong)
    }

    /// The innermost traceback frame's `self`, when its variables were kept.
    fn innermost_self(&mut self, exc: &Value) -> Option<Value> {
        let (locals, _) = self.innermost_namespaces(exc)?;
        locals
            .into_iter()
            .find(|(k, _)| k == "self")
            .map(|(_, v)| v)
    }

    /// The innermost traceback frame's local variables (name, value) and global
    /// names; None without a traceback. A frame whose variables were not kept
    /// shows none, unless it is a module's (its locals are its globals).
    fn innermost_namespaces(&mut self, exc: &Value) -> Option<(Variables, Vec<String>)> {
        let entry = exc_data_field(exc, |d| d.traceback.back().cloned())?;
        let keys = |d: &crate::object::Dict| -> Vec<String> {
            d.keys()
                .into_iter()
                .filter_map(|k| k.as_str().map(|s| s.as_str().to_string()))
                .collect()
        };
        let globals = keys(&entry.globals);
        let locals: Variables = match &entry.frame {
            Some(frame) => self
                .frame_variables(frame)
                .into_iter()
                .filter_map(|(k, v)| k.as_str().map(|s| (s.as_str().to_string(), v)))
                .collect(),
            None if entry.code.flags & crate::code::flags::NAMESPACE != 0 => entry
                .globals
                .items()
                .into_iter()
                .filter_map(|(k, v)| k.as_str().map(|s| (s.as_str().to_string(), v)))
                .collect(),
            None => Vec::new(),
        };
        Some((locals, globals))
    }
}

/// A field of an exception's built-in state (the default when `exc` is not one).
fn exc_data_field<T: Default>(exc: &Value, f: impl FnOnce(&crate::object::ExcData) -> T) -> T {
    match super::errors::exc_data(exc) {
        Some(d) => f(&d.borrow()),
        None => T::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::{best_match, distance};

    fn d(a: &str, b: &str) -> usize {
        distance(a.as_bytes(), b.as_bytes(), usize::MAX / 2)
    }

    #[test]
    fn costs() {
        assert_eq!(d("abc", "abc"), 0);
        assert_eq!(d("abc", "abd"), 2);
        assert_eq!(d("abc", "aBc"), 1);
        assert_eq!(d("abc", "ABC"), 3);
        assert_eq!(d("ab", "abc"), 2);
        assert_eq!(d("abc", "ab"), 2);
        assert_eq!(d("ab", "ba"), 4);
        assert_eq!(d("", "abc"), 6);
        // Bytes, not characters: é and É differ in their second byte only.
        assert_eq!(d("é", "É"), 2);
        assert_eq!(d("é", "e"), 4);
    }

    #[test]
    fn cut_offs() {
        fn one<'a>(name: &str, c: &'a str) -> Option<&'a str> {
            best_match(&[c], name)
        }
        assert_eq!(one("a", "b"), None);
        assert_eq!(one("a", "A"), Some("A"));
        assert_eq!(one("ab", "ac"), Some("ac"));
        assert_eq!(one("abc", "xbd"), None);
        assert_eq!(one("abcdef", "xbcdey"), Some("xbcdey"));
        assert_eq!(one("abcdef", "xbcdyz"), None);
        assert_eq!(one("abc", "ABC"), Some("ABC"));
        assert_eq!(one("abcd", "ABCD"), None);
        assert_eq!(one("ab", "abcd"), None);
        assert_eq!(one("abcd", "abcdef"), Some("abcdef"));
        assert_eq!(one("abcdef", "abc"), None);
        assert_eq!(one("aé", "ae"), None);
        assert_eq!(one("", "a"), None);
        assert_eq!(one("foo", "foo"), None);
    }

    #[test]
    fn long_middles_match_nothing() {
        for (m, found) in [(40, true), (41, false)] {
            let name = format!("zb{}bz", "a".repeat(m - 2));
            let c = format!("zc{}cz", "a".repeat(m - 2));
            assert_eq!(best_match(&[&c], &name).is_some(), found, "middle {m}");
        }
        // A long name with a short difference still matches.
        let name = "x".repeat(60) + "a";
        let c = "x".repeat(60) + "b";
        assert_eq!(best_match(&[&c], &name), Some(c.as_str()));
        // One middle of 41 bytes is enough to match nothing.
        let name = format!("b{}b", "a".repeat(39));
        let c = format!("c{}c", "a".repeat(38));
        assert_eq!(best_match(&[&c], &name), None);
    }

    #[test]
    fn first_of_equals_and_the_closest_win() {
        assert_eq!(best_match(&["xy", "xz"], "x"), Some("xy"));
        assert_eq!(best_match(&["xz", "xy"], "x"), Some("xz"));
        assert_eq!(best_match(&["fo", "Foo"], "foo"), Some("Foo"));
        assert_eq!(best_match(&["foo", "fooo"], "foo"), Some("fooo"));
    }

    #[test]
    fn too_many_candidates() {
        let mut names: Vec<String> = (0..748).map(|i| format!("q{i}")).collect();
        names.push("abcd".into());
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(best_match(&refs, "abce"), Some("abcd"));
        names.insert(0, "q".into());
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(best_match(&refs, "abce"), None);
    }
}
