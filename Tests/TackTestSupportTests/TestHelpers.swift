import Foundation
import TackJSON
@testable import TackTestSupport

/// One server (with Flux and Flagger CRDs) shared by the tests that only need isolation by
/// namespace; tests that change server-wide settings (faults, access rules) start their own.
enum SharedCluster {
  static let cluster = Task { () throws -> TestCluster in
    let cluster = try await TestCluster.start()
    try cluster.installCRDs(.all)
    return cluster
  }

  static func get() async throws -> TestCluster { try await cluster.value }

  /// A fresh namespace for one test.
  static func namespace(_ prefix: String, in cluster: TestCluster) throws -> String {
    let name = "\(prefix)-\(UUID().uuidString.prefix(6).lowercased())"
    try cluster.store.ensureNamespace(name)
    return name
  }
}

/// A raw HTTP answer (from curl).
struct HTTPAnswer {
  var status: Int
  var headers: [(String, String)]
  var body: String
  var json: JSON? { try? JSON.parse(body) }

  func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
  func headers(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
}

/// Talks to a test cluster with the curl CLI (real TLS, client certificates, tokens).
struct Curl {
  let cluster: TestCluster

  enum Credential { case admin, token(String), basic(String, String), none, certificate(IssuedCertificate) }

  func request(_ method: String, _ path: String, body: String? = nil, contentType: String = "application/json",
    headers: [String: String] = [:], as credential: Credential = .admin, timeout: Int = 20) async throws -> HTTPAnswer
  {
    let ca = try cluster.directory.write("curl-ca-\(UUID().uuidString.prefix(8)).crt", contents: cluster.caPEM)
    var arguments = ["-sS", "-i", "--max-time", String(timeout), "--cacert", ca, "-X", method]
    var credential = credential
    if case .admin = credential { credential = .certificate(try cluster.adminCertificate()) }
    switch credential {
    case .admin: break
    case .certificate(let issued):
      let name = UUID().uuidString.prefix(8)
      arguments += ["--cert", try cluster.directory.write("\(name).crt", contents: issued.certificatePEM),
                    "--key", try cluster.directory.write("\(name).key", contents: issued.privateKeyPEM)]
    case .token(let token): arguments += ["-H", "Authorization: Bearer \(token)"]
    case .basic(let user, let password): arguments += ["-u", "\(user):\(password)"]
    case .none: break
    }
    for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
    if body != nil {
      arguments += ["-H", "Content-Type: \(contentType)", "--data-binary", "@-"]
    }
    arguments.append(cluster.url + path)
    let result = try await ProcessRunner.run("curl", arguments, stdin: body.map { Array($0.utf8) },
      timeout: .seconds(timeout + 5))
    return Curl.parse(result.stdout)
  }

  static func parse(_ output: String) -> HTTPAnswer {
    var text = Substring(output)
    var status = 0
    var headers: [(String, String)] = []
    // Skip interim responses; the last header block wins.
    while text.hasPrefix("HTTP/") {
      guard let end = text.range(of: "\r\n\r\n") else { break }
      let block = text[..<end.lowerBound]
      text = text[end.upperBound...]
      let lines = block.split(separator: "\r\n")
      status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
      headers = lines.dropFirst().compactMap { line in
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
      }
    }
    return HTTPAnswer(status: status, headers: headers, body: String(text))
  }
}

func gitRepository(_ name: String, namespace: String, url: String = "https://github.com/example/repo") -> JSON {
  ["apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
   "metadata": ["name": .string(name), "namespace": .string(namespace)],
   "spec": ["interval": "1m", "url": .string(url), "ref": ["branch": "main"]]]
}

func configMap(_ name: String, namespace: String, data: JSON = ["key": "value"], labels: JSON = [:]) -> JSON {
  ["apiVersion": "v1", "kind": "ConfigMap",
   "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": labels], "data": data]
}
