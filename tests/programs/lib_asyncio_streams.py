# asyncio over TCP and UDP on 127.0.0.1: start_server / open_connection echo,
# end of stream, a refused connection, the loop's sock_* calls, a datagram
# endpoint, and a server and connection by the name "localhost".
import asyncio
import socket


async def upper_echo(reader, writer):
    while data := await reader.readline():
        writer.write(data.upper())
        await writer.drain()
    writer.write(b"bye\n")
    writer.close()
    await writer.wait_closed()


async def streams():
    server = await asyncio.start_server(upper_echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print("serving on", host, port > 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(writer.get_extra_info("peername") == (host, port))
    for line in [b"hello\n", b"world\n"]:
        writer.write(line)
        await writer.drain()
        print(await reader.readline())
    writer.write(b"a" * 50_000 + b"\n")
    await writer.drain()
    print(len(await reader.readline()))
    writer.write_eof()
    print(await reader.read())
    print(reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno)


async def low_level():
    loop = asyncio.get_running_loop()
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.setblocking(False)
    cli = socket.socket()
    cli.setblocking(False)
    await loop.sock_connect(cli, srv.getsockname())
    conn, addr = await loop.sock_accept(srv)
    print(addr == cli.getsockname(), conn.gettimeout())
    await loop.sock_sendall(cli, b"over the loop")
    print(await loop.sock_recv(conn, 100))
    buf = bytearray(4)
    await loop.sock_sendall(conn, b"back")
    print(await loop.sock_recv_into(cli, buf), buf)
    for s in (cli, conn, srv):
        s.close()


async def datagrams():
    loop = asyncio.get_running_loop()

    class Echo(asyncio.DatagramProtocol):
        def connection_made(self, transport):
            self.transport = transport

        def datagram_received(self, data, addr):
            self.transport.sendto(data * 2, addr)

    class Client(asyncio.DatagramProtocol):
        def __init__(self):
            self.got = loop.create_future()

        def datagram_received(self, data, addr):
            self.got.set_result((data, addr[0]))

    server, _ = await loop.create_datagram_endpoint(Echo, local_addr=("127.0.0.1", 0))
    client, protocol = await loop.create_datagram_endpoint(
        Client, remote_addr=server.get_extra_info("sockname"))
    client.sendto(b"udp")
    print(await protocol.got)
    client.close()
    server.close()


async def by_name():
    async def greet(reader, writer):
        writer.write(b"hi by name")
        writer.close()

    server = await asyncio.start_server(greet, "localhost", 0, family=socket.AF_INET)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("localhost", port)
    print(await reader.read())
    writer.close()
    server.close()
    await server.wait_closed()


async def main():
    await streams()
    await low_level()
    await datagrams()
    await by_name()


asyncio.run(main())
