//! The optimizer's Python API (`import tripwire_optimizer`): what a strategy
//! experiment written in Python sees of compiled loops, invalidations and traces.

mod common;

fn run_with_optimizer(src: &str) -> (String, String, i32) {
    let dir = std::env::temp_dir().join(format!("tripwire-optimizer-api-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("api.py");
    std::fs::write(&path, src).expect("write program");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .args(["run", "--opt", "--hot-loops=64"])
        .arg(&path)
        .output()
        .expect("run tripwire");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

const PROGRAM: &str = r#"
import tripwire_optimizer as opt
LIMIT = 3

def g(n):
    t = 0
    for i in range(n):
        t += LIMIT
    return t

print(opt.is_compiled(g))
print(g(2000))
print(opt.is_compiled(g))
opt.record_trace()
LIMIT = 4
print(g(2000))
for r in opt.trace():
    print(r["seq"] > 0, r["event"], r["object"], r["detail"],
          [(a["action"], a["unit"], a["sites"], a["why"]) for a in r["actions"]])
opt.record_trace(False)
print(opt.trace())
print(g(2000), opt.is_compiled(g))
print(opt.invalidate(g), opt.is_compiled(g))
s = opt.stats()
print(s["units_compiled"], s["recompiles"], s["invalidations"], s["invalidations.dict.modified"])
print(opt.options().split()[:2])
try:
    opt.is_compiled(3)
except TypeError as e:
    print(e)
"#;

#[test]
fn a_python_script_sees_compiles_invalidations_and_the_trace() {
    let (stdout, stderr, status) = run_with_optimizer(PROGRAM);
    assert_eq!(status, 0, "{stderr}");
    let expected = "\
False
6000
True
8000
True dict.modified globals of __main__ key='LIMIT' [('patched', 'unit#0 g', [0], \"global 'LIMIT': assumption broke\")]
True unit.exit g at 9  [('deoptimised-frame', 'unit#0 g', [], 'reached a patched guard site')]
True loop.hot g at 9  [('recompiled', 'unit#1 g', [], 'hot again')]
[]
8000 True
1 False
2 1 1 1
['--dep-index=exact', '--invalidate=patch']
is_compiled() argument must be a function, not int
";
    assert_eq!(stdout, expected);
}

#[test]
fn without_the_optimizer_the_module_is_not_there() {
    let (stdout, stderr, status) = common::run_program_with(
        "optimizer-api",
        "absent",
        "try:\n    import tripwire_optimizer\nexcept ImportError as e:\n    print(type(e).__name__, e)\n",
        &["--no-opt"],
    );
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(
        stdout,
        "ModuleNotFoundError No module named 'tripwire_optimizer'\n"
    );
}

const POLYMORPHIC: &str = r#"
import tripwire_optimizer as opt

class A:
    def __init__(self): self.size = 1
class B(A): pass
class C(A): pass
class D:
    __slots__ = ("size",)
    def __init__(self): self.size = 4
class E(A): pass

def total(shapes):
    t = 0
    for r in range(500):
        for s in shapes:
            t += s.size
    return t

def guard_deopts():
    return opt.stats().get("deopts.attribute guard", 0)

print(total([A(), B(), C(), D()]), opt.stats()["attribute_fills"], guard_deopts())
print(total([A(), B(), C(), D(), E()]), guard_deopts() > 0)
"#;

#[test]
fn an_attribute_site_holds_four_classes_and_leaves_at_a_fifth() {
    let (stdout, stderr, status) = common::run_program_with(
        "optimizer-api",
        "polymorphic",
        POLYMORPHIC,
        &["--hot-loops=64"],
    );
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(stdout, "3500 4 0\n4000 True\n");
}
