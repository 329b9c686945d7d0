//! `Type`: classes, built-in and user-defined.
//!
//! A type owns its namespace (a real `Dict`, so it can be watched like any dict), its
//! bases and C3 MRO, and a version tag. The tag changes whenever the type or any base
//! changes, so a cache keyed by (tag, name) is valid exactly while the tag matches;
//! tag 0 means "no valid version" (see `assign_version`).

use super::{Dict, PyCell, PyStr, Value};
use std::cell::Cell;
use std::rc::{Rc, Weak};

pub type TypeRef = Rc<Type>;

/// What an instance of the type is made of, beyond its `__dict__`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// A plain instance (`Value::Instance` with no built-in part).
    Object,
    /// Instances carry the built-in value of this kind (a subclass of list, int...).
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    ByteArray,
    Complex,
    Enumerate,
    Zip,
    GenericAlias,
    Exception,
    /// Metaclasses: instances are types.
    Type,
    /// Subclasses of `types.ModuleType`: instances are modules (`Value::Module`).
    Module,
    /// A built-in kind whose instances are not `Instance`s and cannot be subclassed.
    Fixed,
}

impl Layout {
    /// The layout of a class with these bases: the one built-in layout among them,
    /// or None when two differ (CPython's "instance lay-out conflict").
    pub fn of_bases(bases: &[TypeRef]) -> Option<Layout> {
        let mut found = Layout::Object;
        for layout in bases.iter().map(|b| b.layout) {
            if layout == Layout::Object || layout == found {
                continue;
            }
            if found != Layout::Object {
                return None;
            }
            found = layout;
        }
        Some(found)
    }
}

pub struct Type {
    pub name: PyCell<Rc<PyStr>>,
    pub qualname: PyCell<Rc<PyStr>>,
    pub bases: PyCell<Vec<TypeRef>>,
    pub mro: PyCell<Vec<TypeRef>>,
    pub dict: Rc<Dict>,
    /// The metaclass, when it is not `type`.
    pub meta: PyCell<Option<TypeRef>>,
    pub layout: Layout,
    /// True for types defined by the runtime: their attributes cannot be set.
    pub builtin: bool,
    /// Names from `__slots__`, and whether instances get a `__dict__`.
    pub slot_names: Vec<Rc<PyStr>>,
    pub has_dict: bool,
    version: Cell<u32>,
    pub subclasses: PyCell<Vec<Weak<Type>>>,
    /// Bit i set: type watcher i watches this type.
    pub watch_mask: tripwire_watchers::WatchMask,
    /// The native constructor of a built-in type (`int(...)`, `list(...)`).
    pub native_new: Option<crate::object::NativeFn>,
    /// What a call of the class needs, worked out at the version tag it holds
    /// (see `Vm::plain_init`); stale as soon as the tag changes.
    pub init_cache: PyCell<InitCache>,
    /// Whether the class defines `__del__`, as (version tag, answer): asked each
    /// time an instance dies, and stale as soon as the tag changes.
    pub del_cache: Cell<(u32, bool)>,
    /// The most attributes an instance's dict has held when it died (capped): new
    /// instances' dicts start with room for that many, so building them up in
    /// `__init__` does not grow the entry vector step by step.
    pub instance_dict_capacity: Cell<u8>,
    pub weakrefs: super::weakref::WeakrefMark,
}

impl Drop for Type {
    fn drop(&mut self) {
        if self.weakrefs.is_set() {
            crate::vm::weakrefs::referent_dying(self as *const Type as usize);
        }
    }
}

/// A class's plain `__init__` and its instances' slot count, valid while the class
/// keeps version `version`. The function is held weakly: the class's namespace (or a
/// base's) keeps it alive while the tag holds, and a strong reference here would be
/// an edge the cycle collector cannot see.
#[derive(Default)]
pub struct InitCache {
    pub version: u32,
    pub init: Option<(Weak<crate::object::Function>, usize)>,
}

thread_local! {
    static NEXT_TYPE_VERSION: Cell<u32> = const { Cell::new(1) };
    /// (type version, name) -> lookup result; a version tag is never reused, so an
    /// entry is valid exactly while its type keeps that tag.
    // ManuallyDrop: entries hold Python values, which must not be destroyed while
    // thread-local storage is being torn down.
    static METHOD_CACHE: std::mem::ManuallyDrop<std::cell::RefCell<[CacheEntry; CACHE_SIZE]>> =
        const { std::mem::ManuallyDrop::new(std::cell::RefCell::new([const { CacheEntry::EMPTY }; CACHE_SIZE])) };
}

const CACHE_SIZE: usize = 4096;

struct CacheEntry {
    version: u32,
    /// Only interned names are cached (they are compared by address).
    name: Option<Rc<PyStr>>,
    value: Option<Value>,
}

impl CacheEntry {
    const EMPTY: CacheEntry = CacheEntry {
        version: 0,
        name: None,
        value: None,
    };
}

#[inline]
fn cache_slot(version: u32, name: &PyStr) -> usize {
    let p = name as *const PyStr as usize;
    ((version as usize).wrapping_mul(0x9E37_79B9) ^ (p >> 4)) & (CACHE_SIZE - 1)
}

impl Type {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        name: &str,
        bases: Vec<TypeRef>,
        mro: Vec<TypeRef>,
        dict: Rc<Dict>,
        layout: Layout,
        builtin: bool,
        slot_names: Vec<Rc<PyStr>>,
        has_dict: bool,
        native_new: Option<crate::object::NativeFn>,
    ) -> Type {
        let name = Rc::new(PyStr::new(name));
        Type {
            name: PyCell::new(name.clone()),
            qualname: PyCell::new(name),
            bases: PyCell::new(bases),
            mro: PyCell::new(mro),
            dict,
            meta: PyCell::new(None),
            layout,
            builtin,
            slot_names,
            has_dict,
            version: Cell::new(0),
            subclasses: PyCell::new(Vec::new()),
            watch_mask: tripwire_watchers::WatchMask::new(),
            native_new,
            init_cache: PyCell::new(InitCache::default()),
            del_cache: Cell::new((0, false)),
            instance_dict_capacity: Cell::new(0),
            weakrefs: Default::default(),
        }
    }

    pub fn name(&self) -> Rc<PyStr> {
        self.name.borrow().clone()
    }

    /// The version tag, assigning a fresh one if the type has none.
    #[inline]
    pub fn version(&self) -> u32 {
        let v = self.version.get();
        if v != 0 {
            return v;
        }
        self.assign_version()
    }

    /// The tag as it is, 0 if none is assigned.
    pub fn raw_version(&self) -> u32 {
        self.version.get()
    }

    /// Give the type a fresh tag, after its bases (as CPython: a type with a valid
    /// tag has bases with valid tags, so a change to a base reaches its subclasses'
    /// watchers).
    pub fn assign_version(&self) -> u32 {
        for base in self.mro.borrow().iter().skip(1) {
            base.version();
        }
        let v = NEXT_TYPE_VERSION.with(|n| {
            let v = n.get();
            // Policy: tags are 32-bit and never reused; on exhaustion (4 billion
            // changes) types keep working uncached, with version 0.
            n.set(v.checked_add(1).unwrap_or(0));
            v
        });
        self.version.set(v);
        v
    }

    /// Drop this type's version tag (see `Vm::type_will_change`, which does it for
    /// the subclasses too).
    pub fn clear_version(&self) {
        self.version.set(0);
    }

    pub fn live_subclasses(&self) -> Vec<TypeRef> {
        let mut subs = self.subclasses.borrow_mut();
        subs.retain(|w| w.strong_count() > 0);
        subs.iter().filter_map(|w| w.upgrade()).collect()
    }

    /// Look a name up along the MRO (no descriptors applied), through the method
    /// cache.
    #[inline]
    pub fn lookup(&self, name: &PyStr) -> Option<Value> {
        let version = self.version();
        if version == 0 {
            return self.lookup_uncached(name);
        }
        let slot = cache_slot(version, name);
        let hit = METHOD_CACHE.with(|c| {
            let c = c.borrow();
            let e = &c[slot];
            if e.version == version && e.name.as_ref().is_some_and(|n| std::ptr::eq(&**n, name)) {
                Some(e.value.clone())
            } else {
                None
            }
        });
        if let Some(v) = hit {
            return v;
        }
        let v = self.lookup_uncached(name);
        let entry = CacheEntry {
            version,
            name: Some(crate::object::str::intern(name.as_str()))
                .filter(|n| std::ptr::eq(&**n, name)),
            value: v.clone(),
        };
        // The evicted value is dropped after the cache is released: its drop may
        // run a weakref callback that looks names up again.
        let evicted = METHOD_CACHE.with(|c| std::mem::replace(&mut c.borrow_mut()[slot], entry));
        drop(evicted);
        v
    }

    /// The MRO walk behind `lookup`.
    pub fn lookup_uncached(&self, name: &PyStr) -> Option<Value> {
        if let Some(v) = self.dict.get_str(name) {
            return Some(v);
        }
        let mro = self.mro.borrow();
        for t in mro.iter().skip(1) {
            if let Some(v) = t.dict.get_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subtype(&self, other: &Type) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        self.mro
            .borrow()
            .iter()
            .any(|t| std::ptr::eq(Rc::as_ptr(t), other))
    }
}

/// C3 linearisation of a class with the given bases; `Err` carries CPython's message.
pub fn c3_mro(this: &TypeRef, bases: &[TypeRef]) -> Result<Vec<TypeRef>, String> {
    let mut seqs: Vec<Vec<TypeRef>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![this.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t.iter().skip(1).any(|x| Rc::ptr_eq(x, cand)));
            if !in_tail {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(next) = found else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].name().as_str().to_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}
