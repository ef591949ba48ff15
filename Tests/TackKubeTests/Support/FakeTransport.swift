import Synchronization
import TackHTTP
import TackJSON

@testable import TackKube

/// A scripted transport: each request is recorded and answered by `respond`, which sees the request
/// and its index (0-based) among all requests.
final class FakeTransport: HTTPTransport {
  enum Answer: Sendable {
    case response(HTTPResponse)
    case stream(status: Int, chunks: [[UInt8]], error: (any Error)? = nil, headers: [(name: String, value: String)] = [])
    case failure(any Error)
    /// Waits until cancelled (a request that never finishes).
    case hang
  }

  private let recorded = Mutex<[HTTPRequest]>([])
  let respond: @Sendable (HTTPRequest, Int) -> Answer

  init(_ respond: @escaping @Sendable (HTTPRequest, Int) -> Answer) { self.respond = respond }

  var requests: [HTTPRequest] { recorded.withLock { $0 } }
  var count: Int { recorded.withLock { $0.count } }

  private func record(_ request: HTTPRequest) -> Int {
    recorded.withLock { list in
      list.append(request)
      return list.count - 1
    }
  }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    switch respond(request, record(request)) {
    case .response(let response): return response
    case .stream(let status, let chunks, let error, let headers):
      if let error { throw error }
      return HTTPResponse(status: status, headers: headers, body: chunks.flatMap { $0 })
    case .failure(let error): throw error
    case .hang:
      try await Task.sleep(for: .seconds(3600))
      throw CancellationError()
    }
  }

  func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
    switch respond(request, record(request)) {
    case .response(let response):
      return HTTPStreamResponse(status: response.status, headers: response.headers, body: .chunks([response.body]))
    case .stream(let status, let chunks, let error, let headers):
      return HTTPStreamResponse(status: status, headers: headers, body: .chunks(chunks, then: error))
    case .failure(let error): throw error
    case .hang:
      try await Task.sleep(for: .seconds(3600))
      throw CancellationError()
    }
  }
}

extension HTTPResponse {
  static func json(_ status: Int, _ json: JSON, headers: [(name: String, value: String)] = []) -> HTTPResponse {
    HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: json.serializedBytes())
  }

  static func status(_ code: Int, reason: String, message: String, headers: [(name: String, value: String)] = [])
    -> HTTPResponse
  {
    .json(
      code,
      [
        "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure", "message": .string(message),
        "reason": .string(reason), "code": .int(code),
      ], headers: headers)
  }
}

enum Fixtures {
  static let server = try! ServerURL(parsing: "https://127.0.0.1:6443")

  static func client(
    _ transport: FakeTransport, retry: RetryPolicy = .standard, credentials: (any CredentialSource)? = nil,
    log: RequestLog? = nil, timeout: Duration? = nil
  ) -> KubeClient {
    var config = ClientConfig(server: server)
    config.requestTimeout = timeout
    return KubeClient(
      config: config,
      options: KubeClient.Options(
        transport: transport, credentials: credentials, retry: retry, log: log, sleep: { _ in }))
  }

  static let kustomizations = APIResource(
    group: "kustomize.toolkit.fluxcd.io", version: "v1", name: "kustomizations", kind: "Kustomization",
    namespaced: true, shortNames: ["ks"])

  static func object(_ name: String, namespace: String = "flux-system", rv: String, uid: String? = nil) -> JSON {
    [
      "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
      "metadata": [
        "name": .string(name), "namespace": .string(namespace), "resourceVersion": .string(rv),
        "uid": .string(uid ?? "uid-\(name)"),
      ],
    ]
  }

  static func list(_ items: [JSON], rv: String, continueToken: String? = nil) -> JSON {
    var metadata: JSON = ["resourceVersion": .string(rv)]
    if let continueToken { metadata["continue"] = .string(continueToken) }
    return ["apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "KustomizationList", "metadata": metadata, "items": .array(items)]
  }

  static func event(_ type: String, _ object: JSON) -> [UInt8] {
    (["type": .string(type), "object": object] as JSON).serializedBytes() + [10]
  }
}

/// A fresh directory under the system temp directory, removed by `cleanup()`.
struct TempDirectory {
  let path: String

  init() {
    var template = Array("/tmp/tack-kube-test-XXXXXX".utf8CString)
    let result = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    path = String(cString: result!)
  }

  @discardableResult
  func write(_ name: String, _ text: String, mode: mode_t = 0o644) -> String {
    let full = path + "/" + name
    var directory = ""
    for component in LocalFiles.directory(of: full).split(separator: "/") {
      directory += "/" + component
      mkdir(directory, 0o755)
    }
    let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, mode)
    _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
    close(fd)
    chmod(full, mode)
    return full
  }

  func cleanup() {
    var info = stat()
    func remove(_ path: String) {
      if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        if let dir = opendir(path) {
          while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
              String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            remove(path + "/" + name)
          }
          closedir(dir)
        }
        rmdir(path)
      } else {
        unlink(path)
      }
    }
    remove(path)
  }
}

#if canImport(Glibc)
  import Glibc
#endif
