"""Coroutines passing words along, timed as a pyperf async benchmark."""

import asyncio

import pyperf


async def shout(word):
    await asyncio.sleep(0)
    return word.upper()


async def main():
    words = await asyncio.gather(*(shout(w) for w in "tripwire runs this".split()))
    print(" ".join(words))


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.bench_async_func("async_words", main)
    runner.bench_func("sorted_words", lambda: print(sorted("b c a".split())))
