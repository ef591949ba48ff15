import Foundation
import TackHTTP
import TackTesting
import TackTestSupport
import Testing

/// A configured proxy: an HTTP CONNECT proxy (a small Python script standing in for squid) carries
/// the TLS connection to an HTTPS server (the test API server).
@Suite(.serialized) struct ProxyTests {
  static let proxyScript = #"""
    import socket, sys, threading
    log = open(sys.argv[1], "a", buffering=1)
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    print(server.getsockname()[1], flush=True)
    def pipe(a, b):
        try:
            while True:
                data = a.recv(65536)
                if not data: break
                b.sendall(data)
        except OSError: pass
        finally:
            for s in (a, b):
                try: s.shutdown(socket.SHUT_RDWR)
                except OSError: pass
    def handle(client):
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(4096)
            if not chunk: return
            head += chunk
        line = head.split(b"\r\n")[0].decode()
        method, target = line.split(" ")[:2]
        log.write(line + "\n")
        if method != "CONNECT":
            client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\n\r\n"); client.close(); return
        host, port = target.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)))
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
        pipe(upstream, client)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()
    """#

  // Needs python3 for the stand-in proxy.
  @Test(.requires(.python3))
  func httpsThroughAnHTTPProxy() async throws {
    try await withTestCluster { cluster in
      let script = try cluster.directory.write("proxy.py", contents: Self.proxyScript)
      let logFile = cluster.directory.file("proxy.log")
      let proxy = try BackgroundProcess("python3", [script, logFile])
      defer { proxy.terminate() }
      let portLine = await proxy.waitForLines(1, timeout: .seconds(30)).first ?? ""
      let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)), "\(proxy.stderr)")

      let client = HTTPClient(
        configuration: .init(
          tls: TLSOptions(certificateAuthority: Array(cluster.caPEM.utf8)), proxy: "http://127.0.0.1:\(port)"))
      #expect(try await client.send(HTTPRequest(url: cluster.url + "/version")).status == 200)
      let log = try String(contentsOfFile: logFile, encoding: .utf8)
      #expect(log.contains("CONNECT 127.0.0.1:\(cluster.server.port) HTTP/1.1"))
    }
  }
}
