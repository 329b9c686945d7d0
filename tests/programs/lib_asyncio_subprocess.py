# asyncio's subprocesses: create_subprocess_exec / _shell with pipes, the exit
# status through the child watcher, a missing program, a timeout.
import asyncio
import asyncio.subprocess as aio_subprocess


async def main():
    p = await asyncio.create_subprocess_exec(
        "sh", "-c", "echo hi; exit 3", stdout=aio_subprocess.PIPE)
    out, err = await p.communicate()
    print(out, err, p.returncode)

    p = await asyncio.create_subprocess_shell(
        "cat; echo to stderr >&2", stdin=aio_subprocess.PIPE,
        stdout=aio_subprocess.PIPE, stderr=aio_subprocess.PIPE)
    out, err = await p.communicate(b"data")
    print(out, err, p.returncode)

    p = await asyncio.create_subprocess_exec(
        "sh", "-c", "echo one; echo two", stdout=aio_subprocess.PIPE)
    lines = []
    while line := await p.stdout.readline():
        lines.append(line)
    print(lines, await p.wait())

    try:
        await asyncio.create_subprocess_exec("no-such-program-tripwire")
    except FileNotFoundError as e:
        print(type(e).__name__, e)

    p = await asyncio.create_subprocess_exec("sleep", "10")
    try:
        await asyncio.wait_for(p.wait(), 0.2)
    except TimeoutError:
        print("timed out")
    p.kill()
    print(await p.wait())

    results = await asyncio.gather(*(
        asyncio.create_subprocess_exec("sh", "-c", f"exit {n}") for n in range(3)))
    print([await p.wait() for p in results])


asyncio.run(main())
