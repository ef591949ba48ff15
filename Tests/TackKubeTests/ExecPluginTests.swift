import TackBase
import TackHTTP
import TackJSON
import Testing

@testable import TackKube

/// Exec credential plugins as small shell scripts: each run appends to a counter file, so caching is
/// observable.
@Suite struct ExecPluginTests {
  static func script(_ dir: TempDirectory, name: String = "plugin", version: String, status: String) -> String {
    dir.write(
      name,
      """
      #!/bin/sh
      echo run >> "\(dir.path)/runs"
      printf '%s' "$KUBERNETES_EXEC_INFO" > "\(dir.path)/exec-info"
      printf '%s' "$PLUGIN_GREETING" > "\(dir.path)/env"
      cat <<'JSON'
      {"kind":"ExecCredential","apiVersion":"\(version)","status":\(status)}
      JSON
      """, mode: 0o755)
  }

  static func runs(_ dir: TempDirectory) -> Int {
    ((try? LocalFiles.readText(dir.path + "/runs")) ?? "").split(separator: "\n").count
  }

  static func provider(
    _ command: String, version: String = "client.authentication.k8s.io/v1", dir: TempDirectory,
    mode: KubeConfig.ExecConfig.InteractiveMode? = .never, clusterInfo: JSON? = nil, hint: String? = nil,
    path: String = "/usr/bin:/bin", deadline: Duration? = nil
  ) -> ExecCredentialProvider {
    ExecCredentialProvider(
      plugin: ClientConfig.ExecPlugin(
        config: KubeConfig.ExecConfig(
          command: command, args: ["--flag"], env: [("PLUGIN_GREETING", "hello")], apiVersion: version,
          installHint: hint, provideClusterInfo: clusterInfo != nil, interactiveMode: mode),
        clusterInfo: clusterInfo, userName: "ci"),
      environment: ["PATH": path + ":" + dir.path, "HOME": dir.path], stdinIsTerminal: false, deadline: deadline)
  }

  @Test(arguments: ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"])
  func tokenCachedUntilExpiry(_ version: String) async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let future = RFC3339Time(epochSeconds: RFC3339Time.now().epochSeconds + 3600).rfc3339
    _ = Self.script(dir, version: version, status: #"{"token":"tok-1","expirationTimestamp":"\#(future)"}"#)
    let provider = Self.provider("plugin", version: version, dir: dir, clusterInfo: ["server": "https://x"])
    let first = try await provider.credentials()
    #expect(first.authorization == "Bearer tok-1")
    _ = try await provider.credentials()
    #expect(Self.runs(dir) == 1)
    let info = try JSON.parse(try LocalFiles.read(dir.path + "/exec-info"))
    #expect(info["apiVersion"]?.stringValue == version)
    #expect(info[path: "spec", "interactive"] == false)
    #expect(info[path: "spec", "cluster", "server"] == "https://x")
    #expect(try LocalFiles.readText(dir.path + "/env") == "hello")
    // A 401 with the cached token: run again, once.
    #expect(try await provider.rejected(first))
    #expect(Self.runs(dir) == 2)
    _ = try await provider.credentials()
    #expect(Self.runs(dir) == 2)
  }

  @Test func expiredTokenRunsAgain() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    _ = Self.script(dir, version: "client.authentication.k8s.io/v1", status: #"{"token":"t","expirationTimestamp":"2001-01-01T00:00:00Z"}"#)
    let provider = Self.provider("plugin", dir: dir)
    _ = try await provider.credentials()
    _ = try await provider.credentials()
    #expect(Self.runs(dir) == 2)
  }

  @Test func clientCertificateOutput() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let cert = fakeCertPEM.replacingNewlines()
    let key = fakeKeyPEM.replacingNewlines()
    _ = Self.script(dir, version: "client.authentication.k8s.io/v1beta1", status: #"{"clientCertificateData":"\#(cert)","clientKeyData":"\#(key)"}"#)
    let credentials = try await Self.provider("plugin", version: "client.authentication.k8s.io/v1beta1", dir: dir).credentials()
    #expect(credentials.identity?.certificate == Array(fakeCertPEM.utf8))
    #expect(credentials.authorization == nil)
  }

  @Test func failuresAreOneLineAndNameTheCommand() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    dir.write("failing", "#!/bin/sh\necho 'login expired, run sso login' >&2\nexit 3\n", mode: 0o755)
    dir.write("garbage", "#!/bin/sh\necho 'not json at all'\n", mode: 0o755)
    dir.write("wrongversion", "#!/bin/sh\necho '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"status\":{\"token\":\"x\"}}'\n", mode: 0o755)
    dir.write("empty", "#!/bin/sh\necho '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\",\"status\":{}}'\n", mode: 0o755)

    await #expect(throws: ExecPluginError(user: "ci", command: "failing", problem: .exited(code: 3, stderr: "login expired, run sso login"))) {
      try await Self.provider("failing", dir: dir).credentials()
    }
    for name in ["garbage", "wrongversion", "empty"] {
      do {
        _ = try await Self.provider(name, dir: dir).credentials()
        Issue.record("\(name) should fail")
      } catch let error as ExecPluginError {
        guard case .invalidOutput = error.problem else {
          Issue.record("\(name): \(error)")
          continue
        }
        #expect(error.description.hasPrefix("user \"ci\": exec plugin \"\(name)\" returned an invalid ExecCredential"))
        #expect(!error.description.contains("\n"))
      }
    }
  }

  @Test func missingCommandShowsInstallHint() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let error = await #expect(throws: ExecPluginError.self) {
      try await Self.provider("tack-missing-auth-plugin", dir: dir, hint: "Install gke-gcloud-auth-plugin:\n  gcloud components install gke-gcloud-auth-plugin").credentials()
    }
    #expect(
      error?.description
        == "user \"ci\": exec plugin \"tack-missing-auth-plugin\" was not found on PATH; Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin")
  }

  @Test func alwaysInteractiveNeedsATerminal() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    _ = Self.script(dir, version: "client.authentication.k8s.io/v1", status: #"{"token":"t"}"#)
    await #expect(throws: ExecPluginError(user: "ci", command: "plugin", problem: .needsTerminal)) {
      try await Self.provider("plugin", dir: dir, mode: .always).credentials()
    }
    #expect(Self.runs(dir) == 0)
  }

  /// A plugin that hangs (a login waiting on a network that never answers) and records its pid.
  static func hangingPlugin(_ dir: TempDirectory) -> String {
    dir.write("hang", "#!/bin/sh\necho $$ > \"\(dir.path)/pid\"\nexec sleep 600\n", mode: 0o755)
  }

  @Test func aHangingPluginIsStoppedAtItsDeadline() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    _ = Self.hangingPlugin(dir)
    let provider = Self.provider("hang", dir: dir, deadline: .milliseconds(500))
    let started = ContinuousClock.now
    let error = await #expect(throws: ExecPluginError.self) { try await provider.credentials() }
    #expect(error?.problem == .timedOut(.milliseconds(500)))
    #expect(error?.description.contains("--request-timeout") == true)
    // Half the plugin's own 600 s: the whole suite shares two cores, and a test may wait long for a thread.
    #expect(ContinuousClock.now - started < .seconds(300))
  }

  @Test func cancellingTheRequestStopsThePlugin() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    _ = Self.hangingPlugin(dir)
    let provider = Self.provider("hang", dir: dir)
    let task = Task { try await provider.credentials() }
    var pid: Int32?
    for _ in 0..<250 where pid == nil {
      try await Task.sleep(for: .milliseconds(20))
      pid = (try? LocalFiles.readText(dir.path + "/pid")).flatMap { Int32($0.trimmingCharacters(in: .newlines)) }
    }
    let started = ContinuousClock.now
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(ContinuousClock.now - started < .seconds(300))
    let plugin = try #require(pid)
    var gone = false
    for _ in 0..<600 where !gone {
      let stat = (try? LocalFiles.readText("/proc/\(plugin)/stat")) ?? ""
      gone = stat.isEmpty || stat.split(separator: " ").dropFirst(2).first == "Z"
      if !gone { try await Task.sleep(for: .milliseconds(50)) }
    }
    #expect(gone, "the plugin outlived the cancelled request")
  }

  @Test func commandIsNotRunThroughAShell() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    _ = Self.script(dir, version: "client.authentication.k8s.io/v1", status: #"{"token":"t"}"#)
    await #expect(throws: ExecPluginError.self) {
      try await Self.provider("plugin; touch \(dir.path)/pwned", dir: dir).credentials()
    }
    #expect(!LocalFiles.exists(dir.path + "/pwned"))
    #expect(PluginProcess.lookPath("sh", path: "/nonexistent:/bin") == "/bin/sh")
  }
}

extension String {
  func replacingNewlines() -> String { split(separator: "\n").joined(separator: "\\n") + "\\n" }
}

@Suite struct ExecConcurrencyTests {
  @Test func concurrentRequestsShareOnePluginRun() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    dir.write(
      "slow",
      """
      #!/bin/sh
      echo run >> "\(dir.path)/runs"
      sleep 0.3
      echo '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":"t"}}'
      """, mode: 0o755)
    let provider = ExecPluginTests.provider("slow", dir: dir)
    try await withThrowingTaskGroup(of: RequestCredentials.self) { group in
      for _ in 0..<5 { group.addTask { try await provider.credentials() } }
      for try await credentials in group { #expect(credentials.authorization == "Bearer t") }
    }
    #expect(ExecPluginTests.runs(dir) == 1)
  }
}
