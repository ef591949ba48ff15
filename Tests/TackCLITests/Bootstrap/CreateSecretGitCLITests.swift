import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack create secret git`: the same secret bootstrap writes, upserted, or exported.
@Suite struct CreateSecretGitCLITests {
  struct World {
    let cluster: TestCluster
    let kubeconfig: String
    let home: TemporaryDirectory

    func tack(_ arguments: [String]) async throws -> TackResult {
      var env = BootstrapCLI.environment(home: home.path)
      env["KUBECONFIG"] = kubeconfig
      return await InProcessTack.run(arguments, exactEnvironment: env)
    }

    func secret(_ name: String, namespace: String = "flux-system") -> (data: [String: String], labels: [String: String])? {
      guard let secret = try? cluster.store.get(apiVersion: "v1", kind: "Secret", namespace: namespace, name: name) else {
        return nil
      }
      var data: [String: String] = [:]
      for member in secret["data"]?.objectValue ?? [:] {
        data[member.key] = member.value.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
      }
      var labels: [String: String] = [:]
      for member in secret[path: "metadata", "labels"]?.objectValue ?? [:] { labels[member.key] = member.value.stringValue }
      return (data, labels)
    }
  }

  func withWorld(_ body: (World) async throws -> Void) async throws {
    let cluster = try await TestCluster.start()
    let home = try TemporaryDirectory(prefix: "tack-secret-home")
    try cluster.store.ensureNamespace("flux-system")
    let world = World(cluster: cluster, kubeconfig: try cluster.writeKubeconfig(), home: home)
    do {
      try await body(world)
    } catch {
      await cluster.stop()
      home.remove()
      throw error
    }
    await cluster.stop()
    home.remove()
  }

  @Test func basicAuthIsUpsertedDataReplacedLabelsMerged() async throws {
    try await withWorld { world in
      let ca = try world.home.write("ca.crt", contents: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
      let first = try await world.tack([
        "create", "secret", "git", "fleet-auth", "--url", "https://git.example.com/fleet.git", "-u", "git", "-p", "first",
        "--ca-crt-file", ca, "--label", "team=ops",
      ])
      #expect(first.exitCode == 0, "\(first)")
      #expect(first.stderr == "► git secret 'fleet-auth' created in 'flux-system' namespace\n")
      #expect(world.secret("fleet-auth")?.data == ["username": "git", "password": "first", "ca.crt": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"])

      // Switching to a bearer token replaces the data: no stale username/password is left behind.
      let second = try await world.tack([
        "create", "secret", "git", "fleet-auth", "--url", "https://git.example.com/fleet.git", "--bearer-token", "tok",
        "--label", "env=prod",
      ])
      #expect(second.exitCode == 0, "\(second)")
      let updated = try #require(world.secret("fleet-auth"))
      #expect(updated.data == ["bearerToken": "tok"])
      #expect(updated.labels == ["team": "ops", "env": "prod"])
      #expect(!first.stderr.contains("first") && !second.stderr.contains("tok"))
    }
  }

  @Test func exportPrintsFluxsYAMLAndTouchesNothing() async throws {
    try await withWorld { world in
      let result = try await world.tack([
        "create", "secret", "git", "fleet-auth", "--url", "https://git.example.com/fleet.git", "-u", "git", "-p", "pw",
        "--export", "-n", "apps",
      ])
      #expect(result.exitCode == 0, "\(result)")
      #expect(result.stdout == """
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: fleet-auth
          namespace: apps
        stringData:
          password: pw
          username: git

        """)
      #expect(result.stderr.isEmpty)
      #expect(world.secret("fleet-auth", namespace: "apps") == nil)
    }
  }

  @Test func flagMistakesAreUsageErrors() async throws {
    try await withWorld { world in
      let noCredentials = try await world.tack(["create", "secret", "git", "x", "--url", "https://git.example.com/fleet.git"])
      #expect(noCredentials.exitCode == 64, "\(noCredentials)")
      #expect(noCredentials.stderr.contains("the username and password (-u, -p), or a bearer token"))
      let both = try await world.tack([
        "create", "secret", "git", "x", "--url", "https://h/r", "-u", "u", "-p", "p", "--bearer-token", "t",
      ])
      #expect(both.exitCode == 64, "\(both)")
      let scheme = try await world.tack(["create", "secret", "git", "x", "--url", "file:///srv/fleet.git"])
      #expect(scheme.exitCode == 64, "\(scheme)")
      #expect(world.secret("x") == nil)
    }
  }

  // Needs sshd (Debian package openssh-server) for a real host-key scan, which CI installs.
  @Test(.requires(.sshd, .sshKeygen))
  func sshGeneratesAKeyAndScansTheHost() async throws {
    try await withWorld { world in
      let sshd = try await SSHGitServer.start(authorizedKeys: [])
      defer { sshd.stop() }
      let url = "ssh://git@127.0.0.1:\(sshd.port)/fleet.git"
      let result = try await world.tack(["create", "secret", "git", "deploy", "--url", url, "--ssh-key-algorithm", "ed25519"])
      #expect(result.exitCode == 0, "\(result)")
      #expect(result.stderr.hasPrefix("✚ deploy key: ssh-ed25519 "))
      let secret = try #require(world.secret("deploy"))
      #expect(secret.data.keys.sorted() == ["identity", "identity.pub", "known_hosts"])
      #expect(secret.data["identity"]?.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----") == true)
      #expect(secret.data["identity.pub"]?.hasPrefix("ssh-ed25519 ") == true)
      // The scanned key is the server's own host key.
      let hostKey = sshd.knownHostsLine.split(separator: " ")[2]
      #expect(secret.data["known_hosts"]?.contains(hostKey) == true, "\(secret.data["known_hosts"] ?? "")")
      #expect(!result.stderr.contains("PRIVATE KEY"))
      // ssh-keygen accepts the stored key and derives the stored public key from it.
      let keyFile = try world.home.write("identity", contents: secret.data["identity"] ?? "", permissions: 0o600)
      let derived = try await ProcessRunner.run("/usr/bin/ssh-keygen", ["-y", "-f", keyFile])
      #expect(derived.succeeded, "\(derived)")
      #expect(secret.data["identity.pub"]?.hasPrefix(derived.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == true)
    }
  }
}
