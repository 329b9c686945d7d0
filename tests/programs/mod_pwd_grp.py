# pwd and grp: lookups by id and name, the full listings, the structured
# sequences' shape, and CPython's KeyError / TypeError / OverflowError messages.
import grp
import pwd

root = pwd.getpwuid(0)
print(type(root), type(root).__module__, type(root).__name__)
print(root.pw_name, root.pw_uid, root[2], root.pw_gid == root[3], len(root))
print(root.n_fields, root.n_sequence_fields, root.n_unnamed_fields, root.__match_args__)
print(pwd.getpwnam(root.pw_name) == root, root in pwd.getpwall())
print(all(isinstance(x, str) for x in (root.pw_passwd, root.pw_gecos, root.pw_dir, root.pw_shell)))
print(type(pwd.getpwall()), all(type(p) is pwd.struct_passwd for p in pwd.getpwall()))

group = grp.getgrgid(0)
print(type(group), group.gr_gid, type(group.gr_mem), len(group))
print(grp.getgrnam(group.gr_name) == group, group in grp.getgrall())
print(group.n_fields, group.__match_args__)
print(all(type(g) is grp.struct_group and all(isinstance(m, str) for m in g.gr_mem)
          for g in grp.getgrall()))

made = pwd.struct_passwd(('ann', 'x', 1000, 100, 'Ann', '/home/ann', '/bin/sh'))
print(made)
print(made.pw_dir, made[1:3], made.__reduce__())
print(grp.struct_group(['staff', '*', 50, ['ann', 'bob']]))
match made:
    case pwd.struct_passwd(pw_name=name, pw_uid=uid):
        print('matched', name, uid)
for attempt in (lambda: setattr(made, 'pw_uid', 3), lambda: setattr(made, 'other', 3)):
    try:
        attempt()
    except AttributeError as e:
        print('AttributeError', 'readonly' in str(e) or 'no attribute' in str(e))

calls = [
    (pwd.getpwuid, (99999,)), (pwd.getpwuid, (-1,)), (pwd.getpwuid, (-5,)),
    (pwd.getpwuid, (2**40,)), (pwd.getpwuid, (2**70,)), (pwd.getpwuid, ('0',)),
    (pwd.getpwuid, (1.5,)), (pwd.getpwnam, ('no such user',)), (pwd.getpwnam, (5,)),
    (pwd.getpwnam, ('a\0b',)), (grp.getgrgid, (99999,)), (grp.getgrgid, (-1,)),
    (grp.getgrgid, ('x',)), (grp.getgrgid, (-5,)), (grp.getgrgid, (2**40,)),
    (grp.getgrgid, (2**70,)), (grp.getgrnam, ('no such group',)), (grp.getgrnam, (3,)),
    (grp.getgrnam, ('a\0b',)), (pwd.getpwuid, ()), (pwd.getpwuid, (1, 2)),
    (grp.getgrgid, ()), (grp.getgrgid, (1, 2)), (grp.getgrnam, ()),
    (pwd.getpwall, (1,)), (grp.getgrall, (1,)),
    (pwd.struct_passwd, ((1, 2),)), (grp.struct_group, ((1, 2, 3, 4, 5),)),
    (pwd.struct_passwd, (5,)), (pwd.struct_passwd, (range(7), 5)),
]
for f, args in calls:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, repr(e))
for call in (lambda: pwd.getpwuid(uid=0), lambda: pwd.getpwnam(name='root')):
    try:
        call()
    except TypeError as e:
        print(e)
print(grp.getgrgid(id=0) == group, grp.getgrnam(name=group.gr_name) == group)
