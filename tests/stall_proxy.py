"""A TCP proxy process that can stall: it keeps every socket open but stops forwarding bytes, then resumes.

Run as `python tests/stall_proxy.py TARGET_HOST TARGET_PORT`; it prints the port it listens on, then forwards.
SIGUSR1 stalls it (bytes received are held, new connections are accepted but not forwarded), SIGUSR2 resumes
(held bytes go on, in order). A hung database server or proxy, or a network path that has stopped delivering,
looks like this to the client: nothing is refused or reset, answers just never come.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, flowing: asyncio.Event) -> None:
    try:
        while data := await reader.read(65536):
            await flowing.wait()
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        with contextlib.suppress(ConnectionError, OSError):
            writer.close()


async def _serve(target_host: str, target_port: int) -> None:
    flowing = asyncio.Event()
    flowing.set()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, flowing.clear)
    loop.add_signal_handler(signal.SIGUSR2, flowing.set)
    # Stopping drops every connection at once, as a vanished proxy would.
    loop.add_signal_handler(signal.SIGTERM, os._exit, 0)

    async def connect(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        await flowing.wait()
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(target_host, target_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            _pipe(client_reader, upstream_writer, flowing), _pipe(upstream_reader, client_writer, flowing)
        )

    server = await asyncio.start_server(connect, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(_serve(sys.argv[1], int(sys.argv[2])))
