# resource: limits read and set (restored after), usage as resource.struct_rusage,
# and CPython's errors.
import resource
print(sorted(n for n in dir(resource) if not n.startswith('__')))
print(resource.RLIMIT_NOFILE, resource.RLIM_INFINITY, resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft), soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft - 1, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE)[0] == soft - 1)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r), r.n_fields, r.n_sequence_fields, type(r.ru_utime), type(r.ru_maxrss), len(r), r.__match_args__)
print(resource.struct_rusage(range(16)))
print(resource.getpagesize() > 0, resource.error is OSError)
print(resource.prlimit(0, resource.RLIMIT_NOFILE) == (soft, hard))
for f in [lambda: resource.getrlimit(99), lambda: resource.getrlimit(-1), lambda: resource.getrlimit('x'), lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1,)),
          lambda: resource.setrlimit(resource.RLIMIT_NOFILE, 5), lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (hard + 1 if hard != resource.RLIM_INFINITY else 10, 5)), lambda: resource.setrlimit(99, (1, 1)),
          lambda: resource.getrusage(99), lambda: resource.getrusage('x'), lambda: resource.setrlimit(resource.RLIMIT_NOFILE, ('a', 1)),
          lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (-5, 1)), lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (2**70, 1)),
          lambda: resource.getrlimit(), lambda: resource.struct_rusage((1,2)), lambda: resource.prlimit(0, 99), lambda: resource.prlimit(-1, 1), lambda: resource.getrlimit(2**40),
          lambda: resource.setrlimit(resource.RLIMIT_CORE, [1, 2, 3])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
