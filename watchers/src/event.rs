//! The four kinds of watched object, their event vocabularies, and the events that
//! core dispatches, generic over core's handle types (`Handles`).

/// The kinds of object that can be watched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Dict,
    Type,
    Func,
    Code,
}

impl Kind {
    /// The word CPython's messages use ("dict", "type", "func", "code").
    pub fn label(self) -> &'static str {
        match self {
            Kind::Dict => "dict",
            Kind::Type => "type",
            Kind::Func => "func",
            Kind::Code => "code",
        }
    }
}

/// What happened to a watched dict (CPython's `PyDict_WatchEvent`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DictEventKind {
    Added,
    Modified,
    Deleted,
    Cloned,
    Cleared,
    Deallocated,
}

/// What happened to a function (CPython's `PyFunction_WatchEvent`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FuncEventKind {
    Create,
    Destroy,
    ModifyCode,
    ModifyDefaults,
    ModifyKwdefaults,
}

/// What happened to a code object (CPython's `PyCodeEvent`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeEventKind {
    Create,
    Destroy,
}

impl DictEventKind {
    pub const ALL: [DictEventKind; 6] = [
        DictEventKind::Added,
        DictEventKind::Modified,
        DictEventKind::Deleted,
        DictEventKind::Cloned,
        DictEventKind::Cleared,
        DictEventKind::Deallocated,
    ];

    /// The lowercase name Python callbacks receive.
    pub fn name(self) -> &'static str {
        match self {
            DictEventKind::Added => "added",
            DictEventKind::Modified => "modified",
            DictEventKind::Deleted => "deleted",
            DictEventKind::Cloned => "cloned",
            DictEventKind::Cleared => "cleared",
            DictEventKind::Deallocated => "deallocated",
        }
    }
}

impl FuncEventKind {
    pub const ALL: [FuncEventKind; 5] = [
        FuncEventKind::Create,
        FuncEventKind::Destroy,
        FuncEventKind::ModifyCode,
        FuncEventKind::ModifyDefaults,
        FuncEventKind::ModifyKwdefaults,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FuncEventKind::Create => "create",
            FuncEventKind::Destroy => "destroy",
            FuncEventKind::ModifyCode => "modify_code",
            FuncEventKind::ModifyDefaults => "modify_defaults",
            FuncEventKind::ModifyKwdefaults => "modify_kwdefaults",
        }
    }
}

impl CodeEventKind {
    pub const ALL: [CodeEventKind; 2] = [CodeEventKind::Create, CodeEventKind::Destroy];

    pub fn name(self) -> &'static str {
        match self {
            CodeEventKind::Create => "create",
            CodeEventKind::Destroy => "destroy",
        }
    }
}

/// The handle types of an object model: core sets them to its `Rc`s and `Value`.
pub trait Handles: 'static {
    type Dict;
    type Type;
    type Func;
    type Code;
    /// Keys and values carried by events.
    type Value;
}

/// A dict event: `key` is the key (the source dict for `Cloned`), `value` the new
/// value (`Added`, `Modified`); both are `None` where the event has none.
pub struct DictEvent<H: Handles> {
    pub kind: DictEventKind,
    pub dict: H::Dict,
    pub key: Option<H::Value>,
    pub value: Option<H::Value>,
}

/// A type was modified (the only type event).
pub struct TypeEvent<H: Handles> {
    pub ty: H::Type,
}

/// A function event; `value` is the incoming value of a `Modify*` event.
pub struct FuncEvent<H: Handles> {
    pub kind: FuncEventKind,
    pub func: H::Func,
    pub value: Option<H::Value>,
}

/// A code object was created or is being destroyed.
pub struct CodeEvent<H: Handles> {
    pub kind: CodeEventKind,
    pub code: H::Code,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_lowercase_and_distinct() {
        let names: Vec<&str> = DictEventKind::ALL
            .iter()
            .map(|e| e.name())
            .chain(FuncEventKind::ALL.iter().map(|e| e.name()))
            .collect();
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
        assert_eq!(DictEventKind::Cloned.name(), "cloned");
        assert_eq!(FuncEventKind::ModifyKwdefaults.name(), "modify_kwdefaults");
        assert_eq!(CodeEventKind::Destroy.name(), "destroy");
    }
}
