import Synchronization
import TackBase
import TackHTTP
import TackJSON
import TackTestSupport
import Testing

@testable import TackKube

/// The access layer against the test API server over real HTTPS and libcurl: every auth mode, TLS
/// checks, faults and retries, watch, paging, cancellation.
@Suite(.serialized) struct EndToEndTests {
  static let namespaces = APIResource(group: "", version: "v1", name: "namespaces", kind: "Namespace", namespaced: false)
  static let configMaps = APIResource(group: "", version: "v1", name: "configmaps", kind: "ConfigMap", namespaced: true)

  static func client(
    _ kubeconfig: String, overrides: KubeConfigOverrides = KubeConfigOverrides(), retry: RetryPolicy = .standard,
    environment: [String: String] = [:], log: RequestLog? = nil
  ) throws -> KubeClient {
    let loaded = try KubeConfigLoader(explicitPath: kubeconfig, environment: environment).load()
    let config = try ClientConfig.resolve(loaded, overrides: overrides)
    return KubeClient(
      config: config,
      options: KubeClient.Options(
        retry: retry, log: log, environment: environment.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a },
        sleep: { _ in try await Task.sleep(for: .milliseconds(5)) }))
  }

  static func configMap(_ name: String, namespace: String = "default", data: [String: String] = [:]) -> KubeObject {
    var object = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: namespace)
    var json: JSON = [:]
    for (key, value) in data.sorted(by: { $0.key < $1.key }) { json[key] = .string(value) }
    object.json["data"] = json
    return object
  }

  // MARK: auth modes

  @Test func clientCertificateFilesAndData() async throws {
    try await withTestCluster { cluster in
      for user in [KubeconfigUser.admin, .clientCert(cn: "jane", groups: ["system:masters"], embedded: true)] {
        let client = try Self.client(try cluster.writeKubeconfig(user: user))
        let version = try await client.serverVersion()
        #expect(!version.gitVersion.isEmpty)
        _ = try await client.get(Self.namespaces, name: "default")
      }
    }
  }

  @Test func bearerTokenAndBasicAuth() async throws {
    try await withTestCluster { cluster in
      let token = try Self.client(try cluster.writeKubeconfig(user: .token("t0ken", user: "tok", groups: ["system:masters"])))
      _ = try await token.get(Self.namespaces, name: "default")
      #expect(cluster.server.requests(path: "/api/v1/namespaces/default").last?.user == "tok")
      let basic = try Self.client(try cluster.writeKubeconfig(user: .basic(username: "bob", password: "pw", groups: ["system:masters"])))
      _ = try await basic.get(Self.namespaces, name: "default")
      #expect(cluster.server.requests(path: "/api/v1/namespaces/default").last?.user == "bob")
      let anonymous = try Self.client(try cluster.writeKubeconfig(user: .anonymous))
      let error = await #expect(throws: KubeAPIError.self) { try await anonymous.get(Self.namespaces, name: "default") }
      #expect(error?.reason == .unauthorized)
    }
  }

  @Test func tokenFileRotation() async throws {
    try await withTestCluster { cluster in
      let kubeconfig = try cluster.writeKubeconfig(user: .tokenFile("first", user: "rot", groups: ["system:masters"]))
      let client = try Self.client(kubeconfig)
      _ = try await client.get(Self.namespaces, name: "default")
      guard case .tokenFile(let path) = client.config.credentials else {
        Issue.record("expected tokenFile credentials")
        return
      }
      // Rotate: the server only knows the new token now; the file changes under the client.
      cluster.server.addToken("second-token", user: "rot2", groups: ["system:masters"])
      try "second-token".write(toFile: path)
      _ = try await client.get(Self.namespaces, name: "default")
      #expect(cluster.server.requests(path: "/api/v1/namespaces/default").last?.user == "rot2")
    }
  }

  static func execScript(_ cluster: TestCluster, name: String, version: String, tokens: [String], expiry: String?) throws -> String {
    // Prints tokens in turn (one per run), counting runs in a file next to it.
    let directory = cluster.directory.path
    let list = tokens.joined(separator: " ")
    let expiryField = expiry.map { #","expirationTimestamp":"\#($0)""# } ?? ""
    let script = """
      #!/bin/sh
      n=$(cat "\(directory)/\(name).runs" 2>/dev/null || echo 0)
      n=$((n+1))
      echo $n > "\(directory)/\(name).runs"
      i=0
      for t in \(list); do i=$((i+1)); token=$t; [ $i -ge $n ] && break; done
      printf '{"kind":"ExecCredential","apiVersion":"\(version)","status":{"token":"%s"\(expiryField)}}' "$token"
      """
    return try cluster.directory.write(name, contents: script, permissions: 0o755)
  }

  static func runs(_ cluster: TestCluster, _ name: String) -> Int {
    Int(((try? String(contentsOfFile: cluster.directory.path + "/\(name).runs", encoding: .utf8)) ?? "0")
      .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
  }

  @Test(arguments: ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"])
  func execPluginCachesAndRefreshesOnceOn401(_ version: String) async throws {
    try await withTestCluster { cluster in
      let future = RFC3339Time(epochSeconds: RFC3339Time.now().epochSeconds + 3600).rfc3339
      let script = try Self.execScript(cluster, name: "plugin", version: version, tokens: ["stale", "fresh"], expiry: future)
      cluster.server.addToken("fresh", user: "exec", groups: ["system:masters"])
      var kubeconfig = try String(contentsOfFile: try cluster.writeKubeconfig(user: .exec(command: script)), encoding: .utf8)
      kubeconfig = kubeconfig.replacingOccurrences(of: "client.authentication.k8s.io/v1", with: version)
      let path = try cluster.directory.write("exec-\(version.hasSuffix("beta1") ? "b" : "v1").yaml", contents: kubeconfig)
      let client = try Self.client(path)
      // First run yields "stale" → 401 → plugin runs again → "fresh" → success.
      _ = try await client.get(Self.namespaces, name: "default")
      #expect(Self.runs(cluster, "plugin") == 2)
      // Cached until expiry: no more runs.
      _ = try await client.get(Self.namespaces, name: "default")
      _ = try await client.list(Self.namespaces)
      #expect(Self.runs(cluster, "plugin") == 2)
    }
  }

  @Test func execPluginFailureAndMissingCommand() async throws {
    try await withTestCluster { cluster in
      let failing = try cluster.directory.write("fail", contents: "#!/bin/sh\necho 'token expired' >&2\nexit 2\n", permissions: 0o755)
      let client = try Self.client(try cluster.writeKubeconfig(user: .exec(command: failing)))
      let error = await #expect(throws: ExecPluginError.self) { try await client.get(Self.namespaces, name: "default") }
      #expect(error?.description.contains("failed with exit code 2: token expired") == true)

      let missing = try Self.client(try cluster.writeKubeconfig(user: .exec(command: "tack-no-such-plugin")))
      let notFound = await #expect(throws: ExecPluginError.self) { try await missing.get(Self.namespaces, name: "default") }
      #expect(notFound?.description.contains("\"tack-no-such-plugin\" was not found on PATH") == true)
      #expect(cluster.server.requests(path: "/api/v1/namespaces/default").isEmpty)
    }
  }

  // MARK: TLS

  @Test func tlsVerification() async throws {
    try await withTestCluster { cluster in
      let wrongCA = try Self.client(try cluster.writeKubeconfig(trust: .untrustedCA))
      let tlsError = await #expect(throws: KubeTransportError.self) { try await wrongCA.serverVersion() }
      #expect(tlsError?.kind == .tls)
      let systemRoots = try Self.client(try cluster.writeKubeconfig(trust: .systemRoots))
      await #expect(throws: KubeTransportError.self) { try await systemRoots.serverVersion() }
      let insecure = try Self.client(try cluster.writeKubeconfig(trust: .insecureSkipTLSVerify))
      _ = try await insecure.serverVersion()
      let caFile = try Self.client(try cluster.writeKubeconfig(trust: .caFile))
      _ = try await caFile.serverVersion()
      let flagInsecure = try Self.client(
        try cluster.writeKubeconfig(trust: .untrustedCA), overrides: KubeConfigOverrides(insecureSkipTLSVerify: true))
      _ = try await flagInsecure.serverVersion()
    }
  }

  @Test func tlsServerName() async throws {
    try await withTestCluster { cluster in
      let kubeconfig = try cluster.writeKubeconfig()
      // The certificate names kubernetes.default but not this name: verification against it fails.
      let wrong = try Self.client(kubeconfig, overrides: KubeConfigOverrides(tlsServerName: "not-in-the-cert.example"))
      let error = await #expect(throws: KubeTransportError.self) { try await wrong.serverVersion() }
      #expect(error?.kind == .tls)
      let right = try Self.client(kubeconfig, overrides: KubeConfigOverrides(tlsServerName: "kubernetes.default"))
      _ = try await right.serverVersion()
    }
  }

  // MARK: errors, faults and retries

  @Test func errorMappingFromTheServer() async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(try cluster.writeKubeconfig())
      let notFound = await #expect(throws: KubeAPIError.self) {
        try await client.get(Self.configMaps, name: "nope", namespace: "default")
      }
      #expect(notFound?.description == "Error from server (NotFound): configmaps \"nope\" not found")
      #expect(notFound?.exitStatus == .notFound)
      _ = try await client.create(Self.configMaps, Self.configMap("dup"))
      let exists = await #expect(throws: KubeAPIError.self) { try await client.create(Self.configMaps, Self.configMap("dup")) }
      #expect(exists?.reason == .alreadyExists)
      var stale = try await client.get(Self.configMaps, name: "dup", namespace: "default")
      _ = try await client.patch(Self.configMaps, name: "dup", namespace: "default", .merge(["data": ["a": "1"]]))
      stale.json["data"] = ["b": "2"]
      let conflict = await #expect(throws: KubeAPIError.self) { try await client.update(Self.configMaps, stale) }
      #expect(conflict?.reason == .conflict)
      let viewer = try Self.client(try cluster.writeKubeconfig(user: .token("v", user: "viewer")))
      cluster.server.deny(AccessRule(user: "viewer", verbs: ["delete"]))
      let forbidden = await #expect(throws: KubeAPIError.self) {
        try await viewer.delete(Self.configMaps, name: "dup", namespace: "default")
      }
      #expect(forbidden?.reason == .forbidden)
    }
  }

  @Test(arguments: [429, 500, 502, 503, 504])
  func readsRetryInjectedFaults(_ code: Int) async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(try cluster.writeKubeconfig())
      cluster.server.inject(Fault(.status(code, retryAfter: code == 500 || code == 429 ? 0 : nil), method: "GET", path: "/api/v1/namespaces/default", times: 2))
      _ = try await client.get(Self.namespaces, name: "default")
      #expect(cluster.server.requests(method: "GET", path: "/api/v1/namespaces/default").count == 3)
    }
  }

  @Test func connectionDropsRetryReads() async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(try cluster.writeKubeconfig())
      cluster.server.inject(Fault(.closeConnection, method: "GET", path: "/api/v1/namespaces/default", times: 1))
      _ = try await client.get(Self.namespaces, name: "default")
      #expect(cluster.server.requests(method: "GET", path: "/api/v1/namespaces/default").count >= 2)
    }
  }

  @Test func createThatReachedTheServerIsNotRetried() async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(try cluster.writeKubeconfig())
      cluster.server.inject(Fault(.resetMidBody, method: "POST", path: "*/configmaps", times: 1))
      await #expect(throws: KubeTransportError.self) { try await client.create(Self.configMaps, Self.configMap("once")) }
      #expect(cluster.server.requests(method: "POST", path: "*/configmaps").count == 1)
      // It was created (the fault fires after the store wrote it): retrying would have failed.
      _ = try await client.get(Self.configMaps, name: "once", namespace: "default")

      cluster.server.inject(Fault(.status(503), method: "POST", path: "*/configmaps", times: 1))
      await #expect(throws: KubeAPIError.self) { try await client.create(Self.configMaps, Self.configMap("twice")) }
      #expect(cluster.server.requests(method: "POST", path: "*/configmaps").count == 2)
    }
  }

  @Test func createRetriedWhenTheServerWasUnreachable() async throws {
    // Nothing listens on this port: the request never reaches a server, so even a create retries.
    let attempts = Mutex(0)
    let log = RequestLog { _ in attempts.withLock { $0 += 1 } }
    let config = try ClientConfig.resolve(
      LoadedKubeConfig(config: KubeConfig(), files: []),
      overrides: KubeConfigOverrides(server: "https://127.0.0.1:9", token: "t"))
    let client = KubeClient(
      config: config, options: KubeClient.Options(retry: RetryPolicy(maxAttempts: 3), log: log, sleep: { _ in }))
    let error = await #expect(throws: KubeTransportError.self) { try await client.create(Self.configMaps, Self.configMap("x")) }
    #expect(error?.kind == .connectionRefused)
    #expect(attempts.withLock { $0 } == 3)
  }

  @Test func requestDeadline() async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(try cluster.writeKubeconfig(), overrides: KubeConfigOverrides(requestTimeout: .milliseconds(300)))
      cluster.server.inject(Fault(.latency(.seconds(3)), method: "GET", path: "/version"))
      let start = ContinuousClock.now
      let error = await #expect(throws: KubeTransportError.self) { try await client.serverVersion() }
      #expect(error?.kind == .timedOut)
      #expect(error?.exitStatus == .timedOut)
      #expect(ContinuousClock.now - start < .seconds(2))
    }
  }

  @Test func cancellationAbortsASlowRequest() async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(try cluster.writeKubeconfig())
      cluster.server.inject(Fault(.latency(.seconds(5)), method: "GET", path: "/version"))
      let task = Task { try await client.serverVersion() }
      try await Task.sleep(for: .milliseconds(200))
      let start = ContinuousClock.now
      task.cancel()
      await #expect(throws: CancellationError.self) { try await task.value }
      #expect(ContinuousClock.now - start < .seconds(2), "the server would answer only after 5 s")
    }
  }

  // MARK: list, watch

  @Test func pagingAcrossContinueTokens() async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(try cluster.writeKubeconfig())
      for index in 0..<7 {
        _ = try await client.create(Self.configMaps, Self.configMap("cm-\(index)", namespace: "default"))
      }
      var sizes: [Int] = []
      for try await page in client.listPages(Self.configMaps, namespace: "default", pageSize: 3) {
        sizes.append(page.items.count)
      }
      #expect(sizes == [3, 3, 1])
      let all = try await client.list(Self.configMaps, namespace: "default", pageSize: 3)
      #expect(all.items.map(\.name).sorted() == (0..<7).map { "cm-\($0)" })
      #expect(cluster.server.requests(method: "GET", path: "/api/v1/namespaces/default/configmaps").filter { $0.query.contains("continue=") }.count == 4)
    }
  }

  @Test func watchResumesAfterADroppedConnection() async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(try cluster.writeKubeconfig())
      _ = try await client.create(Self.configMaps, Self.configMap("w0"))
      cluster.server.inject(Fault(.dropWatch(afterEvents: 1), path: "*/configmaps", watch: true, times: 1))
      let stream = client.watch(Self.configMaps, namespace: "default")
      let writer = Task {
        try await Task.sleep(for: .milliseconds(200))
        for index in 1...3 {
          _ = try await client.create(Self.configMaps, Self.configMap("w\(index)"))
          try await Task.sleep(for: .milliseconds(50))
        }
      }
      var names: [String] = []
      for try await event in stream {
        names.append("\(event.type.rawValue) \(event.object.name)")
        if names.count == 4 { break }
      }
      try await writer.value
      #expect(names == ["ADDED w0", "ADDED w1", "ADDED w2", "ADDED w3"])
      #expect(cluster.server.requests(method: "GET", path: "*/configmaps").filter { $0.query.contains("watch") }.count >= 2)
    }
  }

  @Test func watchRelistsAfterGone() async throws {
    var configuration = APIServer.Configuration()
    configuration.watchHistoryLimit = 2
    try await withTestCluster(configuration) { cluster in
      let client = try Self.client(try cluster.writeKubeconfig())
      _ = try await client.create(Self.configMaps, Self.configMap("a"))
      let list = try await client.list(Self.configMaps, namespace: "default")
      // Changes beyond the server's watch history: resuming from the old version gets 410.
      for index in 0..<5 {
        _ = try await client.patch(Self.configMaps, name: "a", namespace: "default", .merge(["data": ["n": .string("\(index)")]]))
      }
      _ = try await client.create(Self.configMaps, Self.configMap("b"))
      var options = WatchOptions(initialList: false)
      options.list.resourceVersion = list.resourceVersion
      var seen: [String] = []
      for try await event in client.watch(Self.configMaps, namespace: "default", options: options) {
        seen.append("\(event.type.rawValue) \(event.object.name)")
        if seen.count == 2 { break }
      }
      #expect(Set(seen) == ["ADDED a", "ADDED b"])
    }
  }

  @Test func cancellingALongWatch() async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(try cluster.writeKubeconfig())
      let task = Task {
        for try await _ in client.watch(Self.configMaps, namespace: "default") {}
      }
      try await Task.sleep(for: .milliseconds(300))
      let start = ContinuousClock.now
      task.cancel()
      _ = try? await task.value
      #expect(ContinuousClock.now - start < .seconds(2), "the watch never ends by itself")
    }
  }

  @Test func gzipResponsesAndDisableCompression() async throws {
    try await withTestCluster { cluster in
      let kubeconfig = try cluster.writeKubeconfig()
      let client = try Self.client(kubeconfig)
      // Big enough for the server to compress (its threshold is 128 KiB).
      let big = String(repeating: "x", count: 300 * 1024)
      _ = try await client.create(Self.configMaps, Self.configMap("big", data: ["payload": big]))
      let fetched = try await client.get(Self.configMaps, name: "big", namespace: "default")
      #expect(fetched.json[path: "data", "payload"]?.stringValue?.count == big.count)
      #expect(cluster.server.requests(method: "GET", path: "*/configmaps/big").last?.header("Accept-Encoding") == "gzip")
      let plain = try Self.client(kubeconfig, overrides: KubeConfigOverrides(disableCompression: true))
      _ = try await plain.get(Self.configMaps, name: "big", namespace: "default")
      #expect(cluster.server.requests(method: "GET", path: "*/configmaps/big").last?.header("Accept-Encoding") == nil)
    }
  }

  @Test func impersonationHeaders() async throws {
    try await withTestCluster { cluster in
      let client = try Self.client(
        try cluster.writeKubeconfig(), overrides: KubeConfigOverrides(impersonate: "jane", impersonateGroups: ["dev", "ops"]))
      _ = try? await client.serverVersion()
      let headers = cluster.server.requests(path: "/version").last?.headers ?? []
      #expect(headers.filter { $0.0.lowercased() == "impersonate-user" }.map(\.1) == ["jane"])
      #expect(headers.filter { $0.0.lowercased() == "impersonate-group" }.map(\.1) == ["dev", "ops"])
    }
  }

  // MARK: discovery, proxy, raw

  @Test func discoveryOfFluxCRDs() async throws {
    try await withTestCluster { cluster in
      try cluster.installCRDs(.flux)
      let client = try Self.client(try cluster.writeKubeconfig())
      for name in ["ks", "kustomization", "Kustomization", "kustomizations.kustomize.toolkit.fluxcd.io"] {
        let resource = try await client.resource(for: name)
        #expect(resource.qualifiedName == "kustomizations.kustomize.toolkit.fluxcd.io")
        #expect(resource.namespaced)
      }
      #expect(try await client.resource(for: "cm").name == "configmaps")
      await #expect(throws: KubeDiscoveryError.self) { try await client.resource(for: "widgets") }
    }
  }

  @Test func serviceProxy() async throws {
    try await withTestCluster { cluster in
      cluster.server.proxy.register(namespace: "test", service: "loadtester") { request in
        request.path == "/healthz" ? .text("ok") : .text("denied: \(request.bodyText)", status: 403)
      }
      let client = try Self.client(try cluster.writeKubeconfig())
      let ok = try await client.proxy(service: "loadtester", namespace: "test", path: "/healthz")
      #expect(ok.status == 200 && ok.bodyText == "ok")
      let denied = try await client.proxy(service: "loadtester", namespace: "test", method: "POST", path: "/gate", body: Array("{}".utf8))
      #expect(denied.status == 403 && denied.bodyText == "denied: {}")
      let error = await #expect(throws: KubeAPIError.self) {
        try await client.proxy(service: "nobody", namespace: "test", path: "/")
      }
      // The API server's own failure (no such service / no endpoints), not a service answer.
      #expect(error?.code == 404 || error?.code == 503)
    }
  }

  @Test func rawPathsAndVerboseLogging() async throws {
    try await withTestCluster { cluster in
      let lines = Mutex<[String]>([])
      let client = try Self.client(
        try cluster.writeKubeconfig(user: .token("super-secret-token", user: "u", groups: ["system:masters"])),
        log: RequestLog(level: 2) { line in lines.withLock { $0.append(line) } })
      let version = try await client.raw("/version")
      #expect(try JSON.parse(version.body)["gitVersion"] != nil)
      let error = await #expect(throws: KubeAPIError.self) { try await client.raw("/no/such/path") }
      #expect(error?.exitStatus == .notFound)
      let text = lines.withLock { $0 }.joined(separator: "\n")
      #expect(text.contains("GET \(cluster.url)/version 200 OK in"))
      #expect(!text.contains("super-secret-token"))
    }
  }
}

import Foundation

extension String {
  func write(toFile path: String) throws {
    try self.write(toFile: path, atomically: true, encoding: .utf8)
  }
}
