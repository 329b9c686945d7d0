# The calendar side of time: struct_time, gmtime, localtime/mktime round trips,
# strftime, asctime and the zone constants (their values depend on the machine's
# zone, so only their types are printed).
import time

t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], len(t), t[:3], tuple(t) == t, t.tm_zone, t.tm_gmtoff)
print(time.gmtime(0), time.gmtime(-86400.5)[:6])
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %A %b %B %%", t))
print(time.strftime("%d/%m/%y", (2024, 2, 29, 0, 0, 0, 3, 60, 0)))
print(time.asctime(t), "|", time.asctime((2024, 1, 5, 9, 8, 7, 4, 5, 0)))
for secs in [0, 1700000000, 1234567890.75]:
    local = time.localtime(secs)
    print(time.mktime(local) == int(secs), isinstance(local, time.struct_time))
print(time.ctime(1700000000) == time.asctime(time.localtime(1700000000)))
print(type(time.timezone), type(time.altzone), time.daylight in (0, 1), len(time.tzname))
st = time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0))
print(st, st.tm_zone, st.n_fields, st.n_sequence_fields, time.struct_time.__module__)
print(time.strftime("%H:%M", st), time.localtime()[0] >= 2024)
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0)]:
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in [(1, 2, 3), "nine"]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    time.gmtime(1e300)
except OverflowError as e:
    print("OverflowError:", e)
