# Sorting needs working memory in proportion to the list (here more than the
# address-space limit leaves): where it cannot be had, the sort raises
# MemoryError and leaves the list as it was. CPython holds an item in half the
# space and sorts it; either way the list holds the same items after, which is
# what is printed.
items = [0.5, 0] * 50_000_000
for key, reverse in [(None, False), (abs, True)]:
    try:
        items.sort(key=key, reverse=reverse)
    except MemoryError:
        pass
    print(len(items), items.count(0), sum(items), min(items), max(items))
print("the program goes on")
