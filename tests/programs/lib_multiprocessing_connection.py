# multiprocessing.connection: a Listener and a Client with an authkey (the HMAC
# challenge messages are built with bytes %), in two threads of one process.
import threading
from multiprocessing.connection import Listener, Client

with Listener(('127.0.0.1', 0), authkey=b'secret') as listener:
    def serve():
        with listener.accept() as conn:
            msg = conn.recv()
            conn.send(('echo', msg, len(msg)))
            conn.send_bytes(b'raw bytes')
    t = threading.Thread(target=serve)
    t.start()
    with Client(listener.address, authkey=b'secret') as conn:
        conn.send([1, 2.5, 'three', b'four'])
        print(conn.recv())
        print(conn.recv_bytes())
    t.join()

with Listener(('127.0.0.1', 0), authkey=b'right') as listener:
    seen = []
    def refuse():
        try:
            listener.accept()
        except Exception as e:
            seen.append(f'server: {type(e).__name__} {e}')
    t = threading.Thread(target=refuse)
    t.start()
    try:
        Client(listener.address, authkey=b'wrong')
    except Exception as e:
        print('client:', type(e).__name__, e)
    t.join()
    print(*seen)
