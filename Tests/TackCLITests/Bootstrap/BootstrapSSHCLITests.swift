import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `bootstrap git` over SSH against the test sshd: a deploy key from a file, host keys checked
/// against the user's known_hosts, the secret Flux syncs with.
// Needs sshd (Debian package openssh-server) and ssh-keygen (openssh-client), which CI installs.
@Suite(.requires(.sshd, .sshKeygen, .git, .gitHTTPBackend))
struct BootstrapSSHCLITests {
  struct SSHWorld {
    let world: BootstrapCLIWorld
    let sshd: SSHGitServer
    let keyFile: String
    let publicKey: String
    var url: String { sshd.url(for: world.repository) }

    /// `bootstrap git` over SSH with the key file; `-s` as the key is already authorised.
    func arguments(_ extra: [String] = []) -> [String] {
      [
        "bootstrap", "git", "--url", url, "--private-key-file", keyFile, "-s", "--path", "clusters/dev",
        "--manifests", world.manifests, "--timeout", "1m",
      ] + extra
    }

    func trustHostKey() throws {
      try world.home.write(".ssh/known_hosts", contents: sshd.knownHostsLine + "\n")
    }
  }

  static func key(in directory: TemporaryDirectory, name: String) async throws -> (file: String, publicKey: String) {
    let file = directory.file(name)
    let made = try await ProcessRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", file])
    try #require(made.succeeded, "\(made)")
    return (file, try String(contentsOfFile: file + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  func withSSHWorld(_ body: (SSHWorld) async throws -> Void) async throws {
    try await BootstrapCLIWorld.with { world in
      let (file, publicKey) = try await Self.key(in: world.home, name: "deploy_key")
      let sshd = try await SSHGitServer.start(authorizedKeys: [publicKey])
      defer { sshd.stop() }
      try await body(SSHWorld(world: world, sshd: sshd, keyFile: file, publicKey: publicKey))
    }
  }

  @Test func bootstrapsOverSSHWithAKeyFile() async throws {
    try await withSSHWorld { ssh in
      try ssh.trustHostKey()
      let result = try await ssh.world.tack(ssh.arguments())
      #expect(result.exitCode == 0, "\(result)\n\(ssh.sshd.log)")
      #expect(try ssh.world.repository.log("main").count == 2)
      let secret = try #require(ssh.world.secretData())
      #expect(secret.keys.sorted() == ["identity", "identity.pub", "known_hosts"])
      #expect(secret["identity.pub"]?.hasPrefix(String(ssh.publicKey.split(separator: " ").prefix(2).joined(separator: " "))) == true)
      #expect(secret["known_hosts"]?.contains(ssh.sshd.knownHostsLine.split(separator: " ")[2]) == true)
      let source = try #require(ssh.world.object("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system", "flux-system"))
      #expect(source[path: "spec", "url"]?.stringValue == ssh.url)
      // The double cloned over SSH with the secret's key and known_hosts.
      #expect(source[path: "status", "artifact", "revision"]?.stringValue?.hasPrefix("main@sha1:") == true)
      #expect(result.stderr.contains("✔ public key: ecdsa-sha2-nistp256 "))
      #expect(!result.stderr.contains("PRIVATE KEY"))
    }
  }

  @Test func anUnknownHostKeyStopsBeforeAnythingIsWritten() async throws {
    try await withSSHWorld { ssh in
      let result = try await ssh.world.tack(ssh.arguments())
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stderr.contains("known_hosts"), "\(result)")
      #expect(ssh.world.repository.branches.isEmpty)
      #expect(ssh.world.clusterUntouched)
    }
  }

  @Test func aKeyTheServerDoesNotAcceptStopsBeforeAnythingIsWritten() async throws {
    try await withSSHWorld { ssh in
      try ssh.trustHostKey()
      let (other, _) = try await Self.key(in: ssh.world.home, name: "other_key")
      var arguments = ssh.arguments()
      arguments[arguments.firstIndex(of: ssh.keyFile)!] = other
      let result = try await ssh.world.tack(arguments)
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stderr.contains("✗ failed to clone repository:"), "\(result)")
      #expect(ssh.world.repository.branches.isEmpty)
      #expect(ssh.world.clusterUntouched)
    }
  }
}
