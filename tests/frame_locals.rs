//! `frame.f_locals` behaviour that the differential corpus cannot hold: deleting and
//! popping through a FrameLocalsProxy follow CPython 3.13.1 and later (gh-125590),
//! while the corpus is re-checked against whatever 3.13 is installed, and 3.13.0
//! refused every delete with TypeError "cannot remove variables from
//! FrameLocalsProxy".

mod common;

fn run(name: &str, src: &str) -> (String, String, i32) {
    common::run_program("frame-locals", name, src)
}

/// What CPython 3.13.1 prints for this program: a fast local, cell or free variable
/// (bound or not) cannot be removed — ValueError "cannot remove local variables from
/// FrameLocalsProxy"; a key written through the proxy that is not a variable is
/// removed from the frame's extra locals; any other key is a KeyError of the key.
/// `pop(key[, default])` follows the same rules, returning the removed value, or the
/// default for a missing key.
#[test]
fn deleting_and_popping_follow_cpython_3_13_1() {
    let (out, err, status) = run(
        "delete_pop",
        r#"
import sys
def outer():
    free = "f"
    def f(a):
        b = 2
        c = 3
        def inner():
            return c
        unbound = None
        del unbound
        free
        p = sys._getframe().f_locals
        p["extra"] = 10
        p[5] = "five"
        for key in ("a", "b", "c", "free", "unbound"):
            try:
                del p[key]
            except ValueError as e:
                print("del", key, type(e).__name__, e)
        del p["extra"]
        print("extra gone", "extra" in p, "extra" in sys._getframe().f_locals)
        del p[5]
        for key in ("extra", "missing", 7):
            try:
                del p[key]
            except KeyError as e:
                print("del", key, type(e).__name__, e)
        p["x1"] = 1
        p["x2"] = 2
        print("pop", p.pop("x1"), "x1" in p)
        print("pop with default", p.pop("x2", "default"), "x2" in p)
        print("pop missing with default", p.pop("missing", "default"))
        for args in (("a",), ("c",), ("free", 0), ("missing",), (), ("x", 1, 2)):
            try:
                p.pop(*args)
            except (ValueError, KeyError, TypeError) as e:
                print("pop", args, type(e).__name__, e)
        print(a, b, c, free, sorted(map(str, p)))
    f(1)
outer()
def no_extras():
    p = sys._getframe().f_locals
    print(p.pop("nothing", None))
    try:
        del p["nothing"]
    except KeyError as e:
        print("no extras", type(e).__name__, e)
no_extras()
"#,
    );
    assert_eq!(err, "");
    assert_eq!(status, 0);
    assert_eq!(
        out,
        "\
del a ValueError cannot remove local variables from FrameLocalsProxy
del b ValueError cannot remove local variables from FrameLocalsProxy
del c ValueError cannot remove local variables from FrameLocalsProxy
del free ValueError cannot remove local variables from FrameLocalsProxy
del unbound ValueError cannot remove local variables from FrameLocalsProxy
extra gone False False
del extra KeyError 'extra'
del missing KeyError 'missing'
del 7 KeyError 7
pop 1 False
pop with default 2 False
pop missing with default default
pop ('a',) ValueError cannot remove local variables from FrameLocalsProxy
pop ('c',) ValueError cannot remove local variables from FrameLocalsProxy
pop ('free', 0) ValueError cannot remove local variables from FrameLocalsProxy
pop ('missing',) KeyError 'missing'
pop () TypeError pop expected at least 1 argument, got 0
pop ('x', 1, 2) TypeError pop expected at most 2 arguments, got 3
1 2 3 f ['a', 'args', 'b', 'c', 'free', 'inner', 'key', 'p']
None
no extras KeyError 'nothing'
"
    );
}
